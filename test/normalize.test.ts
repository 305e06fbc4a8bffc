import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sandboxTrackingNumber } from '../src/carriers/sandbox/format.js';
import { unmappedCarrierEvents } from '../src/metrics.js';
import { ShipmentTrackingView } from '../src/shipments/shipments.schemas.js';
import { TrackingRepository } from '../src/tracking/tracking.repository.js';
import {
  bearer,
  createMerchant,
  createTestApp,
  orderNumber,
  type TestApp,
  type TestMerchant,
} from './helpers/context.js';

// Normalization on the real database: raw payload → sandbox mapper → events → derived shipment and order
// status, idempotent, with every event's decision visible in the API.

let t: TestApp;
let m: TestMerchant;
let serial = 1000;

beforeAll(async () => {
  t = await createTestApp();
  m = await createMerchant(t.deps);
});
afterAll(() => t.close());

async function newShipment(extra: { shipments?: number } = {}) {
  const numbers = Array.from({ length: extra.shipments ?? 1 }, () => sandboxTrackingNumber(serial++));
  const res = await t.app.inject({
    method: 'POST',
    url: '/v1/orders',
    headers: bearer(m.keys.write),
    payload: {
      orderNumber: orderNumber('N'),
      shipments: numbers.map((n) => ({ carrier: 'sandbox', trackingNumber: n })),
    },
  });
  expect(res.statusCode).toBe(201);
  const order = res.json() as { id: string; shipments: { id: string; trackingNumber: string }[] };
  // The order lists its shipments in creation order; inside one request that order is arbitrary.
  const byNumber = new Map(order.shipments.map((s) => [s.trackingNumber, s.id]));
  return { order, numbers, shipmentIds: numbers.map((n) => byNumber.get(n) as string) };
}

