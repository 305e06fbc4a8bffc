import type { IdempotencyRepository, StoredRequest } from './idempotency.repository.js';

// Idempotency-Key semantics (as Stripe and the IETF draft describe them): the first request with a key
// runs; a retry with the same key and the same request gets the first response again; the same key with
// another request is refused; a retry while the first is still running is told to wait.

export type Begin =
  | { kind: 'run' }
  | { kind: 'replay'; status: number; body: string; contentType: string | null }
  | { kind: 'mismatch' }
  | { kind: 'in_progress' };

// A request that holds its key longer than this died with its process; a retry may take the key over.
const ABANDONED_AFTER_MS = 60_000;

export class IdempotencyService {
  constructor(
    private readonly repo: IdempotencyRepository,
    private readonly ttlHours: number,
  ) {}

  async begin(merchantId: string, key: string, requestHash: string, now = new Date()): Promise<Begin> {
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await this.repo.claim(merchantId, key, requestHash)) return { kind: 'run' };
      const seen = await this.repo.find(merchantId, key);
      if (!seen) continue; // released between our insert and our read: try to claim again
      const outcome = this.judge(seen, requestHash, now);
      if (outcome !== 'take_over') return outcome;
      if (await this.repo.takeOver(merchantId, key, seen, requestHash)) return { kind: 'run' };
    }
    return { kind: 'in_progress' };
  }

  private judge(seen: StoredRequest, requestHash: string, now: Date): Begin | 'take_over' {
    if (seen.createdAt.getTime() < now.getTime() - this.ttlHours * 3_600_000) return 'take_over';
    if (seen.requestHash !== requestHash) return { kind: 'mismatch' };
    if (seen.status !== null && seen.body !== null) {
      return { kind: 'replay', status: seen.status, body: seen.body, contentType: seen.contentType };
    }
    if (seen.lockedAt && seen.lockedAt.getTime() < now.getTime() - ABANDONED_AFTER_MS) return 'take_over';
    return { kind: 'in_progress' };
  }

  complete(
    merchantId: string,
    key: string,
    status: number,
    body: string,
    contentType: string | null,
  ): Promise<void> {
    return this.repo.complete(merchantId, key, status, body, contentType);
  }

  release(merchantId: string, key: string): Promise<void> {
    return this.repo.release(merchantId, key);
  }

  /** Deletes records past their time to live, in batches so no single statement runs long. */
  async purgeExpired(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.ttlHours * 3_600_000);
    let total = 0;
    for (;;) {
      const n = await this.repo.purgeOlderThan(cutoff, 5_000);
      total += n;
      if (n < 5_000) return total;
    }
  }
}
