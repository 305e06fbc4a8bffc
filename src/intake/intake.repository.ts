import { sql } from 'kysely';
import type { Database } from '../db/database.js';

// The SQL of intake: one statement stores a delivery (or finds it already stored), nothing else is written
// before the sender gets its answer.

export interface NewRawPayload {
  merchantId: string;
  connectionId: string;
  carrier: string;
  body: Buffer;
  contentType: string | null;
  headers: Record<string, string>;
  dedupeKey: string;
  verifiedBy: 'signature' | 'url_token';
}

export class IntakeRepository {
  constructor(private readonly db: Database) {}

  /** The new row's id, or null when the same delivery is already stored (the unique dedupe index). */
  async insert(p: NewRawPayload): Promise<number | null> {
    const row = await this.db
      .insertInto('raw_payloads')
      .values({
        merchant_id: p.merchantId,
        connection_id: p.connectionId,
        carrier_code: p.carrier,
        source: 'push',
        body: p.body,
        content_type: p.contentType,
        headers: JSON.stringify(p.headers),
        dedupe_key: p.dedupeKey,
        verified_by: p.verifiedBy,
      })
      .onConflict((oc) =>
        oc
          .expression(
            sql`carrier_code, coalesce(connection_id, '00000000-0000-0000-0000-000000000000'::uuid), dedupe_key`,
          )
          .doNothing(),
      )
      .returning('id')
      .executeTakeFirst();
    return row ? Number(row.id) : null;
  }
}
