import { z } from 'zod';
import { CHANNELS, MILESTONES } from '../notifications/model.js';
import { CarrierCode } from '../shipments/shipments.schemas.js';
import { DEFAULT_DAYS, MAX_DAYS } from './period.js';
import { CURRENCY, DEFAULT_COST_PER_CONTACT, DEFAULT_DEFLECTION_RATE } from './wismo-estimate.js';

// Inputs and answers of the analytics API. Every figure is defined in docs/analytics.md; the descriptions
// here are the short form.

const Day = z.iso.date({ message: 'must be a date, YYYY-MM-DD' });

// Shared by both routes. Whether from < to and the length are checked in period.ts, once the defaults,
// which depend on the merchant's time zone, are known.
const PeriodFields = {
  from: Day.optional().describe(
    `First day of the period, in the merchant's time zone (default: ${DEFAULT_DAYS} days before to)`,
  ),
  to: Day.optional().describe(
    `Day after the last day of the period: exclusive (default: tomorrow, so today is included); at most ${MAX_DAYS} days after from`,
  ),
};

export const CarrierAnalyticsQuery = z.strictObject({
  ...PeriodFields,
  carrier: CarrierCode.optional().describe('Only this carrier'),
  groupBy: z
    .enum(['lane', 'region'])
    .default('lane')
    .describe('lane: origin country → destination country; region: also the destination region where known'),
});
export type CarrierAnalyticsQuery = z.infer<typeof CarrierAnalyticsQuery>;

export const MerchantAnalyticsQuery = z.strictObject({
  ...PeriodFields,
  deflectionRate: z.coerce
    .number({ message: 'must be a number from 0 to 1' })
    .min(0, { message: 'must be a number from 0 to 1' })
    .max(1, { message: 'must be a number from 0 to 1' })
    .optional()
    .describe(`Share of answers taken to stand for a contact avoided (default ${DEFAULT_DEFLECTION_RATE})`),
  costPerContact: z.coerce
    .number({ message: 'must be a number from 0 to 1000' })
    .min(0, { message: 'must be a number from 0 to 1000' })
    .max(1000, { message: 'must be a number from 0 to 1000' })
    .optional()
    .describe(`What one support contact costs, in ${CURRENCY} (default ${DEFAULT_COST_PER_CONTACT})`),
});
export type MerchantAnalyticsQuery = z.infer<typeof MerchantAnalyticsQuery>;

export const AnalyticsPeriod = z
  .object({
    from: z.string().describe('First day, YYYY-MM-DD'),
    to: z.string().describe('Day after the last day (exclusive), YYYY-MM-DD'),
    days: z.number().int(),
    timeZone: z.string().describe('The merchant’s time zone (notification settings), in which days begin'),
  })
  .meta({ id: 'AnalyticsPeriod' });

export const Ratio = z
  .object({
    count: z.number().int(),
    of: z.number().int().describe('The denominator'),
    rate: z.number().nullable().describe('count / of, 4 decimals; null when of is 0'),
  })
  .meta({ id: 'AnalyticsRatio' });

export const ShipmentFigures = z
  .object({
    shipments: z.number().int().describe('Shipped (else registered) in the period, cancelled ones left out'),
    delivered: z.number().int(),
    onTimeVsCarrierEdd: Ratio.describe(
      'Delivered on or before the carrier’s first estimate, of the delivered with one',
    ),
    onTimeVsPromised: Ratio.describe('Delivered on or before the promised date, of the delivered with one'),
    transitDays: z
      .object({
        measured: z.number().int().describe('Delivered shipments with a shipping time'),
        p50: z.number().nullable(),
        p90: z.number().nullable(),
      })
      .describe('Days from shipped to delivered, fractional; percentiles interpolated (percentile_cont)'),
    firstAttempt: Ratio.describe('Delivered without a failed delivery attempt before, of the delivered'),
    exceptions: Ratio.describe('With an exception at any time, of the shipments'),
    returns: Ratio.describe('Returning or returned, of the shipments'),
  })
  .meta({ id: 'ShipmentFigures' });
