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
import { waitFor } from './helpers/polling.js';

// The shopper's tracking page over HTTP (the browser tests look at it in Chromium): the three ways in, what
// each may show, the same answer for every mismatch, rate limits, and the counts.

let t: TestApp;
let m: TestMerchant;
let order: { id: string; orderNumber: string; trackingUrl: string; shipments: { trackingNumber: string }[] };
let other: { orderNumber: string };

beforeAll(async () => {
  t = await createTestApp({ TRACKING_LOOKUP_LIMIT: '8/10m', TRACKING_LOOKUP_ORDER_LIMIT: '6/1h' });
  m = await createMerchant(t.deps, 'Sklep Ani');
  const res = await t.app.inject({
    method: 'POST',
    url: '/v1/orders',
    headers: bearer(m.keys.write),
    payload: {
      orderNumber: orderNumber('P'),
      customer: {
        name: 'Anna Kowalska',
        email: 'Anna.Kowalska@example.pl',
        phone: '+48500100200',
        locale: 'pl',
        timeZone: 'Europe/Warsaw',
      },
      shippingAddress: { line1: 'ul. Długa 5', city: 'Kraków', postalCode: '31-147', countryCode: 'PL' },
      items: [{ sku: 'TENT-2', name: 'Namiot dwuosobowy', quantity: 1 }],
      shipments: [{ carrier: 'ups', trackingNumber: trackingNumber() }],
    },
  });
  order = res.json();
  // Another order to miss on: each order number has its own budget of lookups.
  other = (
    await t.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: bearer(m.keys.write),
      payload: {
        orderNumber: orderNumber('Q'),
        customer: { email: 'other@example.pl', phone: '+48500100300' },
      },
    })
  ).json();
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });
const post = (url: string, form: Record<string, string>, ip = '198.51.100.7') =>
  t.app.inject({
    method: 'POST',
    url,
    remoteAddress: ip,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(form).toString(),
  });
const path = (url: string) => new URL(url).pathname;

