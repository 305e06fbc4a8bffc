import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  bearer,
  createMerchant,
  createTestApp,
  orderNumber,
  type TestApp,
  type TestMerchant,
} from './helpers/context.js';
import { anyJson, deeplyNested, fromSchema, NASTY_STRINGS, spoil } from './helpers/hostile.js';
import { createConnection, standardHeaders } from './helpers/webhooks.js';

// Bad input at scale: well over 10,000 malformed or hostile requests across every route of the OpenAPI
// document, the webhook intake, the tracking pages and the agent console. Bodies are drawn from each route's
// own schema and then spoiled one field at a time (wrong types, injection strings, unicode edge cases), or
// replaced by broken JSON, XML, huge and deeply nested bodies; ids are another merchant's, random, or junk;
// keys are missing, wrong, or the other merchant's. Every answer must be below 500, the service healthy
// afterwards, the other merchant's data untouched, and nothing stored that was not answered 2xx.

const doc = JSON.parse(readFileSync(new URL('../openapi/openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Record<string, unknown>> };
};

interface Operation {
  parameters?: { in: string; name: string; schema: Record<string, unknown> }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
}

interface Attempt {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

const PER_OPERATION = 220;

/** Percent-encodes like a client would; a lone surrogate (no UTF-8 for it) goes out as the bytes of one. */
function enc(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return `${encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, ''))}%ED%A0%80`;
  }
}
const SEED = 20261205;

let t: TestApp;
let a: TestMerchant; // the victim: its ids are used, its data must not change
let b: TestMerchant; // the attacker: a valid admin key of another merchant
const ids: Record<string, string> = {};
let webhook: { url: string; body: string; headers: Record<string, string> };

beforeAll(async () => {
  // Rate limits out of the way (their 429s are fine, but they would hide what lies behind them), under a
  // Redis prefix of this file's own: its thousands of keyless requests must not spend the shared per-address
  // budget of the files running beside it.
  t = await createTestApp({
    RATE_LIMIT_MAX: '10000000',
    WEBHOOK_RATE_LIMIT_MAX: '10000000',
    QUEUE_PREFIX: `${inject('queuePrefix')}-hostile`,
  });
  a = await createMerchant(t.deps, 'Victim Store');
  b = await createMerchant(t.deps, 'Attacker Store');
  const order = await t.app.inject({
    method: 'POST',
    url: '/v1/orders',
    headers: bearer(a.keys.write),
    payload: {
      orderNumber: orderNumber('H'),
      customer: { name: 'Alice Victim', email: 'alice@victim.example' },
      shipments: [{ carrier: 'sandbox', trackingNumber: 'SBX000000000042' }],
    },
  });
  expect(order.statusCode, order.body).toBe(201);
  const o = order.json();
  const { connection, view } = await createConnection(t.deps, a.id, 'sandbox');
  const secret = view.newSecret?.secret as string;
  const body = JSON.stringify({
    type: 'tracking.updated',
    data: {
      trackingNumber: 'SBX000000000042',
      events: [{ code: 'IT', description: 'In transit', occurredAt: new Date().toISOString() }],
    },
  });
  webhook = {
    url: `/webhooks/sandbox/${connection.id}`,
    body,
    headers: standardHeaders(secret, body, 'msg_hostile_1'),
  };
  const accepted = await t.app.inject({
    method: 'POST',
    url: webhook.url,
    headers: webhook.headers,
    payload: body,
  });
  expect(accepted.statusCode, accepted.body).toBe(200);
  const payload = await t.deps.db
    .selectFrom('raw_payloads')
    .select('id')
    .where('merchant_id', '=', a.id)
    .executeTakeFirstOrThrow();
  Object.assign(ids, {
    orderId: o.id,
    shipmentId: o.shipments[0].id,
    orderNumber: o.orderNumber,
    trackingNumber: 'SBX000000000042',
    connectionId: connection.id,
    secretId: view.newSecret?.id ?? 'whs_000000000000',
    payloadId: String(payload.id),
    carrier: 'sandbox',
  });
  const endpoint = await t.app.inject({
    method: 'POST',
    url: '/v1/webhook-endpoints',
    headers: bearer(a.keys.admin),
    payload: { url: 'https://erp.victim.example/hooks' },
  });
  ids.endpointId = endpoint.json().id ?? '00000000-0000-4000-8000-000000000000';
}, 60_000);
afterAll(() => t?.close());

/** A digest of everything merchant A owns: it must not move while B and strangers hammer the API. */
async function victimDigest(): Promise<Record<string, string>> {
  const tables = [
    ['orders', 'id'],
    ['shipments', 'id'],
    ['tracking_events', 'id'],
    ['raw_payloads', 'id'],
    ['carrier_connections', 'id'],
    ['webhook_endpoints', 'id'],
    ['notifications', 'id'],
    ['outbox', 'id'],
  ] as const;
  const out: Record<string, string> = {};
  for (const [table, key] of tables) {
    const row = await sql<{ digest: string | null }>`
      SELECT md5(string_agg(to_jsonb(x)::text, ',' ORDER BY x.${sql.ref(key)})) AS digest
      FROM ${sql.table(table)} x WHERE x.merchant_id = ${a.id}`.execute(t.deps.db);
    out[table] = row.rows[0]?.digest ?? 'none';
  }
  const merchant = await sql<{ digest: string }>`
    SELECT md5(to_jsonb(m)::text) AS digest FROM merchants m WHERE m.id = ${a.id}`.execute(t.deps.db);
  out.merchant = merchant.rows[0]?.digest ?? 'none';
  return out;
}

const pathValue = (name: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(ids[name] ?? ids[name.replace(/Number$/, 'Id')] ?? 'x') },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS.filter((s) => s.length < 300)) },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 300 }) },
  );

