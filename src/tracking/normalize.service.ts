import type { Logger } from 'pino';
import type { CarrierAdapter } from '../carriers/adapter.js';
import type { MapProblem, MapResult, ProblemKind, TrackedShipment } from '../carriers/model.js';
import { getAdapter, mapPayload } from '../carriers/registry.js';
import type { Database } from '../db/database.js';
import type { EventDecision } from '../domain/status.js';
import { normalizedPayloads, unmappedCarrierEvents } from '../metrics.js';
import type { OrdersService } from '../orders/orders.service.js';
import type { OutboxRepository } from '../outbox/outbox.repository.js';
import type { PollPlanner } from '../polling/planner.js';
import { normalizeTrackingNumber } from '../shipments/tracking-number.js';
import { applyMarks, type Mark } from './marks.js';
import { applyBatch, deriveStored, keyedEvents, type MappedPayload } from './normalize-batch.js';
import { orderChanged, settled, shipmentChanges } from './outbox-messages.js';
import {
  type KeyedEvent,
  mergeFacts,
  type RawPayloadRow,
  type ShipmentTarget,
  type TrackingRepository,
} from './tracking.repository.js';

// Raw payload → carrier mapper → events (deduped) → derived shipment status → order status, each shipment in
// one transaction. Idempotent: a payload normalized twice (at-least-once jobs) stores nothing new and
// changes nothing. Renormalization rebuilds a shipment's events from all its stored payloads, so a mapping
// fix rewrites history.

export interface NormalizeOutcome {
  payloadId: number;
  /** skipped: the payload was not pending (already processed by another delivery of the same job). */
  state: 'processed' | 'failed' | 'skipped';
  shipments: { shipmentId: string; trackingNumber: string; newEvents: number; status: string }[];
  /** Numbers the payload spoke about that no shipment of the merchant has. */
  unmatched: string[];
  problems: MapProblem[];
  decisions: Partial<Record<EventDecision, number>>;
}

export interface RenormalizeOutcome {
  shipments: number;
  payloads: number;
  eventsUpserted: number;
  eventsRemoved: number;
  statusChanges: { shipmentId: string; trackingNumber: string; from: string; to: string }[];
}

export class NormalizeService {
  constructor(
    private readonly db: Database,
    private readonly tracking: TrackingRepository,
    private readonly orders: OrdersService,
    private readonly outbox: OutboxRepository,
    private readonly planner: PollPlanner,
    private readonly logger: Logger,
    private readonly maxAttempts = 20,
  ) {}

  /**
   * Normalizes the payloads of one job together: one claim, one transaction and a fixed number of
   * statements for the lot (normalize-batch.ts). Everything they change (events, shipments, orders, outbox
   * rows, the payloads' own state) commits at once, so a crash leaves them pending and whole. If the batch's
   * transaction fails, each payload is tried alone, so one bad payload cannot hold back the others; a
   * failure that may pass (Postgres restarting) is then thrown for the queue to retry, and the payloads done
   * meanwhile are skipped on the retry. A payload the mapper cannot read is marked failed at once; any is
   * given up after `maxAttempts` tries.
   */
  async normalizePayloads(payloadIds: readonly number[]): Promise<NormalizeOutcome[]> {
    if (payloadIds.length > 1) {
      // A job tried before and still pending may hold a payload that fails it, or kills its worker, every
      // time: taken one payload at a time, only that payload's attempts are spent on it.
      const attempts = await this.tracking.pendingAttempts(payloadIds);
      if ([...attempts.values()].some((n) => n >= SEPARATE_AFTER_ATTEMPTS)) {
        const outcomes: NormalizeOutcome[] = [];
        await eachThenThrow(payloadIds, async (id) => {
          outcomes.push(...(await this.normalizeTogether([id])));
        });
        return outcomes;
      }
    }
    return this.normalizeTogether(payloadIds);
  }

