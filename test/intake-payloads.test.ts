import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sandboxTrackingNumber } from '../src/carriers/sandbox/format.js';
import { metricsRegistry } from '../src/metrics.js';
import { type RunningWorkers, startWorkers } from '../src/queue/workers.js';
import { bearer, createMerchant, createTestApp, orderNumber, type TestApp } from './helpers/context.js';
import { createConnection, post, standardHeaders, waitProcessed } from './helpers/webhooks.js';

// What happens to a delivery after the 200: a payload the mapper cannot read is kept and shown, agents see
// every payload behind a shipment with the decision for each event, and admins replay one or a time range.

let t: TestApp;
let workers: RunningWorkers;
beforeAll(async () => {
  t = await createTestApp({ WEBHOOK_RATE_LIMIT_MAX: '5' });
  workers = await startWorkers(t.deps);
});
afterAll(async () => {
  await workers.close();
  await t.close();
});

let code = 6000;
async function sandboxMerchant() {
  const m = await createMerchant(t.deps);
  const number = sandboxTrackingNumber(code++);
  const { order } = await t.deps.services.orders.upsert(m.id, {
    orderNumber: orderNumber(),
    shipments: [{ carrier: 'sandbox', trackingNumber: number }],
  });
  const { connection, view } = await createConnection(t.deps, m.id, 'sandbox');
  const secret = view.newSecret?.secret as string;
  const send = async (body: string, id: string) => {
    const res = await post(
      t.app,
      `/webhooks/sandbox/${connection.id}`,
      body,
      standardHeaders(secret, body, id),
    );
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };
  const events = (...list: [string, string][]) =>
    JSON.stringify({
      type: 'tracking.updated',
      data: {
        trackingNumber: number,
        events: list.map(([c, at]) => ({ code: c, description: c, occurredAt: at })),
      },
    });
  return { merchant: m, number, shipmentId: order.shipments[0]?.id as string, connection, send, events };
}

async function failedCount(): Promise<number> {
  const metric = (await metricsRegistry.getMetricsAsJSON()).find(
    (m) => m.name === 'wismo_raw_payloads_normalized_total',
  );
  const values = (metric?.values ?? []) as { value: number; labels: Record<string, string> }[];
  return values
    .filter((v) => v.labels.carrier === 'sandbox' && v.labels.outcome === 'failed')
    .reduce((n, v) => n + v.value, 0);
}

