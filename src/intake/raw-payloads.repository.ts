import { sql } from 'kysely';
import type { Database } from '../db/database.js';

// The SQL behind agents' view of raw payloads, their replays, and the sweeper.

export interface PayloadSummaryRow {
  id: number;
  carrierCode: string;
  source: string;
  connectionId: string | null;
  receivedAt: Date;
  state: string;
  attempts: number;
  replays: number;
  processedAt: Date | null;
  lastError: string | null;
  verifiedBy: string | null;
  contentType: string | null;
  headers: unknown;
  sizeBytes: number;
  trackingNumbers: string[];
  result: unknown;
}

export interface PayloadEventRow {
  rawPayloadId: number;
  id: number;
  occurredAt: Date;
  status: string;
  substatus: string | null;
  rawCode: string;
  rawText: string;
  decision: string;
}

export interface QueuedRow {
  id: number;
  jobKey: string;
}

export interface ReplayRange {
  from: Date;
  to: Date;
  carrier?: string;
  connectionId?: string;
  state?: 'pending' | 'processed' | 'failed';
}

const summary = [
  'id',
  'carrier_code as carrierCode',
  'source',
  'connection_id as connectionId',
  'received_at as receivedAt',
  'state',
  'attempts',
  'replays',
  'processed_at as processedAt',
  'last_error as lastError',
  'verified_by as verifiedBy',
  'content_type as contentType',
  'headers',
  sql<number>`octet_length(body)`.as('sizeBytes'),
  'tracking_numbers as trackingNumbers',
  'result',
] as const;

export class RawPayloadsRepository {
  constructor(private readonly db: Database) {}

  /** The shipment's number and id, when the merchant has it. */
  async shipment(merchantId: string, shipmentId: string) {
    return (
      (await this.db
        .selectFrom('shipments')
        .select(['id', 'tracking_number as trackingNumber'])
        .where('merchant_id', '=', merchantId)
        .where('id', '=', shipmentId)
        .executeTakeFirst()) ?? null
    );
  }

  /** Newest first; `beforeId` pages back. */
  async forTrackingNumber(
    merchantId: string,
    trackingNumber: string,
    limit: number,
    beforeId?: number,
  ): Promise<PayloadSummaryRow[]> {
    let q = this.db
      .selectFrom('raw_payloads')
      .select(summary)
      .where('merchant_id', '=', merchantId)
      .where(sql<boolean>`tracking_numbers @> ARRAY[${trackingNumber}]::text[]`);
    if (beforeId !== undefined) q = q.where('id', '<', beforeId);
    return (await q.orderBy('id', 'desc').limit(limit).execute()) as unknown as PayloadSummaryRow[];
  }

  async get(merchantId: string, id: number): Promise<(PayloadSummaryRow & { body: Buffer }) | null> {
    const row = await this.db
      .selectFrom('raw_payloads')
      .select([...summary, 'body'])
      .where('merchant_id', '=', merchantId)
      .where('id', '=', id)
      .executeTakeFirst();
    return (row as unknown as (PayloadSummaryRow & { body: Buffer }) | undefined) ?? null;
  }

  /** The events each payload produced (for one shipment when given), with the derivation's decision. */
  async events(payloadIds: readonly number[], shipmentId?: string): Promise<PayloadEventRow[]> {
    if (payloadIds.length === 0) return [];
    let q = this.db
      .selectFrom('tracking_events')
      .select([
        'raw_payload_id as rawPayloadId',
        'id',
        'occurred_at as occurredAt',
        'status',
        'substatus',
        'raw_code as rawCode',
        'raw_text as rawText',
        'decision',
      ])
      .where('raw_payload_id', 'in', payloadIds);
    if (shipmentId) q = q.where('shipment_id', '=', shipmentId);
    return (await q.orderBy('occurred_at').orderBy('id').execute()) as PayloadEventRow[];
  }

