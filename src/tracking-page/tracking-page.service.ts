import { carrierTrackingUrl } from '../carriers/detect.js';
import { getAdapter } from '../carriers/registry.js';
import type { OrderItem } from '../domain/shapes.js';
import type { DelayReason, OrderStatus } from '../domain/status.js';
import { LOCALES, type Locale } from '../notifications/model.js';
import { readSettings } from '../notifications/settings.js';
import type { OrderRow } from '../orders/orders.repository.js';
import { normalizePostalCode } from '../orders/orders.service.js';
import type {
  ShipmentTrackingView,
  ShipmentView,
  TrackingEventView,
} from '../shipments/shipments.schemas.js';
import type { ShipmentsService } from '../shipments/shipments.service.js';
import { normalizeTrackingNumber, TRACKING_NUMBER_PATTERN } from '../shipments/tracking-number.js';
import type { TrackingLinks } from './links.js';
import type { LookupLimiter } from './lookup-limiter.js';
import {
  type PageMerchant,
  type PageShipment,
  pageLocale,
  renderLookupPage,
  renderNotFoundPage,
  renderTrackingPage,
} from './render/index.js';
import {
  applyPageSettings,
  readPageSettings,
  type TrackingPageSettings,
  type TrackingPageSettingsInput,
} from './settings.js';
import type { PageCount, PageMerchantRow, TrackingPageRepository } from './tracking-page.repository.js';

// The shopper's tracking page. Three ways in: a signed link (from a message, or the storefront's order
// history) shows the whole order; the lookup form shows it once the order number matches the order's email,
// phone or postal code; a tracking number alone shows the parcel's status and checkpoints, never who it is
// for or what is in it. Every mismatch gets the same answer, and lookups are rate-limited per visitor and
// per order number.

export interface PageAnswer {
  status: number;
  html?: string;
  redirect?: string;
  headers?: Record<string, string>;
}

export interface PageRequest {
  lang: string | undefined;
  acceptLanguage: string | undefined;
}

export interface LookupForm {
  orderNumber?: string;
  contact?: string;
  trackingNumber?: string;
}

/** How long a link made by the lookup form is valid: the visit, not the order's lifetime. */
const LOOKUP_LINK_TTL_MS = 24 * 3_600_000;

export class TrackingPageService {
  constructor(
    private readonly repo: TrackingPageRepository,
    private readonly shipments: ShipmentsService,
    private readonly links: TrackingLinks,
    private readonly limiter: LookupLimiter,
  ) {}

  async byToken(token: string, req: PageRequest, path: string): Promise<PageAnswer> {
    const read = this.links.read(token);
    const order = read ? await this.repo.orderById(read.orderId) : null;
    const merchant = order ? await this.repo.merchantById(order.merchant_id) : null;
    if (read && order && merchant && read.expiresAt <= new Date()) {
      // A genuine link that has run out: the shopper looks the order up instead, told why.
      return { status: 410, html: this.form(merchant, req, `/track/${merchant.slug}`, {}, 'expired_link') };
    }
    if (!order || !merchant) {
      return {
        status: 404,
        html: renderNotFoundPage({
          locale: pageLocale(req.lang, null, req.acceptLanguage, null),
          lookupUrl: null,
          reason: 'invalid_link',
        }),
      };
    }
    this.count(merchant.id, 'view_link');
    const views = (await this.shipments.viewsByOrder(merchant.id, [order.id])).get(order.id) ?? [];
    const locale = pageLocale(req.lang, order.customer_locale, req.acceptLanguage, merchant.defaultLocale);
    const settings = readSettings(merchant.notificationSettings, merchant.defaultLocale);
    const page = readPageSettings(merchant.trackingPage);
    const items = order.items as OrderItem[];
    return {
      status: 200,
      html: renderTrackingPage({
        locale,
        timeZone: order.customer_time_zone ?? settings.timeZone,
        merchant: pageMerchant(merchant),
        mode: 'order',
        orderNumber: order.order_number,
        status: order.status as OrderStatus,
        edd: latestEdd(views),
        delay: delayOf(views),
        items: items.map((i) => ({ name: i.name, quantity: i.quantity, imageUrl: i.imageUrl ?? null })),
        shipments: views.map((s) => pageShipment(s, page.hideCarrier, items)),
        langLinks: langLinks(path),
        lookupUrl: `/track/${merchant.slug}`,
      }),
    };
  }

  async settings(merchantId: string): Promise<TrackingPageSettings> {
    return readPageSettings(await this.repo.pageSettings(merchantId));
  }

  async updateSettings(merchantId: string, change: TrackingPageSettingsInput): Promise<TrackingPageSettings> {
    const next = applyPageSettings(await this.settings(merchantId), change);
    await this.repo.savePageSettings(merchantId, next);
    return next;
  }

  async lookupForm(slug: string, req: PageRequest, path: string): Promise<PageAnswer> {
    const merchant = await this.repo.merchantBySlug(slug);
    if (!merchant) return this.unknownMerchant(req);
    return { status: 200, html: this.form(merchant, req, path, {}, null) };
  }

