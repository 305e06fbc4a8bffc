import { createHash, randomBytes } from 'node:crypto';
import { getAdapter } from '../carriers/registry.js';
import { randomSecret } from '../carriers/support/signature.js';
import type { WebhookScheme } from '../carriers/webhook.js';
import type { Database } from '../db/database.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../errors.js';
import type { SecretBox } from '../lib/secret-box.js';
import type { CarrierConnectionRow, CarrierConnectionsRepository } from './carrier-connections.repository.js';

// A merchant's account with a carrier or aggregator. Its API credentials and webhook secrets exist in clear
// only in memory: they are sealed (AES-256-GCM, ENCRYPTION_KEY) before they reach Postgres. A connection to
// a carrier that pushes has a webhook URL naming it, so the merchant and the secrets are known before a body
// is trusted.

export type Credentials = Record<string, string>;
export type WebhookAuth = 'signature' | 'url_token';

/** Two at once: the new secret is added, the sender switched, then the old one removed. */
export const MAX_WEBHOOK_SECRETS = 2;

export interface WebhookSecret {
  id: string;
  secret: string;
  createdAt: string;
}

export interface CarrierConnection {
  id: string;
  merchantId: string;
  carrier: string;
  name: string;
  enabled: boolean;
  createdAt: string;
  credentials: Credentials | null;
  webhookAuth: WebhookAuth;
  webhookSecrets: WebhookSecret[];
}

/** What the API and CLI show: never a secret, except the one just created. */
export interface ConnectionView {
  id: string;
  carrier: string;
  name: string;
  enabled: boolean;
  createdAt: string;
  hasCredentials: boolean;
  webhook: {
    url: string;
    auth: WebhookAuth;
    scheme: string;
    secretIssuedBy: 'sender' | 'wismo';
    secrets: { id: string; createdAt: string; hint: string }[];
  } | null;
  /** Shown once, when wismo generated it (or when it is part of the URL): store it in the sender now. */
  newSecret?: { id: string; secret: string; webhookUrl: string };
}

const secretId = () => `whs_${randomBytes(6).toString('hex')}`;

export class CarrierConnectionsService {
  constructor(
    private readonly db: Database,
    private readonly repo: CarrierConnectionsRepository,
    private readonly box: SecretBox,
    private readonly publicBaseUrl: string,
  ) {}

  private readonly changeListeners: ((id: string) => void)[] = [];
  private readonly createListeners: ((c: CarrierConnection) => Promise<void>)[] = [];

  /** Called after a connection is created (polling schedules the shipments that waited for one). */
  onCreate(listener: (c: CarrierConnection) => Promise<void>): void {
    this.createListeners.push(listener);
  }

  /** Enabled connections with credentials of these merchants, oldest first (without their secrets). */
  pollable(merchantIds: readonly string[]) {
    return this.repo.pollable(merchantIds);
  }

  /** Called after a connection's secrets change, so caches in this process drop it at once. */
  onChange(listener: (id: string) => void): void {
    this.changeListeners.push(listener);
  }

  async create(input: {
    merchantId: string;
    carrier: string;
    name?: string;
    credentials?: Credentials;
    webhookSecret?: string;
    /** Several at once (import of an existing rotation); at most MAX_WEBHOOK_SECRETS. */
    webhookSecrets?: string[];
    webhookAuth?: WebhookAuth;
  }): Promise<{ connection: CarrierConnection; view: ConnectionView }> {
    const adapter = getAdapter(input.carrier);
    const scheme = adapter?.webhook;
    const auth = this.authFor(input.carrier, scheme, input.webhookAuth);
    const missing = input.credentials
      ? (adapter?.poll?.credentialNames ?? []).filter((name) => !input.credentials?.[name])
      : [];
    if (missing.length > 0) {
      throw new UnprocessableError(
        'missing_credentials',
        `Polling ${adapter?.name} needs the credentials ${adapter?.poll?.credentialNames.join(', ')}.`,
        missing.map((name) => ({ in: 'body' as const, field: `credentials.${name}`, reason: 'required' })),
      );
    }
    const given = [...(input.webhookSecrets ?? []), ...(input.webhookSecret ? [input.webhookSecret] : [])];
    if (given.length > MAX_WEBHOOK_SECRETS) {
      throw new UnprocessableError(
        'too_many_secrets',
        `At most ${MAX_WEBHOOK_SECRETS} webhook secrets are active at once.`,
        [{ in: 'body', field: 'webhookSecrets', reason: `at most ${MAX_WEBHOOK_SECRETS}` }],
      );
    }
    const now = new Date().toISOString();
    let generated: WebhookSecret | null = null;
    let secrets: WebhookSecret[] = given.map((secret) => ({ id: secretId(), secret, createdAt: now }));
    if (secrets.length === 0 && scheme && (auth === 'url_token' || scheme.secretIssuedBy === 'wismo')) {
      generated = { id: secretId(), secret: this.newSecret(scheme, auth), createdAt: now };
      secrets = [generated];
    }
    const row = await this.repo.insert({
      merchantId: input.merchantId,
      carrier: input.carrier,
      name: input.name ?? '',
      credentials: input.credentials ? this.box.sealJson(input.credentials) : null,
      webhookSecrets: secrets.length > 0 ? this.box.sealJson(secrets) : null,
      webhookAuth: auth,
    });
    const connection = this.open(row);
    for (const listener of this.createListeners) await listener(connection);
    return {
      connection,
      view: this.view(connection, generated ?? (auth === 'url_token' ? secrets[0] : undefined)),
    };
  }

