import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import type { SendQueues } from '../queue/send-queues.js';
import type { WebhooksRepository } from '../webhooks/webhooks.repository.js';
import type { NotificationsRepository, RelayedEvent } from './notifications.repository.js';
import { type PlannedMessage, planMessages } from './plan.js';
import { resolveLocale } from './render/index.js';
import { readSettings } from './settings.js';

// The outbox relay (DESIGN.md, Reliability). Each outbox row is an event: in one transaction of its own the
// relay writes the shopper messages it causes (per the merchant's settings) and a delivery to each of the
// merchant's webhook endpoints, and marks the row relayed; after commit it queues the sends. A relay that
// dies before commit leaves the row for the next; one that dies after commit leaves rows the sweeper queues.
// Unique keys on messages and deliveries make relaying the same event twice write nothing new.

export interface RelayResult {
  events: number;
  messages: number;
  deliveries: number;
}

export class OutboxRelay {
  constructor(
    private readonly db: Database,
    private readonly notifications: NotificationsRepository,
    private readonly webhooks: WebhooksRepository,
    private readonly queues: SendQueues,
    private readonly logger: Logger,
    private readonly batch: number,
  ) {}

  async relay(now = new Date()): Promise<RelayResult> {
    const { events, messages, deliveries } = await this.db.transaction().execute(async (trx) => {
      const repo = this.notifications.with(trx);
      const events = await repo.claimOutbox(this.batch);
      if (events.length === 0) return { events, messages: [], deliveries: [] };
      const merchantIds = [...new Set(events.map((e) => e.merchantId))];
      const [contacts, merchants, endpoints] = await Promise.all([
        repo.contacts(events.flatMap((e) => orderIdOf(e) ?? [])),
        repo.merchants(merchantIds),
        this.webhooks.with(trx).endpoints(merchantIds),
      ]);
      const planned: (PlannedMessage & { merchantId: string })[] = [];
      const wanted: { merchantId: string; endpointId: string; outboxId: number; held: boolean }[] = [];
      for (const event of events) {
        const merchant = merchants.get(event.merchantId);
        const contact = contacts.get(orderIdOf(event) ?? '');
        if (merchant && contact && contact.merchantId === event.merchantId) {
          const settings = readSettings(merchant.settings, merchant.defaultLocale);
          const shopper = {
            orderId: contact.orderId,
            email: contact.email,
            phone: contact.phone,
            smsConsent: contact.smsConsent,
            locale: resolveLocale(contact.locale, settings.defaultLocale),
            timeZone: contact.timeZone ?? settings.timeZone,
          };
          for (const p of planMessages(event, settings, shopper, now)) {
            planned.push({ ...p, merchantId: event.merchantId });
          }
        }
        for (const e of endpoints) {
          if (e.merchantId !== event.merchantId) continue;
          if (e.eventTypes.length > 0 && !e.eventTypes.includes(event.topic)) continue;
          wanted.push({
            merchantId: e.merchantId,
            endpointId: e.id,
            outboxId: event.id,
            held: e.state !== 'enabled',
          });
        }
      }
      const messages = await repo.insert(planned);
      const deliveries = await this.webhooks.with(trx).insertDeliveries(wanted);
      await repo.markRelayed(events.map((e) => e.id));
      return { events, messages, deliveries };
    });
    await this.queues.addNotifications(
      messages.map((m) => ({ id: m.id, attempts: m.attempts, at: m.notBefore })),
    );
    await this.queues.addWebhooks(
      deliveries.map((d) => ({ id: d.id, attempts: d.attempts, at: d.nextAttemptAt })),
    );
    if (events.length > 0) {
      this.logger.debug(
        { events: events.length, messages: messages.length, deliveries: deliveries.length },
        'outbox relayed',
      );
    }
    return { events: events.length, messages: messages.length, deliveries: deliveries.length };
  }
}

function orderIdOf(event: RelayedEvent): string | null {
  const id = event.payload.orderId;
  return typeof id === 'string' ? id : null;
}
