import { DELAY_SUBSTATUSES, type Substatus } from '../carriers/model.js';
import type { DelayReason, EventDecision, ShipmentStatus } from '../domain/status.js';

// Deriving a shipment's status from the whole set of its events (DESIGN.md, "Deriving status"). Never "the
// latest event wins": carriers send scans late, twice, out of order and with clocks in other zones. The
// result depends only on the set of events, not on the order they arrived in (a property test checks it).
//
// Events are walked in time order through a small state machine:
// - progress moves forward only: info_received < in_transit < last mile (out_for_delivery, a failed attempt,
//   waiting at a pickup point) < delivered. A scan that would move backwards is `out_of_order` and ignored.
// - exception and expired are side states: they show until progress resumes, and never undo progress.
// - explicit returns and cancellations override progress (a return after delivery is a real return);
//   a parcel delivered while returning is back with the sender (`returned`).
// - delays are flags (the delayed substatuses), not steps.
// Each event's decision says what the walk did with it, so an agent can see why the status is what it is:
// `applied` (it moved the journey on or set the state it is in), `superseded` (a problem a later event
// resolved, an earlier delivery scan a later one corrected), `out_of_order` (it would have moved the status
// backwards), `duplicate` (the same scan as another event, reported again in another form).

export interface DerivableEvent {
  /** The event's identity (its stored dedupe key); ties in time are broken by it, so order is total. */
  key: string;
  occurredAt: string;
  status: ShipmentStatus;
  substatus: Substatus | string | null;
  rawCode: string;
  rawText?: string;
  location?: { city?: string | null } | null;
}

export interface Derived {
  status: ShipmentStatus;
  substatus: string | null;
  delayReason: DelayReason | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  lastEventAt: string | null;
  decisions: Map<string, EventDecision>;
}

// Steps of the forward journey. Last-mile states share one step: after a failed attempt the parcel goes
// out for delivery again, or waits at a pickup point, and either is news.
const STEP: Partial<Record<ShipmentStatus, number>> = {
  info_received: 1,
  in_transit: 2,
  out_for_delivery: 3,
  attempt_failed: 3,
  available_for_pickup: 3,
  delivered: 4,
};
const SIDE: readonly ShipmentStatus[] = ['exception', 'expired'];
const OVERRIDE: readonly ShipmentStatus[] = ['returning', 'returned', 'cancelled'];

/** Sort order inside one instant: the later step of the journey is taken to have happened last. */
function rank(status: ShipmentStatus): number {
  if (OVERRIDE.includes(status)) return 10 + OVERRIDE.indexOf(status);
  return STEP[status] ?? 2.5;
}

function compare(a: DerivableEvent, b: DerivableEvent): number {
  if (a.occurredAt !== b.occurredAt) return a.occurredAt < b.occurredAt ? -1 : 1;
  const r = rank(a.status) - rank(b.status);
  if (r !== 0) return r;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

const fold = (s: string | null | undefined) => (s ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '');

/**
 * Two reports of one scan: same code and status within the same minute, and the same words or the same
 * town (one of them may be spelled differently: "LYON" and "Lyon 03", seconds dropped, text reworded).
 */
function sameScan(a: DerivableEvent, b: DerivableEvent): boolean {
  if (a.rawCode !== b.rawCode || a.status !== b.status) return false;
  if (a.occurredAt.slice(0, 16) !== b.occurredAt.slice(0, 16)) return false;
  const text = fold(a.rawText) === fold(b.rawText);
  const ca = fold(a.location?.city);
  const cb = fold(b.location?.city);
  const town = ca !== '' && cb !== '' && (ca.startsWith(cb) || cb.startsWith(ca));
  return text || town;
}

export function deriveShipment(input: readonly DerivableEvent[]): Derived {
  const decisions = new Map<string, EventDecision>();
  // Identical keys are one event, whatever order or how often they came.
  const unique = [...new Map(input.map((e) => [e.key, e])).values()].sort(compare);

  const kept: DerivableEvent[] = [];
  for (const e of unique) {
    const twin = kept.find((k) => sameScan(k, e));
    if (twin) decisions.set(e.key, 'duplicate');
    else kept.push(e);
  }

  // Widened on purpose: apply() changes it, which narrowing inside the loop cannot see.
  let status = 'pending' as ShipmentStatus;
  let substatus: string | null = null;
  let step = 0;
  let setter: DerivableEvent | null = null;
  let shippedAt: string | null = null;
  let deliveredAt: string | null = null;
  let delayed: DerivableEvent | null = null;

  const apply = (e: DerivableEvent, next: ShipmentStatus) => {
    const previous = setter as DerivableEvent | null;
    if (previous && (SIDE.includes(status) || (status === 'delivered' && next === 'delivered'))) {
      decisions.set(previous.key, 'superseded');
    }
    decisions.set(e.key, 'applied');
    setter = e;
    status = next;
    substatus = e.substatus;
  };

  for (const e of kept) {
    const terminal = status === 'delivered' || status === 'returned' || status === 'cancelled';
    if (OVERRIDE.includes(e.status)) {
      const backwards =
        (status === 'returned' && e.status !== 'returned') ||
        (status === 'cancelled' && e.status === 'cancelled') ||
        (e.status === 'cancelled' && (status === 'delivered' || status === 'returned'));
      if (backwards) decisions.set(e.key, 'out_of_order');
      else apply(e, e.status);
      continue;
    }
    if (status === 'returning') {
      // The way back: a delivery now means back at the sender; other scans are the journey back.
      if (e.status === 'delivered') apply(e, 'returned');
      else decisions.set(e.key, 'applied');
      continue;
    }
    if (terminal) {
      // A second delivery scan corrects the time of delivery; anything else after the end is late news.
      if (status === 'delivered' && e.status === 'delivered') {
        apply(e, 'delivered');
        deliveredAt = e.occurredAt;
      } else decisions.set(e.key, 'out_of_order');
      continue;
    }
    if (SIDE.includes(e.status)) {
      apply(e, e.status);
      if (e.substatus && DELAY_SUBSTATUSES.includes(e.substatus as Substatus)) delayed = e;
      continue;
    }
    const s = STEP[e.status] ?? 2;
    if (s < step) {
      decisions.set(e.key, 'out_of_order');
      continue;
    }
    step = s;
    apply(e, e.status);
    if (s >= 2 && shippedAt === null) shippedAt = e.occurredAt;
    if (e.status === 'delivered') deliveredAt = e.occurredAt;
    if (e.substatus && DELAY_SUBSTATUSES.includes(e.substatus as Substatus)) delayed = e;
    else if (delayed && s > (STEP[delayed.status] ?? 2)) delayed = null;
  }

  const finished = status === 'delivered' || status === 'returned' || status === 'cancelled';
  return {
    status,
    substatus,
    delayReason: delayed && !finished ? 'carrier_reported' : null,
    shippedAt,
    deliveredAt: status === 'delivered' ? deliveredAt : null,
    lastEventAt: unique.length > 0 ? (unique[unique.length - 1] as DerivableEvent).occurredAt : null,
    decisions,
  };
}
