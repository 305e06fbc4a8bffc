import { describe, expect, it } from 'vitest';
import { addDays, dateOf, dayNumber, daysBetween, onOrAfterWorkingDay, weekdayOf } from './days.js';

// The closed forms against the obvious day-by-day count, over every start weekday and both signs of epoch.
function slowBusinessDays(from: number, to: number): number {
  let n = 0;
  for (let d = from + 1; d <= to; d++) if (weekdayOf(d) <= 5) n++;
  return n;
}

describe('days', () => {
  it('round-trips dates and knows weekdays', () => {
    expect(dateOf(dayNumber('2026-03-13'))).toBe('2026-03-13');
    expect(weekdayOf(dayNumber('2026-03-13'))).toBe(5); // a Friday
    expect(weekdayOf(dayNumber('1969-12-28'))).toBe(7);
  });

  it('counts and adds Monday-to-Friday days as a day-by-day count does', () => {
    for (let from = dayNumber('1969-12-20'); from < dayNumber('1970-01-20'); from++) {
      for (let k = 0; k <= 15; k++) {
        expect(daysBetween(from, from + k, 'business')).toBe(slowBusinessDays(from, from + k));
        const to = addDays(from, k, 'business');
        expect(daysBetween(from, to, 'business')).toBe(k);
        if (k > 0) expect(weekdayOf(to)).toBeLessThanOrEqual(5);
        if (k > 0) expect(daysBetween(from, to - 1, 'business')).toBe(k - 1);
      }
    }
  });

  it('lands on the next working day', () => {
    const friday = dayNumber('2026-03-13');
    expect(dateOf(addDays(friday, 1, 'business'))).toBe('2026-03-16');
    expect(dateOf(onOrAfterWorkingDay(friday + 1, 'business'))).toBe('2026-03-16');
    expect(onOrAfterWorkingDay(friday, 'business')).toBe(friday);
    expect(onOrAfterWorkingDay(friday + 1, 'calendar')).toBe(friday + 1);
    expect(daysBetween(friday, friday + 3, 'calendar')).toBe(3);
  });
});
