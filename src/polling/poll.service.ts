import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import { getAdapter } from '../carriers/registry.js';
import type { Config } from '../config.js';
import { type IntakeRepository, keyOf, type NewRawPayload } from '../intake/intake.repository.js';
import { breakerOpened, carrierPolls, polledNumbers } from '../metrics.js';
import type { NormalizeEnqueuer } from '../queue/normalize-enqueuer.js';
import type { PollJobData } from '../queue/queues.js';
import type { CircuitBreaker } from './breaker.js';
import { backoffAt, nextCheckAt } from './cadence.js';
import {
  type CarrierAnswer,
  CarrierRateLimited,
  CarrierRejected,
  CarrierUnavailable,
  type PollContext,
} from './client.js';
import type { PollConnections } from './connections.js';
import type { TokenCache } from './oauth.js';
import type { PollingRepository } from './polling.repository.js';

// A poll job: ask the carrier about the shipments still claimed under the job's claim, store each answer as
// a raw payload (the same store → normalize path as a webhook), and hand new ones to normalization, which
// re-dates the shipments from their new state. An answer already stored byte for byte is no news: those
// shipments are re-dated here. Carrier trouble never fails the job: a 429 or an open circuit breaker
// slows the carrier's queue (SlowDown), failures back the shipments off, and the breaker counts them.

/** Thrown to put the job back and pause the carrier's queue for `ms` (BullMQ's manual rate limit). */
export class SlowDown extends Error {
  constructor(
    readonly ms: number,
    reason: string,
  ) {
    super(reason);
    this.name = 'SlowDown';
  }
}

/** Used when a 429 names no Retry-After. */
const DEFAULT_RATE_LIMIT_PAUSE_MS = 10_000;

export interface PollOutcome {
  asked: number;
  answers: number;
  newPayloads: number;
  unchanged: number;
  failed?: string;
  skipped?: 'no_longer_claimed' | 'no_connection';
  /** Payload ids stored, for a caller that normalizes them at once (a forced refresh). */
  payloadIds: number[];
}

export interface PollServiceDeps {
  repo: PollingRepository;
  connections: PollConnections;
  payloads: IntakeRepository;
  enqueuer: NormalizeEnqueuer;
  breaker: CircuitBreaker | null;
  tokens: TokenCache;
  dispatcher: Dispatcher;
  settings: Config['polling'];
  logger: Logger;
}

export class PollService {
  constructor(private readonly deps: PollServiceDeps) {}

  /**
   * The breaker lives in Redis; while Redis is away it is taken as closed (the queue's own retries and each
   * shipment's back-off still hold), so a forced refresh or a job is not failed by it.
   */
  private async breaker<T>(use: (b: CircuitBreaker) => Promise<T>, fallback: T): Promise<T> {
    if (!this.deps.breaker) return fallback;
    try {
      return await use(this.deps.breaker);
    } catch (err) {
      this.deps.logger.warn({ err: { message: (err as Error).message } }, 'circuit breaker unavailable');
      return fallback;
    }
  }

  /** The carrier's circuit breaker as the workers see it (closed when there is no Redis). */
  async breakerState(carrier: string) {
    return (await this.deps.breaker?.state(carrier)) ?? { open: false, openUntil: null, failures: 0 };
  }

  async run(job: PollJobData, opts: { enqueue: boolean } = { enqueue: true }): Promise<PollOutcome> {
    const { repo, settings } = this.deps;
    const outcome: PollOutcome = { asked: 0, answers: 0, newPayloads: 0, unchanged: 0, payloadIds: [] };
    const owned = await repo.stillClaimed(
      job.claim,
      job.items.map((i) => i.shipmentId),
    );
    if (owned.length === 0) return { ...outcome, skipped: 'no_longer_claimed' };

    const client = getAdapter(job.carrier)?.poll;
    const connection = await this.deps.connections.open(job.merchantId, job.connectionId);
    if (!client || !connection?.credentials) {
      const ids = owned.map((o) => o.shipmentId);
      await repo.lockingShipments(ids, (r) =>
        r.park(
          ids,
          'no_connection',
          'not polled: its carrier connection is gone, disabled or without credentials',
        ),
      );
      return { ...outcome, skipped: 'no_connection' };
    }

    const wait = await this.breaker((b) => b.gate(job.carrier), 0);
    if (wait > 0) throw new SlowDown(wait, `${job.carrier} circuit breaker open`);

    const ctx: PollContext = {
      credentials: connection.credentials,
      baseUrl: (settings.baseUrls[job.carrier] ?? client.defaultBaseUrl).replace(/\/+$/, ''),
      dispatcher: this.deps.dispatcher,
      tokens: this.deps.tokens,
      account: connection.id,
      timeouts: settings.timeouts,
      carrier: job.carrier,
    };
    const items = owned.map((o) => ({ trackingNumber: o.trackingNumber, carrier: o.carrier }));
    outcome.asked = items.length;
    let answers: CarrierAnswer[];
    try {
      answers = await client.poll(items, ctx);
    } catch (err) {
      await this.carrierTrouble(job, owned, err);
      return { ...outcome, failed: (err as Error).message };
    }
    await this.breaker((b) => b.success(job.carrier), undefined);
    carrierPolls.inc({ carrier: job.carrier, outcome: 'answered' }, answers.length);
    polledNumbers.inc({ carrier: job.carrier }, items.length);
    outcome.answers = answers.length;

    const rows: Omit<NewRawPayload, 'normalizeJob'>[] = answers.map((a) => ({
      merchantId: job.merchantId,
      connectionId: job.connectionId,
      carrier: job.carrier,
      body: a.body,
      contentType: a.contentType,
      headers: {},
      dedupeKey: answerKey(a),
      verifiedBy: 'poll',
      poll: { httpStatus: a.status, requested: a.requested },
    }));
    const jobKey = `poll-${job.claim}-${job.connectionId}-${job.items[0]?.shipmentId ?? ''}`;
    const ids = await this.deps.payloads.insertMany(rows.map((r) => ({ ...r, normalizeJob: jobKey })));
    const fresh = new Set<string>();
    for (const [i, a] of answers.entries()) {
      const id = ids.get(keyOf(rows[i] as (typeof rows)[number]));
      if (id === undefined) continue;
      outcome.payloadIds.push(id);
      for (const n of a.requested) fresh.add(n);
    }
    outcome.newPayloads = outcome.payloadIds.length;
    const news = owned.filter((o) => fresh.has(o.trackingNumber));
    const same = owned.filter((o) => !fresh.has(o.trackingNumber));
    outcome.unchanged = same.length;
    // Under the shipments' locks, taken in id order as normalization takes them before it writes these rows:
    // a bare multi-row update here deadlocked with normalizations of the same parcels.
    const answered = news.map((o) => o.shipmentId);
    await repo.lockingShipments(answered, (r) => r.polled(answered));
    await this.unchanged(same.map((o) => o.shipmentId));
    if (opts.enqueue && outcome.payloadIds.length > 0) {
      await this.deps.enqueuer.enqueue([{ key: jobKey, payloadIds: outcome.payloadIds }]);
    }
    return outcome;
  }

