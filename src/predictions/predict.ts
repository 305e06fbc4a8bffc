import { addDays, daysBetween, onOrAfterWorkingDay } from './days.js';
import type { Method } from './method.js';
import { type TransitStats, tailCount, transitQuantile } from './transit-stats.js';

// From learned transit times to a date. Days are day numbers (src/predictions/days.ts): the ship day is the
// carrier's first scan in the merchant's zone, `today` is in the shopper's zone, as the history was learned.

/** The statuses of a parcel on its way to the shopper: the ones wismo predicts a delivery date for. */
export const PREDICTED_STATUSES = ['in_transit', 'out_for_delivery', 'attempt_failed'] as const;
export type PredictedStatus = (typeof PREDICTED_STATUSES)[number];

/** The date predicted when the parcel left: the ship day plus the chosen quantile of the group's transit. */
export function predictAtShip(stats: TransitStats, shipDay: number, method: Method): number {
  const days = transitQuantile(stats.histogram, method.quantile) ?? 0;
  return addDays(shipDay, days, method.counting);
}

/**
 * The date predicted for a parcel still travelling today. Without enough history, none. On the van, today.
 * After a failed attempt, the next working day at the earliest (carriers try again the next day). Past the
 * date predicted at shipping and still on its way, the date is learned again from the deliveries of the
 * group that took at least as long (a customs hold has a tail of its own).
 */
export function predictInFlight(
  input: { status: PredictedStatus; shipDay: number; today: number },
  stats: TransitStats | null,
  method: Method,
): number | null {
  if (!stats) return null;
  const { status, shipDay, today } = input;
  if (status === 'out_for_delivery') return today;
  const atShip = predictAtShip(stats, shipDay, method);
  if (status === 'attempt_failed') return Math.max(atShip, addDays(today, 1, method.counting));
  const earliest = onOrAfterWorkingDay(today, method.counting);
  if (atShip >= earliest) return atShip;
  const elapsed = daysBetween(shipDay, today, method.counting);
  if (tailCount(stats.histogram, elapsed) < method.minTail) return earliest;
  const days = transitQuantile(stats.histogram, method.quantile, elapsed) ?? elapsed;
  return Math.max(addDays(shipDay, days, method.counting), earliest);
}
