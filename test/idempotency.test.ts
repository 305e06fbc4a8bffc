import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createMerchant,
  createTestApp,
  orderNumber,
  type TestApp,
  type TestMerchant,
} from './helpers/context.js';

let t: TestApp;
let m: TestMerchant;

beforeAll(async () => {
  t = await createTestApp();
  m = await createMerchant(t.deps);
});
afterAll(() => t.close());

const post = (url: string, payload: object, key: string, idem?: string, who = m) =>
  t.app.inject({
    method: 'POST',
    url,
    payload,
    headers: {
      ...bearer(who.keys.write),
      ...(key ? { 'idempotency-key': key } : {}),
      ...(idem ? { 'x-request-id': idem } : {}),
    },
  });

describe('Idempotency-Key', () => {
  it('replays the first response for the same key and body', async () => {
    const body = { orderNumber: orderNumber(), customer: { name: 'Ann' } };
    const first = await post('/v1/orders', body, 'key-replay-1');
    expect(first.statusCode).toBe(201);
    const second = await post(
      '/v1/orders',
      { customer: { name: 'Ann' }, orderNumber: body.orderNumber },
      'key-replay-1',
    );
    expect(second.statusCode).toBe(201); // the first answer, not the 200 a fresh upsert would give
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.headers['content-type']).toMatch(/application\/json/);
    expect(second.body).toBe(first.body);
  });

  it('refuses the same key with another body or on another route with 422', async () => {
    const body = { orderNumber: orderNumber() };
    const first = await post('/v1/orders', body, 'key-mismatch-1');
    expect(first.statusCode).toBe(201);
    const other = await post('/v1/orders', { orderNumber: orderNumber() }, 'key-mismatch-1');
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_key_reused');
    const elsewhere = await post(
      `/v1/orders/${first.json().id}/milestones`,
      { milestone: 'packed' },
      'key-mismatch-1',
    );
    expect(elsewhere.statusCode).toBe(422);
    // Nothing was done for the refused requests.
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/v1/orders/${first.json().id}`,
          headers: bearer(m.keys.write),
        })
      ).json().status,
    ).toBe('ordered');
  });

  it('replays error answers too, so a retry cannot turn a 409 into something else', async () => {
    const order = (await post('/v1/orders', { orderNumber: orderNumber() }, '')).json();
    await post(`/v1/orders/${order.id}/milestones`, { milestone: 'cancelled' }, '');
    const refused = await post(`/v1/orders/${order.id}/milestones`, { milestone: 'packed' }, 'key-409');
    expect(refused.statusCode).toBe(409);
    const again = await post(`/v1/orders/${order.id}/milestones`, { milestone: 'packed' }, 'key-409');
    expect(again.statusCode).toBe(409);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('lets only one of two concurrent requests with the same key run', async () => {
    const body = {
      orderNumber: orderNumber(),
      shipments: [{ carrier: 'ups', trackingNumber: `1ZC${Date.now()}` }],
    };
    const results = await Promise.all([1, 2, 3].map(() => post('/v1/orders', body, 'key-concurrent-1')));
    const codes = results.map((r) => r.statusCode).sort();
    // One ran (201); the others either saw it in progress (409, retry later) or got its replay (201).
    expect(codes.filter((c) => c === 201).length).toBeGreaterThanOrEqual(1);
    expect(codes.every((c) => c === 201 || c === 409)).toBe(true);
    for (const r of results.filter((r) => r.statusCode === 409)) expect(r.headers['retry-after']).toBe('1');
    const ids = new Set(results.filter((r) => r.statusCode === 201).map((r) => r.json().id));
    expect(ids.size).toBe(1);
  });

  it('keeps keys per merchant', async () => {
    const other = await createMerchant(t.deps, 'Other');
    const a = await post('/v1/orders', { orderNumber: 'SAME-KEY-ORDER' }, 'shared-key', undefined, m);
    const b = await post('/v1/orders', { orderNumber: 'SAME-KEY-ORDER' }, 'shared-key', undefined, other);
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(a.json().id).not.toBe(b.json().id);
  });

  it('rejects malformed keys by name', async () => {
    const res = await post('/v1/orders', { orderNumber: orderNumber() }, 'x'.repeat(300));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ in: 'headers', field: 'idempotency-key' });
  });

  it('forgets keys after their time to live: a purge deletes them and the key can be used afresh', async () => {
    const body = { orderNumber: orderNumber() };
    await post('/v1/orders', body, 'key-expiring');
    await sql`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = 'key-expiring'`.execute(
      t.deps.db,
    );
    // An expired record no longer binds the key, even before the purge ran.
    const reuse = await post('/v1/orders', { orderNumber: orderNumber() }, 'key-expiring');
    expect(reuse.statusCode).toBe(201);
    await sql`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = 'key-expiring'`.execute(
      t.deps.db,
    );
    const purged = await t.deps.services.idempotency.purgeExpired();
    expect(purged).toBeGreaterThanOrEqual(1);
    const left = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM idempotency_keys WHERE key = 'key-expiring'`.execute(t.deps.db);
    expect(left.rows[0]?.n).toBe(0);
  });
});
