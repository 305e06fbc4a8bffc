import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalyticsOverviewQuery } from '../src/analytics/analytics.schemas.js';
import { addDays, dateIn } from '../src/analytics/period.js';
import { renderAnalyticsPage } from '../src/analytics/render/index.js';
import type { Address } from '../src/domain/shapes.js';
import type { ShipmentStatus } from '../src/domain/status.js';
import {
  bearer,
  createMerchant,
  createTestApp,
  orderNumber,
  type TestApp,
  type TestMerchant,
  trackingNumber,
} from './helpers/context.js';

// Analytics over a small store whose every figure is worked out by hand below. The period is March 2026
// in Europe/Warsaw: it starts at 2026-02-28T23:00Z (UTC+1) and ends at 2026-03-31T22:00Z (UTC+2 since the
// 29th), so shipments a minute either side of both ends show which side each boundary falls on.
//
// ups (6 in the cohort):
//   U1 PL→DE (BY)  shipped 03-02 10:00Z, delivered 03-04 10:00Z = 2.0 d; first EDD 03-04 ✓, promised 03-05 ✓
//   U2 PL→DE (BY)  shipped 03-03 08:00Z, delivered 03-06 20:00Z = 3.5 d; first EDD 03-05 ✗ (latest EDD 03-06
//                  would say on time: the first estimate is the one judged), promised 03-07 ✓; failed attempt
//   U3 PL→US (NY)  shipped 03-10 23:30Z, delivered 03-15 23:30Z = 5.0 d; shopper in New York: delivered on
//                  03-15 there (03-16 in Warsaw); first EDD 03-14 ✗, promised 03-15 ✓
//   U4 PL→DE (BE, from the order's address)  in transit, had an exception
//   U5 PL→DE (no region)  returned
//   U8 ?→DE (the order's country)  never scanned, registered 03-31 21:59Z
//   out: U6 cancelled; U7 shipped 02-28 22:30Z (23:30 on 02-28 in Warsaw)
// dhl_express (4 in the cohort), all DE→PL:
//   D1 shipped 02-28 23:30Z (00:30 on 03-01 in Warsaw), delivered 03-02 11:30Z = 1.5 d; EDD 03-02 ✓, no promise
//   D2 shipped 03-31 21:59Z, delivered 04-02 21:59Z = 2.0 d (after the period: it counts, being shipped in it);
//      no EDD; promised 04-01 ✗
//   D4 status exception (no events)
//   D5 shipped 03-16 10:00Z, delivered 03-20 10:00Z = 4.0 d; EDD 03-19 ✗, promised 03-20 ✓; waited at a pickup
//      point (not a failed attempt) and has a failed attempt scanned after delivery (does not count)
//   out: D3 shipped 03-31 22:00Z (midnight of 04-01 in Warsaw)
// Another merchant's delivered ups shipment, message and page views in the same period: never counted.

let t: TestApp;
let m: TestMerchant;
let other: TestMerchant;
const ids: Record<string, string> = {};

const FROM = '2026-03-01';
const TO = '2026-04-01';

interface Seed {
  key: string;
  merchant?: TestMerchant;
  carrier: 'ups' | 'dhl_express';
  status: ShipmentStatus;
  shippedAt?: string;
  createdAt?: string;
  deliveredAt?: string;
  firstEdd?: string;
  latestEdd?: string;
  promised?: string;
  origin?: string;
  destination?: { countryCode: string; region?: string } | null;
  address?: Address;
  shopperTimeZone?: string;
  events?: { status: ShipmentStatus; at: string; decision?: 'applied' | 'superseded' | 'out_of_order' }[];
}

