import { NotFoundError } from '../errors.js';
import type { OrdersRepository } from '../orders/orders.repository.js';
import { toOrderRef, toShipmentView } from './shipment-view.js';
import type { ShipmentRow, ShipmentsRepository } from './shipments.repository.js';
import type { ShipmentTrackingView, ShipmentView } from './shipments.schemas.js';
import { normalizeTrackingNumber } from './tracking-number.js';

// Reads of shipments and their events. Nothing here depends on the caller's scope: shipments and
// checkpoints hold no shopper PII.

export class ShipmentsService {
  constructor(
    private readonly shipments: ShipmentsRepository,
    private readonly orders: OrdersRepository,
  ) {}

  /** Full views (with events) for the shipments of the given orders, grouped by order id. */
  async viewsByOrder(merchantId: string, orderIds: readonly string[]): Promise<Map<string, ShipmentView[]>> {
    const rows = await this.shipments.listForOrders(merchantId, orderIds);
    const views = await this.withEvents(merchantId, rows);
    const byOrder = new Map<string, ShipmentView[]>();
    for (const v of views) byOrder.set(v.orderId, [...(byOrder.get(v.orderId) ?? []), v]);
    return byOrder;
  }

  async get(merchantId: string, shipmentId: string): Promise<ShipmentTrackingView> {
    const row = await this.shipments.findById(merchantId, shipmentId);
    if (!row) throw new NotFoundError(`Shipment ${shipmentId}`);
    const [view] = await this.withOrders(merchantId, [row]);
    if (!view) throw new NotFoundError(`Shipment ${shipmentId}`);
    return view;
  }

  async findByTrackingNumber(
    merchantId: string,
    rawNumber: string,
    carrier?: string,
  ): Promise<{ trackingNumber: string; data: ShipmentTrackingView[] }> {
    const trackingNumber = normalizeTrackingNumber(rawNumber);
    const rows = await this.shipments.findByTrackingNumber(merchantId, trackingNumber, carrier);
    if (rows.length === 0) throw new NotFoundError(`Tracking number ${trackingNumber}`);
    return { trackingNumber, data: await this.withOrders(merchantId, rows) };
  }

  private async withEvents(merchantId: string, rows: readonly ShipmentRow[]): Promise<ShipmentView[]> {
    const events = await this.shipments.eventsFor(
      merchantId,
      rows.map((r) => r.id),
    );
    return rows.map((r) =>
      toShipmentView(
        r,
        events.filter((e) => e.shipment_id === r.id),
      ),
    );
  }

  private async withOrders(
    merchantId: string,
    rows: readonly ShipmentRow[],
  ): Promise<ShipmentTrackingView[]> {
    const [views, orders] = await Promise.all([
      this.withEvents(merchantId, rows),
      this.orders.findRefs(merchantId, [...new Set(rows.map((r) => r.order_id))]),
    ]);
    const refs = new Map(orders.map((o) => [o.id, toOrderRef(o)]));
    return views.flatMap((v) => {
      const order = refs.get(v.orderId);
      return order ? [{ ...v, order }] : [];
    });
  }
}
