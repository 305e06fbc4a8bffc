import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { DelayReason, ShipmentStatus } from '../domain/status.js';

// The SQL of delay detection: shipments whose clock-based verdict may have changed, and the verdict written.

export interface DelayCandidate {
  id: string;
  merchantId: string;
  orderId: string;
  status: ShipmentStatus;
  substatus: string | null;
  delayReason: DelayReason | null;
  delayEdd: string | null;
  edd: string | null;
  lastEventAt: Date | null;
  settings: unknown;
  defaultLocale: string;
}

// Statuses in which a parcel can be late; the others never are (src/delays/delay.ts).
const ACTIVE = [
  'info_received',
  'in_transit',
  'out_for_delivery',
  'attempt_failed',
  'available_for_pickup',
  'exception',
];

export class DelaysRepository {
  constructor(private readonly db: Database) {}

  with(trx: Database): DelaysRepository {
    return new DelaysRepository(trx);
  }

  /**
   * Active shipments the clock may have made late (estimate day over in some zone, silent for at least the
   * merchant's stall days in calendar days), or that carry a clock verdict to judge again; by id, paged.
   */
  async candidates(now: Date, afterId: string | null, limit: number): Promise<DelayCandidate[]> {
    const rows = await sql<{
      id: string;
      merchant_id: string;
      order_id: string;
      status: ShipmentStatus;
      substatus: string | null;
      delay_reason: DelayReason | null;
      delay_edd: string | null;
      edd: string | null;
      last_event_at: Date | null;
      notification_settings: unknown;
      default_locale: string;
    }>`
      SELECT s.id, s.merchant_id, s.order_id, s.status, s.substatus, s.delay_reason,
             to_char(s.delay_edd, 'YYYY-MM-DD') AS delay_edd,
             to_char(coalesce(s.latest_edd, s.promised_date), 'YYYY-MM-DD') AS edd,
             s.last_event_at, m.notification_settings, m.default_locale
      FROM shipments s
      JOIN merchants m ON m.id = s.merchant_id
      WHERE s.status IN (${sql.join(ACTIVE)})
        AND s.delay_reason IS DISTINCT FROM 'carrier_reported'
        AND (${afterId}::uuid IS NULL OR s.id > ${afterId}::uuid)
        AND (
          s.delay_reason IS NOT NULL
          -- The earliest zones are a day ahead of UTC.
          OR coalesce(s.latest_edd, s.promised_date) <= (${now}::timestamptz AT TIME ZONE 'UTC')::date
          OR s.last_event_at < ${now}::timestamptz - make_interval(days =>
               coalesce((m.notification_settings ->> 'stallAfterBusinessDays')::int, 3))
        )
      ORDER BY s.id
      LIMIT ${limit}`.execute(this.db);
    return rows.rows.map((r) => ({
      id: r.id,
      merchantId: r.merchant_id,
      orderId: r.order_id,
      status: r.status,
      substatus: r.substatus,
      delayReason: r.delay_reason,
      delayEdd: r.delay_edd,
      edd: r.edd,
      lastEventAt: r.last_event_at,
      settings: r.notification_settings,
      defaultLocale: r.default_locale,
    }));
  }

  async setDelay(id: string, reason: DelayReason | null, edd: string | null): Promise<void> {
    await this.db
      .updateTable('shipments')
      .set({
        delay_reason: reason,
        delay_edd: edd,
        delayed: reason !== null,
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .execute();
  }
}
