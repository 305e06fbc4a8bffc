import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createMerchant,
  createTestApp,
  orderNumber,
  type TestApp,
  type TestMerchant,
  trackingNumber,
} from './helpers/context.js';

let t: TestApp;
let m: TestMerchant;

beforeAll(async () => {
  t = await createTestApp();
  m = await createMerchant(t.deps);
});
afterAll(() => t.close());

function post(url: string, payload: unknown, key = m.keys.write, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url,
    payload: payload as object,
    headers: { ...bearer(key), ...headers },
  });
}
function get(url: string, key = m.keys.write) {
  return t.app.inject({ method: 'GET', url, headers: bearer(key) });
}

const fullOrder = (number: string, tn = trackingNumber()) => ({
  orderNumber: number,
  placedAt: '2026-11-20T09:30:00+01:00',
  promisedDate: '2026-11-26',
  customer: {
    name: 'Ola Nowak',
    email: 'ola@example.pl',
    phone: '+48601234567',
    locale: 'pl',
    timeZone: 'Europe/Warsaw',
  },
  shippingAddress: { line1: 'ul. Długa 5', city: 'Kraków', postalCode: '31-147', countryCode: 'pl' },
  items: [
    { sku: 'TENT-2P', name: 'Tent 2P', quantity: 1 },
    { sku: 'STOVE', name: 'Stove', quantity: 2 },
  ],
  metadata: { channel: 'web' },
  shipments: [{ carrier: 'ups', trackingNumber: tn }],
});

