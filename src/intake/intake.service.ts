import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { CarrierConnection } from '../carrier-connections/carrier-connections.service.js';
import { getAdapter } from '../carriers/registry.js';
import { equalsAnySecret } from '../carriers/support/signature.js';
import type { WebhookDelivery, WebhookScheme, WebhookVerdict } from '../carriers/webhook.js';
import {
  NotFoundError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  WebhookRejectedError,
} from '../errors.js';
import { webhooksReceived } from '../metrics.js';
import type { NormalizeEnqueuer } from '../queue/normalize-enqueuer.js';
import type { PayloadWriter } from './payload-writer.js';
import type { WebhookConnections } from './webhook-connections.js';

// Carrier webhooks in: find the connection the URL names, authenticate the sender over the raw bytes, store
// the payload (one row per delivery, however often it is repeated), answer, then hand it to the normalize
// workers. Nothing is trusted before the signature checks, and nothing is acknowledged before it is committed.

export interface WebhookTarget {
  connection: CarrierConnection;
  scheme: WebhookScheme;
  loadedAt: number;
}

export interface IncomingWebhook {
  target: WebhookTarget;
  /** The secret from the URL, for connections authenticated by URL token. */
  token?: string;
  body: Buffer;
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

export interface AcceptedWebhook {
  /** The stored payload; null for a repeat of a delivery already stored. */
  payloadId: number | null;
  duplicate: boolean;
  /** False when the queue was unreachable: the sweeper enqueues it shortly. */
  enqueued: boolean;
}

/** Connections whose cache entry is older than this are reloaded once when a signature fails (rotation). */
const RELOAD_AFTER_MS = 1_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class IntakeService {
  constructor(
    private readonly connections: WebhookConnections,
    private readonly writer: PayloadWriter,
    private readonly enqueuer: NormalizeEnqueuer,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * The connection a webhook URL names, before the body is read. Unknown, disabled or of another carrier:
   * one answer for all, so the URL space cannot be probed, and at most one query per id per cache period.
   */
  async target(carrier: string, connectionId: string): Promise<WebhookTarget> {
    const scheme = getAdapter(carrier)?.webhook;
    if (!scheme || !UUID.test(connectionId)) throw this.unknownEndpoint(carrier, connectionId);
    const { connection, loadedAt } = await this.connections.get(connectionId.toLowerCase());
    if (!connection?.enabled || connection.carrier !== carrier)
      throw this.unknownEndpoint(carrier, connectionId);
    return { connection, scheme, loadedAt };
  }

  /** 415 and 413 before the body is read, from the headers alone. */
  checkEnvelope(
    target: WebhookTarget,
    contentType: string | undefined,
    contentLength: string | undefined,
  ): void {
    const media = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!target.scheme.contentTypes.includes(media)) {
      webhooksReceived.inc({ carrier: target.connection.carrier, outcome: 'unsupported_media_type' });
      throw new UnsupportedMediaTypeError(
        `${target.connection.carrier} webhooks are ${target.scheme.contentTypes.join(' or ')}; got ${media || 'no Content-Type'}.`,
      );
    }
    if (contentLength !== undefined && Number(contentLength) > target.scheme.maxBodyBytes) {
      throw this.tooLarge(target);
    }
  }

  async receive(input: IncomingWebhook): Promise<AcceptedWebhook> {
    const { connection, scheme } = input.target;
    const carrier = connection.carrier;
    if (input.body.length > scheme.maxBodyBytes) throw this.tooLarge(input.target);
    const delivery: WebhookDelivery = {
      body: input.body,
      headers: flatten(input.headers),
      now: this.clock(),
    };
    let verdict = this.verify(connection, scheme, delivery, input.token);
    if (!verdict.ok && Date.now() - input.target.loadedAt > RELOAD_AFTER_MS) {
      // The secret may have been rotated in another process since the entry was cached.
      const fresh = (await this.connections.reload(connection.id)).connection;
      if (fresh?.enabled) verdict = this.verify(fresh, scheme, delivery, input.token);
    }
    if (!verdict.ok) {
      webhooksReceived.inc({ carrier, outcome: verdict.reason });
      this.logger.warn({ carrier, connectionId: connection.id, reason: verdict.reason }, 'webhook rejected');
      throw new WebhookRejectedError(verdict.reason, verdict.detail);
    }

    const eventId = scheme.eventId?.(delivery) ?? null;
    const written = await this.writer.insert({
      merchantId: connection.merchantId,
      connectionId: connection.id,
      carrier,
      body: input.body,
      contentType: delivery.headers['content-type'] ?? null,
      headers: kept(delivery, scheme),
      // The sender's event id where it has one, else the bytes: a repeat of either stores nothing.
      dedupeKey: eventId
        ? `event:${eventId}`
        : `sha256:${createHash('sha256').update(input.body).digest('hex')}`,
      verifiedBy: connection.webhookAuth,
    });
    if (written === null) {
      webhooksReceived.inc({ carrier, outcome: 'duplicate' });
      return { payloadId: null, duplicate: true, enqueued: false };
    }
    webhooksReceived.inc({ carrier, outcome: 'accepted' });
    const enqueued = await this.enqueuer.enqueueOne(written);
    return { payloadId: written.id, duplicate: false, enqueued };
  }

  private verify(
    connection: CarrierConnection,
    scheme: WebhookScheme,
    delivery: WebhookDelivery,
    token: string | undefined,
  ): WebhookVerdict {
    const secrets = connection.webhookSecrets.map((s) => s.secret);
    if (secrets.length === 0) {
      return {
        ok: false,
        reason: 'no_secret',
        detail: `This connection has no webhook secret yet: add the one ${scheme.secretIssuedBy === 'sender' ? 'the sender issued' : 'you gave the sender'} (POST /v1/carrier-connections/${connection.id}/webhook-secrets).`,
      };
    }
    if (connection.webhookAuth === 'url_token') {
      if (!token)
        return {
          ok: false,
          reason: 'missing_signature',
          detail: 'This webhook URL ends with its secret token.',
        };
      return equalsAnySecret(secrets, token)
        ? { ok: true }
        : { ok: false, reason: 'bad_signature', detail: 'The URL token does not match an active secret.' };
    }
    if (!scheme.verify) {
      return {
        ok: false,
        reason: 'no_secret',
        detail: 'This sender can only be authenticated by URL token.',
      };
    }
    return scheme.verify(delivery, secrets);
  }

  unknownEndpoint(carrier: string, connectionId: string): NotFoundError {
    webhooksReceived.inc({ carrier: getAdapter(carrier)?.code ?? 'unknown', outcome: 'unknown_connection' });
    return new NotFoundError(`Webhook endpoint /webhooks/${carrier}/${connectionId}`);
  }

  private tooLarge(target: WebhookTarget) {
    webhooksReceived.inc({ carrier: target.connection.carrier, outcome: 'payload_too_large' });
    return new PayloadTooLargeError(
      `${target.connection.carrier} webhook bodies are limited to ${target.scheme.maxBodyBytes} bytes.`,
    );
  }
}

function flatten(
  headers: Readonly<Record<string, string | string[] | undefined>>,
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** The headers worth keeping with the payload: what the sender signed with and how it named the delivery. */
function kept(delivery: WebhookDelivery, scheme: WebhookScheme): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['content-type', ...scheme.keepHeaders]) {
    const v = delivery.headers[name];
    if (v !== undefined) out[name] = v.slice(0, 2000);
  }
  return out;
}
