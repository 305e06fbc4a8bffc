import { lookupCode } from '../adapter.js';
import type { TrackedShipment } from '../model.js';
import { collectEvents, type EventSpec, location, trackedShipment } from '../support/build.js';
import { classifyText } from '../support/classify.js';
import { normalizeCountry } from '../support/country.js';
import { asArray, type Node, text } from '../support/parse.js';
import { PACKAGE_STATE_LABELS, SEVENTEENTRACK_PACKAGE_STATE, SEVENTEENTRACK_STATUS } from './codes.js';
import { underlyingCarrier } from './underlying.js';

// API v1 (gettrackinfo: track.e, z0 = latest event, z1/z2 = the origin and destination carriers' events,
// newest first) and the legacy web API (FPackageState, FLastEvent as a JSON string). Events are {a: local
// time 'yyyy-MM-dd HH:mm[:ss]' with no zone, c/d: two location parts (a city, a country, either may be
// empty), z: text}. Events carry no code: their text says what they are, and the package state, which is
// the state the newest event left the parcel in, is given to the newest event only.

const TABLES = [SEVENTEENTRACK_PACKAGE_STATE, SEVENTEENTRACK_STATUS];
const FORMATS = ['yyyy-MM-dd HH:mm', 'yyyy-MM-dd HH:mm:ss'];

/** c and d are free parts: the one that names a country is the country, the other the city. */
function place(e: Node) {
  let city: string | null = null;
  let country: string | null = null;
  for (const part of [text(e?.c), text(e?.d)]) {
    if (!part) continue;
    if (!country && normalizeCountry(part)) country = part;
    else city ??= part;
  }
  return location({ city, country });
}

const stateCode = (value: Node): string | null => {
  const t = text(value);
  return t !== null && /^-?\d+$/.test(t) ? t : null;
};

// A bare date is midnight where the event happened. Written out with its time, because support/time.ts
// takes the "-05" ending "2021-03-05" for a UTC offset (its EXPLICIT_OFFSET test does not require a time).
const timeOf = (a: string | null) => (a && /^\d{4}-\d{2}-\d{2}$/.test(a) ? `${a} 00:00` : a);

function eventSpec(e: Node, state: string | null): EventSpec {
  const words = text(e?.z);
  const base: EventSpec = {
    code: state,
    text: words,
    time: { value: timeOf(text(e?.a)), formats: FORMATS },
    location: place(e),
    tables: TABLES,
  };
  if (!state) return { ...base, lookup: [] };
  const rule = lookupCode(SEVENTEENTRACK_PACKAGE_STATE, state);
  if (!rule) return { ...base, lookup: [state] };
  if (rule.status === 'pending') return { ...base, code: null, lookup: [] };
  // The state names the stage; the event's words may name the step within it ("Arrival at …").
  const read = classifyText(words);
  const step = !rule.substatus && read?.status === rule.status ? read.substatus : undefined;
  return { ...base, rule: step ? { ...rule, substatus: step } : rule };
}

const same = (x: Node, y: Node) =>
  text(x?.a) === text(y?.a) && text(x?.z) === text(y?.z) && text(x?.c) === text(y?.c);

function facts(state: string | null, carrierKey: unknown) {
  return {
    underlyingCarrier: underlyingCarrier(carrierKey),
    carrierStatus: state ? { code: state, text: PACKAGE_STATE_LABELS[state] ?? 'Unknown' } : null,
  };
}

/** One accepted entry of v1 gettrackinfo. */
export function mapTrack(entry: Node, number: string): TrackedShipment {
  const track = entry.track ?? {};
  const state = stateCode(track.e);
  const listed = [...asArray(track.z1), ...asArray(track.z2)].filter((e: Node) => e && typeof e === 'object');
  const latest = track.z0 && Object.keys(track.z0).length > 0 ? track.z0 : null;
  let at = latest ? listed.findIndex((e: Node) => same(e, latest)) : 0;
  if (latest && at < 0) {
    listed.unshift(latest);
    at = 0;
  }
  const { events, skipped } = collectEvents(
    listed.map((e: Node, i: number) => eventSpec(e, i === at ? state : null)),
  );
  return trackedShipment(number, { ...facts(state, track.w1), events, skipped });
}

/** An entry of gettracklist (v1: e, v2: package_status): a state, no events. */
export function mapListed(entry: Node, number: string): TrackedShipment {
  const state = stateCode(entry.e);
  const status = text(entry.package_status);
  const base = facts(state, entry.w1 ?? entry.carrier);
  return trackedShipment(number, {
    ...base,
    carrierStatus: base.carrierStatus ?? (status ? { code: status, text: status } : null),
  });
}

function parseEvent(raw: Node): Node | null {
  if (raw && typeof raw === 'object') return raw;
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

/** A package of the legacy web API (buyer.17track.net GetTrackInfoList). */
export function mapLegacyPackage(p: Node, number: string): TrackedShipment {
  const state = stateCode(p.FPackageState);
  const last = parseEvent(p.FLastEvent);
  const { events, skipped } = collectEvents(last ? [eventSpec(last, state)] : []);
  if (!last && text(p.FLastEvent)) {
    skipped.push({ code: state ?? '', text: text(p.FLastEvent) ?? '', reason: 'FLastEvent is not JSON' });
  }
  return trackedShipment(number, { ...facts(state, p.FFirstCarrier || null), events, skipped });
}
