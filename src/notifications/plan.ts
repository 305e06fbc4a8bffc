import type { OrderStatus, ShipmentStatus } from '../domain/status.js';
import type { Channel, Milestone } from './model.js';
import { afterQuietHours } from './quiet-hours.js';
import type { NotificationSettings } from './settings.js';

// Which messages one outbox event causes: a pure function of the event, the merchant's settings and the
// shopper's contact, so every rule has a unit test. Split orders follow the merchant's choice: per shipment
// (each parcel's own journey) or combined (the order's journey, one message per order milestone). Delays are
// always about a parcel and its estimate.

export interface OutboxEvent {
  id: number;
  topic: string;
  payload: Record<string, unknown>;
}

export interface Contact {
  orderId: string;
  email: string | null;
  phone: string | null;
  smsConsent: boolean;
  locale: string;
  timeZone: string;
}

export interface PlannedMessage {
  orderId: string;
  shipmentId: string | null;
  subject: string;
  milestone: Milestone;
  occurrence: string;
  channel: Channel;
  /** Empty when there is nobody to send to: the row is then written as skipped with `skipReason`. */
  recipient: string;
  skipReason: string | null;
  locale: string;
  timeZone: string;
  notBefore: Date;
  holdReason: string | null;
  outboxId: number;
}

const SHIPMENT_MILESTONES: Partial<Record<ShipmentStatus, Milestone>> = {
  in_transit: 'in_transit',
  out_for_delivery: 'out_for_delivery',
  delivered: 'delivered',
  attempt_failed: 'attempt_failed',
  available_for_pickup: 'available_for_pickup',
  exception: 'exception',
  returning: 'returned',
  returned: 'returned',
};

const ORDER_MILESTONES: Partial<Record<OrderStatus, Milestone>> = {
  confirmed: 'confirmed',
  packed: 'packed',
};

const COMBINED_ORDER_MILESTONES: Partial<Record<OrderStatus, Milestone>> = {
  partially_shipped: 'shipped',
  shipped: 'shipped',
  in_transit: 'in_transit',
  out_for_delivery: 'out_for_delivery',
  delivered: 'delivered',
  attempt_failed: 'attempt_failed',
  available_for_pickup: 'available_for_pickup',
  exception: 'exception',
  returned: 'returned',
};

interface Subject {
  subject: string;
  shipmentId: string | null;
  milestone: Milestone;
  occurrence: string;
}

/** The milestone an event announces, if any, under the merchant's split-order choice. */
export function milestoneOf(event: OutboxEvent, split: NotificationSettings['splitOrders']): Subject | null {
  const p = event.payload;
  const shipmentId = typeof p.shipmentId === 'string' ? p.shipmentId : null;
  const orderId = typeof p.orderId === 'string' ? p.orderId : null;
  switch (event.topic) {
    case 'order.status_changed': {
      const status = p.status as OrderStatus;
      const milestone =
        ORDER_MILESTONES[status] ?? (split === 'combined' ? COMBINED_ORDER_MILESTONES[status] : undefined);
      if (!milestone || !orderId) return null;
      return { subject: `order:${orderId}`, shipmentId: null, milestone, occurrence: '' };
    }
    case 'shipment.created':
      if (split !== 'per_shipment' || !shipmentId) return null;
      return { subject: `shipment:${shipmentId}`, shipmentId, milestone: 'shipped', occurrence: '' };
    case 'shipment.status_changed': {
      // `expired` is wismo giving up on a silent carrier, not news a shopper can act on.
      const milestone = SHIPMENT_MILESTONES[p.status as ShipmentStatus];
      if (split !== 'per_shipment' || !milestone || !shipmentId) return null;
      return { subject: `shipment:${shipmentId}`, shipmentId, milestone, occurrence: '' };
    }
    case 'shipment.delay_changed': {
      if (!shipmentId || !p.delayReason) return null;
      // Said again only about a later estimate: the occurrence is the estimate the delay is about.
      const edd = typeof p.delayEdd === 'string' ? p.delayEdd : 'none';
      return { subject: `shipment:${shipmentId}`, shipmentId, milestone: 'delayed', occurrence: edd };
    }
    default:
      return null;
  }
}

export function planMessages(
  event: OutboxEvent,
  settings: NotificationSettings,
  contact: Contact,
  now: Date,
): PlannedMessage[] {
  const subject = milestoneOf(event, settings.splitOrders);
  if (!subject) return [];
  const switches = settings.milestones[subject.milestone];
  const out: PlannedMessage[] = [];
  const base = {
    orderId: contact.orderId,
    shipmentId: subject.shipmentId,
    subject: subject.subject,
    milestone: subject.milestone,
    occurrence: subject.occurrence,
    locale: contact.locale,
    timeZone: contact.timeZone,
    outboxId: event.id,
  };
  if (switches.email) {
    out.push({
      ...base,
      channel: 'email',
      recipient: contact.email ?? '',
      skipReason: contact.email ? null : 'the order has no email address',
      notBefore: now,
      holdReason: null,
    });
  }
  if (switches.sms) {
    const skipReason = !contact.phone
      ? 'the order has no phone number'
      : !contact.smsConsent
        ? 'the shopper has not agreed to SMS'
        : null;
    const notBefore = afterQuietHours(now, contact.timeZone, settings.quietHours);
    out.push({
      ...base,
      channel: 'sms',
      recipient: skipReason ? '' : (contact.phone as string),
      skipReason,
      notBefore,
      holdReason: notBefore > now ? 'quiet_hours' : null,
    });
  }
  return out;
}