async function seed(s: Seed): Promise<void> {
  const merchant = s.merchant ?? m;
  const order = await t.deps.db
    .insertInto('orders')
    .values({
      merchant_id: merchant.id,
      order_number: orderNumber('AN'),
      promised_date: s.promised ?? null,
      customer_time_zone: s.shopperTimeZone ?? null,
      shipping_address: s.address ? JSON.stringify(s.address) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const shipment = await t.deps.db
    .insertInto('shipments')
    .values({
      merchant_id: merchant.id,
      order_id: order.id,
      carrier_code: s.carrier,
      tracking_number: trackingNumber(),
      status: s.status,
      shipped_at: s.shippedAt ?? null,
      delivered_at: s.deliveredAt ?? null,
      first_edd: s.firstEdd ?? null,
      latest_edd: s.latestEdd ?? s.firstEdd ?? null,
      carrier_edd: s.latestEdd ?? s.firstEdd ?? null,
      promised_date: s.promised ?? null,
      origin: s.origin ? JSON.stringify({ countryCode: s.origin }) : null,
      destination: s.destination ? JSON.stringify(s.destination) : null,
      ...(s.createdAt ? { created_at: s.createdAt } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ids[s.key] = shipment.id;
  ids[`order:${s.key}`] = order.id;
  for (const [i, e] of (s.events ?? []).entries()) {
    await t.deps.db
      .insertInto('tracking_events')
      .values({
        merchant_id: merchant.id,
        shipment_id: shipment.id,
        dedupe_key: `${s.key}-${i}`,
        occurred_at: e.at,
        offset_source: 'carrier',
        status: e.status,
        raw_code: e.status.toUpperCase(),
        decision: e.decision ?? 'applied',
      })
      .execute();
  }
}

async function message(
  key: string,
  milestone: string,
  channel: 'email' | 'sms',
  status: string,
  sentAt: string | null,
  merchant = m,
) {
  await t.deps.db
    .insertInto('notifications')
    .values({
      merchant_id: merchant.id,
      order_id: ids[`order:${key}`] as string,
      shipment_id: ids[key] as string,
      subject: `shipment:${ids[key]}`,
      milestone,
      channel,
      recipient: channel === 'sms' ? '+48500100200' : 'shopper@example.com',
      locale: 'en',
      time_zone: 'UTC',
      status,
      sent_at: sentAt,
    })
    .execute();
}

async function views(merchant: TestMerchant, day: string, kind: string, count: number) {
  await t.deps.db
    .insertInto('tracking_page_counts')
    .values({ merchant_id: merchant.id, day, kind, count })
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  m = await createMerchant(t.deps, 'Analytics Store');
  other = await createMerchant(t.deps, 'Other Store');
  await t.deps.db
    .updateTable('merchants')
    .set({ notification_settings: JSON.stringify({ timeZone: 'Europe/Warsaw' }) })
    .where('id', '=', m.id)
    .execute();

  const de = (region?: string) => ({ countryCode: 'DE', ...(region ? { region } : {}) });
  await seed({
    key: 'U1',
    carrier: 'ups',
    status: 'delivered',
    shippedAt: '2026-03-02T10:00:00Z',
    deliveredAt: '2026-03-04T10:00:00Z',
    firstEdd: '2026-03-04',
    promised: '2026-03-05',
    origin: 'PL',
    destination: de('BY'),
  });
  await seed({
    key: 'U2',
    carrier: 'ups',
    status: 'delivered',
    shippedAt: '2026-03-03T08:00:00Z',
    deliveredAt: '2026-03-06T20:00:00Z',
    firstEdd: '2026-03-05',
    latestEdd: '2026-03-06',
    promised: '2026-03-07',
    origin: 'pl',
    destination: de('by'),
    events: [
      { status: 'out_for_delivery', at: '2026-03-05T08:00:00Z' },
      { status: 'attempt_failed', at: '2026-03-05T15:00:00Z' },
      { status: 'delivered', at: '2026-03-06T20:00:00Z' },
    ],
  });
  await seed({
    key: 'U3',
    carrier: 'ups',
    status: 'delivered',
    shippedAt: '2026-03-10T23:30:00Z',
    deliveredAt: '2026-03-15T23:30:00Z',
    firstEdd: '2026-03-14',
    promised: '2026-03-15',
    origin: 'PL',
    destination: { countryCode: 'US', region: 'NY' },
    shopperTimeZone: 'America/New_York',
  });
  await seed({
    key: 'U4',
    carrier: 'ups',
    status: 'in_transit',
    shippedAt: '2026-03-20T12:00:00Z',
    firstEdd: '2026-03-25',
    origin: 'PL',
    destination: de(),
    address: { countryCode: 'DE', region: ' be ' },
    events: [
      { status: 'exception', at: '2026-03-21T09:00:00Z', decision: 'superseded' },
      { status: 'in_transit', at: '2026-03-22T09:00:00Z' },
    ],
  });
  await seed({
    key: 'U5',
    carrier: 'ups',
    status: 'returned',
    shippedAt: '2026-03-21T12:00:00Z',
    origin: 'PL',
    destination: de(),
  });
  await seed({
    key: 'U6',
    carrier: 'ups',
    status: 'cancelled',
    shippedAt: '2026-03-05T12:00:00Z',
    origin: 'PL',
    destination: de(),
  });
  await seed({
    key: 'U7',
    carrier: 'ups',
    status: 'delivered',
    shippedAt: '2026-02-28T22:30:00Z',
    deliveredAt: '2026-03-02T10:00:00Z',
    firstEdd: '2026-03-02',
    origin: 'PL',
    destination: de(),
  });
  await seed({
    key: 'U8',
    carrier: 'ups',
    status: 'pending',
    createdAt: '2026-03-31T21:59:00Z',
    destination: null,
    address: { countryCode: 'de' },
  });
  const pl = { countryCode: 'PL' };
  await seed({
    key: 'D1',
    carrier: 'dhl_express',
    status: 'delivered',
    shippedAt: '2026-02-28T23:30:00Z',
    deliveredAt: '2026-03-02T11:30:00Z',
    firstEdd: '2026-03-02',
    origin: 'DE',
    destination: pl,
  });
  await seed({
    key: 'D2',
    carrier: 'dhl_express',
    status: 'delivered',
    shippedAt: '2026-03-31T21:59:00Z',
    deliveredAt: '2026-04-02T21:59:00Z',
    promised: '2026-04-01',
    origin: 'DE',
    destination: pl,
  });
  await seed({
    key: 'D3',
    carrier: 'dhl_express',
    status: 'in_transit',
    shippedAt: '2026-03-31T22:00:00Z',
    origin: 'DE',
    destination: pl,
  });
  await seed({
    key: 'D4',
    carrier: 'dhl_express',
    status: 'exception',
    shippedAt: '2026-03-15T10:00:00Z',
    origin: 'DE',
    destination: pl,
  });
  await seed({
    key: 'D5',
    carrier: 'dhl_express',
    status: 'delivered',
    shippedAt: '2026-03-16T10:00:00Z',
    deliveredAt: '2026-03-20T10:00:00Z',
    firstEdd: '2026-03-19',
    promised: '2026-03-20',
    origin: 'DE',
    destination: pl,
    events: [
      { status: 'available_for_pickup', at: '2026-03-19T10:00:00Z' },
      { status: 'delivered', at: '2026-03-20T10:00:00Z' },
      { status: 'attempt_failed', at: '2026-03-21T10:00:00Z', decision: 'out_of_order' },
    ],
  });
  await seed({
    key: 'B1',
    merchant: other,
    carrier: 'ups',
    status: 'delivered',
    shippedAt: '2026-03-05T10:00:00Z',
    deliveredAt: '2026-03-06T10:00:00Z',
    firstEdd: '2026-03-05',
    origin: 'PL',
    destination: de(),
  });

  // Messages: 7 sent in March (Warsaw), 5 of them proactive, about 2 parcels (U1, U2).
  await message('U1', 'shipped', 'email', 'sent', '2026-03-02T10:05:00Z');
  await message('U1', 'in_transit', 'email', 'sent', '2026-03-03T10:00:00Z');
  await message('U1', 'out_for_delivery', 'sms', 'sent', '2026-03-04T07:00:00Z');
  await message('U1', 'delivered', 'email', 'sent', '2026-03-04T10:01:00Z');
  await message('U2', 'shipped', 'email', 'sent', '2026-03-03T08:05:00Z');
  await message('U2', 'delayed', 'sms', 'sent', '2026-03-05T16:00:00Z');
  await message('U2', 'attempt_failed', 'email', 'failed', null);
  await message('U3', 'shipped', 'email', 'pending', null);
  // 23:59:59 on 02-28 in Warsaw: out; midnight of 03-01 in Warsaw: in.
  await message('U7', 'confirmed', 'email', 'sent', '2026-02-28T22:59:59Z');
  await message('D1', 'confirmed', 'email', 'sent', '2026-02-28T23:00:00Z');
  await message('B1', 'shipped', 'email', 'sent', '2026-03-10T10:00:00Z', other);

  // Page counts per UTC day: 20 views in March (3 + 2 + 5 + 10).
  await views(m, '2026-02-28', 'view_link', 100);
  await views(m, '2026-03-01', 'view_link', 3);
  await views(m, '2026-03-01', 'view_number', 2);
  await views(m, '2026-03-01', 'lookup_found', 1);
  await views(m, '2026-03-01', 'lookup_missed', 4);
  await views(m, '2026-03-01', 'rate_limited', 9);
  await views(m, '2026-03-15', 'view_link', 5);
  await views(m, '2026-03-31', 'view_number', 10);
  await views(m, '2026-04-01', 'view_link', 50);
  await views(other, '2026-03-01', 'view_link', 1000);
});
afterAll(() => t.close());

const get = (url: string, key = m.keys.agent) => t.app.inject({ method: 'GET', url, headers: bearer(key) });
const carriers = async (query = '') => {
  const res = await get(`/v1/analytics/carriers?from=${FROM}&to=${TO}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const merchant = async (query = '') => {
  const res = await get(`/v1/analytics/merchant?from=${FROM}&to=${TO}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const r = (count: number, of: number, rate: number | null) => ({ count, of, rate });

describe('carrier analytics', () => {
  it('counts each carrier’s cohort with every figure worked out by hand', async () => {
    const body = await carriers();
    expect(body.period).toEqual({ from: FROM, to: TO, days: 31, timeZone: 'Europe/Warsaw' });
    expect(body.carriers.map((c: { carrier: string }) => c.carrier)).toEqual(['ups', 'dhl_express']);
    const [ups, dhl] = body.carriers;
    expect(ups.totals).toEqual({
      shipments: 6, // U1 U2 U3 U4 U5 U8 (U6 cancelled, U7 shipped in February)
      delivered: 3, // U1 U2 U3
      onTimeVsCarrierEdd: r(1, 3, 0.3333), // U1 only: U2 late for its first EDD, U3 late for 03-14
      onTimeVsPromised: r(3, 3, 1), // U3 on 03-15 in New York, where the shopper is
      transitDays: { measured: 3, p50: 3.5, p90: 4.7 }, // [2.0, 3.5, 5.0]: p90 = 3.5 + 0.8 × 1.5
      firstAttempt: r(2, 3, 0.6667), // U2 had a failed attempt
      exceptions: r(1, 6, 0.1667), // U4, whose exception was resolved later
      returns: r(1, 6, 0.1667), // U5
    });
    expect(dhl.totals).toEqual({
      shipments: 4, // D1 D2 D4 D5 (D3 shipped at midnight of 04-01 in Warsaw)
      delivered: 3, // D1 D2 D5
      onTimeVsCarrierEdd: r(1, 2, 0.5), // D1 ✓, D5 ✗; D2 had no estimate
      onTimeVsPromised: r(1, 2, 0.5), // D5 ✓, D2 ✗ (04-02 > 04-01); D1 had no promise
      transitDays: { measured: 3, p50: 2, p90: 3.6 }, // [1.5, 2.0, 4.0]: p90 = 2.0 + 0.8 × 2.0
      firstAttempt: r(3, 3, 1), // a pickup point is no failed attempt; D5's failure came after delivery
      exceptions: r(1, 4, 0.25), // D4
      returns: r(0, 4, 0),
    });
    expect(body.totals).toEqual({
      shipments: 10,
      delivered: 6,
      onTimeVsCarrierEdd: r(2, 5, 0.4),
      onTimeVsPromised: r(4, 5, 0.8),
      // [1.5, 2.0, 2.0, 3.5, 4.0, 5.0]: p50 = (2.0 + 3.5) / 2; p90 at position 0.9 × 5 = 4.5: 4.0 + 0.5 × 1.0
      transitDays: { measured: 6, p50: 2.75, p90: 4.5 },
      firstAttempt: r(5, 6, 0.8333),
      exceptions: r(2, 10, 0.2),
      returns: r(1, 10, 0.1),
    });
  });

  it('splits each carrier by lane, most shipments first', async () => {
    const body = await carriers();
    const [ups, dhl] = body.carriers;
    expect(ups.lanes.map((l: { label: string }) => l.label)).toEqual(['PL → DE', '? → DE', 'PL → US']);
    expect(ups.lanes[0]).toEqual({
      origin: 'PL',
      destination: 'DE',
      region: null,
      label: 'PL → DE',
      shipments: 4, // U1 U2 U4 U5
      delivered: 2,
      onTimeVsCarrierEdd: r(1, 2, 0.5),
      onTimeVsPromised: r(2, 2, 1),
      transitDays: { measured: 2, p50: 2.75, p90: 3.35 }, // [2.0, 3.5]: 2.0 + 0.9 × 1.5
      firstAttempt: r(1, 2, 0.5),
      exceptions: r(1, 4, 0.25),
      returns: r(1, 4, 0.25),
    });
    expect(ups.lanes[1]).toMatchObject({
      origin: null, // U8: nobody reported where it left from
      destination: 'DE', // from the order's address
      shipments: 1,
      delivered: 0,
      onTimeVsCarrierEdd: r(0, 0, null),
      transitDays: { measured: 0, p50: null, p90: null },
      exceptions: r(0, 1, 0),
    });
    expect(ups.lanes[2]).toMatchObject({
      shipments: 1,
      onTimeVsCarrierEdd: r(0, 1, 0),
      onTimeVsPromised: r(1, 1, 1),
    });
    expect(dhl.lanes).toHaveLength(1);
    const { origin, destination, region, label, ...dhlLane } = dhl.lanes[0];
    expect({ origin, destination, region, label }).toEqual({
      origin: 'DE',
      destination: 'PL',
      region: null,
      label: 'DE → PL',
    });
    expect(dhlLane).toEqual(dhl.totals);
  });

  it('groups by destination region when asked, from the carrier or else the order’s address', async () => {
    const body = await carriers('&groupBy=region');
    expect(body.groupBy).toBe('region');
    const ups = body.carriers[0];
    expect(ups.lanes.map((l: { label: string; shipments: number }) => [l.label, l.shipments])).toEqual([
      ['PL → DE (BY)', 2], // U1 U2
      ['? → DE', 1], // U8
      ['PL → DE', 1], // U5: no region anywhere
      ['PL → DE (BE)', 1], // U4: " be " on the order
      ['PL → US (NY)', 1], // U3
    ]);
    expect(ups.totals.shipments).toBe(6);
  });

  it('filters by carrier', async () => {
    const body = await carriers('&carrier=dhl_express');
    expect(body.carrier).toBe('dhl_express');
    expect(body.carriers.map((c: { carrier: string }) => c.carrier)).toEqual(['dhl_express']);
    expect(body.totals.shipments).toBe(4);
  });

  it('answers an empty period with zeros and nulls', async () => {
    const res = await get('/v1/analytics/carriers?from=2025-01-01&to=2025-02-01');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      carriers: [],
      totals: { shipments: 0, onTimeVsPromised: r(0, 0, null), transitDays: { p50: null } },
    });
  });
});

describe('merchant analytics', () => {
  it('counts messages sent in the period by milestone and channel', async () => {
    const body = await merchant();
    expect(body.messages.total).toBe(7); // 6 about U1 and U2, and D1's confirmation at midnight of 03-01
    const nonZero = body.messages.data.filter((d: { sent: number }) => d.sent > 0);
    expect(nonZero).toEqual([
      { milestone: 'confirmed', channel: 'email', sent: 1 },
      { milestone: 'shipped', channel: 'email', sent: 2 },
      { milestone: 'in_transit', channel: 'email', sent: 1 },
      { milestone: 'out_for_delivery', channel: 'sms', sent: 1 },
      { milestone: 'delivered', channel: 'email', sent: 1 },
      { milestone: 'delayed', channel: 'sms', sent: 1 },
    ]);
    expect(body.messages.data).toHaveLength(22); // 11 milestones × 2 channels
  });

  it('counts tracking page views per day, every day of the period', async () => {
    const body = await merchant();
    expect(body.pageViews.total).toBe(20); // 3 + 2 on 03-01, 5 on 03-15, 10 on 03-31
    expect(body.pageViews.days).toHaveLength(31);
    expect(body.pageViews.days[0]).toEqual({
      day: '2026-03-01',
      views: 5,
      linkViews: 3,
      numberViews: 2,
      lookupsFound: 1,
      lookupsMissed: 4,
    });
    expect(body.pageViews.days[1]).toMatchObject({ day: '2026-03-02', views: 0 });
    expect(body.pageViews.days[30]).toMatchObject({ day: '2026-03-31', views: 10 });
  });

  it('estimates the contacts avoided with its inputs, and with the merchant’s own assumptions', async () => {
    const body = await merchant();
    expect(body.wismoContactsAvoided).toMatchObject({
      estimate: 7, // round(0.3 × (20 views + 2 parcels told)) = round(6.6)
      savings: { amount: 35, currency: 'USD' }, // 7 × 5
      formula: 'round(deflectionRate × (trackingPageViews + notifiedShipments))',
      inputs: {
        trackingPageViews: 20,
        notifiedShipments: 2, // U1 and U2
        proactiveMessages: 5, // shipped ×2, in transit, out for delivery, delayed
        deflectionRate: 0.3,
        costPerContact: 5,
      },
    });
    const own = await merchant('&deflectionRate=0.5&costPerContact=4.5');
    expect(own.wismoContactsAvoided).toMatchObject({
      estimate: 11, // round(0.5 × 22)
      savings: { amount: 49.5, currency: 'USD' }, // 11 × 4.5
      inputs: { deflectionRate: 0.5, costPerContact: 4.5 },
    });
  });
});

describe('analytics page', () => {
  it('renders both reports of the period as charts and tables', async () => {
    const query = AnalyticsOverviewQuery.parse({ from: FROM, to: TO, groupBy: 'region' });
    const page = renderAnalyticsPage(await t.deps.services.analytics.overview(m.id, query));
    expect(page).toContain(
      '<th scope="row">ups</th><td class="n">6</td><td class="n">3</td><td class="n">1 of 3 (33.3 %)</td>',
    );
    expect(page).toContain('<th scope="row">ups: PL → DE (BY)</th>');
    expect(page).toContain('<option value="region" selected>');
    expect((page.match(/<svg /g) ?? []).length).toBe(6);
  });
});

describe('analytics period and access', () => {
  it('defaults to the last 30 days up to today in the merchant’s zone', async () => {
    const res = await get('/v1/analytics/merchant');
    expect(res.statusCode).toBe(200);
    const to = addDays(dateIn('Europe/Warsaw', new Date()), 1);
    expect(res.json().period).toEqual({ from: addDays(to, -30), to, days: 30, timeZone: 'Europe/Warsaw' });
    expect(res.json().pageViews.days).toHaveLength(30);
  });

  it('allows 366 days and no more', async () => {
    expect((await get('/v1/analytics/carriers?from=2025-03-01&to=2026-03-02')).statusCode).toBe(200);
    const res = await get('/v1/analytics/carriers?from=2025-03-01&to=2026-03-03');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([
      { in: 'query', field: 'from', reason: 'the period is 367 days; at most 366 are allowed' },
    ]);
  });

  it.each([
    ['from=2026-02-30', 'from'],
    ['to=yesterday', 'to'],
    ['from=2026-03-10&to=2026-03-10', 'to'],
    ['from=2026-04-01&to=2026-03-01', 'to'],
    ['carrier=nope', 'carrier'],
    ['groupBy=city', 'groupBy'],
    ['deflectionRate=2', 'deflectionRate'],
    ['costPerContact=-1', 'costPerContact'],
    ['region=BY', 'region'],
  ])('refuses %s with a problem naming %s', async (query, field) => {
    const path = query.startsWith('deflection') || query.startsWith('cost') ? 'merchant' : 'carriers';
    const res = await get(`/v1/analytics/${path}?${query}`);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { in: string; field: string }) => `${e.in}.${e.field}`)).toEqual([
      `query.${field}`,
    ]);
  });

  it('is for agents and admins: no key is 401, storefront and writer keys are 403', async () => {
    for (const path of ['carriers', 'merchant']) {
      const url = `/v1/analytics/${path}?from=${FROM}&to=${TO}`;
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
      expect((await get(url, 'wismo_not_a_key')).statusCode).toBe(401);
      expect((await get(url, m.keys.read)).statusCode).toBe(403);
      expect((await get(url, m.keys.write)).statusCode).toBe(403);
      expect((await get(url, m.keys.admin)).statusCode).toBe(200);
    }
  });

  it('shows another merchant only its own figures', async () => {
    const res = await get(`/v1/analytics/carriers?from=${FROM}&to=${TO}`, other.keys.agent);
    expect(res.json().totals).toMatchObject({ shipments: 1, delivered: 1 }); // B1 alone
    const views = await get(`/v1/analytics/merchant?from=${FROM}&to=${TO}`, other.keys.agent);
    expect(views.json().pageViews.total).toBe(1000);
    expect(views.json().messages.total).toBe(1);
  });
});
