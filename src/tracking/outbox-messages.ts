import { settleDelay } from '../delays/delay.js';
import type { OrderRow } from '../orders/orders.repository.js';
import type { OutboxMessage } from '../outbox/outbox.repository.js';
import type { Derived } from './derive.js';
import type { ShipmentTarget } from './tracking.repository.js';

// The outbox rows a normalization writes beside its change, for notifications and merchant webhooks. The
// dedupe keys name the change and the event history that caused it, so normalizing the same history again
// (a redelivered job, a replay) writes nothing new, while a parcel that goes out for delivery on two days
// gets two rows.

export type ChangeCause = 'push' | 'poll' | 'renormalize' | 'clock';

/**
 * The derived state with the delay settled (src/delays/delay.ts): the carrier's verdict, or the clock's
 * while it still holds. What normalization writes and announces.
 */
export function settled(
  before: ShipmentTarget,
  derived: Derived,
  eddAfter: string | null,
  newsArrived: boolean,
): { derived: Derived; delayEdd: string | null } {
  const delay = settleDelay({
    status: derived.status,
    carrierReported: derived.delayReason === 'carrier_reported',
    before: { reason: before.delayReason, edd: before.delayEdd },
    edd: eddAfter ?? before.promisedDate,
    newsArrived,
  });
  return { derived: { ...derived, delayReason: delay.reason }, delayEdd: delay.edd };
}

export function shipmentChanges(
  before: ShipmentTarget,
  derived: Derived,
  cause: ChangeCause,
  delayEdd: string | null = before.delayEdd,
): OutboxMessage[] {
  const messages: OutboxMessage[] = [];
  const history = derived.lastEventAt ?? 'none';
  const subject = {
    shipmentId: before.id,
    orderId: before.orderId,
    carrier: before.carrierCode,
    trackingNumber: before.trackingNumber,
    status: derived.status,
    substatus: derived.substatus,
    delayed: derived.delayReason !== null,
    delayReason: derived.delayReason,
    lastEventAt: derived.lastEventAt,
    cause,
  };
  if (derived.status !== before.status) {
    messages.push({
      merchantId: before.merchantId,
      topic: 'shipment.status_changed',
      dedupeKey: `shipment:${before.id}:status:${before.status}>${derived.status}:${history}`,
      payload: { ...subject, previousStatus: before.status },
    });
  }
  // A delay is news when it starts, ends or changes reason, and when its estimate moves later.
  const later =
    derived.delayReason !== null &&
    delayEdd !== null &&
    (before.delayEdd === null || delayEdd > before.delayEdd);
  if (before.delayReason !== derived.delayReason || later) {
    messages.push({
      merchantId: before.merchantId,
      topic: 'shipment.delay_changed',
      dedupeKey: `shipment:${before.id}:delay:${before.delayReason ?? 'none'}>${derived.delayReason ?? 'none'}:${delayEdd ?? 'none'}:${history}`,
      payload: {
        ...subject,
        delayEdd,
        previousDelayReason: before.delayReason,
        previousDelayEdd: before.delayEdd,
      },
    });
  }
  return messages;
}

export function orderChanged(
  order: OrderRow,
  change: { from: string; to: string },
  cause: string,
): OutboxMessage {
  return {
    merchantId: order.merchant_id,
    topic: 'order.status_changed',
    dedupeKey: `order:${order.id}:status:${change.from}>${change.to}:${cause}`,
    payload: {
      orderId: order.id,
      orderNumber: order.order_number,
      status: change.to,
      previousStatus: change.from,
    },
  };
}

/** A parcel handed to the carrier: the storefront attached its tracking number. */
export function shipmentCreated(
  merchantId: string,
  shipment: { id: string; orderId: string; carrier: string; trackingNumber: string },
): OutboxMessage {
  return {
    merchantId,
    topic: 'shipment.created',
    dedupeKey: `shipment:${shipment.id}:created`,
    payload: {
      shipmentId: shipment.id,
      orderId: shipment.orderId,
      carrier: shipment.carrier,
      trackingNumber: shipment.trackingNumber,
      status: 'pending',
    },
  };
}
