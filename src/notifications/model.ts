import type { DelayReason } from '../domain/status.js';

// The vocabulary of proactive messages: the milestones a shopper hears about, the channels they hear on,
// the languages wismo writes in, and the facts one message is built from.

export const MILESTONES = [
  'confirmed',
  'packed',
  'shipped',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'delayed',
  'attempt_failed',
  'available_for_pickup',
  'exception',
  'returned',
] as const;
export type Milestone = (typeof MILESTONES)[number];

export const CHANNELS = ['email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Languages with native templates; any other preference falls back to the merchant's default, then English. */
export const LOCALES = ['en', 'ru', 'ja', 'pl', 'ms'] as const;
export type Locale = (typeof LOCALES)[number];

/** Everything one message says; rendering is a pure function of this. */
export interface MessageFacts {
  milestone: Milestone;
  locale: Locale;
  /** IANA zone dates and times are shown in: the shopper's, else the merchant's, else UTC. */
  timeZone: string;
  merchant: {
    name: string;
    logoUrl: string | null;
    /** #rrggbb */
    primaryColor: string | null;
    supportEmail: string | null;
    supportUrl: string | null;
  };
  shopperName: string | null;
  orderNumber: string;
  /** Null for order-level messages that precede any shipment (confirmed, packed). */
  carrier: { code: string; name: string } | null;
  trackingNumber: string | null;
  /** Signed link to the order's tracking page. */
  trackingUrl: string;
  /** Estimated delivery date (YYYY-MM-DD, a calendar date in the destination's zone), when known. */
  edd: string | null;
  lastCheckpoint: {
    /** ISO 8601 instant. */
    at: string;
    text: string;
    city: string | null;
    countryCode: string | null;
  } | null;
  delayReason: DelayReason | null;
  /** The canonical substatus (e.g. address_issue, customs_hold), for exception and attempt messages. */
  substatus: string | null;
  /** For split orders sent one message per shipment: this is parcel `index` of `count`. */
  parcel: { index: number; count: number } | null;
  items: { name: string; quantity: number }[];
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}
