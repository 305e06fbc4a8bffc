import type { Selectable } from 'kysely';
import type { Database } from '../db/database.js';
import type { CarrierConnections } from '../db/schema.js';

export type CarrierConnectionRow = Selectable<CarrierConnections>;

export class CarrierConnectionsRepository {
  constructor(private readonly db: Database) {}

  async insert(c: {
    merchantId: string;
    carrier: string;
    name: string;
    credentials: Buffer | null;
    webhookSecrets: Buffer | null;
  }): Promise<CarrierConnectionRow> {
    return this.db
      .insertInto('carrier_connections')
      .values({
        merchant_id: c.merchantId,
        carrier_code: c.carrier,
        name: c.name,
        credentials_encrypted: c.credentials,
        webhook_secrets_encrypted: c.webhookSecrets,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async findById(merchantId: string, id: string): Promise<CarrierConnectionRow | null> {
    const row = await this.db
      .selectFrom('carrier_connections')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ?? null;
  }
}
