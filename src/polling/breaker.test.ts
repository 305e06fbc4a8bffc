import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { CircuitBreaker } from './breaker.js';

// Against the machine's Redis, under a key prefix of its own.
const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
afterAll(() => redis.quit());

function breaker() {
  let now = 1_000_000;
  const prefix = `wismo-test-breaker-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const b = new CircuitBreaker(redis, prefix, { failures: 3, cooldownMs: 1000 }, () => now);
  return { b, advance: (ms: number) => (now += ms) };
}

describe('the circuit breaker', () => {
  it('opens after failures in a row, ignores late failures while open, lets one probe through', async () => {
    const { b, advance } = breaker();
    expect([await b.failure('x'), await b.failure('x')]).toEqual([0, 0]);
    expect(await b.gate('x')).toBe(0);
    expect(await b.failure('x')).toBe(1000);
    expect(await b.gate('x')).toBe(1000);
    // Requests already in flight when it opened fail too: the pause does not grow for them.
    expect([await b.failure('x'), await b.failure('x')]).toEqual([0, 0]);
    advance(1000);
    expect(await b.gate('x')).toBe(0); // the probe
    expect(await b.gate('x')).toBeGreaterThan(0); // the others wait for its outcome
    // The probe fails: open again, for twice as long.
    expect(await b.failure('x')).toBe(2000);
    advance(2000);
    expect(await b.gate('x')).toBe(0);
    await b.success('x');
    expect(await b.state('x')).toMatchObject({ open: false, failures: 0 });
    expect(await b.gate('x')).toBe(0);
  });

  it('counts only failures in a row: a success starts over', async () => {
    const { b } = breaker();
    await b.failure('y');
    await b.failure('y');
    await b.success('y');
    expect(await b.failure('y')).toBe(0);
    expect(await b.failure('y')).toBe(0);
    expect(await b.state('y')).toMatchObject({ open: false, failures: 2 });
  });
});
