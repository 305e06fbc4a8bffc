import type { Readable } from 'node:stream';
import { type Dispatcher, errors, request } from 'undici';
import { standardSignature } from '../lib/standard-webhooks.js';
import { retryAfterMs } from '../polling/http.js';
import { checkWebhookUrl, HostLookupError, type LookupFn, UnsafeUrlError, type UrlPolicy } from './ssrf.js';

// One attempt to deliver one event to one merchant endpoint, signed the Standard Webhooks way. The answer is
// reduced to what the retry schedule needs: any 2xx is delivered, 410 asks for the endpoint to be disabled,
// everything else is tried again later. Reasons are shown to the merchant, so they quote the endpoint's
// answer only as a short, cleaned excerpt and never say more about wismo's network than the URL does.

export const WEBHOOK_USER_AGENT = 'wismo-webhooks/1';

/** Read from an answer so the connection can be reused; a longer answer is cut and its connection closed. */
export const MAX_RESPONSE_BYTES = 64 * 1024;

const EXCERPT_CHARS = 200;

export interface WebhookRequest {
  url: string;
  /** whsec_... */
  secret: string;
  eventId: string;
  timestamp: Date;
  /** JSON */
  body: Buffer;
}

export type WebhookOutcome =
  | { kind: 'delivered'; status: number; durationMs: number }
  /** The endpoint asked to be disabled. */
  | { kind: 'gone'; status: 410; durationMs: number }
  /** 5xx, 429, 408, timeouts, connection errors, 3xx, other 4xx. */
  | { kind: 'retry'; status: number | null; reason: string; durationMs: number; retryAfterMs: number | null }
  /** Unsafe destination when sending: nothing was sent. */
  | { kind: 'refused'; reason: string };

export interface WebhookDeps {
  policy: UrlPolicy;
  /** safeDispatcher(policy, ...): it re-checks the addresses it connects to. */
  dispatcher: Dispatcher;
  /** For the whole attempt: resolving, connecting, sending and reading the answer. */
  timeoutMs: number;
  lookup?: LookupFn;
}

class AttemptTimeout extends Error {
  constructor(readonly ms: number) {
    super(`timeout: no answer within ${ms} ms`);
    this.name = 'AttemptTimeout';
  }
}

/**
 * Throws only when the secret is not a Standard Webhooks secret (a bug upstream, not the endpoint's fault);
 * every network outcome is returned.
 */
export async function deliverWebhook(req: WebhookRequest, deps: WebhookDeps): Promise<WebhookOutcome> {
  const seconds = Math.floor(req.timestamp.getTime() / 1000);
  const headers = {
    'content-type': 'application/json',
    'user-agent': WEBHOOK_USER_AGENT,
    'webhook-id': req.eventId,
    'webhook-timestamp': String(seconds),
    'webhook-signature': standardSignature(req.secret, req.eventId, seconds, req.body),
  };

  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const retry = (status: number | null, reason: string, after: number | null = null): WebhookOutcome => ({
    kind: 'retry',
    status,
    reason,
    durationMs: elapsed(),
    retryAfterMs: after,
  });

  // One deadline for everything, DNS included: a resolver or an endpoint that never answers must not hold a
  // delivery worker longer than timeoutMs.
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new AttemptTimeout(deps.timeoutMs)), deps.timeoutMs);
  try {
    try {
      await untilAborted(checkWebhookUrl(req.url, deps.policy, deps.lookup), deadline.signal);
    } catch (err) {
      if (err instanceof UnsafeUrlError) return { kind: 'refused', reason: err.reason };
      return retry(null, describeFailure(err, deps.timeoutMs));
    }

    let res: Dispatcher.ResponseData;
    try {
      res = await request(req.url, {
        method: 'POST',
        headers,
        body: req.body,
        dispatcher: deps.dispatcher,
        signal: deadline.signal,
        headersTimeout: deps.timeoutMs,
        bodyTimeout: deps.timeoutMs,
      });
    } catch (err) {
      const unsafe = findUnsafe(err);
      if (unsafe) return { kind: 'refused', reason: unsafe.reason };
      return retry(null, describeFailure(err, deps.timeoutMs));
    }

    const status = res.statusCode;
    const start = await drain(res.body);
    if (status >= 200 && status < 300) return { kind: 'delivered', status, durationMs: elapsed() };
    if (status === 410) return { kind: 'gone', status: 410, durationMs: elapsed() };

    const after =
      status === 429 || status === 503 ? retryAfterMs(firstHeader(res.headers['retry-after'])) : null;
    if (status >= 300 && status < 400) {
      const location = firstHeader(res.headers.location);
      const to = location ? ` to ${sanitize(location)}` : '';
      return retry(
        status,
        `HTTP ${status}: redirected${to}; redirects are not followed, update the URL`,
        after,
      );
    }
    const text = sanitize(start.toString('utf8'));
    return retry(status, text ? `HTTP ${status}: ${text}` : `HTTP ${status}`, after);
  } finally {
    clearTimeout(timer);
  }
}

