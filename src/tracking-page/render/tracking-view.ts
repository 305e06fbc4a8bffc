import type { DelayReason, OrderStatus, ShipmentStatus } from '../../domain/status.js';
import type { Locale } from '../../notifications/model.js';
import { safeHttpUrl } from '../../notifications/render/brand.js';
import { countryName, formatCalendarDate } from '../../notifications/render/format.js';
import { EXPLAINED_SUBSTATUSES, type Notice as NoticeKind } from './catalogs/shape.js';
import {
  type Chrome,
  type Help,
  helpOf,
  type Link,
  merchantChrome,
  pageHref,
  promotionOf,
} from './chrome.js';
import { type Translate, translator } from './i18n.js';
import { type Journey, orderJourney, parcelJourney } from './journey.js';
import { checkpointTime, knownZone, zoneName } from './time.js';
import type { PageCheckpoint, PageShipment, TrackingPageView } from './types.js';

// Everything the tracking page says, translated and formatted, so the template only lays it out. The mode
// is enforced here: in tracking_number mode nothing about the order is even put into the model.

export interface Fact {
  label: string;
  value: string;
  /** For <time datetime> when the value is a date. */
  datetime: string | null;
}

export interface NoticeModel {
  tone: 'info' | 'warn' | 'bad';
  /** Null when the page's heading already says it (the order's own side state). */
  title: string | null;
  lines: string[];
}

export interface CheckpointModel {
  time: { text: string; datetime: string } | null;
  text: string;
  place: string | null;
}

export interface ParcelModel {
  id: string;
  heading: string;
  facts: Fact[];
  detail: string | null;
  carrierLink: Link | null;
  contents: { title: string; lines: string[] } | null;
  history: { title: string; note: string | null; empty: string; checkpoints: CheckpointModel[] };
}

export interface TrackingModel extends Chrome {
  heading: string;
  notices: NoticeModel[];
  facts: Fact[];
  journey: {
    title: string;
    doneText: string;
    steps: { label: string; state: 'done' | 'current' | 'todo' }[];
  } | null;
  parcels: ParcelModel[];
  items: {
    title: string;
    /** Items without a picture keep an empty square when others have one, so the names line up. */
    pictures: boolean;
    lines: { name: string; quantity: string; imageUrl: string | null }[];
  } | null;
  promo: ReturnType<typeof promotionOf>;
  help: Help | null;
}

const EXPLAINED: ReadonlySet<string> = new Set(EXPLAINED_SUBSTATUSES);

/** Order states told in a notice above the journey. */
const ORDER_NOTICE: Partial<Record<OrderStatus, NoticeKind>> = {
  attempt_failed: 'attempt_failed',
  available_for_pickup: 'available_for_pickup',
  exception: 'exception',
  returned: 'returned',
  cancelled: 'cancelled',
};

const SHIPMENT_NOTICE: Partial<Record<ShipmentStatus, NoticeKind>> = {
  attempt_failed: 'attempt_failed',
  available_for_pickup: 'available_for_pickup',
  exception: 'exception',
  returning: 'returning',
  returned: 'returned',
  cancelled: 'shipment_cancelled',
  expired: 'expired',
};

const TONE: Record<NoticeKind, NoticeModel['tone']> = {
  attempt_failed: 'warn',
  available_for_pickup: 'info',
  exception: 'bad',
  returning: 'warn',
  returned: 'warn',
  cancelled: 'bad',
  shipment_cancelled: 'bad',
  expired: 'warn',
};

/** States in which an estimated date is no longer news: it arrived (at the door or to collect), or never will. */
const NO_EDD_ORDER: ReadonlySet<OrderStatus> = new Set([
  'available_for_pickup',
  'delivered',
  'returned',
  'cancelled',
]);
const NO_EDD_SHIPMENT: ReadonlySet<ShipmentStatus> = new Set([
  'available_for_pickup',
  'delivered',
  'returning',
  'returned',
  'cancelled',
  'expired',
]);

/** The page's heading already names the side state, so its notice adds only what to know and do. */
function sideNotice(kind: NoticeKind, t: Translate, detail: string | null): NoticeModel {
  return { tone: TONE[kind], title: null, lines: [...(detail ? [detail] : []), t(`notice.${kind}`)] };
}

/** Titled unless the heading already says the order is delayed: a delay may come with any other state. */
function delayNotice(
  delay: { reason: DelayReason } | null,
  t: Translate,
  titled: boolean,
  detail: string | null,
): NoticeModel {
  return {
    tone: 'warn',
    title: titled ? t('delay.title') : null,
    lines: [
      t('delay.lead'),
      ...(detail ? [detail] : []),
      ...(delay ? [t(`delay.${delay.reason}`)] : []),
      t('delay.watching'),
    ],
  };
}

