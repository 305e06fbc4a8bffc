import type { SupportOrderView, SupportShipmentView } from '../../support/order-view.schemas.js';
import { type HeaderSession, renderConsolePage } from './engine.js';

// The agent's 360 view of an order as a page: the API's support view, put in words and tables. Times are
// shown in the merchant's zone, which the agents work in, with the zone named.

export interface Row {
  label: string;
  value: string;
  href?: string;
}

export interface Flash {
  tone: '' | 'bad';
  text: string;
}

const LANGUAGES: Record<string, string> = {
  en: 'English',
  ru: 'Russian',
  ja: 'Japanese',
  pl: 'Polish',
  ms: 'Malay',
};

const words = (code: string) => code.replaceAll('_', ' ');

export function tone(status: string): '' | 'ok' | 'warn' | 'bad' {
  if (['delivered', 'sent', 'applied'].includes(status)) return 'ok';
  if (['exception', 'failed', 'returned', 'returning', 'cancelled', 'expired', 'disabled'].includes(status)) {
    return 'bad';
  }
  if (
    ['delayed', 'attempt_failed', 'skipped', 'duplicate', 'out_of_order', 'superseded', 'held'].includes(
      status,
    )
  ) {
    return 'warn';
  }
  return '';
}

export function timeFormatter(timeZone: string): (iso: string | null) => string {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (iso) => (iso ? `${format.format(new Date(iso))}` : '—');
}

/** A calendar date (YYYY-MM-DD) as "Mon 7 Dec 2026": a date is a day wherever the agent is, so no zone. */
export function day(date: string | null): string {
  if (!date) return '—';
  const at = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(at.getTime())) return date;
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(at);
}

export function renderOrderPage(
  view: SupportOrderView,
  opts: { session: HeaderSession; timeZone: string; flash: Flash | null },
): string {
  const at = timeFormatter(opts.timeZone);
  const { order } = view;
  const c = order.customer;
  const a = order.shippingAddress;
  const contact: Row[] = [
    { label: 'Name', value: c?.name ?? '—' },
    c?.email ? { label: 'Email', value: c.email, href: `mailto:${c.email}` } : { label: 'Email', value: '—' },
    c?.phone ? { label: 'Phone', value: c.phone, href: `tel:${c.phone}` } : { label: 'Phone', value: '—' },
    { label: 'Language', value: c?.locale ?? '— (merchant default)' },
    { label: 'Time zone', value: c?.timeZone ?? '— (merchant default)' },
    { label: 'SMS consent', value: c?.smsConsent ? 'yes' : 'no' },
    {
      label: 'Address',
      value: a
        ? [a.line1, a.line2, [a.postalCode, a.city].filter(Boolean).join(' '), a.region, a.countryCode]
            .filter(Boolean)
            .join(', ') || '—'
        : '—',
    },
  ];
  const facts: Row[] = [
    { label: 'Placed', value: at(order.placedAt) },
    { label: 'Promised by', value: day(order.promisedDate) },
    { label: 'Confirmed', value: at(order.milestones.confirmedAt) },
    { label: 'Packed', value: at(order.milestones.packedAt) },
    ...(order.milestones.cancelledAt
      ? [{ label: 'Cancelled', value: at(order.milestones.cancelledAt) }]
      : []),
    order.trackingUrl
      ? { label: 'Shopper’s page', value: 'Open the tracking page', href: order.trackingUrl }
      : { label: 'Shopper’s page', value: '—' },
    { label: 'Times in', value: opts.timeZone },
  ];
  return renderConsolePage('@order', {
    title: `Order ${order.orderNumber}`,
    session: opts.session,
    csrf: opts.session.csrf,
    flash: opts.flash,
    orderNumber: order.orderNumber,
    status: words(order.status),
    tone: tone(order.status),
    contact,
    facts,
    items: (order.items ?? []).map((i) => `${i.quantity} × ${i.name}${i.sku ? ` (${i.sku})` : ''}`),
    reply: {
      ...view.suggestedReply,
      language: LANGUAGES[view.suggestedReply.locale] ?? view.suggestedReply.locale,
    },
    shipments: view.shipments.map((s) => shipmentView(s, order.id, at)),
    messages: view.notifications.map((m) => ({
      created: at(m.createdAt),
      milestone: words(m.milestone),
      channel: m.channel,
      recipient: m.recipient,
      status: m.status,
      tone: tone(m.status),
      reason: m.statusReason ? words(m.statusReason) : m.lastError,
      subject: m.subject ?? '—',
      sent: at(m.sentAt),
    })),
    webhooks: view.webhooks.map((w) => ({
      created: at(w.createdAt),
      type: w.type,
      sequence: w.sequence ?? '—',
      endpoint: w.endpointUrl,
      status: w.status,
      tone: tone(w.status),
      attempts: w.attempts,
      lastAnswer: [w.lastStatusCode, w.lastError].filter((x) => x !== null).join(' ') || '—',
      delivered: at(w.deliveredAt),
    })),
  });
}

