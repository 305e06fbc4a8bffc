import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxTrackingNumber } from '../src/carriers/sandbox/format.js';
import { type RunningWorkers, startWorkers } from '../src/queue/workers.js';
import { FIXTURES_DIR } from './helpers/carrier-fixtures.js';
import { bearer, createMerchant, createTestApp, orderNumber, type TestApp } from './helpers/context.js';
import { createConnection, post, standardHeaders, waitProcessed } from './helpers/webhooks.js';

let t: TestApp;
let workers: RunningWorkers;
beforeAll(async () => {
  t = await createTestApp();
  workers = await startWorkers(t.deps);
});
afterAll(async () => {
  await workers.close();
  await t.close();
});

const easypostBody = () =>
  readFileSync(join(FIXTURES_DIR, 'easypost_examples/easypost/event-body.json'), 'utf8').replace(/\n$/, '');
const EASYPOST_SIGNATURE = 'hmac-sha256-hex=38f3f53c103713df81616a0a186d77141957323ec21d5fe9363db93840f527db';

async function shipmentOf(merchantId: string, trackingNumber: string) {
  return t.deps.db
    .selectFrom('shipments')
    .select(['id', 'status', 'last_source'])
    .where('merchant_id', '=', merchantId)
    .where('tracking_number', '=', trackingNumber)
    .executeTakeFirstOrThrow();
}

