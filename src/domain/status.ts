// The canonical status model of DESIGN.md. Carriers each speak their own codes; wismo speaks these.

export const SHIPMENT_STATUSES = [
  'pending',
  'info_received',
  'in_transit',
  'out_for_delivery',
  'available_for_pickup',
  'attempt_failed',
  'delivered',
  'exception',
  'returning',
  'returned',
  'cancelled',
  'expired',
] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** Statuses after which a shipment is no longer tracked. */
export const FINAL_SHIPMENT_STATUSES: readonly ShipmentStatus[] = [
  'delivered',
  'returned',
  'cancelled',
  'expired',
];

export const ORDER_STATUSES = [
  'ordered',
  'confirmed',
  'packed',
  'partially_shipped',
  'shipped',
  'in_transit',
  'out_for_delivery',
  'partially_delivered',
  'delivered',
  'delayed',
  'attempt_failed',
  'available_for_pickup',
  'exception',
  'returned',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The pre-shipment milestones a storefront reports; everything after them is derived from shipments. */
export const ORDER_MILESTONES = ['confirmed', 'packed', 'cancelled'] as const;
export type OrderMilestone = (typeof ORDER_MILESTONES)[number];

export const DELAY_REASONS = ['carrier_reported', 'edd_passed', 'stalled'] as const;
export type DelayReason = (typeof DELAY_REASONS)[number];

export const EVENT_DECISIONS = ['applied', 'duplicate', 'out_of_order', 'superseded'] as const;
export type EventDecision = (typeof EVENT_DECISIONS)[number];

export const TRACKING_SOURCES = ['push', 'poll'] as const;
export type TrackingSource = (typeof TRACKING_SOURCES)[number];

export const OFFSET_SOURCES = ['carrier', 'location_zone', 'assumed_utc'] as const;
export type OffsetSource = (typeof OFFSET_SOURCES)[number];
