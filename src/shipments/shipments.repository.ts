import { sql } from 'kysely';
import type pg from 'pg';
import type { Database } from '../db/database.js';
import type { ShipmentItem } from '../domain/shapes.js';
import type { ShipmentStatus } from '../domain/status.js';
import type { ShipmentTrackingView } from './shipments.schemas.js';

export interface NewShipment {
  merchantId: string;
  orderId: string;
  carrier: string;
  carrierSource: 'merchant' | 'detected';
  trackingNumber: string;
  items: ShipmentItem[];
  promisedDate: string | null;
}

/** What order-status derivation needs of a shipment. */
export interface ShipmentState {
  status: ShipmentStatus;
  delayed: boolean;
  items: ShipmentItem[];
}

/** A shipment's API document as stored (migrations/0002): ready-to-send JSON text. */
export interface DocumentText {
  trackingNumber: string;
  carrier: string;
  json: string;
}

const DOCUMENTS_BY_NUMBERS = `
  SELECT tracking_number AS "trackingNumber", carrier_code AS carrier, document::text AS json
  FROM shipments
  WHERE merchant_id = $1 AND tracking_number = ANY($2::text[])
  ORDER BY created_at, id`;

export class ShipmentsRepository {
  constructor(
    private readonly db: Database,
    /** For the prepared statement of the hot read; everything else goes through Kysely. */
    private readonly pool: pg.Pool,
  ) {}

  with(trx: Database): ShipmentsRepository {
    return new ShipmentsRepository(trx, this.pool);
  }

  /**
   * Inserts the shipment unless the merchant already tracks this carrier and number; either way returns the
   * stored identity, so the caller can tell "already on this order" from "on another order".
   */
  async insertOrGet(
    s: NewShipment,
  ): Promise<{ id: string; orderId: string; items: ShipmentItem[]; created: boolean }> {
    const inserted = await this.db
      .insertInto('shipments')
      .values({
        merchant_id: s.merchantId,
        order_id: s.orderId,
        carrier_code: s.carrier,
        carrier_source: s.carrierSource,
        tracking_number: s.trackingNumber,
        items: JSON.stringify(s.items),
        promised_date: s.promisedDate,
      })
      .onConflict((oc) => oc.columns(['merchant_id', 'tracking_number', 'carrier_code']).doNothing())
      .returning(['id', 'order_id', 'items'])
      .executeTakeFirst();
    if (inserted)
      return { id: inserted.id, orderId: inserted.order_id, items: inserted.items, created: true };
    const existing = await this.findIdentity(s.merchantId, s.carrier, s.trackingNumber);
    if (!existing) throw new Error('shipment conflicted on insert but cannot be found');
    return { ...existing, created: false };
  }

  async findIdentity(
    merchantId: string,
    carrier: string,
    trackingNumber: string,
  ): Promise<{ id: string; orderId: string; items: ShipmentItem[] } | null> {
    const row = await this.db
      .selectFrom('shipments')
      .select(['id', 'order_id as orderId', 'items'])
      .where('merchant_id', '=', merchantId)
      .where('tracking_number', '=', trackingNumber)
      .where('carrier_code', '=', carrier)
      .executeTakeFirst();
    return row ?? null;
  }

  /**
   * The storefront names the carrier of a number wismo had detected: the shipment takes the named carrier,
   * unless the merchant already tracks the number under that carrier.
   */
  async correctDetectedCarrier(orderId: string, trackingNumber: string, carrier: string): Promise<void> {
    await this.db
      .updateTable('shipments as s')
      .set({ carrier_code: carrier, carrier_source: 'merchant', updated_at: sql<Date>`now()` })
      .where('s.order_id', '=', orderId)
      .where('s.tracking_number', '=', trackingNumber)
      .where('s.carrier_source', '=', 'detected')
      .where('s.carrier_code', '<>', carrier)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('shipments as o')
              .select(sql`1`.as('one'))
              .whereRef('o.merchant_id', '=', 's.merchant_id')
              .whereRef('o.tracking_number', '=', 's.tracking_number')
              .where('o.carrier_code', '=', carrier),
          ),
        ),
      )
      .execute();
  }

  async setItems(id: string, items: ShipmentItem[]): Promise<void> {
    await this.db
      .updateTable('shipments')
      .set({ items: JSON.stringify(items), updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  }

  /** Keeps the shipments' promised date in step with their order's. */
  async setPromisedDateForOrder(orderId: string, promisedDate: string | null): Promise<void> {
    await this.db
      .updateTable('shipments')
      .set({ promised_date: promisedDate })
      .where('order_id', '=', orderId)
      .where(sql<boolean>`promised_date IS DISTINCT FROM ${promisedDate}::date`)
      .execute();
  }

  /** The states of the shipments of these orders, by order id, in one query. */
  async statesForOrders(orderIds: readonly string[]): Promise<Map<string, ShipmentState[]>> {
    const byOrder = new Map<string, ShipmentState[]>(orderIds.map((id) => [id, []]));
    if (orderIds.length === 0) return byOrder;
    const rows = await this.db
      .selectFrom('shipments')
      .select(['order_id', 'status', 'delayed', 'items'])
      .where('order_id', 'in', orderIds)
      .execute();
    for (const { order_id, ...state } of rows) byOrder.get(order_id)?.push(state);
    return byOrder;
  }

  async statesForOrder(orderId: string): Promise<ShipmentState[]> {
    return this.db
      .selectFrom('shipments')
      .select(['status', 'delayed', 'items'])
      .where('order_id', '=', orderId)
      .execute();
  }

  /** Documents of the merchant's shipments with any of these (normalized) numbers, in one query. */
  /**
   * Documents of the merchant's shipments with any of these (normalized) numbers, in one query. The hottest
   * statement of the service runs as a named prepared statement: each connection parses and plans it once.
   */
  /** A merchant's shipments of a carrier that are not in a final status. */
  async countMoving(merchantId: string, carrier: string): Promise<number> {
    const row = await this.db
      .selectFrom('shipments')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('merchant_id', '=', merchantId)
      .where('carrier_code', '=', carrier)
      .where('status', 'not in', ['delivered', 'returned', 'cancelled', 'expired'])
      .executeTakeFirstOrThrow();
    return row.n;
  }

  async documentsByNumbers(merchantId: string, trackingNumbers: readonly string[]): Promise<DocumentText[]> {
    if (trackingNumbers.length === 0) return [];
    const result = await this.pool.query<DocumentText>({
      name: 'shipment_documents_by_numbers',
      text: DOCUMENTS_BY_NUMBERS,
      values: [merchantId, trackingNumbers],
    });
    return result.rows;
  }

  async documentById(merchantId: string, id: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('shipments')
      .select(sql<string>`document::text`.as('json'))
      .where('merchant_id', '=', merchantId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.json ?? null;
  }

  /** Parsed documents of the shipments of these orders, oldest shipment first. */
  async documentsForOrders(merchantId: string, orderIds: readonly string[]): Promise<ShipmentTrackingView[]> {
    if (orderIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('shipments')
      .select('document')
      .where('merchant_id', '=', merchantId)
      .where('order_id', 'in', orderIds)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.flatMap((r) => (r.document ? [r.document] : []));
  }
}