function shipmentView(s: SupportShipmentView, orderId: string, at: (iso: string | null) => string) {
  const edd = s.edd;
  const carrierEdd = edd.carrier
    ? (edd.carrier.date ??
      (edd.carrier.windowStart ? `${at(edd.carrier.windowStart)} – ${at(edd.carrier.windowEnd)}` : '—'))
    : '—';
  const facts: Row[] = [
    {
      label: 'Status',
      value: [words(s.status), s.substatus ? `(${words(s.substatus)})` : ''].join(' ').trim(),
    },
    {
      label: 'Delay',
      value: s.delayed ? `delayed${s.delayReason ? `: ${words(s.delayReason)}` : ''}` : 'none',
    },
    {
      label: 'Tell the shopper',
      value: s.expected
        ? `${day(s.expected.date)} (${s.expected.kind === 'promised' ? 'promised date' : `${s.expected.kind} estimate`})`
        : '—',
    },
    { label: 'Carrier’s estimate', value: carrierEdd },
    {
      label: 'Predicted (lane history)',
      value: edd.predicted ? day(edd.predicted) : '— (not enough deliveries yet)',
    },
    { label: 'Promised', value: day(edd.promised) },
    { label: 'First estimate', value: day(edd.first) },
    { label: 'Latest estimate', value: day(edd.latest) },
    { label: 'Service', value: s.service ?? '—' },
    { label: 'Shipped', value: at(s.shippedAt) },
    { label: 'Delivered', value: at(s.deliveredAt) },
    ...(s.signedBy ? [{ label: 'Signed by', value: s.signedBy }] : []),
  ];
  const f = s.freshness;
  const freshness: Row[] = [
    { label: 'Last checked', value: at(f.lastCheckedAt) },
    { label: 'Next check', value: f.nextCheckAt ? at(f.nextCheckAt) : '— (not polled)' },
    {
      label: 'Last news by',
      value: f.lastSource === 'push' ? 'carrier push (webhook)' : f.lastSource === 'poll' ? 'polling' : '—',
    },
    { label: 'Last event', value: at(f.lastEventAt) },
    { label: 'Last error', value: f.lastError ?? 'none' },
  ];
  return {
    id: s.id,
    carrierName: s.carrierName,
    trackingNumber: s.trackingNumber,
    status: words(s.status),
    tone: s.delayed ? 'warn' : tone(s.status),
    facts,
    freshness,
    refreshAction: `/console/orders/${orderId}/shipments/${s.id}/refresh`,
    events: s.events.map((e) => ({
      when: at(e.occurredAt),
      status: [words(e.status), e.substatus ? `(${words(e.substatus)})` : ''].join(' ').trim(),
      said: `${e.rawCode}${e.rawText ? `: ${e.rawText}` : ''}`,
      where: e.location
        ? [e.location.city, e.location.region, e.location.countryCode].filter(Boolean).join(', ') || '—'
        : '—',
      decision: words(e.decision),
      tone: tone(e.decision),
      payloadId: e.rawPayloadId,
      payloadHref: e.rawPayloadId ? `/console/raw-payloads/${e.rawPayloadId}` : null,
    })),
  };
}
