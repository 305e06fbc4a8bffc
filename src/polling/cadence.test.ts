import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { backoffAt, expired, nextCheckAt, notFoundTooLong } from './cadence.js';

const settings = loadConfig({ SANDBOX_SPEED: '720' }).polling.cadence;
const now = new Date('2026-12-05T10:00:00Z');
const mid = () => 0.5; // no jitter
const hours = (d: Date | null) => (d ? (d.getTime() - now.getTime()) / 3_600_000 : null);

describe('the polling cadence', () => {
  it('follows the status, asks more often when delivery is expected today, and stops at the end', () => {
    const at = (status: Parameters<typeof nextCheckAt>[0]['status'], eddDate: string | null = null) =>
      hours(nextCheckAt({ carrier: 'ups', status, eddDate }, settings, now, mid));
    expect(at('info_received')).toBe(6);
    expect(at('in_transit')).toBe(3);
    expect(at('in_transit', '2026-12-05')).toBe(1);
    expect(at('in_transit', '2026-12-03')).toBe(1); // late: the news is near too
    expect(at('in_transit', '2026-12-07')).toBe(3);
    expect(at('out_for_delivery', '2026-12-05')).toBe(0.5);
    for (const end of ['delivered', 'returned', 'cancelled', 'expired'] as const) expect(at(end)).toBeNull();
  });

  it('spreads checks by ±10 %', () => {
    const lo = hours(
      nextCheckAt({ carrier: 'ups', status: 'in_transit', eddDate: null }, settings, now, () => 0),
    );
    const hi = hours(
      nextCheckAt({ carrier: 'ups', status: 'in_transit', eddDate: null }, settings, now, () => 1),
    );
    expect([lo, hi]).toEqual([2.7, 3.3]);
  });

  it('runs the sandbox carrier’s clock as much faster as its time', () => {
    const next = nextCheckAt({ carrier: 'sandbox', status: 'in_transit', eddDate: null }, settings, now, mid);
    expect((next?.getTime() ?? 0) - now.getTime()).toBe(15_000);
  });

  it('backs failures off exponentially up to the cap', () => {
    const steps = [1, 2, 3, 4, 10, 30].map((n) => hours(backoffAt(n, 'ups', settings, now, mid)));
    expect(steps).toEqual([5 / 60, 10 / 60, 20 / 60, 40 / 60, 12, 12]);
  });

  it('marks unknown numbers after the grace period and silent shipments after the expiry period', () => {
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
    expect(notFoundTooLong(daysAgo(4), 'ups', settings, now)).toBe(false);
    expect(notFoundTooLong(daysAgo(6), 'ups', settings, now)).toBe(true);
    expect(expired(daysAgo(29), 'ups', settings, now)).toBe(false);
    expect(expired(daysAgo(31), 'ups', settings, now)).toBe(true);
  });
});
