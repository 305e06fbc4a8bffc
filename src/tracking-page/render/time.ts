import type { Locale } from '../../notifications/model.js';
import { formatInstant } from '../../notifications/render/format.js';

// Checkpoint times are shown as the clock read where the scan happened ("arrived in Tokyo at 08:30"), which
// is what carriers print and what shoppers compare with. Only when a checkpoint's offset is unknown is it
// shown in the page's zone, and the page then says which zone that is.

/** The BCP 47 tags format.ts formats with (British English reads well everywhere English is used here). */
const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', ru: 'ru', ja: 'ja', pl: 'pl', ms: 'ms' };

// Real-world offsets run from UTC−12:00 to UTC+14:00; anything else is a data error, not a place.
const MIN_OFFSET = -12 * 60;
const MAX_OFFSET = 14 * 60;

export interface CheckpointTime {
  /** Date and time in the page's language. */
  text: string;
  /** For <time datetime>: the local wall time with its offset when known, else the UTC instant. */
  datetime: string;
  /** True when shown at the checkpoint's own offset, false when in the page's zone. */
  local: boolean;
}

/** The zone to show offset-less times in: the given IANA zone when Intl knows it, else UTC. */
export function knownZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

function validOffset(minutes: number | null): number | null {
  return minutes !== null && Number.isInteger(minutes) && minutes >= MIN_OFFSET && minutes <= MAX_OFFSET
    ? minutes
    : null;
}

function offsetSuffix(minutes: number): string {
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${hh}:${mm}`;
}

/**
 * Formats at a fixed offset. Whole hours go through Intl's Etc/GMT zones (whose sign is inverted: UTC+2 is
 * Etc/GMT-2). Node 20's Intl has no zone for other offsets (+05:30, +05:45, +09:30), so the wall time is
 * computed by shifting the instant and formatted as if in UTC; no zone name is printed, so the shift
 * cannot show as a wrong "UTC".
 */
function formatAtOffset(instant: Date, minutes: number, locale: Locale): string | null {
  if (minutes % 60 === 0) {
    const hours = -minutes / 60;
    const zone = hours === 0 ? 'Etc/GMT' : `Etc/GMT${hours > 0 ? '+' : '-'}${Math.abs(hours)}`;
    return formatInstant(instant.toISOString(), locale, zone);
  }
  return formatInstant(new Date(instant.getTime() + minutes * 60_000).toISOString(), locale, 'UTC');
}

/** Null when the instant cannot be read: the checkpoint is then shown without a time rather than a wrong one. */
export function checkpointTime(
  at: string,
  utcOffsetMinutes: number | null,
  locale: Locale,
  pageZone: string,
): CheckpointTime | null {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) return null;
  const offset = validOffset(utcOffsetMinutes);
  if (offset === null) {
    const text = formatInstant(instant.toISOString(), locale, knownZone(pageZone));
    return text ? { text, datetime: instant.toISOString(), local: false } : null;
  }
  const text = formatAtOffset(instant, offset, locale);
  if (!text) return null;
  const wall = new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 19);
  return { text, datetime: `${wall}${offsetSuffix(offset)}`, local: true };
}

/**
 * The zone's name in the page's language: 'longGeneric' for a sentence ("Central European Time"), 'short'
 * beside a single time ("GMT+1", "JST"). Falls back to the IANA name, which is at least exact.
 */
export function zoneName(timeZone: string, locale: Locale, style: 'longGeneric' | 'short', at: Date): string {
  const zone = knownZone(timeZone);
  try {
    const part = new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: zone, timeZoneName: style })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    return part?.value ?? zone;
  } catch {
    return zone;
  }
}
