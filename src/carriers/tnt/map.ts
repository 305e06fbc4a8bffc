import type { EventLocation } from '../../domain/shapes.js';
import type {
  CanonicalEvent,
  MapProblem,
  MapResult,
  PayloadInput,
  ProblemKind,
  TrackedShipment,
} from '../model.js';
import {
  collectEvents,
  type EventSpec,
  location,
  oldestFirst as sortOldestFirst,
  trackedShipment,
} from '../support/build.js';
import { asArray, type Node, num, parseXml, text } from '../support/parse.js';
import { failed, kindForHttpStatus, problem } from '../support/problems.js';
import { zoneForLocation } from '../support/zone.js';
import { SUMMARY_TEXT, TNT_STATUS_CODES, TNT_SUMMARY_CODES } from './codes.js';

// TNT Express ExpressConnect Tracking TrackResponse: one Consignment per match (TNT reuses consignment
// numbers, so one number can give several), each with ConsignmentNumber, SummaryCode (DEL, INT, EXC; CNF =
// not found), OriginDepot, OriginCountry, DestinationCountry, DeliveryTown, Signatory, PieceQuantity,
// DeliveryDate/DeliveryTime and StatusData events, newest first: StatusCode, StatusDescription,
// LocalEventDate (YYYYMMDD) and LocalEventTime (HHMM) local to the Depot, which has a name but no country.
// Errors: <Error><Code>, <Message>.

const TIME_FORMATS = ['yyyyMMdd HHmm', 'yyyyMMdd HHmmss'];

