import type { Logger } from 'pino';
import type { CarrierAdapter } from '../carriers/adapter.js';
import type { MapProblem, MapResult, TrackedShipment } from '../carriers/model.js';
import { getAdapter, mapPayload } from '../carriers/registry.js';
import type { Database } from '../db/database.js';
import type { EventDecision } from '../domain/status.js';
import { normalizedPayloads, unmappedCarrierEvents } from '../metrics.js';
import type { OrderRow } from '../orders/orders.repository.js';
import type { OrdersService } from '../orders/orders.service.js';
import type { OutboxMessage, OutboxRepository } from '../outbox/outbox.repository.js';
import { deriveShipment } from './derive.js';
import { eventKey } from './event-key.js';
import { orderChanged, shipmentChanges } from './outbox-messages.js';
import type { KeyedEvent, RawPayloadRow, ShipmentTarget, TrackingRepository } from './tracking.repository.js';

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

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const normalize = (n: string) => n.replace(/[\s-]+/g, '').toUpperCase();

export class NormalizeService {
  constructor(
    private readonly db: Database,
    private readonly tracking: TrackingRepository,
    private readonly orders: OrdersService,
    private readonly outbox: OutboxRepository,
    private readonly logger: Logger,
    private readonly maxAttempts = 20,
  ) {}

  /**
   * Normalizes the payloads of one job, one after the other (payloads committed together often concern the
   * same shipments; in order they do not wait on each other's locks). A payload that fails transiently does
   * not stop the others: the first such error is thrown at the end, so the job is retried, and the payloads
   * already done are skipped then.
   */
  async normalizePayloads(payloadIds: readonly number[]): Promise<NormalizeOutcome[]> {
    const outcomes: NormalizeOutcome[] = [];
    let error: unknown = null;
    for (const id of payloadIds) {
      try {
        outcomes.push(await this.normalizePayload(id));
      } catch (err) {
        error ??= err;
      }
    }
    if (error) throw error;
    return outcomes;
  }

  /**
   * Normalizes one stored payload. Everything it changes (events, shipments, orders, outbox rows, the
   * payload's own state) commits in one transaction, so a crash leaves the payload pending and whole.
   * Failures that may pass (Postgres restarting) are thrown for the queue to retry; a payload the mapper
   * cannot read is marked failed at once; any payload is given up after `maxAttempts` tries.
   */
  async normalizePayload(payloadId: number): Promise<NormalizeOutcome> {
    const payload = await this.tracking.claimPayload(payloadId);
    const outcome: NormalizeOutcome = {
      payloadId,
      state: 'processed',
      shipments: [],
      unmatched: [],
      problems: [],
      decisions: {},
    };
    if (!payload) return { ...outcome, state: 'skipped' };
    if (payload.attempts > this.maxAttempts) {
      const error = `gave up after ${this.maxAttempts} attempts; last error: ${payload.lastError ?? 'none recorded'}`;
      return this.fail(payload, outcome, error);
    }
    try {
      return await this.process(payload, outcome);
    } catch (err) {
      await this.tracking
        .recordAttemptError(payloadId, (err as Error).message.slice(0, 1000))
        .catch(() => undefined);
      throw err;
    }
  }

