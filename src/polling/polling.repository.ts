import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { ShipmentStatus } from '../domain/status.js';
import { jsonForPostgres } from '../lib/json-text.js';

// The SQL of the polling schedule (migrations/0008). Claims are one statement: due rows are taken in due
// order with FOR UPDATE SKIP LOCKED and re-dated by the lease in the same statement, so schedulers running
// at once in several processes never take the same row, and a row taken is not due again until its poll's
// result re-dates it (or the lease runs out because the job was lost).

export interface ClaimedShipment {
  shipmentId: string;
  merchantId: string;
  carrier: string;
  trackingNumber: string;
  status: ShipmentStatus;
  /** The last event, or registration when there is none. */
  lastNewsAt: Date;
  notFoundSince: Date | null;
}

export interface Reschedule {
  shipmentId: string;
  dueAt: Date | null;
  parked?: 'no_connection' | 'final' | null;
}

export interface PollFailure {
  shipmentId: string;
  error: string;
  /** Milliseconds of the first back-off step and of the cap, already divided by the carrier's speed-up. */
  baseMs: number;
  maxMs: number;
}

export class PollingRepository {
  constructor(private readonly db: Database) {}

  with(trx: Database): PollingRepository {
    return new PollingRepository(trx);
  }

  /**
   * Runs `fn` in a transaction that first locks these shipments in id order, as normalization does before
   * it touches their schedule rows: writers of shipments and shipment_polls then always lock in the same
   * order and cannot deadlock one another.
   */
  async lockingShipments<T>(
    shipmentIds: readonly string[],
    fn: (repo: PollingRepository) => Promise<T>,
  ): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      if (shipmentIds.length > 0) {
        await trx
          .selectFrom('shipments')
          .select('id')
          .where('id', 'in', [...new Set(shipmentIds)].sort())
          .orderBy('id')
          .forNoKeyUpdate()
          .execute();
      }
      return fn(this.with(trx));
    });
  }

  async claimDue(limit: number, leaseMs: number, claim: string): Promise<ClaimedShipment[]> {
    const { rows } = await sql<ClaimedShipment>`
      WITH due AS (
        SELECT shipment_id FROM shipment_polls
        WHERE due_at <= now()
        ORDER BY due_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      UPDATE shipment_polls p
      SET due_at = now() + make_interval(secs => ${leaseMs / 1000}), claim = ${claim}
      FROM due
      WHERE p.shipment_id = due.shipment_id
      RETURNING p.shipment_id AS "shipmentId", p.merchant_id AS "merchantId", p.carrier_code AS carrier,
        p.tracking_number AS "trackingNumber", p.status, p.last_news_at AS "lastNewsAt",
        p.not_found_since AS "notFoundSince"`.execute(this.db);
    return rows;
  }

  /**
   * Gives claimed shipments back, due at `dueAt`: those the carrier's queue had no room for, or whose jobs
   * could not be queued. Only rows still under this claim.
   */
  async release(claim: string, shipmentIds: readonly string[], dueAt: Date): Promise<void> {
    if (shipmentIds.length === 0) return;
    await this.db
      .updateTable('shipment_polls')
      .set({ due_at: dueAt, claim: null })
      .where('claim', '=', claim)
      .where('shipment_id', 'in', shipmentIds)
      .execute();
  }

  /** Of these shipments, those still owned by this claim, with their current numbers. */
  async stillClaimed(
    claim: string,
    shipmentIds: readonly string[],
  ): Promise<{ shipmentId: string; trackingNumber: string; carrier: string }[]> {
    if (shipmentIds.length === 0) return [];
    return this.db
      .selectFrom('shipment_polls as p')
      .innerJoin('shipments as s', 's.id', 'p.shipment_id')
      .select([
        'p.shipment_id as shipmentId',
        's.tracking_number as trackingNumber',
        's.carrier_code as carrier',
      ])
      .where('p.claim', '=', claim)
      .where('p.shipment_id', 'in', shipmentIds)
      .execute();
  }

  /** Takes a claim for one shipment now (a forced refresh), whatever its schedule said. */
  async claimOne(shipmentId: string, leaseMs: number, claim: string): Promise<void> {
    await sql`
      INSERT INTO shipment_polls (shipment_id, merchant_id, carrier_code, tracking_number, status, last_news_at,
                                  due_at, claim)
      SELECT id, merchant_id, carrier_code, tracking_number, status, coalesce(last_event_at, created_at),
             now() + make_interval(secs => ${leaseMs / 1000}), ${claim}
      FROM shipments WHERE id = ${shipmentId}
      ON CONFLICT (shipment_id) DO UPDATE SET due_at = excluded.due_at, claim = excluded.claim, parked = NULL`.execute(
      this.db,
    );
  }

  /** The poll answered: the failure count starts over. Its result re-dates the row when it is applied. */
  async polled(shipmentIds: readonly string[]): Promise<void> {
    if (shipmentIds.length === 0) return;
    await this.db
      .updateTable('shipment_polls')
      .set({ failures: 0 })
      .where('shipment_id', 'in', shipmentIds)
      .execute();
  }

  /**
   * New due times (and the shown next check on shipments). The claim is released; a row left unscheduled
   * says why. Only rows with a different plan are written, so a re-applied result costs no writes.
   */
  async reschedule(rows: readonly Reschedule[], opts: { resetNotFound: boolean }): Promise<void> {
    if (rows.length === 0) return;
    const values = jsonForPostgres(
      rows.map((r) => ({
        id: r.shipmentId,
        due_at: r.dueAt?.toISOString() ?? null,
        parked: r.parked ?? null,
      })),
    );
    // A shipment waiting for a connection stays parked when news comes by webhook (webhook-only merchants):
    // it is not polled, so it shows no next check.
    await sql`
      WITH r AS (
        UPDATE shipment_polls p SET
          due_at = CASE WHEN p.parked = 'no_connection' AND v.due_at IS NOT NULL THEN p.due_at ELSE v.due_at END,
          parked = CASE WHEN p.parked = 'no_connection' AND v.due_at IS NOT NULL THEN p.parked ELSE v.parked END,
          claim = NULL,
          not_found_since = CASE WHEN ${opts.resetNotFound} THEN NULL ELSE p.not_found_since END
        FROM jsonb_to_recordset(${values}::jsonb) AS v(id uuid, due_at timestamptz, parked text)
        WHERE p.shipment_id = v.id
        RETURNING p.shipment_id, p.parked
      )
      UPDATE shipments s SET next_check_at = NULL
      FROM r WHERE s.id = r.shipment_id AND r.parked = 'no_connection' AND s.next_check_at IS NOT NULL`.execute(
      this.db,
    );
  }

  /**
   * The carrier does not know these numbers (yet): remembered from the first time, asked again later, and
   * the next check shown on the shipment.
   */
  async notFound(rows: readonly { shipmentId: string; dueAt: Date }[]): Promise<void> {
    if (rows.length === 0) return;
    const values = jsonForPostgres(rows.map((r) => ({ id: r.shipmentId, due_at: r.dueAt.toISOString() })));
    await sql`
      WITH p AS (
        UPDATE shipment_polls p SET due_at = v.due_at, claim = NULL,
          not_found_since = coalesce(p.not_found_since, now())
        FROM jsonb_to_recordset(${values}::jsonb) AS v(id uuid, due_at timestamptz)
        WHERE p.shipment_id = v.id
        RETURNING p.shipment_id, p.due_at
      )
      UPDATE shipments s SET next_check_at = p.due_at FROM p WHERE s.id = p.shipment_id`.execute(this.db);
  }

  /**
   * Failed polls: each shipment's failure count grows and it is due again after base × 2^(failures-1)
   * (capped); the error is shown on the shipment with its next check.
   */
  async failed(failures: readonly PollFailure[]): Promise<void> {
    if (failures.length === 0) return;
    const values = jsonForPostgres(
      failures.map((f) => ({
        id: f.shipmentId,
        error: f.error.slice(0, 2000),
        base: f.baseMs,
        max: f.maxMs,
      })),
    );
    await sql`
      WITH v AS (
        SELECT * FROM jsonb_to_recordset(${values}::jsonb) AS v(id uuid, error text, base float8, max float8)
      ), p AS (
        UPDATE shipment_polls p SET failures = p.failures + 1, claim = NULL,
          due_at = now() + make_interval(secs => least(v.max, v.base * power(2, least(p.failures, 40))) / 1000
                                                  * (0.9 + random() * 0.2))
        FROM v WHERE p.shipment_id = v.id
        RETURNING p.shipment_id, p.due_at
      )
      UPDATE shipments s SET last_error = v.error, next_check_at = p.due_at, last_source = 'poll',
        last_checked_at = now()
      FROM p JOIN v ON v.id = p.shipment_id
      WHERE s.id = p.shipment_id`.execute(this.db);
  }

  /**
   * Shipments no connection can poll: looked at again six hours later (a connection added meanwhile, or
   * one whose unparking was lost), and at once when the merchant adds one (unpark).
   */
  async park(shipmentIds: readonly string[], reason: 'no_connection', error: string): Promise<void> {
    if (shipmentIds.length === 0) return;
    await sql`
      WITH p AS (
        UPDATE shipment_polls SET due_at = now() + interval '6 hours', claim = NULL, parked = ${reason}
        WHERE shipment_id IN (${sql.join(shipmentIds)})
        RETURNING shipment_id
      )
      UPDATE shipments s SET last_error = ${error}, next_check_at = NULL
      FROM p WHERE s.id = p.shipment_id AND s.last_error IS DISTINCT FROM ${error}`.execute(this.db);
  }

  /** A merchant's shipments waiting for a connection are due now. */
  async unpark(merchantId: string): Promise<number> {
    const result = await this.db
      .updateTable('shipment_polls')
      .set({ due_at: sql<Date>`now()`, parked: null })
      .where('merchant_id', '=', merchantId)
      .where('parked', '=', 'no_connection')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** What freshness readers and the cadence need of shipments checked without news. */
  async shipmentStates(
    shipmentIds: readonly string[],
  ): Promise<{ id: string; carrier: string; status: ShipmentStatus; eddDate: string | null }[]> {
    if (shipmentIds.length === 0) return [];
    return this.db
      .selectFrom('shipments')
      .select([
        'id',
        'carrier_code as carrier',
        'status',
        sql<string | null>`coalesce(latest_edd, carrier_edd)`.as('eddDate'),
      ])
      .where('id', 'in', shipmentIds)
      .execute();
  }

  /** Checked, and the carrier said nothing new: the shipment shows the check and its next one. */
  async checkedWithoutNews(rows: readonly { shipmentId: string; nextCheckAt: Date | null }[]): Promise<void> {
    if (rows.length === 0) return;
    const values = jsonForPostgres(
      rows.map((r) => ({ id: r.shipmentId, next: r.nextCheckAt?.toISOString() ?? null })),
    );
    await sql`
      UPDATE shipments s SET last_checked_at = now(), last_source = 'poll', last_error = NULL, next_check_at = v.next
      FROM jsonb_to_recordset(${values}::jsonb) AS v(id uuid, next timestamptz)
      WHERE s.id = v.id`.execute(this.db);
  }
}
