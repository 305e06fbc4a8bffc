import type { Config } from '../config.js';
import { FINAL_SHIPMENT_STATUSES, type ShipmentStatus } from '../domain/status.js';

// When to ask a carrier again: spend calls where news is likely. Each status has its interval (configurable),
// a shipment expected today is asked more often, final ones never; failures back off exponentially; numbers
// the carrier does not know yet are asked on their own slower rhythm. The sandbox carrier's time runs faster,
// so its shipments' intervals shrink by the same factor. A little jitter spreads shipments registered together.

export type CadenceSettings = Config['polling']['cadence'];

export interface CadenceInput {
  carrier: string;
  status: ShipmentStatus;
  /** The latest estimated delivery date (YYYY-MM-DD), if any. */
  eddDate: string | null;
}

const JITTER = 0.1;

function speedup(settings: CadenceSettings, carrier: string): number {
  return settings.speedup[carrier] ?? 1;
}

function jittered(ms: number, random: () => number): number {
  return Math.round(ms * (1 - JITTER + 2 * JITTER * random()));
}

/** The next check after a fresh answer, or null when the shipment is no longer polled. */
export function nextCheckAt(
  input: CadenceInput,
  settings: CadenceSettings,
  now: Date,
  random: () => number = Math.random,
): Date | null {
  if (FINAL_SHIPMENT_STATUSES.includes(input.status)) return null;
  const every = settings.every[input.status as keyof CadenceSettings['every']] ?? settings.every.in_transit;
  const today = now.toISOString().slice(0, 10);
  // Expected today or overdue: out for delivery (or a delay) is the news to catch.
  const due = input.eddDate !== null && input.eddDate <= today && input.status !== 'pending';
  const interval = due ? Math.min(every, settings.eddTodayMs) : every;
  return new Date(now.getTime() + jittered(interval / speedup(settings, input.carrier), random));
}

/** The next try after `failures` failed polls in a row (1 = the first failure). */
export function backoffAt(
  failures: number,
  carrier: string,
  settings: CadenceSettings,
  now: Date,
  random = Math.random,
): Date {
  const ms = Math.min(settings.backoffMaxMs, settings.backoffBaseMs * 2 ** Math.max(0, failures - 1));
  return new Date(now.getTime() + jittered(ms / speedup(settings, carrier), random));
}

/** The next ask of a number the carrier does not know yet. */
export function notFoundRetryAt(
  carrier: string,
  settings: CadenceSettings,
  now: Date,
  random = Math.random,
): Date {
  return new Date(now.getTime() + jittered(settings.notFoundEveryMs / speedup(settings, carrier), random));
}

/** Unknown to the carrier for longer than the grace period: the number is probably wrong. */
export function notFoundTooLong(since: Date, carrier: string, settings: CadenceSettings, now: Date): boolean {
  return now.getTime() - since.getTime() > settings.notFoundGraceMs / speedup(settings, carrier);
}

/** No news since `lastNewsAt` (the last event, or registration) for longer than the expiry period. */
export function expired(lastNewsAt: Date, carrier: string, settings: CadenceSettings, now: Date): boolean {
  return now.getTime() - lastNewsAt.getTime() > settings.expireAfterMs / speedup(settings, carrier);
}
