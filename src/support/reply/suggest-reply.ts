import type { DelayReason, OrderStatus, ShipmentStatus } from '../../domain/status.js';
import { calendarDate, isTimeZone } from '../../lib/time-zone.js';
import type { Locale } from '../../notifications/model.js';
import { safeEmail, safeHttpUrl } from '../../notifications/render/brand.js';
import {
  countryName,
  formatCalendarDate,
  formatInstant,
  INTL_LOCALE,
  intlDateTimeFormat,
} from '../../notifications/render/format.js';
import { resolveLocale } from '../../notifications/render/locale.js';
import type { NextStep } from './catalogs/shape.js';
import { type Translate, translator } from './i18n.js';

// The reply a support agent is offered in the order's 360 view: facts in, plain text out, in the shopper's
// language. Pure: no I/O, and the only clock is `now`, passed in. It says only what the facts say; a fact
// that is missing or unreadable drops its sentence rather than leaving a gap or a guess.

export interface ReplyCheckpoint {
  /** ISO 8601 instant. */
  at: string;
  city: string | null;
  region: string | null;
  /** ISO 3166-1 alpha-2. */
  countryCode: string | null;
}

export interface ReplyExpected {
  /** YYYY-MM-DD, a calendar date at the destination. */
  date: string;
  /** Whose estimate: the carrier's, wismo's prediction from recent deliveries on the lane, or the storefront's promise. */
  kind: 'carrier' | 'predicted' | 'promised';
  /** ISO 8601 instants of the carrier's delivery window, when it gave one. */
  windowStart: string | null;
  windowEnd: string | null;
}

export interface ReplyShipment {
  /** Null when the merchant hides carriers from shoppers. */
  carrierName: string | null;
  trackingNumber: string;
  status: ShipmentStatus;
  delayed: boolean;
  delayReason: DelayReason | null;
  lastCheckpoint: ReplyCheckpoint | null;
  expected: ReplyExpected | null;
  /** ISO 8601 instant. */
  deliveredAt: string | null;
}

export interface ReplyFacts {
  /** The shopper's language tag, any form ('pl-PL', 'ja_JP'); unsupported ones fall back. */
  locale: string;
  merchantLocale: string | null;
  /** The shopper's IANA zone; dates and times are written in it (UTC when the zone is unknown). */
  timeZone: string;
  customerName: string | null;
  orderNumber: string;
  orderStatus: OrderStatus;
  merchantName: string;
  trackingUrl: string | null;
  supportEmail: string | null;
  /**
   * The order's promised delivery date (YYYY-MM-DD), said before anything has shipped; once parcels exist
   * their own `expected` speaks. Optional so a caller without it simply says nothing about a date.
   */
  promisedDate?: string | null;
  /** Empty before shipping; one per parcel of a split order. */
  shipments: ReplyShipment[];
  /**
   * When the reply is written. Only used to tell whether an out-for-delivery scan is from the shopper's today
   * and whether an estimate is already in the past: "today" and "should arrive" must never go stale.
   */
  now: Date;
}

export interface SuggestedReply {
  /** The language the reply is written in. */
  locale: Locale;
  subject: string;
  text: string;
}

const PRE_SHIPMENT: ReadonlySet<OrderStatus> = new Set(['ordered', 'confirmed', 'packed']);

/**
 * Parcels still on their way to the shopper. Only for them is an estimate news (as on the tracking page:
 * the shopper has both in front of them, so the reply never leaves out a date the page shows) and can a
 * delay apply; delivered, at a pickup point, on the way back or stopped, neither does.
 */
const ON_THE_WAY: ReadonlySet<ShipmentStatus> = new Set([
  'pending',
  'info_received',
  'in_transit',
  'out_for_delivery',
  'attempt_failed',
  'exception',
]);
const SHOWS_ETA = ON_THE_WAY;
const CAN_BE_LATE = ON_THE_WAY;

/** Japanese runs sentences together; the others separate them with a space. */
const SENTENCE_GAP: Record<Locale, string> = { en: ' ', ru: ' ', pl: ' ', ms: ' ', ja: '' };

/** Free text from carriers and storefronts, on one line: a stray newline must not break the reply's layout. */
function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}

interface Context {
  locale: Locale;
  t: Translate;
  zone: string;
  /** The shopper's calendar date now, YYYY-MM-DD; null when `now` is unreadable. */
  today: string | null;
}

function readInstant(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? null : at;
}

function clockTime(at: Date, ctx: Context): string {
  return intlDateTimeFormat(INTL_LOCALE[ctx.locale], {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: ctx.zone,
  }).format(at);
}

/**
 * City and country, as the tracking page shows them. Carriers sometimes put a postcode into the city field
 * ("02-495 WARSZAWA"), so words with digits are dropped; the region only stands in when there is no city.
 */
