import { errors, request } from 'undici';
import { carrierRequestDuration } from '../metrics.js';
import {
  type CarrierAnswer,
  CarrierRateLimited,
  CarrierRejected,
  CarrierUnavailable,
  type PollContext,
} from './client.js';

// Every call to a carrier goes through here: explicit connect/headers/body timeouts, the body always read to
// the end (or destroyed) so no socket is left hanging, answers capped in size, and the HTTP status turned
// into the carrier's state of health (client.ts).

/** Larger answers are cut off: a tracking answer for a batch is kilobytes, never megabytes. */
export const MAX_ANSWER_BYTES = 5 * 1024 * 1024;

export interface CarrierRequest {
  method: 'GET' | 'POST';
  /** Path and query, appended to ctx.baseUrl, or an absolute URL. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  requested: string[];
}

type Exchanged = {
  status: number;
  headers: Record<string, string>;
  contentType: string | null;
  body: Buffer;
};

/**
 * Raw exchange: status, headers and bytes, with transport failures as CarrierUnavailable. Timed per request
 * (token requests included), labelled with what the status says of the carrier's health.
 */
export async function exchange(
  ctx: Pick<PollContext, 'baseUrl' | 'dispatcher' | 'timeouts' | 'carrier'>,
  req: Omit<CarrierRequest, 'requested'>,
): Promise<Exchanged> {
  const started = performance.now();
  // Whatever throws before an answer is read to the end (timeouts, resets, oversized bodies) is unavailability.
  let outcome: RequestOutcome = 'unavailable';
  try {
    const res = await send(ctx, req);
    outcome = statusOutcome(res.status);
    return res;
  } finally {
    carrierRequestDuration.observe(
      { carrier: ctx.carrier ?? 'unknown', outcome },
      (performance.now() - started) / 1000,
    );
  }
}

async function send(
  ctx: Pick<PollContext, 'baseUrl' | 'dispatcher' | 'timeouts'>,
  req: Omit<CarrierRequest, 'requested'>,
): Promise<Exchanged> {
  const url = /^https?:\/\//.test(req.path) ? req.path : `${ctx.baseUrl}${req.path}`;
  let res: Awaited<ReturnType<typeof request>>;
  try {
    res = await request(url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      dispatcher: ctx.dispatcher,
      headersTimeout: ctx.timeouts.headersMs,
      bodyTimeout: ctx.timeouts.bodyMs,
    });
  } catch (err) {
    throw new CarrierUnavailable(describeTransportError(err));
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of res.body) {
      size += (chunk as Buffer).length;
      if (size > MAX_ANSWER_BYTES) {
        res.body.destroy();
        throw new CarrierUnavailable(`answer larger than ${MAX_ANSWER_BYTES} bytes`);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    if (err instanceof CarrierUnavailable) throw err;
    throw new CarrierUnavailable(describeTransportError(err));
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) {
    if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return {
    status: res.statusCode,
    headers,
    contentType: headers['content-type'] ?? null,
    body: Buffer.concat(chunks),
  };
}

/**
 * One tracking request: a 2xx or 4xx answer is returned for the mapper to read (a 404 of a one-number API
 * is "not found", which the mapper reports); 429, 5xx and 401/403 throw as client.ts describes.
 */
export async function carrierRequest(ctx: PollContext, req: CarrierRequest): Promise<CarrierAnswer> {
  const res = await exchange(ctx, req);
  failOnStatus(res.status, res.headers, res.body);
  return { requested: req.requested, status: res.status, contentType: res.contentType, body: res.body };
}

export type RequestOutcome = 'answered' | 'rate_limited' | 'rejected' | 'unavailable';

/** What an HTTP status says of the carrier: the one reading behind failOnStatus and the request metrics. */
export function statusOutcome(status: number): RequestOutcome {
  if (status === 429) return 'rate_limited';
  if (status === 401 || status === 403) return 'rejected';
  if (status >= 500 || status === 408) return 'unavailable';
  return 'answered';
}

export function failOnStatus(status: number, headers: Record<string, string>, body: Buffer): void {
  const outcome = statusOutcome(status);
  if (outcome === 'rate_limited') throw new CarrierRateLimited(retryAfterMs(headers['retry-after']));
  // What a refusal says is not quoted: it is shown on shipments, and a carrier may echo what it was sent.
  if (outcome === 'rejected')
    throw new CarrierRejected(`HTTP ${status}: the carrier refused the credentials`);
  if (outcome === 'unavailable') throw new CarrierUnavailable(`HTTP ${status}: ${excerpt(body)}`);
}

/** Retry-After as seconds or an HTTP date, in milliseconds from now; null when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The start of a body, for an error message: printable characters only, short. */
export function excerpt(body: Buffer, max = 200): string {
  const text = body
    .subarray(0, max * 4)
    .toString('utf8')
    .replace(/[^\x20-\x7e\u00a0-\uffff]+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max)}…` : text || '(empty body)';
}

function describeTransportError(err: unknown): string {
  if (err instanceof errors.ConnectTimeoutError) return 'connect timeout';
  if (err instanceof errors.HeadersTimeoutError) return 'timeout waiting for the answer headers';
  if (err instanceof errors.BodyTimeoutError) return 'timeout reading the answer body';
  const e = err as { code?: string; message?: string };
  return `transport error${e.code ? ` ${e.code}` : ''}: ${e.message ?? String(err)}`;
}
