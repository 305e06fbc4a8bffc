import type { Database } from '../db/database.js';
import type { EventLocation, OrderItem } from '../domain/shapes.js';
import type { DelayReason, OrderStatus, ShipmentStatus } from '../domain/status.js';

// What a sender reads just before it sends: the present state of the order and parcel (to skip what went
// stale, and to say the latest facts, not the ones of the moment the change was written).

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

export class MessageContextRepository {
  constructor(private readonly db: Database) {}

  async load(merchantId: string, orderId: string, shipmentId: string | null): Promise<MessageContext | null> {
    const order = await this.db
      .selectFrom('orders as o')
      .innerJoin('merchants as m', 'm.id', 'o.merchant_id')
      .select([
        'o.order_number',
        'o.status',
        'o.cancelled_at',
        'o.customer_name',
        'o.items',
        'm.name',
        'm.default_locale',
        'm.notification_settings',
      ])
      .where('o.id', '=', orderId)
      .where('o.merchant_id', '=', merchantId)
      .executeTakeFirst();
    if (!order) return null;
    const parcels = await this.db
      .selectFrom('shipments')
      .select(['id'])
      .where('order_id', '=', orderId)
      .where('status', '<>', 'cancelled')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    let shipment: MessageContext['shipment'] = null;
    if (shipmentId) {
      const s = await this.db
        .selectFrom('shipments')
        .select([
          'id',
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
        .where('id', '=', shipmentId)
        .where('order_id', '=', orderId)
        .executeTakeFirst();
      if (!s) return null;
      const last = await this.db
        .selectFrom('tracking_events')
        .select(['occurred_at', 'raw_text', 'location'])
        .where('shipment_id', '=', shipmentId)
        .where('decision', '<>', 'duplicate')
        .where('raw_payload_id', 'is not', null)
        .orderBy('occurred_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      shipment = {
        id: s.id,
        carrierCode: s.carrier_code,
        trackingNumber: s.tracking_number,
        status: s.status,
        substatus: s.substatus,
        delayed: s.delayed,
        delayReason: s.delay_reason,
        edd: s.latest_edd ?? s.carrier_edd ?? s.promised_date,
        lastCheckpoint: last ? { at: last.occurred_at, text: last.raw_text, location: last.location } : null,
      };
    }
    const index = shipmentId ? parcels.findIndex((p) => p.id === shipmentId) : -1;
    return {
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
      shipment,
      parcel: parcels.length > 1 && index >= 0 ? { index: index + 1, count: parcels.length } : null,
    };
  }
}
