import { AnalyticsOverviewQuery } from '../analytics/analytics.schemas.js';
import type { AnalyticsService } from '../analytics/analytics.service.js';
import { AppError } from '../errors.js';
import type { RawPayloadsService } from '../intake/raw-payloads.service.js';
import type { RefreshService } from '../polling/refresh.service.js';
import type { AgentContext, SupportViewService } from '../support/order-view.service.js';
import type { SearchService } from '../support/search.service.js';
import type { HeaderSession } from './render/engine.js';
import { type Flash, renderOrderPage } from './render/order-page.js';
import {
  renderAnalyticsConsolePage,
  renderMessagePage,
  renderPayloadPage,
  renderSearchPage,
  renderSignInPage,
} from './render/pages.js';
import type { ConsoleSession } from './session.js';

// The agent console's pages, built from the same services as the API: what an agent sees here is what
// the API answers an agent key. Every page is for the session's merchant only.

export interface ConsolePage {
  status: number;
  html: string;
}

/** Renders the analytics section for a merchant and a period, as the analytics feature defines it. */
export type AnalyticsSection = (
  merchantId: string,
  query: Record<string, string | undefined>,
) => Promise<string>;

const REFRESH_FLASH: Record<string, Flash> = {
  ok: { tone: '', text: 'Asked the carrier just now: the shipment below is as it answered.' },
  limited: { tone: 'bad', text: 'This shipment was refreshed moments ago; try again shortly.' },
  unpollable: {
    tone: 'bad',
    text: 'wismo cannot ask this carrier: the merchant has no carrier connection with API credentials for it.',
  },
  failed: { tone: 'bad', text: 'The carrier did not answer; the shipment’s last error says why.' },
};

export class ConsoleService {
  constructor(
    private readonly search: SearchService,
    private readonly support: SupportViewService,
    private readonly refresher: RefreshService,
    private readonly payloads: RawPayloadsService,
    private readonly analytics: AnalyticsService,
    private readonly sessionTtl: string,
  ) {}

  signIn(error: string | null): ConsolePage {
    return { status: error ? 401 : 200, html: renderSignInPage({ error, ttl: this.sessionTtl }) };
  }

  async searchPage(session: ConsoleSession, query: string): Promise<ConsolePage> {
    const { header, timeZone } = await this.header(session);
    const q = query.trim().slice(0, 200);
    if (q === '')
      return {
        status: 200,
        html: renderSearchPage({ session: header, query: '', hits: [], error: null, timeZone }),
      };
    if (q.length < 2) {
      return {
        status: 400,
        html: renderSearchPage({
          session: header,
          query: q,
          hits: [],
          error: 'Type at least 2 characters.',
          timeZone,
        }),
      };
    }
    const result = await this.search.search(session.principal.merchantId, q, 25);
    return {
      status: 200,
      html: renderSearchPage({ session: header, query: q, hits: result.data, error: null, timeZone }),
    };
  }

  async orderPage(
    session: ConsoleSession,
    orderId: string,
    refreshed: string | undefined,
  ): Promise<ConsolePage> {
    const { view, context } = await this.support.viewWithContext(session.principal.merchantId, orderId);
    const { header, timeZone } = this.headerFrom(session, context);
    const flash =
      refreshed && Object.hasOwn(REFRESH_FLASH, refreshed) ? (REFRESH_FLASH[refreshed] ?? null) : null;
    return { status: 200, html: renderOrderPage(view, { session: header, timeZone, flash }) };
  }

  /** Asks the carrier now; the answer is the flash the order page shows (never an error page). */
  async refresh(session: ConsoleSession, shipmentId: string): Promise<keyof typeof REFRESH_FLASH> {
    try {
      await this.refresher.refresh(session.principal.merchantId, shipmentId);
      return 'ok';
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.status === 404) throw err;
      if (err.status === 429) return 'limited';
      if (err.status === 409) return 'unpollable';
      return 'failed';
    }
  }

  async payloadPage(session: ConsoleSession, payloadId: number): Promise<ConsolePage> {
    const { header, timeZone } = await this.header(session);
    const payload = await this.payloads.get(session.principal.merchantId, payloadId);
    return { status: 200, html: renderPayloadPage(payload, { session: header, timeZone }) };
  }

  /** The period and grouping come from the page's own form; a bad one is a 400 page naming the field. */
  async analyticsPage(session: ConsoleSession, query: Record<string, unknown>): Promise<ConsolePage> {
    const { header } = await this.header(session);
    const parsed = AnalyticsOverviewQuery.safeParse(query);
    if (!parsed.success) {
      const fields = parsed.error.issues
        .map((i) => `${i.path.join('.') || 'query'}: ${i.message}`)
        .join('; ');
      return this.message(header, 'Analytics', `That period cannot be shown (${fields}).`, 400);
    }
    const view = await this.analytics.overview(session.principal.merchantId, parsed.data);
    return { status: 200, html: renderAnalyticsConsolePage({ session: header, view }) };
  }

  /** An operator's session: the queue dashboard is theirs, the shoppers' data is not. */
  async operatorOnly(session: ConsoleSession, status: number): Promise<ConsolePage> {
    const { header } = await this.header(session);
    return {
      status,
      html: renderMessagePage({
        session: header,
        heading: 'Queue dashboard',
        text: 'This key has the operator scope: it opens the queue dashboard, not the merchant’s orders.',
        tone: '',
        link: { href: '/admin/queues', text: 'Open the queue dashboard' },
      }),
    };
  }

  /** Our failure, said without touching the database (it may be what failed), with the id to quote. */
  failurePage(status: number, requestId: string): ConsolePage {
    return this.message(
      null,
      'Something went wrong',
      `The page could not be built${status === 503 ? ': the database or Redis is unavailable' : ''}. Try again in a moment; if it keeps failing, give your operator the request id ${requestId}.`,
      status,
    );
  }

  /** A page for what went wrong (not found, bad input), in the console's frame. */
  async errorPage(session: ConsoleSession | null, status: number, text: string): Promise<ConsolePage> {
    const header = session ? (await this.header(session)).header : null;
    return this.message(header, status === 404 ? 'Not found' : 'Something went wrong', text, status);
  }

  private message(header: HeaderSession | null, heading: string, text: string, status: number): ConsolePage {
    return { status, html: renderMessagePage({ session: header, heading, text }) };
  }

  private async header(session: ConsoleSession): Promise<{ header: HeaderSession; timeZone: string }> {
    return this.headerFrom(session, await this.support.agentContext(session.principal.merchantId));
  }

  private headerFrom(
    session: ConsoleSession,
    { merchantName, timeZone }: AgentContext,
  ): { header: HeaderSession; timeZone: string } {
    const { agent, operator, csrf } = session;
    return {
      header: { merchantName, prefix: session.principal.prefix, csrf, agent, operator },
      timeZone,
    };
  }
}
