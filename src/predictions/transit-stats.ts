import { daysBetween } from './days.js';
import type { Method } from './method.js';

// What wismo learns from its own deliveries: per carrier and lane, how many working days parcels took from
// the carrier's first scan to delivery, as a histogram. A lane is learned at four levels, from the most
// specific (service and destination region) to the whole lane; a parcel is predicted from the most specific
// level that has enough deliveries of its own (src/shipments/lane.ts defines the lane).

export interface Lane {
  carrier: string;
  /** The origin country; null when the carrier does not report one. */
  origin: string | null;
  /**
   * The merchant that sent the parcels, when the origin is unknown: parcels of an unknown origin are learned
   * per merchant, whose warehouses are then the best guess of where they left. Otherwise null: lanes are
   * pooled across the deployment's merchants, as transit from the carrier's first scan on is the carrier's
   * doing, not the merchant's, and a histogram of days says nothing about anyone.
   */
  sender: string | null;
  destination: string;
}

/** How many delivered parcels of one group left on a given weekday and took so many calendar days. */
export interface TransitCount {
  lane: Lane;
  region: string | null;
  service: string | null;
  /** ISO weekday of the ship day, 1 (Monday) to 7. */
  shipWeekday: number;
  calendarDays: number;
  count: number;
}

export interface TransitStats {
  lane: Lane;
  /** null: every region of the destination country. */
  region: string | null;
  /** null: every service of the carrier. */
  service: string | null;
  deliveries: number;
  /** [i]: deliveries that took i working days; the last cell also holds the longer ones (up to maxTransitDays). */
  histogram: number[];
}

// Day 4 (1970-01-05) was a Monday: any day of the right weekday converts calendar days to working days alike.
const referenceDay = (isoWeekday: number) => 3 + isoWeekday;

/** The groups with at least `minSample` deliveries, at every level that has them. */
export function learnTransit(counts: Iterable<TransitCount>, method: Method): TransitStats[] {
  const groups = new Map<string, TransitStats>();
  for (const c of counts) {
    const from = referenceDay(c.shipWeekday);
    const days = Math.min(daysBetween(from, from + c.calendarDays, method.counting), method.maxTransitDays);
    for (const region of c.region === null ? [null] : [null, c.region]) {
      for (const service of c.service === null ? [null] : [null, c.service]) {
        const key = groupKey(c.lane, region, service);
        let g = groups.get(key);
        if (!g) {
          g = { lane: c.lane, region, service, deliveries: 0, histogram: [] };
          groups.set(key, g);
        }
        g.deliveries += c.count;
        while (g.histogram.length <= days) g.histogram.push(0);
        g.histogram[days] = (g.histogram[days] ?? 0) + c.count;
      }
    }
  }
  return [...groups.values()].filter((g) => g.deliveries >= method.minSample);
}

/** Learned groups by key; `find` answers the most specific one for a parcel. */
export class TransitTable {
  private readonly groups = new Map<string, TransitStats>();

  constructor(stats: Iterable<TransitStats>) {
    for (const s of stats) this.groups.set(groupKey(s.lane, s.region, s.service), s);
  }

  get size(): number {
    return this.groups.size;
  }

  /**
   * Service and region, then service alone (a service's speed matters more than where in the country it
   * goes), then region alone, then the whole lane; null when not even the lane has enough deliveries.
   */
  find(lane: Lane, region: string | null, service: string | null): TransitStats | null {
    const levels: [string | null, string | null][] = [];
    if (region !== null && service !== null) levels.push([region, service]);
    if (service !== null) levels.push([null, service]);
    if (region !== null) levels.push([region, null]);
    levels.push([null, null]);
    for (const [r, s] of levels) {
      const found = this.groups.get(groupKey(lane, r, s));
      if (found) return found;
    }
    return null;
  }
}

/**
 * The smallest number of working days by which the share `q` of the deliveries that took at least
 * `atLeast` days had arrived; null when none took that long.
 */
export function transitQuantile(histogram: readonly number[], q: number, atLeast = 0): number | null {
  const total = tailCount(histogram, atLeast);
  if (total === 0) return null;
  const needed = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let i = atLeast; i < histogram.length; i++) {
    seen += histogram[i] ?? 0;
    if (seen >= needed) return i;
  }
  return histogram.length - 1;
}

/** Deliveries that took at least `atLeast` working days. */
export function tailCount(histogram: readonly number[], atLeast: number): number {
  let n = 0;
  for (let i = Math.max(0, atLeast); i < histogram.length; i++) n += histogram[i] ?? 0;
  return n;
}

function groupKey(lane: Lane, region: string | null, service: string | null): string {
  return JSON.stringify([lane.carrier, lane.origin, lane.sender, lane.destination, region, service]);
}
