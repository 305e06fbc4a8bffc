import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { jsonForPostgres } from '../lib/json-text.js';
import { laneDestination, laneOrigin, laneRegion } from '../shipments/lane.js';
import { PREDICTED_STATUSES, type PredictedStatus } from './predict.js';
import { type TransitCount, type TransitStats, transitQuantile } from './transit-stats.js';

// The SQL of predicted delivery dates: delivered parcels counted per group, the learned groups stored and
// read, the parcels in flight, and their predicted dates written.

/** The service as groups compare it: "UPS Ground" and "ups ground " are one service. */
const service = sql<string | null>`nullif(upper(btrim(s.service)), '')`;

export interface InFlight {
  id: string;
  status: PredictedStatus;
  carrier: string;
  origin: string | null;
  destination: string | null;
  region: string | null;
  service: string | null;
  merchantId: string;
  shippedAt: Date;
  predicted: string | null;
  merchantZone: string | null;
  customerZone: string | null;
}

/** A new predicted date for a parcel, written only if the parcel is still as it was read. */
export interface PredictionChange {
  row: InFlight;
  predicted: string | null;
}

export class PredictionsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Parcels delivered in [since, until), counted by group, ship weekday and calendar days in transit: the
   * ship day in the merchant's zone, the delivery day in the shopper's (else the merchant's), as a shopper
   * reads a delivery date. A zone Postgres does not know counts as UTC rather than failing the pass.
   */
  async transitCounts(since: Date, until: Date): Promise<TransitCount[]> {
    // Months of deliveries may take longer than the pool's bound on a statement, meant for requests.
    const rows = await this.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL statement_timeout = '10min'`.execute(trx);
      return this.countDelivered(trx, since, until);
    });
    return rows.map((r) => ({
      lane: { carrier: r.carrier, origin: r.origin, sender: r.sender, destination: r.destination },
      region: r.region,
      service: r.service,
      shipWeekday: r.ship_weekday,
      calendarDays: r.calendar_days,
      count: r.n,
    }));
  }

  private async countDelivered(trx: Database, since: Date, until: Date) {
    const rows = await sql<{
      carrier: string;
      origin: string | null;
      sender: string | null;
      destination: string;
      region: string | null;
      service: string | null;
      ship_weekday: number;
      calendar_days: number;
      n: number;
    }>`
      WITH zones AS MATERIALIZED (SELECT DISTINCT name FROM pg_timezone_names),
      delivered AS (
        SELECT s.carrier_code AS carrier, ${laneOrigin()} AS origin, s.merchant_id,
               ${laneDestination()} AS destination, ${laneRegion()} AS region, ${service} AS service,
               (s.shipped_at AT TIME ZONE coalesce(mz.name, 'UTC'))::date AS ship_day,
               (s.delivered_at AT TIME ZONE coalesce(cz.name, mz.name, 'UTC'))::date AS delivered_day
        FROM shipments s
        JOIN orders o ON o.id = s.order_id
        JOIN merchants m ON m.id = s.merchant_id
        LEFT JOIN zones mz ON mz.name = m.notification_settings ->> 'timeZone'
        LEFT JOIN zones cz ON cz.name = o.customer_time_zone
        WHERE s.status = 'delivered'
          AND s.delivered_at >= ${since}::timestamptz AND s.delivered_at < ${until}::timestamptz
          AND s.shipped_at IS NOT NULL AND s.shipped_at <= s.delivered_at
      )
      SELECT carrier, origin, CASE WHEN origin IS NULL THEN merchant_id END AS sender, destination, region,
             service, extract(isodow FROM ship_day)::int AS ship_weekday,
             greatest(delivered_day - ship_day, 0) AS calendar_days, count(*)::int AS n
      FROM delivered
      WHERE destination IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`.execute(trx);
    return rows.rows;
  }

  /**
   * Replaces everything learned before. Passes that overlap (a run by hand beside the scheduled one) take
   * turns on an advisory lock, so each leaves a whole table behind.
   */
  async replaceStats(stats: readonly TransitStats[], window: { start: Date; end: Date }): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtext('wismo.lane_transit_stats'))`.execute(trx);
      await trx.deleteFrom('lane_transit_stats').execute();
      for (let i = 0; i < stats.length; i += 1000) {
        await trx
          .insertInto('lane_transit_stats')
          .values(
            stats.slice(i, i + 1000).map((s) => ({
              carrier_code: s.lane.carrier,
              origin_country: s.lane.origin,
              sender_merchant_id: s.lane.sender,
              destination_country: s.lane.destination,
              destination_region: s.region,
              service: s.service,
              deliveries: s.deliveries,
              transit_days: s.histogram,
              median_days: transitQuantile(s.histogram, 0.5) ?? 0,
              window_start: window.start,
              window_end: window.end,
            })),
          )
          .execute();
      }
    });
  }

  async loadStats(): Promise<TransitStats[]> {
    const rows = await this.db.selectFrom('lane_transit_stats').selectAll().execute();
    return rows.map((r) => ({
      lane: {
        carrier: r.carrier_code,
        origin: r.origin_country,
        sender: r.sender_merchant_id,
        destination: r.destination_country,
      },
      region: r.destination_region,
      service: r.service,
      deliveries: r.deliveries,
      histogram: r.transit_days,
    }));
  }

  /** When the stored groups were learned; null when nothing is stored. */
  async learnedAt(): Promise<Date | null> {
    const row = await this.db
      .selectFrom('lane_transit_stats')
      .select((eb) => eb.fn.max('computed_at').as('at'))
      .executeTakeFirst();
    return row?.at ? new Date(row.at) : null;
  }

  /** Parcels on their way to the shopper, by id after `afterId` (literal statuses: the partial index matches them). */
  async inFlight(afterId: string | null, limit: number): Promise<InFlight[]> {
    const rows = await sql<{
      id: string;
      status: PredictedStatus;
      carrier: string;
      origin: string | null;
      destination: string | null;
      region: string | null;
      service: string | null;
      merchant_id: string;
      shipped_at: Date;
      predicted: string | null;
      merchant_zone: string | null;
      customer_zone: string | null;
    }>`
      SELECT s.id, s.status, s.carrier_code AS carrier, ${laneOrigin()} AS origin,
             ${laneDestination()} AS destination, ${laneRegion()} AS region, ${service} AS service,
             s.merchant_id, s.shipped_at, to_char(s.predicted_edd, 'YYYY-MM-DD') AS predicted,
             m.notification_settings ->> 'timeZone' AS merchant_zone, o.customer_time_zone AS customer_zone
      FROM shipments s
      JOIN orders o ON o.id = s.order_id
      JOIN merchants m ON m.id = s.merchant_id
      WHERE s.status IN (${sql.join(PREDICTED_STATUSES.map((status) => sql.lit(status)))})
        AND s.shipped_at IS NOT NULL
        AND (${afterId}::uuid IS NULL OR s.id > ${afterId}::uuid)
      ORDER BY s.id
      LIMIT ${limit}`.execute(this.db);
    return rows.rows.map((r) => ({
      id: r.id,
      status: r.status,
      carrier: r.carrier,
      origin: r.origin,
      destination: r.destination,
      region: r.region,
      service: r.service,
      merchantId: r.merchant_id,
      shippedAt: r.shipped_at,
      predicted: r.predicted,
      merchantZone: r.merchant_zone,
      customerZone: r.customer_zone,
    }));
  }

  /**
   * Writes new predicted dates in one statement, as a compare-and-set: a parcel is written only if what its
   * prediction was made from (status, ship time, carrier, lane, service, the date it had) is unchanged, so a
   * normalization committed since the read wins and the next pass predicts afresh. Parcels locked right
   * now (a normalization in progress) are skipped, not waited for: this statement never waits on a row lock,
   * so it can take part in no deadlock with normalization's order → shipment locking; the next pass gets them.
   * Answers how many were written.
   */
  async setPredictions(changes: readonly PredictionChange[]): Promise<number> {
    if (changes.length === 0) return 0;
    const rows = changes.map(({ row, predicted }) => ({
      id: row.id,
      status: row.status,
      shipped_at: row.shippedAt.toISOString(),
      carrier: row.carrier,
      origin: row.origin,
      destination: row.destination,
      region: row.region,
      service: row.service,
      previous: row.predicted,
      predicted,
    }));
    const result = await sql`
      WITH v AS (
        SELECT * FROM jsonb_to_recordset(${jsonForPostgres(rows)}::jsonb) AS v(
          id uuid, status text, shipped_at timestamptz, carrier text, origin text, destination text,
          region text, service text, previous date, predicted date)
      ),
      unchanged AS (
        SELECT s.id, v.predicted
        FROM shipments s
        JOIN v ON v.id = s.id
        JOIN orders o ON o.id = s.order_id
        WHERE s.status = v.status AND s.shipped_at = v.shipped_at AND s.carrier_code = v.carrier
          AND s.predicted_edd IS NOT DISTINCT FROM v.previous
          AND ${laneOrigin()} IS NOT DISTINCT FROM v.origin
          AND ${laneDestination()} IS NOT DISTINCT FROM v.destination
          AND ${laneRegion()} IS NOT DISTINCT FROM v.region
          AND ${service} IS NOT DISTINCT FROM v.service
        ORDER BY s.id
        FOR UPDATE OF s SKIP LOCKED
      )
      UPDATE shipments s SET predicted_edd = u.predicted, updated_at = now()
      FROM unchanged u
      WHERE s.id = u.id`.execute(this.db);
    return Number(result.numAffectedRows ?? 0);
  }
}
