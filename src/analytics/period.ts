import type { FieldProblem } from '../errors.js';
import { calendarDate } from '../lib/time-zone.js';

// The period a report covers: calendar days [from, to) in the merchant's time zone. `to` is exclusive so
// that consecutive periods neither overlap nor leave a gap (March is from=03-01&to=04-01).

export const DEFAULT_DAYS = 30;
export const MAX_DAYS = 366;

export interface Period {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** The day after the last one, YYYY-MM-DD. */
  to: string;
  days: number;
  timeZone: string;
}

export type PeriodResult = { ok: true; period: Period } | { ok: false; problems: FieldProblem[] };

/** The calendar date of an instant in a zone (src/lib/time-zone.ts), zone first as the period reads it. */
export function dateIn(timeZone: string, now: Date): string {
  return calendarDate(now, timeZone);
}

/** Whole days are added on the calendar, so no zone (and no daylight saving change) can shift them. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Fills in what the caller left out (the last 30 days up to and including today) and checks the rest. The
 * problems name the field a caller should change: `to` when it is not after `from`, `from` when the period
 * is too long (it is the end that usually stays "today").
 */
export function resolvePeriod(
  input: { from?: string; to?: string },
  today: string,
  timeZone: string,
): PeriodResult {
  const to = input.to ?? addDays(today, 1);
  const from = input.from ?? addDays(to, -DEFAULT_DAYS);
  const days = daysBetween(from, to);
  if (days <= 0) {
    const field = input.to ? 'to' : 'from';
    const reason = input.to
      ? `must be after from (${from}); to is exclusive`
      : `must be before to, which defaults to tomorrow (${to})`;
    return { ok: false, problems: [{ in: 'query', field, reason }] };
  }
  if (days > MAX_DAYS) {
    return {
      ok: false,
      problems: [
        { in: 'query', field: 'from', reason: `the period is ${days} days; at most ${MAX_DAYS} are allowed` },
      ],
    };
  }
  return { ok: true, period: { from, to, days, timeZone } };
}
