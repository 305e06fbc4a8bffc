import { normalizeTrackingNumber } from '../../shipments/tracking-number.js';
import type { MapResult, PayloadInput, ProblemKind } from '../model.js';
import { type Node, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus, problem } from '../support/problems.js';
import { mapTracking } from './tracking.js';

// AfterShip bodies: the {meta: {code, message, type}, data} envelope around a tracking (data.tracking, or
// data itself in newer API versions), a list (data.trackings), or a last checkpoint (data.checkpoint beside
// tracking_number/slug/tag); webhooks {event, msg: tracking, ts}. meta.code ≥ 400 is an error, with
// AfterShip's own 4xxx codes beside the HTTP ones.

export function mapAfterShip(input: PayloadInput): MapResult {
  const parsed = parseJson(input.body);
  if (!parsed.ok) return { shipments: [], problems: [parsed.problem] };
  const body = parsed.value;
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return failed('malformed', 'AfterShip body is not an object');
  }
  const code = Number(body.meta?.code);
  if (Number.isFinite(code) && code >= 400) return errorResult(body, code, input.httpStatus);
  const data = body.data ?? body.msg ?? body;
  if (Array.isArray(data?.trackings)) return withUntracked(mapMany(data.trackings), input.requested);
  if (data?.tracking && typeof data.tracking === 'object') return mapMany([data.tracking]);
  if (data?.checkpoint && typeof data.checkpoint === 'object') {
    // Last checkpoint endpoint: the tracking's identity and tag beside its newest checkpoint.
    return mapMany([{ ...data, checkpoints: [data.checkpoint] }]);
  }
  if (data?.tracking_number) return mapMany([data]);
  return failed('malformed', 'AfterShip body holds no tracking');
}

function mapMany(trackings: Node[]): MapResult {
  const result: MapResult = { shipments: [], problems: [] };
  for (const t of trackings) {
    const number = text(t?.tracking_number);
    if (number) result.shipments.push(mapTracking(t, number));
    else result.problems.push(problem('malformed', 'AfterShip tracking without tracking_number'));
  }
  return result;
}

/**
 * GET /trackings?tracking_numbers=… leaves out the numbers AfterShip does not track: each one asked and
 * missing from the list is reported not found, as the one-tracking endpoints report it (4004).
 */
function withUntracked(result: MapResult, requested: readonly string[] | undefined): MapResult {
  const listed = new Set(result.shipments.map((s) => normalizeTrackingNumber(s.trackingNumber)));
  for (const number of requested ?? []) {
    if (listed.has(normalizeTrackingNumber(number))) continue;
    result.problems.push(
      problem('not_found', 'AfterShip does not track this number', { trackingNumber: number }),
    );
  }
  return result;
}

function errorKind(code: number, type: string | null, httpStatus: number | null | undefined): ProblemKind {
  // 4004: tracking does not exist; 429 and 5xx: rate limit and outages, worth retrying.
  if (code === 4004 || code === 404 || type === 'NotFound') return 'not_found';
  if (code === 429 || (code >= 500 && code < 600) || type === 'TooManyRequests') return 'retryable';
  if (code >= 400 && code < 600) return 'carrier_error';
  return kindForHttpStatus(httpStatus) ?? 'carrier_error';
}

function errorResult(body: Node, code: number, httpStatus: number | null | undefined): MapResult {
  const type = text(body.meta?.type);
  const message = [type, text(body.meta?.message)].filter(Boolean).join(': ') || `AfterShip error ${code}`;
  return failed(errorKind(code, type, httpStatus), message, {
    code: String(code),
    trackingNumber: text(body.data?.tracking?.tracking_number) ?? text(body.data?.tracking_number),
  });
}
