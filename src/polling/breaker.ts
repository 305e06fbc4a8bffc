import type { Redis } from 'ioredis';

// A circuit breaker per carrier, shared by every worker process through Redis. After `failures` failed
// requests in a row the carrier is left alone for a cool-down, doubling each time it opens again (capped);
// when the cool-down ends, one request is let through as a probe while the others wait: its success closes
// the breaker, its failure opens it again for longer.

export interface BreakerSettings {
  failures: number;
  cooldownMs: number;
}

const MAX_COOLDOWN_MS = 10 * 60_000;
/** How long a probe may take before another caller may probe instead: longer than any request with its
 * token fetch and one retry can take. */
const PROBE_MS = 5 * 60_000;
/** How long callers wait for the probe's outcome before they look again. */
const PROBE_WAIT_MS = 1_000;

// KEYS[1] breaker hash, KEYS[2] probe key; ARGV: now, threshold, base cool-down, max cool-down.
// Returns the cool-down set, or 0 when the breaker did not (re)open. While open, failures of requests that
// were already in flight are not counted: only a failure after the cool-down (the probe's) reopens it.
const FAILURE = `
local openUntil = tonumber(redis.call('HGET', KEYS[1], 'openUntil') or '0')
if openUntil > tonumber(ARGV[1]) then
  return 0
end
if openUntil == 0 then
  local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
  redis.call('PEXPIRE', KEYS[1], 86400000)
  if failures < tonumber(ARGV[2]) then
    return 0
  end
end
local opens = redis.call('HINCRBY', KEYS[1], 'opens', 1)
local cooldown = math.min(tonumber(ARGV[4]), tonumber(ARGV[3]) * 2 ^ (opens - 1))
redis.call('HSET', KEYS[1], 'openUntil', tonumber(ARGV[1]) + cooldown, 'failures', 0)
redis.call('PEXPIRE', KEYS[1], 86400000)
redis.call('DEL', KEYS[2])
return cooldown
`;

export class CircuitBreaker {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly settings: BreakerSettings,
    private readonly now: () => number = Date.now,
  ) {}

  private keys(carrier: string): [string, string] {
    return [`${this.prefix}:breaker:${carrier}`, `${this.prefix}:breaker:${carrier}:probe`];
  }

  /** 0 when the carrier may be asked now (closed, or this caller is the probe); else how long to wait. */
  async gate(carrier: string): Promise<number> {
    const [key, probe] = this.keys(carrier);
    const openUntil = Number((await this.redis.hget(key, 'openUntil')) ?? 0);
    if (openUntil === 0) return 0;
    const left = openUntil - this.now();
    if (left > 0) return left;
    const mine = await this.redis.set(probe, '1', 'PX', PROBE_MS, 'NX');
    return mine === 'OK' ? 0 : PROBE_WAIT_MS;
  }

  async success(carrier: string): Promise<void> {
    const [key, probe] = this.keys(carrier);
    // Most answers find the breaker closed with no failures counted: skip the write then.
    if ((await this.redis.exists(key)) === 0) return;
    await this.redis.del(key, probe);
  }

  /** Counts a failed request; the cool-down when it opened the breaker, else 0. */
  async failure(carrier: string): Promise<number> {
    const [key, probe] = this.keys(carrier);
    const cooldown = await this.redis.eval(
      FAILURE,
      2,
      key,
      probe,
      this.now(),
      this.settings.failures,
      this.settings.cooldownMs,
      Math.max(MAX_COOLDOWN_MS, this.settings.cooldownMs),
    );
    return Number(cooldown);
  }

  async state(carrier: string): Promise<{ open: boolean; openUntil: Date | null; failures: number }> {
    const [key] = this.keys(carrier);
    const h = await this.redis.hgetall(key);
    const openUntil = Number(h.openUntil ?? 0);
    return {
      open: openUntil > this.now(),
      openUntil: openUntil ? new Date(openUntil) : null,
      failures: Number(h.failures ?? 0),
    };
  }
}
