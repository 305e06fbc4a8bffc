import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { OutboxEvent, PlannedMessage } from './plan.js';

// The SQL of shopper messages: the relay's claim on the outbox, the message rows, and the senders' claims.
// A sender owns a row from its claim until it writes the outcome or its lease ends (a sender that died), so
// two deliveries of the same job, or a sweep racing a job, never send one message twice at once.

export interface RelayedEvent extends OutboxEvent {
  merchantId: string;
  eventId: string;
  sequence: number | null;
  createdAt: Date;
}

export interface ShopperContact {
  orderId: string;
  merchantId: string;
  email: string | null;
  phone: string | null;
  smsConsent: boolean;
  locale: string | null;
  timeZone: string | null;
}

export interface MerchantMessaging {
  id: string;
  name: string;
  defaultLocale: string;
  settings: unknown;
}

export interface ClaimedMessage {
  id: string;
  merchantId: string;
  orderId: string;
  shipmentId: string | null;
  milestone: string;
  occurrence: string;
  channel: 'email' | 'sms';
  recipient: string;
  locale: string;
  timeZone: string;
  attempts: number;
}

/** A sender's hold on a message: its id and the attempt number its claim gave it. */
export interface Claim {
  id: string;
  attempts: number;
}

export interface DueWork {
  id: string;
  attempts: number;
  notBefore: Date;
}

export class NotificationsRepository {
  constructor(private readonly db: Database) {}

  with(trx: Database): NotificationsRepository {
    return new NotificationsRepository(trx);
  }