function place(cp: ReplyCheckpoint, ctx: Context): string | null {
  const city =
    clean(cp.city)
      ?.split(' ')
      .filter((word) => !/\d/.test(word))
      .join(' ')
      .replace(/^[\s,;-]+|[\s,;-]+$/g, '') ||
    clean(cp.region)?.replace(/^[\s,;-]+|[\s,;-]+$/g, '') ||
    null;
  const code = cp.countryCode?.trim();
  const country = code && /^[A-Za-z]{2}$/.test(code) ? countryName(code, ctx.locale) : null;
  return city && country ? ctx.t('where.cityCountry', { city, country }) : (city ?? country);
}

function where(s: ReplyShipment, ctx: Context): string[] {
  const { t } = ctx;
  const cp = s.lastCheckpoint;
  const cpAt = readInstant(cp?.at);
  if (s.status === 'delivered') {
    const at = readInstant(s.deliveredAt);
    if (at) {
      const time = formatInstant(at.toISOString(), ctx.locale, ctx.zone) ?? '';
      // The checkpoint's place is the delivery's only when it is the delivery scan itself.
      const where = cp && cpAt?.getTime() === at.getTime() ? place(cp, ctx) : null;
      return [where ? t('delivered.atPlace', { time, place: where }) : t('delivered.at', { time })];
    }
  }
  // "Nothing from the carrier yet" is what pending means; a stray checkpoint would contradict it.
  if (!cp || s.status === 'pending') return [];
  const at = cpAt ? formatInstant(cpAt.toISOString(), ctx.locale, ctx.zone) : null;
  const where = place(cp, ctx);
  if (where && at) return [t('where.placeTime', { place: where, time: at })];
  if (where) return [t('where.place', { place: where })];
  if (at) return [t('where.time', { time: at })];
  return [];
}

function isLate(s: ReplyShipment): boolean {
  return s.delayed && CAN_BE_LATE.has(s.status);
}

function hasPassed(ymd: string, ctx: Context): boolean {
  return ctx.today !== null && ymd < ctx.today;
}

/** Whether an out-for-delivery scan is from the shopper's today (true), an earlier day (false), or unknown. */
function outToday(s: ReplyShipment, ctx: Context): boolean | null {
  const at = readInstant(s.lastCheckpoint?.at);
  if (!at || ctx.today === null) return null;
  return calendarDate(at, ctx.zone) >= ctx.today;
}

/** The estimate's day, when it is a real calendar date; anything else is treated as no estimate at all. */
function expectedDay(s: ReplyShipment, ctx: Context): { ymd: string; text: string } | null {
  const ymd = s.expected?.date;
  const text = ymd ? formatCalendarDate(ymd, ctx.locale, 'long') : null;
  return ymd && text ? { ymd, text } : null;
}

/**
 * "Today" for a parcel out for delivery: only when the scan is from the shopper's today and the carrier does
 * not name a later day. A later day is then stated as the carrier's, and the reply claims nothing of its own.
 */
function deliveredToday(s: ReplyShipment, ctx: Context): boolean | null {
  const today = outToday(s, ctx);
  const day = expectedDay(s, ctx);
  if (today && day && ctx.today !== null && day.ymd > ctx.today) return null;
  return today;
}

/** The carrier's window, as clock times when it falls on the estimated day, else as full dates and times. */
function deliveryWindow(e: ReplyExpected, ctx: Context): string | null {
  const start = readInstant(e.windowStart);
  const end = readInstant(e.windowEnd);
  if (start && end && start.getTime() > end.getTime()) return null;
  const onDay = (at: Date) => calendarDate(at, ctx.zone) === e.date;
  const show = (at: Date) =>
    onDay(at) ? clockTime(at, ctx) : (formatInstant(at.toISOString(), ctx.locale, ctx.zone) ?? '');
  if (start && end) return ctx.t('eta.window', { start: show(start), end: show(end) });
  if (start) return ctx.t('eta.windowFrom', { start: show(start) });
  if (end) return ctx.t('eta.windowUntil', { end: show(end) });
  return null;
}

function delaySentences(s: ReplyShipment, ctx: Context): string[] {
  const day = expectedDay(s, ctx);
  if (s.delayReason === 'edd_passed' && day && hasPassed(day.ymd, ctx)) {
    return [ctx.t('delay.edd_passed_date', { date: day.text })];
  }
  return [ctx.t(s.delayReason ? `delay.${s.delayReason}` : 'delay.unknown')];
}

function eta(s: ReplyShipment, ctx: Context): string[] {
  const e = s.expected;
  const day = expectedDay(s, ctx);
  if (!e || !day || !SHOWS_ETA.has(s.status)) return [];
  if (hasPassed(day.ymd, ctx)) {
    // A passed date is history, never "should arrive"; a delay for that reason has already said it.
    if (s.status === 'out_for_delivery' || (isLate(s) && s.delayReason === 'edd_passed')) return [];
    return [ctx.t('eta.passed', { date: day.text })];
  }
  // Windows are the carrier's word; wismo's predictions and storefront promises are whole days.
  const window = e.kind === 'carrier' ? deliveryWindow(e, ctx) : null;
  // Out for delivery today already says the day: only the window adds anything.
  if (s.status === 'out_for_delivery' && deliveredToday(s, ctx)) return window ? [window] : [];
  return [ctx.t(`eta.${e.kind}`, { date: day.text }), ...(window ? [window] : [])];
}