  /** The carrier answered what it answered before: the shipments are re-dated from the state they are in. */
  private async unchanged(shipmentIds: readonly string[]): Promise<void> {
    if (shipmentIds.length === 0) return;
    const { repo, settings } = this.deps;
    const now = new Date();
    const states = await repo.shipmentStates(shipmentIds);
    const plans = states.map((s) => ({
      shipmentId: s.id,
      dueAt: nextCheckAt({ carrier: s.carrier, status: s.status, eddDate: s.eddDate }, settings.cadence, now),
    }));
    await repo.lockingShipments(shipmentIds, async (r) => {
      await r.checkedWithoutNews(plans.map((p) => ({ shipmentId: p.shipmentId, nextCheckAt: p.dueAt })));
      await r.reschedule(
        plans.map((p) => ({ ...p, parked: p.dueAt ? null : 'final' })),
        { resetNotFound: false },
      );
      await r.polled(shipmentIds);
    });
  }

  private async carrierTrouble(
    job: PollJobData,
    owned: readonly { shipmentId: string; carrier: string }[],
    err: unknown,
  ): Promise<void> {
    const { repo, settings, logger } = this.deps;
    if (err instanceof CarrierRateLimited) {
      carrierPolls.inc({ carrier: job.carrier, outcome: 'rate_limited' });
      throw new SlowDown(err.retryAfterMs ?? DEFAULT_RATE_LIMIT_PAUSE_MS, `${job.carrier} answered 429`);
    }
    if (!(err instanceof CarrierUnavailable || err instanceof CarrierRejected)) throw err;
    const kind = err instanceof CarrierUnavailable ? 'unavailable' : 'rejected';
    carrierPolls.inc({ carrier: job.carrier, outcome: kind });
    // An account refused is the merchant's to fix; only a carrier failing everyone counts towards its breaker.
    if (kind === 'unavailable') {
      const opened = await this.breaker((b) => b.failure(job.carrier), 0);
      if (opened > 0) {
        breakerOpened.inc({ carrier: job.carrier });
        logger.warn({ carrier: job.carrier, pauseMs: opened }, 'carrier circuit breaker opened');
      }
    }
    const now = new Date();
    const base = settings.cadence.backoffBaseMs;
    const failures = owned.map((o) => {
      // The first step and the cap in this carrier's time (the sandbox runs faster).
      const scale =
        (backoffAt(1, o.carrier, settings.cadence, now, () => 0.5).getTime() - now.getTime()) / base;
      return {
        shipmentId: o.shipmentId,
        error: `${kind === 'unavailable' ? 'carrier unavailable' : 'carrier refused the request'}: ${err.message}`,
        baseMs: base * scale,
        maxMs: settings.cadence.backoffMaxMs * scale,
      };
    });
    await repo.lockingShipments(
      owned.map((o) => o.shipmentId),
      (r) => r.failed(failures),
    );
    logger.info(
      { carrier: job.carrier, shipments: owned.length, err: err.message },
      'poll failed; shipments back off',
    );
  }
}

/** Identical answers to the same question are one payload: a poll that learns nothing stores nothing. */
function answerKey(a: CarrierAnswer): string {
  return `poll:${createHash('sha256')
    .update(`${a.status}\u0000${[...a.requested].sort().join(',')}\u0000`)
    .update(a.body)
    .digest('base64url')}`;
}