const auth = fc.constantFrom<'attacker' | 'none' | 'garbage' | 'victim-read'>(
  'attacker',
  'attacker',
  'attacker',
  'none',
  'garbage',
  'victim-read',
);

function headersFor(who: string): Record<string, string> {
  if (who === 'attacker') return bearer(b.keys.admin);
  if (who === 'victim-read') return bearer(a.keys.read);
  if (who === 'garbage') return { authorization: `Bearer ${'wismo_'.padEnd(40, 'A')}` };
  return {};
}

/** Raw bodies no schema would produce. */
const rawBody: fc.Arbitrary<{ payload: string | Buffer; contentType: string }> = fc.oneof(
  fc.constantFrom(
    { payload: '{"orderNumber":', contentType: 'application/json' },
    { payload: '{"a":1}{"b":2}', contentType: 'application/json' },
    { payload: "{'single':'quotes'}", contentType: 'application/json' },
    { payload: '\uFEFF{"bom":true}', contentType: 'application/json' },
    {
      payload: '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
      contentType: 'application/xml',
    },
    { payload: '<order><number>1</number></order>', contentType: 'application/json' },
    { payload: 'orderNumber=1&customer[email]=x', contentType: 'application/x-www-form-urlencoded' },
    { payload: '{"orderNumber":"1"}', contentType: 'text/plain' },
    { payload: '{"orderNumber":"1"}', contentType: 'application/json; charset=utf-16' },
    { payload: '', contentType: 'application/json' },
    { payload: 'null', contentType: 'application/json' },
    { payload: '[]', contentType: 'application/json' },
    { payload: '"string"', contentType: 'application/json' },
    {
      payload: '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
      contentType: 'application/json',
    },
    { payload: deeplyNested(5_000), contentType: 'application/json' },
    { payload: `[${'['.repeat(20_000)}${']'.repeat(20_000)}]`, contentType: 'application/json' },
    { payload: Buffer.alloc(2 * 1024 * 1024, 0x61), contentType: 'application/json' },
    { payload: Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28]), contentType: 'application/json' },
    { payload: `{"s":"${'\\ud800'}"}`, contentType: 'application/json' },
    { payload: JSON.stringify({ orderNumber: 'x'.repeat(900_000) }), contentType: 'application/json' },
  ),
  anyJson.map((v) => ({ payload: JSON.stringify(v) ?? 'null', contentType: 'application/json' })),
);

