import type { OrderItem, ShipmentItem } from '../domain/shapes.js';
import type { OrderStatus, ShipmentStatus } from '../domain/status.js';

// The order-level journey the shopper sees, derived from the storefront's milestones and the shipments'
// canonical statuses. Pure, so every rule below has a test.

export interface OrderFacts {
  confirmedAt: Date | null;
  packedAt: Date | null;
  cancelledAt: Date | null;
  items: readonly OrderItem[];
  shipments: readonly { status: ShipmentStatus; delayed: boolean; items: readonly ShipmentItem[] }[];
}

// Progress of a shipment along the journey; side states are decided before progress is looked at.
const PROGRESS: Partial<Record<ShipmentStatus, number>> = {
  pending: 0,
  info_received: 0,
  in_transit: 1,
  out_for_delivery: 2,
  delivered: 3,
};

/**
 * Whether every SKU the order lists has been put into some shipment. Shipments that do not list their
 * items are taken to hold the whole order, so a storefront that never sends items is never "partial".
 */
export function isFullyShipped(items: OrderFacts['items'], shipments: OrderFacts['shipments']): boolean {
  if (shipments.length === 0) return false;
  if (shipments.some((s) => s.items.length === 0)) return true;
  const shipped = new Map<string, number>();
  for (const s of shipments)
    for (const i of s.items) shipped.set(i.sku, (shipped.get(i.sku) ?? 0) + i.quantity);
  return items.every((i) => !i.sku || (shipped.get(i.sku) ?? 0) >= i.quantity);
}

export function deriveOrderStatus(facts: OrderFacts): OrderStatus {
  if (facts.cancelledAt) return 'cancelled';
  const active = facts.shipments.filter((s) => s.status !== 'cancelled');
  if (active.length === 0) {
    if (facts.packedAt) return 'packed';
    if (facts.confirmedAt) return 'confirmed';
    return 'ordered';
  }
  const has = (status: ShipmentStatus) => active.some((s) => s.status === status);
  // Returned only when nothing is still on its way to the shopper.
  if (
    active.every((s) => s.status === 'returning' || s.status === 'returned' || s.status === 'delivered') &&
    !active.every((s) => s.status === 'delivered')
  ) {
    return 'returned';
  }
  // Needs-attention states win over progress: they are what the shopper and the agent must see first.
  if (has('exception') || has('expired')) return 'exception';
  if (has('attempt_failed')) return 'attempt_failed';
  if (has('available_for_pickup')) return 'available_for_pickup';

  const fully = isFullyShipped(facts.items, active);
  const delivered = active.filter((s) => s.status === 'delivered').length;
  if (delivered === active.length) return fully ? 'delivered' : 'partially_delivered';
  if (delivered > 0) return 'partially_delivered';
  if (!fully) return 'partially_shipped';
  if (active.some((s) => s.delayed)) return 'delayed';

  // The order is as far along as its least advanced parcel.
  const least = Math.min(...active.map((s) => PROGRESS[s.status] ?? 1));
  if (least >= 2) return 'out_for_delivery';
  if (least >= 1) return 'in_transit';
  return 'shipped';
}