/** Rejects with the signal's reason when it aborts first. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/**
 * Reads up to MAX_RESPONSE_BYTES and returns the first bytes (enough for an excerpt). A longer answer, or one
 * that fails or times out midway, is destroyed: its status is already known and is what counts.
 */
async function drain(body: Readable): Promise<Buffer> {
  const keep = EXCERPT_CHARS * 4;
  const chunks: Buffer[] = [];
  let kept = 0;
  let size = 0;
  try {
    for await (const chunk of body) {
      const buf = chunk as Buffer;
      size += buf.length;
      if (kept < keep) {
        chunks.push(buf.subarray(0, keep - kept));
        kept += Math.min(buf.length, keep - kept);
      }
      if (size >= MAX_RESPONSE_BYTES) {
        body.destroy();
        break;
      }
    }
  } catch {
    body.destroy();
  }
  return Buffer.concat(chunks);
}

/**
 * Printable text only, on one line, at most EXCERPT_CHARS characters: control and format characters (bidi
 * overrides, zero-width) are removed so an endpoint cannot disguise what the merchant reads.
 */
export function sanitize(text: string): string {
  const clean = text
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}\u2028\u2029\ufffd]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(clean);
  return chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS - 1).join('')}…` : clean;
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function findUnsafe(err: unknown): UnsafeUrlError | null {
  // undici passes the connector's error through, but look at causes too in case it ever wraps it.
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e instanceof Error; depth++) {
    if (e instanceof UnsafeUrlError) return e;
    e = e.cause;
  }
  return null;
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the endpoint',
  EPIPE: 'connection closed by the endpoint while sending',
  ETIMEDOUT: 'timeout: could not connect',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'temporary DNS failure',
  UND_ERR_SOCKET: 'connection closed by the endpoint before it answered',
  UND_ERR_CLOSED: 'connection closed by the endpoint before it answered',
};

function describeFailure(err: unknown, timeoutMs: number): string {
  if (err instanceof AttemptTimeout) return err.message;
  if (err instanceof errors.HeadersTimeoutError) return `timeout: no answer within ${timeoutMs} ms`;
  if (err instanceof errors.BodyTimeoutError) return `timeout: the answer stalled for ${timeoutMs} ms`;
  if (err instanceof errors.ConnectTimeoutError) return 'timeout: could not connect';
  if (err instanceof HostLookupError) return err.reason;
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const known = NETWORK_REASONS[code];
  if (known) return `${known} (${code})`;
  // TLS failures (expired or mismatched certificates, ...) are the merchant's to fix: say which.
  const message = typeof e.message === 'string' ? sanitize(e.message) : '';
  if (code)
    return `${/CERT|TLS|SSL/i.test(code) ? 'TLS error' : 'network error'} ${code}${message ? `: ${message}` : ''}`;
  return `network error${message ? `: ${message}` : ''}`;
}
