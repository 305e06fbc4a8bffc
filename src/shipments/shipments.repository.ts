import type { Selectable } from 'kysely';
import type { Database } from '../db/database.js';
import type { Shipments, TrackingEvents } from '../db/schema.js';
import type { ShipmentItem } from '../domain/shapes.js';

export type ShipmentRow = Selectable<Shipments>;
export type TrackingEventRow = Selectable<TrackingEvents>;

export interface NewShipment {
  merchantId: string;
  orderId: string;
  carrier: string;
  trackingNumber: string;
  items: ShipmentItem[];
  promisedDate: string | null;
}

export class ShipmentsRepository {
  constructor(private readonly db: Database) {}

  with(trx: Database): ShipmentsRepository {
    return new ShipmentsRepository(trx);
  }

  /**
   * Inserts the shipment unless the merchant already tracks this carrier and number; either way returns the
   * stored row, so the caller can tell "already on this order" from "on another order".
   */
  async insertOrGet(s: NewShipment): Promise<{ row: ShipmentRow; created: boolean }> {
    const inserted = await this.db
      .insertInto('shipments')
      .values({
        merchant_id: s.merchantId,
        order_id: s.orderId,
        carrier_code: s.carrier,
        tracking_number: s.trackingNumber,
        items: JSON.stringify(s.items),
        promised_date: s.promisedDate,
      })
      .onConflict((oc) => oc.columns(['merchant_id', 'tracking_number', 'carrier_code']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) return { row: inserted, created: true };
    const row = await this.db
      .selectFrom('shipments')
      .selectAll()
      .where('merchant_id', '=', s.merchantId)
      .where('tracking_number', '=', s.trackingNumber)
      .where('carrier_code', '=', s.carrier)
      .executeTakeFirstOrThrow();
    return { row, created: false };
  }

  async setItems(id: string, items: ShipmentItem[]): Promise<void> {
    await this.db
      .updateTable('shipments')
      .set({ items: JSON.stringify(items), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  /** Keeps the shipments' promised date in step with their order's. */
  async setPromisedDateForOrder(orderId: string, promisedDate: string | null): Promise<void> {
    await this.db
      .updateTable('shipments')
      .set({ promised_date: promisedDate })
      .where('order_id', '=', orderId)
      .execute();
  }

  async findById(merchantId: string, id: string): Promise<ShipmentRow | null> {
    const row = await this.db
      .selectFrom('shipments')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ?? null;
  }

  async findByTrackingNumber(
    merchantId: string,
    trackingNumber: string,
    carrier?: string,
  ): Promise<ShipmentRow[]> {
    let q = this.db
      .selectFrom('shipments')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('tracking_number', '=', trackingNumber);
    if (carrier) q = q.where('carrier_code', '=', carrier);
    return q.orderBy('created_at').execute();
  }

  async listForOrders(merchantId: string, orderIds: readonly string[]): Promise<ShipmentRow[]> {
    if (orderIds.length === 0) return [];
    return this.db
      .selectFrom('shipments')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('order_id', 'in', orderIds)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /** Events of the given shipments, newest first. */
  async eventsFor(merchantId: string, shipmentIds: readonly string[]): Promise<TrackingEventRow[]> {
    if (shipmentIds.length === 0) return [];
    return this.db
      .selectFrom('tracking_events')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('shipment_id', 'in', shipmentIds)
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }
}
