import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderView } from '../src/orders/orders.schemas.js';
import { ShipmentTrackingView, TrackingLookupView } from '../src/shipments/shipments.schemas.js';
import {
  bearer,
  createMerchant,
  createTestApp,
  orderNumber,
  type TestApp,
  type TestMerchant,
  trackingNumber,
} from './helpers/context.js';

// The tracking read model (migrations/0002): each shipment's API document is built by Postgres and kept
// current by triggers, whatever writes the rows. These tests write rows the way later pipeline stages will
// (plain SQL) and check that every read shows the change, in exactly the shape the zod schemas declare.

let t: TestApp;
let m: TestMerchant;
let order: { id: string; shipments: { id: string; trackingNumber: string }[] };

beforeAll(async () => {
  t = await createTestApp();
  m = await createMerchant(t.deps);
  order = (
    await t.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: bearer(m.keys.write),
      payload: {
        orderNumber: orderNumber('RM'),
        promisedDate: '2026-12-01',
        shipments: [{ carrier: 'ups', trackingNumber: trackingNumber() }],
      },
    })
  ).json();
});
afterAll(() => t.close());

const shipmentId = () => order.shipments[0]?.id ?? '';
const number = () => order.shipments[0]?.trackingNumber ?? '';

async function lookup() {
  const res = await t.app.inject({
    method: 'GET',
    url: `/v1/tracking/${number()}`,
    headers: bearer(m.keys.read),
  });
  expect(res.statusCode).toBe(200);
  const body = res.json();
  // Parsing strips unknown keys and rejects wrong types: equality means the document is exactly the schema.
  expect(TrackingLookupView.parse(body)).toEqual(body);
  return body.data[0];
}

