import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { EventLocation, OrderItem } from '../domain/shapes.js';
import type { DelayReason, OrderStatus, ShipmentStatus } from '../domain/status.js';

// What a sender reads just before it sends: the present state of the orders and parcels (to skip what went
// stale, and to say the latest facts, not those of the moment the change was written). A fixed number of
// statements for a whole batch of messages.

export interface MessageContext {
  merchant: { name: string; defaultLocale: string; settings: unknown };
  order: {
    number: string;
    status: OrderStatus;
    cancelled: boolean;
    customerName: string | null;
    items: OrderItem[];
  };
  shipment: {
    id: string;
    carrierCode: string;
    trackingNumber: string;
    status: ShipmentStatus;
    substatus: string | null;
    delayed: boolean;
    delayReason: DelayReason | null;
    edd: string | null;
    lastCheckpoint: { at: Date; text: string; location: EventLocation | null } | null;
  } | null;
  /** The parcel's place among the order's shipments (by creation), for "parcel 1 of 2". */
  parcel: { index: number; count: number } | null;
}

export const contextKey = (orderId: string, shipmentId: string | null) => `${orderId}/${shipmentId ?? ''}`;

export class MessageContextRepository {
  constructor(private readonly db: Database) {}

  /** Contexts by contextKey; a subject that no longer exists (or is another merchant's) is missing. */
  async loadMany(
    subjects: readonly { merchantId: string; orderId: string; shipmentId: string | null }[],
  ): Promise<Map<string, MessageContext>> {
    const out = new Map<string, MessageContext>();
    if (subjects.length === 0) return out;
    const orderIds = [...new Set(subjects.map((s) => s.orderId))];
    const shipmentIds = [...new Set(subjects.flatMap((s) => s.shipmentId ?? []))];
    const [orders, parcels, shipments, checkpoints] = await Promise.all([
      this.db
        .selectFrom('orders as o')
        .innerJoin('merchants as m', 'm.id', 'o.merchant_id')
        .select([
          'o.id',
          'o.merchant_id',
          'o.order_number',
          'o.status',
          'o.cancelled_at',
          'o.customer_name',
          'o.items',
          'm.name',
          'm.default_locale',
          'm.notification_settings',
        ])
        .where('o.id', 'in', orderIds)
        .execute(),
      this.db
        .selectFrom('shipments')
        .select(['id', 'order_id'])
        .where('order_id', 'in', orderIds)
        .where('status', '<>', 'cancelled')
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
      shipmentIds.length === 0
        ? []
        : this.db
            .selectFrom('shipments')
            .select([
              'id',
              'order_id',
              'carrier_code',
              'tracking_number',
              'status',
              'substatus',
              'delayed',
              'delay_reason',
              'latest_edd',
              'carrier_edd',
              'promised_date',
            ])
            .where('id', 'in', shipmentIds)
            .execute(),
      shipmentIds.length === 0
        ? { rows: [] }
        : // The latest scan of each parcel (wismo's own verdicts are not checkpoints).
          sql<{ shipment_id: string; occurred_at: Date; raw_text: string; location: EventLocation | null }>`
            SELECT DISTINCT ON (shipment_id) shipment_id, occurred_at, raw_text, location
            FROM tracking_events
            WHERE shipment_id IN (${sql.join(shipmentIds)}) AND decision <> 'duplicate' AND raw_payload_id IS NOT NULL
            ORDER BY shipment_id, occurred_at DESC`.execute(this.db),
    ]);
    const orderById = new Map(orders.map((o) => [o.id, o]));
    const shipmentById = new Map(shipments.map((s) => [s.id, s]));
    const lastById = new Map(checkpoints.rows.map((c) => [c.shipment_id, c]));
    const parcelsOf = new Map<string, string[]>();
    for (const p of parcels) parcelsOf.set(p.order_id, [...(parcelsOf.get(p.order_id) ?? []), p.id]);

    for (const subject of subjects) {
      const order = orderById.get(subject.orderId);
      if (!order || order.merchant_id !== subject.merchantId) continue;
      const s = subject.shipmentId ? shipmentById.get(subject.shipmentId) : undefined;
      if (subject.shipmentId && (!s || s.order_id !== order.id)) continue;
      const last = s ? lastById.get(s.id) : undefined;
      const siblings = parcelsOf.get(order.id) ?? [];
      const index = s ? siblings.indexOf(s.id) : -1;
      out.set(contextKey(subject.orderId, subject.shipmentId), {
        merchant: {
          name: order.name,
          defaultLocale: order.default_locale,
          settings: order.notification_settings,
        },
        order: {
          number: order.order_number,
          status: order.status as OrderStatus,
          cancelled: order.cancelled_at !== null,
          customerName: order.customer_name,
          items: order.items as OrderItem[],
        },
        shipment: s
          ? {
              id: s.id,
              carrierCode: s.carrier_code,
              trackingNumber: s.tracking_number,
              status: s.status,
              substatus: s.substatus,
              delayed: s.delayed,
              delayReason: s.delay_reason,
              edd: s.latest_edd ?? s.carrier_edd ?? s.promised_date,
              lastCheckpoint: last
                ? { at: last.occurred_at, text: last.raw_text, location: last.location }
                : null,
            }
          : null,
        parcel: siblings.length > 1 && index >= 0 ? { index: index + 1, count: siblings.length } : null,
      });
    }
    return out;
  }
}
