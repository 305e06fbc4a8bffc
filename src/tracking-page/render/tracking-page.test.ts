import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES, SHIPMENT_STATUSES } from '../../domain/status.js';
import { LOCALES } from '../../notifications/model.js';
import { count, escaped, MISSING_KEY, tags, text } from './html.fixture.js';
import { CATALOGS } from './i18n.js';
import { renderTrackingPage } from './index.js';
import { checkpoints, merchant, orderView, shipment } from './page.fixture.js';

const NO_JOURNEY = new Set(['cancelled', 'returned']);

describe('renderTrackingPage: every status in every language', () => {
  it.each(LOCALES)('renders every order status in %s', (locale) => {
    for (const status of ORDER_STATUSES) {
      const html = renderTrackingPage(orderView({ locale, status }));
      const label = `${locale}/${status}`;
      expect(html, label).toContain(`<html lang="${locale}">`);
      expect(html, label).toContain(`<h1>${escaped(CATALOGS[locale].heading[status])}</h1>`);
      expect(count(html, '<h1'), label).toBe(1);
      expect(count(html, 'aria-current="step"'), label).toBe(NO_JOURNEY.has(status) ? 0 : 1);
      expect(text(html), label).not.toMatch(MISSING_KEY);
      expect(html, label).not.toContain('{{');
    }
  });

  it.each(LOCALES)('renders every parcel status in tracking-number mode in %s', (locale) => {
    for (const status of SHIPMENT_STATUSES) {
      const html = renderTrackingPage(
        orderView({
          locale,
          mode: 'tracking_number',
          orderNumber: null,
          items: [],
          shipments: [shipment({ status, items: [] })],
        }),
      );
      const label = `${locale}/${status}`;
      expect(html, label).toContain(`<h1>${escaped(CATALOGS[locale].parcelHeading[status])}</h1>`);
      expect(html, label).toContain(escaped(CATALOGS[locale].status[status]));
      expect(count(html, 'aria-current="step"'), label).toBe(
        ['returning', 'returned', 'cancelled'].includes(status) ? 0 : 1,
      );
      expect(text(html), label).not.toMatch(MISSING_KEY);
      expect(html, label).not.toContain('{{');
    }
  });

  it('shows side states as a visible notice above the journey, in plain words', () => {
    const html = renderTrackingPage(
      orderView({
        status: 'exception',
        shipments: [shipment({ status: 'exception', substatus: 'customs_hold' })],
      }),
    );
    const notice = html.indexOf('<div class="note bad">');
    expect(notice).toBeGreaterThan(html.indexOf('<h1>'));
    expect(notice).toBeLessThan(html.indexOf('class="steps"'));
    expect(html).toContain('The parcel is being held by customs.');
    expect(html).toContain('The carrier has reported a problem that is holding up the delivery.');
    // Told once: in the notice, not again in the parcel's section.
    expect(count(html, 'held by customs')).toBe(1);
  });

  it('explains a delay and its reason, and never calls a passed date expected', () => {
    const html = renderTrackingPage(
      orderView({ status: 'delayed', delay: { reason: 'edd_passed' }, shipments: [shipment()] }),
    );
    expect(html).toContain('The estimated delivery date has passed and the parcel hasn’t arrived yet.');
    expect(html).toContain('<dt>Originally expected</dt><dd><time datetime="2026-12-08">');
    expect(html).not.toContain('<dt>Estimated delivery</dt>');

    // A delay beside another state gets its own title, since the heading does not say it.
    const late = renderTrackingPage(orderView({ status: 'in_transit', delay: { reason: 'stalled' } }));
    expect(late).toContain('<strong>Running late</strong>');
    expect(late).toContain('The carrier hasn’t shared any updates for several days.');
  });

  it('marks where a split order stands', () => {
    const partly = renderTrackingPage(orderView({ status: 'partially_shipped' }));
    expect(partly).toContain('<li class="current" aria-current="step">Partly shipped</li>');
    const delivered = renderTrackingPage(orderView({ status: 'partially_delivered' }));
    expect(delivered).toContain('<li class="current" aria-current="step">Partly delivered</li>');
    const pickup = renderTrackingPage(
      orderView({
        status: 'available_for_pickup',
        shipments: [shipment({ status: 'available_for_pickup' })],
      }),
    );
    expect(pickup).toContain('<li class="current" aria-current="step">Ready to collect</li>');
    expect(pickup).toContain('<li class="done">Shipped<span class="vh"> (completed)</span></li>');
  });
});

