import type { Dispatcher } from 'undici';
import type { TokenCache } from './oauth.js';

// What a carrier's poll client is: given tracking numbers and the merchant's credentials, ask the carrier's
// tracking API and hand back its answers as they came (status, content type, bytes). The answers become raw
// payloads and go through the same store → normalize path as pushed ones: a client never maps anything.
//
// A client reports the carrier's state of health by throwing:
// - CarrierRateLimited: the carrier said 429 / slow down. The job is delayed, not failed; the queue slows.
// - CarrierUnavailable: 5xx, timeouts, refused or reset connections, bodies cut short. Counts towards the
//   carrier's circuit breaker; the shipments back off.
// - CarrierRejected: the carrier refused the account (401/403 after a fresh token, bad credentials). The
//   shipments back off with the reason, and nothing is retried at once.
// A 200 with a per-number error (not found, invalid number) is an answer, not a failure: return it.

export interface PollItem {
  trackingNumber: string;
  /** wismo's code of the carrier moving the parcel (an aggregator may need it as a slug or hint). */
  carrier: string;
}

export interface CarrierAnswer {
  /** The numbers this answer is about (what was asked in this request). */
  requested: string[];
  status: number;
  contentType: string | null;
  body: Buffer;
}

export interface PollContext {
  /** The connection's credentials, as the merchant stored them (names as in `credentialNames`). */
  credentials: Readonly<Record<string, string>>;
  /** The carrier's API root from configuration, without a trailing slash. */
  baseUrl: string;
  /** undici dispatcher with the configured timeouts (a MockAgent in some tests). */
  dispatcher: Dispatcher;
  tokens: TokenCache;
  /** A stable key for the account (the connection id): tokens are cached per account. */
  account: string;
  timeouts: PollTimeouts;
  /** The carrier (or aggregator) whose API is asked: labels the request metrics ("unknown" when absent). */
  carrier?: string;
}

export interface PollTimeouts {
  connectMs: number;
  headersMs: number;
  bodyMs: number;
}

export interface PollClient {
  /** Tracking numbers one request may carry. */
  readonly batchSize: number;
  /** Default rate limit of the carrier's API (requests per window), overridable by configuration. */
  readonly rateLimit: { max: number; durationMs: number };
  /** Default base URL (production); configuration overrides it. */
  readonly defaultBaseUrl: string;
  /** Credential names the connection must hold, e.g. ['clientId', 'clientSecret']. */
  readonly credentialNames: readonly string[];
  /** Where the carrier documents the API this client speaks. */
  readonly docs: string;
  /** Asks about up to batchSize numbers; one answer per request made. */
  poll(items: readonly PollItem[], ctx: PollContext): Promise<CarrierAnswer[]>;
}

export class CarrierRateLimited extends Error {
  constructor(
    readonly retryAfterMs: number | null,
    message = 'the carrier asked to slow down',
  ) {
    super(message);
    this.name = 'CarrierRateLimited';
  }
}

export class CarrierUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CarrierUnavailable';
  }
}

export class CarrierRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CarrierRejected';
  }
}

/**
 * The items of one request, each number once. More than `batchSize` is the caller's mistake (the scheduler
 * cuts batches to size), refused before anything is sent.
 */
export function requestItems(items: readonly PollItem[], batchSize: number, carrier: string): PollItem[] {
  if (items.length > batchSize) {
    throw new Error(`${carrier} takes at most ${batchSize} numbers per request, got ${items.length}`);
  }
  return [...new Map(items.map((i) => [i.trackingNumber, i])).values()];
}