describe('POST /v1/orders', () => {
  it('creates an order with its shipment, then returns the same order for the same request', async () => {
    const number = orderNumber();
    const body = fullOrder(number);
    const first = await post('/v1/orders', body);
    expect(first.statusCode).toBe(201);
    const order = first.json();
    expect(order).toMatchObject({
      orderNumber: number,
      status: 'shipped',
      view: 'full',
      placedAt: '2026-11-20T08:30:00.000Z',
      promisedDate: '2026-11-26',
      customer: {
        name: 'Ola Nowak',
        email: 'ola@example.pl',
        phone: '+48601234567',
        locale: 'pl',
        timeZone: 'Europe/Warsaw',
      },
      shippingAddress: { city: 'Kraków', postalCode: '31-147', countryCode: 'PL', line2: null },
      items: [
        { sku: 'TENT-2P', quantity: 1 },
        { sku: 'STOVE', quantity: 2 },
      ],
    });
    expect(order.shipments).toHaveLength(1);
    expect(order.shipments[0]).toMatchObject({
      carrier: 'ups',
      trackingNumber: body.shipments[0]?.trackingNumber,
      status: 'pending',
      delayed: false,
      edd: { carrier: null, promised: '2026-11-26', predicted: null, first: null, latest: null },
      freshness: { lastCheckedAt: null, nextCheckAt: null, lastSource: null, lastError: null },
      events: [],
    });

    const again = await post('/v1/orders', body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(order);
  });

  it('updates only the fields sent, and null clears a field', async () => {
    const number = orderNumber();
    const created = (await post('/v1/orders', fullOrder(number))).json();
    const updated = await post('/v1/orders', {
      orderNumber: number,
      customer: { phone: null },
      promisedDate: '2026-11-28',
    });
    expect(updated.statusCode).toBe(200);
    const o = updated.json();
    expect(o.id).toBe(created.id);
    expect(o.customer).toMatchObject({ name: 'Ola Nowak', email: 'ola@example.pl', phone: null });
    expect(o.promisedDate).toBe('2026-11-28');
    expect(o.shipments[0].edd.promised).toBe('2026-11-28');
    expect(o.items).toHaveLength(2);
    expect(new Date(o.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(created.updatedAt).getTime());
  });

  it('does not touch updated_at when nothing changed', async () => {
    const number = orderNumber();
    const body = { orderNumber: number, customer: { email: 'same@example.com' } };
    const first = (await post('/v1/orders', body)).json();
    await new Promise((r) => setTimeout(r, 20));
    const second = (await post('/v1/orders', body)).json();
    expect(second.updatedAt).toBe(first.updatedAt);
  });

  it('creates one order when the same new order arrives twice at once', async () => {
    const number = orderNumber();
    const body = fullOrder(number);
    const [a, b] = await Promise.all([post('/v1/orders', body), post('/v1/orders', body)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().id).toBe(b.json().id);
    expect(a.json().shipments).toHaveLength(1);
  });

  it('names every invalid field in a 400 problem', async () => {
    const res = await post('/v1/orders', {
      orderNumber: '',
      customer: { email: 'not-an-email', phone: '601 234 567', timeZone: 'Mars/Olympus' },
      items: [{ name: 'Tent', quantity: 0 }],
      promisedDate: '26.11.2026',
      colour: 'red',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const p = res.json();
    expect(p).toMatchObject({
      status: 400,
      code: 'validation_failed',
      instance: '/v1/orders',
      requestId: expect.any(String),
    });
    const fields = p.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'orderNumber',
        'customer.email',
        'customer.phone',
        'customer.timeZone',
        'items.0.quantity',
        'promisedDate',
        'colour',
      ]),
    );
    for (const e of p.errors) {
      expect(e.in).toBe('body');
      expect(e.reason.length).toBeGreaterThan(3);
    }
  });

  it('answers malformed JSON, wrong media types and huge bodies with problems', async () => {
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/v1/orders',
      payload: '{"orderNumber": ',
      headers: { ...bearer(m.keys.write), 'content-type': 'application/json' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('malformed_json');

    const text = await t.app.inject({
      method: 'POST',
      url: '/v1/orders',
      payload: 'orderNumber=1',
      headers: { ...bearer(m.keys.write), 'content-type': 'text/plain' },
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().code).toBe('unsupported_media_type');

    const huge = await post('/v1/orders', {
      orderNumber: orderNumber(),
      metadata: { note: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('payload_too_large');
  });

  it('needs a key, and a key with the right scope', async () => {
    const none = await t.app.inject({ method: 'POST', url: '/v1/orders', payload: { orderNumber: 'x' } });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    expect(none.json().code).toBe('unauthorized');

    const forged = await post('/v1/orders', { orderNumber: 'x' }, `${m.keys.write.slice(0, -4)}AAAA`);
    expect(forged.statusCode).toBe(401);

    const readOnly = await post('/v1/orders', { orderNumber: 'x' }, m.keys.read);
    expect(readOnly.statusCode).toBe(403);
    expect(readOnly.json().detail).toMatch(/orders:write/);

    const agent = await post('/v1/orders', { orderNumber: 'x' }, m.keys.agent);
    expect(agent.statusCode).toBe(403);

    const admin = await post('/v1/orders', { orderNumber: orderNumber() }, m.keys.admin);
    expect(admin.statusCode).toBe(201);
  });

  it('checks the key before the body: an unauthenticated bad body is a 401, not a 400', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/orders', payload: { nonsense: true } });
    expect(res.statusCode).toBe(401);
  });
});

describe('milestones', () => {
  it('moves the order through confirmed and packed, idempotently', async () => {
    const order = (await post('/v1/orders', { orderNumber: orderNumber() })).json();
    expect(order.status).toBe('ordered');
    const confirmed = await post(`/v1/orders/${order.id}/milestones`, {
      milestone: 'confirmed',
      occurredAt: '2026-11-20T10:00:00Z',
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({
      status: 'confirmed',
      milestones: { confirmedAt: '2026-11-20T10:00:00.000Z' },
    });

    const repeated = await post(`/v1/orders/${order.id}/milestones`, {
      milestone: 'confirmed',
      occurredAt: '2026-11-21T10:00:00Z',
    });
    expect(repeated.json().milestones.confirmedAt).toBe('2026-11-20T10:00:00.000Z');

    const packed = await post(`/v1/orders/${order.id}/milestones`, { milestone: 'packed' });
    expect(packed.json().status).toBe('packed');
  });

  it('makes cancelled final: later milestones and shipments are refused', async () => {
    const order = (await post('/v1/orders', { orderNumber: orderNumber() })).json();
    const cancelled = await post(`/v1/orders/${order.id}/milestones`, { milestone: 'cancelled' });
    expect(cancelled.json().status).toBe('cancelled');
    const packed = await post(`/v1/orders/${order.id}/milestones`, { milestone: 'packed' });
    expect(packed.statusCode).toBe(409);
    expect(packed.json().code).toBe('conflict');
    const shipment = await post(`/v1/orders/${order.id}/shipments`, {
      carrier: 'dhl_express',
      trackingNumber: trackingNumber(),
    });
    expect(shipment.statusCode).toBe(409);
  });

  it('accepts a cancelled order sent again with the shipments it already had', async () => {
    const body = fullOrder(orderNumber());
    const order = (await post('/v1/orders', body)).json();
    await post(`/v1/orders/${order.id}/milestones`, { milestone: 'cancelled' });
    const again = await post('/v1/orders', body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: order.id, status: 'cancelled' });
    expect(again.json().shipments).toHaveLength(1);
    const more = await post('/v1/orders', {
      ...body,
      shipments: [...body.shipments, { carrier: 'ups', trackingNumber: trackingNumber() }],
    });
    expect(more.statusCode).toBe(409);
  });

  it('rejects unknown milestones', async () => {
    const order = (await post('/v1/orders', { orderNumber: orderNumber() })).json();
    const res = await post(`/v1/orders/${order.id}/milestones`, { milestone: 'delivered' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ in: 'body', field: 'milestone' });
  });
});

describe('shipments', () => {
  it('attaches shipments idempotently, normalizing the tracking number', async () => {
    const order = (
      await post('/v1/orders', { orderNumber: orderNumber(), items: [{ sku: 'A', name: 'A', quantity: 2 }] })
    ).json();
    const tn = trackingNumber();
    const spaced = `${tn.slice(0, 4).toLowerCase()} ${tn.slice(4, 8)}-${tn.slice(8)}`;
    const first = await post(`/v1/orders/${order.id}/shipments`, {
      carrier: 'fedex',
      trackingNumber: spaced,
      items: [{ sku: 'A', quantity: 1 }],
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      trackingNumber: tn,
      carrier: 'fedex',
      orderId: order.id,
      order: { id: order.id, status: 'partially_shipped' },
    });
    const again = await post(`/v1/orders/${order.id}/shipments`, { carrier: 'fedex', trackingNumber: tn });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);

    const second = await post(`/v1/orders/${order.id}/shipments`, {
      carrier: 'fedex',
      trackingNumber: trackingNumber(),
      items: [{ sku: 'A', quantity: 1 }],
    });
    expect(second.json().order.status).toBe('shipped');
    expect((await get(`/v1/orders/${order.id}`)).json().shipments).toHaveLength(2);
  });

  it('refuses a tracking number already on another order', async () => {
    const tn = trackingNumber();
    await post('/v1/orders', {
      orderNumber: orderNumber(),
      shipments: [{ carrier: 'ups', trackingNumber: tn }],
    });
    const other = (await post('/v1/orders', { orderNumber: orderNumber() })).json();
    const res = await post(`/v1/orders/${other.id}/shipments`, { carrier: 'ups', trackingNumber: tn });
    expect(res.statusCode).toBe(409);
    // The first order keeps its shipment; nothing already accepted is lost.
    expect((await get(`/v1/tracking/${tn}`)).json().data[0].order.id).not.toBe(other.id);
  });

  it('validates carrier codes and tracking numbers', async () => {
    const order = (await post('/v1/orders', { orderNumber: orderNumber() })).json();
    const res = await post(`/v1/orders/${order.id}/shipments`, { carrier: 'UPS!', trackingNumber: '12' });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['carrier', 'trackingNumber']);
  });

  it('is a 404 for an unknown order', async () => {
    const res = await post('/v1/orders/00000000-0000-4000-8000-000000000000/shipments', {
      carrier: 'ups',
      trackingNumber: trackingNumber(),
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
  });
});

describe('reading tracking', () => {
  let order: { id: string; orderNumber: string; shipments: { id: string; trackingNumber: string }[] };
  beforeAll(async () => {
    order = (await post('/v1/orders', fullOrder(orderNumber('READ')))).json();
  });

  it('reads an order by id and by order number', async () => {
    const byId = await get(`/v1/orders/${order.id}`);
    expect(byId.statusCode).toBe(200);
    const byNumber = await get(`/v1/orders/by-number/${encodeURIComponent(order.orderNumber)}`);
    expect(byNumber.statusCode).toBe(200);
    expect(byNumber.json()).toEqual(byId.json());
  });

  it('reads a shipment by id and by tracking number alone, in any spelling', async () => {
    const shipment = order.shipments[0];
    if (!shipment) throw new Error('fixture order has a shipment');
    const byId = (await get(`/v1/shipments/${shipment.id}`)).json();
    expect(byId).toMatchObject({
      id: shipment.id,
      order: { id: order.id, orderNumber: order.orderNumber, status: 'shipped' },
    });
    const lookup = await get(`/v1/tracking/${shipment.trackingNumber.toLowerCase()}`, m.keys.read);
    expect(lookup.statusCode).toBe(200);
    expect(lookup.json()).toEqual({ trackingNumber: shipment.trackingNumber, data: [byId] });
    expect((await get(`/v1/tracking/${shipment.trackingNumber}?carrier=fedex`)).statusCode).toBe(404);
    expect((await get(`/v1/tracking/${shipment.trackingNumber}?carrier=ups`)).json().data).toHaveLength(1);
  });

  it('gives a tracking:read key statuses and checkpoints but no shopper PII', async () => {
    const res = await get(`/v1/orders/${order.id}`, m.keys.read);
    expect(res.statusCode).toBe(200);
    const o = res.json();
    expect(o).toMatchObject({
      view: 'tracking',
      status: 'shipped',
      customer: null,
      shippingAddress: null,
      items: null,
      metadata: null,
    });
    expect(o.shipments[0].trackingNumber).toBe(order.shipments[0]?.trackingNumber);
    expect(res.body).not.toMatch(/Ola|ola@example|601234567|Długa|Kraków|TENT/);
    const lookup = await get(`/v1/tracking/${order.shipments[0]?.trackingNumber}`, m.keys.read);
    expect(lookup.body).not.toMatch(/Ola|ola@example|601234567|Długa|Kraków|TENT/);
  });

  it('gives agent keys the whole order', async () => {
    const o = (await get(`/v1/orders/${order.id}`, m.keys.agent)).json();
    expect(o.view).toBe('full');
    expect(o.customer.email).toBe('ola@example.pl');
  });

  it('is a 404 problem for unknown ids, numbers and tracking numbers, and a 400 for malformed ids', async () => {
    expect((await get('/v1/orders/4823885e-fb10-401a-98a7-086346767506')).statusCode).toBe(404);
    expect((await get('/v1/orders/by-number/NOPE-1')).statusCode).toBe(404);
    expect((await get('/v1/shipments/4823885e-fb10-401a-98a7-086346767506')).statusCode).toBe(404);
    expect((await get('/v1/tracking/NOSUCHNUMBER1')).statusCode).toBe(404);
    const bad = await get('/v1/orders/not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ in: 'params', field: 'orderId' });
  });
});

describe('GET /v1/orders', () => {
  let lm: TestMerchant;
  beforeAll(async () => {
    lm = await createMerchant(t.deps, 'List Store');
    for (let i = 0; i < 7; i++) {
      const shipments =
        i % 2 === 0
          ? [{ carrier: i % 4 === 0 ? 'ups' : 'dhl_express', trackingNumber: trackingNumber() }]
          : [];
      await post('/v1/orders', { orderNumber: `L-${i}`, shipments }, lm.keys.write);
    }
    const cancelled = (await get('/v1/orders/by-number/L-1', lm.keys.write)).json();
    await post(`/v1/orders/${cancelled.id}/milestones`, { milestone: 'cancelled' }, lm.keys.write);
  });

  it('pages through every order exactly once, most recently changed first', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(`/v1/orders?limit=3${cursor ? `&cursor=${cursor}` : ''}`, lm.keys.write);
      expect(res.statusCode).toBe(200);
      const page = res.json();
      seen.push(...page.data.map((o: { orderNumber: string }) => o.orderNumber));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen[0]).toBe('L-1'); // cancelled last, so changed last
  });

  it('filters by status, carrier and update time', async () => {
    const cancelled = (await get('/v1/orders?status=cancelled', lm.keys.write)).json();
    expect(cancelled.data.map((o: { orderNumber: string }) => o.orderNumber)).toEqual(['L-1']);
    const two = (await get('/v1/orders?status=ordered,cancelled', lm.keys.write)).json();
    expect(two.data.map((o: { orderNumber: string }) => o.orderNumber).sort()).toEqual(['L-1', 'L-3', 'L-5']);
    const ups = (await get('/v1/orders?carrier=ups', lm.keys.write)).json();
    expect(ups.data.map((o: { orderNumber: string }) => o.orderNumber).sort()).toEqual(['L-0', 'L-4']);
    expect(ups.data[0].shipments[0]).not.toHaveProperty('events');
    const future = (await get('/v1/orders?updated_since=2999-01-01T00:00:00Z', lm.keys.write)).json();
    expect(future.data).toEqual([]);
  });

  it('rejects bad filters by name', async () => {
    const res = await get(
      '/v1/orders?status=lost&limit=1000&cursor=garbage&updated_since=yesterday',
      lm.keys.write,
    );
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['status.0', 'limit', 'updated_since']));
    const cursor = await get('/v1/orders?cursor=garbage', lm.keys.write);
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().errors[0]).toMatchObject({ in: 'query', field: 'cursor' });
  });

  it('is for the merchant backend and agents, not for embeddable keys', async () => {
    expect((await get('/v1/orders', lm.keys.read)).statusCode).toBe(403);
    const agent = (await get('/v1/orders?limit=1', lm.keys.agent)).json();
    expect(agent.data[0].view).toBe('full');
  });
});
