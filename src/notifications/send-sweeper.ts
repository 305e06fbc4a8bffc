import type { SendQueues } from '../queue/send-queues.js';
import type { WebhooksRepository } from '../webhooks/webhooks.repository.js';
import type { NotificationsRepository } from './notifications.repository.js';

// Sends whose job Redis lost (or never got: the relay committed, then Redis was away), and sends whose
// sender died holding them, are queued again from their rows; rows whose job still waits are left to it.

const LIMIT = 5000;

export class SendSweeper {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly webhooks: WebhooksRepository,
    private readonly queues: SendQueues,
  ) {}

  async sweep(afterMs: number): Promise<{ messages: number; deliveries: number }> {
    const messages = await this.notifications.stranded(afterMs, LIMIT);
    const deliveries = await this.webhooks.stranded(afterMs, LIMIT);
    const now = new Date();
    // Held for an endpoint that is enabled again (a resume that raced a relay holding its events): released.
    const released = await this.webhooks.releaseStrandedHeld(afterMs, LIMIT);
    await this.queues.addWebhooks(
      released.map((d) => ({ id: d.id, attempts: d.attempts, at: now })),
      'released',
    );
    return {
      messages: await this.queues.requeueNotifications(messages.map((m) => ({ ...m, at: now }))),
      deliveries:
        released.length +
        (await this.queues.requeueWebhooks(
          deliveries.map((d) => ({ id: d.id, attempts: d.attempts, at: now, abandoned: d.abandoned })),
        )),
    };
  }
}