  /** Oldest unrelayed outbox rows, locked for this transaction; other relays skip them. */
  async claimOutbox(limit: number): Promise<RelayedEvent[]> {
    const rows = await this.db
      .selectFrom('outbox')
      .select(['id', 'merchant_id', 'topic', 'payload', 'event_id', 'sequence', 'created_at'])
      .where('relayed_at', 'is', null)
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      merchantId: r.merchant_id,
      topic: r.topic,
      payload: r.payload as Record<string, unknown>,
      eventId: r.event_id,
      sequence: r.sequence,
      createdAt: r.created_at,
    }));
  }

  async markRelayed(ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable('outbox')
      .set({ relayed_at: sql`now()`, attempts: sql`attempts + 1` })
      .where('id', 'in', ids)
      .execute();
  }

  async contacts(orderIds: readonly string[]): Promise<Map<string, ShopperContact>> {
    if (orderIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('orders')
      .select([
        'id',
        'merchant_id',
        'customer_email',
        'customer_phone',
        'sms_consent',
        'customer_locale',
        'customer_time_zone',
      ])
      .where('id', 'in', [...new Set(orderIds)])
      .execute();
    return new Map(
      rows.map((r) => [
        r.id,
        {
          orderId: r.id,
          merchantId: r.merchant_id,
          email: r.customer_email,
          phone: r.customer_phone,
          smsConsent: r.sms_consent,
          locale: r.customer_locale,
          timeZone: r.customer_time_zone,
        },
      ]),
    );
  }

  async merchants(ids: readonly string[]): Promise<Map<string, MerchantMessaging>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('merchants')
      .select(['id', 'name', 'default_locale', 'notification_settings'])
      .where('id', 'in', [...new Set(ids)])
      .execute();
    return new Map(
      rows.map((r) => [
        r.id,
        { id: r.id, name: r.name, defaultLocale: r.default_locale, settings: r.notification_settings },
      ]),
    );
  }

  /** Writes the planned messages; one that exists already (same subject, milestone, channel) is left alone. */
  async insert(planned: readonly (PlannedMessage & { merchantId: string })[]): Promise<DueWork[]> {
    if (planned.length === 0) return [];
    const rows = await this.db
      .insertInto('notifications')
      .values(
        planned.map((p) => ({
          merchant_id: p.merchantId,
          order_id: p.orderId,
          shipment_id: p.shipmentId,
          subject: p.subject,
          milestone: p.milestone,
          occurrence: p.occurrence,
          channel: p.channel,
          recipient: p.recipient,
          locale: p.locale,
          time_zone: p.timeZone,
          status: p.skipReason ? 'skipped' : 'pending',
          status_reason: p.skipReason ?? p.holdReason,
          not_before: p.notBefore,
          outbox_id: p.outboxId,
        })),
      )
      .onConflict((oc) => oc.columns(['subject', 'milestone', 'occurrence', 'channel']).doNothing())
      .returning(['id', 'attempts', 'not_before', 'status'])
      .execute();
    return rows
      .filter((r) => r.status === 'pending')
      .map((r) => ({ id: r.id, attempts: r.attempts, notBefore: r.not_before }));
  }

  /** Pending messages among these that are due later than now: a job that came early asks again. */
  async dueLater(ids: readonly string[]): Promise<DueWork[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('notifications')
      .select(['id', 'not_before', 'attempts'])
      .where('id', 'in', ids)
      .where('status', '=', 'pending')
      .where('not_before', '>', sql<Date>`now()`)
      .execute();
    return rows.map((r) => ({ id: r.id, attempts: r.attempts, notBefore: r.not_before }));
  }

  /**
   * Takes messages for sending: pending ones whose time has come, and ones whose sender's lease ran out.
   * Those not there to take (sent, held for later, or with another sender) are left out.
   */
  async claim(ids: readonly string[], leaseMs: number): Promise<ClaimedMessage[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .updateTable('notifications')
      .set({
        status: 'sending',
        attempts: sql`attempts + 1`,
        lease_until: sql`now() + ${`${leaseMs} milliseconds`}::interval`,
        updated_at: sql`now()`,
      })
      .where('id', 'in', ids)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('not_before', '<=', sql<Date>`now()`)]),
          eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', sql<Date>`now()`)]),
        ]),
      )
      .returning([
        'id',
        'merchant_id',
        'order_id',
        'shipment_id',
        'milestone',
        'occurrence',
        'channel',
        'recipient',
        'locale',
        'time_zone',
        'attempts',
      ])
      .execute();
    return rows.map((row) => ({
      id: row.id,
      merchantId: row.merchant_id,
      orderId: row.order_id,
      shipmentId: row.shipment_id,
      milestone: row.milestone,
      occurrence: row.occurrence,
      channel: row.channel as 'email' | 'sms',
      recipient: row.recipient,
      locale: row.locale,
      timeZone: row.time_zone,
      attempts: row.attempts,
    }));
  }

  /** Keeps messages with their sender: a send may wait in the SMTP pool longer than a lease. */
  async extendLeases(ids: readonly string[], leaseMs: number): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable('notifications')
      .set({ lease_until: sql`now() + ${`${leaseMs} milliseconds`}::interval` })
      .where('id', 'in', ids)
      .where('status', '=', 'sending')
      .execute();
  }

  // Outcomes are written only by the sender that holds the row: its claim's attempt number must still be the
  // row's. A sender whose lease ran out (and whose row another sender took) writes nothing.

  /** Records sent messages, one statement for the lot. */
  async sentMany(
    outcomes: readonly { id: string; attempts: number; providerId: string; subjectLine: string | null }[],
  ): Promise<void> {
    if (outcomes.length === 0) return;
    await sql`
      UPDATE notifications n SET status = 'sent', provider_id = v.provider_id, subject_line = v.subject_line,
             sent_at = now(), status_reason = NULL, last_error = NULL, lease_until = NULL, updated_at = now()
      FROM jsonb_to_recordset(${JSON.stringify(
        outcomes.map((o) => ({
          id: o.id,
          attempts: o.attempts,
          provider_id: o.providerId,
          subject_line: o.subjectLine,
        })),
      )}::jsonb) AS v(id uuid, attempts integer, provider_id text, subject_line text)
      WHERE n.id = v.id AND n.status = 'sending' AND n.attempts = v.attempts`.execute(this.db);
  }

  async skipped(claim: Claim, reason: string): Promise<void> {
    await this.finish(claim, { status: 'skipped', status_reason: reason });
  }

  async failed(claim: Claim, reason: string): Promise<void> {
    await this.finish(claim, { status: 'failed', status_reason: reason, last_error: reason });
  }

  /** Back to pending until `at`: a retry after a passing failure (error set), or a hold (quiet hours). */
  async later(
    claim: Claim,
    at: Date,
    why: { error?: string; hold?: string; refundAttempt?: boolean },
  ): Promise<void> {
    await this.finish(claim, {
      status: 'pending',
      not_before: at,
      status_reason: why.hold ?? null,
      ...(why.error ? { last_error: why.error } : {}),
      ...(why.refundAttempt ? { attempts: sql`greatest(attempts - 1, 0)` } : {}),
    });
  }

  private async finish(claim: Claim, set: Record<string, unknown>): Promise<void> {
    await this.db
      .updateTable('notifications')
      .set({ ...set, lease_until: null, updated_at: sql`now()` })
      .where('id', '=', claim.id)
      .where('status', '=', 'sending')
      .where('attempts', '=', claim.attempts)
      .execute();
  }

  /** Messages a lost job left behind: due for a while yet pending, or sending past their lease. */
  async stranded(olderThanMs: number, limit: number): Promise<(DueWork & { abandoned: boolean })[]> {
    const rows = await this.db
      .selectFrom('notifications')
      .select(['id', 'attempts', 'not_before', 'status'])
      .where('status', 'in', ['pending', 'sending'])
      .where('not_before', '<', sql<Date>`now() - ${`${olderThanMs} milliseconds`}::interval`)
      .where((eb) => eb.or([eb('status', '=', 'pending'), eb('lease_until', '<', sql<Date>`now()`)]))
      .orderBy('not_before')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      attempts: r.attempts,
      notBefore: r.not_before,
      abandoned: r.status === 'sending',
    }));
  }
}

