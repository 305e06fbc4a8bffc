import { type Selectable, sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { ApiKeys } from '../db/schema.js';
import type { Scope } from './scopes.js';

export type ApiKeyRow = Selectable<ApiKeys>;

export class ApiKeysRepository {
  constructor(private readonly db: Database) {}

  async insert(k: {
    merchantId: string;
    name: string;
    prefix: string;
    hash: Buffer;
    scopes: Scope[];
  }): Promise<ApiKeyRow> {
    return this.db
      .insertInto('api_keys')
      .values({
        merchant_id: k.merchantId,
        name: k.name,
        prefix: k.prefix,
        secret_hash: k.hash,
        scopes: k.scopes,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** The live key with this prefix; revoked keys are not returned. */
  async findActiveByPrefix(prefix: string): Promise<ApiKeyRow | null> {
    const row = await this.db
      .selectFrom('api_keys')
      .selectAll()
      .where('prefix', '=', prefix)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row ?? null;
  }

  async listForMerchant(merchantId: string): Promise<ApiKeyRow[]> {
    return this.db
      .selectFrom('api_keys')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .orderBy('created_at')
      .execute();
  }

  /** Revokes by prefix; returns the row, or null when no such key exists. Revoking twice keeps the first time. */
  async revoke(prefix: string): Promise<ApiKeyRow | null> {
    const row = await this.db
      .updateTable('api_keys')
      .set({ revoked_at: sql<Date>`coalesce(revoked_at, now())` })
      .where('prefix', '=', prefix)
      .returningAll()
      .executeTakeFirst();
    return row ?? null;
  }

  async touch(id: string): Promise<void> {
    await this.db.updateTable('api_keys').set({ last_used_at: new Date() }).where('id', '=', id).execute();
  }
}