function attemptsFor(path: string, method: string, op: Operation): fc.Arbitrary<Attempt> {
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const bodySchema = op.requestBody?.content['application/json']?.schema;
  const pathArb = fc.tuple(...pathParams.map((p) => pathValue(p.name)));
  const queryArb = fc.array(
    fc.oneof(
      ...(queryParams.length > 0
        ? [
            fc
              .constantFrom(...queryParams)
              .chain((p) =>
                fc.tuple(
                  fc.constant(p.name),
                  fc.oneof(fromSchema(p.schema, doc.components.schemas), anyJson),
                ),
              ),
          ]
        : []),
      fc.tuple(fc.constantFrom(...NASTY_STRINGS.slice(0, 20), 'limit', 'cursor', 'q'), anyJson),
    ),
    { maxLength: 4 },
  );
  const bodyArb: fc.Arbitrary<{ payload?: string | Buffer; contentType?: string }> = bodySchema
    ? fc.oneof(
        {
          weight: 2,
          arbitrary: fromSchema(bodySchema, doc.components.schemas).map((v) => ({
            payload: JSON.stringify(v),
            contentType: 'application/json',
          })),
        },
        {
          weight: 4,
          arbitrary: fromSchema(bodySchema, doc.components.schemas)
            .chain(spoil)
            .map((v) => ({ payload: JSON.stringify(v) ?? 'null', contentType: 'application/json' })),
        },
        { weight: 2, arbitrary: rawBody },
      )
    : fc.oneof(fc.constant({}), rawBody);
  return fc
    .tuple(pathArb, queryArb, bodyArb, auth, fc.boolean())
    .map(([values, query, body, who, idempotent]) => {
      let url = path;
      pathParams.forEach((p, i) => {
        url = url.replace(`{${p.name}}`, enc(values[i] as string));
      });
      const search = new URLSearchParams();
      for (const [k, v] of query) search.append(k, typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
      const qs = search.toString();
      const headers: Record<string, string> = { ...headersFor(who) };
      if (body.contentType) headers['content-type'] = body.contentType;
      if (idempotent && method === 'post') headers['idempotency-key'] = 'hostile-key';
      return { method: method.toUpperCase(), url: qs ? `${url}?${qs}` : url, headers, payload: body.payload };
    });
}

/** The pages and the intake, which the OpenAPI document leaves out or describes loosely. */
function pageAttempts(): fc.Arbitrary<Attempt> {
  const junk = fc.constantFrom(...NASTY_STRINGS.filter((s) => s.length < 300));
  const seg = fc.oneof(junk, fc.string({ minLength: 1, maxLength: 100 }), fc.constant(a.slug));
  const form = fc
    .tuple(fc.oneof(junk, fc.constant(ids.orderNumber ?? '')), junk)
    .map(([n, c]) => new URLSearchParams({ orderNumber: n, contact: c }).toString());
  return fc.oneof(
    seg.map((s) => ({ method: 'GET', url: `/t/${enc(s)}`, headers: {} })),
    fc.tuple(seg, junk).map(([s, l]) => ({
      method: 'GET',
      url: `/track/${enc(s)}?lang=${enc(l)}`,
      headers: { 'accept-language': l.slice(0, 200) },
    })),
    fc.tuple(seg, form).map(([s, f]) => ({
      method: 'POST',
      url: `/track/${enc(s)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: f,
    })),
    fc.tuple(seg, junk).map(([s, n]) => ({
      method: 'GET',
      url: `/track/${enc(s)}/n/${enc(n)}`,
      headers: {},
    })),
    fc.tuple(junk, junk).map(([q, c]) => ({
      method: 'GET',
      url: `/console?q=${enc(q)}`,
      headers: { cookie: `wismo_console=${c.slice(0, 500)}` },
    })),
    fc.tuple(junk, junk).map(([k, o]) => ({
      method: 'POST',
      url: '/console/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: o.slice(0, 200) || 'null' },
      payload: new URLSearchParams({ key: k }).toString(),
    })),
    seg.map((s) => ({ method: 'GET', url: `/console/orders/${enc(s)}`, headers: {} })),
    fc.tuple(junk, junk).map(([c, s]) => ({
      method: 'GET',
      url: `/admin/queues/${enc(s)}`,
      headers: { cookie: `wismo_console=${c.slice(0, 500)}` },
    })),
    // The intake: random carriers and connections, bodies with no, wrong or replayed signatures.
    fc.tuple(seg, pathValue('connectionId'), rawBody).map(([carrier, conn, body]) => ({
      method: 'POST',
      url: `/webhooks/${enc(carrier)}/${enc(conn)}`,
      headers: { 'content-type': body.contentType },
      payload: body.payload,
    })),
    rawBody.map((body) => ({
      method: 'POST',
      url: webhook.url,
      headers: { ...webhook.headers, 'content-type': body.contentType },
      payload: body.payload,
    })),
    fc.constant({ method: 'POST', url: webhook.url, headers: webhook.headers, payload: webhook.body }),
    fc.tuple(junk, junk).map(([id, sig]) => ({
      method: 'POST',
      url: webhook.url,
      headers: {
        ...webhook.headers,
        'webhook-id': id.slice(0, 200) || 'x',
        'webhook-signature': sig.slice(0, 500) || 'v1,x',
      },
      payload: webhook.body,
    })),
  );
}

describe('bad input at scale', () => {
  it('answers every hostile request below 500, stays healthy and keeps other merchants’ data intact', async () => {
    const before = await victimDigest();
    const attempts: Attempt[] = [];
    let seed = SEED;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        attempts.push(...fc.sample(attemptsFor(path, method, op), { numRuns: PER_OPERATION, seed: seed++ }));
      }
    }
    attempts.push(...fc.sample(pageAttempts(), { numRuns: 1_500, seed: seed++ }));
    expect(attempts.length).toBeGreaterThanOrEqual(10_000);

    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const acceptedOrders = new Set<string>();
    let forgedAccepted = 0;
    const started = Date.now();
    for (let i = 0; i < attempts.length; i += 16) {
      const batch = attempts.slice(i, i + 16);
      const answers = await Promise.all(
        batch.map((r) =>
          t.app
            .inject({ method: r.method as 'GET', url: r.url, headers: r.headers, payload: r.payload })
            .catch(
              (err: Error) =>
                ({
                  statusCode: 599,
                  body: String(err),
                  json: () => ({}),
                }) as unknown as LightMyRequestResponse,
            ),
        ),
      );
      answers.forEach((res, k) => {
        const r = batch[k] as Attempt;
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode >= 500) {
          failures.push(
            `${res.statusCode} ${r.method} ${r.url.slice(0, 160)} ${String(r.payload ?? '').slice(0, 120)} → ${res.body.slice(0, 200)}`,
          );
        }
        if (r.method === 'POST' && r.url.split('?')[0] === '/v1/orders' && res.statusCode < 300) {
          acceptedOrders.add(res.json().id);
        }
        // Deliveries to the victim's connection are genuine only with the signature made for their bytes.
        if (r.url === webhook.url && res.statusCode < 300 && r.payload !== webhook.body) forgedAccepted++;
      });
    }
    const seconds = (Date.now() - started) / 1000;
    expect(failures, failures.slice(0, 20).join('\n')).toEqual([]);
    expect(forgedAccepted).toBe(0);
    // Most of it was refused; what was accepted was the attacker's own, well-formed, and is accounted for.
    const refused = [...statuses].filter(([s]) => s >= 400).reduce((n, [, c]) => n + c, 0);
    expect(refused).toBeGreaterThan(attempts.length * 0.8);

    expect(await victimDigest()).toEqual(before);
    const bOrders = await t.deps.db
      .selectFrom('orders')
      .select('id')
      .where('merchant_id', '=', b.id)
      .execute();
    expect(new Set(bOrders.map((o) => o.id))).toEqual(acceptedOrders);

    // Healthy afterwards: ready, and an honest request gets its honest answer.
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    const own = await t.app.inject({
      method: 'GET',
      url: `/v1/orders/${ids.orderId}`,
      headers: bearer(a.keys.read),
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().orderNumber).toBe(ids.orderNumber);
    process.stdout.write(
      `hostile input: ${attempts.length} requests in ${seconds.toFixed(1)} s; answers ${[...statuses]
        .sort(([x], [y]) => x - y)
        .map(([s, c]) => `${s}×${c}`)
        .join(' ')}\n`,
    );
  }, 600_000);
});