  /** The connection with its secrets opened, for the code that calls or verifies the carrier. */
  async get(merchantId: string, id: string): Promise<CarrierConnection> {
    const row = await this.repo.findById(merchantId, id);
    if (!row) throw new NotFoundError(`Carrier connection ${id}`);
    return this.open(row);
  }

  async describe(merchantId: string, id: string): Promise<ConnectionView> {
    return this.view(await this.get(merchantId, id));
  }

  async list(merchantId: string): Promise<ConnectionView[]> {
    return (await this.repo.list(merchantId)).map((r) => this.view(this.open(r)));
  }

  /** For the webhook intake: by id alone, secrets opened; null when there is no such connection. */
  async forWebhook(id: string): Promise<CarrierConnection | null> {
    const row = await this.repo.findForWebhook(id);
    return row ? this.open(row) : null;
  }

  /** Adds a secret beside the active one (rotation). Without `secret`, wismo generates one. */
  async addWebhookSecret(merchantId: string, id: string, secret?: string): Promise<ConnectionView> {
    const view = await this.db.transaction().execute(async (trx) => {
      const repo = this.repo.with(trx);
      const row = await repo.findById(merchantId, id, { lock: true });
      if (!row) throw new NotFoundError(`Carrier connection ${id}`);
      const connection = this.open(row);
      const scheme = getAdapter(connection.carrier)?.webhook;
      if (!scheme) throw this.doesNotPush(connection.carrier);
      if (connection.webhookSecrets.length >= MAX_WEBHOOK_SECRETS) {
        throw new ConflictError(
          `This connection already has ${MAX_WEBHOOK_SECRETS} active webhook secrets; remove the older one first (DELETE /v1/carrier-connections/${id}/webhook-secrets/{secretId}).`,
        );
      }
      if (!secret && scheme.secretIssuedBy === 'sender' && connection.webhookAuth === 'signature') {
        throw new UnprocessableError(
          'secret_required',
          `${getAdapter(connection.carrier)?.name} issues the webhook secret: send it as "secret".`,
          [{ in: 'body', field: 'secret', reason: 'required: the sender issues this secret' }],
        );
      }
      const added: WebhookSecret = {
        id: secretId(),
        secret: secret ?? this.newSecret(scheme, connection.webhookAuth),
        createdAt: new Date().toISOString(),
      };
      const secrets = [...connection.webhookSecrets, added];
      await repo.setWebhookSecrets(id, this.box.sealJson(secrets));
      const shown = !secret || connection.webhookAuth === 'url_token' ? added : undefined;
      return this.view({ ...connection, webhookSecrets: secrets }, shown);
    });
    this.changed(id);
    return view;
  }

  /** Removes a secret once the sender uses the newer one. The last secret stays: remove it by replacing it. */
  async removeWebhookSecret(
    merchantId: string,
    id: string,
    secretIdToRemove: string,
  ): Promise<ConnectionView> {
    const view = await this.db.transaction().execute(async (trx) => {
      const repo = this.repo.with(trx);
      const row = await repo.findById(merchantId, id, { lock: true });
      if (!row) throw new NotFoundError(`Carrier connection ${id}`);
      const connection = this.open(row);
      if (!connection.webhookSecrets.some((s) => s.id === secretIdToRemove)) {
        throw new NotFoundError(`Webhook secret ${secretIdToRemove}`);
      }
      if (connection.webhookSecrets.length === 1) {
        throw new ConflictError(
          "This is the connection's only webhook secret: add its replacement first (POST /v1/carrier-connections/{id}/webhook-secrets), switch the sender to it, then remove this one.",
        );
      }
      const secrets = connection.webhookSecrets.filter((s) => s.id !== secretIdToRemove);
      await repo.setWebhookSecrets(id, this.box.sealJson(secrets));
      return this.view({ ...connection, webhookSecrets: secrets });
    });
    this.changed(id);
    return view;
  }

