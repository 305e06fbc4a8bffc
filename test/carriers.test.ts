import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxTrackingNumber } from '../src/carriers/sandbox/format.js';
import {
  bearer,
  createMerchant,
  createTestApp,
  orderNumber,
  type TestApp,
  type TestMerchant,
} from './helpers/context.js';

// Carrier detection from the tracking number: the API, and its use when a shipment arrives without carrier.

let t: TestApp;
let m: TestMerchant;

beforeAll(async () => {
  t = await createTestApp();
  m = await createMerchant(t.deps);
});
afterAll(() => t.close());

const detect = (trackingNumber: unknown) =>
  t.app.inject({
    method: 'POST',
    url: '/v1/carriers/detect',
    headers: bearer(m.keys.read),
    payload: { trackingNumber },
  });

describe('POST /v1/carriers/detect', () => {
  it('names the carrier when the check digit verifies, and not when it does not', async () => {
    const ups = await detect('1Z 5R8 939 0357 567127');
    expect(ups.statusCode).toBe(200);
    expect(ups.json()).toEqual({
      trackingNumber: '1Z5R89390357567127',
      candidates: [{ carrier: 'ups', confidence: 0.95, reason: 'UPS (check digit ok)' }],
    });
    expect((await detect('1Z5R89390357567128')).json().candidates).toEqual([]);
  });

  it('reads the postal operator of a UPU S10 number from its country', async () => {
    expect((await detect('RB123456785GB')).json().candidates[0]).toMatchObject({
      carrier: 'royalmail',
      confidence: 0.9,
    });
  });

  it('knows the sandbox carrier’s own numbers', async () => {
    const n = sandboxTrackingNumber(42);
    expect((await detect(n)).json().candidates).toEqual([
      { carrier: 'sandbox', confidence: 0.99, reason: 'SBX number, check digit ok' },
    ]);
  });

  it('answers an empty list for a number of no known shape, and 400 for a bad one', async () => {
    expect((await detect('ABCD1234')).json().candidates).toEqual([]);
    const bad = await detect('no!');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors).toEqual([expect.objectContaining({ in: 'body', field: 'trackingNumber' })]);
  });
});

describe('GET /v1/carriers', () => {
  it('lists every carrier with its kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/carriers', headers: bearer(m.keys.read) });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toContainEqual({
      code: 'sandbox',
      name: 'wismo sandbox carrier',
      kind: 'sandbox',
    });
  });
});

describe('shipments without a carrier', () => {
  const upsert = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/v1/orders', headers: bearer(m.keys.write), payload });

  it('get the detected carrier, and the storefront can correct it later', async () => {
    const n = sandboxTrackingNumber(4242);
    const number = orderNumber('D');
    const created = await upsert({ orderNumber: number, shipments: [{ trackingNumber: n }] });
    expect(created.statusCode).toBe(201);
    expect(created.json().shipments).toEqual([
      expect.objectContaining({ carrier: 'sandbox', carrierSource: 'detected' }),
    ]);

    const corrected = await upsert({
      orderNumber: number,
      shipments: [{ trackingNumber: n, carrier: 'ups' }],
    });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json().shipments).toEqual([
      expect.objectContaining({
        id: created.json().shipments[0].id,
        carrier: 'ups',
        carrierSource: 'merchant',
      }),
    ]);
  });

  it('are refused with the field to fix when no carrier can be detected, and nothing is written', async () => {
    const number = orderNumber('D');
    const res = await upsert({ orderNumber: number, shipments: [{ trackingNumber: 'ABCD1234' }] });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'carrier_not_detected',
      errors: [
        { in: 'body', field: 'shipments.0.carrier', reason: expect.stringContaining('cannot be detected') },
      ],
    });
    const read = await t.app.inject({
      method: 'GET',
      url: `/v1/orders/by-number/${number}`,
      headers: bearer(m.keys.read),
    });
    expect(read.statusCode).toBe(404);
  });
});

describe('carrier codes', () => {
  it('a code no adapter has is refused with the field and where to look', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: bearer(m.keys.write),
      payload: {
        orderNumber: orderNumber('C'),
        shipments: [{ carrier: 'upss', trackingNumber: '1Z5R89390357567127' }],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({
        field: 'shipments.0.carrier',
        reason: expect.stringContaining('GET /v1/carriers'),
      }),
    ]);
  });
});