export type ShipmentFigures = z.infer<typeof ShipmentFigures>;

export const LaneFigures = ShipmentFigures.extend({
  origin: z.string().nullable().describe('Origin country (ISO 3166-1 alpha-2); null when unknown'),
  destination: z.string().nullable().describe('Destination country; null when unknown'),
  region: z
    .string()
    .nullable()
    .describe('Destination region, upper-case; null unless groupBy=region or unknown'),
  label: z.string().describe('"PL → DE (BY)"; "?" for an unknown country'),
}).meta({ id: 'LaneFigures' });
export type LaneFigures = z.infer<typeof LaneFigures>;

export const CarrierFigures = z
  .object({
    carrier: z.string(),
    totals: ShipmentFigures,
    lanes: z.array(LaneFigures).describe('Most shipments first'),
  })
  .meta({ id: 'CarrierFigures' });
export type CarrierFigures = z.infer<typeof CarrierFigures>;

export const CarrierAnalytics = z
  .object({
    period: AnalyticsPeriod,
    groupBy: z.enum(['lane', 'region']),
    carrier: z.string().nullable().describe('The carrier filter, if any'),
    totals: ShipmentFigures.describe('All carriers together'),
    carriers: z.array(CarrierFigures).describe('Most shipments first'),
  })
  .meta({ id: 'CarrierAnalytics' });
export type CarrierAnalytics = z.infer<typeof CarrierAnalytics>;

export const MessageCount = z
  .object({ milestone: z.enum(MILESTONES), channel: z.enum(CHANNELS), sent: z.number().int() })
  .meta({ id: 'MessageCount' });

export const PageViewDay = z
  .object({
    day: z.string().describe('YYYY-MM-DD, a UTC day'),
    views: z.number().int().describe('linkViews + numberViews'),
    linkViews: z.number().int().describe('Pages opened from a link in a message (or after a found lookup)'),
    numberViews: z.number().int().describe('Pages opened by tracking number'),
    lookupsFound: z.number().int(),
    lookupsMissed: z.number().int(),
  })
  .meta({ id: 'PageViewDay' });

export const ContactsAvoided = z
  .object({
    estimate: z.number().int().describe('Contacts avoided, by the formula'),
    savings: z.object({ amount: z.number(), currency: z.string() }).describe('estimate × costPerContact'),
    formula: z.string(),
    inputs: z.object({
      trackingPageViews: z.number().int(),
      notifiedShipments: z
        .number()
        .int()
        .describe('Parcels (or orders) sent at least one proactive message in the period'),
      proactiveMessages: z.number().int().describe('For context; not in the formula'),
      deflectionRate: z.number(),
      costPerContact: z.number(),
    }),
    proactiveMilestones: z.array(z.enum(MILESTONES)).describe('The milestones counted as proactive'),
  })
  .meta({ id: 'WismoContactsAvoided' });

export const MerchantAnalytics = z
  .object({
    period: AnalyticsPeriod,
    messages: z.object({
      total: z.number().int(),
      data: z.array(MessageCount).describe('Every milestone × channel, zeros included, in journey order'),
    }),
    pageViews: z.object({
      total: z.number().int(),
      days: z.array(PageViewDay).describe('Every day of the period, zeros included'),
    }),
    wismoContactsAvoided: ContactsAvoided,
  })
  .meta({ id: 'MerchantAnalytics' });
export type MerchantAnalytics = z.infer<typeof MerchantAnalytics>;

/** Both reports' parameters at once, for the analytics page (its form sends from, to and groupBy). */
export const AnalyticsOverviewQuery = CarrierAnalyticsQuery.extend(MerchantAnalyticsQuery.shape);
export type AnalyticsOverviewQuery = z.infer<typeof AnalyticsOverviewQuery>;