describe('renderTrackingPage: content', () => {
  const html = renderTrackingPage(orderView());

  it('formats the estimated delivery date with Intl in the page language', () => {
    expect(html).toContain('<time datetime="2026-12-08">Tuesday 8 December</time>');
    expect(renderTrackingPage(orderView({ locale: 'pl' }))).toContain(
      '<time datetime="2026-12-08">wtorek, 8 grudnia</time>',
    );
    expect(renderTrackingPage(orderView({ locale: 'ja' }))).toContain(
      '<time datetime="2026-12-08">2026年12月8日(火)</time>',
    );
    const delivered = [shipment({ status: 'delivered' }), shipment({ status: 'delivered' })];
    expect(renderTrackingPage(orderView({ status: 'delivered', shipments: delivered }))).not.toContain(
      'Estimated delivery',
    );
  });

  it("shows each checkpoint at its own place's local time", () => {
    // 2026-12-07T23:30Z at UTC+1 is 00:30 on 8 December, wherever the server or the shopper is.
    expect(html).toContain('<time datetime="2026-12-08T00:30:00+01:00">8 December at 00:30</time>');
    expect(html).toContain('Times are local to where each update happened.');
    const ru = renderTrackingPage(orderView({ locale: 'ru' }));
    expect(ru).toMatch(/<time datetime="2026-12-08T00:30:00\+01:00">8 декабря[^<]*00:30<\/time>/);
  });

  it('says which zone times without their own offset are in', () => {
    const unknown = checkpoints(2).map((cp) => ({ ...cp, utcOffsetMinutes: null }));
    const tokyo = renderTrackingPage(
      orderView({ timeZone: 'Asia/Tokyo', shipments: [shipment({ checkpoints: unknown })] }),
    );
    expect(tokyo).toContain('<time datetime="2026-12-07T23:30:00.000Z">8 December at 08:30</time>');
    expect(tokyo).toContain('Times are shown in Japan Standard Time.');

    const [first, second] = checkpoints(2);
    if (!first || !second) throw new Error('fixture');
    const mixed = renderTrackingPage(
      orderView({
        timeZone: 'Asia/Tokyo',
        shipments: [shipment({ checkpoints: [first, { ...second, utcOffsetMinutes: null }] })],
      }),
    );
    expect(mixed).toContain('unless a time zone is shown');
    expect(mixed).toContain('8 December at 00:30</time>');
    // The second scan, 16:30 UTC, has no offset of its own: 01:30 the next day in Tokyo, with the zone said.
    expect(mixed).toMatch(/8 December at 01:30 \((GMT\+9|JST)\)<\/time>/);
  });

  it('lists checkpoints newest first whatever order they arrive in', () => {
    const oldestFirst = [...checkpoints(3)].reverse();
    const page = renderTrackingPage(orderView({ shipments: [shipment({ checkpoints: oldestFirst })] }));
    const times = tags(page, 'time')
      .map((t) => t.datetime ?? '')
      .filter((d) => d.includes('T'));
    expect(times).toEqual([...times].sort().reverse());
  });

  it('shows places at city level only, with the country named in the page language', () => {
    const [scan] = checkpoints(1);
    if (!scan) throw new Error('fixture');
    const cp = { ...scan, city: '02-495 WARSZAWA', countryCode: 'pl' };
    const page = renderTrackingPage(
      orderView({ locale: 'ja', shipments: [shipment({ checkpoints: [cp] })] }),
    );
    expect(page).toContain('ポーランド WARSZAWA');
    expect(page).not.toContain('02-495');
    const noCity = renderTrackingPage(
      orderView({ shipments: [shipment({ checkpoints: [{ ...cp, city: null, countryCode: 'JP' }] })] }),
    );
    expect(noCity).toContain('<p class="muted">Japan</p>');
  });

  it("shows every parcel of a split order with its carrier's link and number", () => {
    expect(html).toContain('<h2 id="parcel-1">Parcel 1 of 2</h2>');
    expect(html).toContain('<h2 id="parcel-2">Parcel 2 of 2</h2>');
    expect(html).toContain(
      '<a href="https://tracktrace.dpd.com.pl/parcelDetails?p1=1000123456789" rel="noreferrer">Track on the DPD website</a>',
    );
    expect(count(html, 'rel="noreferrer"')).toBe(1); // InPost has no link
    expect(html).toContain('<dd>620000111222333444555666</dd>');
    expect(html).toContain('<li>Merino socks × 3</li>');
    expect(count(html, '<ol class="cps">')).toBe(2);
    expect(count(html, /<li><time datetime="[^"]+">/)).toBe(20);
  });

  it("explains a parcel's substatus where the shopper reads about that parcel", () => {
    const page = renderTrackingPage(
      orderView({
        status: 'delivered',
        shipments: [shipment({ status: 'delivered', substatus: 'left_at_door' })],
      }),
    );
    expect(page).not.toContain('class="note');
    expect(page).toMatch(/<dd>Delivered<\/dd><\/div>\n<\/dl>\n<p>The parcel was left at the door\.<\/p>/);
    // A parcel waiting to be collected has arrived: its estimated date is no longer news.
    const pickup = renderTrackingPage(
      orderView({
        status: 'available_for_pickup',
        shipments: [shipment({ status: 'available_for_pickup' })],
      }),
    );
    expect(pickup).not.toContain('Estimated delivery');
  });

  it('leaves the carrier out when the merchant hides it', () => {
    const page = renderTrackingPage(orderView({ shipments: [shipment({ carrier: null })] }));
    expect(page).not.toContain('DPD');
    expect(page).not.toContain('<dt>Carrier</dt>');
    expect(page).toContain('<h2 id="parcel-1">Delivery details</h2>');
  });

  it("shows the order's items, the merchant's help links and the promotion", () => {
    expect(html).toContain('Trail running shoes<br><span class="muted">Quantity: 1</span>');
    expect(html).toContain('<img src="https://cdn.example.com/acme/shoes.jpg" alt=""');
    expect(html).toContain('<a href="mailto:help@acme.example">help@acme.example</a>');
    expect(html).toContain('<a href="https://acme.example/help">Help centre</a>');
    expect(html).toContain('<a href="https://acme.example/returns">Returns and exchanges</a>');
    expect(html).toContain(
      '<h2 id="promo-h"><a href="https://acme.example/sale">10% off your next order</a></h2>',
    );
    const bare = renderTrackingPage(
      orderView({
        merchant: { ...merchant, supportEmail: null, supportUrl: null, faqLinks: [], promotion: null },
      }),
    );
    expect(bare).not.toContain('Need help?');
    expect(bare).not.toContain('promo-h');
  });

  it("brands the header with the merchant's logo and a readable colour", () => {
    expect(html).toContain(
      '<img src="https://cdn.example.com/acme/logo.png" alt="Acme Outdoor" height="40">',
    );
    expect(html).toContain('--hb:#0f766e;--hf:#ffffff');
    const pale = renderTrackingPage(
      orderView({ merchant: { ...merchant, logoUrl: null, primaryColor: '#fde047' } }),
    );
    expect(pale).toContain('<span class="brand">Acme Outdoor</span>');
    expect(pale).toContain('--hb:#fde047;--hf:#111827');
  });

  it('links to the page in the other languages and to the lookup form', () => {
    const langs = tags(html, 'a').filter((a) => a.hreflang);
    expect(langs.map((a) => [a.href, a.lang])).toEqual([
      ['/t/abc?lang=ru', 'ru'],
      ['/t/abc?lang=ja', 'ja'],
      ['/t/abc?lang=pl', 'pl'],
      ['/t/abc?lang=ms', 'ms'],
    ]);
    expect(html).toContain('<a href="/track">Track another order</a>');
    // The current language is not offered again.
    const withSelf = renderTrackingPage(orderView({ langLinks: [{ locale: 'en', href: '?lang=en' }] }));
    expect(withSelf).not.toContain('hreflang');
  });
});

describe('renderTrackingPage: tracking-number mode', () => {
  it('never shows the order number, items or order details, even when given them', () => {
    const html = renderTrackingPage(
      orderView({
        mode: 'tracking_number',
        orderNumber: 'SECRET-ORDER-77',
        status: 'delivered',
        items: [{ name: 'Secret order item', quantity: 1, imageUrl: 'https://cdn.example.com/secret.jpg' }],
        shipments: [shipment({ items: [{ name: 'Secret parcel item', quantity: 2 }] })],
      }),
    );
    expect(html).not.toContain('SECRET-ORDER-77');
    expect(html).not.toContain('Secret order item');
    expect(html).not.toContain('secret.jpg');
    expect(html).not.toContain('Secret parcel item');
    expect(html).not.toContain('Order number');
    expect(html).not.toContain('Items in your order');
    expect(html).not.toContain('In this parcel');
    // The page is the parcel's: the order's status passed in does not drive it.
    expect(html).toContain('<h1>Your parcel is on its way</h1>');
    expect(html).not.toContain('Ordered');
    // Status and checkpoints are what this mode is for.
    expect(html).toContain('<dd>1000123456789</dd>');
    expect(count(html, /<li><time datetime=/)).toBe(10);
  });
});

describe('renderTrackingPage: safety and shape', () => {
  const evil = '<script>alert(1)</script>';

  it('escapes every value', () => {
    const html = renderTrackingPage(
      orderView({
        orderNumber: evil,
        merchant: {
          ...merchant,
          name: evil,
          logoUrl: null,
          faqLinks: [{ label: evil, url: 'https://acme.example/faq' }],
          promotion: { title: evil, text: evil, url: null, imageUrl: null },
        },
        items: [{ name: evil, quantity: 1, imageUrl: null }],
        shipments: [
          shipment({
            carrier: { name: evil, trackingUrl: 'https://carrier.example/t?a=1&b=2' },
            trackingNumber: evil,
            items: [{ name: evil, quantity: 1 }],
            checkpoints: checkpoints(2).map((cp) => ({ ...cp, text: evil, city: evil })),
          }),
          shipment(),
        ],
      }),
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<title>Your order is on its way – &lt;script&gt;');
    expect(html).toContain('href="https://carrier.example/t?a=1&amp;b=2"');
  });

  it('renders only http(s) links from merchant settings', () => {
    const html = renderTrackingPage(
      orderView({
        merchant: {
          ...merchant,
          logoUrl: 'javascript:alert(1)',
          supportUrl: 'javascript:alert(1)',
          supportEmail: 'not an email',
          faqLinks: [
            { label: 'Bad', url: 'javascript:alert(1)' },
            { label: 'Data', url: 'data:text/html,hi' },
            { label: 'Relative', url: '/returns' },
          ],
          promotion: {
            title: 'Sale',
            text: '',
            url: 'javascript:alert(1)',
            imageUrl: 'data:image/png;base64,AA',
          },
        },
        items: [{ name: 'Shoes', quantity: 1, imageUrl: 'javascript:alert(1)' }],
        shipments: [shipment({ carrier: { name: 'DPD', trackingUrl: 'javascript:alert(1)' } })],
        langLinks: [{ locale: 'ru', href: 'javascript:alert(1)' }],
        lookupUrl: '//evil.example/track',
      }),
    );
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('data:');
    expect(html).not.toContain('evil.example');
    expect(html).not.toContain('Relative');
    expect(html).not.toContain('Need help?');
    expect(html).toContain('<h2 id="promo-h">Sale</h2>');
  });

  it('is a whole accessible document with no JavaScript and nothing loaded but images', () => {
    const html = renderTrackingPage(orderView());
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('<meta name="referrer" content="no-referrer">');
    for (const landmark of ['header', 'main', 'footer']) expect(count(html, `<${landmark}>`)).toBe(1);
    expect(count(html, '<h1>')).toBe(1);
    expect(count(html, '<style>')).toBe(1);
    expect(html).not.toMatch(/<script|<link|@import|url\(|@font-face|\son[a-z]+=/i);
    expect(html).toContain(':focus-visible{outline:3px solid');
    expect(html).toContain('max-width:44rem');
    // Every section is named by a heading that exists.
    for (const section of tags(html, 'section')) {
      expect(html).toContain(`id="${section['aria-labelledby']}"`);
    }
    // Every image says what it is or says it is decoration.
    for (const img of tags(html, 'img')) expect(img).toHaveProperty('alt');
    for (const time of tags(html, 'time')) expect(time.datetime).toMatch(/^\d{4}-\d{2}-\d{2}/);
  });

  it.each(LOCALES)('keeps a two-parcel order with ten checkpoints each small in %s', (locale) => {
    const bytes = Buffer.byteLength(renderTrackingPage(orderView({ locale })));
    expect(bytes).toBeLessThan(50_000);
    expect(bytes).toBeLessThan(30_000);
  });
});
