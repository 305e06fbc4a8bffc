import type { Substatus } from '../../../carriers/model.js';
import type { DelayReason, OrderStatus, ShipmentStatus } from '../../../domain/status.js';
import type { Step, StepVariant } from '../journey.js';

// Compile-time guard that the English page catalog, which every other catalog mirrors (Catalog<typeof en>
// from the notification catalogs), has a text for every status, step, notice and explained substatus.

interface Section {
  [key: string]: string | Section;
}

/** The steps a parcel shows alone (tracking-number mode); separate because Russian and Polish agree in gender. */
export type ParcelStep = Exclude<Step, 'ordered' | 'confirmed'>;

/** Side states told in a notice; delays have their own section (a delay may come with any state). */
export const NOTICES = [
  'attempt_failed',
  'available_for_pickup',
  'exception',
  'returning',
  'returned',
  'cancelled',
  'shipment_cancelled',
  'expired',
] as const;
export type Notice = (typeof NOTICES)[number];

/** Substatuses with a plain-words explanation; others add nothing a status label does not already say. */
export const EXPLAINED_SUBSTATUSES = [
  'customs_clearance',
  'rerouted',
  'rescheduled',
  'carrier_delay',
  'weather_delay',
  'customs_delay',
  'recipient_unavailable',
  'access_issue',
  'business_closed',
  'at_pickup_point',
  'held_at_facility',
  'signed',
  'left_at_door',
  'delivered_to_neighbour',
  'delivered_to_safe_place',
  'collected',
  'address_issue',
  'customs_hold',
  'held',
  'refused',
  'damaged',
  'lost',
  'undeliverable',
  'payment_required',
  'unknown_number',
  'return_to_sender',
] as const satisfies readonly Substatus[];
export type ExplainedSubstatus = (typeof EXPLAINED_SUBSTATUSES)[number];

export interface PageCatalogShape extends Section {
  heading: Record<OrderStatus, string>;
  parcelHeading: Record<ShipmentStatus, string>;
  status: Record<ShipmentStatus, string>;
  step: Record<Step | StepVariant, string>;
  parcelStep: Record<ParcelStep | 'ready_to_collect', string>;
  notice: Record<Notice, string>;
  delay: Record<DelayReason | 'title' | 'lead' | 'watching', string>;
  detail: Record<ExplainedSubstatus, string>;
}