describe('payloads after the 200', () => {
  it('keeps a payload the mapper cannot read, marks it failed with the reason, counts it, and does not retry it', async () => {
    const s = await sandboxMerchant();
    const before = await failedCount();
    await s.send('{"type":"tracking.updated","data":', 'msg_broken');
    const [row] = await waitProcessed(t.deps, s.connection.id, 1);
    expect(row?.state).toBe('failed');
    expect(row?.last_error).toMatch(/^unreadable wismo sandbox carrier payload: invalid JSON/);
    expect(await failedCount()).toBe(before + 1);

    const shown = await t.app.inject({
      method: 'GET',
      url: `/v1/raw-payloads/${row?.id}`,
      headers: bearer(s.merchant.keys.agent),
    });
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({
      state: 'failed',
      body: '{"type":"tracking.updated","data":',
      bodyEncoding: 'utf8',
      verifiedBy: 'signature',
      headers: { 'webhook-id': 'msg_broken' },
    });
    expect(shown.json().error).toMatch(/unreadable/);
    // Not retried: a sweep or a redelivered job leaves a failed payload alone.
    await t.deps.services.rawPayloads.sweep(0);
    await new Promise((r) => setTimeout(r, 300));
    const again = await t.deps.db
      .selectFrom('raw_payloads')
      .select(['state', 'attempts'])
      .where('id', '=', row?.id as number)
      .executeTakeFirstOrThrow();
    expect(again).toEqual({ state: 'failed', attempts: 1 });
  });

  it('lists a shipment’s payloads newest first, with the decision for each event', async () => {
    const s = await sandboxMerchant();
    await s.send(s.events(['PU', '2026-11-20T10:00:00Z'], ['AR', '2026-11-21T10:00:00Z']), 'msg_1');
    await waitProcessed(t.deps, s.connection.id, 1);
    // The same arrival scan again (nothing new) and the delivery.
    await s.send(s.events(['AR', '2026-11-21T10:00:00Z'], ['DV', '2026-11-22T10:00:00Z']), 'msg_2');
    await waitProcessed(t.deps, s.connection.id, 2);
    const res = await t.app.inject({
      method: 'GET',
      url: `/v1/shipments/${s.shipmentId}/raw-payloads?limit=1`,
      headers: bearer(s.merchant.keys.agent),
    });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).toMatchObject({
      source: 'push',
      state: 'processed',
      headers: { 'webhook-id': 'msg_2' },
    });
    // Events are listed under the payload that first brought them: msg_2 added the delivery only.
    expect(
      page.data[0].events.map((e: { rawCode: string; decision: string }) => [e.rawCode, e.decision]),
    ).toEqual([['DV', 'applied']]);
    expect(page.data[0].result.shipments[0]).toMatchObject({ newEvents: 1, status: 'delivered' });
    const older = await t.app.inject({
      method: 'GET',
      url: `/v1/shipments/${s.shipmentId}/raw-payloads?limit=1&before=${page.nextBeforeId}`,
      headers: bearer(s.merchant.keys.agent),
    });
    expect(older.json().data[0].events.map((e: { rawCode: string }) => e.rawCode)).toEqual(['PU', 'AR']);
    expect(older.json().nextBeforeId).toBeNull();
    // Storefront keys see no raw payloads: they hold shopper addresses.
    const storefront = await t.app.inject({
      method: 'GET',
      url: `/v1/shipments/${s.shipmentId}/raw-payloads`,
      headers: bearer(s.merchant.keys.read),
    });
    expect(storefront.statusCode).toBe(403);
  });

  it('replays one payload that arrived before its shipment was registered', async () => {
    const m = await createMerchant(t.deps);
    const number = sandboxTrackingNumber(code++);
    const { connection, view } = await createConnection(t.deps, m.id, 'sandbox');
    const body = JSON.stringify({
      type: 'tracking.updated',
      data: {
        trackingNumber: number,
        events: [{ code: 'PU', description: 'Picked up', occurredAt: '2026-11-20T10:00:00Z' }],
      },
    });
    const secret = view.newSecret?.secret as string;
    await post(t.app, `/webhooks/sandbox/${connection.id}`, body, standardHeaders(secret, body, 'msg_early'));
    const [row] = await waitProcessed(t.deps, connection.id, 1);
    expect(row?.state).toBe('processed');
    await t.deps.services.orders.upsert(m.id, {
      orderNumber: orderNumber(),
      shipments: [{ carrier: 'sandbox', trackingNumber: number }],
    });
    const replay = await t.app.inject({
      method: 'POST',
      url: `/v1/raw-payloads/${row?.id}/replay`,
      headers: bearer(m.keys.agent),
    });
    expect(replay.statusCode, replay.body).toBe(200);
    expect(replay.json().outcome).toMatchObject({
      state: 'processed',
      shipments: [{ trackingNumber: number, newEvents: 1, status: 'in_transit' }],
    });
    expect(replay.json().payload.replays).toBe(1);
  });

  it('replays a time range of failed payloads through the queue', async () => {
    const s = await sandboxMerchant();
    await s.send('{"broken":', 'msg_range_1');
    await s.send('not json at all', 'msg_range_2');
    const rows = await waitProcessed(t.deps, s.connection.id, 2);
    expect(rows.map((r) => r.state)).toEqual(['failed', 'failed']);
    const now = Date.now();
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/raw-payloads/replay',
      headers: bearer(s.merchant.keys.admin),
      payload: {
        from: new Date(now - 60_000).toISOString(),
        to: new Date(now + 60_000).toISOString(),
        connectionId: s.connection.id,
        state: 'failed',
      },
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toEqual({ replayed: 2, enqueued: true, more: false });
    const after = await waitProcessed(t.deps, s.connection.id, 2);
    expect(after.map((r) => r.state)).toEqual(['failed', 'failed']);
    const replays = await t.deps.db
      .selectFrom('raw_payloads')
      .select(['replays', 'attempts'])
      .where('connection_id', '=', s.connection.id)
      .execute();
    expect(replays).toEqual([
      { replays: 1, attempts: 1 },
      { replays: 1, attempts: 1 },
    ]);
    const tooLong = await t.app.inject({
      method: 'POST',
      url: '/v1/raw-payloads/replay',
      headers: bearer(s.merchant.keys.admin),
      payload: { from: '2026-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' },
    });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().errors[0]).toMatchObject({ field: 'to' });
  });

  it('a connection of merchant B cannot touch merchant A’s shipment with the same number', async () => {
    const a = await sandboxMerchant();
    const b = await createMerchant(t.deps);
    const { connection, view } = await createConnection(t.deps, b.id, 'sandbox');
    const body = a.events(['DV', '2026-11-22T10:00:00Z']);
    const secret = view.newSecret?.secret as string;
    const res = await post(
      t.app,
      `/webhooks/sandbox/${connection.id}`,
      body,
      standardHeaders(secret, body, 'msg_b'),
    );
    expect(res.statusCode).toBe(200);
    const [row] = await waitProcessed(t.deps, connection.id, 1);
    expect(row?.state).toBe('processed');
    const shipment = await t.deps.db
      .selectFrom('shipments')
      .select('status')
      .where('id', '=', a.shipmentId)
      .executeTakeFirstOrThrow();
    expect(shipment.status).toBe('pending');
    const payload = await t.deps.db
      .selectFrom('raw_payloads')
      .select(['merchant_id', 'result'])
      .where('id', '=', row?.id as number)
      .executeTakeFirstOrThrow();
    expect(payload.merchant_id).toBe(b.id);
    expect((payload.result as { unmatched: string[] }).unmatched).toEqual([a.number]);
  });
});

