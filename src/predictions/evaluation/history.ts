import { dayNumber, weekdayOf } from '../days.js';
import type { Lane } from '../transit-stats.js';

// A generated delivery history to measure predictions on, where the truth is known. It is shaped like a
// deployment's: carriers and lanes of very different speeds and volumes, merchants that ship on weekdays
// (a few Saturday pick-ups), carriers that do not deliver at weekends and one that does on Saturdays,
// day-to-day noise around each lane's usual transit, a slow tail of customs holds and lost-then-found
// parcels, lanes too thin to learn, a carrier that reports no origin, and carrier estimates that are
// sometimes optimistic. Seeded, so every run measures the same history.

export type Spread = 'domestic' | 'international';

export interface SyntheticLane {
  lane: Lane;
  region: string | null;
  service: string | null;
  /** Mean parcels shipped per weekday. */
  perDay: number;
  /** The usual transit in the carrier's working days. */
  usual: number;
  spread: Spread;
  /** The carrier delivers on Saturdays too. */
  saturday: boolean;
  /** Working days the carrier's own estimate adds to the ship day; null: it gives none. */
  carrierStandard: number | null;
}

export interface SyntheticParcel {
  source: SyntheticLane;
  shipDay: number;
  deliveredDay: number;
  carrierEdd: number | null;
}

/** Offsets from a lane's usual transit (working days) with their probabilities. */
export const OFFSETS: Record<Spread, { offset: number | [number, number]; p: number }[]> = {
  domestic: [
    { offset: -1, p: 0.06 },
    { offset: 0, p: 0.62 },
    { offset: 1, p: 0.2 },
    { offset: 2, p: 0.05 },
    { offset: 3, p: 0.03 },
    // Outliers: lost and found, an address problem solved by phone.
    { offset: [4, 12], p: 0.04 },
  ],
  international: [
    { offset: -1, p: 0.08 },
    { offset: 0, p: 0.4 },
    { offset: 1, p: 0.22 },
    { offset: 2, p: 0.12 },
    { offset: 3, p: 0.08 },
    // Customs holds.
    { offset: [4, 15], p: 0.1 },
  ],
};

const us = (carrier: string, destination = 'US'): Lane => ({
  carrier,
  origin: 'US',
  sender: null,
  destination,
});
const pl = (carrier: string, destination: string): Lane => ({
  carrier,
  origin: 'PL',
  sender: null,
  destination,
});

export const LANES: SyntheticLane[] = [
  // UPS Ground across the US: where it goes decides how long it takes; Next Day Air does not care.
  lane(us('ups'), 'CA', 'GROUND', 4, 4, 'domestic', false, 4),
  lane(us('ups'), 'NY', 'GROUND', 4, 2, 'domestic', false, 2),
  lane(us('ups'), 'TX', 'GROUND', 2, 3, 'domestic', false, 3),
  lane(us('ups'), 'CA', 'NEXT DAY AIR', 0.6, 1, 'domestic', false, 1),
  lane(us('ups'), 'NY', 'NEXT DAY AIR', 0.6, 1, 'domestic', false, 1),
  lane(us('ups', 'GB'), null, 'WORLDWIDE SAVER', 0.5, 6, 'international', false, 5),
  // USPS delivers on Saturdays, and its estimates are a day early in California.
  lane(us('usps'), 'CA', null, 3, 3, 'domestic', true, 2),
  lane(us('usps'), 'NY', null, 3, 2, 'domestic', true, 2),
  lane(pl('dhl_express', 'DE'), null, null, 4, 1, 'domestic', false, 1),
  lane(pl('dhl_express', 'US'), null, null, 1, 3, 'international', false, 2),
  lane(pl('dpd', 'PL'), null, null, 6, 1, 'domestic', false, null),
  lane(pl('dpd', 'CZ'), null, null, 0.6, 2, 'domestic', false, null),
  // Too thin to learn in 90 days.
  lane(pl('dpd', 'LT'), null, null, 0.12, 3, 'domestic', false, null),
  lane(
    { carrier: 'gls', origin: 'DE', sender: null, destination: 'FR' },
    null,
    null,
    0.15,
    3,
    'domestic',
    false,
    null,
  ),
  lane(
    { carrier: 'royalmail', origin: 'GB', sender: null, destination: 'GB' },
    null,
    null,
    3,
    2,
    'domestic',
    false,
    null,
  ),
  // A carrier that reports no origin: two merchants ship from warehouses a country apart.
  lane(
    { carrier: 'sendle', origin: null, sender: 'merchant-a', destination: 'AU' },
    'NSW',
    null,
    2,
    3,
    'domestic',
    false,
    null,
  ),
  lane(
    { carrier: 'sendle', origin: null, sender: 'merchant-b', destination: 'AU' },
    'NSW',
    null,
    1,
    5,
    'domestic',
    false,
    null,
  ),
];

function lane(
  l: Lane,
  region: string | null,
  service: string | null,
  perDay: number,
  usual: number,
  spread: Spread,
  saturday: boolean,
  carrierStandard: number | null,
): SyntheticLane {
  return { lane: l, region, service, perDay, usual, spread, saturday, carrierStandard };
}

/** Parcels shipped over `days` days from `start`, in ship-day order. */
export function generateHistory(opts: { seed: number; start?: string; days?: number }): SyntheticParcel[] {
  const random = mulberry32(opts.seed);
  const start = dayNumber(opts.start ?? '2025-09-01');
  const parcels: SyntheticParcel[] = [];
  for (let day = start; day < start + (opts.days ?? 182); day++) {
    const weekday = weekdayOf(day);
    if (weekday === 7) continue;
    for (const source of LANES) {
      const n = poisson(random, weekday === 6 ? source.perDay * 0.1 : source.perDay);
      for (let i = 0; i < n; i++) {
        const transit = Math.max(1, source.usual + drawOffset(random, source.spread));
        const carrierEdd =
          source.carrierStandard !== null && random() > 0.05
            ? addCarrierDays(day, source.carrierStandard, source.saturday)
            : null;
        parcels.push({
          source,
          shipDay: day,
          deliveredDay: addCarrierDays(day, transit, source.saturday),
          carrierEdd,
        });
      }
    }
  }
  return parcels;
}

/** The median offset of a spread: what a predictor that knew the generator would add to the usual transit. */
export function medianOffset(spread: Spread): number {
  let seen = 0;
  for (const o of OFFSETS[spread]) {
    seen += o.p;
    if (seen >= 0.5) return typeof o.offset === 'number' ? o.offset : o.offset[0];
  }
  return 0;
}

/** The `n`th day after `from` on which the carrier delivers. */
export function addCarrierDays(from: number, n: number, saturday: boolean): number {
  let day = from;
  for (let left = n; left > 0; ) {
    day++;
    const w = weekdayOf(day);
    if (w <= 5 || (saturday && w === 6)) left--;
  }
  return day;
}

function drawOffset(random: () => number, spread: Spread): number {
  let u = random();
  for (const o of OFFSETS[spread]) {
    if (u < o.p) {
      if (typeof o.offset === 'number') return o.offset;
      const [lo, hi] = o.offset;
      return lo + Math.floor(random() * (hi - lo + 1));
    }
    u -= o.p;
  }
  return 0;
}

function poisson(random: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}

/** A small seeded generator (mulberry32): the same history on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
