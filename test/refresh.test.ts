import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShipmentTrackingView } from '../src/shipments/shipments.schemas.js';
import { bearer, createMerchant, createTestApp, type TestApp, type TestMerchant } from './helpers/context.js';
import { FakeCarrier } from './helpers/fake-carrier.js';
import { sandboxAnswer, seedShipments } from './helpers/polling.js';

// POST /v1/shipments/{id}/refresh: the carrier is asked now and the answer is the shipment as it then is.

let t: TestApp;
let fake: FakeCarrier;
let m: TestMerchant;

beforeAll(async () => {
  fake = await new FakeCarrier().start();
  t = await createTestApp({ CARRIER_API_URLS: `sandbox=${fake.url}`, REFRESH_MIN_INTERVAL: '2s' });
  m = await createMerchant(t.deps);
  await t.deps.services.carrierConnections.create({
    merchantId: m.id,
    carrier: 'sandbox',
    credentials: { apiKey: 'k' },
  });
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
});

const refresh = (id: string, key = m.keys.agent) =>
  t.app.inject({ method: 'POST', url: `/v1/shipments/${id}/refresh`, headers: bearer(key) });

describe('forcing a refresh', () => {
  it('polls now, normalizes the answer and returns the fresh shipment; once per interval', async () => {
    const [s] = await seedShipments(t, m, 1);
    const at = new Date(Date.now() - 600_000).toISOString();
    fake.answer = (a) =>
      sandboxAnswer(
        a,
        () => [{ code: 'OD', at }],
        () => ({ estimatedDelivery: at.slice(0, 10) }),
      );
    const res = await refresh(s?.id as string);
    expect(res.statusCode, res.body).toBe(200);
    const view = ShipmentTrackingView.parse(res.json());
    expect(view.status).toBe('out_for_delivery');
    expect(view.events.map((e) => e.rawCode)).toEqual(['OD']);
    expect(view.freshness.lastSource).toBe('poll');
    expect(Date.now() - Date.parse(view.freshness.lastCheckedAt as string)).toBeLessThan(10_000);
    // Out for delivery on the day it is expected: checked again within the hour.
    const next = Date.parse(view.freshness.nextCheckAt as string) - Date.now();
    expect(next).toBeGreaterThan(0);
    expect(next).toBeLessThanOrEqual(33 * 60_000);
    expect(fake.tracking.at(-1)?.headers.authorization).toBe('Bearer k');

    const again = await refresh(s?.id as string);
    expect(again.statusCode).toBe(429);
    // The storefront-embeddable key may read the shipment, not spend the carrier quota.
    expect((await refresh(s?.id as string, m.keys.read)).statusCode).toBe(403);
    expect(Number(again.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('says what went wrong when the carrier fails, and shows it on the shipment', async () => {
    const [s] = await seedShipments(t, m, 1);
    fake.answer = () => ({ status: 502, body: 'bad gateway' });
    const res = await refresh(s?.id as string);
    expect(res.statusCode).toBe(502);
    expect(res.json()).toMatchObject({ code: 'carrier_failed' });
    expect(res.json().detail).toMatch(/HTTP 502/);
    const doc = ShipmentTrackingView.parse(
      (await t.app.inject({ url: `/v1/shipments/${s?.id}`, headers: bearer(m.keys.read) })).json(),
    );
    expect(doc.freshness.lastError).toMatch(/carrier unavailable: HTTP 502/);
    expect(Date.parse(doc.freshness.nextCheckAt as string)).toBeGreaterThan(Date.now());
  });

  it('answers 503 with Retry-After when the carrier rate-limits', async () => {
    const [s] = await seedShipments(t, m, 1);
    fake.answer = () => ({ status: 429, headers: { 'retry-after': '7' }, body: '{}' });
    const res = await refresh(s?.id as string);
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('7');
    expect(res.json()).toMatchObject({ code: 'carrier_unavailable' });
  });

  it('answers 409 when nothing can poll the shipment', async () => {
    const other = await createMerchant(t.deps);
    const [s] = await seedShipments(t, other, 1, 'fedex', () => '700000001234');
    const res = await refresh(s?.id as string, other.keys.agent);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/add a carrier connection with API credentials for fedex/);
  });
});

describe('a connection for polling', () => {
  it('needs every credential its carrier’s API takes, each missing one named', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/carrier-connections',
      headers: bearer(m.keys.admin),
      payload: { carrier: 'fedex', credentials: { clientId: 'id-only' } },
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({
      code: 'missing_credentials',
      errors: [{ in: 'body', field: 'credentials.clientSecret', reason: 'required' }],
    });
    const none = await t.deps.services.carrierConnections.list(m.id);
    expect(none.filter((c) => c.carrier === 'fedex')).toEqual([]);
  });
});
