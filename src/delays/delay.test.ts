import { describe, expect, it } from 'vitest';
import { businessDaysBetween, detectDelay, NO_DELAY, settleDelay } from './delay.js';

const base = {
  status: 'in_transit' as const,
  current: NO_DELAY,
  edd: '2026-12-08',
  lastNewsAt: new Date('2026-12-07T10:00:00Z'),
  now: new Date('2026-12-08T12:00:00Z'),
  timeZone: 'Europe/Warsaw',
  stallAfterBusinessDays: 3,
};

describe('detectDelay', () => {
  it('marks a passed estimate once its day is over in the merchant’s zone', () => {
    expect(detectDelay(base)).toEqual(NO_DELAY);
    // 23:30 UTC on the 8th is already the 9th in Warsaw.
    expect(detectDelay({ ...base, now: new Date('2026-12-08T23:30:00Z') })).toEqual({
      reason: 'edd_passed',
      edd: '2026-12-08',
    });
    expect(detectDelay({ ...base, now: new Date('2026-12-08T22:30:00Z'), timeZone: 'UTC' })).toEqual(
      NO_DELAY,
    );
  });

  it('marks a stall after N business days without a scan, weekends not counted', () => {
    const friday = new Date('2026-12-04T15:00:00Z');
    const stalled = { ...base, edd: null, lastNewsAt: friday };
    expect(detectDelay({ ...stalled, now: new Date('2026-12-08T12:00:00Z') })).toEqual(NO_DELAY); // Mon, Tue
    expect(detectDelay({ ...stalled, now: new Date('2026-12-09T12:00:00Z') })).toEqual({
      reason: 'stalled',
      edd: null,
    });
    expect(
      detectDelay({ ...stalled, status: 'available_for_pickup', now: new Date('2026-12-20T12:00:00Z') }),
    ).toEqual(NO_DELAY);
  });

  it('leaves the carrier’s own verdict alone and never marks what has arrived', () => {
    const carrier = { reason: 'carrier_reported' as const, edd: '2026-12-01' };
    expect(detectDelay({ ...base, current: carrier })).toBe(carrier);
    expect(detectDelay({ ...base, status: 'delivered', edd: '2026-01-01' })).toEqual(NO_DELAY);
  });
});

describe('settleDelay', () => {
  const passed = { reason: 'edd_passed' as const, edd: '2026-12-08' };

  it('keeps a passed estimate until a later estimate replaces it', () => {
    const input = {
      status: 'in_transit' as const,
      carrierReported: false,
      before: passed,
      newsArrived: true,
    };
    expect(settleDelay({ ...input, edd: '2026-12-08' })).toBe(passed);
    expect(settleDelay({ ...input, edd: '2026-12-11' })).toEqual(NO_DELAY);
  });

  it('ends a stall with news, and every delay on arrival', () => {
    const stalled = { reason: 'stalled' as const, edd: null };
    const input = { status: 'in_transit' as const, carrierReported: false, before: stalled, edd: null };
    expect(settleDelay({ ...input, newsArrived: false })).toBe(stalled);
    expect(settleDelay({ ...input, newsArrived: true })).toEqual(NO_DELAY);
    expect(settleDelay({ ...input, status: 'delivered', carrierReported: true, newsArrived: true })).toEqual(
      NO_DELAY,
    );
  });

  it('takes the carrier’s word with the estimate it gives', () => {
    expect(
      settleDelay({
        status: 'in_transit',
        carrierReported: true,
        before: passed,
        edd: '2026-12-12',
        newsArrived: true,
      }),
    ).toEqual({ reason: 'carrier_reported', edd: '2026-12-12' });
  });
});

describe('businessDaysBetween', () => {
  it('counts weekdays after the start day', () => {
    const fri = new Date('2026-12-04T12:00:00Z');
    expect(businessDaysBetween(fri, new Date('2026-12-07T12:00:00Z'), 'UTC')).toBe(1);
    expect(businessDaysBetween(fri, new Date('2026-12-11T12:00:00Z'), 'UTC')).toBe(5);
    expect(businessDaysBetween(fri, fri, 'UTC')).toBe(0);
  });
});
