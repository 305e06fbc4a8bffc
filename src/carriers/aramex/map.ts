import type { EventLocation } from '../../domain/shapes.js';
import type {
  CanonicalEvent,
  MapProblem,
  MapResult,
  PayloadInput,
  ProblemKind,
  TrackedShipment,
} from '../model.js';
import { collectEvents, type EventSpec, location, trackedShipment } from '../support/build.js';
import { normalizeCountry } from '../support/country.js';
import { asArray, at, type Node, parseXml, text } from '../support/parse.js';
import { failed, kindForHttpStatus, problem } from '../support/problems.js';
import { ARAMEX_CODES } from './codes.js';

// Aramex Shipping Services API, TrackShipments (SOAP 1.1). ShipmentTrackingResponse holds Notifications
// (errors such as ERR01 bad credentials, with HasErrors), TrackingResults (a WCF dictionary: one
// KeyValueOfstringArrayOfTrackingResult… per waybill, Key = the waybill, Value = its TrackingResult list) and
// NonExistingWaybills (the numbers Aramex does not know). A TrackingResult is WaybillNumber, UpdateCode,
// UpdateDescription, UpdateDateTime (local time without offset, "2015-07-13T04:30:00"), UpdateLocation
// ("Amman, Jordan": city, then country name), Comments, ProblemCode and weights. The time is placed in the
// zone of UpdateLocation's country.

export function mapAramex(input: PayloadInput): MapResult {
  const parsed = parseXml(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `Aramex HTTP ${input.httpStatus}: ${parsed.problem.message}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  const body = at(parsed.value, 'Envelope', 'Body') ?? parsed.value;
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  const fault = body?.Fault;
  if (fault) {
    return failed(
      kindForHttpStatus(input.httpStatus) ?? 'carrier_error',
      text(fault.faultstring) ?? 'SOAP fault',
      {
        code: text(fault.faultcode),
        trackingNumber: asked,
      },
    );
  }
  const response = body?.ShipmentTrackingResponse;
  if (!response || typeof response !== 'object') {
    return failed('malformed', 'Aramex answer without ShipmentTrackingResponse');
  }

  const problems: MapProblem[] = asArray(response.Notifications?.Notification).map((n: Node) => {
    const message = text(n?.Message) ?? 'Aramex error';
    return problem(notificationKind(message), message, { code: text(n?.Code), trackingNumber: asked });
  });
  for (const waybill of asArray(response.NonExistingWaybills?.string)) {
    const number = text(waybill);
    if (number)
      problems.push(problem('not_found', `Waybill "${number}" not found`, { trackingNumber: number }));
  }

  const shipments = resultEntries(response.TrackingResults).map(shipment);
  if (shipments.length === 0 && problems.length === 0) {
    problems.push(problem('not_found', 'Aramex returned no tracking result', { trackingNumber: asked }));
  }
  return { shipments, problems };
}

/** The dictionary entries, whatever suffix WCF gave the element name (KeyValueOfstringArrayOf…mFAkxlpY). */
function resultEntries(results: Node): Node[] {
  if (!results || typeof results !== 'object') return [];
  return Object.keys(results)
    .filter((k) => k.startsWith('KeyValueOf'))
    .flatMap((k) => asArray(results[k]));
}

function shipment(entry: Node): TrackedShipment {
  const results = asArray(entry?.Value?.TrackingResult);
  const number = text(entry?.Key) ?? text(results[0]?.WaybillNumber) ?? '';
  const { events, skipped } = collectEvents(results.map(eventSpec));
  return trackedShipment(number, { events: oldestFirst(events), skipped });
}

export function eventSpec(r: Node): EventSpec {
  const where = place(text(r?.UpdateLocation));
  return {
    code: text(r?.UpdateCode),
    text: text(r?.UpdateDescription),
    time: { value: text(r?.UpdateDateTime) },
    location: where,
    tables: [ARAMEX_CODES],
  };
}

/** "Al Muqabalain, Jordan" → city and country; a last part that is no country is kept as the region. */
export function place(value: string | null): EventLocation | null {
  const parts = (value ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  const last = parts.length > 1 ? (parts.at(-1) as string) : null;
  const country = normalizeCountry(last);
  return location({
    city: parts[0],
    region: parts.length > 2 ? parts.slice(1, -1).join(', ') : country ? null : last,
    country,
  });
}

function notificationKind(message: string): ProblemKind {
  if (/not found|does not exist|non.?existing/i.test(message)) return 'not_found';
  if (/time.?out|try again|unavailable|temporar/i.test(message)) return 'retryable';
  return 'carrier_error';
}

/** Aramex does not document the order of a waybill's updates: sorted by time, ties kept in Aramex's order. */
function oldestFirst(events: CanonicalEvent[]): CanonicalEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.occurredAt < b.e.occurredAt ? -1 : a.e.occurredAt > b.e.occurredAt ? 1 : a.i - b.i))
    .map(({ e }) => e);
}
