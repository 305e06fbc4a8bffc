import { describe, expect, it } from 'vitest';
import {
  DELAY_REASONS,
  type DelayReason,
  ORDER_STATUSES,
  type OrderStatus,
  SHIPMENT_STATUSES,
  type ShipmentStatus,
} from '../../domain/status.js';
import { LOCALES, type Locale } from '../../notifications/model.js';
import { CATALOGS } from './i18n.js';
import { type ReplyFacts, type ReplyShipment, suggestReply } from './suggest-reply.js';

// Facts are fixed in time: "now" is 11:00 on Tuesday 8 December 2026 in Warsaw, the shopper's zone; the
// parcel was last scanned in Leipzig at 14:05 Warsaw time the day before and is expected on Wednesday.

const NOW = new Date('2026-12-08T10:00:00Z');
const ZONE = 'Europe/Warsaw';
const ORDER = 'NW-1001';
const URL = 'https://track.example/t/abc123';
const TRACKING = 'JD014600006281230701';
const CHECKPOINT_AT = '2026-12-07T13:05:00Z';
const EXPECTED = '2026-12-09';

function shipment(overrides: Partial<ReplyShipment> = {}): ReplyShipment {
  return {
    carrierName: 'DHL Express',
    trackingNumber: TRACKING,
    status: 'in_transit',
    delayed: false,
    delayReason: null,
    lastCheckpoint: { at: CHECKPOINT_AT, city: 'Leipzig', region: 'Saxony', countryCode: 'DE' },
    expected: { date: EXPECTED, kind: 'carrier', windowStart: null, windowEnd: null },
    deliveredAt: null,
    ...overrides,
  };
}

function facts(overrides: Partial<ReplyFacts> = {}): ReplyFacts {
  return {
    locale: 'en',
    merchantLocale: null,
    timeZone: ZONE,
    customerName: 'Anna',
    orderNumber: ORDER,
    orderStatus: 'in_transit',
    merchantName: 'Northwind',
    trackingUrl: URL,
    supportEmail: 'help@northwind.example',
    promisedDate: null,
    shipments: [shipment()],
    now: NOW,
    ...overrides,
  };
}

/** The order status a single parcel in that state gives its order (DESIGN.md's order journey). */
const ORDER_STATUS_FOR: Record<ShipmentStatus, OrderStatus> = {
  pending: 'shipped',
  info_received: 'shipped',
  in_transit: 'in_transit',
  out_for_delivery: 'out_for_delivery',
  available_for_pickup: 'available_for_pickup',
  attempt_failed: 'attempt_failed',
  delivered: 'delivered',
  exception: 'exception',
  returning: 'exception',
  returned: 'returned',
  cancelled: 'cancelled',
  expired: 'exception',
};

/** Statuses whose reply gives the estimated date, as the tracking page does; after delivery it is noise. */
const STATES_ETA: ReadonlySet<ShipmentStatus> = new Set([
  'pending',
  'info_received',
  'in_transit',
  'out_for_delivery',
  'attempt_failed',
  'exception',
]);

// Formatted here with Intl directly, the way the reply formats, so a wrong option in the code shows up.
const INTL: Record<Locale, string> = { en: 'en-GB', ru: 'ru', ja: 'ja', pl: 'pl', ms: 'ms' };

function longDate(ymd: string, locale: Locale): string {
  const options: Intl.DateTimeFormatOptions =
    locale === 'ja'
      ? { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' }
      : { weekday: 'long', day: 'numeric', month: 'long' };
  return new Intl.DateTimeFormat(INTL[locale], { ...options, timeZone: 'UTC' }).format(
    new Date(`${ymd}T00:00:00Z`),
  );
}

function dateTime(iso: string, locale: Locale, timeZone = ZONE): string {
  return new Intl.DateTimeFormat(INTL[locale], {
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));
}

function clock(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL[locale], { hour: '2-digit', minute: '2-digit', timeZone: ZONE }).format(
    new Date(iso),
  );
}

function country(code: string, locale: Locale): string {
  return new Intl.DisplayNames(INTL[locale], { type: 'region' }).of(code) ?? code;
}