  private async normalizeTogether(payloadIds: readonly number[]): Promise<NormalizeOutcome[]> {
    const claimed = await this.tracking.claimPayloads(payloadIds);
    const byId = new Map(claimed.map((p) => [p.id, p]));
    const outcomes = new Map<number, NormalizeOutcome>();
    const mappedOnes: {
      payload: RawPayloadRow;
      adapter: CarrierAdapter;
      result: MapResult;
      outcome: NormalizeOutcome;
    }[] = [];
    for (const id of payloadIds) {
      const payload = byId.get(id);
      const outcome = emptyOutcome(id);
      outcomes.set(id, outcome);
      if (!payload) {
        outcome.state = 'skipped';
        continue;
      }
      const mapped = await this.prepare(payload, outcome);
      if (mapped) mappedOnes.push({ ...mapped, payload, outcome });
    }
    // The shipments all of them may speak about, in one query per merchant (a job's payloads share one).
    const candidates = await this.candidates(mappedOnes);
    const ready = mappedOnes.map(({ payload, adapter, result, outcome }) => {
      const known = candidates.get(payload.merchantId) ?? [];
      const matches = this.match(payload, result, known);
      for (const { tracked, targets } of matches)
        if (targets.length === 0) outcome.unmatched.push(tracked.trackingNumber);
      return {
        mapped: {
          payload,
          adapter,
          result,
          matches,
          problems: this.problemsFor(payload, result, matches, known),
          asked: payload.source === 'poll' ? this.askedShipments(payload, known) : [],
        },
        outcome,
        numbers: this.numbersOf(payload, result),
      };
    });
    if (ready.length > 0) {
      try {
        await this.apply(ready);
      } catch (err) {
        if (ready.length === 1) {
          await this.recordError(ready, err);
          throw err;
        }
        await eachThenThrow(ready, async (one) => {
          try {
            await this.apply([one]);
          } catch (e) {
            await this.recordError([one], e);
            throw e;
          }
        });
      }
    }
    return payloadIds.map((id) => outcomes.get(id) as NormalizeOutcome);
  }

  /** Normalizes one stored payload (a replay asked for by an agent): a batch of one. */
  async normalizePayload(payloadId: number): Promise<NormalizeOutcome> {
    return (await this.normalizePayloads([payloadId]))[0] as NormalizeOutcome;
  }

  /** Maps a claimed payload, or marks it failed (and answers null) when there is nothing to do. */
  private async prepare(
    payload: RawPayloadRow,
    outcome: NormalizeOutcome,
  ): Promise<{ adapter: CarrierAdapter; result: MapResult } | null> {
    if (payload.attempts > this.maxAttempts) {
      const error = `gave up after ${this.maxAttempts} attempts; last error: ${payload.lastError ?? 'none recorded'}`;
      await this.fail(payload, outcome, error);
      return null;
    }
    const adapter = getAdapter(payload.carrierCode);
    if (!adapter) {
      await this.fail(payload, outcome, `no carrier adapter for "${payload.carrierCode}"`);
      return null;
    }
    const result = this.map(adapter, payload);
    outcome.problems = result.problems;
    const malformed = result.problems.find((p) => p.kind === 'malformed');
    if (result.shipments.length === 0 && malformed) {
      const error = `unreadable ${adapter.name} payload${malformed.code ? ` (${malformed.code})` : ''}: ${malformed.message}`;
      await this.fail(payload, outcome, error);
      if (payload.source === 'poll') await this.backOffAsked(payload, `malformed: ${error}`);
      return null;
    }
    return { adapter, result };
  }

  /** The merchant's shipments with the numbers a poll asked about. */
  private askedShipments(payload: RawPayloadRow, known: readonly ShipmentTarget[]): ShipmentTarget[] {
    const asked = new Set(payload.trackingNumbers.map(normalizeTrackingNumber));
    return known.filter((t) => asked.has(t.trackingNumber));
  }

  /** A poll answer nobody can read: the shipments asked about back off, with the reason shown on them. */
  private async backOffAsked(payload: RawPayloadRow, message: string): Promise<void> {
    const asked = await this.tracking.shipmentsByNumbers(
      payload.merchantId,
      payload.trackingNumbers.map(normalizeTrackingNumber),
    );
    if (asked.length === 0) return;
    // Shipments locked first, in id order, as every writer of their schedule rows does.
    await this.db.transaction().execute(async (trx) => {
      await this.tracking.with(trx).lockShipments(asked.map((s) => s.id));
      await this.planner.problems(
        trx,
        asked.map((s) => ({ shipmentId: s.id, carrier: s.carrierCode, kind: 'malformed' as const, message })),
      );
    });
  }

