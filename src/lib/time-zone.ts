import { DateTime } from 'luxon';

// Whether a string names an IANA time zone this runtime knows. Cached: settings and orders are validated
// often, building an Intl formatter per check costs more than the rest of a settings read, and there are only
// a few hundred zones.

const known = new Map<string, boolean>();

export function isTimeZone(zone: string): boolean {
  let ok = known.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      ok = zone.length <= 64;
    } catch {
      ok = false;
    }
    if (known.size < 1000) known.set(zone, ok);
  }
  return ok;
}

/**
 * The calendar date (YYYY-MM-DD) an instant falls on in a zone: "today" for a shopper or a merchant, the day
 * a parcel shipped or arrived. A zone the runtime does not know counts as UTC.
 */
export function calendarDate(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISODate() ?? at.toISOString().slice(0, 10);
}
