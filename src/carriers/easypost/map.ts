import { type CodeRule, lookupCode } from '../adapter.js';
import type { MapResult, PayloadInput, ProblemKind } from '../model.js';
import { collectEvents, type EventSpec, location, trackedShipment } from '../support/build.js';
import { classifyText } from '../support/classify.js';
import { asArray, type Node, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus } from '../support/problems.js';
import { combine, withTextDetail } from '../support/stage-detail.js';
import { resolveDate } from '../support/time.js';
import { EASYPOST_STATUS, EASYPOST_STATUS_DETAIL, GENERIC_DETAILS, GENERIC_STATUSES } from './codes.js';
import { underlyingCarrier } from './underlying.js';

// EasyPost bodies: a Tracker (POST/GET /trackers), a list {trackers: [...], has_more}, a webhook Event
// {object: 'Event', description: 'tracker.updated', result: Tracker, previous_attributes}, or an error
// {error: {code, message, errors}}. Events fetched from /events carry no tracker at all.
// tracking_details are oldest first, times are ISO 8601 in UTC (trailing Z).

const TABLES = [EASYPOST_STATUS_DETAIL, EASYPOST_STATUS];

const place = (n: Node) =>
  location({
    city: text(n?.city),
    region: text(n?.state),
    postalCode: text(n?.zip),
    country: text(n?.country),
  });

export function mapEasyPost(input: PayloadInput): MapResult {
  const parsed = parseJson(input.body);
  if (!parsed.ok) return { shipments: [], problems: [parsed.problem] };
  const body = parsed.value;
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return failed('malformed', 'EasyPost body is not an object');
  }
  if (body.error) return errorResult(body.error, input.httpStatus);
  if (body.object === 'Event') {
    const result = body.result;
    if (result?.object === 'Tracker' || text(result?.tracking_code)) return mapTrackers([result]);
    // A webhook may fire for other objects (batch.*, refund.*), and GET /events/:id returns the envelope
    // alone: read, and about no parcel.
    return failed('ignored', `EasyPost Event ${text(body.description) ?? ''} carries no Tracker`.trim(), {
      code: 'event_without_tracker',
    });
  }
  if (Array.isArray(body.trackers)) return mapTrackers(body.trackers);
  return mapTrackers([body]);
}

function errorKind(code: string, httpStatus: number | null | undefined): ProblemKind {
  const c = code.toUpperCase();
  if (/NOT_?FOUND/.test(c)) return 'not_found';
  if (/RATE_?LIMIT|TOO_MANY|INTERNAL|UNAVAILABLE|TIMEOUT/.test(c)) return 'retryable';
  return kindForHttpStatus(httpStatus) ?? 'carrier_error';
}

function errorResult(error: Node, httpStatus: number | null | undefined): MapResult {
  const code = text(error?.code) ?? 'error';
  const details = asArray(error?.errors)
    .map((e: Node) => [text(e?.field), text(e?.message)].filter(Boolean).join(': '))
    .filter(Boolean);
  const message = [text(error?.message) ?? code, ...details].join('; ');
  return failed(errorKind(code, httpStatus), message, { code });
}

function mapTrackers(trackers: Node[]): MapResult {
  const result: MapResult = { shipments: [], problems: [] };
  for (const t of trackers) {
    const number = text(t?.tracking_code);
    if (!number) {
      result.problems.push(...failed('malformed', 'EasyPost tracker without tracking_code').problems);
      continue;
    }
    result.shipments.push(mapTracker(t, number));
  }
  return result;
}

/**
 * The rule for one tracking detail: EasyPost's status (the stage) refined by its status_detail. An unknown
 * status_detail leaves the event unmapped, with the stage's rule as its class.
 */
function ruleFor(status: string | null, detail: string | null, message: string | null): Partial<EventSpec> {
  const stage = status ? lookupCode(EASYPOST_STATUS, status) : undefined;
  const named = detail && !GENERIC_DETAILS.has(detail) ? detail : null;
  const specific = named
    ? (lookupCode(EASYPOST_STATUS_DETAIL, `${status}/${named}`) ?? lookupCode(EASYPOST_STATUS_DETAIL, named))
    : undefined;
  let rule: CodeRule | undefined;
  if (specific) rule = combine(stage, specific);
  else if (stage && status && GENERIC_STATUSES.has(status)) rule = classifyText(message) ?? stage;
  else if (stage) rule = withTextDetail(stage, message);
  if (named && !specific) return { lookup: [named], classRule: rule ?? null };
  return rule ? { rule } : { lookup: [status] };
}

function eventSpec(d: Node): EventSpec {
  const status = text(d?.status);
  const detail = text(d?.status_detail);
  const message = text(d?.message) ?? text(d?.description);
  return {
    // The carrier's own code when EasyPost passes it on; else EasyPost's most specific word.
    code: text(d?.carrier_code) ?? detail ?? status,
    text: message,
    time: { value: text(d?.datetime) },
    location: place(d?.tracking_location),
    tables: TABLES,
    ...ruleFor(status, detail, message),
  };
}

function mapTracker(t: Node, number: string) {
  const { events, skipped } = collectEvents(asArray(t.tracking_details).map(eventSpec));
  const cd = t.carrier_detail;
  // The local date is the destination's calendar date; est_delivery_date is that date at midnight UTC.
  const eddDate = resolveDate(text(cd?.est_delivery_date_local)) ?? resolveDate(text(t.est_delivery_date));
  const status = text(t.status);
  return trackedShipment(number, {
    underlyingCarrier: underlyingCarrier(text(t.carrier)),
    events,
    skipped,
    edd: eddDate ? { date: eddDate, windowStart: null, windowEnd: null } : null,
    service: text(cd?.service),
    signedBy: text(t.signed_by),
    origin: place(cd?.origin_tracking_location),
    destination: place(cd?.destination_tracking_location),
    carrierStatus: status ? { code: status, text: text(t.status_detail) ?? status } : null,
  });
}
