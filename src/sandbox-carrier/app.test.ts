import { afterEach, describe, expect, it } from 'vitest';
import type { MapResult } from '../carriers/model.js';
import { mapSandbox } from '../carriers/sandbox/map.js';
import { buildSandboxCarrier, type SandboxAppOptions } from './app.js';
import { DEFAULT_OPTIONS } from './config.js';
import { decodeNumber, labelNumber } from './numbers.js';

const KEY = 'test-key';
const auth = { authorization: `Bearer ${KEY}` };
const SECRET = `whsec_${Buffer.alloc(24, 7).toString('base64')}`;

const apps: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

function build(overrides: Partial<SandboxAppOptions> = {}) {
  const app = buildSandboxCarrier({
    apiKeys: [KEY, 'other-key'],
    speed: DEFAULT_OPTIONS.speed,
    shares: DEFAULT_OPTIONS.shares,
    faults: { unavailableShare: 0, slowShare: 0, slowMs: 0 },
    rateLimitPerSecond: 0,
    ...overrides,
  });
  apps.push(app);
  return app;
}

/** What wismo's poller does with an answer: the raw body and status through the mapper. */
function mapped(res: { body: string; statusCode: number }, requested: string[]): MapResult {
  return mapSandbox({ body: res.body, httpStatus: res.statusCode, requested });
}

function expectCleanShipments(result: MapResult, count: number) {
  expect(result.problems).toEqual([]);
  expect(result.shipments).toHaveLength(count);
  for (const s of result.shipments) {
    expect(s.skipped).toEqual([]);
    expect(s.events.length).toBeGreaterThan(0);
    for (const e of s.events) {
      expect(e.mapped).toBe(true);
      expect(e.offsetSource).toBe('carrier');
      expect(e.location?.city).toBeTruthy();
    }
  }
}

// Labels from last year: their journeys are over at any speed, so every event is visible.
const OLD = Array.from({ length: 300 }, (_, i) =>
  labelNumber(new Date(Date.UTC(2025, 5, 1) + i * 3_611_000), i % 100),
);

