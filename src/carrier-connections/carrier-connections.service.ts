import { NotFoundError } from '../errors.js';
import type { SecretBox } from '../lib/secret-box.js';
import type { CarrierConnectionsRepository } from './carrier-connections.repository.js';

// A merchant's account with a carrier or aggregator. Its API credentials and webhook secrets exist in clear
// only in memory: they are sealed (AES-256-GCM, ENCRYPTION_KEY) before they reach Postgres.

export type Credentials = Record<string, string>;

export interface CarrierConnection {
  id: string;
  merchantId: string;
  carrier: string;
  name: string;
  enabled: boolean;
  credentials: Credentials | null;
  /** Several at once, so a secret can be rotated without dropping deliveries. */
  webhookSecrets: string[];
}

export class CarrierConnectionsService {
  constructor(
    private readonly repo: CarrierConnectionsRepository,
    private readonly box: SecretBox,
  ) {}

  async create(input: {
    merchantId: string;
    carrier: string;
    name?: string;
    credentials?: Credentials;
    webhookSecrets?: string[];
  }): Promise<CarrierConnection> {
    const row = await this.repo.insert({
      merchantId: input.merchantId,
      carrier: input.carrier,
      name: input.name ?? '',
      credentials: input.credentials ? this.box.sealJson(input.credentials) : null,
      webhookSecrets: input.webhookSecrets?.length ? this.box.sealJson(input.webhookSecrets) : null,
    });
    return this.get(row.merchant_id, row.id);
  }

  /** The connection with its secrets opened, for the code that calls or verifies the carrier. */
  async get(merchantId: string, id: string): Promise<CarrierConnection> {
    const row = await this.repo.findById(merchantId, id);
    if (!row) throw new NotFoundError(`Carrier connection ${id}`);
    return {
      id: row.id,
      merchantId: row.merchant_id,
      carrier: row.carrier_code,
      name: row.name,
      enabled: row.enabled,
      credentials: row.credentials_encrypted
        ? this.box.openJson<Credentials>(row.credentials_encrypted)
        : null,
      webhookSecrets: row.webhook_secrets_encrypted
        ? this.box.openJson<string[]>(row.webhook_secrets_encrypted)
        : [],
    };
  }
}
