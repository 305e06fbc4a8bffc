import type { EventLocation } from '../../domain/shapes.js';
import type { CodeRule, CodeTable } from '../adapter.js';
import type { CanonicalEvent, TrackedShipment } from '../model.js';
import { classify } from './classify.js';
import { normalizeCountry } from './country.js';
import { resolveTime, type TimeInput } from './time.js';

// Builders shared by the mappers, so every event and shipment has the same shape and the same rules.

export interface EventSpec {
  /** The code stored as rawCode. */
  code: string | null | undefined;
  text: string | null | undefined;
  time: TimeInput;
  location?: EventLocation | null;
  tables: readonly CodeTable[];
  /** Codes to look up, most specific first; defaults to [code]. */
  lookup?: readonly (string | null | undefined)[];
  /** The status for codes no table knows (the code's class), before falling back to the text. */
  classRule?: CodeRule | null;
  /** A rule decided by the mapper itself (an aggregator's own normalized status); skips the tables. */
  rule?: CodeRule | null;
}

/**
 * Control characters carriers sometimes leave in their text (NUL above all, which Postgres refuses in text and
 * JSON and would make the whole payload fail on every attempt) are dropped; whitespace runs become a space.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
export const plainText = (v: string) => v.replace(CONTROLS, '').replace(/\s+/g, ' ').trim();

export type BuiltEvent = { ok: true; event: CanonicalEvent } | { ok: false; reason: string };

export function buildEvent(spec: EventSpec): BuiltEvent {
  const location = spec.location ?? null;
  const time = resolveTime({ ...spec.time, location: spec.time.location ?? location });
  if (!time.ok) return { ok: false, reason: time.reason };
  const rawCode = plainText(spec.code ?? '');
  const rawText = plainText(spec.text ?? '');
  const { rule, mapped } = spec.rule
    ? { rule: spec.rule, mapped: true }
    : classify(spec.tables, spec.lookup ?? [rawCode], rawText, spec.classRule);
  return {
    ok: true,
    event: {
      ...time.time,
      status: rule.status,
      substatus: rule.substatus ?? null,
      rawCode,
      rawText,
      location,
      mapped,
    },
  };
}

/** Keeps the events that could be built; the others are reported back as skipped with their reason. */
export function collectEvents(specs: readonly EventSpec[]): {
  events: CanonicalEvent[];
  skipped: { code: string; text: string; reason: string }[];
} {
  const events: CanonicalEvent[] = [];
  const skipped: { code: string; text: string; reason: string }[] = [];
  for (const spec of specs) {
    const built = buildEvent(spec);
    if (built.ok) events.push(built.event);
    else skipped.push({ code: spec.code ?? '', text: spec.text ?? '', reason: built.reason });
  }
  return { events, skipped };
}

const clean = (v: string | null | undefined) => {
  const t = v === null || v === undefined ? '' : plainText(v);
  return t ? t : null;
};

/** A location, or null when the carrier gave nothing usable. */
export function location(parts: {
  city?: string | null;
  region?: string | null;
  postalCode?: string | null;
  country?: string | null;
}): EventLocation | null {
  const loc: EventLocation = {
    city: clean(parts.city),
    region: clean(parts.region),
    postalCode: clean(parts.postalCode),
    countryCode: normalizeCountry(parts.country),
  };
  return loc.city || loc.region || loc.postalCode || loc.countryCode ? loc : null;
}

export function trackedShipment(
  trackingNumber: string,
  facts: Partial<Omit<TrackedShipment, 'trackingNumber'>>,
): TrackedShipment {
  return {
    trackingNumber: plainText(trackingNumber)
      .replace(/[\s-]+/g, '')
      .toUpperCase(),
    underlyingCarrier: facts.underlyingCarrier ?? null,
    events: facts.events ?? [],
    edd: facts.edd ?? null,
    service: clean(facts.service),
    signedBy: clean(facts.signedBy),
    origin: facts.origin ?? null,
    destination: facts.destination ?? null,
    pieces: facts.pieces ?? null,
    carrierStatus: facts.carrierStatus ?? null,
    skipped: facts.skipped ?? [],
  };
}

/**
 * Events oldest first, stable: events at the same instant keep the carrier's own order, read oldest first
 * (a carrier that lists newest first has its list reversed before sorting).
 */
export function oldestFirst(events: readonly CanonicalEvent[], newestFirst: boolean): CanonicalEvent[] {
  const ordered = newestFirst ? [...events].reverse() : [...events];
  return ordered
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.occurredAt < b.e.occurredAt ? -1 : a.e.occurredAt > b.e.occurredAt ? 1 : a.i - b.i))
    .map(({ e }) => e);
}
