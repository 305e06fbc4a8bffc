import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { PollJobSink } from '../polling/scheduler.js';
import { type PollJobData, pollQueue } from './queues.js';

// The producers of the per-carrier poll queues, opened as the scheduler first needs each.

const ADD_CHUNK = 1000;

export class PollQueues implements PollJobSink {
  private readonly queues = new Map<string, Queue<PollJobData>>();

  constructor(
    private readonly connection: Redis | null,
    private readonly prefix: string,
  ) {}

  queue(carrier: string): Queue<PollJobData> {
    if (!this.connection) throw new Error('poll queues need Redis');
    let q = this.queues.get(carrier);
    if (!q) {
      q = pollQueue(this.connection, this.prefix, carrier);
      // The shared connection already logs its errors.
      q.on('error', () => undefined);
      this.queues.set(carrier, q);
    }
    return q;
  }

  ready(): boolean {
    return this.connection?.status === 'ready';
  }

  async backlog(carrier: string): Promise<number> {
    const counts = await this.queue(carrier).getJobCounts('waiting', 'prioritized', 'delayed');
    return Object.values(counts).reduce((n, c) => n + c, 0);
  }

  async add(carrier: string, jobs: { id: string; data: PollJobData }[]): Promise<void> {
    const q = this.queue(carrier);
    for (let i = 0; i < jobs.length; i += ADD_CHUNK) {
      await q.addBulk(
        jobs.slice(i, i + ADD_CHUNK).map((j) => ({ name: 'poll', data: j.data, opts: { jobId: j.id } })),
      );
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
  }
}
