import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import { Coalescer } from '../lib/coalescer.js';
import type { SecretBox } from '../lib/secret-box.js';
import { webhookDeliveries } from '../metrics.js';
import type { EmailSender } from '../notifications/channels/email.js';
import type { NotificationsRepository } from '../notifications/notifications.repository.js';
import { backoff } from '../notifications/sender.service.js';
import { readSettings } from '../notifications/settings.js';
import type { SendQueues } from '../queue/send-queues.js';
import type { UrlPolicy } from './ssrf.js';
import { deliverWebhook } from './webhook-client.js';
import type { ClaimedDelivery, WebhooksRepository } from './webhooks.repository.js';

// Delivers one event to one merchant endpoint (Standard Webhooks: the event id is the webhook-id, so a
// receiver collapses a delivery that arrives twice). Any 2xx is delivered; 410 Gone disables the endpoint;
// another 4xx fails the delivery (replay sends it again); 5xx, 408, 429, redirects, timeouts and refused
// connections retry with exponential back-off and jitter until the retry window (about three days) is spent,
// then the delivery fails, the endpoint is disabled, and the merchant is told.

export interface DeliveryOptions {
  timeoutMs: number;
  retryBaseMs: number;
  retryMaxDelayMs: number;
  retryWindowMs: number;
  leaseMs: number;
  policy: UrlPolicy;
  defaultFrom: string;
}

export type DeliveryOutcome = 'delivered' | 'retry' | 'failed' | 'disabled' | 'held' | 'not_due';

/** A 4xx is the receiver's verdict on this request; 408, 425 and 429 only ask to come back later. */
function isRefusal(status: number): boolean {
  return status >= 400 && status < 500 && ![408, 425, 429].includes(status);
}

/** The body merchants receive: the event, its type, its place in its subject's sequence, and the facts. */
export function eventBody(event: ClaimedDelivery['event']): Record<string, unknown> {
  return {
    id: event.eventId,
    type: event.topic,
    sequence: event.sequence,
    createdAt: event.createdAt.toISOString(),
    data: event.payload,
  };
}

export class WebhookDeliveryService {
  constructor(
    private readonly repo: WebhooksRepository,
    private readonly merchants: NotificationsRepository,
    private readonly box: SecretBox,
    private readonly dispatcher: Dispatcher,
    private readonly queues: SendQueues,
    private readonly email: EmailSender | null,
    private readonly options: DeliveryOptions,
    private readonly logger: Logger,
  ) {}

  /** Delivers a batch side by side: one claim, one read of endpoints and events, delivered rows written in a few statements. */
  async deliver(ids: readonly number[], now = new Date()): Promise<Map<number, DeliveryOutcome>> {
    const outcomes = new Map<number, DeliveryOutcome>(ids.map((id) => [id, 'not_due']));
    const claimed = await this.repo.claim(ids, this.options.leaseMs);
    if (claimed.length < ids.length) {
      // Jobs that came early (clocks of hosts differ) are queued again for the rows' time.
      const taken = new Set(claimed.map((d) => d.id));
      const later = await this.repo.dueLater(ids.filter((id) => !taken.has(id)));
      await this.queues.addWebhooks(
        later.map((d) => ({ id: d.id, attempts: d.attempts, at: d.nextAttemptAt })),
        'early',
      );
    }
    // Retried while the claim surely holds (see the notification sender): a late record beats a resend.
    const delivered = new Coalescer<{ id: number; attempts: number; status: number }>(
      (batch) => this.repo.deliveredMany(batch),
      this.options.leaseMs * 0.6,
    );
    await Promise.all(
      claimed.map(async (d) => {
        const outcome = await this.deliverOne(d, now, delivered);
        outcomes.set(d.id, outcome);
        webhookDeliveries.inc({ outcome });
      }),
    );
    await delivered.settled();
    return outcomes;
  }

