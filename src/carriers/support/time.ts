import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';
import type { EventLocation } from '../../domain/shapes.js';
import type { OffsetSource } from '../../domain/status.js';
import { zoneForLocation } from './zone.js';

// Carrier times, done right: an offset the carrier wrote is kept; a local time without one is placed in the
// zone the carrier names, else the zone of the event's location, else marked as assumed UTC. AM/PM and
// seconds are always read (formats below are exact, never truncated). Parsing is luxon's.

export interface TimeInput {
  /** The carrier's text, date and time joined with a space when they come apart. */
  value: string | null | undefined;
  /** luxon format(s) for non-ISO text; ISO 8601 (with or without offset) is always tried first. */
  formats?: readonly string[];
  /** A zone the carrier gives beside the time: IANA name, abbreviation (EST), or offset (+02:00, -0500, GMT-5). */
  zone?: string | number | null;
  location?: EventLocation | null;
}

export interface ResolvedTime {
  occurredAt: string;
  occurredAtLocal: string;
  utcOffsetMinutes: number;
  offsetSource: OffsetSource;
}

export type TimeResult = { ok: true; time: ResolvedTime } | { ok: false; reason: string };

// Abbreviations carriers write beside local times (Canada Post, UPS, FedEx). Their fixed offsets are what
// the abbreviation says (EST is -05:00 even in July); an unknown abbreviation is treated as no zone.
const ABBREVIATIONS: Record<string, number> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  BST: 60,
  WEST: 60,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  NST: -210,
  NDT: -150,
  AST: -240,
  ADT: -180,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  AWST: 480,
  ACST: 570,
  ACDT: 630,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
  JST: 540,
  KST: 540,
  IST: 330,
  HKT: 480,
  SGT: 480,
};

// Dates outside this range are carrier placeholders (0001-01-01, 1970-01-01, 9999-12-31), not events.
const EARLIEST_YEAR = 1995;
const LATEST_YEAR = 2100;

// An offset only counts after a time of day: the "-05" of a bare date "2021-03-05" is its day.
const EXPLICIT_OFFSET = /[T\s]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s?(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** A zone given beside a time, as a luxon zone; null when it cannot be read. */
export function zoneFrom(value: string | number | null | undefined): FixedOffsetZone | IANAZone | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return FixedOffsetZone.instance(value);
  const v = value.trim();
  const abbreviation = ABBREVIATIONS[v.toUpperCase()];
  if (abbreviation !== undefined) return FixedOffsetZone.instance(abbreviation);
  const offset = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(v);
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0);
    return FixedOffsetZone.instance(offset[1] === '-' ? -minutes : minutes);
  }
  return IANAZone.isValidZone(v) ? IANAZone.create(v) : null;
}

function parseWith(value: string, formats: readonly string[], zone: FixedOffsetZone | IANAZone) {
  const iso = DateTime.fromISO(value, { zone, setZone: true });
  if (iso.isValid) return iso;
  for (const format of formats) {
    const dt = DateTime.fromFormat(value, format, { zone, setZone: true, locale: 'en-US' });
    if (dt.isValid) return dt;
  }
  return null;
}

export function resolveTime(input: TimeInput): TimeResult {
  const value = input.value?.replace(/\s+/g, ' ').trim();
  if (!value) return { ok: false, reason: 'no time given' };
  const formats = input.formats ?? [];

  let source: OffsetSource;
  let zone: FixedOffsetZone | IANAZone;
  const carrierZone = zoneFrom(input.zone);
  const locationZone = zoneForLocation(input.location);
  if (EXPLICIT_OFFSET.test(value) && DateTime.fromISO(value).isValid) {
    source = 'carrier';
    zone = FixedOffsetZone.utcInstance; // replaced by the offset in the text (setZone)
  } else if (carrierZone) {
    source = 'carrier';
    zone = carrierZone;
  } else if (locationZone) {
    source = 'location_zone';
    zone = IANAZone.create(locationZone);
  } else {
    source = 'assumed_utc';
    zone = FixedOffsetZone.utcInstance;
  }

  const dt = parseWith(value, formats, zone);
  if (!dt) return { ok: false, reason: `unreadable time "${value}"` };
  if (dt.year < EARLIEST_YEAR || dt.year > LATEST_YEAR) {
    return { ok: false, reason: `implausible time "${value}"` };
  }
  return {
    ok: true,
    time: {
      occurredAt: dt.toUTC().toISO() as string,
      occurredAtLocal: value,
      utcOffsetMinutes: dt.offset,
      offsetSource: source,
    },
  };
}

/** A calendar date (YYYY-MM-DD) from carrier text, for estimates; null when unreadable or implausible. */
export function resolveDate(
  value: string | null | undefined,
  formats: readonly string[] = [],
): string | null {
  const v = value?.trim();
  if (!v) return null;
  const zone = FixedOffsetZone.utcInstance;
  let dt = DateTime.fromISO(v, { zone, setZone: true });
  if (!dt.isValid) {
    dt = DateTime.invalid('no format');
    for (const f of formats) {
      const d = DateTime.fromFormat(v, f, { zone, setZone: true, locale: 'en-US' });
      if (d.isValid) {
        dt = d;
        break;
      }
    }
  }
  if (!dt.isValid || dt.year < EARLIEST_YEAR || dt.year > LATEST_YEAR) return null;
  return dt.toISODate();
}
