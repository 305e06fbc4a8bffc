import DataLoader from 'dataloader';
import { NotFoundError } from '../errors.js';
import type { JsonText } from '../lib/json-text.js';
import type { DocumentText, ShipmentsRepository } from './shipments.repository.js';
import type { ShipmentSummaryView, ShipmentTrackingView, ShipmentView } from './shipments.schemas.js';
import { normalizeTrackingNumber } from './tracking-number.js';

// Reads of shipments. They come from the read model of migrations/0002 (each shipment's API document, kept
// current by the database in the same transaction as every change), so a tracking read is one index lookup
// and no per-field work here. Nothing in a shipment document is shopper PII.

interface NumberLookup {
  merchantId: string;
  trackingNumber: string;
}

// At most this many lookup queries run at once; lookups arriving meanwhile wait and join the next batch,
// so under load each query answers more requests (and the other pool connections stay free for writes).
const MAX_BATCHES_IN_FLIGHT = 2;

export class ShipmentsService {
  // Lookups by number that arrive together are answered by one query: under load one round trip serves
  // dozens of requests; alone, a lookup costs what it always did. Nothing is cached: every answer is read
  // from Postgres after its request arrived.
  private readonly byNumber = new DataLoader<NumberLookup, DocumentText[], string>(
    (keys) => this.loadNumbers(keys),
    {
      cache: false,
      maxBatchSize: 200,
      batchScheduleFn: (dispatch) => {
        if (this.inFlight < MAX_BATCHES_IN_FLIGHT) setImmediate(dispatch);
        else this.waiting.push(dispatch);
      },
    },
  );
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly shipments: ShipmentsRepository) {}

  /** A merchant's shipments of a carrier still moving (not delivered, returned, cancelled or expired). */
  countMoving(merchantId: string, carrier: string): Promise<number> {
    return this.shipments.countMoving(merchantId, carrier);
  }

  /** The TrackingLookup document for a tracking number, in any spelling; 404 when the merchant has none. */
  async trackingByNumber(merchantId: string, rawNumber: string, carrier?: string): Promise<JsonText> {
    const trackingNumber = normalizeTrackingNumber(rawNumber);
    const all = await this.byNumber.load({ merchantId, trackingNumber });
    const found = carrier ? all.filter((d) => d.carrier === carrier) : all;
    if (found.length === 0) throw new NotFoundError(`Tracking number ${trackingNumber}`);
    return `{"trackingNumber":${JSON.stringify(trackingNumber)},"data":[${found.map((d) => d.json).join(',')}]}` as JsonText;
  }

  /** The ShipmentTracking document of one shipment. */
  async get(merchantId: string, shipmentId: string): Promise<JsonText> {
    const json = await this.shipments.documentById(merchantId, shipmentId);
    if (json === null) throw new NotFoundError(`Shipment ${shipmentId}`);
    return json as JsonText;
  }

  /** Shipments with their events, grouped by order id (order views). */
  async viewsByOrder(merchantId: string, orderIds: readonly string[]): Promise<Map<string, ShipmentView[]>> {
    return this.groupByOrder(merchantId, orderIds, ({ order: _order, ...shipment }) => shipment);
  }

  /** Shipments without their events, grouped by order id (order lists). */
  async summariesByOrder(
    merchantId: string,
    orderIds: readonly string[],
  ): Promise<Map<string, ShipmentSummaryView[]>> {
    return this.groupByOrder(
      merchantId,
      orderIds,
      ({ order: _order, events: _events, ...summary }) => summary,
    );
  }

  private async groupByOrder<V extends { orderId: string }>(
    merchantId: string,
    orderIds: readonly string[],
    shape: (doc: ShipmentTrackingView) => V,
  ): Promise<Map<string, V[]>> {
    const byOrder = new Map<string, V[]>();
    for (const doc of await this.shipments.documentsForOrders(merchantId, orderIds)) {
      const view = shape(doc);
      const list = byOrder.get(view.orderId);
      if (list) list.push(view);
      else byOrder.set(view.orderId, [view]);
    }
    return byOrder;
  }

  private async loadNumbers(keys: readonly NumberLookup[]): Promise<DocumentText[][]> {
    this.inFlight++;
    try {
      return await this.queryNumbers(keys);
    } finally {
      this.inFlight--;
      const next = this.waiting.shift();
      if (next) setImmediate(next);
    }
  }

  private async queryNumbers(keys: readonly NumberLookup[]): Promise<DocumentText[][]> {
    const numbersByMerchant = new Map<string, Set<string>>();
    for (const k of keys) {
      numbersByMerchant.set(
        k.merchantId,
        (numbersByMerchant.get(k.merchantId) ?? new Set()).add(k.trackingNumber),
      );
    }
    const found = new Map<string, DocumentText[]>();
    await Promise.all(
      [...numbersByMerchant].map(async ([merchantId, numbers]) => {
        for (const doc of await this.shipments.documentsByNumbers(merchantId, [...numbers])) {
          const key = `${merchantId}:${doc.trackingNumber}`;
          const list = found.get(key);
          if (list) list.push(doc);
          else found.set(key, [doc]);
        }
      }),
    );
    return keys.map((k) => found.get(`${k.merchantId}:${k.trackingNumber}`) ?? []);
  }
}
