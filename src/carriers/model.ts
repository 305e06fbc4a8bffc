import type { EventLocation } from '../domain/shapes.js';
import type { OffsetSource, ShipmentStatus } from '../domain/status.js';

// What every carrier mapper produces: wismo's canonical events and shipment facts, whatever the carrier
// sent. Mappers are pure (payload in, this out), so each rule is tested on real payloads.

/**
 * Stable detail codes beside the status. A carrier code maps to one status and at most one of these; the
 * tracking page and messages are written against them, never against carrier text.
 */
export const SUBSTATUSES = [
  // info_received
  'label_created',
  // in_transit
  'picked_up',
  'dropped_off',
  'departed',
  'arrived',
  'in_transit',
  'customs_clearance',
  'customs_cleared',
  'handed_to_partner',
  'rerouted',
  'rescheduled',
  // delays (in_transit or exception): they set the delayed flag, they are not progress
  'carrier_delay',
  'weather_delay',
  'customs_delay',
  // attempt_failed
  'recipient_unavailable',
  'access_issue',
  'business_closed',
  // available_for_pickup
  'at_pickup_point',
  'held_at_facility',
  // delivered
  'signed',
  'left_at_door',
  'delivered_to_neighbour',
  'delivered_to_safe_place',
  'collected',
  // exception
  'address_issue',
  'customs_hold',
  'held',
  'refused',
  'damaged',
  'lost',
  'undeliverable',
  'payment_required',
  'unknown_problem',
  // wismo's own verdict: the carrier still does not know the number after the grace period
  'unknown_number',
  // returning / returned
  'return_to_sender',
  // cancelled
  'label_voided',
  // expired: wismo's own verdict, no news for too long
  'no_news',
] as const;
export type Substatus = (typeof SUBSTATUSES)[number];

/** Substatuses that mean "late", not "further along": they raise the shipment's delayed flag. */
export const DELAY_SUBSTATUSES: readonly Substatus[] = ['carrier_delay', 'weather_delay', 'customs_delay'];

export interface CanonicalEvent {
  /** The instant in UTC (ISO 8601, milliseconds, Z). */
  occurredAt: string;
  /** The time exactly as the carrier wrote it (date and time joined when sent apart), offset included if any. */
  occurredAtLocal: string;
  /** The offset the instant was computed with, in minutes east of UTC. */
  utcOffsetMinutes: number;
  /** Where that offset came from: the carrier, the zone of the event's location, or nowhere (UTC assumed). */
  offsetSource: OffsetSource;
  status: ShipmentStatus;
  substatus: Substatus | null;
  /** The carrier's own code (for aggregators: the underlying carrier's code when given, else theirs). */
  rawCode: string;
  rawText: string;
  location: EventLocation | null;
  /** False when the code was not in the carrier's table and the status came from its class or text. */
  mapped: boolean;
}

export interface EddFacts {
  /** YYYY-MM-DD in the destination's calendar. */
  date: string | null;
  windowStart: string | null;
  windowEnd: string | null;
}

export interface TrackedShipment {
  /** Normalized (upper case, no spaces). May differ from the number asked for (Canada Post DNC → PIN). */
  trackingNumber: string;
  /** For aggregators: the wismo code of the carrier that moves the parcel, when the aggregator says. */
  underlyingCarrier: string | null;
  /** Oldest first, as mapped. Derivation sorts and dedupes again; mappers keep the carrier's own content. */
  events: CanonicalEvent[];
  edd: EddFacts | null;
  service: string | null;
  signedBy: string | null;
  origin: EventLocation | null;
  destination: EventLocation | null;
  pieces: number | null;
  /** The carrier's shipment-level status code and text, for diagnosis; wismo derives status from events. */
  carrierStatus: { code: string; text: string } | null;
  /** Events the payload listed but that could not be read (no time, a placeholder date), with why. */
  skipped: { code: string; text: string; reason: string }[];
}

export const PROBLEM_KINDS = ['not_found', 'carrier_error', 'retryable', 'malformed', 'ignored'] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

/**
 * Why a payload (or one number inside it) gave no tracking: unknown to the carrier, refused by the carrier
 * (credentials, bad request: asking again will not help), a transient failure worth retrying, a body that
 * could not be read, or a body read well that is about no parcel (a sender's event of another kind, a
 * subscription message): ignored, not failed. Never an exception: the caller decides what each means.
 */
export interface MapProblem {
  kind: ProblemKind;
  trackingNumber: string | null;
  code: string | null;
  message: string;
}

export interface MapResult {
  /** When the carrier lists several parcels under one number (reused numbers), the current one first. */
  shipments: TrackedShipment[];
  problems: MapProblem[];
}

/** What a mapper is given: the body as received and, for polls, the numbers that were asked for. */
export interface PayloadInput {
  body: string;
  contentType?: string | null;
  httpStatus?: number | null;
  requested?: readonly string[];
}
