import { AppError } from '../errors.js';
import { CHANNELS, type Channel, MILESTONES, type Milestone } from '../notifications/model.js';
import { readSettings } from '../notifications/settings.js';
import { laneLabel } from '../shipments/lane.js';
import type { AnalyticsRepository, FiguresRow, PeriodBounds } from './analytics.repository.js';
import type {
  AnalyticsOverviewQuery,
  CarrierAnalytics,
  CarrierAnalyticsQuery,
  CarrierFigures,
  MerchantAnalytics,
  MerchantAnalyticsQuery,
  ShipmentFigures,
} from './analytics.schemas.js';
import { dateIn, type Period, resolvePeriod } from './period.js';
import { estimateContactsAvoided, PROACTIVE_MILESTONES } from './wismo-estimate.js';

// The rules of analytics: which period a request means, and how the counts the repository aggregates
// become rates and reports. Figures are defined in docs/analytics.md.

const ratio = (count: number, of: number) => ({
  count,
  of,
  rate: of === 0 ? null : Math.round((count / of) * 10_000) / 10_000,
});

function figures(r: FiguresRow): ShipmentFigures {
  return {
    shipments: r.shipments,
    delivered: r.delivered,
    onTimeVsCarrierEdd: ratio(r.edd_on_time, r.edd_of),
    onTimeVsPromised: ratio(r.promised_on_time, r.promised_of),
    transitDays: { measured: r.transit_measured, p50: r.transit_p50, p90: r.transit_p90 },
    firstAttempt: ratio(r.first_attempt, r.delivered),
    exceptions: ratio(r.exceptions, r.shipments),
    returns: ratio(r.returns, r.shipments),
  };
}

const EMPTY: FiguresRow = {
  carrier: null,
  origin: null,
  destination: null,
  region: null,
  level: 'total',
  shipments: 0,
  delivered: 0,
  edd_of: 0,
  edd_on_time: 0,
  promised_of: 0,
  promised_on_time: 0,
  transit_measured: 0,
  transit_p50: null,
  transit_p90: null,
  first_attempt: 0,
  exceptions: 0,
  returns: 0,
};

export class AnalyticsService {
  constructor(
    private readonly repo: AnalyticsRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The period asked for, in the merchant's time zone; a 400 naming the field when it makes no sense. */
  async period(merchantId: string, query: { from?: string; to?: string }): Promise<Period> {
    const merchant = await this.repo.merchantSettings(merchantId);
    const timeZone = readSettings(merchant?.settings ?? {}, merchant?.defaultLocale ?? null).timeZone;
    const result = resolvePeriod(query, dateIn(timeZone, this.now()), timeZone);
    if (!result.ok) {
      const fields = result.problems.map((p) => `${p.in}.${p.field}`).join(', ');
      throw new AppError(
        400,
        'validation_failed',
        'Invalid request',
        `Invalid period: ${fields}.`,
        result.problems,
      );
    }
    return result.period;
  }

  async carriers(merchantId: string, query: CarrierAnalyticsQuery): Promise<CarrierAnalytics> {
    const period = await this.period(merchantId, query);
    const rows = await this.repo.carrierFigures(bounds(merchantId, period), {
      carrier: query.carrier ?? null,
      byRegion: query.groupBy === 'region',
    });
    const carriers = new Map<string, CarrierFigures>();
    const entry = (carrier: string) => {
      let c = carriers.get(carrier);
      if (!c) {
        c = { carrier, totals: figures({ ...EMPTY, level: 'carrier' }), lanes: [] };
        carriers.set(carrier, c);
      }
      return c;
    };
    let totals = figures(EMPTY);
    for (const r of rows) {
      if (r.level === 'total') totals = figures(r);
      else if (r.level === 'carrier') entry(r.carrier ?? '').totals = figures(r);
      else {
        entry(r.carrier ?? '').lanes.push({
          origin: r.origin,
          destination: r.destination,
          region: r.region,
          label: laneLabel(r.origin, r.destination, r.region),
          ...figures(r),
        });
      }
    }
    // Most shipments first; ties by name, so the order is the same from one request to the next.
    const list = [...carriers.values()];
    for (const c of list) c.lanes.sort((x, y) => y.shipments - x.shipments || x.label.localeCompare(y.label));
    list.sort((x, y) => y.totals.shipments - x.totals.shipments || x.carrier.localeCompare(y.carrier));
    return { period, groupBy: query.groupBy, carrier: query.carrier ?? null, totals, carriers: list };
  }

  async merchant(merchantId: string, query: MerchantAnalyticsQuery): Promise<MerchantAnalytics> {
    const period = await this.period(merchantId, query);
    const b = bounds(merchantId, period);
    const [messageRows, notified, dayRows] = await Promise.all([
      this.repo.messages(b),
      this.repo.notifiedSubjects(b, PROACTIVE_MILESTONES),
      this.repo.pageViews(b),
    ]);

    const sent = new Map(messageRows.map((r) => [`${r.milestone}|${r.channel}`, r.sent]));
    const total = messageRows.reduce((n, r) => n + r.sent, 0);
    const data: { milestone: Milestone; channel: Channel; sent: number }[] = [];
    for (const milestone of MILESTONES) {
      for (const channel of CHANNELS)
        data.push({ milestone, channel, sent: sent.get(`${milestone}|${channel}`) ?? 0 });
    }
    const proactiveMessages = data
      .filter((d) => PROACTIVE_MILESTONES.includes(d.milestone))
      .reduce((n, d) => n + d.sent, 0);

    const days = dayRows.map((d) => ({
      day: d.day,
      views: d.link_views + d.number_views,
      linkViews: d.link_views,
      numberViews: d.number_views,
      lookupsFound: d.lookups_found,
      lookupsMissed: d.lookups_missed,
    }));
    const views = days.reduce((n, d) => n + d.views, 0);

    return {
      period,
      messages: { total, data },
      pageViews: { total: views, days },
      wismoContactsAvoided: estimateContactsAvoided(
        { trackingPageViews: views, notifiedShipments: notified, proactiveMessages },
        { deflectionRate: query.deflectionRate, costPerContact: query.costPerContact },
      ),
    };
  }

  /** Both reports for one period, as the analytics page shows them. */
  async overview(
    merchantId: string,
    query: AnalyticsOverviewQuery,
  ): Promise<{ carriers: CarrierAnalytics; merchant: MerchantAnalytics }> {
    const [carriers, merchant] = await Promise.all([
      this.carriers(merchantId, query),
      this.merchant(merchantId, query),
    ]);
    return { carriers, merchant };
  }
}

function bounds(merchantId: string, period: Period): PeriodBounds {
  return { merchantId, from: period.from, to: period.to, timeZone: period.timeZone };
}