function explained(substatus: string | null, t: Translate): string | null {
  return substatus && EXPLAINED.has(substatus) ? t(`detail.${substatus}`) : null;
}

/** An estimated date as a fact; a passed date is labelled as the original estimate, never as still expected. */
function eddFact(
  edd: string | null,
  delay: { reason: DelayReason } | null,
  locale: Locale,
  t: Translate,
  labelKey: string,
): Fact | null {
  if (!edd) return null;
  const value = formatCalendarDate(edd, locale, 'long');
  if (!value) return null;
  return { label: t(delay?.reason === 'edd_passed' ? 'summary.eddPassed' : labelKey), value, datetime: edd };
}

/**
 * City and country only. Carriers sometimes put a postal code into the city field ("02-495 WARSZAWA",
 * "PARIS 15"), so words with digits are dropped: the page never shows more than the town.
 */
function place(cp: PageCheckpoint, locale: Locale, t: Translate): string | null {
  const city =
    cp.city
      ?.split(/\s+/)
      .filter((word) => word !== '' && !/\d/.test(word))
      .join(' ')
      .replace(/^[\s,;-]+|[\s,;-]+$/g, '') || null;
  const code = cp.countryCode?.trim();
  const country = code && /^[A-Za-z]{2}$/.test(code) ? countryName(code, locale) : null;
  return city && country ? t('parcel.place', { city, country }) : (city ?? country);
}

/**
 * The contract is newest first, but the first row is styled as the latest update, so the order is made
 * sure of here. The sort is stable (same-instant scans keep the carrier's order); unreadable times go last.
 */
function newestFirst(checkpoints: PageCheckpoint[]): PageCheckpoint[] {
  const key = (cp: PageCheckpoint) => {
    const ms = Date.parse(cp.at);
    return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
  };
  return [...checkpoints].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return ka === kb ? 0 : kb > ka ? 1 : -1;
  });
}

function history(shipment: PageShipment, view: TrackingPageView, t: Translate): ParcelModel['history'] {
  const zone = knownZone(view.timeZone);
  const rows = newestFirst(shipment.checkpoints).map((cp) => ({
    cp,
    time: checkpointTime(cp.at, cp.utcOffsetMinutes, view.locale, zone),
  }));
  const local = rows.filter((r) => r.time?.local === true).length;
  const zoned = rows.filter((r) => r.time?.local === false).length;
  // Say whose clock the times are on. Only when both kinds are listed does each zoned time carry its zone.
  const mixed = local > 0 && zoned > 0;
  let note: string | null = null;
  if (mixed) note = t('parcel.timesMixed');
  else if (local > 0) note = t('parcel.timesLocal');
  else if (zoned > 0) {
    const at = new Date(rows.find((r) => r.time)?.cp.at ?? 0);
    note = t('parcel.timesZone', { zone: zoneName(zone, view.locale, 'longGeneric', at) });
  }
  return {
    title: t('parcel.history'),
    note,
    empty: t('parcel.noHistory'),
    checkpoints: rows.map(({ cp, time }) => ({
      time: time && {
        text:
          mixed && !time.local
            ? t('parcel.timeWithZone', {
                time: time.text,
                zone: zoneName(zone, view.locale, 'short', new Date(cp.at)),
              })
            : time.text,
        datetime: time.datetime,
      },
      // Some carriers send scans without a description: the status then says what happened.
      text: cp.text.trim() || t(`status.${cp.status}`),
      place: place(cp, view.locale, t),
    })),
  };
}

function parcel(
  shipment: PageShipment,
  index: number,
  view: TrackingPageView,
  t: Translate,
  detailHere: boolean,
): ParcelModel {
  const total = view.shipments.length;
  const status = t(`status.${shipment.status}`);
  const facts: Fact[] = [];
  if (shipment.carrier?.name.trim()) {
    facts.push({ label: t('parcel.carrier'), value: shipment.carrier.name.trim(), datetime: null });
  }
  facts.push({ label: t('parcel.trackingNumber'), value: shipment.trackingNumber, datetime: null });
  facts.push({
    label: t('parcel.status'),
    value: shipment.delay ? t('parcel.statusLate', { status }) : status,
    datetime: null,
  });
  // One parcel's date is already the page's; each of several parcels may arrive on its own day.
  if (total > 1 && !NO_EDD_SHIPMENT.has(shipment.status)) {
    const edd = eddFact(shipment.edd, shipment.delay, view.locale, t, 'parcel.edd');
    if (edd) facts.push(edd);
  }
  const carrierUrl = safeHttpUrl(shipment.carrier?.trackingUrl ?? null);
  const items = view.mode === 'order' && total > 1 ? shipment.items : [];
  return {
    id: `parcel-${index + 1}`,
    heading: total > 1 ? t('parcel.countOf', { index: index + 1, total }) : t('parcel.single'),
    facts,
    detail: detailHere ? explained(shipment.substatus, t) : null,
    carrierLink:
      carrierUrl && shipment.carrier
        ? { href: carrierUrl, text: t('parcel.carrierLink', { carrier: shipment.carrier.name.trim() }) }
        : null,
    contents:
      items.length > 0
        ? {
            title: t('parcel.contents'),
            lines: items.map((item) =>
              t('parcel.contentsLine', { name: item.name, quantity: item.quantity }),
            ),
          }
        : null,
    history: history(shipment, view, t),
  };
}

