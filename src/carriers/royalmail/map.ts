import type { MapProblem, MapResult, PayloadInput, ProblemKind, TrackedShipment } from '../model.js';
import { collectEvents, type EventSpec, location, oldestFirst, trackedShipment } from '../support/build.js';
import { asArray, type Node, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus, problem } from '../support/problems.js';
import { resolveDate, resolveTime } from '../support/time.js';
import { ROYALMAIL_EVENT_CODES } from './codes.js';

// Royal Mail Tracking API v2 (api.royalmail.net/mailpieces/v2). The events answer is
// { mailPieces: { mailPieceId, summary, signature?, estimatedDelivery?, events[] } } with events newest
// first and ISO times with offsets; the summary answer lists several mailPieces (each with summary or
// error). An item has two identifiers: uniqueItemId (the 2D barcode, also mailPieceId) and oneDBarcode
// (the 1D barcode printed on the label, "FQ087430672GB"); either can be asked for. Errors:
// { httpCode, httpMessage, moreInformation?, errors: [{ errorCode, errorDescription, errorCause, ... }] },
// and per mail piece { error: {...} } in summary answers.

// Error codes Royal Mail documents for the tracking API (others are read from the HTTP code).
const ERROR_KINDS: Record<string, ProblemKind> = {
  E1142: 'not_found', // barcode reference not recognised
  E1284: 'not_found', // no delivery update for this item yet
  E1283: 'carrier_error', // tracking not supported for this product
  E1144: 'carrier_error', // proof of delivery unavailable
  E1145: 'carrier_error', // proof of delivery unavailable for this product
  E1307: 'retryable', // tracking temporarily unavailable
  E1308: 'retryable', // update not available at the moment
  E0001: 'retryable', // service unavailable
  E0009: 'retryable', // internal server error
  E0010: 'retryable', // too many requests
  E0004: 'carrier_error', // request failed header/schema validation
  E0013: 'carrier_error', // too many tracking numbers in one request
};

const TABLES = [ROYALMAIL_EVENT_CODES];

export function mapRoyalMail(input: PayloadInput): MapResult {
  const parsed = parseJson(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `Royal Mail HTTP ${input.httpStatus}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  const body = parsed.value;
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return failed('malformed', 'Royal Mail answer is not an object');
  }
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  const pieces = asArray(body.mailPieces);
  if (pieces.length === 0) {
    if (Array.isArray(body.errors) || text(body.httpCode))
      return { shipments: [], problems: [bodyProblem(body, input, asked)] };
    return failed('malformed', 'Royal Mail answer without mailPieces');
  }
  const result: MapResult = { shipments: [], problems: [] };
  for (const piece of pieces) {
    if (piece?.error) {
      result.problems.push(errorProblem(piece.error, null, pieceNumber(piece, null)));
      continue;
    }
    const shipment = mapPiece(piece, pieces.length === 1 ? asked : null);
    if (shipment) result.shipments.push(shipment);
    else result.problems.push(problem('malformed', 'Royal Mail mail piece without an identifier'));
  }
  return result;
}

function bodyProblem(body: Node, input: PayloadInput, asked: string | null): MapProblem {
  const status = Number(text(body.httpCode) ?? input.httpStatus ?? Number.NaN);
  const first = asArray(body.errors)[0];
  if (first) return errorProblem(first, Number.isFinite(status) ? status : null, asked);
  const kind = kindForHttpStatus(Number.isFinite(status) ? status : null) ?? 'carrier_error';
  const message = text(body.moreInformation) ?? text(body.httpMessage) ?? 'Royal Mail error';
  return problem(kind, message, { code: text(body.httpCode), trackingNumber: asked });
}

function errorProblem(error: Node, httpStatus: number | null, number: string | null): MapProblem {
  const code = text(error?.errorCode);
  const kind = (code ? ERROR_KINDS[code] : undefined) ?? kindForHttpStatus(httpStatus) ?? 'carrier_error';
  const message = [text(error?.errorDescription), text(error?.errorCause)].filter(Boolean).join(': ');
  return problem(kind, message || code || 'Royal Mail error', { code, trackingNumber: number });
}

/** The asked number when the answer names it (either barcode), else Royal Mail's mailPieceId. */
function pieceNumber(piece: Node, asked: string | null): string | null {
  const ids = [
    text(piece?.mailPieceId),
    text(piece?.summary?.uniqueItemId),
    text(piece?.summary?.oneDBarcode),
  ];
  const norm = (v: string | null) => v?.replace(/[\s-]+/g, '').toUpperCase() ?? null;
  if (asked && ids.some((id) => id && norm(id) === norm(asked))) return asked;
  return ids.find((id) => id !== null) ?? null;
}

function mapPiece(piece: Node, asked: string | null): TrackedShipment | null {
  const number = pieceNumber(piece, asked);
  if (!number) return null;
  const summary = piece.summary ?? {};
  const specs: EventSpec[] = asArray(piece.events).map((e: Node) => ({
    code: text(e?.eventCode),
    text: text(e?.eventName),
    time: { value: text(e?.eventDateTime) },
    location: location({ city: text(e?.locationName) }),
    tables: TABLES,
  }));
  // A summary answer has no event list, only the latest event: that event is the one to keep.
  if (!Array.isArray(piece.events) && text(summary.lastEventCode) && text(summary.lastEventDateTime)) {
    specs.push({
      code: text(summary.lastEventCode),
      text: text(summary.lastEventName),
      time: { value: text(summary.lastEventDateTime) },
      location: location({ city: text(summary.lastEventLocationName) }),
      tables: TABLES,
    });
  }
  const { events, skipped } = collectEvents(specs);
  const category = text(summary.statusCategory);
  return trackedShipment(number, {
    events: oldestFirst(events, true),
    skipped,
    service: text(summary.productName),
    signedBy: text(piece.signature?.recipientName),
    origin: location({ country: text(summary.originCountryCode) }),
    destination: location({ country: text(summary.destinationCountryCode) }),
    edd: edd(piece.estimatedDelivery),
    carrierStatus: category ? { code: category, text: text(summary.statusDescription) ?? category } : null,
  });
}

/** estimatedDelivery: a date and a window given as times of day with their offset ("08:00:00+01:00"). */
function edd(estimate: Node): TrackedShipment['edd'] {
  const date = resolveDate(text(estimate?.date));
  if (!date) return null;
  const at = (time: string | null) => {
    if (!time) return null;
    const r = resolveTime({ value: `${date}T${time}` });
    return r.ok ? r.time.occurredAt : null;
  };
  return {
    date,
    windowStart: at(text(estimate.startOfEstimatedWindow)),
    windowEnd: at(text(estimate.endOfEstimatedWindow)),
  };
}
