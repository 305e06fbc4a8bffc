import type { CarrierAdapter } from '../carriers/adapter.js';
import type { MapResult, ProblemKind, TrackedShipment } from '../carriers/model.js';
import type { Database } from '../db/database.js';
import type { EventDecision } from '../domain/status.js';
import type { OrdersService } from '../orders/orders.service.js';
import type { OutboxMessage, OutboxRepository } from '../outbox/outbox.repository.js';
import type { PollPlanner } from '../polling/planner.js';
import { type Derived, deriveShipment } from './derive.js';
import { eventKey } from './event-key.js';
import { orderChanged, settled, shipmentChanges } from './outbox-messages.js';
import {
  type KeyedEvent,
  mergeFacts,
  type RawPayloadRow,
  type ShipmentTarget,
  type StoredEvent,
  type TrackingRepository,
} from './tracking.repository.js';

// The transaction of a batch of mapped payloads: every shipment they speak about gets their events, one
// derivation from its whole history, and one write of its state; every order concerned one re-derivation;
// every change its outbox rows; every payload its result. A fixed number of statements per batch, whatever
// its size: per-statement costs (round trips, parsing, planning) were most of the cost of a payload.
//
// Locks are taken orders first, then shipments, each in id order, as every writer of shipments takes them,
// so concurrent batches cannot deadlock. Deriving once from the union of a batch's events is what deriving
// after each payload in turn would give (the derivation is order-independent; a property test holds it to
// that); only intermediate statuses inside one batch are not announced, as a milestone already stale when
// its turn comes is not.

export interface MappedPayload {
  payload: RawPayloadRow;
  adapter: CarrierAdapter;
  result: MapResult;
  /** Which stored shipments each tracked shipment of the payload is about. */
  matches: { tracked: TrackedShipment; targets: ShipmentTarget[] }[];
  /** Shipments the payload reports a problem about (a number the carrier does not know), with the problem. */
  problems: { shipment: ShipmentTarget; kind: ProblemKind; message: string }[];
  /** For a poll answer: the shipments asked about (one the answer leaves out is still re-dated). */
  asked: ShipmentTarget[];
}

export interface PayloadShipmentSummary {
  shipmentId: string;
  trackingNumber: string;
  newEvents: number;
  status: string;
}

export interface BatchResult {
  /** By payload id. */
  shipments: Map<number, PayloadShipmentSummary[]>;
  decisions: Map<number, Partial<Record<EventDecision, number>>>;
}

export interface BatchDeps {
  tracking: TrackingRepository;
  orders: OrdersService;
  outbox: OutboxRepository;
  /** The polling schedule, re-dated from what the batch learnt. */
  planner: PollPlanner;
}

export const keyedEvents = (
  adapter: CarrierAdapter,
  shipment: Pick<ShipmentTarget, 'trackingNumber'>,
  tracked: TrackedShipment,
  payloadId: number,
): KeyedEvent[] =>
  tracked.events.map((event) => ({
    key: eventKey(adapter.code, shipment.trackingNumber, event),
    event,
    rawPayloadId: payloadId,
  }));

interface WorkItem {
  mapped: MappedPayload;
  tracked: TrackedShipment;
  target: ShipmentTarget;
}

/** Derives a shipment from its stored events; the decisions that changed, for one write. */
export function deriveStored(stored: readonly StoredEvent[]) {
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
  for (const e of stored) {
    const decision = derived.decisions.get(e.dedupeKey) ?? 'applied';
    if (decision !== e.decision) changes.push({ id: e.id, decision });
  }
  return { derived, changes };
}

