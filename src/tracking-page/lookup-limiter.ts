import { createHmac } from 'node:crypto';
import type { Redis } from 'ioredis';

// Order lookups are rate-limited per visitor address and per order number, so nobody can walk through order
// numbers or guess an order's email, phone or postal code. Counters live in Redis (shared by every api
// replica) for one window; the address is kept only as a keyed hash inside that short-lived key, never
// stored. Redis away: lookups are let through, as the API's own limiter does.

export interface Limit {
  max: number;
  durationMs: number;
}

export class LookupLimiter {
  constructor(
    private readonly redis: Redis | null,
    private readonly prefix: string,
    private readonly hashKey: Buffer,
    private readonly limits: { perIp: Limit; perOrder: Limit },
  ) {}

  /** Counts one lookup; answers how long to wait when either limit is spent, else null. */
  async take(ip: string, merchantId: string, orderNumber: string | null): Promise<number | null> {
    const redis = this.redis;
    if (redis?.status !== 'ready') return null;
    const ipKey = `${this.prefix}:lookup:ip:${createHmac('sha256', this.hashKey).update(ip).digest('base64url')}`;
    const checks: [string, Limit][] = [[ipKey, this.limits.perIp]];
    if (orderNumber !== null) {
      const order = createHmac('sha256', this.hashKey)
        .update(`${merchantId}:${orderNumber}`)
        .digest('base64url');
      checks.push([`${this.prefix}:lookup:order:${order}`, this.limits.perOrder]);
    }
    try {
      let wait: number | null = null;
      for (const [key, limit] of checks) {
        const [[, count], [, ttl]] = (await redis.multi().incr(key).pttl(key).exec()) as [
          [null, number],
          [null, number],
        ];
        if (ttl < 0) await redis.pexpire(key, limit.durationMs);
        if (count > limit.max) wait = Math.max(wait ?? 0, ttl > 0 ? ttl : limit.durationMs);
      }
      return wait;
    } catch {
      return null;
    }
  }
}
