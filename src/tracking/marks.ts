import type { CanonicalEvent } from '../carriers/model.js';
import type { Database } from '../db/database.js';
import type { Derived } from './derive.js';
import { type BatchDeps, deriveStored } from './normalize-batch.js';
import { orderChanged, settled, shipmentChanges } from './outbox-messages.js';
import { mergeFacts, type ShipmentTarget } from './tracking.repository.js';

// wismo's own verdicts on a shipment, written as events of its history so the derivation, the agent's
// timeline and the shopper's messages treat them like any scan: `expired` when the carrier has said nothing
// for too long (polling stops), an exception `unknown_number` when the carrier still does not know the number
// after the grace period. Both are side states: a later scan moves the journey on as usual.

export type Verdict = 'expired' | 'not_found';

export interface Mark {
  shipmentId: string;
  verdict: Verdict;
}

export const MARK_CODES: Record<Verdict, string> = {
  expired: 'WISMO_EXPIRED',
  not_found: 'WISMO_UNKNOWN_NUMBER',
};

function markEvent(verdict: Verdict, at: Date): CanonicalEvent {
  const iso = at.toISOString();
  return {
    occurredAt: iso,
    occurredAtLocal: iso,
    utcOffsetMinutes: 0,
    offsetSource: 'assumed_utc',
    status: verdict === 'expired' ? 'expired' : 'exception',
    substatus: verdict === 'expired' ? 'no_news' : 'unknown_number',
    rawCode: MARK_CODES[verdict],
    rawText:
      verdict === 'expired'
        ? 'No news from the carrier for too long: wismo stopped tracking this shipment'
        : 'The carrier still does not know this tracking number: check that it is right',
    location: null,
    mapped: true,
  };
}

/** Writes the marks in one transaction; answers the shipments whose status changed. */
export async function applyMarks(
  db: Database,
  deps: BatchDeps,
  marks: readonly Mark[],
  now = new Date(),
): Promise<number> {
  if (marks.length === 0) return 0;
  const verdicts = new Map(marks.map((m) => [m.shipmentId, m.verdict]));
  const targets = await deps.tracking.shipmentsByIds([...verdicts.keys()]);
  return db.transaction().execute(async (trx) => {
    const repo = deps.tracking.with(trx);
    const orders = await deps.orders.lockManyForShipmentChange(
      trx,
      targets.map((t) => t.orderId),
    );
    const locked = (await repo.lockShipments(targets.map((t) => t.id))).filter(
      (s) => orders.get(s.orderId)?.merchant_id === s.merchantId,
    );
    await repo.appendEventsMany(
      locked.map((s) => {
        const verdict = verdicts.get(s.id) as Verdict;
        // One verdict per shipment and day: a second tick the same day is the same event.
        const day = now.toISOString().slice(0, 10);
        return {
          shipment: s,
          events: [{ key: `wismo:${verdict}:${day}`, event: markEvent(verdict, now), rawPayloadId: null }],
        };
      }),
    );
    const stored = await repo.eventsOf(locked.map((s) => s.id));
    const derivedById = new Map<string, Derived>();
    const changes = [];
    const delayEdds = new Map<string, string | null>();
    for (const s of locked) {
      const { derived: raw, changes: c } = deriveStored(stored.get(s.id) ?? []);
      // A verdict is not news from the carrier: a stall stands.
      const { derived, delayEdd } = settled(s, raw, s.latestEdd, false);
      derivedById.set(s.id, derived);
      delayEdds.set(s.id, delayEdd);
      changes.push(...c.map((x) => ({ ...x, shipmentId: s.id })));
    }
    await repo.setDecisionsMany(changes);
    const updates = locked.map((s) => {
      const derived = derivedById.get(s.id) as Derived;
      return {
        shipmentId: s.id,
        derived,
        facts: mergeFacts([]),
        seen: null,
        problem: null,
        eventsChanged: true,
        delayEdd: delayEdds.get(s.id) ?? null,
        nextCheckAt: deps.planner.plan(
          { carrier: s.carrierCode, status: derived.status, eddDate: s.latestEdd },
          now,
        ),
      };
    });
    await repo.updateShipments(updates);
    await deps.planner.tracked(
      trx,
      updates.map((u) => ({ shipmentId: u.shipmentId, dueAt: u.nextCheckAt })),
    );
    const outbox = locked.flatMap((s: ShipmentTarget) =>
      shipmentChanges(s, derivedById.get(s.id) as Derived, 'poll', delayEdds.get(s.id) ?? null),
    );
    const touched = [...new Set(locked.map((s) => s.orderId))].flatMap((id) => orders.get(id) ?? []);
    const orderChanges = await deps.orders.refreshLockedMany(trx, touched);
    for (const order of touched) {
      const change = orderChanges.get(order.id);
      if (change) outbox.push(orderChanged(order, change, `mark-${now.toISOString()}`));
    }
    await deps.outbox.with(trx).add(outbox);
    return locked.filter((s) => derivedById.get(s.id)?.status !== s.status).length;
  });
}
