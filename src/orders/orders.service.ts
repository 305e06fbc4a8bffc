import type { z } from 'zod';
import { detectCarrier } from '../carriers/detect.js';
import type { Database } from '../db/database.js';
import type { OrderMilestone, OrderStatus } from '../domain/status.js';
import { BadRequestError, ConflictError, NotFoundError, UnprocessableError } from '../errors.js';
import { decodeCursor, encodeCursor } from '../lib/cursor.js';
import type { JsonText } from '../lib/json-text.js';
import type { OutboxRepository } from '../outbox/outbox.repository.js';
import type { ShipmentState, ShipmentsRepository } from '../shipments/shipments.repository.js';
import type { AttachShipmentBody } from '../shipments/shipments.schemas.js';
import type { ShipmentsService } from '../shipments/shipments.service.js';
import { orderChanged, shipmentCreated } from '../tracking/outbox-messages.js';
import type { TrackingLinks } from '../tracking-page/links.js';
import { deriveOrderStatus } from './order-status.js';
import { toOrderView } from './order-view.js';
import type { MilestoneColumn, OrderRow, OrdersRepository, OrderWrite } from './orders.repository.js';
import type { ListOrdersQuery, OrderListItemView, OrderView, UpsertOrderBody } from './orders.schemas.js';

type AttachShipmentInput = z.infer<typeof AttachShipmentBody>;
type ResolvedShipmentInput = AttachShipmentInput & {
  carrier: string;
  carrierSource: 'merchant' | 'detected';
};

/**
 * The carrier of a shipment: as sent, or detected from the number when omitted. A number no carrier's shape
 * matches is refused with the field to fix, before anything is written.
 */
function resolveCarrier(input: AttachShipmentInput, field: string): ResolvedShipmentInput {
  if (input.carrier) return { ...input, carrier: input.carrier, carrierSource: 'merchant' };
  const best = detectCarrier(input.trackingNumber)[0];
  if (!best) {
    throw new UnprocessableError(
      'carrier_not_detected',
      `No carrier could be detected from tracking number ${input.trackingNumber}; send the carrier code.`,
      [{ in: 'body', field, reason: 'required: the carrier cannot be detected from this tracking number' }],
    );
  }
  return { ...input, carrier: best.carrier, carrierSource: 'detected' };
}

const MILESTONE_COLUMN: Record<OrderMilestone, MilestoneColumn> = {
  confirmed: 'confirmed_at',
  packed: 'packed_at',
  cancelled: 'cancelled_at',
};

/** Upper-cased without spaces, as shoppers type postal codes in any form on the tracking page. */
export function normalizePostalCode(code: string | null | undefined): string | null {
  return code ? code.replace(/\s+/g, '').toUpperCase() : null;
}

function toOrderWrite(body: UpsertOrderBody): OrderWrite {
  const w: OrderWrite = {};
  if (body.placedAt !== undefined) w.placed_at = body.placedAt === null ? null : new Date(body.placedAt);
  if (body.promisedDate !== undefined) w.promised_date = body.promisedDate;
  const c = body.customer;
  if (c?.name !== undefined) w.customer_name = c.name;
  if (c?.email !== undefined) w.customer_email = c.email;
  if (c?.phone !== undefined) w.customer_phone = c.phone;
  if (c?.locale !== undefined) w.customer_locale = c.locale;
  if (c?.timeZone !== undefined) w.customer_time_zone = c.timeZone;
  if (c?.smsConsent !== undefined) w.sms_consent = c.smsConsent ?? false;
  if (body.shippingAddress !== undefined) {
    w.shipping_address = body.shippingAddress === null ? null : JSON.stringify(body.shippingAddress);
    w.postal_code_normalized = normalizePostalCode(body.shippingAddress?.postalCode);
  }
  if (body.items !== undefined) w.items = JSON.stringify(body.items);
  if (body.metadata !== undefined) w.metadata = JSON.stringify(body.metadata);
  return w;
}

interface AttachResult {
  id: string;
  created: boolean;
  carrier: string;
  trackingNumber: string;
}

export class OrdersService {
  constructor(
    private readonly db: Database,
    private readonly orders: OrdersRepository,
    private readonly shipments: ShipmentsRepository,
    private readonly shipmentViews: ShipmentsService,
    private readonly outbox: OutboxRepository,
    private readonly links: TrackingLinks,
  ) {}

