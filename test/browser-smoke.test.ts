import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  checkA11y,
  DESKTOP,
  formatViolations,
  launchBrowser,
  missingGlyphs,
  PHONE,
  screenshot,
  seriousOrCritical,
} from './helpers/browser.js';

// Proves the browser test setup itself: Debian's Chromium starts headless, screenshots render Japanese and
// Russian text, and the axe-core check passes a clean page and catches a broken one.

const JA = 'ご注文の商品は配達中です。本日中にお届けします。';
const RU = 'Ваш заказ передан курьеру и будет доставлен сегодня.';

const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="32" viewBox="0 0 120 32">
<rect width="120" height="32" rx="6" fill="#1d4ed8"/><text x="60" y="21" font-family="sans-serif"
font-size="14" fill="#fff" text-anchor="middle">wismo</text></svg>`;

const GOOD = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Order #1042 · Tracking</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; color: #1f2937; background: #fff; }
  header, main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
  .status { font-size: 1.5rem; font-weight: 700; color: #065f46; }
  ol { padding-left: 1.25rem; }
  label { display: block; margin-top: 1rem; }
  input, button { font: inherit; padding: .5rem; }
  button { background: #1d4ed8; color: #fff; border: 0; border-radius: .25rem; }
</style>
</head>
<body>
<header><img src="/logo.svg" alt="wismo" width="120" height="32"></header>
<main>
  <h1>Where is order #1042?</h1>
  <p class="status">Out for delivery</p>
  <ol>
    <li>Today 09:12 — Out for delivery, Warsaw</li>
    <li>Yesterday 21:40 — Arrived at the local depot</li>
  </ol>
  <h2>In other languages</h2>
  <p lang="ja">${JA}</p>
  <p lang="ru">${RU}</p>
  <form>
    <label for="email">Email me updates</label>
    <input id="email" name="email" type="email" autocomplete="email">
    <button type="submit">Subscribe</button>
  </form>
</main>
</body>
</html>`;

const BAD = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Broken page</title></head>
<body>
<main>
  <h1>Broken</h1>
  <img src="/logo.svg">
  <input type="text" name="q">
</main>
</body>
</html>`;

let server: Server;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  server = createServer((req, res) => {
    const page = req.url?.split('?')[0];
    if (page === '/logo.svg') {
      res.writeHead(200, { 'content-type': 'image/svg+xml' }).end(LOGO);
    } else if (page === '/good' || page === '/bad') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page === '/good' ? GOOD : BAD);
    } else if (page === '/strict-csp') {
      // No 'unsafe-inline': the page blocks inline scripts, including an injected axe-core script tag.
      res
        .writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy':
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'",
        })
        .end(BAD);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

describe('browser test setup', () => {
  it.each([
    ['smoke-360', PHONE],
    ['smoke-1280', DESKTOP],
  ])('renders, screenshots and passes axe: %s', { timeout: 60_000 }, async (name, viewport) => {
    const page = await browser.newPage({ viewport });
    try {
      await page.goto(`${baseUrl}/good`);
      expect(await page.title()).toBe('Order #1042 · Tracking');
      const file = await screenshot(page, name);
      expect((await stat(file)).size).toBeGreaterThan(1000);
      const violations = await checkA11y(page);
      expect(seriousOrCritical(violations), formatViolations(violations)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('has fonts for every script the tracking page is translated into', { timeout: 60_000 }, async () => {
    // Tofu boxes are easy to miss in a screenshot: .ci/run installs a Japanese font next to Chromium.
    const page = await browser.newPage({ viewport: PHONE });
    try {
      await page.goto(`${baseUrl}/good`);
      expect(await missingGlyphs(page, `${JA}${RU}Zażółć gęślą jaźń`)).toEqual([]);
      // The check itself: a private-use code point has no glyph in any font.
      expect(await missingGlyphs(page, 'a\u{10FFFC}')).toEqual(['\u{10FFFC}']);
    } finally {
      await page.close();
    }
  });

  it('catches an image without alt text and an input without a label', { timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: PHONE });
    try {
      await page.goto(`${baseUrl}/bad`);
      const severe = seriousOrCritical(await checkA11y(page));
      const report = formatViolations(severe);
      expect(severe.map((v) => v.id).sort(), report).toEqual(expect.arrayContaining(['image-alt', 'label']));
      expect(report).toMatch(/^image-alt \[critical\] .+: img/m);
      expect(report).toMatch(/^label \[critical\] .+: input/m);
    } finally {
      await page.close();
    }
  });

  it('still runs axe on a page whose CSP blocks inline scripts', { timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: PHONE });
    try {
      await page.goto(`${baseUrl}/strict-csp`);
      const ids = (await checkA11y(page)).map((v) => v.id);
      expect(ids).toEqual(expect.arrayContaining(['image-alt', 'label']));
    } finally {
      await page.close();
    }
  });
});
