import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { QUEUES, type SendJobData, sendQueue } from './queues.js';

// Producers of the send queues. Job ids name the row and its attempt: queueing the same attempt twice (the
// relay and the sweeper, two sweepers) is one job, and the next attempt is a new one. A failure to queue is
// logged, not thrown: the row is committed, and the sweeper queues it when Redis is back.

export interface SendWork {
  id: string | number;
  attempts: number;
  /** When it may go; later than now queues a delayed job. */
  at: Date;
}

const CHUNK = 1000;
const LIVE: readonly string[] = ['waiting', 'delayed', 'active', 'prioritized', 'waiting-children'];

export class SendQueues {
  private readonly notifications: Queue<SendJobData> | null;
  private readonly webhooks: Queue<SendJobData> | null;

  constructor(
    connection: Redis | null,
    prefix: string,
    private readonly logger: Logger,
  ) {
    this.notifications = connection ? sendQueue(QUEUES.notifications, connection, prefix) : null;
    this.webhooks = connection ? sendQueue(QUEUES.merchantWebhooks, connection, prefix) : null;
    this.notifications?.on('error', () => undefined);
    this.webhooks?.on('error', () => undefined);
  }

  /** `tag` marks a second job for the same attempt (one that came early and asks again for later). */
  async addNotifications(work: readonly SendWork[], tag?: string): Promise<void> {
    await this.add(this.notifications, 'n', work, tag);
  }

  async addWebhooks(work: readonly SendWork[], tag?: string): Promise<void> {
    await this.add(this.webhooks, 'd', work, tag);
  }

  /**
   * For the sweeper: queues rows again unless their job is still waiting or running. A job that finished
   * without settling its row (it ran a moment early, or Redis lost its result) is replaced under a new id.
   */
  async requeueNotifications(work: readonly SendWork[]): Promise<number> {
    return this.requeue(this.notifications, 'n', work);
  }

  async requeueWebhooks(work: readonly SendWork[]): Promise<number> {
    return this.requeue(this.webhooks, 'd', work);
  }

  private async requeue(
    queue: Queue<SendJobData> | null,
    kind: string,
    work: readonly SendWork[],
  ): Promise<number> {
    if (!queue || work.length === 0) return 0;
    const lost: SendWork[] = [];
    for (const w of work) {
      const job = await queue.getJob(`${kind}-${w.id}-${w.attempts}`);
      const state = job ? await job.getState() : 'unknown';
      if (!LIVE.includes(state)) lost.push(w);
    }
    await queue.addBulk(
      lost.map((w) => ({
        name: 'send',
        data: { id: String(w.id) },
        opts: { jobId: `${kind}-${w.id}-${w.attempts}-swept-${Date.now()}` },
      })),
    );
    return lost.length;
  }

  private async add(
    queue: Queue<SendJobData> | null,
    kind: string,
    work: readonly SendWork[],
    tag?: string,
  ): Promise<void> {
    if (!queue || work.length === 0) return;
    const now = Date.now();
    try {
      for (let i = 0; i < work.length; i += CHUNK) {
        await queue.addBulk(
          work.slice(i, i + CHUNK).map((w) => ({
            name: 'send',
            data: { id: String(w.id) },
            opts: {
              jobId: `${kind}-${w.id}-${w.attempts}${tag ? `-${tag}-${w.at.getTime()}` : ''}`,
              delay: Math.max(0, w.at.getTime() - now),
            },
          })),
        );
      }
    } catch (err) {
      this.logger.warn(
        { err, queue: queue.name, rows: work.length },
        'could not queue sends; the sweeper will',
      );
    }
  }

  async close(): Promise<void> {
    await Promise.all(
      [this.notifications?.close(), this.webhooks?.close()].map((p) => p?.catch(() => undefined)),
    );
  }
}
