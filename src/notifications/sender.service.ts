import type { Logger } from 'pino';
import { getAdapter } from '../carriers/registry.js';
import { Coalescer } from '../lib/coalescer.js';
import { notificationOutcomes } from '../metrics.js';
import type { SendQueues } from '../queue/send-queues.js';
import type { TrackingLinks } from '../tracking-page/links.js';
import type { EmailSender } from './channels/email.js';
import { PermanentSendError, TransientSendError } from './channels/errors.js';
import type { SmsSender } from './channels/sms.js';
import {
  contextKey,
  type MessageContext,
  type MessageContextRepository,
} from './message-context.repository.js';
import type { Locale, MessageFacts, Milestone } from './model.js';
import type { ClaimedMessage, NotificationsRepository } from './notifications.repository.js';
import { afterQuietHours } from './quiet-hours.js';
import { renderEmail, renderSms } from './render/index.js';
import { type NotificationSettings, readSettings } from './settings.js';
import { staleReason } from './staleness.js';

// Sends one shopper message: claims its row, checks it against the present (skipped when stale), holds an
// SMS out of the shopper's quiet hours, renders it from the latest facts and hands it to its channel. A
// passing failure re-dates the row and queues the next attempt; a permanent one records why and stops.
// Anything else (Postgres away) throws: the job retries, and the row's lease lets a later claim take over.

type SentMark = { id: string; attempts: number; providerId: string; subjectLine: string | null };

export type SendOutcome = 'sent' | 'skipped' | 'failed' | 'retry' | 'held' | 'not_due';

export interface SenderOptions {
  defaultFrom: string;
  maxAttempts: number;
  retryBaseMs: number;
  leaseMs: number;
}

export class NotificationSender {
  constructor(
    private readonly repo: NotificationsRepository,
    private readonly contexts: MessageContextRepository,
    private readonly links: TrackingLinks,
    /** Null where the deployment has no such channel (production without SMTP_URL, or without an SMS provider). */
    private readonly email: EmailSender | null,
    private readonly sms: SmsSender | null,
    private readonly queues: SendQueues,
    private readonly options: SenderOptions,
    private readonly logger: Logger,
  ) {}