  /** Creates the order or updates it by its order number; attaches any shipments given. */
  async upsert(merchantId: string, body: UpsertOrderBody): Promise<{ order: OrderView; created: boolean }> {
    const write = toOrderWrite(body);
    const shipmentInputs = (body.shipments ?? []).map((s, i) => resolveCarrier(s, `shipments.${i}.carrier`));
    const { id, created } = await this.db.transaction().execute(async (trx) => {
      const orders = this.orders.with(trx);
      const shipments = this.shipments.with(trx);
      const { row, created } = await orders.upsertAndLock(merchantId, body.orderNumber, write);
      if ('promised_date' in write) await shipments.setPromisedDateForOrder(row.id, row.promised_date);
      const attached = [];
      for (const s of shipmentInputs) attached.push(await this.attachLocked(shipments, row, s));
      const change = await this.refreshStatus(orders, shipments, row);
      await this.announce(trx, row, attached, change);
      return { id: row.id, created };
    });
    return { order: await this.get(merchantId, id, true), created };
  }

  async attachShipment(
    merchantId: string,
    orderId: string,
    input: AttachShipmentInput,
  ): Promise<{ shipment: JsonText; created: boolean }> {
    const resolved = resolveCarrier(input, 'carrier');
    const { shipmentId, created } = await this.db.transaction().execute(async (trx) => {
      const orders = this.orders.with(trx);
      const shipments = this.shipments.with(trx);
      const order = await orders.lockById(merchantId, orderId);
      if (!order) throw new NotFoundError(`Order ${orderId}`);
      const result = await this.attachLocked(shipments, order, resolved);
      const change = await this.refreshStatus(orders, shipments, order);
      await this.announce(trx, order, [result], change);
      return { shipmentId: result.id, created: result.created };
    });
    return { shipment: await this.shipmentViews.get(merchantId, shipmentId), created };
  }

  async addMilestone(
    merchantId: string,
    orderId: string,
    milestone: OrderMilestone,
    occurredAt: string | undefined,
  ): Promise<OrderView> {
    await this.db.transaction().execute(async (trx) => {
      const orders = this.orders.with(trx);
      const order = await orders.lockById(merchantId, orderId);
      if (!order) throw new NotFoundError(`Order ${orderId}`);
      if (order.cancelled_at && milestone !== 'cancelled') {
        throw new ConflictError(
          `Order ${order.order_number} is cancelled; it can no longer be ${milestone}.`,
        );
      }
      const updated = await orders.setMilestone(
        order.id,
        MILESTONE_COLUMN[milestone],
        occurredAt ? new Date(occurredAt) : new Date(),
      );
      const change = await this.refreshStatus(orders, this.shipments.with(trx), updated);
      await this.announce(trx, updated, [], change);
    });
    return this.get(merchantId, orderId, true);
  }

  async get(merchantId: string, orderId: string, pii: boolean): Promise<OrderView> {
    const row = await this.orders.findById(merchantId, orderId);
    if (!row) throw new NotFoundError(`Order ${orderId}`);
    return this.view(merchantId, row, pii);
  }

  async getByNumber(merchantId: string, orderNumber: string, pii: boolean): Promise<OrderView> {
    const row = await this.orders.findByNumber(merchantId, orderNumber);
    if (!row) throw new NotFoundError(`Order number ${orderNumber}`);
    return this.view(merchantId, row, pii);
  }