describe('tracking page', () => {
  it('opens the whole order from the signed link the order API returns, in the shopper’s language', async () => {
    expect(order.trackingUrl).toMatch(/^http:\/\/localhost:3000\/t\/[A-Za-z0-9_-]+$/);
    const page = await get(path(order.trackingUrl));
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('private, no-store');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain('lang="pl"');
    expect(page.body).toContain(order.orderNumber);
    expect(page.body).toContain('Namiot dwuosobowy');
    expect(page.body).not.toContain('<script');
    expect(Buffer.byteLength(page.body)).toBeLessThan(50_000);
    // ?lang= wins over the shopper's language.
    expect((await get(`${path(order.trackingUrl)}?lang=ja`)).body).toContain('lang="ja"');
  });

  it('answers an altered or unknown link with the generic not-found page', async () => {
    const token = path(order.trackingUrl).slice(3);
    const altered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const res = await get(`/t/${altered}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(order.orderNumber);
    expect((await get('/t/not-a-token')).statusCode).toBe(404);
  });

  it('finds the order by number and email, phone or postal code, however typed', async () => {
    for (const contact of [
      'anna.kowalska@EXAMPLE.pl',
      '500 100 200',
      '+48 500-100-200',
      '31 147',
      '31-147',
    ]) {
      const ip = `198.51.100.${contact.length}`;
      const res = await post(`/track/${m.slug}`, { orderNumber: order.orderNumber, contact }, ip);
      expect(res.statusCode, contact).toBe(303);
      const page = await get(res.headers.location as string);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(order.orderNumber);
    }
  });

  it('gives every mismatch the same answer, without echoing what was typed', async () => {
    const answers = await Promise.all([
      post(
        `/track/${m.slug}`,
        { orderNumber: other.orderNumber, contact: 'someone@example.com' },
        '203.0.113.1',
      ),
      post(`/track/${m.slug}`, { orderNumber: other.orderNumber, contact: '+48500999999' }, '203.0.113.2'),
      post(`/track/${m.slug}`, { orderNumber: 'NO-SUCH-ORDER', contact: 'other@example.pl' }, '203.0.113.3'),
      post(`/track/${m.slug}`, { orderNumber: other.orderNumber, contact: '' }, '203.0.113.4'),
    ]);
    for (const a of answers) expect(a.statusCode).toBe(404);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(answers[0]?.body).not.toContain('someone@example.com');
    expect(answers[0]?.body).not.toContain(other.orderNumber);
  });

  it('shows a tracking number’s status and checkpoints, and nothing about the shopper or the order', async () => {
    const number = order.shipments[0]?.trackingNumber ?? '';
    const res = await post(`/track/${m.slug}`, { trackingNumber: number.toLowerCase() }, '203.0.113.9');
    expect(res.statusCode).toBe(303);
    const page = await get(res.headers.location as string);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(number);
    for (const secret of [
      order.orderNumber,
      'Anna',
      'Kowalska',
      'example.pl',
      '500100200',
      'Długa',
      '31-147',
      'Namiot',
    ]) {
      expect(page.body, secret).not.toContain(secret);
    }
    expect((await get(`/track/${m.slug}/n/NOSUCHNUMBER1`)).statusCode).toBe(404);
  });

  it('limits lookups per visitor and per order number (429 with Retry-After)', async () => {
    const target = orderNumber('L');
    const codes: number[] = [];
    // Per order number: 6 an hour, whoever asks.
    for (let i = 0; i < 8; i++) {
      codes.push(
        (await post(`/track/${m.slug}`, { orderNumber: target, contact: 'x@example.com' }, `192.0.2.${i}`))
          .statusCode,
      );
    }
    expect(codes).toEqual([404, 404, 404, 404, 404, 404, 429, 429]);
    // Per visitor: 8 in ten minutes, whatever is asked.
    const mine: number[] = [];
    for (let i = 0; i < 10; i++) {
      mine.push(
        (
          await post(
            `/track/${m.slug}`,
            { orderNumber: orderNumber('V'), contact: 'x@example.com' },
            '192.0.2.200',
          )
        ).statusCode,
      );
    }
    expect(mine.slice(0, 8).every((c) => c === 404)).toBe(true);
    const limited = await post(`/track/${m.slug}`, { orderNumber: 'ANY', contact: 'x' }, '192.0.2.200');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('counts views and lookups per merchant and day, and nothing about visitors', async () => {
    // Counts are written beside the answer, not before it: give the last ones a moment.
    const read = async () =>
      Object.fromEntries(
        (
          await t.deps.db
            .selectFrom('tracking_page_counts')
            .select(['kind', 'count'])
            .where('merchant_id', '=', m.id)
            .execute()
        ).map((r) => [r.kind, Number(r.count)]),
      );
    const counts = await waitFor(async () => {
      const c = await read();
      return c.view_link === 7 && c.lookup_missed === 4 + 6 + 8 && c;
    }).catch(read);
    expect(counts.view_link).toBe(7); // 2 opened from the link, 5 after a lookup
    expect(counts.lookup_found).toBe(5);
    expect(counts.lookup_missed).toBe(4 + 6 + 8);
    expect(counts.view_number).toBe(1);
    expect(counts.rate_limited).toBeGreaterThanOrEqual(3);
  });

  it('shows the merchant’s self-service links and promotion, and hides the carrier when asked', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/v1/settings/tracking-page',
      headers: bearer(m.keys.admin),
      payload: {
        faqLinks: [{ label: 'Zwroty i wymiany', url: 'https://sklep.example/zwroty' }],
        promotion: { title: 'Zimowa wyprzedaż', text: '-20% na śpiwory', url: 'https://sklep.example/sale' },
        hideCarrier: true,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const page = await get(path(order.trackingUrl));
    expect(page.body).toContain('https://sklep.example/zwroty');
    expect(page.body).toContain('Zimowa wyprzedaż');
    expect(page.body).not.toContain('UPS');
    const bad = await t.app.inject({
      method: 'PATCH',
      url: '/v1/settings/tracking-page',
      headers: bearer(m.keys.admin),
      payload: { faqLinks: [{ label: 'x', url: 'javascript:alert(1)' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ in: 'body', field: 'faqLinks.0.url' });
  });

  it('gives no whole-order link to a storefront key, only to keys that may see the shopper', async () => {
    const asReader = await get(`/v1/orders/${order.id}`, bearer(m.keys.read));
    expect(asReader.json()).toMatchObject({ view: 'tracking', trackingUrl: null });
    const asAgent = await get(`/v1/orders/${order.id}`, bearer(m.keys.agent));
    expect(asAgent.json().trackingUrl).toBe(order.trackingUrl);
  });

  it('never shows the carrier’s own words to someone who only has the tracking number', async () => {
    const { carrierNews } = await import('./helpers/notifications.js');
    const { createConnection } = await import('./helpers/webhooks.js');
    const connection = (await createConnection(t.deps, m.id, 'easypost', { webhookSecret: 'secret-page-1' }))
      .connection.id;
    const number = order.shipments[0]?.trackingNumber ?? '';
    await carrierNews(t.deps, m.id, connection, number, [
      { status: 'delivered', at: new Date(Date.now() - 3_600_000).toISOString(), city: 'Kraków' },
    ]);
    // The mapper keeps EasyPost's message; here it says who signed, as carriers' texts do.
    await t.deps.db
      .updateTable('tracking_events')
      .set({ raw_text: 'Delivered, signed by KOWALSKA at ul. Długa 5' })
      .where('merchant_id', '=', m.id)
      .execute();
    await t.deps.db
      .updateTable('shipments')
      .set({ updated_at: new Date() })
      .where('merchant_id', '=', m.id)
      .execute();
    const page = await get(`/track/${m.slug}/n/${number}`, { 'x-forwarded-for': '203.0.113.50' });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('KOWALSKA');
    expect(page.body).not.toContain('Długa');
    expect((await get(path(order.trackingUrl))).body).toContain('KOWALSKA'); // the whole order's page may say it
  });

  it('keeps the chosen language across the form and its redirect, and answers odd input with a page', async () => {
    const form = await get(`/track/${m.slug}?lang=ja`);
    expect(form.body).toContain(`action="/track/${m.slug}?lang=ja"`);
    const found = await post(
      `/track/${m.slug}?lang=ja`,
      { orderNumber: order.orderNumber.toLowerCase(), contact: '31147' },
      '198.51.100.99',
    );
    expect(found.statusCode).toBe(303);
    expect(found.headers.location).toMatch(/\?lang=ja$/);
    expect((await get(found.headers.location as string)).body).toContain('lang="ja"');
    const odd = await post(
      `/track/${m.slug}`,
      { orderNumber: 'x'.repeat(500), contact: 'y' },
      '198.51.100.98',
    );
    expect(odd.statusCode).toBe(404);
    expect(odd.headers['content-type']).toContain('text/html');
  });

  it('sends an expired link to the lookup form, saying why', async () => {
    const { TrackingLinks } = await import('../src/tracking-page/links.js');
    const links = new TrackingLinks(t.deps.config.encryptionKey, 'http://localhost:3000', 3_600_000);
    const old = links.token(order.id, new Date(Date.now() - 3 * 86_400_000));
    const res = await get(`/t/${old}`);
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain(`action="/track/${m.slug}"`);
    expect(res.body).toContain('role="alert"');
    expect(res.body).not.toContain(order.orderNumber);
  });
});