  /** The stored shipments with any number the payloads name (or were asked about), by the payloads' merchant. */
  private async candidates(
    payloads: readonly { payload: RawPayloadRow; result: MapResult }[],
  ): Promise<Map<string | null, ShipmentTarget[]>> {
    const numbers = new Map<string | null, Set<string>>();
    for (const { payload, result } of payloads) {
      const set = numbers.get(payload.merchantId) ?? new Set<string>();
      for (const s of result.shipments) set.add(s.trackingNumber);
      for (const n of payload.trackingNumbers) set.add(normalizeTrackingNumber(n));
      for (const p of result.problems)
        if (p.trackingNumber) set.add(normalizeTrackingNumber(p.trackingNumber));
      numbers.set(payload.merchantId, set);
    }
    const found = new Map<string | null, ShipmentTarget[]>();
    for (const [merchantId, set] of numbers) {
      found.set(merchantId, await this.tracking.shipmentsByNumbers(merchantId, [...set]));
    }
    return found;
  }

  /** wismo's own verdicts (expired, unknown number) written as events; answers how many changed status. */
  mark(marks: readonly Mark[]): Promise<number> {
    return applyMarks(this.db, this.batchDeps(), marks);
  }

  private batchDeps() {
    return { tracking: this.tracking, orders: this.orders, outbox: this.outbox, planner: this.planner };
  }

  private async apply(
    ready: readonly { mapped: MappedPayload; outcome: NormalizeOutcome; numbers: string[] }[],
  ): Promise<void> {
    const result = await this.db.transaction().execute(async (trx) => {
      const applied = await applyBatch(
        trx,
        this.batchDeps(),
        ready.map((r) => r.mapped),
      );
      const repo = this.tracking.with(trx);
      for (const { mapped, outcome } of ready) {
        outcome.shipments = applied.shipments.get(mapped.payload.id) ?? [];
        outcome.decisions = applied.decisions.get(mapped.payload.id) ?? {};
      }
      await repo.finishPayloadsProcessed(
        ready.map(({ mapped, outcome, numbers }) => ({ id: mapped.payload.id, numbers, result: outcome })),
      );
      return applied;
    });
    for (const { mapped } of ready) {
      normalizedPayloads.inc({
        carrier: mapped.adapter.code,
        outcome:
          mapped.result.shipments.length > 0 ? 'tracked' : (mapped.result.problems[0]?.kind ?? 'empty'),
      });
      for (const s of result.shipments.get(mapped.payload.id) ?? []) {
        this.logger.debug({ payloadId: mapped.payload.id, ...s }, 'shipment normalized');
      }
    }
  }

  /** Why the last attempt failed, kept while the payloads wait for their next attempt. */
  private async recordError(ready: readonly { mapped: MappedPayload }[], err: unknown): Promise<void> {
    const message = ((err as Error)?.message ?? String(err)).slice(0, 1000);
    for (const { mapped } of ready) {
      await this.tracking.recordAttemptError(mapped.payload.id, message).catch(() => undefined);
    }
  }

  /** Kept, marked failed with the reason, counted: never dropped, never retried unless replayed. */
  private async fail(
    payload: RawPayloadRow,
    outcome: NormalizeOutcome,
    error: string,
  ): Promise<NormalizeOutcome> {
    outcome.state = 'failed';
    await this.tracking.finishPayload(payload.id, 'failed', payload.trackingNumbers, outcome, error);
    normalizedPayloads.inc({ carrier: payload.carrierCode, outcome: 'failed' });
    this.logger.warn({ payloadId: payload.id, carrier: payload.carrierCode, error }, 'raw payload failed');
    return outcome;
  }

