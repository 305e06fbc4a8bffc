import { DateTime } from 'luxon';
import type { EventLocation } from '../../domain/shapes.js';
import type { EddFacts, MapResult, PayloadInput, ProblemKind } from '../model.js';
import { collectEvents, location, trackedShipment } from '../support/build.js';
import { asArray, type Node, num, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus } from '../support/problems.js';
import { zoneForLocation } from '../support/zone.js';
import { AT_CREATION, BOXKNIGHT_STATUSES } from './codes.js';

// BoxKnight orders API (GET orders/{id}): the order object itself, its id being the tracking number. It has
// the current orderStatus but no history and no time for that status, so at most one event: the order's
// creation-time status at createdAt (see codes.ts). The delivery window is completeAfter/completeBefore,
// epoch milliseconds. Errors: { "error": "Unauthorized" }.

const address = (a: Node): EventLocation | null =>
  location({
    city: text(a?.city),
    region: text(a?.province),
    postalCode: text(a?.postalCode),
    country: text(a?.country),
  });

function errorKind(message: string, httpStatus: number | null | undefined): ProblemKind {
  if (/not found|does not exist|no order/i.test(message)) return 'not_found';
  if (/too many|rate limit|unavailable|timeout/i.test(message)) return 'retryable';
  return kindForHttpStatus(httpStatus) ?? 'carrier_error';
}

export function mapBoxKnight(input: PayloadInput): MapResult {
  const parsed = parseJson(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `BoxKnight HTTP ${input.httpStatus}: ${parsed.problem.message}`)
      : failed('malformed', parsed.problem.message);
  }
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  const parts = asArray(parsed.value).map((doc: Node) => mapOrder(doc, input.httpStatus, asked));
  if (parts.length === 0) return failed('malformed', 'empty BoxKnight answer');
  return { shipments: parts.flatMap((p) => p.shipments), problems: parts.flatMap((p) => p.problems) };
}

function mapOrder(doc: Node, httpStatus: number | null | undefined, asked: string | null): MapResult {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    return failed('malformed', 'BoxKnight answer is not an order');
  const id = text(doc.id);
  if (!id) {
    const message = text(doc.error) ?? text(doc.message);
    if (!message) return failed('malformed', 'BoxKnight answer without an order id');
    return failed(errorKind(message, httpStatus), message, { trackingNumber: asked });
  }
  const status = text(doc.orderStatus);
  const origin = address(doc.originAddress);
  const destination = address(doc.recipientAddress);
  const { events, skipped } = collectEvents(
    status && AT_CREATION.has(status.toUpperCase())
      ? [
          {
            code: status,
            text: status,
            time: { value: text(doc.createdAt) },
            location: origin,
            tables: [BOXKNIGHT_STATUSES],
          },
        ]
      : [],
  );
  return {
    shipments: [
      trackedShipment(id, {
        events,
        skipped,
        edd: window(num(doc.completeAfter), num(doc.completeBefore), destination),
        service: text(doc.service),
        origin,
        destination,
        pieces: num(doc.packageCount),
        carrierStatus: status ? { code: status, text: status } : null,
      }),
    ],
    problems: [],
  };
}

/** The delivery window (epoch ms) and its day in the recipient's calendar (UTC's when the zone is unknown). */
function window(
  after: number | null,
  before: number | null,
  destination: EventLocation | null,
): EddFacts | null {
  const iso = (ms: number | null) => (ms === null ? null : DateTime.fromMillis(ms, { zone: 'utc' }));
  const start = iso(after);
  const end = iso(before);
  if (!start?.isValid && !end?.isValid) return null;
  const zone = zoneForLocation(destination) ?? 'utc';
  const last = end?.isValid ? end : start;
  return {
    date: last?.setZone(zone).toISODate() ?? null,
    windowStart: start?.isValid ? start.toISO() : null,
    windowEnd: end?.isValid ? end.toISO() : null,
  };
}
