import type { ProblemKind } from '../carriers/model.js';
import type { Database } from '../db/database.js';
import type { ShipmentStatus } from '../domain/status.js';
import { backoffAt, type CadenceSettings, nextCheckAt, notFoundRetryAt } from './cadence.js';
import type { PollingRepository } from './polling.repository.js';

// Normalization tells the schedule what it learnt, in its own transaction: a shipment with fresh news
// (pushed or polled) is next due by the cadence of its new state, a final one is no longer due, and one the
// carrier does not know, or reported an error about, is asked again on the slower rhythm of those.

export interface TrackedPlan {
  shipmentId: string;
  carrier: string;
  status: ShipmentStatus;
  eddDate: string | null;
}

export class PollPlanner {
  constructor(
    private readonly repo: PollingRepository,
    private readonly cadence: CadenceSettings,
  ) {}

  plan(s: Omit<TrackedPlan, 'shipmentId'>, now = new Date()): Date | null {
    return nextCheckAt(s, this.cadence, now);
  }

  async tracked(trx: Database, plans: readonly { shipmentId: string; dueAt: Date | null }[]): Promise<void> {
    await this.repo.with(trx).reschedule(
      plans.map((p) => ({ ...p, parked: p.dueAt ? null : 'final' })),
      { resetNotFound: true },
    );
  }

  async problems(
    trx: Database,
    problems: readonly { shipmentId: string; carrier: string; kind: ProblemKind; message: string }[],
    now = new Date(),
  ): Promise<void> {
    const repo = this.repo.with(trx);
    const unknown = problems.filter((p) => p.kind === 'not_found');
    await repo.notFound(
      unknown.map((p) => ({
        shipmentId: p.shipmentId,
        dueAt: notFoundRetryAt(p.carrier, this.cadence, now),
      })),
    );
    const failing = problems.filter((p) => p.kind !== 'not_found' && p.kind !== 'ignored');
    await repo.failed(
      failing.map((p) => {
        const first = backoffAt(1, p.carrier, this.cadence, now, () => 0.5).getTime() - now.getTime();
        const scale = first / this.cadence.backoffBaseMs;
        return {
          shipmentId: p.shipmentId,
          error: p.message,
          baseMs: this.cadence.backoffBaseMs * scale,
          maxMs: this.cadence.backoffMaxMs * scale,
        };
      }),
    );
  }
}
