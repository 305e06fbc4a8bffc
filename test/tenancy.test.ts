import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntakeRepository, keyOf } from '../src/intake/intake.repository.js';
import {
  bearer,
  createMerchant,
  createTestApp,
  orderNumber,
  type TestApp,
  type TestMerchant,
  trackingNumber,
} from './helpers/context.js';

// OWASP API1 (broken object level authorization): every route, called with merchant B's most powerful key
// on merchant A's objects, must answer exactly as for objects that do not exist, and change nothing of A's.

let t: TestApp;
let a: TestMerchant;
let b: TestMerchant;
let orderA: { id: string; orderNumber: string; shipments: { id: string; trackingNumber: string }[] };
let snapshotA: string;
let connectionA: { id: string; secretId: string };
let payloadA: number;
let endpointA: string;
const MISSING = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  a = await createMerchant(t.deps, 'Merchant A');
  b = await createMerchant(t.deps, 'Merchant B');
  const res = await t.app.inject({
    method: 'POST',
    url: '/v1/orders',
    headers: bearer(a.keys.write),
    payload: {
      orderNumber: orderNumber('A'),
      customer: { name: 'Alice A', email: 'alice@a.example' },
      shipments: [{ carrier: 'ups', trackingNumber: trackingNumber() }],
    },
  });
  orderA = res.json();

  // A carrier connection of A's, and an aggregator's webhook about A's shipment, stored and normalized.
  const { view } = await t.deps.services.carrierConnections.create({ merchantId: a.id, carrier: 'sandbox' });
  connectionA = { id: view.id, secretId: view.newSecret?.id ?? '' };
  const easypost = await t.deps.services.carrierConnections.create({
    merchantId: a.id,
    carrier: 'easypost',
    webhookSecret: 'a-secret-of-merchant-a',
  });
  const body = JSON.stringify({
    object: 'Event',
    id: `evt_${Date.now()}`,
    description: 'tracker.updated',
    result: {
      object: 'Tracker',
      tracking_code: trackingA(),
      carrier: 'UPS',
      status: 'in_transit',
      tracking_details: [
        {
          status: 'in_transit',
          message: 'Departed',
          datetime: '2026-11-20T10:00:00Z',
          tracking_location: {},
        },
      ],
    },
  });
  const stored = {
    merchantId: a.id,
    connectionId: easypost.connection.id,
    carrier: 'easypost',
    body: Buffer.from(body),
    contentType: 'application/json',
    headers: {},
    dedupeKey: `test:${Date.now()}`,
    verifiedBy: 'signature' as const,
    normalizeJob: 'tenancy-a',
  };
  payloadA = (await new IntakeRepository(t.deps.db).insertMany([stored])).get(keyOf(stored)) ?? 0;
  await t.deps.services.normalize.normalizePayload(payloadA);
  const endpoint = await t.app.inject({
    method: 'POST',
    url: '/v1/webhook-endpoints',
    headers: bearer(a.keys.admin),
    payload: { url: 'https://93.184.216.34/hooks/a', description: 'A’s endpoint' },
  });
  endpointA = endpoint.json().id;
  await t.app.inject({
    method: 'PATCH',
    url: '/v1/settings/notifications',
    headers: bearer(a.keys.admin),
    payload: { splitOrders: 'combined', sender: { name: 'Store A' } },
  });
  await t.app.inject({
    method: 'PATCH',
    url: '/v1/settings/tracking-page',
    headers: bearer(a.keys.admin),
    payload: { faqLinks: [{ label: 'Returns of A', url: 'https://a.example/returns' }] },
  });
  snapshotA = (await readA()).body;
  snapshotPayloadA = await readPayloadA();
});
let snapshotPayloadA: string;
const readPayloadA = async () =>
  JSON.stringify(
    await t.deps.db.selectFrom('raw_payloads').selectAll().where('id', '=', payloadA).executeTakeFirst(),
  );
afterAll(() => t.close());

const trackingA = () => orderA.shipments[0]?.trackingNumber ?? '';
const readA = () =>
  t.app.inject({ method: 'GET', url: `/v1/orders/${orderA.id}`, headers: bearer(a.keys.write) });

function asB(
  method: 'GET' | 'POST' | 'DELETE' | 'PATCH',
  url: string,
  payload?: object,
): Promise<LightMyRequestResponse> {
  return t.app.inject({ method, url, payload, headers: bearer(b.keys.admin) });
}

