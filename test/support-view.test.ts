import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../src/notifications/model.js';
import { formatCalendarDate } from '../src/notifications/render/format.js';
import {
  bearer,
  createMerchant,
  createTestApp,
  orderNumber,
  type TestApp,
  type TestMerchant,
  trackingNumber,
} from './helpers/context.js';
import { carrierNews, type Scan } from './helpers/notifications.js';
import { createConnection } from './helpers/webhooks.js';

// The agent's view of an order (GET /v1/support/orders/{id}): everything about the order in one answer,
// built from real carrier payloads normalized as the worker does, real outbox relays (messages and
// merchant webhook rows), and a suggested reply in the shopper's language for each status.

let t: TestApp;
let m: TestMerchant;
let other: TestMerchant;
let connectionId: string;

const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp({ MERCHANT_WEBHOOK_ALLOW_HOSTS: '127.0.0.1' });
  m = await createMerchant(t.deps, 'Sklep Ani');
  other = await createMerchant(t.deps, 'Other Store');
  connectionId = (await createConnection(t.deps, m.id, 'easypost', { webhookSecret: 'support-view-secret' }))
    .connection.id;
  const endpoint = await t.app.inject({
    method: 'POST',
    url: '/v1/webhook-endpoints',
    headers: bearer(m.keys.admin),
    payload: { url: 'http://127.0.0.1:9/hooks/wismo', description: 'ERP' },
  });
  expect(endpoint.statusCode, endpoint.body).toBe(201);
});
afterAll(() => t.close());

interface View {
  order: { id: string; orderNumber: string; status: string; customer: { email: string; phone: string } };
  shipments: {
    id: string;
    trackingNumber: string;
    carrierName: string;
    status: string;
    delayed: boolean;
    expected: { date: string; kind: string } | null;
    refreshUrl: string;
    freshness: { lastCheckedAt: string | null; lastSource: string | null };
    events: { id: number; decision: string; rawPayloadId: number | null; rawPayloadUrl: string | null }[];
  }[];
  notifications: { milestone: string; channel: string; recipient: string; status: string }[];
  webhooks: { type: string; endpointUrl: string; status: string; sequence: number; subjectId: string }[];
  suggestedReply: { locale: string; subject: string; text: string };
}

