import { DateTime } from 'luxon';

// SMS wait out the night in the shopper's own time zone: a message that falls inside the quiet window is
// held until the window ends, never dropped. A window may wrap midnight (21:00–08:00) or not (13:00–14:00).

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** When a message due at `at` may go: `at` itself outside the window, else the window's end. */
export function afterQuietHours(
  at: Date,
  timeZone: string,
  window: { start: string; end: string } | null,
): Date {
  if (!window) return at;
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  if (start === end) return at;
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  if (!local.isValid) return at;
  const now = local.hour * 60 + local.minute;
  const wraps = start > end;
  const inside = wraps ? now >= start || now < end : now >= start && now < end;
  if (!inside) return at;
  // The end is today when we are past midnight inside a wrapping window (or in a plain one), else tomorrow.
  const endDay = wraps && now >= start ? local.plus({ days: 1 }) : local;
  const release = endDay.set({ hour: Math.floor(end / 60), minute: end % 60, second: 0, millisecond: 0 });
  return release.toJSDate();
}
