import { describe, expect, it } from 'vitest';
import { afterQuietHours } from './quiet-hours.js';

const night = { start: '21:00', end: '08:00' };

describe('afterQuietHours', () => {
  it('lets a message through outside the window', () => {
    const at = new Date('2026-12-07T12:00:00Z'); // 13:00 in Warsaw
    expect(afterQuietHours(at, 'Europe/Warsaw', night)).toEqual(at);
  });

  it('holds a late-evening message until the next morning in the shopper’s zone', () => {
    const at = new Date('2026-12-07T21:30:00Z'); // 22:30 in Warsaw
    expect(afterQuietHours(at, 'Europe/Warsaw', night).toISOString()).toBe('2026-12-08T07:00:00.000Z');
  });

  it('holds an after-midnight message until the same morning', () => {
    const at = new Date('2026-12-07T18:00:00Z'); // 03:00 on the 8th in Tokyo
    expect(afterQuietHours(at, 'Asia/Tokyo', night).toISOString()).toBe('2026-12-07T23:00:00.000Z');
  });

  it('handles a window that does not wrap midnight, and the window’s edges', () => {
    const lunch = { start: '13:00', end: '14:00' };
    expect(afterQuietHours(new Date('2026-12-07T13:30:00Z'), 'UTC', lunch).toISOString()).toBe(
      '2026-12-07T14:00:00.000Z',
    );
    expect(afterQuietHours(new Date('2026-12-07T14:00:00Z'), 'UTC', lunch).toISOString()).toBe(
      '2026-12-07T14:00:00.000Z',
    );
    expect(afterQuietHours(new Date('2026-12-07T21:00:00Z'), 'UTC', night).toISOString()).toBe(
      '2026-12-08T08:00:00.000Z',
    );
  });

  it('keeps the local morning across a daylight-saving change', () => {
    // 23:00 on 28 March 2026 in Warsaw (UTC+1); clocks go to UTC+2 that night, 08:00 is 06:00 UTC.
    const at = new Date('2026-03-28T22:00:00Z');
    expect(afterQuietHours(at, 'Europe/Warsaw', night).toISOString()).toBe('2026-03-29T06:00:00.000Z');
  });

  it('sends at once without a window', () => {
    const at = new Date('2026-12-07T23:00:00Z');
    expect(afterQuietHours(at, 'UTC', null)).toEqual(at);
  });
});
