import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  checkA11y,
  DESKTOP,
  formatViolations,
  launchBrowser,
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

// The agent console in headless Chromium, as an agent uses it: sign in with the agent key, search by the
// shopper's email, open the order, read the 360 view and the suggested reply, open a raw payload, ask for
// a refresh, sign out. Screenshots in test-output/screenshots/; axe-core checks each page.

let t: TestApp;
let m: TestMerchant;
let browser: Browser;
let base: string;
let order: { id: string; orderNumber: string; shipments: { trackingNumber: string }[] };

const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  m = await createMerchant(t.deps, 'Sklep Ani');
  const res = await t.app.inject({
    method: 'POST',
    url: '/v1/orders',
    headers: bearer(m.keys.write),
    payload: {
      orderNumber: orderNumber('A'),
      customer: {
        name: 'Anna Kowalska',
        email: 'anna.console@example.pl',
        phone: '+48500100200',
        locale: 'pl',
      },
      shippingAddress: { line1: 'ul. Długa 5', city: 'Kraków', postalCode: '31-147', countryCode: 'PL' },
      items: [{ sku: 'TENT-2', name: 'Namiot dwuosobowy', quantity: 1 }],
      shipments: [{ carrier: 'ups', trackingNumber: trackingNumber() }],
    },
  });
  order = res.json();
  const connection = (await createConnection(t.deps, m.id, 'easypost', { webhookSecret: 'secret-console-1' }))
    .connection.id;
  await carrierNews(
    t.deps,
    m.id,
    connection,
    order.shipments[0]?.trackingNumber ?? '',
    [
      { status: 'in_transit', at: ago(30), city: 'Poznań' },
      { status: 'in_transit', at: ago(12), city: 'Łódź' },
    ],
    { edd: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10) },
  );
  await t.deps.services.relay.relay();
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function noSeriousViolations(page: Parameters<typeof checkA11y>[0]) {
  const bad = seriousOrCritical(await checkA11y(page));
  expect(bad, formatViolations(bad)).toEqual([]);
}

describe('the agent console in Chromium', () => {
  it('signs in, searches, opens the order’s 360 view, a raw payload, refreshes and signs out', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-GB' });
    const page = await context.newPage();
    try {
      await page.goto(`${base}/console`);
      await noSeriousViolations(page);
      await screenshot(page, 'console-sign-in');
      await page.locator('input[name="key"]').fill(m.keys.agent);
      await Promise.all([
        page.waitForURL(`${base}/console`),
        page.locator('input[name="key"]').press('Enter'),
      ]);
      // The session cookie is out of the page's reach.
      const cookies = await context.cookies();
      expect(cookies.find((c) => c.name === 'wismo_console')).toMatchObject({
        httpOnly: true,
        sameSite: 'Strict',
      });
      expect(await page.evaluate('document.cookie')).toBe('');

      await page.locator('input[name="q"]').fill('ANNA.console@example');
      await Promise.all([page.waitForURL(/\/console\?q=/), page.locator('input[name="q"]').press('Enter')]);
      await noSeriousViolations(page);
      await screenshot(page, 'console-search');
      const link = page.locator(`a:has-text("${order.orderNumber}")`);
      expect(await link.count()).toBe(1);
      await Promise.all([page.waitForURL(`${base}/console/orders/${order.id}`), link.click()]);

      const main = (await page.locator('main').textContent()) ?? '';
      expect(main).toContain('anna.console@example.pl');
      expect(main).toContain('Łódź');
      expect(main).toContain('applied');
      // The messages the relay planned for the shopper are listed, addressed in full for the agent.
      expect(await page.locator('#msg-h').textContent()).not.toContain('(0)');
      const reply = await page.locator('textarea#reply').inputValue();
      expect(reply).toContain(order.orderNumber);
      expect(await page.locator('textarea#reply').getAttribute('lang')).toBe('pl');
      await noSeriousViolations(page);
      await screenshot(page, 'console-order');

      const payloadLink = page.locator('a[href^="/console/raw-payloads/"]').first();
      await Promise.all([page.waitForURL(/\/console\/raw-payloads\/\d+/), payloadLink.click()]);
      expect(await page.locator('pre').textContent()).toContain(order.shipments[0]?.trackingNumber);
      await noSeriousViolations(page);
      await page.goBack();

      await Promise.all([
        page.waitForURL(/refreshed=/),
        page.locator('button:has-text("Refresh from")').first().click(),
      ]);
      // UPS news came through EasyPost webhooks here, and nothing can poll UPS: the page says so.
      expect(page.url()).toMatch(/refreshed=unpollable$/);
      expect(await page.locator('[role="status"]').textContent()).toContain('no carrier connection');

      // Analytics: charts as inline SVG with their tables, for the period chosen in the form.
      await Promise.all([
        page.waitForURL(`${base}/console/analytics`),
        page.locator('a:has-text("Analytics")').click(),
      ]);
      expect(await page.locator('svg[role="img"]').count()).toBeGreaterThan(2);
      expect(await page.locator('main').textContent()).toMatch(/ups/i);
      await noSeriousViolations(page);
      await screenshot(page, 'console-analytics');
      await page.locator('select[name="groupBy"]').selectOption('region');
      await Promise.all([page.waitForURL(/groupBy=region/), page.locator('form.period button').click()]);
      expect(await page.locator('svg[role="img"]').count()).toBeGreaterThan(2);

      await Promise.all([
        page.waitForURL(`${base}/console`),
        page.locator('button:has-text("Sign out")').click(),
      ]);
      expect(await page.locator('input[name="key"]').count()).toBe(1);
      expect((await context.cookies()).find((c) => c.name === 'wismo_console')).toBeUndefined();
    } finally {
      await context.close();
    }
  });
});
