import type { EventLocation } from '../../domain/shapes.js';
import type { EddFacts, MapResult, PayloadInput, ProblemKind } from '../model.js';
import { collectEvents, trackedShipment } from '../support/build.js';
import { asArray, type Node, num, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus } from '../support/problems.js';
import { resolveDate, resolveTime } from '../support/time.js';
import { LOCATE2U_STATUSES } from './codes.js';
import { addressLine, zoneLocation } from './place.js';

// Locate2u API (GET stops/{stopId}): the stop itself, its id being the tracking number. It has a status and
// lastModifiedDate (ISO, UTC) but no history, so one event: the current status at its last change. The
// planned day is tripDate, with an optional time window (timeWindowStart/End, local "HH:mm") and
// arrivalDate, the planned arrival. Errors: { "error": "Unauthorized", "code": "401" }.

function errorKind(code: string | null, message: string, httpStatus: number | null | undefined): ProblemKind {
  if (/not found|does not exist/i.test(message)) return 'not_found';
  const byCode = code && /^\d{3}$/.test(code) ? kindForHttpStatus(Number(code)) : null;
  return byCode ?? kindForHttpStatus(httpStatus) ?? 'carrier_error';
}

export function mapLocate2u(input: PayloadInput): MapResult {
  const parsed = parseJson(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `Locate2u HTTP ${input.httpStatus}: ${parsed.problem.message}`)
      : failed('malformed', parsed.problem.message);
  }
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  const parts = asArray(parsed.value).map((doc: Node) => mapStop(doc, input.httpStatus, asked));
  if (parts.length === 0) return failed('malformed', 'empty Locate2u answer');
  return { shipments: parts.flatMap((p) => p.shipments), problems: parts.flatMap((p) => p.problems) };
}

function mapStop(doc: Node, httpStatus: number | null | undefined, asked: string | null): MapResult {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    return failed('malformed', 'Locate2u answer is not a stop');
  const id = text(doc.stopId);
  if (!id) {
    const message = text(doc.error) ?? text(doc.message) ?? text(doc.title);
    if (!message) return failed('malformed', 'Locate2u answer without stopId');
    const code = text(doc.code) ?? text(doc.status);
    return failed(errorKind(code, message, httpStatus), message, { code, trackingNumber: asked });
  }
  const status = text(doc.status);
  const destination = addressLine(text(doc.address));
  const { events, skipped } = collectEvents(
    status
      ? [
          {
            code: status,
            text: status,
            time: { value: text(doc.lastModifiedDate) },
            location: null,
            tables: [LOCATE2U_STATUSES],
          },
        ]
      : [],
  );
  const lines = asArray(doc.lines).reduce((sum: number, l: Node) => sum + (num(l?.quantity) ?? 0), 0);
  return {
    shipments: [
      trackedShipment(id, {
        events,
        skipped,
        edd: plannedDay(doc, destination),
        destination,
        pieces: lines > 0 ? lines : null,
        carrierStatus: status ? { code: status, text: status } : null,
      }),
    ],
    problems: [],
  };
}

/** The run's day, and the stop's time window when the recipient's zone is known. */
function plannedDay(doc: Node, destination: EventLocation | null): EddFacts | null {
  const date = resolveDate(text(doc.tripDate)) ?? resolveDate(text(doc.arrivalDate)?.slice(0, 10));
  if (!date) return null;
  const at = (hhmm: string | null) => {
    if (!hhmm) return null;
    const t = resolveTime({
      value: `${date} ${hhmm}`,
      formats: ['yyyy-MM-dd H:mm', 'yyyy-MM-dd H:mm:ss'],
      location: zoneLocation(destination),
    });
    return t.ok && t.time.offsetSource !== 'assumed_utc' ? t.time.occurredAt : null;
  };
  return { date, windowStart: at(text(doc.timeWindowStart)), windowEnd: at(text(doc.timeWindowEnd)) };
}
