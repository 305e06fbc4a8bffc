import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAdapter, mapPayload } from '../src/carriers/registry.js';
import { type RunningWorkers, startWorkers } from '../src/queue/workers.js';
import { eventKey } from '../src/tracking/event-key.js';
import { readFixture } from './helpers/carrier-fixtures.js';
import { bearer, createMerchant, createTestApp, orderNumber, type TestApp } from './helpers/context.js';
import { type Answer, type Asked, FakeCarrier, tokenAnswer } from './helpers/fake-carrier.js';
import { type Isolated, isolatedDatabase } from './helpers/isolated-database.js';
import { waitFor } from './helpers/polling.js';

// A poll cycle for each carrier wismo polls, end to end on the real pipeline: the scheduler (in the
// worker) claims the due shipment, the carrier's queue runs the poll job, its client asks the local server,
// which replays the carrier's real fixture, the answer is stored as a raw payload and normalized into the
// events the carrier's mapper reads from it.

interface Case {
  carrier: string;
  credentials: Record<string, string>;
  fixture: string;
  /** What the fake answers besides the fixture (a 17TRACK registration). */
  other?: (asked: Asked) => Answer | null;
}

const key = { apiKey: 'k-123' };
const oauth = { clientId: 'id-1', clientSecret: 'secret-1' };
const CASES: Case[] = [
  { carrier: 'ups', credentials: oauth, fixture: 'karrio/ups/TrackingResponseJSON.json' },
  { carrier: 'fedex', credentials: oauth, fixture: 'karrio/fedex/TrackingResponse.json' },
  { carrier: 'usps', credentials: oauth, fixture: 'karrio/usps/TrackingResponse.json' },
  { carrier: 'dhl_unified', credentials: key, fixture: 'karrio/dhl_universal/TrackingResponseJSON.json' },
  { carrier: 'easypost', credentials: key, fixture: 'easypost_examples/easypost/trackers-create.json' },
  { carrier: 'aftership', credentials: key, fixture: 'aftership_sdk_java/aftership/GetTrackingsResult.json' },
  {
    carrier: 'seventeentrack',
    credentials: key,
    fixture: 'py17track/17track/gettrackinfo_success_response.json',
    other: (asked) =>
      asked.path.endsWith('/register')
        ? { body: JSON.stringify({ code: 0, data: { accepted: [], rejected: [] } }) }
        : null,
  },
];

let iso: Isolated;
let t: TestApp;
let workers: RunningWorkers;
const fakes = new Map<string, FakeCarrier>();

beforeAll(async () => {
  iso = await isolatedDatabase();
  for (const c of CASES) {
    const fake = await new FakeCarrier().start();
    const tokens = { n: 0 };
    const body = readFixture(c.fixture);
    fake.answer = (asked) => tokenAnswer(asked, tokens) ?? c.other?.(asked) ?? { body };
    fakes.set(c.carrier, fake);
  }
  t = await createTestApp({
    ...iso.env,
    POLL_SCHEDULER: 'true',
    POLL_TICK_MS: '100',
    CARRIER_API_URLS: [...fakes].map(([carrier, f]) => `${carrier}=${f.url}`).join(','),
  });
  workers = await startWorkers(t.deps);
});
afterAll(async () => {
  await workers?.close();
  await t?.close();
  for (const f of fakes.values()) await f.close();
  await iso?.drop();
});

describe('a poll cycle for each carrier', () => {
  it.each(CASES)('$carrier: the fixture the carrier answers becomes the shipment’s events', async (c) => {
    const adapter = getAdapter(c.carrier);
    if (!adapter?.poll) throw new Error(`${c.carrier} has no poll client`);
    const fixture = readFixture(c.fixture);
    const mapped = mapPayload(adapter, { body: fixture, httpStatus: 200 });
    const tracked = mapped.shipments.find((s) => s.events.length > 0);
    if (!tracked) throw new Error(`${c.fixture} holds no events`);
    const number = tracked.trackingNumber;
    const expected = new Set(tracked.events.map((e) => eventKey(c.carrier, number, e)));

    const m = await createMerchant(t.deps);
    await t.deps.services.carrierConnections.create({
      merchantId: m.id,
      carrier: c.carrier,
      credentials: c.credentials,
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: bearer(m.keys.write),
      payload: { orderNumber: orderNumber('P'), shipments: [{ carrier: c.carrier, trackingNumber: number }] },
    });
    expect(res.statusCode).toBe(201);
    const shipmentId = (res.json() as { shipments: { id: string }[] }).shipments[0]?.id as string;

    const events = await waitFor(async () => {
      const rows = await t.deps.db
        .selectFrom('tracking_events')
        .select(['dedupe_key', 'status'])
        .where('shipment_id', '=', shipmentId)
        .execute();
      return rows.length >= expected.size ? rows : null;
    });
    expect(new Set(events.map((e) => e.dedupe_key))).toEqual(expected);

    const fake = fakes.get(c.carrier) as FakeCarrier;
    const asked = fake.tracking.filter((a) => `${a.path}?${a.query}${a.body}`.includes(number));
    expect(asked.length).toBeGreaterThanOrEqual(1);
    const payload = await t.deps.db
      .selectFrom('raw_payloads')
      .select(['source', 'verified_by', 'http_status', 'state'])
      .where('merchant_id', '=', m.id)
      .executeTakeFirstOrThrow();
    expect(payload).toEqual({ source: 'poll', verified_by: 'poll', http_status: 200, state: 'processed' });

    const doc = await t.app.inject({ url: `/v1/shipments/${shipmentId}`, headers: bearer(m.keys.read) });
    const freshness = (doc.json() as { freshness: Record<string, unknown> }).freshness;
    expect(freshness.lastSource).toBe('poll');
    expect(freshness.lastCheckedAt).not.toBeNull();
    const status = (doc.json() as { status: string }).status;
    // A shipment still moving is due again; a final one is not.
    if (['delivered', 'returned', 'cancelled', 'expired'].includes(status))
      expect(freshness.nextCheckAt).toBeNull();
    else expect(Date.parse(freshness.nextCheckAt as string)).toBeGreaterThan(Date.now());
  });
});
