import { sql } from 'kysely';
import type { Database } from '../db/database.js';

export interface StoredRequest {
  requestHash: string;
  createdAt: Date;
  lockedAt: Date | null;
  status: number | null;
  body: string | null;
  contentType: string | null;
}

export class IdempotencyRepository {
  constructor(private readonly db: Database) {}

  /** Claims the key for a new request; false when a row for it already exists. */
  async claim(merchantId: string, key: string, requestHash: string): Promise<boolean> {
    const row = await this.db
      .insertInto('idempotency_keys')
      .values({ merchant_id: merchantId, key, request_hash: requestHash, locked_at: sql<Date>`now()` })
      .onConflict((oc) => oc.columns(['merchant_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    return row !== undefined;
  }

  async find(merchantId: string, key: string): Promise<StoredRequest | null> {
    const row = await this.db
      .selectFrom('idempotency_keys')
      .select([
        'request_hash',
        'created_at',
        'locked_at',
        'response_status',
        'response_body',
        'response_content_type',
      ])
      .where('merchant_id', '=', merchantId)
      .where('key', '=', key)
      .executeTakeFirst();
    if (!row) return null;
    return {
      requestHash: row.request_hash,
      createdAt: row.created_at,
      lockedAt: row.locked_at,
      status: row.response_status,
      body: row.response_body,
      contentType: row.response_content_type,
    };
  }

  /**
   * Takes over a row that expired or whose request died mid-way. Conditional on the row being as we read
   * it, so of two racing takers exactly one wins.
   */
  async takeOver(
    merchantId: string,
    key: string,
    seen: StoredRequest,
    requestHash: string,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('idempotency_keys')
      .set({
        request_hash: requestHash,
        locked_at: sql<Date>`now()`,
        created_at: sql<Date>`now()`,
        response_status: null,
        response_body: null,
        response_content_type: null,
      })
      .where('merchant_id', '=', merchantId)
      .where('key', '=', key)
      .where('created_at', '=', seen.createdAt)
      .where(
        seen.lockedAt === null ? sql<boolean>`locked_at IS NULL` : sql<boolean>`locked_at = ${seen.lockedAt}`,
      )
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async complete(
    merchantId: string,
    key: string,
    status: number,
    body: string,
    contentType: string | null,
  ): Promise<void> {
    await this.db
      .updateTable('idempotency_keys')
      .set({
        response_status: status,
        response_body: body,
        response_content_type: contentType,
        locked_at: null,
      })
      .where('merchant_id', '=', merchantId)
      .where('key', '=', key)
      .execute();
  }

  /** Forgets an unfinished request so the client's retry runs it afresh. */
  async release(merchantId: string, key: string): Promise<void> {
    await this.db
      .deleteFrom('idempotency_keys')
      .where('merchant_id', '=', merchantId)
      .where('key', '=', key)
      .where('response_status', 'is', null)
      .execute();
  }

  /** Deletes up to `batch` rows older than the cutoff; returns how many went. */
  async purgeOlderThan(cutoff: Date, batch: number): Promise<number> {
    const result = await this.db
      .deleteFrom('idempotency_keys')
      .where(({ eb, selectFrom }) =>
        eb(
          sql`(merchant_id, key)`,
          'in',
          selectFrom('idempotency_keys')
            .select(['merchant_id', 'key'])
            .where('created_at', '<', cutoff)
            .limit(batch),
        ),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
