import { describe, expect, it } from 'vitest';
import { countryName, formatCalendarDate, formatInstant } from './format.js';

describe('formatCalendarDate', () => {
  it('writes the date the way each language does', () => {
    expect(formatCalendarDate('2026-12-08', 'ja', 'long')).toBe('2026年12月8日(火)');
    expect(formatCalendarDate('2026-12-08', 'pl', 'long')).toBe('wtorek, 8 grudnia');
    expect(formatCalendarDate('2026-12-08', 'ru', 'long')).toBe('вторник, 8 декабря');
    expect(formatCalendarDate('2026-12-08', 'en', 'long')).toMatch(/^Tuesday,? 8 December$/);
    expect(formatCalendarDate('2026-12-08', 'ms', 'long')).toBe('Selasa, 8 Disember');
    expect(formatCalendarDate('2026-12-08', 'ja', 'short')).toBe('12月8日(火)');
  });

  it('never moves the calendar date, whatever the process time zone', () => {
    // Midnight UTC is still the previous day in the Americas: a naive Date would print 31 December there.
    const saved = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(formatCalendarDate('2027-01-01', 'en', 'long')).toMatch(/^Friday,? 1 January$/);
    } finally {
      process.env.TZ = saved;
    }
  });

  it('rejects values that are not calendar dates', () => {
    expect(formatCalendarDate('2026-02-30', 'en', 'long')).toBeNull();
    expect(formatCalendarDate('08/12/2026', 'en', 'long')).toBeNull();
    expect(formatCalendarDate('2026-12-08T00:00:00Z', 'en', 'long')).toBeNull();
  });
});

describe('formatInstant', () => {
  it("shows the instant in the shopper's zone", () => {
    // 23:30 UTC on 7 December is already 08:30 on 8 December in Tokyo.
    expect(formatInstant('2026-12-07T23:30:00Z', 'en', 'Asia/Tokyo')).toMatch(/8 December.*08:30/);
    expect(formatInstant('2026-12-07T23:30:00Z', 'ja', 'Asia/Tokyo')).toMatch(/12月8日.*08:30/);
    expect(formatInstant('2026-12-07T23:30:00Z', 'en', 'UTC')).toMatch(/7 December.*23:30/);
  });

  it('falls back to UTC for an unknown zone and to nothing for an unreadable instant', () => {
    expect(formatInstant('2026-12-07T23:30:00Z', 'en', 'Mars/Olympus')).toMatch(/7 December.*23:30/);
    expect(formatInstant('yesterday', 'en', 'UTC')).toBeNull();
  });
});

describe('countryName', () => {
  it('names the country in the message language', () => {
    expect(countryName('JP', 'ru')).toBe('Япония');
    expect(countryName('pl', 'ja')).toBe('ポーランド');
    expect(countryName('??', 'en')).toBe('??');
  });
});