  /** Back to pending with a fresh attempt budget, under a job key of its own (a replay is a new job). */
  async markForReplay(merchantId: string, id: number): Promise<QueuedRow | null> {
    const row = await this.db
      .updateTable('raw_payloads')
      .set({ ...this.replaySet(), normalize_job: sql<string>`'replay-' || id || '-' || (replays + 1)` })
      .where('merchant_id', '=', merchantId)
      .where('id', '=', id)
      .returning(['id', 'normalize_job'])
      .executeTakeFirst();
    return row ? { id: Number(row.id), jobKey: row.normalize_job as string } : null;
  }

  /** The range back to pending, `jobSize` payloads per job key (`replay-<batch>-<n>`), oldest first. */
  async markRangeForReplay(
    merchantId: string,
    range: ReplayRange,
    limit: number,
    batch: string,
    jobSize: number,
  ): Promise<QueuedRow[]> {
    let inner = this.db
      .selectFrom('raw_payloads')
      .select('id')
      .where('merchant_id', '=', merchantId)
      .where('received_at', '>=', range.from)
      .where('received_at', '<', range.to);
    if (range.carrier) inner = inner.where('carrier_code', '=', range.carrier);
    if (range.connectionId) inner = inner.where('connection_id', '=', range.connectionId);
    if (range.state) inner = inner.where('state', '=', range.state);
    const chosen = inner
      .select(sql<number>`(row_number() OVER (ORDER BY id) - 1) / ${jobSize}`.as('n'))
      .orderBy('id')
      .limit(limit);
    const rows = await this.db
      .with('chosen', () => chosen)
      .updateTable('raw_payloads')
      .from('chosen')
      .set({ ...this.replaySet(), normalize_job: sql<string>`${`replay-${batch}-`} || chosen.n` })
      .whereRef('raw_payloads.id', '=', 'chosen.id')
      .returning(['raw_payloads.id', 'raw_payloads.normalize_job'])
      .execute();
    return rows
      .map((r) => ({ id: Number(r.id), jobKey: r.normalize_job as string }))
      .sort((a, b) => a.id - b.id);
  }

  /**
   * Payloads still pending a while after they arrived, with the job they were queued under, whole: the
   * oldest `limit` such payloads name the jobs, and every pending payload of those jobs comes back, so a job
   * is never queued again with part of its payloads.
   */
  async stranded(olderThanMs: number, limit: number): Promise<{ id: number; jobKey: string | null }[]> {
    const oldest = await this.db
      .selectFrom('raw_payloads')
      .select(['id', 'normalize_job'])
      .where('state', '=', 'pending')
      .where('received_at', '<', sql<Date>`now() - make_interval(secs => ${olderThanMs / 1000})`)
      .orderBy('received_at')
      .limit(limit)
      .execute();
    const keys = [...new Set(oldest.flatMap((r) => (r.normalize_job ? [r.normalize_job] : [])))];
    const rest =
      keys.length === 0
        ? []
        : await this.db
            .selectFrom('raw_payloads')
            .select(['id', 'normalize_job'])
            .where('state', '=', 'pending')
            .where('normalize_job', 'in', keys)
            .execute();
    const all = new Map([...oldest, ...rest].map((r) => [Number(r.id), r.normalize_job]));
    return [...all].sort(([a], [b]) => a - b).map(([id, jobKey]) => ({ id, jobKey }));
  }

  /** Moves still-pending payloads to a new job key; answers those that were still pending. */
  async rekey(ids: readonly number[], jobKey: string): Promise<number[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .updateTable('raw_payloads')
      .set({ normalize_job: jobKey })
      .where('id', 'in', ids)
      .where('state', '=', 'pending')
      .returning('id')
      .execute();
    return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
  }

  private replaySet() {
    return {
      state: 'pending' as const,
      attempts: 0,
      replays: sql<number>`replays + 1`,
      last_error: null,
      processed_at: null,
    };
  }
}
