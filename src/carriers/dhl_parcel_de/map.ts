import type { CodeRule } from '../adapter.js';
import type { MapProblem, MapResult, PayloadInput, ProblemKind, TrackedShipment } from '../model.js';
import { collectEvents, type EventSpec, location, trackedShipment } from '../support/build.js';
import { classify } from '../support/classify.js';
import { asArray, type Node, parseXml, text } from '../support/parse.js';
import { failed, kindForHttpStatus, problem } from '../support/problems.js';
import { DHL_PARCEL_DE_EVENTS, DHL_PARCEL_DE_ICE } from './codes.js';
import { cityLine, timeLocation } from './place.js';

// DHL Parcel Germany tracking (Sendungsverfolgung, d-get-piece-detail): nested <data name="…"> elements whose
// facts are all attributes. The piece-shipment-list has code (0 = answer) and error; each piece-shipment has
// piece-code, the latest status (status-timestamp, status, ice/ric, standard-event-code), product-name,
// recipient-name (who took the parcel), recipient-city ("53113 Bonn"), origin- and dest-country and a
// piece-event-list of piece-event elements, oldest first: event-timestamp "17.03.2016 11:44" (German time),
// event-text, ice, ric, standard-event-code, event-location, event-country ("Germany") and ruecksendung
// (true on the way back to the sender). d-get-piece answers carry only the latest status, no events.

const TABLES = [DHL_PARCEL_DE_EVENTS, DHL_PARCEL_DE_ICE];
const TIME_FORMATS = ['dd.MM.yyyy HH:mm', 'dd.MM.yyyy HH:mm:ss'];
const RETURN: CodeRule = { status: 'returning', substatus: 'return_to_sender' };

const attr = (n: Node, name: string) => text(n?.[`@_${name}`]);
const children = (n: Node, name: string): Node[] =>
  asArray(n?.data).filter((d: Node) => attr(d, 'name') === name);

export function mapDhlParcelDe(input: PayloadInput): MapResult {
  const parsed = parseXml(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `DHL Parcel DE HTTP ${input.httpStatus}: ${parsed.problem.message}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  const list = parsed.value?.data;
  if (attr(list, 'name') !== 'piece-shipment-list')
    return failed('malformed', 'DHL answer without piece-shipment-list');
  const pieces = children(list, 'piece-shipment');
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  const code = attr(list, 'code') ?? '0';
  if (code !== '0') {
    const message = attr(list, 'error') ?? `DHL error ${code}`;
    const numbers = pieces.map((p) => attr(p, 'searched-piece-code') ?? attr(p, 'piece-code'));
    const targets = numbers.length > 0 ? numbers : [asked];
    return {
      shipments: [],
      problems: targets.map((n) =>
        problem(errorKind(code, message, input.httpStatus), message, { code, trackingNumber: n }),
      ),
    };
  }
  const result: MapResult = { shipments: [], problems: [] };
  for (const piece of pieces) {
    const bad = pieceProblem(piece);
    if (bad) result.problems.push(bad);
    else result.shipments.push(shipment(piece));
  }
  if (pieces.length === 0)
    result.problems.push(problem('not_found', 'DHL returned no piece', { trackingNumber: asked }));
  return result;
}

/** A piece DHL could not answer for inside a good list (error-status or piece-status other than 0). */
function pieceProblem(piece: Node): MapProblem | null {
  const status = attr(piece, 'error-status') ?? attr(piece, 'piece-status') ?? '0';
  const number = attr(piece, 'searched-piece-code') ?? attr(piece, 'piece-code');
  if (status === '0' && number) return null;
  const message = attr(piece, 'piece-status-desc') ?? attr(piece, 'status') ?? `DHL piece status ${status}`;
  return problem(errorKind(status, message), message, { code: status, trackingNumber: number });
}

function shipment(piece: Node): TrackedShipment {
  const raw = children(children(piece, 'piece-event-list')[0], 'piece-event');
  // A d-get-piece answer (no event list) still says the latest status and when: that is the one event.
  const specs =
    raw.length > 0 ? raw.map(eventSpec) : attr(piece, 'status-timestamp') ? [statusSpec(piece)] : [];
  const { events, skipped } = collectEvents(specs);
  const delivered = attr(piece, 'delivery-event-flag') === '1';
  const to = cityLine(attr(piece, 'recipient-city') ?? attr(piece, 'pan-recipient-city'));
  const statusCode = attr(piece, 'standard-event-code') ?? attr(piece, 'ice');
  return trackedShipment(attr(piece, 'piece-code') ?? (attr(piece, 'searched-piece-code') as string), {
    events,
    skipped,
    service: attr(piece, 'product-name'),
    signedBy: delivered ? attr(piece, 'recipient-name') : null,
    origin: location({ city: attr(piece, 'shipper-city'), country: attr(piece, 'origin-country') }),
    destination: location({
      city: to.city,
      postalCode: attr(piece, 'pan-recipient-postalcode') ?? to.postalCode,
      country: attr(piece, 'dest-country'),
    }),
    carrierStatus: statusCode
      ? { code: statusCode, text: attr(piece, 'status') ?? attr(piece, 'short-status') ?? statusCode }
      : null,
  });
}

function eventSpec(e: Node): EventSpec {
  const place = location({ city: attr(e, 'event-location'), country: attr(e, 'event-country') });
  const lookup = [attr(e, 'standard-event-code'), attr(e, 'ice')];
  const words = attr(e, 'event-text') ?? attr(e, 'event-status');
  return {
    code: attr(e, 'ice') ?? attr(e, 'standard-event-code'),
    text: words,
    time: { value: attr(e, 'event-timestamp'), formats: TIME_FORMATS, location: timeLocation(place) },
    location: place,
    tables: TABLES,
    lookup,
    rule: attr(e, 'ruecksendung') === 'true' ? returnRule(lookup, words) : null,
  };
}

function statusSpec(piece: Node): EventSpec {
  const place = location({ city: attr(piece, 'event-location'), country: attr(piece, 'event-country') });
  const lookup = [attr(piece, 'standard-event-code'), attr(piece, 'ice')];
  return {
    code: attr(piece, 'ice') ?? attr(piece, 'standard-event-code'),
    text: attr(piece, 'status') ?? attr(piece, 'short-status'),
    time: { value: attr(piece, 'status-timestamp'), formats: TIME_FORMATS, location: timeLocation(place) },
    location: place,
    tables: TABLES,
    lookup,
    rule: attr(piece, 'ruecksendung') === 'true' ? returnRule(lookup, attr(piece, 'status')) : null,
  };
}

/** On the way back (ruecksendung), every scan is the return's, except its delivery back to the sender. */
function returnRule(lookup: (string | null)[], words: string | null): CodeRule | null {
  return classify(TABLES, lookup, words).rule.status === 'delivered' ? null : RETURN;
}

function errorKind(code: string, message: string, httpStatus?: number | null): ProblemKind {
  if (code === '100' || /no data|keine daten|not found|nicht gefunden/i.test(message)) return 'not_found';
  const byStatus = kindForHttpStatus(httpStatus);
  if (byStatus && byStatus !== 'carrier_error') return byStatus;
  if (/time.?out|unavailable|nicht verf(ü|u)gbar|tempor|try again/i.test(message)) return 'retryable';
  return 'carrier_error';
}