/** B's answer on A's object must be the answer on a missing object, with the id swapped. */
async function expectSameAsMissing(
  onA: LightMyRequestResponse,
  onMissing: LightMyRequestResponse,
  aId: string,
  missingId: string,
) {
  expect(onA.statusCode).toBe(404);
  expect(onMissing.statusCode).toBe(404);
  const pa = onA.json();
  const pm = onMissing.json();
  expect({ ...pa, requestId: '', instance: '', detail: pa.detail.replace(aId, 'X') }).toEqual({
    ...pm,
    requestId: '',
    instance: '',
    detail: pm.detail.replace(missingId, 'X'),
  });
}

// One entry per route of the API; the coverage test below fails when a route is added without one.
const CASES: Record<string, () => Promise<void>> = {
  'POST /v1/orders': async () => {
    const res = await asB('POST', '/v1/orders', {
      orderNumber: orderA.orderNumber,
      customer: { name: 'Mallory' },
    });
    expect([200, 201]).toContain(res.statusCode); // an order in B's own namespace
    expect(res.json().id).not.toBe(orderA.id);
    expect(res.body).not.toContain('Alice');
  },
  'GET /v1/orders': async () => {
    const res = await asB('GET', '/v1/orders?limit=100');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(orderA.id);
  },
  'GET /v1/orders/{orderId}': async () => {
    await expectSameAsMissing(
      await asB('GET', `/v1/orders/${orderA.id}`),
      await asB('GET', `/v1/orders/${MISSING}`),
      orderA.id,
      MISSING,
    );
  },
  'GET /v1/orders/by-number/{orderNumber}': async () => {
    const n = encodeURIComponent(orderA.orderNumber);
    const res = await t.app.inject({
      method: 'GET',
      url: `/v1/orders/by-number/${n}`,
      headers: bearer(b.keys.agent),
    });
    if (res.statusCode === 200) {
      // B created an order under the same number above: B sees that one, never A's.
      expect(res.json().id).not.toBe(orderA.id);
      expect(res.body).not.toContain('Alice');
    } else {
      await expectSameAsMissing(
        res,
        await asB('GET', '/v1/orders/by-number/NO-SUCH'),
        orderA.orderNumber,
        'NO-SUCH',
      );
    }
    const fresh = orderNumber('A-only');
    await t.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: bearer(a.keys.write),
      payload: { orderNumber: fresh },
    });
    await expectSameAsMissing(
      await asB('GET', `/v1/orders/by-number/${fresh}`),
      await asB('GET', '/v1/orders/by-number/NO-SUCH'),
      fresh,
      'NO-SUCH',
    );
  },
  'POST /v1/orders/{orderId}/milestones': async () => {
    const body = { milestone: 'cancelled' };
    await expectSameAsMissing(
      await asB('POST', `/v1/orders/${orderA.id}/milestones`, body),
      await asB('POST', `/v1/orders/${MISSING}/milestones`, body),
      orderA.id,
      MISSING,
    );
  },
  'POST /v1/orders/{orderId}/shipments': async () => {
    const body = { carrier: 'dhl_express', trackingNumber: trackingNumber() };
    await expectSameAsMissing(
      await asB('POST', `/v1/orders/${orderA.id}/shipments`, body),
      await asB('POST', `/v1/orders/${MISSING}/shipments`, body),
      orderA.id,
      MISSING,
    );
    // A's tracking number on B's own order is B's business and leaves A's shipment alone.
    const own = (await asB('POST', '/v1/orders', { orderNumber: orderNumber('B') })).json();
    const shared = await asB('POST', `/v1/orders/${own.id}/shipments`, {
      carrier: 'ups',
      trackingNumber: trackingA(),
    });
    expect([200, 201, 409]).toContain(shared.statusCode); // 409 on a re-run: B already holds it on another order
    if (shared.statusCode !== 409) expect(shared.json().id).not.toBe(orderA.shipments[0]?.id);
    expect(shared.json().id).not.toBe(orderA.shipments[0]?.id);
  },
  'GET /v1/shipments/{shipmentId}': async () => {
    const id = orderA.shipments[0]?.id ?? '';
    await expectSameAsMissing(
      await asB('GET', `/v1/shipments/${id}`),
      await asB('GET', `/v1/shipments/${MISSING}`),
      id,
      MISSING,
    );
  },
  'POST /v1/shipments/{shipmentId}/refresh': async () => {
    const id = orderA.shipments[0]?.id ?? '';
    await expectSameAsMissing(
      await asB('POST', `/v1/shipments/${id}/refresh`),
      await asB('POST', `/v1/shipments/${MISSING}/refresh`),
      id,
      MISSING,
    );
    // B's tries spent nothing of A's: no refresh of A's shipment is counted against its interval.
    expect(await t.deps.redis?.exists(`${t.deps.config.queuePrefix}:refresh:${id}`)).toBe(0);
  },
  'GET /v1/tracking/{trackingNumber}': async () => {
    const tn = orderA.shipments[0]?.trackingNumber ?? '';
    const res = await t.app.inject({
      method: 'GET',
      url: `/v1/tracking/${tn}`,
      headers: bearer(b.keys.read),
    });
    // B attached the same number to its own order above, so B sees exactly its own shipment, never A's.
    if (res.statusCode === 200) {
      expect(res.json().data.map((s: { order: { id: string } }) => s.order.id)).not.toContain(orderA.id);
      expect(res.body).not.toContain(orderA.shipments[0]?.id ?? 'x');
    } else {
      await expectSameAsMissing(res, await asB('GET', '/v1/tracking/NOSUCH1234'), tn, 'NOSUCH1234');
    }
  },
  // Carrier routes hold no merchant data: B's answers must not depend on A's shipments.
  'GET /v1/carriers': async () => {
    const res = await asB('GET', '/v1/carriers');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(orderA.id);
  },
  'POST /v1/carriers/detect': async () => {
    const res = await asB('POST', '/v1/carriers/detect', { trackingNumber: trackingA() });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json()).sort()).toEqual(['candidates', 'trackingNumber']);
    expect(res.body).not.toContain(orderA.id);
  },
  'POST /v1/carrier-connections': async () => {
    const res = await asB('POST', '/v1/carrier-connections', { carrier: 'sandbox' });
    expect(res.statusCode).toBe(201);
    expect(res.json().id).not.toBe(connectionA.id);
  },
  'GET /v1/carrier-connections': async () => {
    const res = await asB('GET', '/v1/carrier-connections');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(connectionA.id);
  },
  'GET /v1/carrier-connections/{connectionId}': async () => {
    await expectSameAsMissing(
      await asB('GET', `/v1/carrier-connections/${connectionA.id}`),
      await asB('GET', `/v1/carrier-connections/${MISSING}`),
      connectionA.id,
      MISSING,
    );
  },
  'POST /v1/carrier-connections/{connectionId}/webhook-secrets': async () => {
    await expectSameAsMissing(
      await asB('POST', `/v1/carrier-connections/${connectionA.id}/webhook-secrets`, {}),
      await asB('POST', `/v1/carrier-connections/${MISSING}/webhook-secrets`, {}),
      connectionA.id,
      MISSING,
    );
  },
  'DELETE /v1/carrier-connections/{connectionId}/webhook-secrets/{secretId}': async () => {
    const secret = connectionA.secretId;
    await expectSameAsMissing(
      await asB('DELETE', `/v1/carrier-connections/${connectionA.id}/webhook-secrets/${secret}`),
      await asB('DELETE', `/v1/carrier-connections/${MISSING}/webhook-secrets/${secret}`),
      connectionA.id,
      MISSING,
    );
  },
  'GET /v1/shipments/{shipmentId}/raw-payloads': async () => {
    const id = orderA.shipments[0]?.id ?? '';
    const own = await t.app.inject({
      method: 'GET',
      url: `/v1/shipments/${id}/raw-payloads`,
      headers: bearer(a.keys.agent),
    });
    expect(own.json().data.map((p: { id: number }) => p.id)).toEqual([payloadA]); // the control
    await expectSameAsMissing(
      await asB('GET', `/v1/shipments/${id}/raw-payloads`),
      await asB('GET', `/v1/shipments/${MISSING}/raw-payloads`),
      id,
      MISSING,
    );
  },
  'GET /v1/raw-payloads/{payloadId}': async () => {
    await expectSameAsMissing(
      await asB('GET', `/v1/raw-payloads/${payloadA}`),
      await asB('GET', '/v1/raw-payloads/999999999'),
      String(payloadA),
      '999999999',
    );
  },
  'POST /v1/raw-payloads/{payloadId}/replay': async () => {
    await expectSameAsMissing(
      await asB('POST', `/v1/raw-payloads/${payloadA}/replay`),
      await asB('POST', '/v1/raw-payloads/999999999/replay'),
      String(payloadA),
      '999999999',
    );
  },
  'POST /v1/raw-payloads/replay': async () => {
    const now = Date.now();
    const res = await asB('POST', '/v1/raw-payloads/replay', {
      from: new Date(now - 86_400_000).toISOString(),
      to: new Date(now + 60_000).toISOString(),
    });
    expect(res.statusCode).toBe(202);
    expect(res.json().replayed).toBe(0);
  },
  'GET /v1/orders/{orderId}/notifications': async () => {
    await expectSameAsMissing(
      await asB('GET', `/v1/orders/${orderA.id}/notifications`),
      await asB('GET', `/v1/orders/${MISSING}/notifications`),
      orderA.id,
      MISSING,
    );
  },
  'GET /v1/settings/notifications': async () => {
    const res = await asB('GET', '/v1/settings/notifications');
    expect(res.statusCode).toBe(200);
    expect(res.json().splitOrders).toBe('per_shipment'); // B's own defaults, not A's choice
    expect(res.body).not.toContain('Store A');
  },
  'PATCH /v1/settings/notifications': async () => {
    const res = await asB('PATCH', '/v1/settings/notifications', { sender: { name: 'Mallory' } });
    expect(res.statusCode).toBe(200);
    const own = await t.app.inject({
      method: 'GET',
      url: '/v1/settings/notifications',
      headers: bearer(a.keys.admin),
    });
    expect(own.json().sender.name).toBe('Store A');
  },
  'GET /v1/search': async () => {
    // B searching for A's order number, shopper and tracking number finds nothing of A's.
    for (const q of [orderA.orderNumber, 'Alice', 'alice@a.example', trackingA()]) {
      const res = await asB('GET', `/v1/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(orderA.id);
      expect(
        res.json().data.map((h: { customer: { email: string | null } }) => h.customer.email),
      ).not.toContain('alice@a.example');
    }
    // The control: A finds its own order.
    const own = await t.app.inject({
      method: 'GET',
      url: `/v1/search?q=${encodeURIComponent(orderA.orderNumber)}`,
      headers: bearer(a.keys.agent),
    });
    expect(own.json().data[0].orderId).toBe(orderA.id);
  },
  'GET /v1/support/orders/{orderId}': async () => {
    await expectSameAsMissing(
      await asB('GET', `/v1/support/orders/${orderA.id}`),
      await asB('GET', `/v1/support/orders/${MISSING}`),
      orderA.id,
      MISSING,
    );
    // The control: A's agent sees its own order's contact.
    const own = await t.app.inject({
      method: 'GET',
      url: `/v1/support/orders/${orderA.id}`,
      headers: bearer(a.keys.agent),
    });
    expect(own.json().order.customer.email).toBe('alice@a.example');
  },
  'GET /v1/analytics/carriers': async () => {
    // B's figures count B's own shipments of the period (all made today, like A's), never A's.
    const own = await t.deps.db
      .selectFrom('shipments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('merchant_id', '=', b.id)
      .where('status', '<>', 'cancelled')
      .executeTakeFirstOrThrow();
    const res = await asB('GET', '/v1/analytics/carriers');
    expect(res.statusCode).toBe(200);
    expect(res.json().totals.shipments).toBe(Number(own.n));
    // The control: A's agent counts A's shipment.
    const mine = await t.app.inject({
      method: 'GET',
      url: '/v1/analytics/carriers',
      headers: bearer(a.keys.agent),
    });
    expect(mine.json().totals.shipments).toBeGreaterThanOrEqual(1);
  },
  'GET /v1/analytics/merchant': async () => {
    await t.deps.db
      .insertInto('tracking_page_counts')
      .values({
        merchant_id: a.id,
        day: new Date().toISOString().slice(0, 10),
        kind: 'view_number',
        count: 7,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const res = await asB('GET', '/v1/analytics/merchant');
    expect(res.statusCode).toBe(200);
    // B has no page views or messages of its own.
    expect(res.json()).toMatchObject({ pageViews: { total: 0 }, messages: { total: 0 } });
    const mine = await t.app.inject({
      method: 'GET',
      url: '/v1/analytics/merchant',
      headers: bearer(a.keys.agent),
    });
    expect(mine.json().pageViews.total).toBeGreaterThanOrEqual(7);
  },
  'GET /v1/settings/tracking-page': async () => {
    const res = await asB('GET', '/v1/settings/tracking-page');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('Returns of A');
  },
  'PATCH /v1/settings/tracking-page': async () => {
    const res = await asB('PATCH', '/v1/settings/tracking-page', { hideCarrier: true });
    expect(res.statusCode).toBe(200);
    const own = await t.app.inject({
      method: 'GET',
      url: '/v1/settings/tracking-page',
      headers: bearer(a.keys.admin),
    });
    expect(own.json()).toMatchObject({ hideCarrier: false, faqLinks: [{ label: 'Returns of A' }] });
  },
  'POST /v1/webhook-endpoints': async () => {
    const res = await asB('POST', '/v1/webhook-endpoints', { url: 'https://93.184.216.34/hooks/b' });
    expect(res.statusCode).toBe(201);
    expect(res.json().id).not.toBe(endpointA);
  },
  'GET /v1/webhook-endpoints': async () => {
    const res = await asB('GET', '/v1/webhook-endpoints');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(endpointA);
  },
  'GET /v1/webhook-endpoints/{endpointId}': async () => {
    await expectSameAsMissing(
      await asB('GET', `/v1/webhook-endpoints/${endpointA}`),
      await asB('GET', `/v1/webhook-endpoints/${MISSING}`),
      endpointA,
      MISSING,
    );
  },
  'PATCH /v1/webhook-endpoints/{endpointId}': async () => {
    const body = { description: 'taken over' };
    await expectSameAsMissing(
      await asB('PATCH', `/v1/webhook-endpoints/${endpointA}`, body),
      await asB('PATCH', `/v1/webhook-endpoints/${MISSING}`, body),
      endpointA,
      MISSING,
    );
  },
  'DELETE /v1/webhook-endpoints/{endpointId}': async () => {
    await expectSameAsMissing(
      await asB('DELETE', `/v1/webhook-endpoints/${endpointA}`),
      await asB('DELETE', `/v1/webhook-endpoints/${MISSING}`),
      endpointA,
      MISSING,
    );
  },
  'POST /v1/webhook-endpoints/{endpointId}/pause': async () => {
    await expectSameAsMissing(
      await asB('POST', `/v1/webhook-endpoints/${endpointA}/pause`),
      await asB('POST', `/v1/webhook-endpoints/${MISSING}/pause`),
      endpointA,
      MISSING,
    );
  },
  'POST /v1/webhook-endpoints/{endpointId}/resume': async () => {
    await expectSameAsMissing(
      await asB('POST', `/v1/webhook-endpoints/${endpointA}/resume`),
      await asB('POST', `/v1/webhook-endpoints/${MISSING}/resume`),
      endpointA,
      MISSING,
    );
  },
  'POST /v1/webhook-endpoints/{endpointId}/rotate-secret': async () => {
    await expectSameAsMissing(
      await asB('POST', `/v1/webhook-endpoints/${endpointA}/rotate-secret`),
      await asB('POST', `/v1/webhook-endpoints/${MISSING}/rotate-secret`),
      endpointA,
      MISSING,
    );
  },
  'POST /v1/webhook-endpoints/{endpointId}/replay': async () => {
    const body = { from: new Date(Date.now() - 86_400_000).toISOString() };
    await expectSameAsMissing(
      await asB('POST', `/v1/webhook-endpoints/${endpointA}/replay`, body),
      await asB('POST', `/v1/webhook-endpoints/${MISSING}/replay`, body),
      endpointA,
      MISSING,
    );
  },
  'GET /v1/webhook-endpoints/{endpointId}/deliveries': async () => {
    await expectSameAsMissing(
      await asB('GET', `/v1/webhook-endpoints/${endpointA}/deliveries`),
      await asB('GET', `/v1/webhook-endpoints/${MISSING}/deliveries`),
      endpointA,
      MISSING,
    );
  },
};

describe('tenant isolation', () => {
  for (const [route, check] of Object.entries(CASES)) {
    it(`${route}: merchant B cannot see or change merchant A's objects`, check);
  }

  it('covers every /v1 route of the API', () => {
    const paths = (t.app.swagger() as { paths: Record<string, Record<string, unknown>> }).paths;
    const routes = Object.entries(paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter(() => path.startsWith('/v1/'))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.sort()).toEqual(Object.keys(CASES).sort());
  });

  it("left merchant A's order exactly as it was", async () => {
    for (const check of Object.values(CASES)) await check();
    expect((await readA()).body).toBe(snapshotA);
    expect(await readPayloadA()).toBe(snapshotPayloadA);
    const connection = await t.deps.services.carrierConnections.describe(a.id, connectionA.id);
    expect(connection.webhook?.secrets.map((s) => s.id)).toEqual([connectionA.secretId]);
    const endpoint = await t.deps.services.webhookEndpoints.get(a.id, endpointA);
    expect(endpoint).toMatchObject({ state: 'enabled', description: 'A’s endpoint' });
  });
});
