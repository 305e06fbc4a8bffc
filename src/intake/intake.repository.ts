import { sql } from 'kysely';
import type { Database } from '../db/database.js';

// The SQL of intake: one statement stores deliveries (or finds them already stored); nothing else is written
// before the sender gets its answer.

export interface NewRawPayload {
  merchantId: string;
  connectionId: string;
  carrier: string;
  body: Buffer;
  contentType: string | null;
  headers: Record<string, string>;
  dedupeKey: string;
  /** How the sender was authenticated, or 'poll' for an answer wismo asked for. */
  verifiedBy: 'signature' | 'url_token' | 'poll';
  /** Poll answers: the HTTP status and the numbers asked (the mapper reads both). */
  poll?: { httpStatus: number; requested: string[] };
  /** The normalize job it is queued under (raw_payloads.normalize_job). */
  normalizeJob: string;
}

/** A delivery's identity under the unique dedupe index. */
export const keyOf = (p: Pick<NewRawPayload, 'carrier' | 'connectionId' | 'dedupeKey'>) =>
  `${p.carrier}\u0000${p.connectionId}\u0000${p.dedupeKey}`;

export class IntakeRepository {
  constructor(private readonly db: Database) {}

  /**
   * Stores the deliveries in one statement. Answers the new rows' ids by delivery key (keyOf); a delivery
   * already stored (the unique dedupe index) is absent from the answer.
   */
  async insertMany(payloads: readonly NewRawPayload[]): Promise<Map<string, number>> {
    if (payloads.length === 0) return new Map();
    const rows = await this.db
      .insertInto('raw_payloads')
      .values(
        payloads.map((p) => ({
          merchant_id: p.merchantId,
          connection_id: p.connectionId,
          carrier_code: p.carrier,
          source: p.poll ? ('poll' as const) : ('push' as const),
          http_status: p.poll?.httpStatus ?? null,
          tracking_numbers: p.poll?.requested ?? [],
          body: p.body,
          content_type: p.contentType,
          headers: JSON.stringify(p.headers),
          dedupe_key: p.dedupeKey,
          verified_by: p.verifiedBy,
          normalize_job: p.normalizeJob,
        })),
      )
      .onConflict((oc) =>
        oc
          .expression(
            sql`carrier_code, coalesce(connection_id, '00000000-0000-0000-0000-000000000000'::uuid), dedupe_key`,
          )
          .doNothing(),
      )
      .returning(['id', 'carrier_code', 'connection_id', 'dedupe_key'])
      .execute();
    return new Map(
      rows.map((r) => [
        keyOf({ carrier: r.carrier_code, connectionId: r.connection_id ?? '', dedupeKey: r.dedupe_key }),
        Number(r.id),
      ]),
    );
  }
}