function journeyModel(
  journey: Journey | null,
  t: Translate,
  stepKey: 'step' | 'parcelStep',
): TrackingModel['journey'] {
  if (!journey) return null;
  return {
    title: t('journey.title'),
    doneText: t('journey.done'),
    steps: journey.steps.map((step, i) => ({
      label: t(`${stepKey}.${i === journey.current && journey.variant ? journey.variant : step}`),
      state: i < journey.current ? 'done' : i === journey.current ? 'current' : 'todo',
    })),
  };
}

interface Summary {
  heading: string;
  notices: NoticeModel[];
  facts: Fact[];
  journey: TrackingModel['journey'];
}

/** `detail` explains the first notice (the one parcel's substatus). */
function orderSummary(view: TrackingPageView, t: Translate, detail: string | null): Summary {
  const notices: NoticeModel[] = [];
  const side = ORDER_NOTICE[view.status];
  if (side) notices.push(sideNotice(side, t, detail));
  if (view.status === 'delayed' || view.delay) {
    notices.push(delayNotice(view.delay, t, view.status !== 'delayed', side ? null : detail));
  }
  const facts: Fact[] = [];
  const orderNumber = view.orderNumber?.trim();
  if (orderNumber) facts.push({ label: t('summary.order'), value: orderNumber, datetime: null });
  const edd = NO_EDD_ORDER.has(view.status)
    ? null
    : eddFact(view.edd, view.delay, view.locale, t, 'summary.edd');
  if (edd) facts.push(edd);
  return {
    heading: t(`heading.${view.status}`),
    notices,
    facts,
    journey: journeyModel(orderJourney(view.status, view.shipments), t, 'step'),
  };
}

/** Tracking-number mode: the page is the parcel's, whatever order status the caller passed. */
function parcelSummary(view: TrackingPageView, t: Translate, detail: string | null): Summary {
  const shipment = view.shipments[0];
  if (!shipment) return { heading: t('parcelHeading.pending'), notices: [], facts: [], journey: null };
  const notices: NoticeModel[] = [];
  const side = SHIPMENT_NOTICE[shipment.status];
  if (side) notices.push(sideNotice(side, t, detail));
  const delay = shipment.delay ?? view.delay;
  if (delay) notices.push(delayNotice(delay, t, true, side ? null : detail));
  const edd = NO_EDD_SHIPMENT.has(shipment.status)
    ? null
    : eddFact(shipment.edd ?? view.edd, delay, view.locale, t, 'summary.edd');
  return {
    heading: t(`parcelHeading.${shipment.status}`),
    notices,
    facts: edd ? [edd] : [],
    journey: journeyModel(parcelJourney(shipment), t, 'parcelStep'),
  };
}

export function trackingModel(view: TrackingPageView): TrackingModel {
  const t = translator(view.locale);
  const orderMode = view.mode === 'order';
  // With one parcel, its substatus explains the notice at the top; with several, or with no notice, each
  // parcel's section explains its own.
  const [first] = view.shipments;
  const detail = view.shipments.length === 1 && first ? explained(first.substatus, t) : null;
  const summary = orderMode ? orderSummary(view, t, detail) : parcelSummary(view, t, detail);
  const detailShown = detail !== null && summary.notices.length > 0;
  const lookup = pageHref(view.lookupUrl);
  return {
    ...merchantChrome(
      view.locale,
      t,
      view.merchant,
      summary.heading,
      view.langLinks,
      lookup ? { href: lookup, text: t('page.lookupAnother') } : null,
    ),
    ...summary,
    parcels: view.shipments.map((s, i) => parcel(s, i, view, t, !detailShown)),
    items:
      orderMode && view.items.length > 0
        ? {
            title: t('items.title'),
            pictures: view.items.some((item) => safeHttpUrl(item.imageUrl) !== null),
            lines: view.items.map((item) => ({
              name: item.name,
              quantity: t('items.quantity', { quantity: item.quantity }),
              imageUrl: safeHttpUrl(item.imageUrl),
            })),
          }
        : null,
    promo: promotionOf(view.merchant),
    help: helpOf(view.merchant, t),
  };
}
