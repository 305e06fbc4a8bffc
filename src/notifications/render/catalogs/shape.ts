import type { Milestone } from '../../model.js';

// Compile-time guard that the English catalog, which every other catalog must mirror, covers every milestone.

/** Confirmed and packed precede any shipment, so they never speak of one parcel of a split order. */
type OrderLevel = 'confirmed' | 'packed';
export type ShipmentMilestone = Exclude<Milestone, OrderLevel>;

/** Plain key per milestone, plus a `_parcel` variant (i18next context) for one parcel of a split order. */
export type MilestoneTexts = Record<Milestone | `${ShipmentMilestone}_parcel`, string>;

interface Section {
  [key: string]: string | Section;
}

export interface CatalogShape extends Section {
  subject: MilestoneTexts;
  headline: MilestoneTexts;
  lead: MilestoneTexts;
  sms: Section & { status: MilestoneTexts };
}

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** What every translation must provide: exactly the English keys, each a string. */
export type Catalog<T> = Strings<T>;