describe('intake limits', () => {
  it('looks an unknown connection up once, however often it is called', async () => {
    // An app of its own: the one above allows only five deliveries per connection id.
    const own = await createTestApp();
    const spy = vi.spyOn(own.deps.services.carrierConnections, 'forWebhook');
    const url = '/webhooks/sandbox/0b6a3d1e-1111-4222-8333-444455556666';
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => post(own.app, url, '{}', { 'content-type': 'application/json' })),
    );
    for (let i = 0; i < 10; i++)
      answers.push(await post(own.app, url, '{}', { 'content-type': 'application/json' }));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(404));
    expect(spy.mock.calls.filter(([id]) => id === '0b6a3d1e-1111-4222-8333-444455556666')).toHaveLength(1);
    spy.mockRestore();
    await own.close();
  });

  it('limits deliveries per connection, not per sender address', async () => {
    const s = await sandboxMerchant();
    const other = await sandboxMerchant();
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const body = s.events(['PU', `2026-11-20T10:0${i}:00Z`]);
      // Each from another address: a carrier posts from many.
      const res = await t.app.inject({
        method: 'POST',
        url: `/webhooks/sandbox/${s.connection.id}`,
        payload: body,
        headers: { 'content-type': 'application/json' },
        remoteAddress: `198.51.100.${i + 1}`,
      });
      codes.push(res.statusCode);
      if (res.statusCode === 429) expect(res.headers['retry-after']).toMatch(/^\d+$/);
    }
    // Unsigned, so 401 while within the budget; the sixth is over the budget of five.
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
    const elsewhere = await other.send(other.events(['PU', '2026-11-20T10:00:00Z']), 'msg_other');
    expect(elsewhere.statusCode).toBe(200);
  });
});
