import type { CarrierAnalytics, MerchantAnalytics, ShipmentFigures } from '../analytics.schemas.js';
import { barChart } from './bar-chart.js';
import { columnChart } from './column-chart.js';
import { amount, count, days, NO_DATA, percent, ratio } from './format.js';
import { html, type Markup } from './markup.js';
import { dataTable } from './table.js';

// The analytics section of the agent console: each chart with its table, in the order a merchant asks
// "are parcels on time?", "where is it slow?", "what went wrong?", "what did shoppers hear and look at?",
// "what did it save us?". English only. A fragment (no <html>), for a page that has its own frame; the
// stylesheet it needs is ANALYTICS_CSS.

export interface AnalyticsView {
  carriers: CarrierAnalytics;
  merchant: MerchantAnalytics;
}

const ALL = 'All carriers';
const human = (code: string) => {
  const s = code.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
};

function figure(chart: Markup, table: Markup): Markup {
  return html`<div class="fig"><figure>${chart}</figure>${table}</div>`;
}

/** Per carrier, with the total first when there is more than one carrier to compare it with. */
function carrierRows(c: CarrierAnalytics): { name: string; f: ShipmentFigures }[] {
  const rows = c.carriers.map((x) => ({ name: x.carrier, f: x.totals }));
  return rows.length > 1 ? [{ name: ALL, f: c.totals }, ...rows] : rows;
}

function onTime(c: CarrierAnalytics): Markup {
  const rows = carrierRows(c);
  return figure(
    barChart({
      id: 'an-ontime',
      title: 'On-time delivery rate per carrier',
      description:
        'For each carrier, two bars: the share of delivered parcels that arrived on or before the carrier’s first estimate, and on or before the date promised to the shopper. The table that follows has the same figures.',
      categories: rows.map((r) => r.name),
      series: [
        { name: 'vs carrier’s first estimate', values: rows.map((r) => r.f.onTimeVsCarrierEdd.rate) },
        { name: 'vs promised date', values: rows.map((r) => r.f.onTimeVsPromised.rate) },
      ],
      max: 1,
      format: percent,
    }),
    dataTable({
      id: 'an-ontime-table',
      caption: 'On time per carrier',
      head: ['Carrier', 'Shipments', 'Delivered', 'On time vs estimate', 'On time vs promise'],
      rows: rows.map((r) => [
        r.name,
        count(r.f.shipments),
        count(r.f.delivered),
        ratio(r.f.onTimeVsCarrierEdd),
        ratio(r.f.onTimeVsPromised),
      ]),
    }),
  );
}

function transit(c: CarrierAnalytics): Markup {
  const rows = carrierRows(c);
  return figure(
    barChart({
      id: 'an-transit',
      title: 'Transit days per carrier, median and 90th percentile',
      description:
        'For each carrier, two bars: the median (p50) and the 90th percentile (p90) of days from shipped to delivered. The table that follows has the same figures.',
      categories: rows.map((r) => r.name),
      series: [
        { name: 'p50 (median)', values: rows.map((r) => r.f.transitDays.p50) },
        { name: 'p90', values: rows.map((r) => r.f.transitDays.p90) },
      ],
      format: days,
    }),
    dataTable({
      id: 'an-transit-table',
      caption: 'Transit days per carrier',
      head: ['Carrier', 'Delivered and measured', 'p50', 'p90'],
      rows: rows.map((r) => [
        r.name,
        count(r.f.transitDays.measured),
        days(r.f.transitDays.p50),
        days(r.f.transitDays.p90),
      ]),
    }),
  );
}

function problems(c: CarrierAnalytics): Markup {
  const rows = carrierRows(c);
  return figure(
    barChart({
      id: 'an-problems',
      title: 'First-attempt delivery, exception and return rates per carrier',
      description:
        'For each carrier, three bars: the share of delivered parcels delivered without a failed attempt first, the share of shipments that had an exception, and the share being returned or returned. The table that follows has the same figures.',
      categories: rows.map((r) => r.name),
      series: [
        { name: 'first attempt', values: rows.map((r) => r.f.firstAttempt.rate) },
        { name: 'exceptions', values: rows.map((r) => r.f.exceptions.rate) },
        { name: 'returns', values: rows.map((r) => r.f.returns.rate) },
      ],
      max: 1,
      format: percent,
    }),
    dataTable({
      id: 'an-problems-table',
      caption: 'First attempts, exceptions and returns per carrier',
      head: ['Carrier', 'Delivered at first attempt', 'Exceptions', 'Returns'],
      rows: rows.map((r) => [r.name, ratio(r.f.firstAttempt), ratio(r.f.exceptions), ratio(r.f.returns)]),
    }),
  );
}

function lanes(c: CarrierAnalytics): Markup {
  const rows = c.carriers.flatMap((x) => x.lanes.map((l) => ({ name: `${x.carrier}: ${l.label}`, f: l })));
  return figure(
    barChart({
      id: 'an-lanes',
      title: `On-time delivery rate per carrier and ${c.groupBy === 'region' ? 'lane and region' : 'lane'}`,
      description:
        'For each carrier and lane (origin country to destination country), two bars: on time against the carrier’s first estimate and against the promised date. The table that follows has every figure of every lane.',
      categories: rows.map((r) => r.name),
      series: [
        { name: 'vs carrier’s first estimate', values: rows.map((r) => r.f.onTimeVsCarrierEdd.rate) },
        { name: 'vs promised date', values: rows.map((r) => r.f.onTimeVsPromised.rate) },
      ],
      max: 1,
      format: percent,
    }),
    dataTable({
      id: 'an-lanes-table',
      caption: 'Every figure per carrier and lane',
      head: [
        'Carrier and lane',
        'Shipments',
        'Delivered',
        'On time vs estimate',
        'On time vs promise',
        'Transit p50',
        'Transit p90',
        'First attempt',
        'Exceptions',
        'Returns',
      ],
      rows: rows.map((r) => [
        r.name,
        count(r.f.shipments),
        count(r.f.delivered),
        ratio(r.f.onTimeVsCarrierEdd),
        ratio(r.f.onTimeVsPromised),
        days(r.f.transitDays.p50),
        days(r.f.transitDays.p90),
        ratio(r.f.firstAttempt),
        ratio(r.f.exceptions),
        ratio(r.f.returns),
      ]),
    }),
  );
}

