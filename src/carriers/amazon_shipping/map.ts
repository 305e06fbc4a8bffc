import { lookupCode } from '../adapter.js';
import type { CanonicalEvent, MapResult, PayloadInput, ProblemKind } from '../model.js';
import { collectEvents, type EventSpec, location, trackedShipment } from '../support/build.js';
import { asArray, type Node, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus, problem } from '../support/problems.js';
import { resolveDate } from '../support/time.js';
import { AMAZON_DETAIL_CODE, AMAZON_EVENT_CODE } from './codes.js';

// Amazon Shipping getTracking: {payload: {trackingId, eventHistory: [{eventCode, eventTime (ISO 8601 UTC),
// location, shipmentType: FORWARD | RETURNS}], promisedDeliveryDate, summary: {status, trackingDetailCodes:
// {forward: [], returns: []}}}} (v1 answers without the payload wrapper), or {errors: [{code, message,
// details}]}. Events on the RETURNS leg are the parcel's way back to the shipper.

const TABLES = [AMAZON_EVENT_CODE];
const RETURNING = { status: 'returning', substatus: 'return_to_sender' } as const;
const RETURNED = { status: 'returned', substatus: 'return_to_sender' } as const;

const place = (n: Node) =>
  location({
    city: text(n?.city),
    region: text(n?.stateOrRegion),
    postalCode: text(n?.postalCode),
    country: text(n?.countryCode),
  });

const isReturn = (e: Node) => text(e?.shipmentType)?.toUpperCase() === 'RETURNS';

function eventSpec(e: Node): EventSpec {
  const code = text(e?.eventCode);
  const base: EventSpec = {
    code,
    text: text(e?.eventDescription) ?? code,
    time: { value: text(e?.eventTime) },
    location: place(e?.location),
    tables: TABLES,
  };
  if (!isReturn(e)) return base;
  // On the way back a delivery is the parcel back with the shipper; anything else is the return moving.
  const rule = code ? lookupCode(AMAZON_EVENT_CODE, code) : undefined;
  if (rule) return { ...base, rule: rule.status === 'delivered' ? RETURNED : RETURNING };
  return { ...base, classRule: RETURNING };
}

/** A detail code names how the newest event of its status went (how it was delivered, why it failed). */
function refine(events: CanonicalEvent[], codes: Node[]) {
  for (const code of codes.map(text)) {
    const rule = code ? lookupCode(AMAZON_DETAIL_CODE, code) : undefined;
    if (!rule?.substatus) continue;
    const target = events
      .filter((e) => e.status === rule.status && e.substatus === null)
      .sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : -1))[0];
    if (target) target.substatus = rule.substatus;
  }
}

function errorKind(code: string, httpStatus: number | null | undefined): ProblemKind {
  const c = code.toLowerCase();
  if (c.includes('notfound') || c.includes('not_found')) return 'not_found';
  if (/quota|throttl|toomany|too_many|internal|unavailable|timeout/.test(c)) return 'retryable';
  return kindForHttpStatus(httpStatus) ?? 'carrier_error';
}

export function mapAmazonShipping(input: PayloadInput): MapResult {
  const parsed = parseJson(input.body);
  if (!parsed.ok) return { shipments: [], problems: [parsed.problem] };
  const body = parsed.value;
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return failed('malformed', 'Amazon Shipping body is not an object');
  }
  const data = body.payload ?? body;
  const number = text(data?.trackingId);
  const errors = asArray(body.errors);
  if (!number) {
    if (errors.length === 0) return failed('malformed', 'Amazon Shipping body holds no trackingId');
    return {
      shipments: [],
      problems: errors.map((e: Node) => {
        const code = text(e?.code) ?? 'error';
        const message = [text(e?.message), text(e?.details)].filter(Boolean).join(': ') || code;
        return problem(errorKind(code, input.httpStatus), message, { code });
      }),
    };
  }
  const history = asArray(data.eventHistory);
  const { events, skipped } = collectEvents(history.map(eventSpec));
  const details = data.summary?.trackingDetailCodes;
  // Forward-leg codes only: return-leg events are returning/returned, which no detail code names.
  refine(events, asArray(details?.forward));
  const eta = resolveDate(text(data.promisedDeliveryDate));
  const status = text(data.summary?.status);
  return {
    shipments: [
      trackedShipment(number, {
        events,
        skipped,
        edd: eta ? { date: eta, windowStart: null, windowEnd: null } : null,
        carrierStatus: status ? { code: status, text: status } : null,
      }),
    ],
    problems: [],
  };
}