  webhookUrl(connection: Pick<CarrierConnection, 'id' | 'carrier' | 'webhookAuth'>, token?: string): string {
    const base = `${this.publicBaseUrl}/webhooks/${connection.carrier}/${connection.id}`;
    if (connection.webhookAuth !== 'url_token') return base;
    return `${base}/${token ?? '{token}'}`;
  }

  private changed(id: string): void {
    // After commit, so no request can cache the state from before. Other processes see it after their TTL.
    for (const l of this.changeListeners) l(id);
  }

  private authFor(
    carrier: string,
    scheme: WebhookScheme | undefined,
    wanted: WebhookAuth | undefined,
  ): WebhookAuth {
    if (!scheme) return 'signature';
    // No signature check at all: the URL token is the only proof there is.
    if (!scheme.verify) {
      if (wanted === 'signature') {
        throw new UnprocessableError(
          'signature_unavailable',
          `${getAdapter(carrier)?.name ?? carrier} deliveries carry no signature wismo can check; use url_token.`,
          [{ in: 'body', field: 'webhookAuth', reason: 'only url_token is available for this carrier' }],
        );
      }
      return 'url_token';
    }
    // A scheme the sender's documentation does not confirm is not the default; the merchant may opt in.
    return wanted ?? (scheme.confirmed ? 'signature' : 'url_token');
  }

  private newSecret(scheme: WebhookScheme, auth: WebhookAuth): string {
    return auth === 'signature' && scheme.newSecret ? scheme.newSecret() : randomSecret();
  }

  private doesNotPush(carrier: string) {
    return new UnprocessableError(
      'carrier_does_not_push',
      `${getAdapter(carrier)?.name ?? carrier} does not push webhooks; wismo polls it.`,
    );
  }

  private open(row: CarrierConnectionRow): CarrierConnection {
    const created = row.created_at.toISOString();
    const stored = row.webhook_secrets_encrypted
      ? this.box.openJson<(WebhookSecret | string)[]>(row.webhook_secrets_encrypted)
      : [];
    return {
      id: row.id,
      merchantId: row.merchant_id,
      carrier: row.carrier_code,
      name: row.name,
      enabled: row.enabled,
      createdAt: created,
      credentials: row.credentials_encrypted
        ? this.box.openJson<Credentials>(row.credentials_encrypted)
        : null,
      webhookAuth: row.webhook_auth as WebhookAuth,
      // The first format stored bare strings; they get a stable id derived from the secret.
      webhookSecrets: stored.map((s) =>
        typeof s === 'string'
          ? {
              id: `whs_${createHash('sha256').update(s).digest('hex').slice(0, 12)}`,
              secret: s,
              createdAt: created,
            }
          : s,
      ),
    };
  }

  private view(c: CarrierConnection, shown?: WebhookSecret): ConnectionView {
    const scheme = getAdapter(c.carrier)?.webhook;
    const view: ConnectionView = {
      id: c.id,
      carrier: c.carrier,
      name: c.name,
      enabled: c.enabled,
      createdAt: c.createdAt,
      hasCredentials: c.credentials !== null,
      webhook: scheme
        ? {
            url: this.webhookUrl(c),
            auth: c.webhookAuth,
            scheme: c.webhookAuth === 'url_token' ? 'secret token in the webhook URL' : scheme.description,
            secretIssuedBy: c.webhookAuth === 'url_token' ? 'wismo' : scheme.secretIssuedBy,
            secrets: c.webhookSecrets.map((s) => ({
              id: s.id,
              createdAt: s.createdAt,
              hint: `…${s.secret.slice(-4)}`,
            })),
          }
        : null,
    };
    if (shown && scheme) {
      view.newSecret = { id: shown.id, secret: shown.secret, webhookUrl: this.webhookUrl(c, shown.secret) };
    }
    return view;
  }
}