  /** Rebuilds the events and status of the selected shipments from every payload stored for them. */
  async renormalize(filter: { carrier?: string; since?: Date }): Promise<RenormalizeOutcome> {
    const outcome: RenormalizeOutcome = {
      shipments: 0,
      payloads: 0,
      eventsUpserted: 0,
      eventsRemoved: 0,
      statusChanges: [],
    };
    let afterId: string | undefined;
    for (;;) {
      const page = await this.tracking.shipmentsToRenormalize({ ...filter, afterId, limit: 100 });
      if (page.length === 0) break;
      afterId = page.at(-1)?.id;
      const mapped = new Map<number, MapResult>();
      for (const shipment of page) {
        const payloads = await this.tracking.payloadsForShipment(shipment);
        const events = new Map<string, KeyedEvent>();
        let facts: TrackedShipment | null = null;
        for (const payload of payloads) {
          const adapter = getAdapter(payload.carrierCode);
          if (!adapter) continue;
          let result = mapped.get(payload.id);
          if (!result) {
            result = this.map(adapter, payload);
            mapped.set(payload.id, result);
            outcome.payloads++;
          }
          const tracked = this.trackedFor(shipment, payload, result);
          if (!tracked) continue;
          facts = tracked;
          for (const k of keyedEvents(adapter, shipment, tracked, payload.id))
            if (!events.has(k.key)) events.set(k.key, k);
        }
        await this.db.transaction().execute(async (trx) => {
          const order = await this.orders.lockForShipmentChange(trx, shipment.merchantId, shipment.orderId);
          const repo = this.tracking.with(trx);
          const locked = await repo.lockShipment(shipment.id);
          if (!order || !locked) return;
          const { upserted, removed } = await repo.replaceEvents(locked, [...events.values()]);
          const rederived = await this.rederive(repo, locked);
          const merged = mergeFacts([facts]);
          // The same history read again: no news, so a stall stands.
          const delay = settled(locked, rederived.derived, merged.latestEddDate ?? locked.latestEdd, false);
          const derived = { ...rederived, derived: delay.derived };
          // A history rewritten may end elsewhere (a delivery that was not one): the schedule follows it.
          const nextCheckAt = this.planner.plan({
            carrier: locked.carrierCode,
            status: derived.derived.status,
            eddDate: merged.latestEddDate ?? locked.latestEdd,
          });
          await repo.updateShipments([
            {
              shipmentId: locked.id,
              derived: derived.derived,
              facts: merged,
              seen: null,
              problem: null,
              eventsChanged: removed > 0 || upserted > 0,
              nextCheckAt,
              delayEdd: delay.delayEdd,
            },
          ]);
          await this.planner.tracked(trx, [{ shipmentId: locked.id, dueAt: nextCheckAt }]);
          const change = await this.orders.refreshLocked(trx, order);
          await this.outbox
            .with(trx)
            .add([
              ...shipmentChanges(locked, derived.derived, 'renormalize', delay.delayEdd),
              ...(change
                ? [orderChanged(order, change, `renormalize-${locked.id}-${derived.derived.lastEventAt}`)]
                : []),
            ]);
          outcome.eventsUpserted += upserted;
          outcome.eventsRemoved += removed;
          if (derived.derived.status !== locked.status) {
            outcome.statusChanges.push({
              shipmentId: locked.id,
              trackingNumber: locked.trackingNumber,
              from: locked.status,
              to: derived.derived.status,
            });
          }
        });
        outcome.shipments++;
      }
    }
    return outcome;
  }

  private map(adapter: CarrierAdapter, payload: RawPayloadRow): MapResult {
    const result = mapPayload(adapter, {
      body: payload.body.toString('utf8'),
      contentType: payload.contentType,
      httpStatus: payload.httpStatus,
      requested: payload.trackingNumbers,
    });
    for (const s of result.shipments) {
      for (const e of s.events)
        if (!e.mapped) unmappedCarrierEvents.inc({ carrier: adapter.code, code: e.rawCode || '(none)' });
    }
    return result;
  }

  private numbersOf(payload: RawPayloadRow, result: MapResult): string[] {
    const all = [
      ...payload.trackingNumbers,
      ...result.shipments.map((s) => s.trackingNumber),
      ...result.problems.flatMap((p) =>
        p.trackingNumber ? [normalizeTrackingNumber(p.trackingNumber)] : [],
      ),
    ];
    return [...new Set(all.map(normalizeTrackingNumber))];
  }