export async function applyBatch(trx: Database, deps: BatchDeps, batch: readonly MappedPayload[]) {
  const repo = deps.tracking.with(trx);
  const result: BatchResult = { shipments: new Map(), decisions: new Map() };
  const work: WorkItem[] = batch.flatMap((mapped) =>
    mapped.matches.flatMap(({ tracked, targets }) => targets.map((target) => ({ mapped, tracked, target }))),
  );

  const problemTargets = batch.flatMap((m) => m.problems.map((p) => p.shipment));
  const orders = await deps.orders.lockManyForShipmentChange(trx, [
    ...work.map((w) => w.target.orderId),
    ...problemTargets.map((t) => t.orderId),
  ]);
  const locked = new Map(
    (await repo.lockShipments([...work.map((w) => w.target.id), ...problemTargets.map((t) => t.id)])).map(
      (s) => [s.id, s],
    ),
  );
  // Work on a shipment whose order or row is gone, or that moved to another merchant, is dropped.
  const live = work.filter(
    (w) => locked.has(w.target.id) && orders.get(w.target.orderId)?.merchant_id === w.target.merchantId,
  );

  const keyedByWork = live.map((w) => {
    const shipment = locked.get(w.target.id) as ShipmentTarget;
    return { w, shipment, keyed: keyedEvents(w.mapped.adapter, shipment, w.tracked, w.mapped.payload.id) };
  });
  const inserted = await repo.appendEventsMany(
    keyedByWork.map(({ shipment, keyed }) => ({ shipment, events: keyed })),
  );
  const newCount = new Map<string, number>();
  for (const row of inserted) {
    const k = `${row.rawPayloadId}:${row.shipmentId}`;
    newCount.set(k, (newCount.get(k) ?? 0) + 1);
  }

  const shipmentIds = [...new Set(keyedByWork.map((k) => k.shipment.id))];
  const stored = await repo.eventsOf(shipmentIds);
  const derivedById = new Map<string, Derived>();
  const decisionChanges: { id: number; shipmentId: string; decision: EventDecision }[] = [];
  for (const id of shipmentIds) {
    const { derived, changes } = deriveStored(stored.get(id) ?? []);
    derivedById.set(id, derived);
    for (const c of changes) decisionChanges.push({ ...c, shipmentId: id });
  }
  await repo.setDecisionsMany(decisionChanges);

  // One state write per shipment: the final derived state, and the facts of its payloads merged in payload
  // order (later facts win, sparse ones keep), as writing after each payload in turn would leave them.
  const outbox: OutboxMessage[] = [];
  const touchedEvents = new Set(inserted.map((r) => r.shipmentId));
  const lastWork = new Map<string, WorkItem>();
  const facts = new Map<string, TrackedShipment[]>();
  const seenAt = new Map<string, Date>();
  for (const { w, shipment, keyed } of keyedByWork) {
    const derived = derivedById.get(shipment.id) as Derived;
    const payload = w.mapped.payload;
    lastWork.set(shipment.id, w);
    facts.set(shipment.id, [...(facts.get(shipment.id) ?? []), w.tracked]);
    const at = seenAt.get(shipment.id);
    if (!at || payload.receivedAt > at) seenAt.set(shipment.id, payload.receivedAt);

    const summaries = result.shipments.get(payload.id) ?? [];
    summaries.push({
      shipmentId: shipment.id,
      trackingNumber: shipment.trackingNumber,
      newEvents: newCount.get(`${payload.id}:${shipment.id}`) ?? 0,
      status: derived.status,
    });
    result.shipments.set(payload.id, summaries);
    const counts = result.decisions.get(payload.id) ?? {};
    for (const key of new Set(keyed.map((k) => k.key))) {
      const d = derived.decisions.get(key) ?? 'applied';
      counts[d] = (counts[d] ?? 0) + 1;
    }
    result.decisions.set(payload.id, counts);
  }
  const now = new Date();
  const delayEdds = new Map<string, string | null>();
  const updates = [...lastWork].map(([id, w]) => {
    const merged = mergeFacts(facts.get(id) ?? []);
    const shipment = locked.get(id) as ShipmentTarget;
    const settledState = settled(
      shipment,
      derivedById.get(id) as Derived,
      merged.latestEddDate ?? shipment.latestEdd,
      touchedEvents.has(id),
    );
    const derived = settledState.derived;
    derivedById.set(id, derived);
    delayEdds.set(id, settledState.delayEdd);
    const nextCheckAt = deps.planner.plan(
      {
        carrier: shipment.carrierCode,
        status: derived.status,
        eddDate: merged.latestEddDate ?? shipment.latestEdd,
      },
      now,
    );
    return {
      shipmentId: id,
      derived,
      facts: merged,
      seen: { source: w.mapped.payload.source, at: seenAt.get(id) as Date },
      problem: null,
      eventsChanged: touchedEvents.has(id),
      nextCheckAt,
      delayEdd: settledState.delayEdd,
    };
  });
  await repo.updateShipments(updates);
  await deps.planner.tracked(
    trx,
    updates.map((u) => ({ shipmentId: u.shipmentId, dueAt: u.nextCheckAt })),
  );
  // A problem a payload reports about a shipment stands, unless a later payload of the batch tracks it (one
  // payload at a time, that one would have cleared it).
  const lastTracked = new Map<string, number>();
  for (const [i, m] of batch.entries())
    for (const { targets } of m.matches) for (const t of targets) lastTracked.set(t.id, i);
  const standing = new Map<
    string,
    { shipmentId: string; carrier: string; kind: ProblemKind; message: string }
  >();
  for (const [i, m] of batch.entries()) {
    for (const { shipment, kind, message } of m.problems) {
      if ((lastTracked.get(shipment.id) ?? -1) > i || !locked.has(shipment.id)) continue;
      if (orders.get(shipment.orderId)?.merchant_id !== shipment.merchantId) continue;
      await repo.setLastError(shipment.id, message, { source: m.payload.source, at: m.payload.receivedAt });
      standing.set(shipment.id, { shipmentId: shipment.id, carrier: shipment.carrierCode, kind, message });
    }
  }
  await deps.planner.problems(trx, [...standing.values()], now);
  // Asked, and the answer said nothing of it: checked all the same, due again by its cadence rather than
  // when its claim lapses.
  const unanswered = new Map(
    batch
      .flatMap((m) => m.asked)
      .filter((t) => !lastWork.has(t.id) && !standing.has(t.id))
      .map((t) => [t.id, t]),
  );
  await deps.planner.tracked(
    trx,
    [...unanswered.values()].map((t) => ({
      shipmentId: t.id,
      dueAt: deps.planner.plan({ carrier: t.carrierCode, status: t.status, eddDate: t.latestEdd }, now),
    })),
  );

  // The status change of each shipment, from its state before the batch to its state after it.
  for (const [id, w] of lastWork) {
    const shipment = locked.get(id) as ShipmentTarget;
    outbox.push(
      ...shipmentChanges(
        shipment,
        derivedById.get(id) as Derived,
        w.mapped.payload.source,
        delayEdds.get(id),
      ),
    );
  }

  const touchedOrders = [...new Set(live.map((w) => w.target.orderId))]
    .map((id) => orders.get(id))
    .filter((o) => o !== undefined);
  const changes = await deps.orders.refreshLockedMany(trx, touchedOrders);
  for (const order of touchedOrders) {
    const change = changes.get(order.id);
    if (!change) continue;
    // Named after the last payload of the batch that concerned the order: a retried batch names the same.
    const last = [...live].reverse().find((w) => w.target.orderId === order.id);
    outbox.push(orderChanged(order, change, `payload-${last?.mapped.payload.id}`));
  }
  await deps.outbox.with(trx).add(outbox);
  return result;
}