export function mapTnt(input: PayloadInput): MapResult {
  const parsed = parseXml(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `TNT HTTP ${input.httpStatus}: ${parsed.problem.message}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  if (!parsed.value || typeof parsed.value !== 'object' || !('TrackResponse' in parsed.value))
    return failed('malformed', 'TNT answer without TrackResponse');
  // An empty <TrackResponse/> (nothing matched) parses as an empty string.
  const response = typeof parsed.value.TrackResponse === 'object' ? parsed.value.TrackResponse : {};
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  const problems: MapProblem[] = asArray(response.Error).map((e: Node) => {
    const message = text(e?.Message) ?? 'TNT error';
    return problem(errorKind(message, input.httpStatus), message, {
      code: text(e?.Code),
      trackingNumber: asked,
    });
  });
  const shipments: TrackedShipment[] = [];
  for (const c of asArray(response.Consignment)) {
    const number = text(c?.ConsignmentNumber);
    const summary = text(c?.SummaryCode);
    if (!number) problems.push(problem('malformed', 'TNT consignment without ConsignmentNumber'));
    else if (summary === 'CNF')
      problems.push(
        problem('not_found', 'TNT: consignment not found', { code: 'CNF', trackingNumber: number }),
      );
    else shipments.push(consignment(number, c));
  }
  if (shipments.length === 0 && problems.length === 0)
    problems.push(problem('not_found', 'TNT returned no consignment', { trackingNumber: asked }));
  return { shipments: currentFirst(shipments), problems };
}

function consignment(number: string, c: Node): TrackedShipment {
  const origin = location({ country: text(c.OriginCountry?.CountryCode) });
  const destination = location({
    city: text(c.DeliveryTown),
    country: text(c.DestinationCountry?.CountryCode),
  });
  const raw = asArray(c.StatusData);
  const zones = depotCountries(c, raw, origin, destination);
  const summary = text(c.SummaryCode);
  const specs =
    raw.length > 0 ? raw.map((s: Node) => eventSpec(s, zones)) : summarySpec(c, summary, destination);
  const { events, skipped } = collectEvents(specs);
  return trackedShipment(number, {
    events: oldestFirst(events),
    skipped,
    signedBy: text(c.Signatory),
    pieces: num(c.PieceQuantity),
    origin,
    destination,
    carrierStatus: summary ? { code: summary, text: SUMMARY_TEXT[summary] ?? summary } : null,
  });
}

/**
 * Depots have no country, but two are known: the origin depot is in the origin country, and the depot that
 * delivered (or sent the parcel out for delivery) is in the destination country. Only the time zone is taken
 * from this; the event's location stays the depot as TNT names it.
 */
function depotCountries(c: Node, raw: Node[], origin: EventLocation | null, dest: EventLocation | null) {
  const zones = new Map<string, EventLocation>();
  const originDepot = text(c.OriginDepot);
  if (originDepot && origin?.countryCode)
    zones.set(originDepot, { ...origin, city: text(c.OriginDepotName) ?? null });
  for (const s of raw) {
    const depot = text(s?.Depot);
    const last = TNT_STATUS_CODES.rules[text(s?.StatusCode) ?? '']?.status;
    if (depot && dest?.countryCode && (last === 'delivered' || last === 'out_for_delivery'))
      zones.set(depot, {
        city: text(s?.DepotName),
        region: null,
        postalCode: null,
        countryCode: dest.countryCode,
      });
  }
  return zones;
}

function eventSpec(s: Node, zones: Map<string, EventLocation>): EventSpec {
  const date = text(s?.LocalEventDate);
  const time = text(s?.LocalEventTime);
  const depot = zones.get(text(s?.Depot) ?? '') ?? null;
  return {
    code: text(s?.StatusCode),
    text: text(s?.StatusDescription),
    // A date without a time of day is not an instant: such an event is skipped, not put at midnight.
    time: {
      value: date && time ? `${date} ${time}` : null,
      formats: TIME_FORMATS,
      location: timeLocation(depot),
    },
    location: location({ city: text(s?.DepotName) ?? text(s?.Depot) }),
    tables: [TNT_STATUS_CODES],
  };
}

/** A consignment TNT summarises without StatusData: its delivery date and time make the one event. */
function summarySpec(c: Node, summary: string | null, destination: EventLocation | null): EventSpec[] {
  const date = text(c.DeliveryDate);
  const time = text(c.DeliveryTime);
  if (summary !== 'DEL' || !date || !time) return [];
  return [
    {
      code: summary,
      text: SUMMARY_TEXT[summary],
      time: { value: `${date} ${time}`, formats: TIME_FORMATS, location: timeLocation(destination) },
      location: destination,
      tables: [TNT_SUMMARY_CODES],
    },
  ];
}

/** Germany lists two zones with one clock; a German depot the city list does not know keeps Berlin's time. */
function timeLocation(loc: EventLocation | null): EventLocation | null {
  if (loc?.countryCode !== 'DE' || zoneForLocation(loc)) return loc;
  return { city: 'Berlin', region: null, postalCode: null, countryCode: 'DE' };
}

function errorKind(message: string, httpStatus?: number | null): ProblemKind {
  if (/not found/i.test(message)) return 'not_found';
  const byStatus = kindForHttpStatus(httpStatus);
  if (byStatus && byStatus !== 'carrier_error') return byStatus;
  if (/time.?out|unavailable|try again|system error/i.test(message)) return 'retryable';
  return 'carrier_error';
}

function oldestFirst(events: CanonicalEvent[]): CanonicalEvent[] {
  // TNT's order varies between answers: the list is read in whichever direction its ends say.
  return sortOldestFirst(events, (events[0]?.occurredAt ?? '') > (events.at(-1)?.occurredAt ?? ''));
}

/** Consignments sharing a reused number: the most recent first; different numbers keep TNT's order. */
function currentFirst(shipments: TrackedShipment[]): TrackedShipment[] {
  const firstSeen = new Map<string, number>();
  shipments.forEach((s, i) => {
    if (!firstSeen.has(s.trackingNumber)) firstSeen.set(s.trackingNumber, i);
  });
  const latest = (s: TrackedShipment) => s.events.at(-1)?.occurredAt ?? '';
  return shipments
    .map((s, i) => ({ s, i }))
    .sort(
      (a, b) =>
        (firstSeen.get(a.s.trackingNumber) ?? 0) - (firstSeen.get(b.s.trackingNumber) ?? 0) ||
        latest(b.s).localeCompare(latest(a.s)) ||
        a.i - b.i,
    )
    .map(({ s }) => s);
}