function messages(m: MerchantAnalytics): Markup {
  const milestones = [...new Set(m.messages.data.map((d) => d.milestone))];
  const sent = (milestone: string, channel: string) =>
    m.messages.data.find((d) => d.milestone === milestone && d.channel === channel)?.sent ?? 0;
  return figure(
    barChart({
      id: 'an-messages',
      title: 'Messages sent by milestone and channel',
      description: `${count(m.messages.total)} messages sent in the period. For each milestone, one bar for email and one for SMS. The table that follows has the same figures.`,
      categories: milestones.map(human),
      series: [
        { name: 'email', values: milestones.map((ms) => sent(ms, 'email')) },
        { name: 'SMS', values: milestones.map((ms) => sent(ms, 'sms')) },
      ],
      format: count,
    }),
    dataTable({
      id: 'an-messages-table',
      caption: 'Messages sent by milestone and channel',
      head: ['Milestone', 'Email', 'SMS', 'Total'],
      rows: milestones.map((ms) => [
        human(ms),
        count(sent(ms, 'email')),
        count(sent(ms, 'sms')),
        count(sent(ms, 'email') + sent(ms, 'sms')),
      ]),
    }),
  );
}

function pageViews(m: MerchantAnalytics): Markup {
  const d = m.pageViews.days;
  return figure(
    columnChart({
      id: 'an-views',
      title: 'Tracking page views per day',
      description: `${count(m.pageViews.total)} views in the period, one column per day (UTC days). The table that follows has every day.`,
      labels: d.map((x) => x.day),
      values: d.map((x) => x.views),
      format: count,
    }),
    dataTable({
      id: 'an-views-table',
      caption: 'Tracking page views per day',
      head: ['Day (UTC)', 'Views', 'From a link', 'By tracking number', 'Lookups found', 'Lookups missed'],
      rows: d.map((x) => [
        x.day,
        count(x.views),
        count(x.linkViews),
        count(x.numberViews),
        count(x.lookupsFound),
        count(x.lookupsMissed),
      ]),
    }),
  );
}

function contactsAvoided(m: MerchantAnalytics): Markup {
  const w = m.wismoContactsAvoided;
  const i = w.inputs;
  return html`<dl class="facts"><div><dt>Contacts avoided (estimate)</dt><dd>${count(w.estimate)}</dd></div><div><dt>Worth</dt><dd>${amount(w.savings.amount, w.savings.currency)}</dd></div><div><dt>Formula</dt><dd><code>${w.formula}</code></dd></div><div><dt>Tracking page views</dt><dd>${count(i.trackingPageViews)}</dd></div><div><dt>Parcels whose shopper was told where they are</dt><dd>${count(i.notifiedShipments)} (${count(i.proactiveMessages)} messages)</dd></div><div><dt>Deflection rate (assumed)</dt><dd>${i.deflectionRate}</dd></div><div><dt>Cost of one contact (assumed)</dt><dd>${amount(i.costPerContact, w.savings.currency)}</dd></div></dl><p class="muted">An estimate, not a measurement: each page view and each parcel with a message about where it is counts as one question answered before it was asked, and the deflection rate is the share of those that would have reached support. Proactive milestones: ${w.proactiveMilestones.map(human).join(', ')}.</p>`;
}

/** The period as people say it: the last day included. */
function periodText(c: CarrierAnalytics): Markup {
  const p = c.period;
  const last = new Date(`${p.to}T00:00:00Z`);
  last.setUTCDate(last.getUTCDate() - 1);
  const lastDay = last.toISOString().slice(0, 10);
  return html`<p>From <time datetime="${p.from}">${p.from}</time> to <time datetime="${lastDay}">${lastDay}</time> included: ${count(p.days)} days, in the time zone ${p.timeZone}. Shipments are counted by the day they were shipped (or registered, if never scanned); cancelled ones are left out.${c.carrier ? html` Carrier: ${c.carrier}.` : null}</p>`;
}

export function analyticsSection(view: AnalyticsView): Markup {
  const c = view.carriers;
  const m = view.merchant;
  const none = c.totals.shipments === 0 ? html`<p class="note">No shipments in this period.</p>` : null;
  return html`<section class="analytics" aria-labelledby="an-heading"><h2 id="an-heading">Analytics</h2>${periodText(c)}${none}<h3>On time</h3>${onTime(c)}<h3>Transit time</h3>${transit(c)}<h3>Failed attempts, exceptions and returns</h3>${problems(c)}<h3>Lanes</h3>${lanes(c)}<h3>Messages to shoppers</h3>${messages(m)}<h3>Tracking page</h3>${pageViews(m)}<h3>“Where is my order?” contacts avoided</h3>${contactsAvoided(m)}<p class="muted">${NO_DATA} means nothing to measure yet (no delivered parcel with an estimate, say). Every figure is defined in docs/analytics.md.</p></section>`;
}

/** The analytics section as an HTML fragment. */
export function renderAnalyticsSection(view: AnalyticsView): string {
  return analyticsSection(view).value;
}