  async lookup(
    slug: string,
    form: LookupForm,
    ip: string,
    req: PageRequest,
    path: string,
  ): Promise<PageAnswer> {
    const merchant = await this.repo.merchantBySlug(slug);
    if (!merchant) return this.unknownMerchant(req);
    const orderNumber = cleanOrderNumber(form.orderNumber);
    const trackingNumber = normalizeTrackingNumber(form.trackingNumber ?? '');
    // A tracking number alone goes to its page, which counts against the visitor's limit itself.
    if (orderNumber === '' && trackingNumber !== '' && TRACKING_NUMBER_PATTERN.test(trackingNumber)) {
      return {
        status: 303,
        redirect: withLang(`/track/${merchant.slug}/n/${encodeURIComponent(trackingNumber)}`, req),
      };
    }
    const limited = await this.limited(merchant, ip, orderNumber || null, () =>
      this.form(merchant, req, path, form, 'rate_limited'),
    );
    if (limited) return limited;
    const order = orderNumber ? await this.repo.orderByNumber(merchant.id, orderNumber) : null;
    if (!order || !contactMatches(order, form.contact ?? '')) {
      if (orderNumber) await this.limiter.fail(merchant.id, orderNumber);
      return this.missed(merchant, req, path);
    }
    this.count(merchant.id, 'lookup_found');
    return {
      status: 303,
      redirect: withLang(`/t/${this.links.token(order.id, new Date(), LOOKUP_LINK_TTL_MS)}`, req),
    };
  }

  async byTrackingNumber(
    slug: string,
    raw: string,
    ip: string,
    req: PageRequest,
    path: string,
  ): Promise<PageAnswer> {
    const merchant = await this.repo.merchantBySlug(slug);
    if (!merchant) return this.unknownMerchant(req);
    const limited = await this.limited(merchant, ip, null, () =>
      this.form(merchant, req, `/track/${merchant.slug}`, { trackingNumber: raw }, 'rate_limited'),
    );
    if (limited) return limited;
    const trackingNumber = normalizeTrackingNumber(raw);
    const found = TRACKING_NUMBER_PATTERN.test(trackingNumber)
      ? await this.shipments.trackingByNumber(merchant.id, trackingNumber).then(
          (json) => (JSON.parse(json) as { data: ShipmentTrackingView[] }).data,
          () => [],
        )
      : [];
    const locale = pageLocale(req.lang, null, req.acceptLanguage, merchant.defaultLocale);
    if (found.length === 0) {
      return {
        status: 404,
        html: renderNotFoundPage({
          locale,
          lookupUrl: withLang(`/track/${merchant.slug}`, req),
          reason: 'not_found',
        }),
      };
    }
    this.count(merchant.id, 'view_number');
    const settings = readSettings(merchant.notificationSettings, merchant.defaultLocale);
    const page = readPageSettings(merchant.trackingPage);
    // Status and checkpoints only: no order number, no items, nothing about the shopper.
    return {
      status: 200,
      html: renderTrackingPage({
        locale,
        timeZone: settings.timeZone,
        merchant: pageMerchant(merchant),
        mode: 'tracking_number',
        orderNumber: null,
        status: found[0]?.order.status ?? 'shipped',
        edd: latestEdd(found),
        delay: delayOf(found),
        items: [],
        shipments: found.map((s) => pageShipment(s, page.hideCarrier, [], { carrierText: false })),
        langLinks: langLinks(path),
        lookupUrl: withLang(`/track/${merchant.slug}`, req),
      }),
    };
  }

  /** The 429 answer when this visitor (or this order number) has looked up too much, else null. */
  private async limited(
    merchant: PageMerchantRow,
    ip: string,
    orderNumber: string | null,
    page: () => string,
  ): Promise<PageAnswer | null> {
    const wait = await this.limiter.take(ip, merchant.id, orderNumber);
    if (wait === null) return null;
    this.count(merchant.id, 'rate_limited');
    return { status: 429, headers: { 'retry-after': String(Math.ceil(wait / 1000)) }, html: page() };
  }

  private async missed(merchant: PageMerchantRow, req: PageRequest, path: string) {
    this.count(merchant.id, 'lookup_missed');
    // Nothing typed is echoed back: every mismatch gets the very same page.
    return { status: 404, html: this.form(merchant, req, path, {}, 'no_match') };
  }

  private form(
    merchant: PageMerchantRow,
    req: PageRequest,
    path: string,
    form: LookupForm,
    message: 'no_match' | 'rate_limited' | 'expired_link' | null,
  ): string {
    return renderLookupPage({
      locale: pageLocale(req.lang, null, req.acceptLanguage, merchant.defaultLocale),
      merchant: pageMerchant(merchant),
      action: withLang(`/track/${merchant.slug}`, req),
      orderNumber: form.orderNumber?.slice(0, 64) ?? '',
      // The contact is never echoed back: a shared screen should not show what was typed.
      contact: '',
      trackingNumber: form.trackingNumber?.slice(0, 64) ?? '',
      message,
      langLinks: langLinks(path),
    });
  }

