import { describe, expect, it } from 'vitest';
import { addDays, dateIn, resolvePeriod } from './period.js';

describe('analytics period', () => {
  it('defaults to the 30 days up to and including today', () => {
    expect(resolvePeriod({}, '2026-03-10', 'UTC')).toEqual({
      ok: true,
      period: { from: '2026-02-09', to: '2026-03-11', days: 30, timeZone: 'UTC' },
    });
    expect(resolvePeriod({ to: '2026-03-01' }, '2026-06-01', 'UTC')).toMatchObject({
      period: { from: '2026-01-30', days: 30 },
    });
  });

  it('names the field to change', () => {
    expect(resolvePeriod({ from: '2026-03-02', to: '2026-03-02' }, '2026-03-10', 'UTC')).toMatchObject({
      ok: false,
      problems: [{ in: 'query', field: 'to' }],
    });
    // A start in the future with the default end: it is the start that is wrong.
    expect(resolvePeriod({ from: '2026-04-01' }, '2026-03-10', 'UTC')).toMatchObject({
      problems: [{ field: 'from' }],
    });
    expect(resolvePeriod({ from: '2024-01-01' }, '2026-03-10', 'UTC')).toMatchObject({
      problems: [{ field: 'from', reason: expect.stringContaining('at most 366') }],
    });
  });

  it('counts calendar days, whatever the zone and its clock changes', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    // 23:30 UTC on 31 December is already New Year's Day in Warsaw.
    expect(dateIn('Europe/Warsaw', new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(dateIn('America/New_York', new Date('2026-01-01T03:00:00Z'))).toBe('2025-12-31');
  });
});
