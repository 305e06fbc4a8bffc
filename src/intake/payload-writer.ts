import { randomBytes } from 'node:crypto';
import DataLoader from 'dataloader';
import { NORMALIZE_JOB_PAYLOADS } from '../queue/queues.js';
import { type IntakeRepository, keyOf, type NewRawPayload } from './intake.repository.js';

// Deliveries arriving together are committed together: one multi-row INSERT, one round trip and one WAL
// flush for a batch instead of one per delivery, which is what bounds intake throughput (commits, not CPU).
// Every caller still waits for the commit of its own row before it answers: nothing is acknowledged before
// it is durable. A batch that fails on its data (not on the connection) is retried row by row, so one bad
// row cannot fail its neighbours. Each row is stored with the key of the normalize job it will be queued
// under (a batch's rows share jobs of up to NORMALIZE_JOB_PAYLOADS), so the sweeper can re-add that job.

const MAX_BATCH = 2 * NORMALIZE_JOB_PAYLOADS;

export type Delivery = Omit<NewRawPayload, 'normalizeJob'>;

export interface Written {
  id: number;
  jobKey: string;
}
/** Batches committing at once; the next waits. Small, so each batch has time to fill under load. */
const MAX_IN_FLIGHT = 4;

export class PayloadWriter {
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly loader = new DataLoader<Delivery, Written | null, Delivery>((batch) => this.write(batch), {
    cache: false,
    maxBatchSize: MAX_BATCH,
    batchScheduleFn: (dispatch) => {
      if (this.inFlight < MAX_IN_FLIGHT) setImmediate(dispatch);
      else this.waiting.push(dispatch);
    },
  });

  constructor(private readonly repo: IntakeRepository) {}

  /** The new row once committed, or null when the same delivery is already stored. */
  insert(payload: Delivery): Promise<Written | null> {
    return this.loader.load(payload);
  }

  private async write(deliveries: readonly Delivery[]): Promise<(Written | null | Error)[]> {
    this.inFlight++;
    try {
      const batch = randomBytes(9).toString('base64url');
      const rows = deliveries.map((d, i) => ({
        ...d,
        normalizeJob: `intake-${batch}-${Math.floor(i / NORMALIZE_JOB_PAYLOADS)}`,
      }));
      const ids = await this.writeBatch(rows);
      return ids.map((id, i) =>
        id === null || id instanceof Error ? id : { id, jobKey: rows[i]?.normalizeJob as string },
      );
    } finally {
      this.inFlight--;
      const next = this.waiting.shift();
      if (next) setImmediate(next);
    }
  }

  private async writeBatch(batch: readonly NewRawPayload[]): Promise<(number | null | Error)[]> {
    let ids: Map<string, number>;
    try {
      ids = await this.repo.insertMany(batch);
    } catch (err) {
      // SQLSTATE classes 22 (data exception) and 23 (integrity): this batch's data, not the database.
      const code = (err as { code?: unknown }).code;
      if (batch.length === 1 || typeof code !== 'string' || !/^2[23]/.test(code)) throw err;
      return Promise.all(
        batch.map((p) =>
          this.repo.insertMany([p]).then(
            (one) => one.get(keyOf(p)) ?? null,
            (e: Error) => e,
          ),
        ),
      );
    }
    // Two copies of one delivery in the same batch: the first is the new row, the second a repeat.
    const claimed = new Set<string>();
    return batch.map((p) => {
      const key = keyOf(p);
      if (claimed.has(key)) return null;
      claimed.add(key);
      return ids.get(key) ?? null;
    });
  }
}
