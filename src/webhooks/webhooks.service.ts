import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { BadRequestError, NotFoundError } from '../errors.js';
import type { SecretBox } from '../lib/secret-box.js';
import type { SendQueues } from '../queue/send-queues.js';
import { checkWebhookUrl, HostLookupError, type LookupFn, UnsafeUrlError, type UrlPolicy } from './ssrf.js';
import type { EndpointRow, WebhooksRepository } from './webhooks.repository.js';
import type {
  CreateEndpointBody,
  DeliveriesQuery,
  DeliveryView,
  EndpointView,
  ReplayBody,
  UpdateEndpointBody,
} from './webhooks.schemas.js';

// Merchant webhook endpoints: registration (the URL checked against private addresses), pause and resume,
// secret rotation, the delivery log, and replay of one event or a time range.

const REPLAY_LIMIT = 10_000;

function view(row: EndpointRow, secret?: string): z.infer<typeof EndpointView> {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes,
    state: row.state,
    stateReason: row.stateReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ...(secret ? { secret } : {}),
  };
}

const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

export class WebhookEndpointsService {
  constructor(
    private readonly repo: WebhooksRepository,
    private readonly box: SecretBox,
    private readonly queues: SendQueues,
    private readonly policy: UrlPolicy,
    private readonly lookup?: LookupFn,
  ) {}

  async create(merchantId: string, body: z.infer<typeof CreateEndpointBody>) {
    await this.checkUrl(body.url);
    const secret = newSecret();
    const row = await this.repo.createEndpoint({
      merchantId,
      url: body.url,
      description: body.description ?? '',
      secretEncrypted: this.box.seal(secret),
      eventTypes: [...new Set(body.eventTypes ?? [])],
    });
    return view(row, secret);
  }

  async list(merchantId: string) {
    return (await this.repo.endpoints([merchantId])).map((r) => view(r));
  }

  async get(merchantId: string, id: string) {
    return view(await this.find(merchantId, id));
  }

  async update(merchantId: string, id: string, body: z.infer<typeof UpdateEndpointBody>) {
    if (body.url !== undefined) await this.checkUrl(body.url);
    const row = await this.repo.updateEndpoint(merchantId, id, {
      ...(body.url !== undefined ? { url: body.url } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(body.eventTypes !== undefined ? { event_types: [...new Set(body.eventTypes)] } : {}),
    });
    if (!row) throw new NotFoundError(`Webhook endpoint ${id}`);
    return view(row);
  }

  async rotateSecret(merchantId: string, id: string) {
    const secret = newSecret();
    const row = await this.repo.updateEndpoint(merchantId, id, { secret_encrypted: this.box.seal(secret) });
    if (!row) throw new NotFoundError(`Webhook endpoint ${id}`);
    return view(row, secret);
  }

  async remove(merchantId: string, id: string): Promise<void> {
    if (!(await this.repo.deleteEndpoint(merchantId, id))) throw new NotFoundError(`Webhook endpoint ${id}`);
  }

  /** Deliveries wait (held) until resume; nothing is lost. */
  async pause(merchantId: string, id: string) {
    const endpoint = await this.find(merchantId, id);
    const row = await this.repo.setState(endpoint.id, 'paused', 'paused by the merchant');
    await this.repo.holdPending(endpoint.id);
    return view(row ?? endpoint);
  }

  /** Enables a paused or disabled endpoint and sends what was held for it, oldest first. */
  async resume(merchantId: string, id: string) {
    const endpoint = await this.find(merchantId, id);
    // The address may have changed since it was registered.
    await this.checkUrl(endpoint.url);
    const row = await this.repo.setState(endpoint.id, 'enabled', null);
    const released = await this.repo.releaseHeld(endpoint.id);
    await this.queues.addWebhooks(
      released.map((d) => ({ id: d.id, attempts: d.attempts, at: d.nextAttemptAt })),
      'resume',
    );
    return view(row ?? endpoint);
  }

  async replay(
    merchantId: string,
    id: string,
    body: z.infer<typeof ReplayBody>,
  ): Promise<{ queued: number; more: boolean }> {
    const hasRange = body.from !== undefined || body.to !== undefined;
    if (body.eventId === undefined && !hasRange) {
      throw new BadRequestError('Name an event or a time range to replay.', [
        { in: 'body', field: 'eventId', reason: 'give eventId, or from and/or to' },
      ]);
    }
    if (body.eventId !== undefined && hasRange) {
      throw new BadRequestError('Replay one event or a time range, not both.', [
        { in: 'body', field: 'eventId', reason: 'cannot be combined with from/to' },
      ]);
    }
    const from = body.from ? new Date(body.from) : undefined;
    const to = body.to ? new Date(body.to) : undefined;
    if (from && to && from >= to) {
      throw new BadRequestError('The range is empty.', [
        { in: 'body', field: 'to', reason: 'must be after from' },
      ]);
    }
    const endpoint = await this.find(merchantId, id);
    const { work, matched, more } = await this.repo.replay(
      merchantId,
      endpoint,
      { eventId: body.eventId, from, to },
      REPLAY_LIMIT,
    );
    if (body.eventId && matched === 0) {
      throw new NotFoundError(`Event ${body.eventId} (of a type this endpoint receives)`);
    }
    await this.queues.addWebhooks(
      work.map((d) => ({ id: d.id, attempts: d.attempts, at: d.nextAttemptAt })),
      'replay',
    );
    return { queued: work.length, more };
  }

  async deliveries(
    merchantId: string,
    id: string,
    q: z.infer<typeof DeliveriesQuery>,
  ): Promise<z.infer<typeof DeliveryView>[]> {
    await this.find(merchantId, id);
    const rows = await this.repo.deliveries(merchantId, id, {
      status: q.status,
      limit: q.limit,
      beforeId: q.before,
    });
    return rows.map((r) => ({
      id: r.id,
      eventId: r.eventId,
      type: r.topic,
      status: r.status,
      attempts: r.attempts,
      nextAttemptAt: r.nextAttemptAt.toISOString(),
      lastStatusCode: r.lastStatusCode,
      lastError: r.lastError,
      createdAt: r.createdAt.toISOString(),
      deliveredAt: r.deliveredAt?.toISOString() ?? null,
    }));
  }

  private async find(merchantId: string, id: string): Promise<EndpointRow> {
    const row = await this.repo.endpoint(merchantId, id);
    if (!row) throw new NotFoundError(`Webhook endpoint ${id}`);
    return row;
  }

  private async checkUrl(url: string): Promise<void> {
    try {
      await checkWebhookUrl(url, this.policy, this.lookup);
    } catch (err) {
      if (err instanceof UnsafeUrlError || err instanceof HostLookupError) {
        throw new BadRequestError(`The webhook URL is refused: ${err.reason}.`, [
          { in: 'body', field: 'url', reason: err.reason },
        ]);
      }
      throw err;
    }
  }
}