async function eventCount(shipmentId: string) {
  const r = await t.deps.db
    .selectFrom('tracking_events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('shipment_id', '=', shipmentId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('carrier webhook intake', () => {
  it('verifies EasyPost’s published fixture signature and turns the delivery into events and status', async () => {
    const m = await createMerchant(t.deps);
    await t.deps.services.orders.upsert(m.id, {
      orderNumber: orderNumber(),
      shipments: [{ carrier: 'fedex', trackingNumber: '1' }],
    });
    const { view, connection } = await createConnection(t.deps, m.id, 'easypost', {
      webhookSecret: 'sécret',
    });
    expect(view.webhook?.url).toBe(`http://localhost:3000/webhooks/easypost/${connection.id}`);

    const res = await post(t.app, `/webhooks/easypost/${connection.id}`, easypostBody(), {
      'content-type': 'application/json',
      'x-hmac-signature': EASYPOST_SIGNATURE,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ received: true, duplicate: false });
    const [row] = await waitProcessed(t.deps, connection.id, 1);
    expect(row?.state).toBe('processed');
    const shipment = await shipmentOf(m.id, '1');
    expect(shipment.status).toBe('in_transit');
    expect(shipment.last_source).toBe('push');
    expect(await eventCount(shipment.id)).toBe(7);
  });

  it('rejects a missing, malformed, truncated or wrong EasyPost signature and stores nothing', async () => {
    const m = await createMerchant(t.deps);
    const { connection } = await createConnection(t.deps, m.id, 'easypost', { webhookSecret: 'sécret' });
    const url = `/webhooks/easypost/${connection.id}`;
    const body = easypostBody();
    const cases: [Record<string, string>, string, string][] = [
      [{}, body, 'invalid_signature'],
      [{ 'x-hmac-signature': EASYPOST_SIGNATURE.slice(0, -2) }, body, 'invalid_signature'],
      [{ 'x-hmac-signature': EASYPOST_SIGNATURE.replace('hmac-sha256-hex=', '') }, body, 'invalid_signature'],
      [{ 'x-hmac-signature': EASYPOST_SIGNATURE.replace(/.$/, '0') }, body, 'invalid_signature'],
      // The published signature is over the exact bytes: the file with its trailing newline does not verify.
      [{ 'x-hmac-signature': EASYPOST_SIGNATURE }, `${body}\n`, 'invalid_signature'],
      [{ 'x-hmac-signature': EASYPOST_SIGNATURE }, body.slice(0, 200), 'invalid_signature'],
    ];
    for (const [headers, payload, code] of cases) {
      const res = await post(t.app, url, payload, { 'content-type': 'application/json', ...headers });
      expect(res.statusCode, JSON.stringify(headers)).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().code).toBe(code);
    }
    const stored = await t.deps.db
      .selectFrom('raw_payloads')
      .select('id')
      .where('connection_id', '=', connection.id)
      .execute();
    expect(stored).toEqual([]);
  });

  it('stores a repeated delivery once, sequentially and concurrently, and still answers 200', async () => {
    const m = await createMerchant(t.deps);
    const number = sandboxTrackingNumber(4242);
    await t.deps.services.orders.upsert(m.id, {
      orderNumber: orderNumber(),
      shipments: [{ carrier: 'sandbox', trackingNumber: number }],
    });
    const { connection, view } = await createConnection(t.deps, m.id, 'sandbox');
    const secret = view.newSecret?.secret as string;
    expect(secret).toMatch(/^whsec_/);
    const url = `/webhooks/sandbox/${connection.id}`;
    const body = (code: string, at: string) =>
      JSON.stringify({
        type: 'tracking.updated',
        data: { trackingNumber: number, events: [{ code, description: code, occurredAt: at }] },
      });

    const first = body('PU', '2026-11-20T10:00:00Z');
    for (let i = 0; i < 3; i++) {
      const res = await post(t.app, url, first, standardHeaders(secret, first, 'msg_seq'));
      expect(res.statusCode).toBe(200);
      expect(res.json().duplicate).toBe(i > 0);
    }
    const second = body('AR', '2026-11-21T10:00:00Z');
    const headers = standardHeaders(secret, second, 'msg_concurrent');
    const answers = await Promise.all(Array.from({ length: 10 }, () => post(t.app, url, second, headers)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(10).fill(200));
    expect(answers.filter((a) => a.json().duplicate === false)).toHaveLength(1);

    const rows = await waitProcessed(t.deps, connection.id, 2);
    expect(rows).toHaveLength(2);
    const shipment = await shipmentOf(m.id, number);
    expect(await eventCount(shipment.id)).toBe(2);
    expect(shipment.status).toBe('in_transit');
  });

  it('answers 404 for unknown, malformed or mismatched webhook URLs', async () => {
    const m = await createMerchant(t.deps);
    const { connection } = await createConnection(t.deps, m.id, 'easypost', { webhookSecret: 'sécret' });
    for (const url of [
      '/webhooks/easypost/00000000-0000-4000-8000-000000000000',
      '/webhooks/easypost/not-a-uuid',
      `/webhooks/sandbox/${connection.id}`,
      `/webhooks/ups_nope/${connection.id}`,
      `/webhooks/easypost/${connection.id}/some-token`,
    ]) {
      const res = await post(t.app, url, '{}', { 'content-type': 'application/json' });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code).toBe('not_found');
    }
  });

  it('refuses other media types (415) and bodies over the sender’s limit (413) before reading them', async () => {
    const m = await createMerchant(t.deps);
    const { connection } = await createConnection(t.deps, m.id, 'sandbox');
    const url = `/webhooks/sandbox/${connection.id}`;
    const text = await post(t.app, url, 'hello', { 'content-type': 'text/plain' });
    expect(text.statusCode).toBe(415);
    expect(text.json().code).toBe('unsupported_media_type');
    const big = Buffer.alloc(1024 * 1024 + 10, 0x20);
    const large = await post(t.app, url, big, { 'content-type': 'application/json' });
    expect(large.statusCode).toBe(413);
    expect(large.json().code).toBe('payload_too_large');
  });

  it('shows the webhook URL when a connection is created over the API, and rotates secrets', async () => {
    const m = await createMerchant(t.deps);
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/carrier-connections',
      headers: bearer(m.keys.admin),
      payload: { carrier: 'sandbox', name: 'Sandbox' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(c.webhook.url).toBe(`http://localhost:3000/webhooks/sandbox/${c.id}`);
    expect(c.newSecret.secret).toMatch(/^whsec_/);
    const oldSecret = c.newSecret.secret as string;

    const added = await t.app.inject({
      method: 'POST',
      url: `/v1/carrier-connections/${c.id}/webhook-secrets`,
      headers: bearer(m.keys.admin),
      payload: {},
    });
    expect(added.statusCode, added.body).toBe(201);
    const newSecret = added.json().newSecret.secret as string;
    expect(added.json().webhook.secrets).toHaveLength(2);

    const url = `/webhooks/sandbox/${c.id}`;
    for (const [i, secret] of [oldSecret, newSecret].entries()) {
      const body = JSON.stringify({ trackingNumber: sandboxTrackingNumber(90 + i), events: [] });
      const res = await post(t.app, url, body, standardHeaders(secret, body, `rot-${i}`));
      expect(res.statusCode, res.body).toBe(200);
    }
    const third = await t.app.inject({
      method: 'POST',
      url: `/v1/carrier-connections/${c.id}/webhook-secrets`,
      headers: bearer(m.keys.admin),
      payload: {},
    });
    expect(third.statusCode).toBe(409);

    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/v1/carrier-connections/${c.id}/webhook-secrets/${c.newSecret.id}`,
      headers: bearer(m.keys.admin),
    });
    expect(removed.statusCode, removed.body).toBe(200);
    const body = JSON.stringify({ trackingNumber: sandboxTrackingNumber(99), events: [] });
    const stale = await post(t.app, url, body, standardHeaders(oldSecret, body, 'rot-old'));
    expect(stale.statusCode).toBe(401);
  });
});
