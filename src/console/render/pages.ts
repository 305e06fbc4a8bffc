import type { z } from 'zod';
import {
  ANALYTICS_CSS,
  type AnalyticsView,
  periodForm,
  renderAnalyticsSection,
} from '../../analytics/render/index.js';
import type { RawPayloadDetail } from '../../intake/raw-payloads.schemas.js';
import type { SearchHit } from '../../support/search.schemas.js';
import { type HeaderSession, renderConsolePage } from './engine.js';
import { type Row, timeFormatter, tone } from './order-page.js';

// The console's smaller pages: sign in, search, a raw payload, a message.

export function renderSignInPage(opts: { error: string | null; ttl: string }): string {
  return renderConsolePage('@sign-in', { title: 'Sign in', session: null, ...opts });
}

export function renderSearchPage(opts: {
  session: HeaderSession;
  query: string;
  hits: z.infer<typeof SearchHit>[];
  error: string | null;
  timeZone: string;
}): string {
  const at = timeFormatter(opts.timeZone);
  return renderConsolePage('@search', {
    title: opts.query ? `Search: ${opts.query}` : 'Search',
    session: opts.session,
    query: opts.query,
    error: opts.error,
    hits: opts.hits.map((h) => ({
      href: `/console/orders/${h.orderId}`,
      orderNumber: h.orderNumber,
      status: h.status.replaceAll('_', ' '),
      tone: tone(h.status),
      customer: [h.customer.name, h.customer.email, h.customer.phone].filter(Boolean).join(' · ') || '—',
      trackingNumbers: h.trackingNumbers.join(', ') || '—',
      matchedOn: h.matchedOn.replaceAll('_', ' '),
      updatedAt: at(h.updatedAt),
    })),
  });
}

/** A payload as received; binary bodies stay base64, JSON is indented for reading. */
export function renderPayloadPage(
  payload: z.infer<typeof RawPayloadDetail>,
  opts: { session: HeaderSession; timeZone: string },
): string {
  const at = timeFormatter(opts.timeZone);
  const facts: Row[] = [
    { label: 'Carrier', value: payload.carrier },
    { label: 'Came by', value: payload.source },
    { label: 'Received', value: at(payload.receivedAt) },
    { label: 'State', value: payload.state },
    { label: 'Attempts', value: String(payload.attempts) },
    { label: 'Verified by', value: payload.verifiedBy ?? '—' },
    { label: 'Content type', value: payload.contentType ?? '—' },
    { label: 'Size', value: `${payload.sizeBytes} bytes` },
    { label: 'Tracking numbers', value: payload.trackingNumbers.join(', ') || '—' },
    { label: 'Error', value: payload.error ?? 'none' },
  ];
  return renderConsolePage('@payload', {
    title: `Raw payload ${payload.id}`,
    session: opts.session,
    id: payload.id,
    facts,
    body: readable(payload.body, payload.bodyEncoding),
  });
}

function readable(body: string, encoding: 'utf8' | 'base64'): string {
  if (encoding === 'base64') return body;
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

export function renderMessagePage(opts: {
  session: HeaderSession | null;
  heading: string;
  text: string;
  tone?: '' | 'bad';
  link?: { href: string; text: string };
}): string {
  return renderConsolePage('@message', { title: opts.heading, tone: opts.tone ?? 'bad', ...opts });
}

/** Carrier and merchant analytics for a period, in the console's frame (charts are inline SVG). */
export function renderAnalyticsConsolePage(opts: { session: HeaderSession; view: AnalyticsView }): string {
  return renderConsolePage('@analytics', {
    title: 'Analytics',
    session: opts.session,
    extraCss: ANALYTICS_CSS,
    form: periodForm(opts.view, '/console/analytics').value,
    section: renderAnalyticsSection(opts.view),
  });
}
