import type { EventLocation } from '../../domain/shapes.js';
import type { CanonicalEvent, MapResult, PayloadInput, ProblemKind, TrackedShipment } from '../model.js';
import { buildEvent, type EventSpec, location, oldestFirst, trackedShipment } from '../support/build.js';
import { asArray, type Node, num, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus } from '../support/problems.js';
import { resolveDate } from '../support/time.js';
import { SMARTKARGO_CODES } from './codes.js';
import { dotNetDate } from './dates.js';

// SmartKargo tracking (JSON): a flat array of events for every piece of the shipments found, each with
// headerReference (the shipment reference wismo tracks), packageReference, pieceReference, prefix and
// airWaybill, eventType (IATA Cargo-IMP code), description, eventDate, eventLocation (an IATA airport code),
// flight details, pieces, weight and estimatedDeliveryDate. The partner API adds a location object with the
// address and its IANA timezone, which places eventDate; without it eventDate has no zone and is marked as
// assumed UTC (an airport code alone names no zone wismo can look up). Events are grouped by
// headerReference. Errors: { error: { code, message } }.

const ERROR_KINDS: Record<string, ProblemKind> = {
  NOT_FOUND: 'not_found',
  UNAUTHORIZED: 'carrier_error',
  FORBIDDEN: 'carrier_error',
  BAD_REQUEST: 'carrier_error',
  TOO_MANY_REQUESTS: 'retryable',
  RATE_LIMITED: 'retryable',
  SERVICE_UNAVAILABLE: 'retryable',
};

export function mapSmartKargo(input: PayloadInput): MapResult {
  const parsed = parseJson(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `SmartKargo HTTP ${input.httpStatus}: ${parsed.problem.message}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  const body = parsed.value;
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  if (body?.error && typeof body.error === 'object') {
    const code = text(body.error.code) ?? 'error';
    const kind = ERROR_KINDS[code.toUpperCase()] ?? kindForHttpStatus(input.httpStatus) ?? 'carrier_error';
    return failed(kind, text(body.error.message) ?? code, { code, trackingNumber: asked });
  }
  if (body === null || typeof body !== 'object' || (!Array.isArray(body) && !text(body.eventType))) {
    return failed('malformed', 'SmartKargo answer is not a list of events');
  }
  const rows = asArray<Node>(body).filter((r) => r && typeof r === 'object' && text(r.eventType));
  if (rows.length === 0)
    return failed('not_found', 'SmartKargo returned no events', { trackingNumber: asked });

  const groups = new Map<string, Node[]>();
  for (const row of rows) {
    const ref =
      text(row.headerReference) ?? [text(row.prefix), text(row.airWaybill)].filter(Boolean).join('-');
    groups.set(ref, [...(groups.get(ref) ?? []), row]);
  }
  return { shipments: [...groups].map(([ref, group]) => shipment(ref, group)), problems: [] };
}

function shipment(reference: string, rows: Node[]): TrackedShipment {
  const events: CanonicalEvent[] = [];
  const skipped: TrackedShipment['skipped'] = [];
  for (const row of rows) {
    const raw = text(row.eventDate);
    const built = buildEvent(eventSpec(row, raw));
    // occurredAtLocal stays the carrier's writing, /Date(…)/ included.
    if (built.ok) events.push({ ...built.event, occurredAtLocal: raw as string });
    else
      skipped.push({
        code: text(row.eventType) ?? '',
        text: text(row.description) ?? '',
        reason: built.reason,
      });
  }
  const estimates = rows.map((r) => resolveDate(dotNetDate(text(r.estimatedDeliveryDate)))).filter(Boolean);
  const pieceRefs = new Set(rows.map((r) => text(r.pieceReference)).filter(Boolean));
  const declared = Math.max(0, ...rows.map((r) => num(r.pieces) ?? 0));
  const pieces = Math.max(pieceRefs.size, declared);
  return trackedShipment(reference, {
    events: oldestFirst(events, true),
    skipped,
    edd: estimates.length ? { date: estimates.at(-1) as string, windowStart: null, windowEnd: null } : null,
    pieces: pieces > 0 ? pieces : null,
  });
}

function eventSpec(row: Node, raw: string | null): EventSpec {
  const where = place(row);
  return {
    code: text(row.eventType),
    text: text(row.description),
    time: { value: dotNetDate(raw), zone: text(row.location?.timezone) },
    location: where,
    tables: [SMARTKARGO_CODES],
  };
}

function place(row: Node): EventLocation | null {
  const l = row.location;
  if (l && typeof l === 'object') {
    return location({
      city: text(l.city),
      region: text(l.state),
      postalCode: text(l.zip),
      country: text(l.countryId),
    });
  }
  // Only an airport code: kept as the place name, with no country to look a zone up by.
  return location({ city: text(row.eventLocation) });
}
