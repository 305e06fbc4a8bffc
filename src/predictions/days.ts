// Calendar arithmetic on plain dates (YYYY-MM-DD), the unit of every delivery estimate. Dates are counted as
// days since 1970-01-01 so that business days have a closed form: the learning pass converts every delivered
// parcel and the job every parcel in flight, so a day-by-day loop would be the cost of the whole feature.
// Business days are Monday to Friday; public holidays are not known (docs/predicted-edd.md says what that costs).

const MS_PER_DAY = 86_400_000;
// 1969-12-29 was a Monday: weekdays are counted from there.
const MONDAY_BEFORE_EPOCH = -3;

export type DayCounting = 'business' | 'calendar';

export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY);
}

export function dateOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday: 1 is Monday, 7 is Sunday. */
export function weekdayOf(day: number): number {
  return mod(day - MONDAY_BEFORE_EPOCH, 7) + 1;
}

/** Weekdays in [the Monday before the epoch, day): the running count the closed forms below rest on. */
function weekdaysBefore(day: number): number {
  const n = day - MONDAY_BEFORE_EPOCH;
  return 5 * Math.floor(n / 7) + Math.min(mod(n, 7), 5);
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function daysBetween(from: number, to: number, counting: DayCounting): number {
  if (to <= from) return 0;
  return counting === 'calendar' ? to - from : weekdaysBefore(to + 1) - weekdaysBefore(from + 1);
}

/** The `n`th working day after `from` (`from` itself when n is 0, whatever day it is). */
export function addDays(from: number, n: number, counting: DayCounting): number {
  if (n <= 0) return from;
  if (counting === 'calendar') return from + n;
  const index = weekdaysBefore(from + 1) + n - 1;
  return MONDAY_BEFORE_EPOCH + 7 * Math.floor(index / 5) + mod(index, 5);
}

/** `day` when it is a working day, else the next one. */
export function onOrAfterWorkingDay(day: number, counting: DayCounting): number {
  return counting === 'calendar' || weekdayOf(day) <= 5 ? day : addDays(day, 1, counting);
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}
