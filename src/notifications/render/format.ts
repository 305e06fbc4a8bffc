import { LRUCache } from 'lru-cache';
import type { Locale } from '../model.js';

// Dates are formatted by Intl, never by the catalogs, so each language gets its own conventions for free.
// Building an Intl formatter costs far more than using one (a tenth of a millisecond and up), and every
// message and suggested reply formats several values: formatters are kept per language, style and zone.
const formatters = new LRUCache<string, Intl.DateTimeFormat>({ max: 2000 });
const countryNames = new LRUCache<string, Intl.DisplayNames>({ max: 50 });

/** A shared Intl.DateTimeFormat for a language tag and options (the options' key order is part of the key). */
export function intlDateTimeFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const cacheKey = `${tag}|${JSON.stringify(options)}`;
  let format = formatters.get(cacheKey);
  if (!format) {
    format = new Intl.DateTimeFormat(tag, options);
    formatters.set(cacheKey, format);
  }
  return format;
}

function dateTimeFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return intlDateTimeFormat(INTL_LOCALE[locale], options);
}

/** English is written in British style (day before month, 24-hour clock), which also reads well in Malaysia. */
export const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', ru: 'ru', ja: 'ja', pl: 'pl', ms: 'ms' };

type DateStyle = 'long' | 'short';

const LONG_DATE: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' };

// Japanese convention is the full date with the weekday in brackets: 2026年12月8日(火).
const DATE_OPTIONS: Record<DateStyle, Record<Locale, Intl.DateTimeFormatOptions>> = {
  long: {
    en: LONG_DATE,
    ru: LONG_DATE,
    pl: LONG_DATE,
    ms: LONG_DATE,
    ja: { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' },
  },
  // SMS is paid per segment: abbreviate where the abbreviation is still natural.
  short: {
    en: { weekday: 'short', day: 'numeric', month: 'short' },
    ms: { weekday: 'short', day: 'numeric', month: 'short' },
    ru: { weekday: 'short', day: 'numeric', month: 'long' },
    pl: { weekday: 'short', day: 'numeric', month: 'long' },
    ja: { month: 'long', day: 'numeric', weekday: 'short' },
  },
};

/**
 * Formats a YYYY-MM-DD calendar date. It is pinned to UTC on both ends so no zone can move it to another day.
 * Returns null when the value is not a real calendar date.
 */
export function formatCalendarDate(ymd: string, locale: Locale, style: DateStyle): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return dateTimeFormat(locale, { ...DATE_OPTIONS[style][locale], timeZone: 'UTC' }).format(date);
}

/** Formats an instant as date and time in the shopper's zone; null when the instant cannot be read. */
export function formatInstant(iso: string, locale: Locale, timeZone: string): string | null {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return null;
  const options: Intl.DateTimeFormatOptions = {
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  };
  try {
    return dateTimeFormat(locale, { ...options, timeZone }).format(instant);
  } catch {
    // An unknown zone name must not cost the shopper the whole message.
    return dateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(instant);
  }
}

/** The country's name in the message's language; the raw code when Intl does not know it. */
export function countryName(code: string, locale: Locale): string {
  try {
    let names = countryNames.get(locale);
    if (!names) {
      names = new Intl.DisplayNames(INTL_LOCALE[locale], { type: 'region' });
      countryNames.set(locale, names);
    }
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
