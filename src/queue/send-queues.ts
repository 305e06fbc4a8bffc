import { createHash } from 'node:crypto';
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
  /** For the sweeper: held by a sender that died (its lease ran out), so in no job that waits. */
  abandoned?: boolean;
}

const CHUNK = 1000;
/** Rows one job sends together: one claim, one read, their sends side by side. */
const SEND_BATCH = 50;

type Job = { name: string; data: SendJobData; opts: { jobId: string; delay?: number } };
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

  /**
   * Rows due now go in jobs of up to SEND_BATCH, sent together; the others one job each, delayed to their
   * time. `tag` marks a second job for the same attempt (one that came early, a replay, a resume).
   */
  async addNotifications(work: readonly SendWork[], tag?: string): Promise<void> {
    await this.addBatched(this.notifications, 'n', work, tag);
  }

  async addWebhooks(work: readonly SendWork[], tag?: string): Promise<void> {
    await this.addBatched(this.webhooks, 'd', work, tag);
  }

  private async addBatched(
    queue: Queue<SendJobData> | null,
    kind: string,
    work: readonly SendWork[],
    tag?: string,
  ): Promise<void> {
    const now = Date.now();
    const due = work.filter((w) => w.at.getTime() <= now);
    const later = work.filter((w) => w.at.getTime() > now);
    const batches: Job[] = [];
    for (let i = 0; i < due.length; i += SEND_BATCH) {
      const part = due.slice(i, i + SEND_BATCH);
      // Named by what it holds: the same rows and attempts queued twice are one job.
      const key = createHash('sha256')
        .update(`${tag ? `${tag}@${now}` : ''}|${part.map((w) => `${w.id}:${w.attempts}`).join(',')}`)
        .digest('base64url')
        .slice(0, 22);
      batches.push({
        name: 'send',
        data: { ids: part.map((w) => String(w.id)) },
        opts: { jobId: `${kind}b-${key}` },
      });
    }
    await this.submit(queue, batches, due.length);
    await this.add(queue, kind, later, tag);
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
    // Rows wait in batch jobs named by their content, which a row cannot be looked up by: while the queue has
    // jobs waiting, late pending rows are taken to be among them (a backlog) and left for it. Rows a dead
    // sender held are in no waiting job, and always go again.
    const busy = await queue.getJobCounts('waiting', 'prioritized', 'active');
    const backlog = Object.values(busy).some((n) => n > 0);
    const lost: SendWork[] = [];
    for (const w of work) {
      if (backlog && !w.abandoned) continue;
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
    const now = Date.now();
    const jobs = work.map((w) => ({
      name: 'send',
      data: { id: String(w.id) },
      opts: {
        jobId: `${kind}-${w.id}-${w.attempts}${tag ? `-${tag}-${w.at.getTime()}` : ''}`,
        delay: Math.max(0, w.at.getTime() - now),
      },
    }));
    await this.submit(queue, jobs, work.length);
  }

  private async submit(queue: Queue<SendJobData> | null, jobs: readonly Job[], rows: number): Promise<void> {
    if (!queue || jobs.length === 0) return;
    try {
      for (let i = 0; i < jobs.length; i += CHUNK) await queue.addBulk(jobs.slice(i, i + CHUNK));
    } catch (err) {
      this.logger.warn({ err, queue: queue.name, rows }, 'could not queue sends; the sweeper will');
    }
  }

  async close(): Promise<void> {
    await Promise.all(
      [this.notifications?.close(), this.webhooks?.close()].map((p) => p?.catch(() => undefined)),
    );
  }
}
