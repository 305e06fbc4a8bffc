import type { DelayReason, OrderStatus, ShipmentStatus } from '../../../domain/status.js';

// Compile-time guard that the English reply catalog, which every other catalog mirrors (Catalog<typeof en>
// from the notification catalogs), has a sentence for every order state, parcel status and delay reason.

interface Section {
  [key: string]: string | Section;
}

/**
 * What happens next: one text per status, and two more for out for delivery, whose "today" is only said when
 * the carrier's scan is from the shopper's today.
 */
export type NextStep = ShipmentStatus | 'out_for_delivery_today' | 'out_for_delivery_stale';

/** The order-level sentences said before any parcel; the pre-shipment states and cancellation speak alone. */
export type OrderLead = 'ordered' | 'confirmed' | 'packed' | 'cancelled';

export interface ReplyCatalogShape extends Section {
  subject: { line: string; state: Record<OrderStatus, string> };
  greeting: { named: string; anonymous: string };
  intro: string;
  order: Record<OrderLead | 'noTracking' | 'trackingSoon' | 'split' | 'partially_shipped', string>;
  parcel: { yours: string; countOf: string; numbered: string };
  status: Record<ShipmentStatus, string>;
  ref: { carrier: string; plain: string; carrierOnly: string };
  where: { placeTime: string; place: string; time: string; cityCountry: string };
  delivered: { at: string; atPlace: string };
  delay: Record<DelayReason | 'edd_passed_date' | 'unknown' | 'watching', string>;
  eta: Record<
    'carrier' | 'predicted' | 'promised' | 'passed' | 'window' | 'windowFrom' | 'windowUntil',
    string
  >;
  next: Record<NextStep, string>;
  rearrange: { carrier: string; us: string };
  closing: { track: string; reply: string; replyEmail: string };
  signOff: { regards: string; team: string };
}
