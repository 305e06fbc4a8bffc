import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { getAdapter } from '../carriers/registry.js';
import type { Config } from '../config.js';
import type { PollJobData } from '../queue/queues.js';
import { expired, notFoundTooLong } from './cadence.js';
import { type PollConnections, routeKey } from './connections.js';
import type { ClaimedShipment, PollingRepository } from './polling.repository.js';

// One tick of the scheduler: claim the shipments that are due (one statement, SKIP LOCKED, so any number of
// worker processes tick at once without taking the same shipment twice), route each to the connection that
// polls it, cut them into requests of the carrier's batch size, and queue those on the carrier's queue,
// whose rate limit paces them. Shipments nothing can poll are parked until the merchant adds a connection;
// shipments with no news for too long, or unknown to the carrier past the grace period, are marked instead.

export interface PollJobSink {
  /** False while the queues cannot be reached: a tick then claims nothing. */
  ready(): boolean;
  /** Jobs of the carrier's queue not yet running. */
  backlog(carrier: string): Promise<number>;
  add(carrier: string, jobs: { id: string; data: PollJobData }[]): Promise<void>;
}

/** Shipments whose jobs could not be queued are due again after this long. */
const REQUEUE_AFTER_MS = 10_000;

export interface Marks {
  /** Writes wismo's own verdicts as events: `expired`, or `not_found` (an exception) after the grace period. */
  mark(marks: readonly { shipmentId: string; verdict: 'expired' | 'not_found' }[]): Promise<void>;
}

export interface TickResult {
  claimed: number;
  jobs: number;
  parked: number;
  marked: number;
}

export class PollScheduler {
  constructor(
    private readonly repo: PollingRepository,
    private readonly connections: PollConnections,
    private readonly sink: PollJobSink,
    private readonly marks: Marks,
    private readonly settings: Config['polling'],
    private readonly logger: Logger,
  ) {}

  async tick(now = new Date()): Promise<TickResult> {
    // Claiming while the queues are away would only lease the shipments out until the lease ends.
    if (!this.sink.ready()) return { claimed: 0, jobs: 0, parked: 0, marked: 0 };
    const claim = randomBytes(9).toString('base64url');
    const claimed = await this.repo.claimDue(this.settings.claimLimit, this.settings.leaseMs, claim);
    if (claimed.length === 0) return { claimed: 0, jobs: 0, parked: 0, marked: 0 };

    const verdicts = this.verdicts(claimed, now);
    const expiring = new Set(verdicts.filter((v) => v.verdict === 'expired').map((v) => v.shipmentId));
    const toPoll = claimed.filter((s) => !expiring.has(s.shipmentId));

    const routes = await this.connections.routes(toPoll);
    const groups = new Map<
      string,
      { carrier: string; connectionId: string; merchantId: string; items: ClaimedShipment[] }
    >();
    const unroutable: ClaimedShipment[] = [];
    for (const s of toPoll) {
      const route = routes.get(routeKey(s.merchantId, s.carrier));
      if (!route) {
        unroutable.push(s);
        continue;
      }
      const key = `${route.connectionId}`;
      const g = groups.get(key) ?? { ...route, merchantId: s.merchantId, items: [] };
      g.items.push(s);
      groups.set(key, g);
    }

    const byQueue = new Map<string, { id: string; data: PollJobData }[]>();
    for (const g of groups.values()) {
      const size = getAdapter(g.carrier)?.poll?.batchSize ?? 1;
      const jobs = byQueue.get(g.carrier) ?? [];
      for (let i = 0; i < g.items.length; i += size) {
        jobs.push({
          id: `${claim}-${g.connectionId}-${i / size}`,
          data: {
            claim,
            merchantId: g.merchantId,
            connectionId: g.connectionId,
            carrier: g.carrier,
            items: g.items.slice(i, i + size).map((s) => ({
              shipmentId: s.shipmentId,
              trackingNumber: s.trackingNumber,
              carrier: s.carrier,
            })),
          },
        });
      }
      byQueue.set(g.carrier, jobs);
    }
    const queued = await Promise.all([...byQueue].map(([carrier, jobs]) => this.queue(claim, carrier, jobs)));

    await this.park(unroutable);
    if (verdicts.length > 0) await this.marks.mark(verdicts);
    const jobs = queued.reduce((n, q) => n + q, 0);
    return { claimed: claimed.length, jobs, parked: unroutable.length, marked: verdicts.length };
  }