  /**
   * Which stored shipments each tracked shipment of the payload is about. By number; an aggregator's answer
   * may concern a shipment stored under the carrier that moves it. When one number was asked for and the
   * answer is about one parcel under another number (Canada Post answers a notice-card number with the
   * parcel's PIN), the answer belongs to the shipment asked about.
   */
  private match(
    payload: RawPayloadRow,
    result: MapResult,
    candidates: readonly ShipmentTarget[],
  ): { tracked: TrackedShipment; targets: ShipmentTarget[] }[] {
    const adapter = getAdapter(payload.carrierCode);
    const asked = payload.trackingNumbers.map(normalizeTrackingNumber);
    // Carriers reuse numbers (FedEx, TNT): adapters list the current parcel first, and only it is applied;
    // mixing two parcels' scans into one shipment would make both histories wrong.
    const current = result.shipments.filter(
      (s, i) => result.shipments.findIndex((o) => o.trackingNumber === s.trackingNumber) === i,
    );
    return current.map((tracked) => {
      let number = tracked.trackingNumber;
      if (
        current.length === 1 &&
        asked.length === 1 &&
        !candidates.some((c) => c.trackingNumber === number)
      ) {
        number = asked[0] as string;
      }
      const sameNumber = candidates.filter((c) => c.trackingNumber === number);
      const targets =
        adapter?.kind === 'aggregator'
          ? sameNumber.filter(
              (c) =>
                !tracked.underlyingCarrier ||
                c.carrierCode === tracked.underlyingCarrier ||
                c.carrierCode === payload.carrierCode,
            )
          : sameNumber.filter((c) => c.carrierCode === payload.carrierCode);
      return { tracked, targets };
    });
  }

  private trackedFor(
    shipment: ShipmentTarget,
    payload: RawPayloadRow,
    result: MapResult,
  ): TrackedShipment | null {
    const exact = result.shipments.find((s) => s.trackingNumber === shipment.trackingNumber);
    if (exact) return exact;
    const asked = payload.trackingNumbers.map(normalizeTrackingNumber);
    return result.shipments.length === 1 && asked.length === 1 && asked[0] === shipment.trackingNumber
      ? (result.shipments[0] ?? null)
      : null;
  }

  /** Derives from every stored event and writes the decisions that changed (renormalization). */
  private async rederive(repo: TrackingRepository, shipment: ShipmentTarget) {
    const { derived, changes } = deriveStored(await repo.events(shipment.id));
    await repo.setDecisionsMany(changes.map((c) => ({ ...c, shipmentId: shipment.id })));
    return { derived };
  }

  /**
   * Numbers the carrier does not know (or refused) are written on their shipments, for agents and pollers:
   * the shipments of the merchant with each number a problem names, but those the payload tracks.
   */
  private problemsFor(
    payload: RawPayloadRow,
    result: MapResult,
    matches: readonly { targets: ShipmentTarget[] }[],
    known: readonly ShipmentTarget[],
  ): { shipment: ShipmentTarget; kind: ProblemKind; message: string }[] {
    const tracked = new Set(matches.flatMap((m) => m.targets.map((t) => t.id)));
    return result.problems
      .filter((p) => p.kind !== 'ignored' && (p.trackingNumber || payload.trackingNumbers.length === 1))
      .flatMap((p) => {
        const number = normalizeTrackingNumber(p.trackingNumber ?? (payload.trackingNumbers[0] as string));
        return known
          .filter((t) => t.trackingNumber === number && !tracked.has(t.id))
          .map((shipment) => ({ shipment, kind: p.kind, message: `${p.kind}: ${p.message}` }));
      });
  }
}

/** Runs `fn` on every item, one after the other, then throws the first error any of them threw. */
async function eachThenThrow<T>(items: readonly T[], fn: (item: T) => Promise<void>): Promise<void> {
  let first: unknown = null;
  for (const item of items) {
    try {
      await fn(item);
    } catch (err) {
      first ??= err;
    }
  }
  if (first !== null) throw first;
}

/** A job whose payloads were claimed this often before is normalized one payload at a time. */
const SEPARATE_AFTER_ATTEMPTS = 2;

function emptyOutcome(payloadId: number): NormalizeOutcome {
  return { payloadId, state: 'processed', shipments: [], unmatched: [], problems: [], decisions: {} };
}
