import type { MapResult, PayloadInput, ProblemKind } from '../model.js';
import { collectEvents, trackedShipment } from '../support/build.js';
import { asArray, type Node, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus } from '../support/problems.js';
import { canonicalStatus, ZOOM2U_STATUSES } from './codes.js';

// Zoom2u Customer API (GET api/v1/delivery/status/{reference}): the booking's current status and the time it
// changed (statusChangeDateTime, UTC ISO 8601; null while Unassigned). No history: one event at most. An
// unknown reference is HTTP 404; other errors are { "error-code": "403", "message": "Forbidden" }.

function errorKind(code: string | null, message: string, httpStatus: number | null | undefined): ProblemKind {
  if (/not found|can.t be found|does not exist/i.test(message)) return 'not_found';
  const byCode = code && /^\d{3}$/.test(code) ? kindForHttpStatus(Number(code)) : null;
  return byCode ?? kindForHttpStatus(httpStatus) ?? 'carrier_error';
}

export function mapZoom2u(input: PayloadInput): MapResult {
  const parsed = parseJson(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `Zoom2u HTTP ${input.httpStatus}: ${parsed.problem.message}`)
      : failed('malformed', parsed.problem.message);
  }
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  const parts = asArray(parsed.value).map((doc: Node) => mapBooking(doc, input.httpStatus, asked));
  if (parts.length === 0) return failed('malformed', 'empty Zoom2u answer');
  return { shipments: parts.flatMap((p) => p.shipments), problems: parts.flatMap((p) => p.problems) };
}

function mapBooking(doc: Node, httpStatus: number | null | undefined, asked: string | null): MapResult {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    return failed('malformed', 'Zoom2u answer is not a booking');
  const reference = text(doc.reference);
  if (!reference) {
    const message = text(doc.message) ?? text(doc.Message);
    if (!message) return failed('malformed', 'Zoom2u answer without reference');
    const code = text(doc['error-code']);
    return failed(errorKind(code, message, httpStatus), message, { code, trackingNumber: asked });
  }
  const status = text(doc.status);
  const { events, skipped } = collectEvents(
    status
      ? [
          {
            code: status,
            text: status,
            time: { value: text(doc.statusChangeDateTime) },
            tables: [ZOOM2U_STATUSES],
            lookup: [status, canonicalStatus(status)],
          },
        ]
      : [],
  );
  return {
    shipments: [
      trackedShipment(reference, {
        events,
        skipped,
        carrierStatus: status ? { code: status, text: status } : null,
      }),
    ],
    problems: [],
  };
}
