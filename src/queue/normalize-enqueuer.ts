import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import { type NormalizeJobData, normalizeJobId } from './queues.js';

// Hands stored payloads to the normalize workers. Best effort by design: the payload is already committed,
// so when Redis is slow or away the caller carries on and the sweeper (src/intake/sweeper.ts) enqueues it
// later. Job ids are deterministic, so an enqueue repeated by the sweeper is the same job.

export interface PayloadRef {
  id: number;
  replays: number;
}

export class NormalizeEnqueuer {
  constructor(
    private readonly queue: Queue<NormalizeJobData> | null,
    private readonly logger: Logger,
    /** False while the Redis connection is down: the attempt is skipped rather than left waiting. */
    private readonly ready: () => boolean = () => true,
    private readonly timeoutMs = 1_000,
  ) {}

  /** True when every job reached Redis. */
  async enqueue(refs: readonly PayloadRef[]): Promise<boolean> {
    if (refs.length === 0) return true;
    if (!this.queue || !this.ready()) {
      this.warn({ payloads: refs.length }, 'queue unavailable; the sweeper will enqueue the payloads');
      return false;
    }
    const jobs = refs.map((r) => ({
      name: 'normalize',
      data: { payloadId: r.id },
      opts: { jobId: normalizeJobId(r.id, r.replays) },
    }));
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
