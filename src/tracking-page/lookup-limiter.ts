import { createHmac } from 'node:crypto';
import type { Redis } from 'ioredis';
import ipaddr from 'ipaddr.js';
import { deriveKey } from '../lib/secret-box.js';

// Order lookups are rate-limited per visitor address and per order number, so nobody can walk through order
// numbers or guess an order's email, phone or postal code: every lookup counts against both, and failed ones
// also against a daily budget per order number (a postal code is guessable in a few hundred tries). Counters
// live in Redis (shared by every api replica) for one window each; an address is kept only as a keyed hash
// inside a short-lived key, never stored. IPv6 visitors are counted per /64, the block one subscriber holds.
// Redis away: lookups are let through, as the API's own limiter does.

export interface Limit {
  max: number;
  durationMs: number;
}

export interface LookupLimits {
  perIp: Limit;
  perOrder: Limit;
  failuresPerOrder: Limit;
}

/** The bucket of a visitor address: the address for IPv4, its /64 for IPv6. */
export function addressBucket(ip: string): string {
  try {
    const parsed = ipaddr.process(ip);
    if (parsed.kind() === 'ipv4') return parsed.toString();
    return `${(parsed as ipaddr.IPv6).parts.slice(0, 4).join(':')}::/64`;
  } catch {
    return ip;
  }
}

export class LookupLimiter {
  private readonly hashKey: Buffer;

  constructor(
    private readonly redis: Redis | null,
    private readonly prefix: string,
    secret: Buffer,
    private readonly limits: LookupLimits,
  ) {
    this.hashKey = deriveKey(secret, 'wismo lookup rate limits');
  }

  private key(kind: string, value: string): string {
    return `${this.prefix}:lookup:${kind}:${createHmac('sha256', this.hashKey).update(value).digest('base64url')}`;
  }

  /** Counts one lookup; answers how long to wait when a limit is spent, else null. */
  async take(ip: string, merchantId: string, orderNumber: string | null): Promise<number | null> {
    const checks: [string, Limit, number][] = [[this.key('ip', addressBucket(ip)), this.limits.perIp, 1]];
    if (orderNumber !== null) {
      checks.push([this.key('order', `${merchantId}:${orderNumber}`), this.limits.perOrder, 1]);
      // Failures are counted by fail(); here the budget is only looked at.
      checks.push([this.key('failed', `${merchantId}:${orderNumber}`), this.limits.failuresPerOrder, 0]);
    }
    return this.count(checks);
  }

  /** Counts a failed lookup of an order number against its daily budget. */
  async fail(merchantId: string, orderNumber: string): Promise<void> {
    await this.count([[this.key('failed', `${merchantId}:${orderNumber}`), this.limits.failuresPerOrder, 1]]);
  }

  private async count(checks: [string, Limit, number][]): Promise<number | null> {
    const redis = this.redis;
    if (redis?.status !== 'ready') return null;
    try {
      let wait: number | null = null;
      for (const [key, limit, by] of checks) {
        // The window starts with the key, in the same transaction as the count: no key outlives its window.
        const replies = (await redis
          .multi()
          .set(key, 0, 'PX', limit.durationMs, 'NX')
          .incrby(key, by)
          .pttl(key)
          .exec()) as [Error | null, unknown][];
        const count = Number(replies[1]?.[1]);
        const ttl = Number(replies[2]?.[1]);
        const spent = by === 0 ? count >= limit.max : count > limit.max;
        if (spent) wait = Math.max(wait ?? 0, ttl > 0 ? ttl : limit.durationMs);
      }
      return wait;
    } catch {
      return null;
    }
  }
}