  /**
   * Sends a batch of messages (the relay queues the messages of one relay together): one claim, one read of
   * their orders and parcels, the sends side by side through the channels' pools, one write of the sent.
   */
  async send(ids: readonly string[], now = new Date()): Promise<Map<string, SendOutcome>> {
    const outcomes = new Map<string, SendOutcome>(ids.map((id) => [id, 'not_due']));
    const claimed = await this.repo.claim(ids, this.options.leaseMs);
    if (claimed.length < ids.length) {
      // Jobs that came early (clocks of hosts differ) are queued again for the rows' time.
      const taken = new Set(claimed.map((m) => m.id));
      const later = await this.repo.dueLater(ids.filter((id) => !taken.has(id)));
      await this.queues.addNotifications(
        later.map((d) => ({ id: d.id, attempts: d.attempts, at: d.notBefore })),
        'early',
      );
    }
    if (claimed.length === 0) return outcomes;
    // The leases are renewed while this process lives: only a sender that died lets a message go to another.
    const heartbeat = setInterval(
      () =>
        void this.repo
          .extendLeases(
            claimed.map((m) => m.id),
            this.options.leaseMs,
          )
          .catch(() => undefined),
      Math.max(this.options.leaseMs / 3, 100),
    );
    try {
      const contexts = await this.contexts.loadMany(claimed);
      // Retried while the claim surely holds: the heartbeat renews the lease every third of it, so 0.6 of a
      // lease after a failure is still inside the lease last renewed before it.
      const sent = new Coalescer<SentMark>((batch) => this.repo.sentMany(batch), this.options.leaseMs * 0.6);
      await Promise.all(
        claimed.map(async (m) => {
          const outcome = await this.sendOne(m, contexts.get(contextKey(m.orderId, m.shipmentId)), now, sent);
          outcomes.set(m.id, outcome);
          notificationOutcomes.inc({ channel: m.channel, outcome });
        }),
      );
      await sent.settled();
      return outcomes;
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async sendOne(
    m: ClaimedMessage,
    ctx: MessageContext | undefined,
    now: Date,
    sent: Coalescer<SentMark>,
  ): Promise<SendOutcome> {
    if (m.attempts > this.options.maxAttempts) {
      await this.repo.failed(m, `gave up after ${this.options.maxAttempts} attempts`);
      return 'failed';
    }
    if (!ctx) {
      await this.repo.skipped(m, 'the order or shipment no longer exists');
      return 'skipped';
    }
    const settings = readSettings(ctx.merchant.settings, ctx.merchant.defaultLocale);
    const stale = staleReason(m.milestone as Milestone, {
      status: ctx.shipment?.status ?? ctx.order.status,
      delayed: ctx.shipment?.delayed ?? ctx.order.status === 'delayed',
      cancelled: ctx.order.cancelled,
    });
    if (stale) {
      await this.repo.skipped(m, `stale: ${stale}`);
      return 'skipped';
    }
    if (m.channel === 'sms') {
      const release = afterQuietHours(now, m.timeZone, settings.quietHours);
      if (release > now) {
        await this.repo.later(m, release, { hold: 'quiet_hours', refundAttempt: true });
        // Tagged: after a retry, the plain id of this attempt is the job running now.
        await this.queues.addNotifications([{ id: m.id, attempts: m.attempts - 1, at: release }], 'held');
        return 'held';
      }
    }
    if ((m.channel === 'email' && !this.email) || (m.channel === 'sms' && !this.sms)) {
      await this.repo.skipped(
        m,
        `no ${m.channel === 'email' ? 'SMTP server' : 'SMS provider'} is configured`,
      );
      return 'skipped';
    }
    const facts = this.facts(m, ctx, settings, now);
    try {
      if (m.channel === 'email') {
        const mail = renderEmail(facts);
        const { providerId } = await (this.email as EmailSender).send({
          messageId: `${m.id}@wismo`,
          from: {
            name: settings.sender.name ?? ctx.merchant.name,
            address: settings.sender.email ?? this.options.defaultFrom,
          },
          replyTo: settings.sender.replyTo ?? settings.branding.supportEmail,
          to: m.recipient,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          headers: { 'X-Wismo-Notification': m.id },
        });
        sent.push({ id: m.id, attempts: m.attempts, providerId, subjectLine: mail.subject });
      } else {
        const { providerId } = await (this.sms as SmsSender).send({
          to: m.recipient,
          body: renderSms(facts),
          idempotencyKey: m.id,
          from: settings.sender.smsFrom,
        });
        sent.push({ id: m.id, attempts: m.attempts, providerId, subjectLine: null });
      }
      return 'sent';
    } catch (err) {
      if (err instanceof PermanentSendError) {
        await this.repo.failed(m, err.reason);
        this.logger.warn(
          { notification: m.id, channel: m.channel, reason: withoutRecipient(err.reason, m.recipient) },
          'message refused',
        );
        return 'failed';
      }
      if (!(err instanceof TransientSendError)) throw err;
      if (m.attempts >= this.options.maxAttempts) {
        await this.repo.failed(m, `gave up after ${m.attempts} attempts: ${err.reason}`);
        return 'failed';
      }
      const wait = err.retryAfterMs ?? backoff(this.options.retryBaseMs, m.attempts);
      const at = new Date(Date.now() + wait);
      await this.repo.later(m, at, { error: err.reason });
      await this.queues.addNotifications([{ id: m.id, attempts: m.attempts, at }]);
      this.logger.info(
        {
          notification: m.id,
          channel: m.channel,
          reason: withoutRecipient(err.reason, m.recipient),
          retryAt: at,
        },
        'send will be retried',
      );
      return 'retry';
    }
  }

  private facts(
    m: ClaimedMessage,
    ctx: MessageContext,
    settings: NotificationSettings,
    now: Date,
  ): MessageFacts {
    const s = ctx.shipment;
    const last = s?.lastCheckpoint ?? null;
    return {
      milestone: m.milestone as Milestone,
      locale: m.locale as Locale,
      timeZone: m.timeZone,
      merchant: {
        name: ctx.merchant.name,
        logoUrl: settings.branding.logoUrl,
        primaryColor: settings.branding.primaryColor,
        supportEmail: settings.branding.supportEmail,
        supportUrl: settings.branding.supportUrl,
      },
      shopperName: ctx.order.customerName,
      orderNumber: ctx.order.number,
      carrier: s ? { code: s.carrierCode, name: getAdapter(s.carrierCode)?.name ?? s.carrierCode } : null,
      trackingNumber: s?.trackingNumber ?? null,
      trackingUrl: this.links.url(m.orderId, now),
      // A passed estimate is the delay itself, not a new estimate to announce.
      edd: s?.delayReason === 'edd_passed' && m.milestone === 'delayed' ? null : (s?.edd ?? null),
      lastCheckpoint: last
        ? {
            at: last.at.toISOString(),
            text: last.text,
            city: last.location?.city ?? null,
            countryCode: last.location?.countryCode ?? null,
          }
        : null,
      delayReason: s?.delayReason ?? null,
      substatus: s?.substatus ?? null,
      parcel: settings.splitOrders === 'per_shipment' ? ctx.parcel : null,
      items: ctx.order.items.map((i) => ({ name: i.name, quantity: i.quantity })),
    };
  }
}

/** Providers quote the address they refused; logs never hold shopper contacts. */
function withoutRecipient(reason: string, recipient: string): string {
  return recipient ? reason.replaceAll(recipient, '[recipient]') : reason;
}

/** base × 2^(n−1), ±25 % jitter so a provider's recovery is not met by every retry at once. */
export function backoff(baseMs: number, attempt: number): number {
  const exp = baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 20);
  return Math.round(exp * (0.75 + Math.random() * 0.5));
}
