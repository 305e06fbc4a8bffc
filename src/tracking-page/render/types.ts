import type { DelayReason, OrderStatus, ShipmentStatus } from '../../domain/status.js';
import type { Locale } from '../../notifications/model.js';

// What the shopper-facing pages are rendered from. The caller has already decided what the shopper may
// see; rendering still drops what a mode must never show (see TrackingPageView.mode), so a caller's
// mistake cannot leak an order's details to someone who only knows a tracking number.

export interface PageMerchant {
  name: string;
  logoUrl: string | null;
  /** #rrggbb; anything else falls back to the default colours. */
  primaryColor: string | null;
  supportEmail: string | null;
  supportUrl: string | null;
  /** Returns, exchanges, delivery questions …; only http(s) links are shown. */
  faqLinks: { label: string; url: string }[];
  promotion: { title: string; text: string; url: string | null; imageUrl: string | null } | null;
}

export interface PageCheckpoint {
  /** ISO 8601 instant. */
  at: string;
  /** The checkpoint's own UTC offset in minutes east; null: shown in the page's time zone. */
  utcOffsetMinutes: number | null;
  text: string;
  city: string | null;
  countryCode: string | null;
  status: ShipmentStatus;
}

export interface PageShipment {
  /** Null when the merchant hides the carrier. */
  carrier: { name: string; trackingUrl: string | null } | null;
  trackingNumber: string;
  status: ShipmentStatus;
  substatus: string | null;
  /** YYYY-MM-DD calendar date. */
  edd: string | null;
  delay: { reason: DelayReason } | null;
  /** The items in this parcel; empty when not known or hidden. */
  items: { name: string; quantity: number }[];
  /** Newest first. */
  checkpoints: PageCheckpoint[];
}

export interface TrackingPageView {
  locale: Locale;
  /** IANA zone for times without their own offset. */
  timeZone: string;
  merchant: PageMerchant;
  /** tracking_number: status and checkpoints only, never the order number, names, addresses, items, contact. */
  mode: 'order' | 'tracking_number';
  /** Null in tracking_number mode. */
  orderNumber: string | null;
  /** The order's journey status; in tracking_number mode the page is derived from the shipment instead. */
  status: OrderStatus;
  edd: string | null;
  delay: { reason: DelayReason } | null;
  /** Empty in tracking_number mode. */
  items: { name: string; quantity: number; imageUrl: string | null }[];
  shipments: PageShipment[];
  /** The same page in the other languages (?lang=xx). */
  langLinks: { locale: Locale; href: string }[];
  /** The lookup form. */
  lookupUrl: string;
}

export interface LookupPageView {
  locale: Locale;
  merchant: PageMerchant;
  /** Where both forms POST. */
  action: string;
  /** Values to refill after a failed attempt. */
  orderNumber: string;
  contact: string;
  trackingNumber: string;
  /** no_match is one generic sentence for every mismatch: it never says which field was wrong. */
  message: 'no_match' | 'rate_limited' | 'expired_link' | null;
  langLinks: { locale: Locale; href: string }[];
}

export interface NotFoundPageView {
  locale: Locale;
  lookupUrl: string | null;
  reason: 'invalid_link' | 'not_found';
}