  async list(
    merchantId: string,
    q: ListOrdersQuery,
    pii: boolean,
  ): Promise<{ data: OrderListItemView[]; nextCursor: string | null }> {
    const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
    if (after === null) {
      throw new BadRequestError('cursor is not one this API returned', [
        { in: 'query', field: 'cursor', reason: 'not a cursor returned by this API' },
      ]);
    }
    const rows = await this.orders.list(merchantId, {
      statuses: q.status,
      carrier: q.carrier,
      updatedSince: q.updated_since ? new Date(q.updated_since) : undefined,
      after,
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    const shipments = await this.shipmentViews.summariesByOrder(
      merchantId,
      page.map((o) => o.id),
    );
    return {
      data: page.map((o) =>
        toOrderView(o, shipments.get(o.id) ?? [], pii, pii ? this.links.url(o.id) : null),
      ),
      nextCursor: rows.length > q.limit && last ? encodeCursor({ at: last.updated_at, id: last.id }) : null,
    };
  }

  private async view(merchantId: string, row: OrderRow, pii: boolean): Promise<OrderView> {
    const shipments = await this.shipmentViews.viewsByOrder(merchantId, [row.id]);
    return toOrderView(row, shipments.get(row.id) ?? [], pii, pii ? this.links.url(row.id) : null);
  }

  /** The outbox rows of a storefront change: new parcels, and the order's new journey status. */
  private async announce(
    trx: Database,
    order: OrderRow,
    attached: readonly AttachResult[],
    change: { from: string; to: string } | null,
  ): Promise<void> {
    const messages = attached
      .filter((a) => a.created)
      .map((a) => shipmentCreated(order.merchant_id, { ...a, orderId: order.id }));
    if (change) messages.push(orderChanged(order, change, `storefront-${new Date().toISOString()}`));
    await this.outbox.with(trx).add(messages);
  }

  /** Attaches within a transaction that holds the order's row lock. Idempotent per carrier and number. */
  private async attachLocked(
    shipments: ShipmentsRepository,
    order: OrderRow,
    input: ResolvedShipmentInput,
  ): Promise<AttachResult> {
    if (order.cancelled_at) {
      // A storefront re-sending a cancelled order with its shipments changes nothing; a new parcel is refused.
      const existing = await shipments.findIdentity(order.merchant_id, input.carrier, input.trackingNumber);
      if (existing?.orderId === order.id) return { id: existing.id, created: false, ...input };
      throw new ConflictError(
        `Order ${order.order_number} is cancelled; shipments can no longer be attached.`,
      );
    }
    if (input.carrierSource === 'merchant') {
      await shipments.correctDetectedCarrier(order.id, input.trackingNumber, input.carrier);
    }
    const row = await shipments.insertOrGet({
      merchantId: order.merchant_id,
      orderId: order.id,
      carrier: input.carrier,
      carrierSource: input.carrierSource,
      trackingNumber: input.trackingNumber,
      items: input.items ?? [],
      promisedDate: order.promised_date,
    });
    if (row.orderId !== order.id) {
      throw new ConflictError(
        `Tracking number ${input.trackingNumber} (${input.carrier}) is already attached to another order of this merchant.`,
      );
    }
    if (
      !row.created &&
      input.items !== undefined &&
      JSON.stringify(input.items) !== JSON.stringify(row.items)
    ) {
      await shipments.setItems(row.id, input.items);
    }
    return { id: row.id, created: row.created, carrier: input.carrier, trackingNumber: input.trackingNumber };
  }

  /**
   * For code that changes shipments outside this service (normalization): locks the order first, so locks
   * are always taken order → shipment, the order this service takes them in.
   */
  async lockForShipmentChange(trx: Database, merchantId: string, orderId: string): Promise<OrderRow | null> {
    return this.orders.with(trx).lockById(merchantId, orderId);
  }

  /** The same for several orders at once (of any merchants: callers check each row's), in id order. */
  async lockManyForShipmentChange(
    trx: Database,
    orderIds: readonly string[],
  ): Promise<Map<string, OrderRow>> {
    const rows = await this.orders.with(trx).lockByIds([...new Set(orderIds)].sort());
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Re-derives the journey status of orders locked in this transaction: one read for all, a write per change. */
  async refreshLockedMany(
    trx: Database,
    orders: readonly OrderRow[],
  ): Promise<Map<string, { from: string; to: OrderStatus }>> {
    const states = await this.shipments.with(trx).statesForOrders(orders.map((o) => o.id));
    const changes = new Map<string, { from: string; to: OrderStatus }>();
    for (const order of orders) {
      const status = journeyOf(order, states.get(order.id) ?? []);
      if (status !== order.status) changes.set(order.id, { from: order.status, to: status });
    }
    await this.orders.with(trx).setStatuses([...changes].map(([id, c]) => ({ id, status: c.to })));
    return changes;
  }

  /** Re-derives the journey status of an order locked by lockForShipmentChange in this transaction. */
  async refreshLocked(trx: Database, order: OrderRow): Promise<{ from: string; to: string } | null> {
    return (await this.refreshLockedMany(trx, [order])).get(order.id) ?? null;
  }

  /** Re-derives the order's journey status; `order` must be the row as locked in this transaction. */
  private async refreshStatus(
    orders: OrdersRepository,
    shipments: ShipmentsRepository,
    order: OrderRow,
  ): Promise<{ from: string; to: string } | null> {
    const status = journeyOf(order, await shipments.statesForOrder(order.id));
    if (status === order.status) return null;
    await orders.setStatus(order.id, status);
    return { from: order.status, to: status };
  }
}

/** The order's journey status from its milestones and its shipments' states. */
function journeyOf(order: OrderRow, shipments: ShipmentState[]): OrderStatus {
  return deriveOrderStatus({
    confirmedAt: order.confirmed_at,
    packedAt: order.packed_at,
    cancelledAt: order.cancelled_at,
    items: order.items,
    shipments,
  });
}
