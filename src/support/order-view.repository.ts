import type { Database } from '../db/database.js';

// The SQL behind the agent's view of an order that the other features' reads do not already answer: which
// raw payload each event came from, the merchant webhooks the order's changes caused, and the merchant's
// own name and settings for the suggested reply.

export interface WebhookDeliveryRow {
  id: number;
  endpointId: string;
  endpointUrl: string;
  eventId: string;
  type: string;
  subjectId: string | null;
  sequence: number | null;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: Date;
  createdAt: Date;
  deliveredAt: Date | null;
}

export interface ReplyMerchantRow {
  name: string;
  defaultLocale: string;
  notificationSettings: unknown;
  trackingPage: unknown;
}

/** An order has at most a few hundred of each; the view shows the newest this many. */
const MAX_DELIVERIES = 500;

export class SupportViewRepository {
  constructor(private readonly db: Database) {}

  /** Event id → the raw payload it was read from, for the events of these shipments. */
  async eventPayloads(merchantId: string, shipmentIds: readonly string[]): Promise<Map<number, number>> {
    if (shipmentIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('tracking_events')
      .select(['id', 'raw_payload_id'])
      .where('merchant_id', '=', merchantId)
      .where('shipment_id', 'in', shipmentIds)
      .where('raw_payload_id', 'is not', null)
      .execute();
    return new Map(rows.map((r) => [Number(r.id), Number(r.raw_payload_id)]));
  }

  /** Deliveries of the events whose subject is the order or one of its shipments, newest first. */
  async webhookDeliveries(merchantId: string, subjectIds: readonly string[]): Promise<WebhookDeliveryRow[]> {
    const rows = await this.db
      .selectFrom('outbox as o')
      .innerJoin('webhook_deliveries as d', 'd.outbox_id', 'o.id')
      .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
      .select([
        'd.id',
        'd.endpoint_id',
        'e.url',
        'o.event_id',
        'o.topic',
        'o.subject_id',
        'o.sequence',
        'd.status',
        'd.attempts',
        'd.last_status_code',
        'd.last_error',
        'd.next_attempt_at',
        'd.created_at',
        'd.delivered_at',
      ])
      .where('o.subject_id', 'in', subjectIds)
      .where('o.merchant_id', '=', merchantId)
      .where('d.merchant_id', '=', merchantId)
      .orderBy('d.id', 'desc')
      .limit(MAX_DELIVERIES)
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      endpointId: r.endpoint_id,
      endpointUrl: r.url,
      eventId: r.event_id,
      type: r.topic,
      subjectId: r.subject_id,
      sequence: r.sequence,
      status: r.status,
      attempts: r.attempts,
      lastStatusCode: r.last_status_code,
      lastError: r.last_error,
      nextAttemptAt: r.next_attempt_at,
      createdAt: r.created_at,
      deliveredAt: r.delivered_at,
    }));
  }

  async merchant(merchantId: string): Promise<ReplyMerchantRow | null> {
    const row = await this.db
      .selectFrom('merchants')
      .select(['name', 'default_locale', 'notification_settings', 'tracking_page'])
      .where('id', '=', merchantId)
      .executeTakeFirst();
    return row
      ? {
          name: row.name,
          defaultLocale: row.default_locale,
          notificationSettings: row.notification_settings,
          trackingPage: row.tracking_page,
        }
      : null;
  }
}
