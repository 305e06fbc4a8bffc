import type { Selectable } from 'kysely';
import type { Database } from '../db/database.js';
import type { CarrierConnections } from '../db/schema.js';

export type CarrierConnectionRow = Selectable<CarrierConnections>;

export class CarrierConnectionsRepository {
  constructor(private readonly db: Database) {}

  with(trx: Database): CarrierConnectionsRepository {
    return new CarrierConnectionsRepository(trx);
  }

  async insert(c: {
    merchantId: string;
    carrier: string;
    name: string;
    credentials: Buffer | null;
    webhookSecrets: Buffer | null;
    webhookAuth: 'signature' | 'url_token';
  }): Promise<CarrierConnectionRow> {
    return this.db
      .insertInto('carrier_connections')
      .values({
        merchant_id: c.merchantId,
        carrier_code: c.carrier,
        name: c.name,
        credentials_encrypted: c.credentials,
        webhook_secrets_encrypted: c.webhookSecrets,
        webhook_auth: c.webhookAuth,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async findById(
    merchantId: string,
    id: string,
    opts: { lock?: boolean } = {},
  ): Promise<CarrierConnectionRow | null> {
    let q = this.db
      .selectFrom('carrier_connections')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('id', '=', id);
    if (opts.lock) q = q.forUpdate();
    return (await q.executeTakeFirst()) ?? null;
  }

  /** By id alone: a webhook URL names its connection before anything about the merchant is known. */
  async findForWebhook(id: string): Promise<CarrierConnectionRow | null> {
    const row = await this.db
      .selectFrom('carrier_connections')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ?? null;
  }

  /** Enabled connections with API credentials of these merchants, oldest first: those polls can use. */
  async pollable(
    merchantIds: readonly string[],
  ): Promise<{ id: string; merchantId: string; carrier: string }[]> {
    if (merchantIds.length === 0) return [];
    return this.db
      .selectFrom('carrier_connections')
      .select(['id', 'merchant_id as merchantId', 'carrier_code as carrier'])
      .where('merchant_id', 'in', merchantIds)
      .where('enabled', '=', true)
      .where('credentials_encrypted', 'is not', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  async list(merchantId: string): Promise<CarrierConnectionRow[]> {
    return this.db
      .selectFrom('carrier_connections')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  async setWebhookSecrets(id: string, sealed: Buffer | null): Promise<void> {
    await this.db
      .updateTable('carrier_connections')
      .set({ webhook_secrets_encrypted: sealed, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }
}