  private async process(payload: RawPayloadRow, outcome: NormalizeOutcome): Promise<NormalizeOutcome> {
    const adapter = getAdapter(payload.carrierCode);
    if (!adapter) return this.fail(payload, outcome, `no carrier adapter for "${payload.carrierCode}"`);
    const result = this.map(adapter, payload);
    outcome.problems = result.problems;
    const malformed = result.problems.find((p) => p.kind === 'malformed');
    if (result.shipments.length === 0 && malformed) {
      return this.fail(
        payload,
        outcome,
        `unreadable ${adapter.name} payload${malformed.code ? ` (${malformed.code})` : ''}: ${malformed.message}`,
      );
    }
    const numbers = this.numbersOf(payload, result);
    const matches = await this.match(payload, result);
    for (const { tracked, targets } of matches)
      if (targets.length === 0) outcome.unmatched.push(tracked.trackingNumber);

    // Orders are locked before shipments, each in id order, so two payloads touching the same orders
    // cannot deadlock.
    const work = matches
      .flatMap(({ tracked, targets }) => targets.map((target) => ({ tracked, target })))
      .sort((a, b) => cmp(a.target.orderId, b.target.orderId) || cmp(a.target.id, b.target.id));
    const outbox: OutboxMessage[] = [];
    await this.db.transaction().execute(async (trx) => {
      const repo = this.tracking.with(trx);
      const orders = new Map<string, OrderRow | null>();
      for (const { target } of work) {
        if (!orders.has(target.orderId)) {
          orders.set(
            target.orderId,
            await this.orders.lockForShipmentChange(trx, target.merchantId, target.orderId),
          );
        }
      }
      for (const { tracked, target } of work) {
        if (!orders.get(target.orderId)) continue;
        const applied = await this.applyTracked(repo, adapter, payload, target, tracked);
        if (!applied) continue;
        outcome.shipments.push(applied.summary);
        outbox.push(...applied.outbox);
        for (const [decision, n] of Object.entries(applied.decisions)) {
          const d = decision as EventDecision;
          outcome.decisions[d] = (outcome.decisions[d] ?? 0) + n;
        }
      }
      for (const order of orders.values()) {
        if (!order) continue;
        const change = await this.orders.refreshLocked(trx, order);
        if (change) outbox.push(orderChanged(order, change, `payload-${payload.id}`));
      }
      await this.outbox.with(trx).add(outbox);
      await this.recordProblems(repo, payload, result, matches);
      await repo.finishPayload(payload.id, 'processed', numbers, outcome, null);
    });
    normalizedPayloads.inc({
      carrier: adapter.code,
      outcome: result.shipments.length > 0 ? 'tracked' : (result.problems[0]?.kind ?? 'empty'),
    });
    return outcome;
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
          for (const k of this.keyed(adapter, shipment, tracked, payload.id))
            if (!events.has(k.key)) events.set(k.key, k);
        }
        await this.db.transaction().execute(async (trx) => {
          const order = await this.orders.lockForShipmentChange(trx, shipment.merchantId, shipment.orderId);
          const repo = this.tracking.with(trx);
          const locked = await repo.lockShipment(shipment.id);
          if (!order || !locked) return;
          const { upserted, removed } = await repo.replaceEvents(locked, [...events.values()]);
          const derived = await this.rederive(repo, locked);
          await repo.updateShipment(locked, derived.derived, facts, null, null, removed > 0 || upserted > 0);
          const change = await this.orders.refreshLocked(trx, order);
          await this.outbox
            .with(trx)
            .add([
              ...shipmentChanges(locked, derived.derived, 'renormalize'),
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
      ...result.problems.flatMap((p) => (p.trackingNumber ? [normalize(p.trackingNumber)] : [])),
    ];
    return [...new Set(all.map(normalize))];
  }

  /**
   * Which stored shipments each tracked shipment of the payload is about. By number; an aggregator's answer
   * may concern a shipment stored under the carrier that moves it. When one number was asked for and the
   * answer is about one parcel under another number (Canada Post answers a notice-card number with the
   * parcel's PIN), the answer belongs to the shipment asked about.
   */
  private async match(
    payload: RawPayloadRow,
    result: MapResult,
  ): Promise<{ tracked: TrackedShipment; targets: ShipmentTarget[] }[]> {
    const adapter = getAdapter(payload.carrierCode);
    const numbers = result.shipments.map((s) => s.trackingNumber);
    const asked = payload.trackingNumbers.map(normalize);
    const candidates = await this.tracking.shipmentsByNumbers(payload.merchantId, [
      ...new Set([...numbers, ...asked]),
    ]);
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
    const asked = payload.trackingNumbers.map(normalize);
    return result.shipments.length === 1 && asked.length === 1 && asked[0] === shipment.trackingNumber
      ? (result.shipments[0] ?? null)
      : null;
  }

  private keyed(
    adapter: CarrierAdapter,
    shipment: ShipmentTarget,
    tracked: TrackedShipment,
    payloadId: number,
  ): KeyedEvent[] {
    return tracked.events.map((event) => ({
      key: eventKey(adapter.code, shipment.trackingNumber, event),
      event,
      rawPayloadId: payloadId,
    }));
  }

  /** One shipment's part of a payload, inside the payload's transaction (its order is already locked). */
  private async applyTracked(
    repo: TrackingRepository,
    adapter: CarrierAdapter,
    payload: RawPayloadRow,
    target: ShipmentTarget,
    tracked: TrackedShipment,
  ) {
    const shipment = await repo.lockShipment(target.id);
    if (!shipment) return null;
    const keyed = this.keyed(adapter, shipment, tracked, payload.id);
    const inserted = await repo.appendEvents(shipment, keyed);
    const { derived, decisions } = await this.rederive(repo, shipment, new Set(keyed.map((k) => k.key)));
    await repo.updateShipment(
      shipment,
      derived,
      tracked,
      { source: payload.source, at: payload.receivedAt },
      null,
      inserted > 0,
    );
    if (derived.status !== shipment.status) {
      this.logger.info(
        { shipmentId: shipment.id, from: shipment.status, to: derived.status, payloadId: payload.id },
        'shipment status changed',
      );
    }
    return {
      summary: {
        shipmentId: shipment.id,
        trackingNumber: shipment.trackingNumber,
        newEvents: inserted,
        status: derived.status,
      },
      decisions,
      outbox: shipmentChanges(shipment, derived, payload.source),
    };
  }

  /** Derives from every stored event and writes the decisions that changed. */
  private async rederive(repo: TrackingRepository, shipment: ShipmentTarget, incoming?: Set<string>) {
    const stored = await repo.events(shipment.id);
    const derived = deriveShipment(
      stored.map((e) => ({
        key: e.dedupeKey,
        occurredAt: e.occurredAt,
        status: e.status,
        substatus: e.substatus,
        rawCode: e.rawCode,
        rawText: e.rawText,
        location: e.location,
      })),
    );
    const changes: { id: number; decision: EventDecision }[] = [];
    const decisions: Partial<Record<EventDecision, number>> = {};
    for (const e of stored) {
      const decision = derived.decisions.get(e.dedupeKey) ?? 'applied';
      if (decision !== e.decision) changes.push({ id: e.id, decision });
      if (incoming?.has(e.dedupeKey)) decisions[decision] = (decisions[decision] ?? 0) + 1;
    }
    await repo.setDecisions(shipment.id, changes);
    return { derived, decisions };
  }

  /** A number the carrier does not know (or refused) is written on its shipment, for agents and pollers. */
  private async recordProblems(
    repo: TrackingRepository,
    payload: RawPayloadRow,
    result: MapResult,
    matches: { targets: ShipmentTarget[] }[],
  ) {
    const tracked = new Set(matches.flatMap((m) => m.targets.map((t) => t.id)));
    const perNumber = result.problems.filter(
      (p) => p.kind !== 'ignored' && (p.trackingNumber || payload.trackingNumbers.length === 1),
    );
    if (perNumber.length === 0) return;
    for (const p of perNumber) {
      const number = normalize(p.trackingNumber ?? (payload.trackingNumbers[0] as string));
      const targets = (await repo.shipmentsByNumbers(payload.merchantId, [number])).filter(
        (t) => !tracked.has(t.id),
      );
      for (const t of targets)
        await repo.setLastError(t.id, `${p.kind}: ${p.message}`, {
          source: payload.source,
          at: payload.receivedAt,
        });
    }
  }
}
