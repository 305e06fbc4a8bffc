import { weekdayOf } from '../days.js';
import type { Method } from '../method.js';
import { predictAtShip } from '../predict.js';
import { learnTransit, type TransitCount, TransitTable } from '../transit-stats.js';
import { addCarrierDays, medianOffset, type SyntheticParcel } from './history.js';

// Measures predicted delivery dates on held-back data: the most recent share of parcels (by ship day) is
// held back; the method learns from what had been delivered before the first of them, within its window, as
// the job would have on that day; each held-back parcel is predicted when it leaves and compared with the
// day it arrived. Errors are in calendar days, as a shopper counts them: predicted minus actual.

export interface Metrics {
  parcels: number;
  /** Parcels that got a prediction. */
  predicted: number;
  coverage: number;
  /** Mean absolute error, days. */
  mae: number;
  /** Share within one day either way. */
  withinOneDay: number;
  /** Mean error, days: negative when predictions come too early. */
  bias: number;
  /** Share delivered after the predicted day. */
  late: number;
}

export interface Evaluation {
  trained: number;
  held: number;
  /** The method as configured. */
  model: Metrics;
  /** The same, counting transit in calendar days. */
  calendarDays: Metrics;
  /** The generator's own median transit per lane: the error nobody can avoid. */
  oracle: Metrics;
  /** The median transit of every lane together, in calendar days, on the parcels the model predicted. */
  naive: Metrics;
  /** The carrier's own estimate, on the parcels that have one and a prediction; the model on the same. */
  carrier: { carrier: Metrics; model: Metrics };
  byCarrier: Record<string, Metrics>;
  /** Parcels of lanes with fewer deliveries than the minimum sample, that got no prediction anyway. */
  thinLaneParcels: number;
  thinLanePredicted: number;
}

type Pair = { predicted: number | null; actual: number };

export function evaluate(parcels: readonly SyntheticParcel[], method: Method, holdOut = 0.2): Evaluation {
  const { train, test, cutoff } = split(parcels, holdOut);
  const table = learn(train, cutoff, method);
  const calendarMethod: Method = { ...method, counting: 'calendar' };
  const calendarTable = learn(train, cutoff, calendarMethod);
  const model = test.map((p) => predictOne(table, p, method));
  const covered = test.filter((_, i) => model[i] !== null);

  const known = train.filter((p) => p.deliveredDay < cutoff).map((p) => p.deliveredDay - p.shipDay);
  const naiveDays = [...known].sort((a, b) => a - b)[Math.floor(known.length / 2)] ?? 0;
  const withEdd = covered.filter((p) => p.carrierEdd !== null);

  const byCarrier: Record<string, Metrics> = {};
  for (const carrier of new Set(test.map((p) => p.source.lane.carrier))) {
    const mine = test.filter((p) => p.source.lane.carrier === carrier);
    byCarrier[carrier] = metrics(mine.map((p) => pair(p, predictOne(table, p, method))));
  }
  const counts = new Map<string, number>();
  const since = cutoff - method.windowDays;
  for (const p of train)
    if (p.deliveredDay < cutoff && p.deliveredDay >= since)
      counts.set(laneOf(p), (counts.get(laneOf(p)) ?? 0) + 1);
  const thin = test.filter((p) => (counts.get(laneOf(p)) ?? 0) < method.minSample);

  return {
    trained: train.length,
    held: test.length,
    model: metrics(test.map((p, i) => pair(p, model[i] ?? null))),
    calendarDays: metrics(test.map((p) => pair(p, predictOne(calendarTable, p, calendarMethod)))),
    oracle: metrics(test.map((p) => pair(p, oracle(p)))),
    naive: metrics(covered.map((p) => pair(p, p.shipDay + naiveDays))),
    carrier: {
      carrier: metrics(withEdd.map((p) => pair(p, p.carrierEdd))),
      model: metrics(withEdd.map((p) => pair(p, predictOne(table, p, method)))),
    },
    byCarrier,
    thinLaneParcels: thin.length,
    thinLanePredicted: thin.filter((p) => predictOne(table, p, method) !== null).length,
  };
}

/** The most recent `share` of parcels by ship day is held back; the cut falls between two ship days. */
export function split(parcels: readonly SyntheticParcel[], share: number) {
  const days = parcels.map((p) => p.shipDay).sort((a, b) => a - b);
  const cutoff = days[Math.floor(days.length * (1 - share))] ?? Number.POSITIVE_INFINITY;
  return {
    cutoff,
    train: parcels.filter((p) => p.shipDay < cutoff),
    test: parcels.filter((p) => p.shipDay >= cutoff),
  };
}

/** What the job would have learned on the cutoff day: deliveries known by then, within the window. */
export function learn(train: readonly SyntheticParcel[], cutoff: number, method: Method): TransitTable {
  const since = cutoff - method.windowDays;
  const counts: TransitCount[] = train
    .filter((p) => p.deliveredDay < cutoff && p.deliveredDay >= since)
    .map((p) => ({
      lane: p.source.lane,
      region: p.source.region,
      service: p.source.service,
      shipWeekday: weekdayOf(p.shipDay),
      calendarDays: p.deliveredDay - p.shipDay,
      count: 1,
    }));
  return new TransitTable(learnTransit(counts, method));
}

function predictOne(table: TransitTable, p: SyntheticParcel, method: Method): number | null {
  const stats = table.find(p.source.lane, p.source.region, p.source.service);
  return stats ? predictAtShip(stats, p.shipDay, method) : null;
}

function oracle(p: SyntheticParcel): number {
  const s = p.source;
  return addCarrierDays(p.shipDay, Math.max(1, s.usual + medianOffset(s.spread)), s.saturday);
}

function pair(p: SyntheticParcel, predicted: number | null): Pair {
  return { predicted, actual: p.deliveredDay };
}

function laneOf(p: SyntheticParcel): string {
  const l = p.source.lane;
  return JSON.stringify([l.carrier, l.origin, l.sender, l.destination]);
}

export function metrics(pairs: readonly Pair[]): Metrics {
  const errors = pairs.flatMap((p) => (p.predicted === null ? [] : [p.predicted - p.actual]));
  const n = errors.length;
  const mean = (f: (e: number) => number) => (n === 0 ? 0 : errors.reduce((a, e) => a + f(e), 0) / n);
  return {
    parcels: pairs.length,
    predicted: n,
    coverage: pairs.length === 0 ? 0 : n / pairs.length,
    mae: mean(Math.abs),
    withinOneDay: mean((e) => (Math.abs(e) <= 1 ? 1 : 0)),
    bias: mean((e) => e),
    late: mean((e) => (e < 0 ? 1 : 0)),
  };
}

/** The same evaluation under other choices of one setting (the minimum sample, the quantile). */
export function sweep<K extends keyof Method>(
  parcels: readonly SyntheticParcel[],
  method: Method,
  key: K,
  values: readonly Method[K][],
): { value: Method[K]; model: Metrics }[] {
  return values.map((value) => ({ value, model: evaluate(parcels, { ...method, [key]: value }).model }));
}
