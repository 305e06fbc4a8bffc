import { DateTime } from 'luxon';
import type { EventLocation } from '../../domain/shapes.js';
import type { EddFacts, MapProblem, MapResult, PayloadInput } from '../model.js';
import { collectEvents, type EventSpec, location, trackedShipment } from '../support/build.js';
import { asArray, type Node, num, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus, problem } from '../support/problems.js';
import { resolveTime } from '../support/time.js';
import { zoneForLocation } from '../support/zone.js';
import { ROADIE_EVENTS, ROADIE_STATES } from './codes.js';

// Roadie v1 shipments API: a list of shipments (several may share one tracking number: each is its own
// delivery, kept in Roadie's order). Events are { name, occurred_at (ISO, UTC), location {lat, lng} }; the
// shipment has a state and an updated_at, which dates the state when there are no events. Roadie delivers in
// the US only; its addresses carry no country. Errors: { errors: [{ code, parameter, message }] }; a
// throttled call is HTTP 429 (Retry-After).

const address = (a: Node): EventLocation | null =>
  location({
    city: text(a?.city),
    region: text(a?.state),
    postalCode: text(a?.zip),
    country: a ? 'US' : null,
  });

export function mapRoadie(input: PayloadInput): MapResult {
  const parsed = parseJson(input.body);
  const byStatus = kindForHttpStatus(input.httpStatus);
  if (!parsed.ok) {
    return byStatus
      ? failed(byStatus, `Roadie HTTP ${input.httpStatus}: ${parsed.problem.message}`)
      : failed('malformed', parsed.problem.message);
  }
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  const body = parsed.value;
  if (body && typeof body === 'object' && !Array.isArray(body) && Array.isArray(body.errors)) {
    return { shipments: [], problems: errorProblems(body.errors, byStatus, asked) };
  }
  const docs = asArray(body);
  if (docs.length === 0) return failed('not_found', 'Roadie returned no shipment', { trackingNumber: asked });
  const problems: MapProblem[] = [];
  const shipments = docs.flatMap((doc: Node) => {
    const number = doc && typeof doc === 'object' ? text(doc.tracking_number) : null;
    if (!number) {
      problems.push(problem('malformed', 'Roadie shipment without tracking_number'));
      return [];
    }
    return [shipment(doc, number)];
  });
  return { shipments, problems };
}

function errorProblems(
  errors: Node[],
  byStatus: ReturnType<typeof kindForHttpStatus>,
  asked: string | null,
): MapProblem[] {
  const list = errors.filter((e) => e && typeof e === 'object');
  if (list.length === 0)
    return [
      problem(byStatus ?? 'carrier_error', 'Roadie error without a message', { trackingNumber: asked }),
    ];
  return list.map((e) => {
    const message = text(e.message) ?? 'Roadie error';
    const kind = byStatus ?? (/not found|does not exist/i.test(message) ? 'not_found' : 'carrier_error');
    return problem(kind, message, { code: text(e.code), trackingNumber: asked });
  });
}

function shipment(doc: Node, number: string) {
  const origin = address(doc.pickup_location?.address);
  const destination = address(doc.delivery_location?.address);
  const state = text(doc.state);
  const listed = asArray(doc.events).map(
    (e: Node): EventSpec => ({
      code: text(e?.name),
      text: text(e?.name),
      time: { value: text(e?.occurred_at) },
      tables: [ROADIE_EVENTS],
    }),
  );
  // No events: the state is the one event, dated by updated_at.
  const specs: EventSpec[] =
    listed.length > 0 || !state
      ? listed
      : [{ code: state, text: state, time: { value: text(doc.updated_at) }, tables: [ROADIE_STATES] }];
  const { events, skipped } = collectEvents(specs);
  const pieces = asArray(doc.items).reduce((sum: number, i: Node) => sum + (num(i?.quantity) ?? 0), 0);
  return trackedShipment(number, {
    events: [...events].sort((a, b) =>
      a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0,
    ),
    skipped,
    edd: window(doc.deliver_between, destination),
    signedBy: text(doc.signatory_name),
    origin,
    destination,
    pieces: pieces > 0 ? pieces : null,
    carrierStatus: state ? { code: state, text: state } : null,
  });
}

/** deliver_between {start, end}: the window, and its last day in the recipient's calendar. */
function window(between: Node, destination: EventLocation | null): EddFacts | null {
  const start = resolveTime({ value: text(between?.start) });
  const end = resolveTime({ value: text(between?.end) });
  if (!start.ok && !end.ok) return null;
  const last = end.ok ? end.time.occurredAt : start.ok ? start.time.occurredAt : null;
  const zone = zoneForLocation(destination) ?? 'utc';
  return {
    date: last ? DateTime.fromISO(last, { zone }).toISODate() : null,
    windowStart: start.ok ? start.time.occurredAt : null,
    windowEnd: end.ok ? end.time.occurredAt : null,
  };
}
