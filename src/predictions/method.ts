import type { DayCounting } from './days.js';

// The choices behind predicted delivery dates, in one place: the job uses them and the evaluation
// (src/predictions/evaluation, `npm run eval:edd`) measures exactly them. docs/predicted-edd.md gives the
// figures that justify each one.

export interface Method {
  /** Deliveries of the last this many days are learned from: long enough for thin lanes, short enough to follow a carrier's changes. */
  windowDays: number;
  /** Fewer deliveries than this in a group (and in all its fallbacks): no prediction at all. */
  minSample: number;
  /** The quantile of transit days predicted: the median minimises the mean absolute error. */
  quantile: number;
  /** Carriers do not deliver at weekends (most of them), so transit is counted in Monday-to-Friday days. */
  counting: DayCounting;
  /** Longer transits (a parcel lost and found) are counted as this long: they only ever sit in the tail. */
  maxTransitDays: number;
  /**
   * A parcel past its predicted day is predicted again from the deliveries that took at least as long, when
   * at least this many did; else it is expected on the next working day.
   */
  minTail: number;
}

export const METHOD: Method = {
  windowDays: 90,
  minSample: 20,
  quantile: 0.5,
  counting: 'business',
  maxTransitDays: 60,
  minTail: 5,
};
