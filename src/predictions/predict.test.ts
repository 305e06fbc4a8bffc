import { describe, expect, it } from 'vitest';
import { dateOf, dayNumber } from './days.js';
import { METHOD } from './method.js';
import { predictAtShip, predictInFlight } from './predict.js';
import { learnTransit, type TransitCount, TransitTable, transitQuantile } from './transit-stats.js';

const lane = { carrier: 'ups', origin: 'US', sender: null, destination: 'US' };
const count = (c: Partial<TransitCount>): TransitCount => ({
  lane,
  region: null,
  service: null,
  shipWeekday: 1,
  calendarDays: 2,
  count: 1,
  ...c,
});
const monday = dayNumber('2026-03-09');

describe('learned transit', () => {
  it('counts working days, so a Friday parcel delivered on Monday took one day', () => {
    const [g] = learnTransit([count({ shipWeekday: 5, calendarDays: 3, count: 20 })], METHOD);
    expect(g?.histogram).toEqual([0, 20]);
  });

  it('refines by service and region only where they have enough deliveries of their own', () => {
    const stats = learnTransit(
      [
        count({ region: 'CA', service: 'GROUND', calendarDays: 4, count: 25 }),
        count({ region: 'NY', service: 'GROUND', calendarDays: 2, count: 10 }),
        count({ region: 'NY', service: 'AIR', calendarDays: 1, count: 12 }),
      ],
      METHOD,
    );
    const table = new TransitTable(stats);
    expect(table.find(lane, 'CA', 'GROUND')?.region).toBe('CA');
    // NY ground has 10: its service (35 ground parcels) answers; NY air (12) and NY (22) fall back in turn.
    expect(table.find(lane, 'NY', 'GROUND')).toMatchObject({ region: null, service: 'GROUND' });
    expect(table.find(lane, 'NY', 'AIR')).toMatchObject({ region: 'NY', service: null });
    expect(table.find(lane, null, null)).toMatchObject({ region: null, service: null, deliveries: 47 });
    expect(table.find({ ...lane, destination: 'CA' }, null, null)).toBeNull();
  });

  it('keeps no group below the minimum sample', () => {
    expect(learnTransit([count({ count: METHOD.minSample - 1 })], METHOD)).toEqual([]);
  });

  it('takes quantiles of the whole histogram or of its tail', () => {
    expect(transitQuantile([0, 2, 5, 2, 1], 0.5)).toBe(2);
    expect(transitQuantile([0, 2, 5, 2, 1], 0.5, 3)).toBe(3);
    expect(transitQuantile([0, 2], 0.5, 5)).toBeNull();
  });
});

describe('predicted dates', () => {
  const [stats] = learnTransit(
    [
      count({ calendarDays: 2, count: 30 }),
      count({ calendarDays: 3, count: 10 }),
      count({ calendarDays: 9, count: 8 }),
    ],
    METHOD,
  );
  if (!stats) throw new Error('no stats');
  const inFlight = (status: 'in_transit' | 'out_for_delivery' | 'attempt_failed', today: string) =>
    dateOf(predictInFlight({ status, shipDay: monday, today: dayNumber(today) }, stats, METHOD) ?? 0);

  it('adds the median transit to the ship day', () => {
    expect(dateOf(predictAtShip(stats, monday, METHOD))).toBe('2026-03-11');
    expect(inFlight('in_transit', '2026-03-10')).toBe('2026-03-11');
  });

  it('moves with the parcel: on the van today, after a failed attempt a later day', () => {
    expect(inFlight('out_for_delivery', '2026-03-10')).toBe('2026-03-10');
    expect(inFlight('attempt_failed', '2026-03-11')).toBe('2026-03-12');
    expect(inFlight('attempt_failed', '2026-03-13')).toBe('2026-03-16');
  });

  it('past its date, learns again from the slower deliveries, else expects it on the next working day', () => {
    // Four working days gone: only the 8 parcels of 7 working days took that long.
    expect(inFlight('in_transit', '2026-03-13')).toBe('2026-03-18');
    // Eight gone: none took that long.
    expect(inFlight('in_transit', '2026-03-19')).toBe('2026-03-19');
    expect(inFlight('in_transit', '2026-03-21')).toBe('2026-03-23');
  });

  it('predicts nothing without history', () => {
    expect(
      predictInFlight({ status: 'in_transit', shipDay: monday, today: monday }, null, METHOD),
    ).toBeNull();
  });
});