describe('sandbox carrier API', () => {
  it('answers /health without a key and refuses /v1 without a configured one', async () => {
    const app = build();
    expect((await app.inject({ url: '/health' })).statusCode).toBe(200);
    for (const headers of [{}, { authorization: 'Bearer nope' }, { authorization: KEY }]) {
      const res = await app.inject({ url: `/v1/tracking/${OLD[0]}`, headers });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'unauthorized' } });
      expect(mapped(res, [OLD[0] as string]).problems[0]?.kind).toBe('carrier_error');
    }
    const unknownRoute = await app.inject({ url: '/v2/anything', headers: auth });
    expect(unknownRoute.statusCode).toBe(404);
    expect(unknownRoute.json().error.code).toBe('no_such_route');
  });

  it('tracks one number: a document the mapper reads without a problem', async () => {
    const app = build();
    const number = OLD[1] as string;
    const res = await app.inject({ url: `/v1/tracking/${number.toLowerCase()}`, headers: auth });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc).toMatchObject({ trackingNumber: number, pieces: expect.any(Number) });
    expect(doc.events[0].code).toBe('LC');
    const result = mapped(res, [number]);
    expectCleanShipments(result, 1);
    const shipment = result.shipments[0];
    expect(shipment?.trackingNumber).toBe(number);
    expect(shipment?.origin?.countryCode).toBe(doc.origin.countryCode);
    expect(['delivered', 'returned', 'exception']).toContain(shipment?.events.at(-1)?.status);
  });

  it('answers not_found for unknown numbers, invalid ones and labels from the future', async () => {
    const app = build();
    const future = labelNumber(new Date(Date.now() + 3_600_000), 0);
    const wrongDigit = `${(OLD[2] as string).slice(0, -1)}${(Number(OLD[2]?.at(-1)) + 1) % 10}`;
    for (const number of [future, wrongDigit, 'SBX1', '1Z999AA10123456784']) {
      const res = await app.inject({ url: `/v1/tracking/${number}`, headers: auth });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'not_found' }, trackingNumber: number });
      const result = mapped(res, [number]);
      expect(result.shipments).toEqual([]);
      expect(result.problems).toEqual([
        expect.objectContaining({ kind: 'not_found', trackingNumber: number }),
      ]);
    }
  });

  it('tracks a batch: documents and per-number errors, in the order asked', async () => {
    const app = build();
    const unknown = labelNumber(new Date(Date.now() + 86_400_000), 5);
    const asked = [...OLD.slice(0, 99), unknown];
    const res = await app.inject({
      method: 'POST',
      url: '/v1/tracking',
      headers: auth,
      payload: { trackingNumbers: asked },
    });
    expect(res.statusCode).toBe(200);
    const results = res.json().results as { trackingNumber: string }[];
    expect(results.map((r) => r.trackingNumber)).toEqual(asked);
    const result = mapped(res, asked);
    expect(result.shipments).toHaveLength(99);
    expect(result.problems).toEqual([
      expect.objectContaining({ kind: 'not_found', trackingNumber: unknown }),
    ]);
    expectCleanShipments({ shipments: result.shipments, problems: [] }, 99);
  });

  it('maps every kind of journey cleanly, estimates included', async () => {
    const app = build();
    for (let i = 0; i < OLD.length; i += 100) {
      const asked = OLD.slice(i, i + 100);
      const res = await app.inject({
        method: 'POST',
        url: '/v1/tracking',
        headers: auth,
        payload: { trackingNumbers: asked },
      });
      expectCleanShipments(mapped(res, asked), asked.length);
    }
    // Estimates are only shown while a parcel is on its way: look at one mid-journey.
    const clock = { now: new Date() };
    const live = build({ now: () => clock.now });
    const created = await live.inject({
      method: 'POST',
      url: '/v1/parcels',
      headers: auth,
      payload: { count: 50 },
    });
    const numbers = (created.json().parcels as { trackingNumber: string }[]).map((p) => p.trackingNumber);
    clock.now = new Date(clock.now.getTime() + 4 * 60_000);
    const res = await live.inject({
      method: 'POST',
      url: '/v1/tracking',
      headers: auth,
      payload: { trackingNumbers: numbers },
    });
    const result = mapped(res, numbers);
    expectCleanShipments(result, 50);
    const withEdd = result.shipments.filter((s) => s.edd?.date);
    expect(withEdd.length).toBeGreaterThan(10);
    for (const s of withEdd) expect(s.edd?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses a bad batch with 400', async () => {
    const app = build();
    const bad = [
      {},
      { trackingNumbers: [] },
      { trackingNumbers: 'SBX' },
      { trackingNumbers: [42] },
      { trackingNumbers: Array.from({ length: 101 }, () => OLD[0]) },
    ];
    for (const payload of bad) {
      const res = await app.inject({ method: 'POST', url: '/v1/tracking', headers: auth, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('bad_request');
    }
    const notJson = await app.inject({
      method: 'POST',
      url: '/v1/tracking',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: '{"trackingNumbers":',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.code).toBe('bad_request');
  });

  it('limits each API key to its requests per second: 429 with Retry-After', async () => {
    const clock = { now: new Date('2026-05-01T12:00:00Z') };
    const app = build({ rateLimitPerSecond: 3, now: () => clock.now });
    const ask = (key = KEY) =>
      app.inject({ url: `/v1/tracking/${OLD[0]}`, headers: { authorization: `Bearer ${key}` } });
    for (let i = 0; i < 3; i++) expect((await ask()).statusCode).toBe(200);
    const limited = await ask();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('1');
    expect(limited.json().error.code).toBe('rate_limited');
    expect(mapped(limited, [OLD[0] as string]).problems[0]?.kind).toBe('retryable');
    // Another key has its own allowance; a second later the first has its allowance back.
    expect((await ask('other-key')).statusCode).toBe(200);
    clock.now = new Date(clock.now.getTime() + 1000);
    expect((await ask()).statusCode).toBe(200);
  });

  it('injects faults on tracking: 503 unavailable, or a slow answer', async () => {
    const down = build({ faults: { unavailableShare: 1, slowShare: 0, slowMs: 0 } });
    const res = await down.inject({ url: `/v1/tracking/${OLD[0]}`, headers: auth });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('unavailable');
    expect(mapped(res, [OLD[0] as string]).problems[0]?.kind).toBe('retryable');
    const batch = await down.inject({
      method: 'POST',
      url: '/v1/tracking',
      headers: auth,
      payload: { trackingNumbers: [OLD[0]] },
    });
    expect(batch.statusCode).toBe(503);
    // Setting up parcels is not what the faults are for.
    expect((await down.inject({ method: 'POST', url: '/v1/parcels', headers: auth })).statusCode).toBe(201);

    const draws = [0.9, 0.1]; // not unavailable, then slow
    const slow = build({
      faults: { unavailableShare: 0.5, slowShare: 0.5, slowMs: 300 },
      random: () => draws.shift() ?? 1,
    });
    const started = Date.now();
    const answer = await slow.inject({ url: `/v1/tracking/${OLD[0]}`, headers: auth });
    expect(answer.statusCode).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('creates labels now, up to 100 a second, spread back over earlier seconds', async () => {
    const clock = { now: new Date('2026-05-01T12:00:00.400Z') };
    const app = build({ now: () => clock.now });
    const res = await app.inject({
      method: 'POST',
      url: '/v1/parcels',
      headers: auth,
      payload: { count: 250 },
    });
    expect(res.statusCode).toBe(201);
    const parcels = res.json().parcels as { trackingNumber: string; labelCreatedAt: string }[];
    expect(new Set(parcels.map((p) => p.trackingNumber)).size).toBe(250);
    expect([...new Set(parcels.map((p) => p.labelCreatedAt))]).toEqual([
      '2026-05-01T12:00:00.000Z',
      '2026-05-01T11:59:59.000Z',
      '2026-05-01T11:59:58.000Z',
    ]);
    for (const p of parcels) {
      expect(decodeNumber(p.trackingNumber)?.labelTime.toISOString()).toBe(p.labelCreatedAt);
    }
    // The same second again: the serials already given are not given twice.
    const again = await app.inject({
      method: 'POST',
      url: '/v1/parcels',
      headers: auth,
      payload: { count: 5 },
    });
    const more = (again.json().parcels as { trackingNumber: string }[]).map((p) => p.trackingNumber);
    expect(more.filter((n) => parcels.some((p) => p.trackingNumber === n))).toEqual([]);
    for (const payload of [{ count: 0 }, { count: 1001 }, { count: 1.5 }, { notify: 'yes' }]) {
      const bad = await app.inject({ method: 'POST', url: '/v1/parcels', headers: auth, payload });
      expect(bad.statusCode).toBe(400);
    }
  });

  it('shows a new parcel moving: more events a little later, never an event in the future', async () => {
    const clock = { now: new Date() };
    const app = build({ speed: 720, now: () => clock.now });
    const created = await app.inject({ method: 'POST', url: '/v1/parcels', headers: auth, payload: {} });
    const number = created.json().parcels[0].trackingNumber as string;
    const counts: number[] = [];
    // A real minute is 12 sandbox hours: look every 30 real seconds for 15 real minutes.
    for (let i = 0; i <= 30; i++) {
      const res = await app.inject({ url: `/v1/tracking/${number}`, headers: auth });
      const doc = res.json() as { events: { occurredAt: string }[] };
      for (const e of doc.events) expect(Date.parse(e.occurredAt)).toBeLessThanOrEqual(clock.now.getTime());
      counts.push(doc.events.length);
      expectCleanShipments(mapped(res, [number]), 1);
      clock.now = new Date(clock.now.getTime() + 30_000);
    }
    expect(counts[0]).toBe(1);
    // The shortest story (picked up, then lost) has three events; most have ten or more.
    expect(counts.at(-1)).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeGreaterThanOrEqual(counts[i - 1] as number);
  });

  it('keeps webhook subscriptions per API key and never shows their secrets', async () => {
    const app = build();
    const bad = await app.inject({
      method: 'POST',
      url: '/v1/webhooks',
      headers: auth,
      payload: { url: 'http://127.0.0.1:9/hook', secret: 'not-a-secret' },
    });
    expect(bad.statusCode).toBe(400);
    const created = await app.inject({
      method: 'POST',
      url: '/v1/webhooks',
      headers: auth,
      payload: { url: 'http://127.0.0.1:9/hook', secret: SECRET },
    });
    expect(created.statusCode).toBe(201);
    const listed = await app.inject({ url: '/v1/webhooks', headers: auth });
    expect(listed.json().webhooks).toEqual([
      { id: created.json().id, url: 'http://127.0.0.1:9/hook', createdAt: expect.any(String) },
    ]);
    expect(listed.body).not.toContain(SECRET.slice(6));
    const other = await app.inject({ url: '/v1/webhooks', headers: { authorization: 'Bearer other-key' } });
    expect(other.json().webhooks).toEqual([]);
    const removed = await app.inject({
      method: 'DELETE',
      url: `/v1/webhooks/${created.json().id}`,
      headers: auth,
    });
    expect(removed.statusCode).toBe(204);
  });
});