/** Fills a catalog text the way i18next does, for expectations built from the catalogs. */
function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));
}

/** Words or script only that language's reply has, checked on the body so the catalogs' sign-off can't pass it. */
const MARKERS: Record<Locale, RegExp> = {
  en: /\b(?:parcel|order)\b/,
  ru: /[а-яё]{3,}/i,
  ja: /[\u3040-\u30ff]/,
  pl: /przesyłk|zamówieni/i,
  ms: /\b(?:bungkusan|pesanan)\b/i,
};

function body(text: string): string {
  // The greeting and the sign-off are left out: the language must show in what the reply actually says.
  return text.split('\n\n').slice(1, -2).join('\n\n');
}

function expectLanguage(text: string, locale: Locale, label: string): void {
  expect(body(text), label).toMatch(MARKERS[locale]);
  for (const other of LOCALES) {
    if (other !== locale) expect(body(text), `${label} reads as ${other}`).not.toMatch(MARKERS[other]);
  }
}

/** Nothing left over from templates or from missing values, and no sentence with a hole in it. */
function expectTidy(text: string, label: string): void {
  expect(text, label).not.toMatch(/\{\{|\}\}|\$t\(/);
  expect(text, label).not.toMatch(/undefined|null|NaN|\[object|Invalid Date/);
  // Internal vocabulary (edd_passed, out_for_delivery, carrier_reported) never reaches the shopper.
  expect(text, label).not.toMatch(/[a-z]+_[a-z]+/);
  expect(text, label).not.toMatch(/\n{3,}/);
  expect(text, label).not.toMatch(/ {2,}/);
  expect(text, label).not.toMatch(/ [.,:;!?。、]/);
  expect(text, label).not.toMatch(/\(\s*\)|（\s*）|: *[.。]|, *[.。]|[.。] *[.。]/);
  for (const line of text.split('\n')) {
    expect(line, label).toBe(line.trim());
    if (line) expect(line, label).toMatch(/[\p{L}\p{N}]/u);
  }
  for (const paragraph of text.split('\n\n')) expect(paragraph.trim(), label).not.toBe('');
}

describe('suggestReply: every parcel status in every language', () => {
  describe.each(LOCALES)('%s', (locale) => {
    it.each(SHIPMENT_STATUSES)('%s', (status) => {
      const orderStatus = ORDER_STATUS_FOR[status];
      const reply = suggestReply(
        facts({
          locale,
          orderStatus,
          shipments: [shipment({ status, deliveredAt: status === 'delivered' ? CHECKPOINT_AT : null })],
        }),
      );
      const label = `${locale}/${status}`;
      expect(reply.locale).toBe(locale);
      expectLanguage(reply.text, locale, label);
      expectTidy(reply.text, label);
      expectTidy(reply.subject, label);
      expect(reply.subject, label).toContain(ORDER);
      expect(reply.text, label).toContain(ORDER);
      expect(reply.text, label).toContain(TRACKING);
      expect(reply.text, label).toContain('DHL Express');
      expect(reply.text, label).toContain(
        fill(CATALOGS[locale].status[status], { parcel: CATALOGS[locale].parcel.yours }),
      );
      // Pending means nothing from the carrier yet, so no place is claimed; every other state says where.
      if (status === 'pending') expect(reply.text, label).not.toContain('Leipzig');
      else expect(reply.text, label).toContain(`Leipzig`);
      if (status !== 'pending') expect(reply.text, label).toContain(country('DE', locale));
      if (status !== 'pending') expect(reply.text, label).toContain(dateTime(CHECKPOINT_AT, locale));
      if (STATES_ETA.has(status)) expect(reply.text, label).toContain(longDate(EXPECTED, locale));
      else expect(reply.text, label).not.toContain(longDate(EXPECTED, locale));
      // A cancelled order has nothing left to follow; every other reply links the tracking page.
      if (orderStatus === 'cancelled') expect(reply.text, label).not.toContain(URL);
      else expect(reply.text, label).toContain(URL);
      expect(reply.text, label).toContain('help@northwind.example');
      expect(reply.text, label).toContain('Northwind');
    });
  });
});

describe('suggestReply: delays, by reason, in every language', () => {
  const REASONS: (DelayReason | null)[] = [...DELAY_REASONS, null];

  describe.each(LOCALES)('%s', (locale) => {
    it.each(REASONS)('reason %s, with a new estimate still ahead', (reason) => {
      const reply = suggestReply(
        facts({
          locale,
          orderStatus: 'delayed',
          shipments: [shipment({ delayed: true, delayReason: reason })],
        }),
      );
      const label = `${locale}/${reason}`;
      const catalog = CATALOGS[locale];
      expectLanguage(reply.text, locale, label);
      expectTidy(reply.text, label);
      expect(reply.subject, label).toContain(catalog.subject.state.delayed);
      expect(reply.text, label).toContain(ORDER);
      expect(reply.text, label).toContain('Leipzig');
      expect(reply.text, label).toContain(URL);
      expect(reply.text, label).toContain(catalog.delay[reason ?? 'unknown']);
      expect(reply.text, label).toContain(catalog.delay.watching);
      // The estimate is still ahead, so it is given as the date to expect now.
      expect(reply.text, label).toContain(fill(catalog.eta.carrier, { date: longDate(EXPECTED, locale) }));
    });

    it.each(REASONS)('reason %s, with the estimate already passed', (reason) => {
      const passed = '2026-12-07';
      const reply = suggestReply(
        facts({
          locale,
          orderStatus: 'delayed',
          shipments: [
            shipment({
              delayed: true,
              delayReason: reason,
              expected: { date: passed, kind: 'predicted', windowStart: null, windowEnd: null },
            }),
          ],
        }),
      );
      const label = `${locale}/${reason}/passed`;
      const catalog = CATALOGS[locale];
      const date = longDate(passed, locale);
      expectLanguage(reply.text, locale, label);
      expectTidy(reply.text, label);
      expect(reply.text, label).toContain(date);
      // A passed date is never the date it "should arrive" on.
      expect(reply.text, label).not.toContain(fill(catalog.eta.predicted, { date }));
      if (reason === 'edd_passed') {
        expect(reply.text, label).toContain(fill(catalog.delay.edd_passed_date, { date }));
        expect(reply.text, label).not.toContain(fill(catalog.eta.passed, { date }));
      } else {
        expect(reply.text, label).toContain(catalog.delay[reason ?? 'unknown']);
        expect(reply.text, label).toContain(fill(catalog.eta.passed, { date }));
      }
    });
  });

  it('ignores the delay flag once the parcel is delivered, returned or stopped', () => {
    for (const status of ['delivered', 'returned', 'cancelled', 'expired', 'available_for_pickup'] as const) {
      const reply = suggestReply(
        facts({ shipments: [shipment({ status, delayed: true, delayReason: 'stalled' })] }),
      );
      expect(reply.text, status).not.toContain(CATALOGS.en.delay.stalled);
      expect(reply.text, status).not.toContain(CATALOGS.en.delay.watching);
    }
  });
});

describe('suggestReply: before anything has shipped', () => {
  describe.each(LOCALES)('%s', (locale) => {
    it.each(['ordered', 'confirmed', 'packed'] as const)('%s', (orderStatus) => {
      const promised = '2026-12-14';
      const reply = suggestReply(facts({ locale, orderStatus, shipments: [], promisedDate: promised }));
      const catalog = CATALOGS[locale];
      const label = `${locale}/${orderStatus}`;
      expectLanguage(reply.text, locale, label);
      expectTidy(reply.text, label);
      expect(reply.subject, label).toContain(ORDER);
      expect(reply.text, label).toContain(ORDER);
      expect(reply.text, label).toContain(catalog.order[orderStatus]);
      expect(reply.text, label).toContain(catalog.order.trackingSoon);
      expect(reply.text, label).toContain(fill(catalog.eta.promised, { date: longDate(promised, locale) }));
      expect(reply.text, label).toContain(URL);
      expect(reply.text, label).not.toContain(catalog.ref.plain.split(/[:：]/)[0] ?? '');
    });

    it('a cancelled order says so and offers no tracking link', () => {
      const reply = suggestReply(facts({ locale, orderStatus: 'cancelled', shipments: [] }));
      expectLanguage(reply.text, locale, locale);
      expectTidy(reply.text, locale);
      expect(reply.text).toContain(CATALOGS[locale].order.cancelled);
      expect(reply.text).not.toContain(URL);
      expect(reply.text).not.toContain(CATALOGS[locale].order.trackingSoon);
    });

    it('an order past packing without shipments says tracking is not there yet', () => {
      const reply = suggestReply(facts({ locale, orderStatus: 'shipped', shipments: [] }));
      expectTidy(reply.text, locale);
      expect(reply.text).toContain(CATALOGS[locale].order.noTracking);
    });
  });

  it('says nothing of a promised date that has already passed', () => {
    const reply = suggestReply(
      facts({ orderStatus: 'confirmed', shipments: [], promisedDate: '2026-12-01' }),
    );
    expect(reply.text).not.toContain(longDate('2026-12-01', 'en'));
    expect(reply.text).not.toContain('delivery date given');
  });
});

describe('suggestReply: a split order', () => {
  const second = shipment({
    carrierName: 'InPost',
    trackingNumber: '520000012345678901234567',
    status: 'delivered',
    lastCheckpoint: { at: '2026-12-06T09:12:00Z', city: 'Poznań', region: null, countryCode: 'PL' },
    expected: null,
    deliveredAt: '2026-12-06T09:12:00Z',
  });

  it.each(LOCALES)('tells each parcel apart in %s', (locale) => {
    const reply = suggestReply(
      facts({ locale, orderStatus: 'partially_delivered', shipments: [shipment(), second] }),
    );
    const catalog = CATALOGS[locale];
    expectLanguage(reply.text, locale, locale);
    expectTidy(reply.text, locale);
    expect(reply.text).toContain(ORDER);
    expect(reply.text).toContain(catalog.order.split);
    for (const index of [1, 2])
      expect(reply.text).toContain(fill(catalog.parcel.countOf, { index, total: 2 }));
    // No parcel is spoken of as if it were the whole order.
    const single = fill(catalog.status.in_transit, { parcel: catalog.parcel.yours });
    expect(reply.text.split('\n')).not.toContain(single);
    expect(reply.text).toContain(TRACKING);
    expect(reply.text).toContain('520000012345678901234567');
    expect(reply.text).toContain('Leipzig');
    expect(reply.text).toContain('Poznań');
    expect(reply.text).toContain(longDate(EXPECTED, locale));
    expect(reply.text).toContain(dateTime('2026-12-06T09:12:00Z', locale));
    expect(reply.text).toContain(catalog.next.delivered);
    expect(reply.text).toContain(URL);
    // Parcel 1 comes before parcel 2.
    expect(reply.text.indexOf(TRACKING)).toBeLessThan(reply.text.indexOf('520000012345678901234567'));
  });

  it('numbers parcels without a total while part of the order is unshipped', () => {
    const reply = suggestReply(facts({ orderStatus: 'partially_shipped', shipments: [shipment(), second] }));
    expect(reply.text).toContain(CATALOGS.en.order.partially_shipped);
    expect(reply.text).toContain('Parcel 1 is on its way.');
    expect(reply.text).toContain('Parcel 2 has been delivered');
    expect(reply.text).not.toContain('of 2');
  });
});

describe('suggestReply: every order status has a subject', () => {
  it.each(LOCALES)('%s', (locale) => {
    for (const orderStatus of ORDER_STATUSES) {
      const reply = suggestReply(facts({ locale, orderStatus }));
      expect(reply.subject, orderStatus).toContain(CATALOGS[locale].subject.state[orderStatus]);
      expect(reply.subject, orderStatus).toContain(ORDER);
      expect(reply.subject, orderStatus).toContain('Northwind');
      expectTidy(reply.subject, orderStatus);
    }
  });
});

describe('suggestReply: language', () => {
  it('keeps only the language of the tag', () => {
    expect(suggestReply(facts({ locale: 'ja-JP' })).locale).toBe('ja');
    expect(suggestReply(facts({ locale: 'ms_MY' })).locale).toBe('ms');
    expect(suggestReply(facts({ locale: 'RU' })).locale).toBe('ru');
  });

  it("falls back to the merchant's language, then English", () => {
    const de = suggestReply(facts({ locale: 'de', merchantLocale: 'pl-PL' }));
    expect(de.locale).toBe('pl');
    expectLanguage(de.text, 'pl', 'de→pl');
    expect(suggestReply(facts({ locale: 'de', merchantLocale: null })).locale).toBe('en');
    expect(suggestReply(facts({ locale: 'pt-BR', merchantLocale: null })).locale).toBe('en');
    expect(suggestReply(facts({ locale: 'pt-BR', merchantLocale: 'fr-FR' })).locale).toBe('en');
    const english = suggestReply(facts({ locale: 'pt-BR', merchantLocale: 'de-DE' }));
    expectLanguage(english.text, 'en', 'pt-BR→en');
    expect(suggestReply(facts({ locale: '', merchantLocale: 'ms' })).locale).toBe('ms');
  });
});

describe('suggestReply: missing facts are left out, never guessed', () => {
  it.each(LOCALES)('a bare parcel in %s: no name, checkpoint, estimate, carrier, link or email', (locale) => {
    const reply = suggestReply(
      facts({
        locale,
        customerName: '  ',
        trackingUrl: null,
        supportEmail: null,
        shipments: [shipment({ carrierName: null, lastCheckpoint: null, expected: null })],
      }),
    );
    const catalog = CATALOGS[locale];
    expectTidy(reply.text, locale);
    expectLanguage(reply.text, locale, locale);
    expect(reply.text.startsWith(catalog.greeting.anonymous)).toBe(true);
    expect(reply.text).toContain(fill(catalog.ref.plain, { tracking: TRACKING }));
    expect(reply.text).toContain(catalog.closing.reply);
    for (const key of ['placeTime', 'place', 'time'] as const) {
      expect(reply.text).not.toContain(catalog.where[key].split('{{')[0]);
    }
    expect(reply.text).not.toContain(catalog.eta.carrier.split('{{')[0]);
    expect(reply.text).not.toContain('DHL');
    expect(reply.text).not.toContain(catalog.closing.track.split('{{')[0]);
  });

  it('says only what a checkpoint has: place without time, time without place, region or country alone', () => {
    const at = (cp: ReplyShipment['lastCheckpoint']) =>
      suggestReply(facts({ shipments: [shipment({ lastCheckpoint: cp })] })).text;
    expect(at({ at: 'yesterday', city: 'Leipzig', region: null, countryCode: 'DE' })).toContain(
      'The carrier’s latest update came from Leipzig, Germany.',
    );
    expect(at({ at: CHECKPOINT_AT, city: null, region: null, countryCode: null })).toContain(
      `The carrier’s latest update was on ${dateTime(CHECKPOINT_AT, 'en')}.`,
    );
    expect(at({ at: CHECKPOINT_AT, city: null, region: 'Bavaria', countryCode: 'DE' })).toContain(
      `from Bavaria, Germany on ${dateTime(CHECKPOINT_AT, 'en')}.`,
    );
    expect(at({ at: CHECKPOINT_AT, city: ' ', region: null, countryCode: 'de' })).toContain(
      'from Germany on',
    );
    // A postcode in the city field is dropped, as on the tracking page.
    expect(at({ at: CHECKPOINT_AT, city: '02-495 WARSZAWA', region: null, countryCode: 'PL' })).toContain(
      'from WARSZAWA, Poland on',
    );
    const nothing = at({ at: 'soon', city: null, region: null, countryCode: '??' });
    expect(nothing).not.toContain('latest update');
    expectTidy(nothing, 'empty checkpoint');
  });

  it('drops an estimate that is not a calendar date, and reads times in UTC when the zone is unknown', () => {
    const bad = suggestReply(
      facts({
        shipments: [
          shipment({ expected: { date: '2026-02-30', kind: 'carrier', windowStart: null, windowEnd: null } }),
        ],
      }),
    );
    expect(bad.text).not.toContain('expects to deliver');
    expectTidy(bad.text, 'bad date');
    const mars = suggestReply(facts({ timeZone: 'Mars/Olympus' }));
    expect(mars.text).toContain(dateTime(CHECKPOINT_AT, 'en', 'UTC'));
  });

  it('keeps free text on one line', () => {
    const reply = suggestReply(
      facts({ customerName: 'Anna\nKowalska', shipments: [shipment({ carrierName: 'DHL\nExpress' })] }),
    );
    expect(reply.text.startsWith('Hi Anna Kowalska,\n\n')).toBe(true);
    expect(reply.text).toContain('(DHL Express)');
  });
});

describe('suggestReply: what happens next depends on the facts', () => {
  it('says "today" for out for delivery only when the scan is from the shopper’s today', () => {
    const ofd = (at: string, expected: ReplyShipment['expected'] = null) =>
      suggestReply(
        facts({
          orderStatus: 'out_for_delivery',
          shipments: [
            shipment({
              status: 'out_for_delivery',
              lastCheckpoint: { at, city: 'Kraków', region: null, countryCode: 'PL' },
              expected,
            }),
          ],
        }),
      ).text;
    // 23:30 UTC on 7 December is 00:30 on 8 December in Warsaw: today for the shopper.
    expect(ofd('2026-12-07T23:30:00Z')).toContain(CATALOGS.en.next.out_for_delivery_today);
    const stale = ofd('2026-12-07T22:30:00Z');
    expect(stale).toContain(CATALOGS.en.next.out_for_delivery_stale);
    expect(stale).not.toContain('today');
    // The carrier's estimate for today agrees; one for a later day is stated as the carrier's, without "today".
    const window = {
      kind: 'carrier' as const,
      windowStart: '2026-12-08T13:00:00Z',
      windowEnd: '2026-12-08T15:00:00Z',
    };
    const agreed = ofd('2026-12-08T07:00:00Z', { date: '2026-12-08', ...window });
    expect(agreed).toContain(CATALOGS.en.next.out_for_delivery_today);
    expect(agreed).toContain('The carrier’s delivery window is 14:00 to 16:00.');
    expect(agreed).not.toContain('expects to deliver it on');
    const later = ofd('2026-12-08T07:00:00Z', {
      date: EXPECTED,
      kind: 'carrier',
      windowStart: null,
      windowEnd: null,
    });
    expect(later).toContain(`The carrier expects to deliver it on ${longDate(EXPECTED, 'en')}.`);
    expect(later).toContain(CATALOGS.en.next.out_for_delivery);
    expect(later).not.toContain('today');
    const unknown = suggestReply(
      facts({ shipments: [shipment({ status: 'out_for_delivery', lastCheckpoint: null })] }),
    ).text;
    expect(unknown).toContain(CATALOGS.en.next.out_for_delivery);
    expect(unknown).not.toContain('today');
  });

  it("gives the carrier's delivery window as clock times on the estimated day", () => {
    const reply = suggestReply(
      facts({
        shipments: [
          shipment({
            expected: {
              date: EXPECTED,
              kind: 'carrier',
              windowStart: '2026-12-09T08:00:00Z',
              windowEnd: '2026-12-09T11:00:00Z',
            },
          }),
        ],
      }),
    );
    expect(reply.text).toContain('The carrier’s delivery window is 09:00 to 12:00.');
    for (const locale of LOCALES) {
      const text = suggestReply(
        facts({
          locale,
          shipments: [
            shipment({
              expected: {
                date: EXPECTED,
                kind: 'carrier',
                windowStart: '2026-12-09T08:00:00Z',
                windowEnd: null,
              },
            }),
          ],
        }),
      ).text;
      expect(text, locale).toContain(clock('2026-12-09T08:00:00Z', locale));
    }
  });

  it('names whose estimate it is', () => {
    const kind = (k: 'carrier' | 'predicted' | 'promised') =>
      suggestReply(
        facts({
          shipments: [
            shipment({ expected: { date: EXPECTED, kind: k, windowStart: null, windowEnd: null } }),
          ],
        }),
      ).text;
    const date = longDate(EXPECTED, 'en');
    expect(kind('carrier')).toContain(`The carrier expects to deliver it on ${date}.`);
    expect(kind('predicted')).toContain(
      `We expect it to arrive on ${date}, based on recent deliveries on this route.`,
    );
    expect(kind('promised')).toContain(`The delivery date given when you ordered is ${date}.`);
  });

  it('calls a passed estimate history, not a promise', () => {
    const reply = suggestReply(
      facts({
        shipments: [
          shipment({ expected: { date: '2026-12-07', kind: 'carrier', windowStart: null, windowEnd: null } }),
        ],
      }),
    );
    expect(reply.text).toContain(`It was expected on ${longDate('2026-12-07', 'en')}.`);
    expect(reply.text).not.toContain('expects to deliver');
  });

  it('sends the shopper to the carrier after a failed attempt only when the carrier is shown', () => {
    const shown = suggestReply(
      facts({ orderStatus: 'attempt_failed', shipments: [shipment({ status: 'attempt_failed' })] }),
    );
    expect(shown.text).toContain(
      'You can also arrange a new delivery or a collection directly with DHL Express, using the tracking number above.',
    );
    const hidden = suggestReply(
      facts({
        orderStatus: 'attempt_failed',
        shipments: [shipment({ status: 'attempt_failed', carrierName: null })],
      }),
    );
    expect(hidden.text).toContain(CATALOGS.en.rearrange.us);
    expect(hidden.text).not.toContain('DHL');
  });

  it('places a delivery only when the checkpoint is the delivery scan', () => {
    const elsewhere = suggestReply(
      facts({
        orderStatus: 'delivered',
        shipments: [shipment({ status: 'delivered', deliveredAt: '2026-12-08T08:00:00Z' })],
      }),
    );
    expect(elsewhere.text).toContain(
      `The carrier recorded the delivery on ${dateTime('2026-12-08T08:00:00Z', 'en')}.`,
    );
    expect(elsewhere.text).not.toContain('Leipzig');
  });
});

// The English wording, whole, so that a change to it is a reviewed change.
describe('suggestReply: English wording', () => {
  it('in transit with the carrier’s estimate', () => {
    const reply = suggestReply(facts());
    expect(reply.subject).toBe('Update on your Northwind order NW-1001: on its way');
    expect(reply.text).toBe(
      [
        'Hi Anna,',
        '',
        'Thank you for getting in touch about your order NW-1001.',
        '',
        'Your parcel is on its way.',
        `Tracking number: ${TRACKING} (DHL Express)`,
        `The carrier’s latest update came from Leipzig, Germany on 7 December at 14:05. The carrier expects to deliver it on ${longDate(EXPECTED, 'en')}. Next, the carrier will take it out for delivery.`,
        '',
        `You can follow your order at any time here: ${URL}`,
        'If you have any other questions, just reply to this message or write to us at help@northwind.example.',
        '',
        'Kind regards,',
        'The Northwind team',
      ].join('\n'),
    );
  });

  it('delivered, to a shopper whose name we do not have', () => {
    const reply = suggestReply(
      facts({
        customerName: null,
        supportEmail: null,
        orderStatus: 'delivered',
        shipments: [shipment({ status: 'delivered', deliveredAt: CHECKPOINT_AT })],
      }),
    );
    expect(reply.subject).toBe('Update on your Northwind order NW-1001: delivered');
    expect(reply.text).toBe(
      [
        'Hello,',
        '',
        'Thank you for getting in touch about your order NW-1001.',
        '',
        'Your parcel has been delivered, according to the carrier.',
        `Tracking number: ${TRACKING} (DHL Express)`,
        'The carrier recorded the delivery in Leipzig, Germany on 7 December at 14:05. If you can’t find it, please check around your door, any safe place the driver may have used, and with your neighbours. If it still hasn’t turned up, just reply to this message and we’ll look into it with the carrier.',
        '',
        `You can follow your order at any time here: ${URL}`,
        'If you have any other questions, just reply to this message.',
        '',
        'Kind regards,',
        'The Northwind team',
      ].join('\n'),
    );
  });

  it('delayed with no scans for days', () => {
    const reply = suggestReply(
      facts({
        orderStatus: 'delayed',
        shipments: [shipment({ delayed: true, delayReason: 'stalled', expected: null })],
      }),
    );
    expect(reply.text).toContain(
      [
        'Your parcel is on its way.',
        `Tracking number: ${TRACKING} (DHL Express)`,
        'The carrier’s latest update came from Leipzig, Germany on 7 December at 14:05. Unfortunately, the carrier hasn’t shared any new updates for several days. We’re sorry for the wait. We’re keeping a close eye on it and will let you know as soon as there’s news. Next, the carrier will take it out for delivery.',
      ].join('\n'),
    );
  });
});

describe('reply catalogs', () => {
  type Tree = { [key: string]: string | Tree };

  function flatten(tree: Tree, prefix = ''): Map<string, string> {
    const out = new Map<string, string>();
    for (const [key, value] of Object.entries(tree)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (typeof value === 'string') out.set(path, value);
      else for (const [k, v] of flatten(value, path)) out.set(k, v);
    }
    return out;
  }

  const placeholders = (text: string) =>
    [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
  const english = flatten(CATALOGS.en);

  it.each(LOCALES)('%s has exactly the English keys', (locale) => {
    const keys = [...flatten(CATALOGS[locale]).keys()].sort();
    // Both ways: nothing missing from the translation, nothing in it that English lacks.
    expect(keys.filter((k) => !english.has(k))).toEqual([]);
    expect([...english.keys()].filter((k) => !keys.includes(k))).toEqual([]);
  });

  it.each(LOCALES)('%s has no empty or untrimmed texts and no markup', (locale) => {
    for (const [key, text] of flatten(CATALOGS[locale])) {
      expect(text.trim(), `${locale}:${key}`).not.toBe('');
      expect(text, `${locale}:${key}`).toBe(text.trim());
      expect(text, `${locale}:${key}`).not.toMatch(/[<>]|&[a-z]+;/);
      expect(text, `${locale}:${key}`).not.toContain('\n');
    }
  });

  it.each(LOCALES)('%s uses the same placeholders as English in every text', (locale) => {
    for (const [key, text] of flatten(CATALOGS[locale])) {
      expect(placeholders(text), `${locale}:${key}`).toEqual(placeholders(english.get(key) ?? ''));
    }
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s is translated, not English left in place', (locale) => {
    const same = [...flatten(CATALOGS[locale])].filter(([key, text]) => english.get(key) === text);
    // Only pure formats ("{{city}}, {{country}}") may be the same in another language.
    expect(same.map(([key]) => key).filter((key) => key !== 'where.cityCountry')).toEqual([]);
  });

  it('opens every parcel sentence with the parcel, so one text fits single and split orders', () => {
    for (const locale of LOCALES) {
      for (const [status, text] of Object.entries(CATALOGS[locale].status)) {
        expect(text.startsWith('{{parcel}}'), `${locale}:${status}`).toBe(true);
      }
    }
  });

  it('has Japanese addressed with 様 and written in です/ます', () => {
    expect(CATALOGS.ja.greeting.named).toContain('様');
    for (const [key, text] of flatten(CATALOGS.ja)) {
      if (text.endsWith('。'))
        expect(text, key).toMatch(/(?:です|ます|ました|ません|ください|ございます|でした)[）)]?。$/);
    }
  });

  it('has Russian addressing the shopper with a capitalised Вы', () => {
    for (const [key, text] of flatten(CATALOGS.ru))
      expect(text, key).not.toMatch(/(?:^|[^\p{L}])(?:вы|вас|вам|ваш\p{L}*)(?!\p{L})/u);
  });
});