  private async deliverOne(
    d: ClaimedDelivery,
    now: Date,
    delivered: Coalescer<{ id: number; attempts: number; status: number }>,
  ): Promise<DeliveryOutcome> {
    if (d.endpoint.state !== 'enabled') {
      await this.repo.hold(d);
      return 'held';
    }
    const outcome = await deliverWebhook(
      {
        url: d.endpoint.url,
        secret: this.box.open(d.endpoint.secretEncrypted),
        eventId: d.event.eventId,
        timestamp: now,
        body: Buffer.from(JSON.stringify(eventBody(d.event))),
      },
      { policy: this.options.policy, dispatcher: this.dispatcher, timeoutMs: this.options.timeoutMs },
    );
    switch (outcome.kind) {
      case 'delivered':
        delivered.push({ id: d.id, attempts: d.attempts, status: outcome.status });
        return 'delivered';
      case 'gone':
        await this.repo.failed(d, 410, 'the endpoint answered 410 Gone');
        await this.disable(d, 'the endpoint answered 410 Gone');
        return 'disabled';
      default: {
        const status = outcome.kind === 'retry' ? outcome.status : null;
        const reason = outcome.kind === 'refused' ? `refused: ${outcome.reason}` : outcome.reason;
        const failingSince = await this.repo.endpointFailing(d.endpointId);
        // An endpoint none of whose deliveries got through for the retry window is disabled and its merchant
        // told. Learnt from a refusal once the endpoint has failed that long, or from a delivery that spent its
        // own window with nothing getting through since it began.
        const failingMs = failingSince === null ? 0 : now.getTime() - failingSince.getTime();
        const failingAllAlong =
          failingSince !== null &&
          failingSince.getTime() <= d.createdAt.getTime() + 0.1 * this.options.retryWindowMs;
        if (status !== null && isRefusal(status)) {
          const hopeless = failingMs >= this.options.retryWindowMs;
          // The endpoint understood and said no: the same request would get the same answer. The event is
          // kept, and a replay sends it again once the endpoint is fixed.
          await this.repo.failed(d, status, reason);
          if (hopeless)
            await this.disable(d, `deliveries kept failing for the whole retry window (last: ${reason})`);
          return hopeless ? 'disabled' : 'failed';
        }
        const delay = Math.min(
          (outcome.kind === 'retry' ? outcome.retryAfterMs : null) ??
            backoff(this.options.retryBaseMs, d.attempts),
          this.options.retryMaxDelayMs,
        );
        if (now.getTime() + delay - d.createdAt.getTime() > this.options.retryWindowMs) {
          const hopeless = failingAllAlong;
          await this.repo.failed(d, status, `gave up after ${d.attempts} attempts: ${reason}`);
          if (hopeless)
            await this.disable(d, `deliveries kept failing for the whole retry window (last: ${reason})`);
          return hopeless ? 'disabled' : 'failed';
        }
        const at = new Date(Date.now() + delay);
        await this.repo.retry(d, at, status, reason);
        await this.queues.addWebhooks([{ id: d.id, attempts: d.attempts, at }]);
        return 'retry';
      }
    }
  }

  /** Disables the endpoint, holds what waits for it, and tells the merchant where they asked to be told. */
  private async disable(d: ClaimedDelivery, reason: string): Promise<void> {
    const endpoint = await this.repo.setState(d.endpointId, 'disabled', reason);
    await this.repo.holdPending(d.endpointId);
    this.logger.warn(
      { endpoint: d.endpointId, merchant: d.merchantId, reason },
      'merchant webhook endpoint disabled',
    );
    const merchant = (await this.merchants.merchants([d.merchantId])).get(d.merchantId);
    if (!merchant || !endpoint) return;
    const settings = readSettings(merchant.settings, merchant.defaultLocale);
    if (!settings.operationsEmail || !this.email) return;
    const text = [
      `wismo disabled your webhook endpoint ${endpoint.url} (${endpoint.id}):`,
      reason,
      '',
      'Events for it are kept and held. Once the endpoint answers again, resume it with',
      `POST /v1/webhook-endpoints/${endpoint.id}/resume; held events are then sent. The events whose`,
      'deliveries failed are listed by GET …/deliveries?status=failed; send them again with',
      `POST /v1/webhook-endpoints/${endpoint.id}/replay.`,
    ].join('\n');
    try {
      await this.email.send({
        messageId: `endpoint-disabled-${endpoint.id}-${endpoint.updatedAt.getTime()}@wismo`,
        from: { name: 'wismo', address: this.options.defaultFrom },
        replyTo: null,
        to: settings.operationsEmail,
        subject: `Webhook endpoint disabled: ${endpoint.url}`.slice(0, 200),
        text,
        html: `<pre>${text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c)}</pre>`,
      });
    } catch (err) {
      this.logger.warn(
        { err, endpoint: endpoint.id },
        'could not tell the merchant about a disabled endpoint',
      );
    }
  }
}
