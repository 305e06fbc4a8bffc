import type { CanonicalEvent, MapResult, PayloadInput, ProblemKind } from '../model.js';
import { collectEvents, type EventSpec, location, trackedShipment } from '../support/build.js';
import { type Node, num, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus } from '../support/problems.js';
import { ASENDIA_EVENT_CODES } from './codes.js';

// Asendia tracking (GET /api/customers/{customerId}/tracking/{trackingNumber}): { trackingNumber,
// trackingEvents: [{ id, code, time, locationName, locationCountry, carrierEventDescription }] }, or in
// newer versions the bare array of events (the number is then the one asked for). Times are UTC ("Z").
// Errors are problem documents { type, title, status, detail, message: "error.tracking.not_found" }.

export function mapAsendia(input: PayloadInput): MapResult {
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  const parsed = parseJson(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `Asendia HTTP ${input.httpStatus}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  const body = parsed.value;
  const list = Array.isArray(body) ? body : body?.trackingEvents;
  if (!Array.isArray(list)) {
    if (body && (body.status !== undefined || text(body.title) || text(body.message)))
      return problemDoc(body, input, asked);
    return failed('malformed', 'Asendia answer without trackingEvents');
  }
  const number = (Array.isArray(body) ? null : text(body.trackingNumber)) ?? asked;
  if (!number) return failed('malformed', 'Asendia answer without trackingNumber');
  const specs: EventSpec[] = list.map((e: Node) => ({
    code: text(e?.code),
    text: text(e?.carrierEventDescription) ?? text(e?.description),
    time: { value: text(e?.time) },
    location: location({ city: text(e?.locationName), country: text(e?.locationCountry) }),
    tables: [ASENDIA_EVENT_CODES],
  }));
  const { events, skipped } = collectEvents(specs);
  return { shipments: [trackedShipment(number, { events: oldestFirst(events), skipped })], problems: [] };
}

function problemDoc(body: Node, input: PayloadInput, asked: string | null): MapResult {
  const status = num(body.status) ?? input.httpStatus ?? null;
  const key = text(body.message);
  let kind: ProblemKind = kindForHttpStatus(status) ?? 'carrier_error';
  if (key && /not_?found/i.test(key)) kind = 'not_found';
  const message = text(body.detail) ?? text(body.title) ?? key ?? 'Asendia error';
  return failed(kind, message, {
    code: key ?? (status !== null ? String(status) : null),
    trackingNumber: asked,
  });
}

/** Sorted by instant; ties keep Asendia's order. */
function oldestFirst(events: CanonicalEvent[]): CanonicalEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.occurredAt < b.e.occurredAt ? -1 : a.e.occurredAt > b.e.occurredAt ? 1 : a.i - b.i))
    .map(({ e }) => e);
}