export interface NotificationLogRow {
  id: string;
  shipmentId: string | null;
  milestone: string;
  occurrence: string;
  channel: string;
  recipient: string;
  locale: string;
  status: string;
  statusReason: string | null;
  attempts: number;
  providerId: string | null;
  subjectLine: string | null;
  lastError: string | null;
  notBefore: Date;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
}

export class NotificationLogRepository {
  constructor(private readonly db: Database) {}

  async forOrder(merchantId: string, orderId: string): Promise<NotificationLogRow[] | null> {
    const order = await this.db
      .selectFrom('orders')
      .select('id')
      .where('id', '=', orderId)
      .where('merchant_id', '=', merchantId)
      .executeTakeFirst();
    if (!order) return null;
    const rows = await this.db
      .selectFrom('notifications')
      .selectAll()
      .where('order_id', '=', orderId)
      .where('merchant_id', '=', merchantId)
      // Rows of one relay share a timestamp: the event that caused them, then the channel, keep them in order.
      .orderBy('created_at')
      .orderBy('outbox_id')
      .orderBy('channel')
      .limit(1000)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      shipmentId: r.shipment_id,
      milestone: r.milestone,
      occurrence: r.occurrence,
      channel: r.channel,
      recipient: r.recipient,
      locale: r.locale,
      status: r.status,
      statusReason: r.status_reason,
      attempts: r.attempts,
      providerId: r.provider_id,
      subjectLine: r.subject_line,
      lastError: r.last_error,
      notBefore: r.not_before,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      sentAt: r.sent_at,
    }));
  }

  async settings(merchantId: string): Promise<{ stored: unknown; locale: string } | null> {
    const row = await this.db
      .selectFrom('merchants')
      .select(['notification_settings', 'default_locale'])
      .where('id', '=', merchantId)
      .executeTakeFirst();
    return row ? { stored: row.notification_settings, locale: row.default_locale } : null;
  }

  async saveSettings(merchantId: string, stored: object, locale: string): Promise<void> {
    await this.db
      .updateTable('merchants')
      .set({ notification_settings: JSON.stringify(stored), default_locale: locale, updated_at: sql`now()` })
      .where('id', '=', merchantId)
      .execute();
  }
}
