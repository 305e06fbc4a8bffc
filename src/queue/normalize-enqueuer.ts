import type { Queue } from 'bullmq';
import DataLoader from 'dataloader';
import type { Logger } from 'pino';
import { NORMALIZE_JOB_PAYLOADS, type NormalizeJobData, normalizeJobId, type PayloadRef } from './queues.js';

// Hands stored payloads to the normalize workers. Best effort by design: the payload is already committed,
// so when Redis is slow or away the caller carries on and the sweeper (src/intake/sweeper.ts) enqueues it
// later. Job ids are deterministic, so an enqueue repeated by the sweeper is the same job. Single payloads
// enqueued together (webhooks arriving at once) share one addBulk: one round trip to Redis for the lot.

export class NormalizeEnqueuer {
  constructor(
    private readonly queue: Queue<NormalizeJobData> | null,
    private readonly logger: Logger,
    /** False while the Redis connection is down: the attempt is skipped rather than left waiting. */
    private readonly ready: () => boolean = () => true,
    private readonly timeoutMs = 1_000,
  ) {}

  private readonly singles = new DataLoader<PayloadRef, boolean, string>(
    async (refs) => {
      const ok = await this.enqueue(refs);
      return refs.map(() => ok);
    },
    { cache: false, maxBatchSize: 500, cacheKeyFn: (r) => `${r.id}:${r.replays}` },
  );

  /** One payload, batched with the others enqueued in the same tick. True when its job reached Redis. */
  enqueueOne(ref: PayloadRef): Promise<boolean> {
    return this.singles.load(ref);
  }

  /** True when every job reached Redis. */
  async enqueue(refs: readonly PayloadRef[]): Promise<boolean> {
    if (refs.length === 0) return true;
    if (!this.queue || !this.ready()) {
      this.warn({ payloads: refs.length }, 'queue unavailable; the sweeper will enqueue the payloads');
      return false;
    }
    const jobs = [];
    for (let i = 0; i < refs.length; i += NORMALIZE_JOB_PAYLOADS) {
      const chunk = refs.slice(i, i + NORMALIZE_JOB_PAYLOADS);
      jobs.push({
        name: 'normalize',
        data: { payloadIds: chunk.map((r) => r.id) },
        opts: { jobId: normalizeJobId(chunk) },
      });
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.queue.addBulk(jobs),
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
        { err: { message: (err as Error).message }, payloads: refs.length },
        'could not enqueue normalize jobs; the sweeper will',
      );
      return false;
    } finally {
      clearTimeout(timer);
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
