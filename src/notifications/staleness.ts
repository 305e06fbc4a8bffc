import type { OrderStatus, ShipmentStatus } from '../domain/status.js';
import type { Milestone } from './model.js';

// A message is checked against the present just before it goes: the parcel delivered before the "out for
// delivery" email's turn makes that email wrong, and a wrong message is worse than none. Progress messages
// go stale once the journey is past them; state messages (out for delivery, waiting at a pickup point,
// exception, delayed) only hold while the state does. Delivered and returned stay true.

export interface Present {
  /** The subject's status now: the shipment's, or for order-level messages the order's. */
  status: ShipmentStatus | OrderStatus;
  delayed: boolean;
  cancelled: boolean;
}

const STEP: Partial<Record<ShipmentStatus | OrderStatus, number>> = {
  ordered: 0,
  confirmed: 1,
  packed: 2,
  pending: 3,
  info_received: 3,
  partially_shipped: 3,
  shipped: 3,
  in_transit: 4,
  delayed: 4,
  out_for_delivery: 5,
  attempt_failed: 5,
  available_for_pickup: 5,
  partially_delivered: 5,
  delivered: 6,
};
const BACK: readonly string[] = ['returning', 'returned'];

/** Why the milestone is no longer true, or null while it is. */
export function staleReason(milestone: Milestone, now: Present): string | null {
  if (now.cancelled || now.status === 'cancelled') return 'the order or shipment was cancelled';
  const step = STEP[now.status];
  const past = (limit: number) => (step !== undefined && step >= limit) || BACK.includes(now.status);
  const isNow = (...statuses: string[]) => statuses.includes(now.status);
  const reason = `it is ${now.status.replaceAll('_', ' ')} now`;
  switch (milestone) {
    case 'confirmed':
    case 'packed':
    case 'shipped':
      return past(6) ? reason : null;
    case 'in_transit':
      return past(5) ? reason : null;
    case 'out_for_delivery':
      return isNow('out_for_delivery') ? null : reason;
    case 'available_for_pickup':
      return isNow('available_for_pickup') ? null : reason;
    case 'attempt_failed':
      return past(6) ? reason : null;
    case 'exception':
      return isNow('exception', 'expired') ? null : reason;
    case 'delayed':
      if (past(6)) return reason;
      return now.delayed || isNow('delayed') ? null : 'it is no longer delayed';
    case 'delivered':
    case 'returned':
      return null;
  }
}
