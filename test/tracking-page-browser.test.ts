import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  checkA11y,
  DESKTOP,
  formatViolations,
  launchBrowser,
  PHONE,
  screenshot,
  seriousOrCritical,
} from './helpers/browser.js';
import {
  bearer,
  createMerchant,
  createTestApp,
  orderNumber,
  type TestApp,
  type TestMerchant,
  trackingNumber,
} from './helpers/context.js';
import { carrierNews } from './helpers/notifications.js';
import { createConnection } from './helpers/webhooks.js';

// The tracking page in headless Chromium (Debian's, driven by playwright-core), as a shopper opens it: the
// signed link on a phone and on a desktop (screenshots in test-output/screenshots/), the lookup form, the
// tracking-number view, and an accessibility check with axe-core on each.

let t: TestApp;
let m: TestMerchant;
let browser: Browser;
let base: string;
let order: { id: string; orderNumber: string; trackingUrl: string; shipments: { trackingNumber: string }[] };

const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  m = await createMerchant(t.deps, 'Sklep Ani');
  await t.app.inject({
    method: 'PATCH',
    url: '/v1/settings/notifications',
    headers: bearer(m.keys.admin),
    payload: {
      branding: {
        primaryColor: '#0b7a75',
        supportEmail: 'pomoc@sklep.example',
        supportUrl: 'https://sklep.example/pomoc',
      },
    },
  });
  await t.app.inject({
    method: 'PATCH',
    url: '/v1/settings/tracking-page',
    headers: bearer(m.keys.admin),
    payload: {
      faqLinks: [
        { label: 'Zwroty i wymiany', url: 'https://sklep.example/zwroty' },
        { label: 'Pytania o dostawę', url: 'https://sklep.example/dostawa' },
      ],
      promotion: {
        title: 'Zimowa wyprzedaż',
        text: '-20% na śpiwory do niedzieli',
        url: 'https://sklep.example/sale',
      },
    },
  });
  const res = await t.app.inject({
    method: 'POST',
    url: '/v1/orders',
    headers: bearer(m.keys.write),
    payload: {
      orderNumber: orderNumber('B'),
      customer: { name: 'Anna Kowalska', email: 'anna@example.pl', locale: 'pl', timeZone: 'Europe/Warsaw' },
      shippingAddress: { line1: 'ul. Długa 5', city: 'Kraków', postalCode: '31-147', countryCode: 'PL' },
      items: [
        { sku: 'TENT-2', name: 'Namiot dwuosobowy', quantity: 1 },
        { sku: 'BAG-1', name: 'Śpiwór zimowy', quantity: 2 },
      ],
      shipments: [{ carrier: 'ups', trackingNumber: trackingNumber() }],
    },
  });
  order = res.json();
  const connection = (await createConnection(t.deps, m.id, 'easypost', { webhookSecret: 'secret-browser-1' }))
    .connection.id;
  await carrierNews(
    t.deps,
    m.id,
    connection,
    order.shipments[0]?.trackingNumber ?? '',
    [
      { status: 'in_transit', at: ago(30), city: 'Poznań' },
      { status: 'in_transit', at: ago(12), city: 'Łódź' },
      { status: 'out_for_delivery', at: ago(2), city: 'Kraków' },
    ],
    { edd: new Date().toISOString().slice(0, 10) },
  );
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function open(url: string, viewport: { width: number; height: number }) {
  const page = await browser.newPage({ viewport, locale: 'en-GB' });
  const response = await page.goto(url);
  return { page, status: response?.status() ?? 0 };
}

describe('the tracking page in Chromium', () => {
  it('renders the journey from the signed link, on a phone and on a desktop, accessibly', async () => {
    const url = `${base}${new URL(order.trackingUrl).pathname}`;
    for (const [name, viewport] of [
      ['order-360', PHONE],
      ['order-1280', DESKTOP],
    ] as const) {
      const { page, status } = await open(url, viewport);
      try {
        expect(status).toBe(200);
        expect(await page.locator('html').getAttribute('lang')).toBe('pl');
        expect(await page.locator('h1').count()).toBe(1);
        expect(await page.locator('[aria-current="step"]').count()).toBeGreaterThanOrEqual(1);
        const text = await page.locator('main').textContent();
        expect(text).toContain(order.orderNumber);
        expect(text).toContain('Łódź');
        expect(text).toContain('Namiot dwuosobowy');
        expect(await page.locator('a[href="https://sklep.example/zwroty"]').count()).toBe(1);
        // Nothing wider than the screen: no sideways scrolling on a phone.
        const overflow = await page.evaluate<number>(
          'document.documentElement.scrollWidth - window.innerWidth',
        );
        expect(overflow).toBeLessThanOrEqual(0);
        await screenshot(page, name);
        const bad = seriousOrCritical(await checkA11y(page));
        expect(bad, formatViolations(bad)).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });

  it('finds the order with the lookup form and the right email, and says the same to a wrong one', async () => {
    const { page } = await open(`${base}/track/${m.slug}`, PHONE);
    try {
      await screenshot(page, 'lookup-360');
      const bad = seriousOrCritical(await checkA11y(page));
      expect(bad, formatViolations(bad)).toEqual([]);
      await page.locator('input[name="orderNumber"]').fill(order.orderNumber);
      await page.locator('input[name="contact"]').fill('someone.else@example.com');
      await Promise.all([
        page.waitForLoadState('load'),
        page.locator('input[name="contact"]').press('Enter'),
      ]);
      const alert = page.locator('[role="alert"]');
      expect(await alert.count()).toBe(1);
      const generic = await alert.textContent();
      expect(await page.content()).not.toContain('someone.else@example.com');
      await screenshot(page, 'lookup-no-match-360');

      await page.locator('input[name="orderNumber"]').fill('NO-SUCH-ORDER');
      await page.locator('input[name="contact"]').fill('anna@example.pl');
      await Promise.all([
        page.waitForLoadState('load'),
        page.locator('input[name="contact"]').press('Enter'),
      ]);
      expect(await page.locator('[role="alert"]').textContent()).toBe(generic);

      await page.locator('input[name="orderNumber"]').fill(order.orderNumber);
      await page.locator('input[name="contact"]').fill('ANNA@example.pl');
      await Promise.all([page.waitForURL(/\/t\//), page.locator('input[name="contact"]').press('Enter')]);
      expect(await page.locator('main').textContent()).toContain(order.orderNumber);
    } finally {
      await page.close();
    }
  });

  it('shows a tracking number’s status and checkpoints with no personal data anywhere in the HTML', async () => {
    const number = order.shipments[0]?.trackingNumber ?? '';
    const { page, status } = await open(`${base}/track/${m.slug}/n/${number}`, DESKTOP);
    try {
      expect(status).toBe(200);
      const html = await page.content();
      expect(html).toContain(number);
      expect(html).toContain('Łódź');
      for (const secret of [
        order.orderNumber,
        'Anna',
        'Kowalska',
        'anna@example.pl',
        'Długa',
        '31-147',
        'Namiot',
        'Śpiwór',
      ]) {
        expect(html, secret).not.toContain(secret);
      }
      await screenshot(page, 'tracking-number-1280');
      const bad = seriousOrCritical(await checkA11y(page));
      expect(bad, formatViolations(bad)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