async function createOrder(
  body: object,
  merchant = m,
): Promise<{ id: string; orderNumber: string; shipments: { id: string; trackingNumber: string }[] }> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/v1/orders',
    headers: bearer(merchant.keys.write),
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function view(orderId: string, key = m.keys.agent): Promise<View> {
  const res = await t.app.inject({
    method: 'GET',
    url: `/v1/support/orders/${orderId}`,
    headers: bearer(key),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('the 360 view of an order', () => {
  it('shows contact, every event with its decision and payload, every message and every webhook', async () => {
    const tn = trackingNumber();
    const order = await createOrder({
      orderNumber: orderNumber('V'),
      customer: {
        name: 'Anna Kowalska',
        email: 'anna@example.pl',
        phone: '+48500100200',
        locale: 'pl',
        smsConsent: true,
      },
      shippingAddress: { city: 'Kraków', postalCode: '31-147', countryCode: 'PL' },
      shipments: [{ carrier: 'ups', trackingNumber: tn }],
    });
    const edd = inDays(3);
    const first = await carrierNews(
      t.deps,
      m.id,
      connectionId,
      tn,
      [{ status: 'in_transit', at: ago(30), city: 'Poznań' }],
      { edd },
    );
    // The same news again: its event is a duplicate. Then a later scan, then an older one arriving late.
    await carrierNews(
      t.deps,
      m.id,
      connectionId,
      tn,
      [{ status: 'in_transit', at: ago(30), city: 'Poznań' }],
      { edd },
    );
    await carrierNews(t.deps, m.id, connectionId, tn, [{ status: 'in_transit', at: ago(5), city: 'Łódź' }], {
      edd,
    });
    await carrierNews(
      t.deps,
      m.id,
      connectionId,
      tn,
      [{ status: 'pre_transit', at: ago(40), city: 'Poznań' }],
      { edd },
    );
    await t.deps.services.relay.relay();

    const v = await view(order.id);
    expect(v.order.customer).toMatchObject({ email: 'anna@example.pl', phone: '+48500100200' });
    const [s] = v.shipments;
    expect(s).toMatchObject({
      trackingNumber: tn,
      carrierName: expect.stringMatching(/UPS/),
      status: 'in_transit',
    });
    expect(s?.expected).toEqual({ date: edd, kind: 'carrier', windowStart: null, windowEnd: null });
    expect(s?.refreshUrl).toBe(`/v1/shipments/${s?.id}/refresh`);
    expect(s?.freshness.lastSource).toBe('push');
    // Every event is listed with what derivation did with it, and where it came from.
    const decisions = s?.events.map((e) => e.decision).sort();
    const stored = await t.deps.db
      .selectFrom('tracking_events')
      .select(['id', 'decision'])
      .where('shipment_id', '=', s?.id ?? '')
      .execute();
    expect(decisions).toEqual(stored.map((e) => e.decision).sort());
    expect(decisions).toContain('duplicate');
    expect(decisions?.filter((d) => d === 'applied').length).toBeGreaterThanOrEqual(2);
    expect(
      s?.events.every(
        (e) => e.rawPayloadId !== null && e.rawPayloadUrl === `/v1/raw-payloads/${e.rawPayloadId}`,
      ),
    ).toBe(true);
    expect(s?.events.some((e) => e.rawPayloadId === first)).toBe(true);
    const payload = await t.app.inject({
      method: 'GET',
      url: s?.events.at(-1)?.rawPayloadUrl ?? '',
      headers: bearer(m.keys.agent),
    });
    expect(payload.statusCode).toBe(200);
    expect(payload.json().body).toContain(tn);

    // Messages: the relay planned the shipped/in-transit emails and SMS, recipients unmasked for agents.
    expect(v.notifications.length).toBeGreaterThan(0);
    expect(v.notifications.some((n) => n.recipient === 'anna@example.pl')).toBe(true);
    expect(v.notifications.map((n) => n.milestone)).toEqual(
      expect.arrayContaining(['shipped', 'in_transit']),
    );
    // Webhooks: one delivery per event of the order and its parcel, to the registered endpoint.
    expect(v.webhooks.length).toBeGreaterThanOrEqual(3);
    expect(v.webhooks.every((w) => w.endpointUrl === 'http://127.0.0.1:9/hooks/wismo')).toBe(true);
    expect(new Set(v.webhooks.map((w) => w.subjectId))).toEqual(new Set([order.id, s?.id]));
    expect(v.webhooks.map((w) => w.type)).toEqual(
      expect.arrayContaining(['shipment.created', 'shipment.status_changed', 'order.status_changed']),
    );

    // The reply is in Polish, names the order, the last checkpoint's city and the carrier's date.
    expect(v.suggestedReply.locale).toBe('pl');
    expect(v.suggestedReply.text).toContain(order.orderNumber);
    expect(v.suggestedReply.text).toContain('Łódź');
    expect(v.suggestedReply.text).toContain(formatCalendarDate(edd, 'pl', 'long'));
  });

  it('answers 404 for another merchant’s order and refuses keys without the agent scope', async () => {
    const order = await createOrder({ orderNumber: orderNumber('V') }, other);
    const res = await t.app.inject({
      method: 'GET',
      url: `/v1/support/orders/${order.id}`,
      headers: bearer(m.keys.agent),
    });
    expect(res.statusCode).toBe(404);
    for (const key of [m.keys.write, m.keys.read]) {
      const mine = await createOrder({ orderNumber: orderNumber('V') });
      const refused = await t.app.inject({
        method: 'GET',
        url: `/v1/support/orders/${mine.id}`,
        headers: bearer(key),
      });
      expect(refused.statusCode).toBe(403);
    }
    const bad = await t.app.inject({
      method: 'GET',
      url: '/v1/support/orders/not-a-uuid',
      headers: bearer(m.keys.agent),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'orderId' });
  });
});

// Each status an agent can meet, reached the way carriers report it, in each language wismo writes.
const STATES: {
  name: string;
  scans: Scan[] | null;
  status: string | null;
  city: string | null;
  dated: boolean;
}[] = [
  { name: 'before shipping', scans: null, status: null, city: null, dated: false },
  {
    name: 'label created',
    scans: [{ status: 'pre_transit', at: ago(3), city: 'Poznań' }],
    status: 'info_received',
    city: 'Poznań',
    dated: true,
  },
  {
    name: 'in transit',
    scans: [{ status: 'in_transit', at: ago(3), city: 'Łódź' }],
    status: 'in_transit',
    city: 'Łódź',
    dated: true,
  },
  {
    name: 'delayed by the weather',
    scans: [{ status: 'in_transit', statusDetail: 'weather_delay', at: ago(3), city: 'Gdańsk' }],
    status: 'in_transit',
    city: 'Gdańsk',
    dated: true,
  },
  {
    name: 'out for delivery',
    scans: [{ status: 'out_for_delivery', at: ago(2), city: 'Kraków' }],
    status: 'out_for_delivery',
    city: 'Kraków',
    dated: true,
  },
  {
    name: 'delivered',
    scans: [{ status: 'delivered', at: ago(1), city: 'Kraków' }],
    status: 'delivered',
    city: 'Kraków',
    dated: false,
  },
  {
    name: 'exception',
    scans: [{ status: 'failure', at: ago(2), city: 'Katowice' }],
    status: 'exception',
    city: 'Katowice',
    dated: true,
  },
  {
    name: 'returned to sender',
    scans: [{ status: 'return_to_sender', at: ago(2), city: 'Wrocław' }],
    status: 'returning',
    city: 'Wrocław',
    dated: false,
  },
];

describe('the suggested reply, for each status in each language', () => {
  for (const locale of LOCALES) {
    it(`writes in ${locale} for every status`, async () => {
      const texts = new Set<string>();
      for (const state of STATES) {
        const tn = trackingNumber();
        const order = await createOrder({
          orderNumber: orderNumber('R'),
          customer: { name: 'Kim Lee', email: 'kim@example.com', locale },
          shipments: state.scans ? [{ carrier: 'ups', trackingNumber: tn }] : [],
        });
        await t.app.inject({
          method: 'POST',
          url: `/v1/orders/${order.id}/milestones`,
          headers: bearer(m.keys.write),
          payload: { milestone: 'confirmed' },
        });
        const edd = inDays(4);
        if (state.scans) await carrierNews(t.deps, m.id, connectionId, tn, state.scans, { edd });
        const v = await view(order.id);
        const reply = v.suggestedReply;
        const why = `${locale} / ${state.name}: ${reply.text}`;
        expect(v.shipments[0]?.status ?? null, why).toBe(state.status);
        expect(reply.locale, why).toBe(locale);
        expect(reply.text, why).toContain(order.orderNumber);
        expect(reply.subject.length, why).toBeGreaterThan(0);
        // (Links are left out of this check: a random token can spell anything.)
        expect(reply.text.replace(/https?:\/\/\S+/g, ''), why).not.toMatch(
          /\{\{|undefined|null|NaN|\[object/,
        );
        if (state.city) expect(reply.text, why).toContain(state.city);
        // A parcel still moving has its carrier's date, written in the shopper's language.
        if (state.dated) {
          const dateText = formatCalendarDate(edd, locale, 'long') ?? 'no date';
          expect(v.shipments[0]?.expected?.date, why).toBe(edd);
          expect(reply.text, why).toContain(dateText);
        }
        texts.add(reply.text.replace(order.orderNumber, '#'));
      }
      // Each status has its own wording.
      expect(texts.size).toBe(STATES.length);
    });
  }
});