function nextStep(s: ReplyShipment, ctx: Context): NextStep {
  if (s.status !== 'out_for_delivery') return s.status;
  const today = deliveredToday(s, ctx);
  return today === null ? 'out_for_delivery' : today ? 'out_for_delivery_today' : 'out_for_delivery_stale';
}

function reference(s: ReplyShipment, ctx: Context): string | null {
  const tracking = clean(s.trackingNumber);
  const carrier = clean(s.carrierName);
  if (tracking && carrier) return ctx.t('ref.carrier', { tracking, carrier });
  if (tracking) return ctx.t('ref.plain', { tracking });
  if (carrier) return ctx.t('ref.carrierOnly', { carrier });
  return null;
}

function rearrange(s: ReplyShipment, ctx: Context): string[] {
  if (s.status !== 'attempt_failed') return [];
  const carrier = clean(s.carrierName);
  // The carrier is only named, and the shopper only sent to it, when the merchant shows carriers at all.
  return [
    carrier && clean(s.trackingNumber) ? ctx.t('rearrange.carrier', { carrier }) : ctx.t('rearrange.us'),
  ];
}

/** One parcel: what it is doing, its reference, then where, when, what next and what the shopper can do. */
function shipmentBlock(s: ReplyShipment, parcel: string, ctx: Context): string {
  const late = isLate(s);
  const body = [
    ...where(s, ctx),
    ...(late ? delaySentences(s, ctx) : []),
    ...eta(s, ctx),
    ...(late ? [ctx.t('delay.watching')] : []),
    ctx.t(`next.${nextStep(s, ctx)}`),
    ...rearrange(s, ctx),
  ];
  const ref = reference(s, ctx);
  return [
    ctx.t(`status.${s.status}`, { parcel }),
    ...(ref ? [ref] : []),
    body.join(SENTENCE_GAP[ctx.locale]),
  ].join('\n');
}

function parcelName(index: number, facts: ReplyFacts, t: Translate): string {
  const total = facts.shipments.length;
  if (total === 1) return t('parcel.yours');
  // While part of the order is unshipped, "of 2" could turn out false when a third parcel ships.
  if (facts.orderStatus === 'partially_shipped') return t('parcel.numbered', { index });
  return t('parcel.countOf', { index, total });
}

function orderLead(facts: ReplyFacts, orderNumber: string, ctx: Context): string[] {
  const { t } = ctx;
  const out = [t('intro', { order: orderNumber })];
  const status = facts.orderStatus;
  if (facts.shipments.length === 0) {
    if (status === 'cancelled') return [...out, t('order.cancelled')];
    const preparing = PRE_SHIPMENT.has(status);
    // Past packing, the order has left without tracking reaching us; it is not "about to ship".
    out.push(preparing ? t(`order.${status}`) : t('order.noTracking'));
    const promised = facts.promisedDate;
    const date = promised ? formatCalendarDate(promised, ctx.locale, 'long') : null;
    if (promised && date && !hasPassed(promised, ctx)) out.push(t('eta.promised', { date }));
    if (preparing) out.push(t('order.trackingSoon'));
    return out;
  }
  if (status === 'cancelled') out.push(t('order.cancelled'));
  if (facts.shipments.length > 1) out.push(t('order.split'));
  if (status === 'partially_shipped') out.push(t('order.partially_shipped'));
  return out;
}

function closing(facts: ReplyFacts, t: Translate): string {
  const url = safeHttpUrl(clean(facts.trackingUrl));
  const email = safeEmail(facts.supportEmail);
  const lines = [
    // A cancelled order has nothing left to follow.
    ...(url && facts.orderStatus !== 'cancelled' ? [t('closing.track', { url })] : []),
    email ? t('closing.replyEmail', { email }) : t('closing.reply'),
  ];
  return lines.join('\n');
}

export function suggestReply(facts: ReplyFacts): SuggestedReply {
  const locale = resolveLocale(facts.locale, facts.merchantLocale);
  const t = translator(locale);
  const zone = isTimeZone(facts.timeZone) ? facts.timeZone : 'UTC';
  const now = Number.isNaN(facts.now.getTime()) ? null : facts.now;
  const ctx: Context = { locale, t, zone, today: now ? calendarDate(now, zone) : null };
  const order = clean(facts.orderNumber) ?? '';
  const merchant = clean(facts.merchantName) ?? '';
  const name = clean(facts.customerName);

  const paragraphs = [
    name ? t('greeting.named', { name }) : t('greeting.anonymous'),
    orderLead(facts, order, ctx).join(SENTENCE_GAP[locale]),
    ...facts.shipments.map((s, i) => shipmentBlock(s, parcelName(i + 1, facts, t), ctx)),
    closing(facts, t),
    [t('signOff.regards'), t('signOff.team', { merchant })].join('\n'),
  ];
  return {
    locale,
    subject: t('subject.line', { merchant, order, state: t(`subject.state.${facts.orderStatus}`) }),
    text: paragraphs.join('\n\n'),
  };
}
