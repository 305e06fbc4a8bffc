import { DateTime } from 'luxon';
import type { DelayReason, ShipmentStatus } from '../domain/status.js';

// When is a parcel late? Three reasons (DESIGN.md): the carrier says so (derived from its events), the
// estimate has passed without delivery, or no scan has come for N business days. The carrier's word is
// derived with every event; the two that depend on the clock are found by a periodic job (detectDelay) and
// kept by normalization (settleDelay) until what made them true changes: a new scan ends a stall, a later
// estimate ends an "estimate passed" (the job judges the new estimate when its day has gone too).
// Each verdict remembers the estimate it was about, so `delayed` is announced once per estimate.

export interface DelayState {
  reason: DelayReason | null;
  /** The estimated delivery date the delay is about (YYYY-MM-DD), when there is one. */
  edd: string | null;
}

export const NO_DELAY: DelayState = { reason: null, edd: null };

// Nothing is late before the carrier has the parcel, after it arrived or went back, or while it waits at a
// pickup point for the shopper.
const NEVER_LATE: readonly ShipmentStatus[] = [
  'pending',
  'delivered',
  'returning',
  'returned',
  'cancelled',
  'expired',
];
const QUIET_BY_NATURE: readonly ShipmentStatus[] = ['available_for_pickup'];

/** The delay after a normalization: the carrier's verdict, or the clock's verdict while it still holds. */
export function settleDelay(input: {
  status: ShipmentStatus;
  carrierReported: boolean;
  before: DelayState;
  /** The estimate after the change: the carrier's latest, else the promised date. */
  edd: string | null;
  newsArrived: boolean;
}): DelayState {
  if (NEVER_LATE.includes(input.status)) return NO_DELAY;
  if (input.carrierReported) return { reason: 'carrier_reported', edd: input.edd };
  const { before } = input;
  if (before.reason === 'edd_passed') {
    const movedLater = input.edd !== null && before.edd !== null && input.edd > before.edd;
    return movedLater ? NO_DELAY : before;
  }
  if (before.reason === 'stalled' && !input.newsArrived) return before;
  return NO_DELAY;
}

/** Monday to Friday days from `from` to `to` in the zone: whole days, the start day not counted. */
export function businessDaysBetween(from: Date, to: Date, timeZone: string): number {
  let day = DateTime.fromJSDate(from, { zone: timeZone }).startOf('day');
  const end = DateTime.fromJSDate(to, { zone: timeZone }).startOf('day');
  let n = 0;
  // Bounded: a parcel silent for years is as stalled as one silent for a month.
  for (let i = 0; i < 400 && day < end; i++) {
    day = day.plus({ days: 1 });
    if (day.weekday <= 5) n++;
  }
  return n;
}

/** The periodic verdict: what the clock says about a shipment now, in the merchant's zone. */
export function detectDelay(input: {
  status: ShipmentStatus;
  current: DelayState;
  edd: string | null;
  lastNewsAt: Date | null;
  now: Date;
  timeZone: string;
  stallAfterBusinessDays: number;
}): DelayState {
  if (NEVER_LATE.includes(input.status)) return NO_DELAY;
  if (input.current.reason === 'carrier_reported') return input.current;
  const today = DateTime.fromJSDate(input.now, { zone: input.timeZone }).toISODate();
  if (input.edd !== null && today !== null && input.edd < today)
    return { reason: 'edd_passed', edd: input.edd };
  if (
    !QUIET_BY_NATURE.includes(input.status) &&
    input.lastNewsAt !== null &&
    businessDaysBetween(input.lastNewsAt, input.now, input.timeZone) >= input.stallAfterBusinessDays
  ) {
    return { reason: 'stalled', edd: input.edd };
  }
  return NO_DELAY;
}

export function sameDelay(a: DelayState, b: DelayState): boolean {
  return a.reason === b.reason && a.edd === b.edd;
}
