import type { Queue } from 'bullmq';
import DataLoader from 'dataloader';
import type { Logger } from 'pino';
import type { NormalizeJob, NormalizeJobData } from './queues.js';

// Hands stored payloads to the normalize workers. Best effort by design: the payloads are already committed,
// so when Redis is slow or away the caller carries on and the sweeper (RawPayloadsService.sweep) queues them
// later under the same job ids. Payloads queued one by one in the same tick (webhooks committed together)
// share one addBulk: one round trip to Redis for the lot.

export interface QueuedPayload {
  id: number;
  /** The job key stored with the payload. */
  jobKey: string;
}

export class NormalizeEnqueuer {
  constructor(
    private readonly queue: Queue<NormalizeJobData> | null,
    private readonly logger: Logger,
    /** False while the Redis connection is down: the attempt is skipped rather than left waiting. */
    private readonly ready: () => boolean = () => true,
    private readonly timeoutMs = 1_000,
  ) {}

  private readonly singles = new DataLoader<QueuedPayload, boolean, number>(
    async (payloads) => {
      const ok = await this.enqueue(groupByJob(payloads));
      return payloads.map(() => ok);
    },
    { cache: false, maxBatchSize: 1000, cacheKeyFn: (p) => p.id },
  );

  /** One payload, batched with the others queued in the same tick. True when its job reached Redis. */
  enqueueOne(payload: QueuedPayload): Promise<boolean> {
    return this.singles.load(payload);
  }

  /** True when every job reached Redis. */
  async enqueue(jobs: readonly NormalizeJob[]): Promise<boolean> {
    if (jobs.length === 0) return true;
    const payloads = jobs.reduce((n, j) => n + j.payloadIds.length, 0);
    if (!this.queue || !this.ready()) {
      this.warn({ payloads }, 'queue unavailable; the sweeper will enqueue the payloads');
      return false;
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.queue.addBulk(
          jobs.map((j) => ({
            name: 'normalize',
            data: { payloadIds: j.payloadIds },
            opts: { jobId: j.key },
          })),
        ),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`enqueue timed out after ${this.timeoutMs} ms`)),
            this.timeoutMs,
          );
        }),
      ]);
      return true;
    } catch (err) {
      this.warn(
        { err: { message: (err as Error).message }, payloads },
        'could not enqueue normalize jobs; the sweeper will',
      );
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * What Redis holds of these jobs: 'unknown' for a job it does not hold (never arrived, or removed after
   * failing), else its BullMQ state. Null when the queue cannot be asked.
   */
  async jobStates(keys: readonly string[]): Promise<string[] | null> {
    if (!this.queue || !this.ready()) return null;
    const queue = this.queue;
    try {
      return await Promise.all(keys.map((k) => queue.getJobState(k)));
    } catch (err) {
      this.warn({ err: { message: (err as Error).message } }, 'could not read normalize job states');
      return null;
    }
  }

  private warnedAt = 0;

  /** One line per 10 s at most: during an outage every request would otherwise log one. */
  private warn(fields: Record<string, unknown>, message: string): void {
    if (Date.now() - this.warnedAt < 10_000) return;
    this.warnedAt = Date.now();
    this.logger.warn(fields, message);
  }
}

/** Payloads grouped into the jobs their keys name, in first-seen order. */
export function groupByJob(payloads: readonly QueuedPayload[]): NormalizeJob[] {
  const jobs = new Map<string, NormalizeJob>();
  for (const p of payloads) {
    const job = jobs.get(p.jobKey);
    if (job) job.payloadIds.push(p.id);
    else jobs.set(p.jobKey, { key: p.jobKey, payloadIds: [p.id] });
  }
  return [...jobs.values()];
}