describe('shipment documents', () => {
  it('show carrier events written by any code path, newest first, with UTC instants', async () => {
    await sql`
      INSERT INTO tracking_events (merchant_id, shipment_id, dedupe_key, occurred_at, occurred_at_local, utc_offset_minutes,
                                   offset_source, status, substatus, raw_code, raw_text, location, decision)
      VALUES
        (${m.id}, ${shipmentId()}, 'k1', '2026-11-20T08:15:00+01:00', '2026-11-20T08:15:00+01:00', 60, 'carrier',
         'in_transit', 'picked_up', 'PU', 'Picked up', '{"city":"Kraków","countryCode":"PL"}', 'applied'),
        (${m.id}, ${shipmentId()}, 'k2', '2026-11-21T17:40:30.250Z', NULL, NULL, 'assumed_utc',
         'in_transit', 'arrived', 'AR', 'Arrived at hub', NULL, 'applied')`.execute(t.deps.db);
    const doc = await lookup();
    expect(doc.events).toHaveLength(2);
    expect(doc.events[0]).toMatchObject({
      occurredAt: '2026-11-21T17:40:30.250Z',
      occurredAtLocal: null,
      offsetSource: 'assumed_utc',
      rawCode: 'AR',
      location: null,
    });
    expect(doc.events[1]).toMatchObject({
      occurredAt: '2026-11-20T07:15:00.000Z',
      occurredAtLocal: '2026-11-20T08:15:00+01:00',
      substatus: 'picked_up',
      location: { city: 'Kraków', region: null, postalCode: null, countryCode: 'PL' },
      decision: 'applied',
    });
  });

  it('show status, delay, estimates and freshness as soon as the shipment row changes', async () => {
    await sql`
      UPDATE shipments SET status = 'out_for_delivery', delayed = true, delay_reason = 'carrier_reported',
        carrier_edd = '2026-11-24', carrier_edd_window_start = '2026-11-24T09:00:00Z', carrier_edd_window_end = '2026-11-24T13:00:00Z',
        last_checked_at = '2026-11-22T10:00:00Z', last_source = 'poll', last_error = 'timeout'
      WHERE id = ${shipmentId()}`.execute(t.deps.db);
    const doc = await lookup();
    expect(doc).toMatchObject({
      status: 'out_for_delivery',
      delayed: true,
      delayReason: 'carrier_reported',
      edd: {
        carrier: {
          date: '2026-11-24',
          windowStart: '2026-11-24T09:00:00.000Z',
          windowEnd: '2026-11-24T13:00:00.000Z',
        },
        promised: '2026-12-01',
      },
      freshness: { lastCheckedAt: '2026-11-22T10:00:00.000Z', lastSource: 'poll', lastError: 'timeout' },
    });
  });

  it("follow the order's number, status and promised date", async () => {
    await t.app.inject({
      method: 'POST',
      url: `/v1/orders/${order.id}/milestones`,
      headers: bearer(m.keys.write),
      payload: { milestone: 'cancelled' },
    });
    const doc = await lookup();
    expect(doc.order).toMatchObject({ id: order.id, status: 'cancelled', promisedDate: '2026-12-01' });
  });

  it('read the same through every route', async () => {
    const byId = await t.app.inject({
      method: 'GET',
      url: `/v1/shipments/${shipmentId()}`,
      headers: bearer(m.keys.read),
    });
    expect(ShipmentTrackingView.parse(byId.json())).toEqual(byId.json());
    expect(byId.json()).toEqual(await lookup());
    const o = (
      await t.app.inject({ method: 'GET', url: `/v1/orders/${order.id}`, headers: bearer(m.keys.write) })
    ).json();
    expect(OrderView.parse(o)).toEqual(o);
    const { order: _ref, ...shipment } = byId.json();
    expect(o.shipments).toEqual([shipment]);
  });

  it('answer lookups that arrive together, from several merchants, each with its own shipments only', async () => {
    const other = await createMerchant(t.deps, 'Other Store');
    const shared = trackingNumber();
    const mine: string[] = [];
    for (let i = 0; i < 5; i++) {
      const tn = trackingNumber();
      mine.push(tn);
      await t.app.inject({
        method: 'POST',
        url: '/v1/orders',
        headers: bearer(m.keys.write),
        payload: { orderNumber: orderNumber('B'), shipments: [{ carrier: 'ups', trackingNumber: tn }] },
      });
    }
    for (const who of [m, other]) {
      await t.app.inject({
        method: 'POST',
        url: '/v1/orders',
        headers: bearer(who.keys.write),
        payload: { orderNumber: orderNumber('S'), shipments: [{ carrier: 'fedex', trackingNumber: shared }] },
      });
    }
    const asks = [
      ...mine.map((tn) => ({ key: m.keys.read, tn, expect: 200 })),
      ...mine.map((tn) => ({ key: other.keys.read, tn, expect: 404 })),
      { key: m.keys.read, tn: shared, expect: 200 },
      { key: other.keys.read, tn: shared, expect: 200 },
      { key: m.keys.read, tn: 'NOSUCHNUMBER99', expect: 404 },
    ];
    const answers = await Promise.all(
      asks.map((a) => t.app.inject({ method: 'GET', url: `/v1/tracking/${a.tn}`, headers: bearer(a.key) })),
    );
    answers.forEach((res, i) => {
      const ask = asks[i];
      expect(res.statusCode, ask?.tn).toBe(ask?.expect);
      if (res.statusCode === 200) {
        expect(res.json().data).toHaveLength(1);
        expect(res.json().data[0].trackingNumber).toBe(ask?.tn);
      }
    });
    const sharedMine = answers[asks.length - 3]?.json().data[0];
    const sharedOther = answers[asks.length - 2]?.json().data[0];
    expect(sharedMine.id).not.toBe(sharedOther.id);
  });

  it('are rebuilt once per transaction, at commit, from the rows as they are then', async () => {
    const before = await lookup();
    await t.deps.db.transaction().execute(async (trx) => {
      await sql`
        INSERT INTO tracking_events (merchant_id, shipment_id, dedupe_key, occurred_at, offset_source, status,
                                     raw_code, raw_text, decision)
        VALUES (${m.id}, ${shipmentId()}, 'k3', '2026-11-23T06:00:00Z', 'carrier', 'out_for_delivery', 'OD',
                'Out for delivery', 'applied')`.execute(trx);
      await sql`UPDATE shipments SET substatus = 'on_vehicle' WHERE id = ${shipmentId()}`.execute(trx);
      await sql`UPDATE orders SET status = 'out_for_delivery' WHERE id = ${order.id}`.execute(trx);
      // Inside the transaction the document waits for the commit.
      const inside = await sql<{ document: unknown }>`
        SELECT document FROM shipments WHERE id = ${shipmentId()}`.execute(trx);
      expect(inside.rows[0]?.document).toBeNull();
    });
    const after = await lookup();
    expect(after.events.map((e: { rawCode: string }) => e.rawCode)).toEqual([
      'OD',
      ...before.events.map((e: { rawCode: string }) => e.rawCode),
    ]);
    expect(after.substatus).toBe('on_vehicle');
    expect(after.order.status).toBe('out_for_delivery');
    expect(after.updatedAt).toBe(before.updatedAt);
    await sql`DELETE FROM tracking_events WHERE shipment_id = ${shipmentId()} AND dedupe_key = 'k3'`.execute(
      t.deps.db,
    );
  });

  it('are rebuilt by the next change even after one was committed empty (triggers disabled by an operator)', async () => {
    await t.deps.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL session_replication_role = replica`.execute(trx);
      await sql`UPDATE shipments SET document = NULL WHERE id = ${shipmentId()}`.execute(trx);
    });
    await sql`UPDATE shipments SET last_error = NULL WHERE id = ${shipmentId()}`.execute(t.deps.db);
    const doc = await lookup();
    expect(doc.id).toBe(shipmentId());
  });

  it('are rebuilt when events are deleted', async () => {
    await sql`DELETE FROM tracking_events WHERE shipment_id = ${shipmentId()} AND dedupe_key = 'k2'`.execute(
      t.deps.db,
    );
    expect((await lookup()).events.map((e: { rawCode: string }) => e.rawCode)).toEqual(['PU']);
  });
});