  /**
   * Queues as many of a carrier's jobs as its rate limit serves within half a lease, counting the jobs
   * already waiting: a job that waited longer would find its shipments claimed again, and a backlog beyond
   * that would only grow. The rest are given back, due when the queue should have room. Answers how many
   * were queued.
   */
  private async queue(
    claim: string,
    carrier: string,
    jobs: { id: string; data: PollJobData }[],
  ): Promise<number> {
    const client = getAdapter(carrier)?.poll;
    const rate = this.settings.rateLimits[carrier] ?? client?.rateLimit ?? { max: 1, durationMs: 1000 };
    const servable = Math.max(1, Math.floor((rate.max * this.settings.leaseMs) / 2 / rate.durationMs));
    const shipmentsOf = (list: typeof jobs) => list.flatMap((j) => j.data.items.map((i) => i.shipmentId));
    let taken = jobs;
    let rest: typeof jobs = [];
    try {
      const room = Math.max(0, servable - (await this.sink.backlog(carrier)));
      taken = jobs.slice(0, room);
      rest = jobs.slice(room);
      await this.sink.add(carrier, taken);
    } catch (err) {
      this.logger.warn(
        { err, carrier },
        'poll jobs could not be queued; their shipments are due again shortly',
      );
      await this.repo.release(claim, shipmentsOf(jobs), new Date(Date.now() + REQUEUE_AFTER_MS));
      return 0;
    }
    if (rest.length > 0) {
      // Due again when the queue should have drained to half, not at every tick.
      const drainMs = ((servable / 2) * rate.durationMs) / rate.max;
      await this.repo.release(
        claim,
        shipmentsOf(rest),
        new Date(Date.now() + Math.max(REQUEUE_AFTER_MS, drainMs)),
      );
    }
    return taken.length;
  }

  private verdicts(claimed: readonly ClaimedShipment[], now: Date) {
    const cadence = this.settings.cadence;
    const out: { shipmentId: string; verdict: 'expired' | 'not_found' }[] = [];
    for (const s of claimed) {
      if (expired(s.lastNewsAt, s.carrier, cadence, now))
        out.push({ shipmentId: s.shipmentId, verdict: 'expired' });
      else if (
        s.notFoundSince &&
        s.status !== 'exception' &&
        notFoundTooLong(s.notFoundSince, s.carrier, cadence, now)
      )
        out.push({ shipmentId: s.shipmentId, verdict: 'not_found' });
    }
    return out;
  }

  private async park(shipments: readonly ClaimedShipment[]): Promise<void> {
    if (shipments.length === 0) return;
    const pollable = shipments.filter((s) => getAdapter(s.carrier)?.poll);
    const other = shipments.filter((s) => !getAdapter(s.carrier)?.poll);
    await this.repo.lockingShipments(
      shipments.map((s) => s.shipmentId),
      async (r) => {
        await r.park(
          pollable.map((s) => s.shipmentId),
          'no_connection',
          'not polled: the merchant has no carrier connection with API credentials for this carrier (or an aggregator)',
        );
        await r.park(
          other.map((s) => s.shipmentId),
          'no_connection',
          'not polled: wismo cannot ask this carrier directly; it updates from pushes, or through an aggregator connection',
        );
      },
    );
    if (shipments.length > 0)
      this.logger.debug({ parked: shipments.length }, 'shipments parked: nothing can poll them');
  }
}