  /** Counting is best effort: a page is never refused because its counter could not be written. */
  private count(merchantId: string, kind: PageCount): void {
    this.repo.count(merchantId, kind).catch(() => undefined);
  }

  private unknownMerchant(req: PageRequest): PageAnswer {
    return {
      status: 404,
      html: renderNotFoundPage({
        locale: pageLocale(req.lang, null, req.acceptLanguage, null),
        lookupUrl: null,
        reason: 'not_found',
      }),
    };
  }
}

/**
 * Whether what the visitor typed is the order's email, phone or postal code. Phones match on their digits,
 * with or without the country code (at least 8 of them).
 */
export function contactMatches(order: OrderRow, typed: string): boolean {
  const value = typed.trim();
  if (value.length === 0 || value.length > 254) return false;
  if (value.includes('@')) return order.customer_email?.toLowerCase() === value.toLowerCase();
  const digits = value.replace(/\D/g, '');
  const phone = order.customer_phone?.replace(/\D/g, '') ?? '';
  if (phone && digits.length >= 8 && /^[\d\s()+.-]+$/.test(value) && phone.endsWith(digits)) return true;
  // Postal codes are typed with or without their space or dash ("31-147", "31 147", "SW1Y 4LB").
  const postal = normalizePostalCode(value)?.replace(/-/g, '');
  return Boolean(postal) && postal === order.postal_code_normalized?.replace(/-/g, '');
}

function pageMerchant(m: PageMerchantRow): PageMerchant {
  const settings = readSettings(m.notificationSettings, m.defaultLocale);
  const page = readPageSettings(m.trackingPage);
  return {
    name: m.name,
    logoUrl: settings.branding.logoUrl,
    primaryColor: settings.branding.primaryColor,
    supportEmail: settings.branding.supportEmail,
    supportUrl: settings.branding.supportUrl,
    faqLinks: page.faqLinks,
    promotion: page.promotion,
  };
}

function isShopperCheckpoint(e: TrackingEventView): boolean {
  // wismo's own verdicts (expired, unknown number) are for agents; duplicates are the same scan again.
  return e.decision !== 'duplicate' && !e.rawCode.startsWith('WISMO_');
}

function pageShipment(
  s: ShipmentView,
  hideCarrier: boolean,
  orderItems: readonly OrderItem[],
  opts: { carrierText: boolean } = { carrierText: true },
): PageShipment {
  const names = new Map(orderItems.filter((i) => i.sku).map((i) => [i.sku as string, i.name]));
  return {
    carrier: hideCarrier
      ? null
      : {
          name: getAdapter(s.carrier)?.name ?? s.carrier,
          trackingUrl: carrierTrackingUrl(s.carrier, s.trackingNumber),
        },
    trackingNumber: s.trackingNumber,
    status: s.status,
    substatus: s.substatus,
    edd: s.edd.latest ?? s.edd.carrier?.date ?? s.edd.promised,
    delay: s.delayReason ? { reason: s.delayReason } : null,
    items: s.items.flatMap((i) => {
      const name = names.get(i.sku);
      return name ? [{ name, quantity: i.quantity }] : [];
    }),
    checkpoints: s.events.filter(isShopperCheckpoint).map((e) => ({
      at: e.occurredAt,
      utcOffsetMinutes: e.offsetSource === 'assumed_utc' ? null : e.utcOffsetMinutes,
      // A carrier's own words may name who signed or where it was left: to someone who only has the tracking
      // number the page says the status in its own words instead.
      text: opts.carrierText ? e.rawText : '',
      // City level only: never a street or a postal code.
      city: e.location?.city ?? null,
      countryCode: e.location?.countryCode ?? null,
      status: e.status,
    })),
  };
}

function latestEdd(shipments: readonly ShipmentView[]): string | null {
  const dates = shipments
    .filter((s) => s.status !== 'delivered' && s.status !== 'cancelled')
    .map((s) => s.edd.latest ?? s.edd.carrier?.date ?? s.edd.promised)
    .filter((d): d is string => d !== null);
  return dates.sort().at(-1) ?? null;
}

function delayOf(shipments: readonly ShipmentView[]): { reason: DelayReason } | null {
  const late = shipments.find((s) => s.delayReason !== null);
  return late?.delayReason ? { reason: late.delayReason } : null;
}

/** Keeps the language the visitor chose (?lang=) across the form and its redirects. */
function withLang(path: string, req: PageRequest): string {
  return req.lang && (LOCALES as readonly string[]).includes(req.lang) ? `${path}?lang=${req.lang}` : path;
}

/** Order numbers as shoppers type them: spaces around, a leading #. */
function cleanOrderNumber(raw: string | undefined): string {
  return (raw ?? '').trim().replace(/^#\s*/, '').slice(0, 64);
}

function langLinks(path: string): { locale: Locale; href: string }[] {
  return LOCALES.map((locale) => ({ locale, href: `${path}?lang=${locale}` }));
}