async function store(
  body: unknown,
  requested: string[] = [],
  merchantId: string | null = m.id,
): Promise<number> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const row = await t.deps.db
    .insertInto('raw_payloads')
    .values({
      merchant_id: merchantId,
      carrier_code: 'sandbox',
      source: 'poll',
      body: Buffer.from(text),
      content_type: 'application/json',
      dedupe_key: `${Date.now()}-${Math.random()}`,
      tracking_numbers: requested,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const ev = (code: string, at: string, description = code) => ({ code, description, occurredAt: at });

async function shipmentDoc(id: string) {
  const res = await t.app.inject({ method: 'GET', url: `/v1/shipments/${id}`, headers: bearer(m.keys.read) });
  expect(res.statusCode).toBe(200);
  return ShipmentTrackingView.parse(res.json());
}

describe('normalizing a raw payload', () => {
  it('stores canonical events, derives shipment and order status, and records facts', async () => {
    const { numbers, shipmentIds } = await newShipment();
    const id = await store({
      trackingNumber: numbers[0],
      service: 'Sandbox Express',
      estimatedDelivery: '2026-11-27',
      signedBy: null,
      destination: { city: 'Lyon', countryCode: 'FR' },
      events: [
        ev('LC', '2026-11-22T09:00:00+01:00'),
        ev('PU', '2026-11-22T15:00:00+01:00'),
        ev('DP', '2026-11-22T20:00:00+01:00'),
      ],
    });
    const outcome = await t.deps.services.normalize.normalizePayload(id);
    expect(outcome.state).toBe('processed');
    expect(outcome.shipments).toEqual([
      { shipmentId: shipmentIds[0], trackingNumber: numbers[0], newEvents: 3, status: 'in_transit' },
    ]);
    expect(outcome.decisions).toEqual({ applied: 3 });

    const doc = await shipmentDoc(shipmentIds[0] as string);
    expect(doc).toMatchObject({
      status: 'in_transit',
      substatus: 'departed',
      service: 'Sandbox Express',
      destination: { city: 'Lyon', countryCode: 'FR' },
      shippedAt: '2026-11-22T14:00:00.000Z',
      edd: { carrier: { date: '2026-11-27' }, first: '2026-11-27', latest: '2026-11-27' },
      freshness: { lastSource: 'poll', lastError: null, lastEventAt: '2026-11-22T19:00:00.000Z' },
      order: { status: 'in_transit' },
    });
    expect(
      doc.events.map((e) => [e.rawCode, e.occurredAt, e.utcOffsetMinutes, e.offsetSource, e.decision]),
    ).toEqual([
      ['DP', '2026-11-22T19:00:00.000Z', 60, 'carrier', 'applied'],
      ['PU', '2026-11-22T14:00:00.000Z', 60, 'carrier', 'applied'],
      ['LC', '2026-11-22T08:00:00.000Z', 60, 'carrier', 'applied'],
    ]);
    const payload = await t.deps.db
      .selectFrom('raw_payloads')
      .select(['state', 'tracking_numbers'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(payload).toEqual({ state: 'processed', tracking_numbers: [numbers[0]] });
  });

  it('is idempotent: the same payload again, or a poll repeating old events, changes nothing', async () => {
    const { numbers, shipmentIds } = await newShipment();
    const body = { trackingNumber: numbers[0], events: [ev('PU', '2026-11-22T15:00:00+01:00')] };
    const first = await store(body);
    await t.deps.services.normalize.normalizePayload(first);
    const before = await shipmentDoc(shipmentIds[0] as string);
    await t.deps.services.normalize.normalizePayload(first);
    const again = await t.deps.services.normalize.normalizePayload(await store(body));
    expect(again.shipments[0]?.newEvents).toBe(0);
    const after = await shipmentDoc(shipmentIds[0] as string);
    expect(after.events).toEqual(before.events);
    expect(after.updatedAt).toBe(before.updatedAt);
  });

  it('never goes backwards: a late scan after delivery is out_of_order, a later return applies', async () => {
    const { numbers, shipmentIds, order } = await newShipment();
    const n = numbers[0];
    await t.deps.services.normalize.normalizePayload(
      await store({
        trackingNumber: n,
        events: [
          ev('PU', '2026-11-20T10:00:00Z'),
          ev('OD', '2026-11-21T08:00:00Z'),
          ev('DV', '2026-11-21T12:00:00Z'),
        ],
      }),
    );
    const late = await t.deps.services.normalize.normalizePayload(
      await store({ trackingNumber: n, events: [ev('AR', '2026-11-21T18:00:00Z', 'Arrived at hub')] }),
    );
    expect(late.decisions).toEqual({ out_of_order: 1 });
    let doc = await shipmentDoc(shipmentIds[0] as string);
    expect(doc.status).toBe('delivered');
    expect(doc.deliveredAt).toBe('2026-11-21T12:00:00.000Z');
    expect(doc.order.status).toBe('delivered');
    expect(doc.events.find((e) => e.rawCode === 'AR')?.decision).toBe('out_of_order');

    await t.deps.services.normalize.normalizePayload(
      await store({ trackingNumber: n, events: [ev('RT', '2026-11-23T09:00:00Z', 'Return to sender')] }),
    );
    doc = await shipmentDoc(shipmentIds[0] as string);
    expect(doc.status).toBe('returning');
    const o = await t.app.inject({
      method: 'GET',
      url: `/v1/orders/${order.id}`,
      headers: bearer(m.keys.read),
    });
    expect(o.json().status).toBe('returned');
  });

  it('an exception resolved by progress is superseded; a reworded repeat of a scan is a duplicate', async () => {
    const { numbers, shipmentIds } = await newShipment();
    const n = numbers[0];
    await t.deps.services.normalize.normalizePayload(
      await store({
        trackingNumber: n,
        events: [
          ev('PU', '2026-11-20T10:00:00Z'),
          ev('AI', '2026-11-21T08:00:00Z', 'Address incomplete'),
          { ...ev('OD', '2026-11-22T08:00:00Z'), location: { city: 'Lyon', countryCode: 'FR' } },
          { ...ev('OD', '2026-11-22T08:00:30Z'), location: { city: 'LYON 03', countryCode: 'FR' } },
        ],
      }),
    );
    const doc = await shipmentDoc(shipmentIds[0] as string);
    expect(doc.status).toBe('out_for_delivery');
    expect(doc.events.map((e) => [e.rawCode, e.decision])).toEqual([
      ['OD', 'duplicate'],
      ['OD', 'applied'],
      ['AI', 'superseded'],
      ['PU', 'applied'],
    ]);
  });

  it('splits a payload holding several shipments, and reports numbers no shipment has', async () => {
    const { numbers, shipmentIds, order } = await newShipment({ shipments: 2 });
    const stranger = sandboxTrackingNumber(999_999);
    const outcome = await t.deps.services.normalize.normalizePayload(
      await store({
        results: [
          { trackingNumber: numbers[0], events: [ev('DV', '2026-11-22T10:00:00Z')] },
          { trackingNumber: numbers[1], events: [ev('PU', '2026-11-21T10:00:00Z')] },
          { trackingNumber: stranger, events: [ev('PU', '2026-11-21T10:00:00Z')] },
        ],
      }),
    );
    // Shipments are handled in lock order (by id, against deadlocks), not in the payload's order.
    expect(Object.fromEntries(outcome.shipments.map((s) => [s.shipmentId, s.status]))).toEqual({
      [shipmentIds[0] as string]: 'delivered',
      [shipmentIds[1] as string]: 'in_transit',
    });
    expect(outcome.unmatched).toEqual([stranger]);
    const o = await t.app.inject({
      method: 'GET',
      url: `/v1/orders/${order.id}`,
      headers: bearer(m.keys.read),
    });
    expect(o.json().status).toBe('partially_delivered');
  });

  it('an answer under another number than the one asked for belongs to the shipment asked about', async () => {
    const { numbers, shipmentIds } = await newShipment();
    const other = sandboxTrackingNumber(888_888);
    const outcome = await t.deps.services.normalize.normalizePayload(
      await store({ trackingNumber: other, events: [ev('PU', '2026-11-21T10:00:00Z')] }, [
        numbers[0] as string,
      ]),
    );
    expect(outcome.shipments.map((s) => s.shipmentId)).toEqual([shipmentIds[0]]);
    expect((await shipmentDoc(shipmentIds[0] as string)).status).toBe('in_transit');
  });

  it('a not-found answer is written on the shipment; the payload is still processed', async () => {
    const { numbers, shipmentIds } = await newShipment();
    const outcome = await t.deps.services.normalize.normalizePayload(
      await store({ error: { code: 'not_found', message: 'No such parcel' } }, [numbers[0] as string]),
    );
    expect(outcome.problems).toEqual([
      { kind: 'not_found', code: 'not_found', message: 'No such parcel', trackingNumber: numbers[0] },
    ]);
    const doc = await shipmentDoc(shipmentIds[0] as string);
    expect(doc.status).toBe('pending');
    expect(doc.freshness.lastError).toBe('not_found: No such parcel');
  });

  it('a malformed body is processed with a problem, never an exception; unknown codes are counted', async () => {
    const bad = await t.deps.services.normalize.normalizePayload(await store('{"trackingNumber": '));
    expect(bad.problems[0]?.kind).toBe('malformed');
    const { numbers } = await newShipment();
    const before = (await unmappedCarrierEvents.get()).values.find((v) => v.labels.code === 'QQ')?.value ?? 0;
    const outcome = await t.deps.services.normalize.normalizePayload(
      await store({
        trackingNumber: numbers[0],
        events: [ev('QQ', '2026-11-21T10:00:00Z', 'Out for delivery today')],
      }),
    );
    expect(outcome.shipments[0]?.status).toBe('out_for_delivery');
    const after = (await unmappedCarrierEvents.get()).values.find((v) => v.labels.code === 'QQ')?.value ?? 0;
    expect(after - before).toBe(1);
  });
});

describe('renormalizing', () => {
  it('rebuilds events and status from the stored payloads after a mapping change, idempotently', async () => {
    const { numbers, shipmentIds } = await newShipment();
    const n = numbers[0] as string;
    await t.deps.services.normalize.normalizePayload(
      await store({
        trackingNumber: n,
        events: [ev('PU', '2026-11-20T10:00:00Z'), ev('DV', '2026-11-21T10:00:00Z')],
      }),
    );
    // What an older, wrong mapping left behind: a wrong status, and an event under a key no mapping makes.
    await sql`UPDATE tracking_events SET status = 'exception' WHERE shipment_id = ${shipmentIds[0]} AND raw_code = 'DV'`.execute(
      t.deps.db,
    );
    await sql`UPDATE shipments SET status = 'exception' WHERE id = ${shipmentIds[0]}`.execute(t.deps.db);
    const stale = await t.deps.db
      .selectFrom('tracking_events')
      .selectAll()
      .where('shipment_id', '=', shipmentIds[0] as string)
      .where('raw_code', '=', 'PU')
      .executeTakeFirstOrThrow();
    const { id: _id, ...copy } = stale;
    await t.deps.db
      .insertInto('tracking_events')
      .values({
        ...copy,
        location: copy.location === null ? null : JSON.stringify(copy.location),
        dedupe_key: 'from-an-old-mapping',
        occurred_at: new Date('2026-11-20T22:00:00Z'),
      })
      .execute();

    const result = await t.deps.services.normalize.renormalize({
      carrier: 'sandbox',
      since: new Date(Date.now() - 60_000),
    });
    expect(result.statusChanges).toContainEqual({
      shipmentId: shipmentIds[0],
      trackingNumber: n,
      from: 'exception',
      to: 'delivered',
    });
    const doc = await shipmentDoc(shipmentIds[0] as string);
    expect(doc.status).toBe('delivered');
    expect(doc.events.map((e) => [e.rawCode, e.status, e.id === stale.id ? 'same id' : 'new id'])).toEqual([
      ['DV', 'delivered', 'new id'],
      ['PU', 'in_transit', 'same id'],
    ]);
    const again = await t.deps.services.normalize.renormalize({
      carrier: 'sandbox',
      since: new Date(Date.now() - 60_000),
    });
    expect(again.statusChanges).toEqual([]);
    expect(again.eventsRemoved).toBe(0);
    expect((await shipmentDoc(shipmentIds[0] as string)).events).toEqual(doc.events);
  });
});

describe('normalizing a job’s payloads together', () => {
  it('gives each payload its own outcome, and derives each shipment once from all of them', async () => {
    const { numbers, shipmentIds } = await newShipment({ shipments: 2 });
    const [a, b] = numbers as [string, string];
    const ids = [
      await store({ trackingNumber: a, events: [ev('PU', '2026-11-20T10:00:00Z')] }),
      // The same pickup again, and the arrival: one new event.
      await store({
        trackingNumber: a,
        events: [ev('PU', '2026-11-20T10:00:00Z'), ev('OD', '2026-11-21T08:00:00Z')],
      }),
      await store({ trackingNumber: b, events: [ev('PU', '2026-11-20T11:00:00Z')] }),
    ];
    const outcomes = await t.deps.services.normalize.normalizePayloads(ids);
    expect(
      outcomes.map((o) => [
        o.payloadId,
        o.state,
        o.shipments.map((s) => [s.trackingNumber, s.newEvents, s.status]),
      ]),
    ).toEqual([
      [ids[0], 'processed', [[a, 1, 'out_for_delivery']]],
      [ids[1], 'processed', [[a, 1, 'out_for_delivery']]],
      [ids[2], 'processed', [[b, 1, 'in_transit']]],
    ]);
    expect(outcomes[1]?.decisions).toEqual({ applied: 2 });
    expect((await shipmentDoc(shipmentIds[0] as string)).events.map((e) => e.rawCode)).toEqual(['OD', 'PU']);
    // One status change per shipment, from before the batch to after it.
    const outbox = await t.deps.db
      .selectFrom('outbox')
      .select(['topic', 'payload'])
      .where('topic', '=', 'shipment.status_changed')
      .where(sql<boolean>`payload->>'shipmentId' = ANY(${shipmentIds})`)
      .execute();
    expect(
      outbox
        .map((o) => {
          const p = o.payload as { trackingNumber: string; previousStatus: string; status: string };
          return [p.trackingNumber, p.previousStatus, p.status];
        })
        .sort(),
    ).toEqual(
      [
        [a, 'pending', 'out_for_delivery'],
        [b, 'pending', 'in_transit'],
      ].sort(),
    );
    // Normalizing the job again (a redelivered job) changes nothing.
    const again = await t.deps.services.normalize.normalizePayloads(ids);
    expect(again.map((o) => o.state)).toEqual(['skipped', 'skipped', 'skipped']);
  });

  it('keeps the facts as payloads one at a time would: later ones win, sparse ones keep, the first estimate stays', async () => {
    const payloads = (n: string) => [
      {
        trackingNumber: n,
        service: 'Express',
        estimatedDelivery: '2026-11-25',
        events: [ev('PU', '2026-11-20T10:00:00Z')],
      },
      // Sparse: no service, a later estimate.
      { trackingNumber: n, estimatedDelivery: '2026-11-27', events: [ev('AR', '2026-11-21T10:00:00Z')] },
      // Sparser still: events alone.
      { trackingNumber: n, signedBy: 'J. Doe', events: [ev('DV', '2026-11-22T10:00:00Z')] },
    ];
    const { numbers, shipmentIds } = await newShipment({ shipments: 2 });
    const [one, many] = numbers as [string, string];
    for (const p of payloads(one)) await t.deps.services.normalize.normalizePayloads([await store(p)]);
    const batch = [];
    for (const p of payloads(many)) batch.push(await store(p));
    await t.deps.services.normalize.normalizePayloads(batch);
    const [a, b] = [await shipmentDoc(shipmentIds[0] as string), await shipmentDoc(shipmentIds[1] as string)];
    const facts = (d: typeof a) => ({
      status: d.status,
      edd: d.edd,
      service: d.service,
      signedBy: d.signedBy,
    });
    expect(facts(a)).toMatchObject({
      status: 'delivered',
      service: 'Express',
      signedBy: 'J. Doe',
      edd: { carrier: { date: '2026-11-27' }, first: '2026-11-25', latest: '2026-11-27' },
    });
    expect(facts(b)).toEqual(facts(a));
  });

  it('a payload that fails inside the transaction does not hold back the others', async () => {
    const { numbers } = await newShipment({ shipments: 2 });
    const [a, b] = numbers as [string, string];
    // A fault injected into Postgres: any event with this text is refused.
    await sql`
      CREATE OR REPLACE FUNCTION test_refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.raw_text = 'POISON' THEN RAISE EXCEPTION 'refused by the test'; END IF;
        RETURN NEW;
      END $$`.execute(t.deps.db);
    await sql`CREATE TRIGGER test_refuse_poison BEFORE INSERT ON tracking_events
      FOR EACH ROW EXECUTE FUNCTION test_refuse_poison()`.execute(t.deps.db);
    try {
      const good = await store({ trackingNumber: a, events: [ev('PU', '2026-11-20T10:00:00Z')] });
      const bad = await store({ trackingNumber: b, events: [ev('PU', '2026-11-20T10:00:00Z', 'POISON')] });
      await expect(t.deps.services.normalize.normalizePayloads([good, bad])).rejects.toThrow(
        /refused by the test/,
      );
      const rows = await t.deps.db
        .selectFrom('raw_payloads')
        .select(['id', 'state', 'attempts', 'last_error'])
        .where('id', 'in', [good, bad])
        .orderBy('id')
        .execute();
      expect(rows).toEqual([
        { id: good, state: 'processed', attempts: 1, last_error: null },
        { id: bad, state: 'pending', attempts: 1, last_error: 'refused by the test' },
      ]);
    } finally {
      await sql`DROP TRIGGER test_refuse_poison ON tracking_events`.execute(t.deps.db);
      await sql`DROP FUNCTION test_refuse_poison()`.execute(t.deps.db);
    }
  });

  it('a problem stands unless a later payload of the batch tracks the shipment, as one at a time would', async () => {
    const { numbers, shipmentIds } = await newShipment({ shipments: 2 });
    const [a, b] = numbers as [string, string];
    const notFound = { error: { code: 'not_found', message: 'no such parcel yet' } };
    const found = (n: string) => ({ trackingNumber: n, events: [ev('PU', '2026-11-20T10:00:00Z')] });
    // a: not found, then found (the error is cleared); b: found, then not found (the error stands).
    await t.deps.services.normalize.normalizePayloads([
      await store(notFound, [a]),
      await store(found(a)),
      await store(found(b)),
      await store(notFound, [b]),
    ]);
    const lastError = async (id: string) => (await shipmentDoc(id)).freshness.lastError;
    expect(await lastError(shipmentIds[0] as string)).toBeNull();
    expect(await lastError(shipmentIds[1] as string)).toMatch(/^not_found: no such parcel yet/);
  });

  it('a job that failed before is taken one payload at a time, each claimed on its own', async () => {
    const { numbers } = await newShipment({ shipments: 2 });
    const ids = [
      await store({ trackingNumber: numbers[0], events: [ev('PU', '2026-11-20T10:00:00Z')] }),
      await store({ trackingNumber: numbers[1], events: [ev('PU', '2026-11-20T10:00:00Z')] }),
    ];
    await sql`UPDATE raw_payloads SET attempts = 2 WHERE id IN (${sql.join(ids)})`.execute(t.deps.db);
    const claims = vi.spyOn(TrackingRepository.prototype, 'claimPayloads');
    try {
      const outcomes = await t.deps.services.normalize.normalizePayloads(ids);
      expect(outcomes.map((o) => o.state)).toEqual(['processed', 'processed']);
      expect(claims.mock.calls.map(([claimed]) => [...claimed])).toEqual([[ids[0]], [ids[1]]]);
    } finally {
      claims.mockRestore();
    }
  });

  it('drops the NUL characters Postgres refuses from carrier text, instead of failing the payload', async () => {
    const { numbers, shipmentIds } = await newShipment();
    const id = await store({
      trackingNumber: numbers[0],
      events: [
        {
          code: 'PU',
          description: 'Picked\u0000 up',
          occurredAt: '2026-11-20T10:00:00Z',
          location: { city: 'Pa\u0000ris' },
        },
      ],
    });
    const [outcome] = await t.deps.services.normalize.normalizePayloads([id]);
    expect(outcome?.state).toBe('processed');
    const doc = await shipmentDoc(shipmentIds[0] as string);
    expect(doc.events[0]).toMatchObject({ rawText: 'Picked up', location: { city: 'Paris' } });
  });
});

describe('GET /metrics', () => {
  it('exposes the unmapped-code counter in Prometheus format', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('# TYPE wismo_carrier_unmapped_events_total counter');
  });
});
