import { Eta } from 'eta/core';
import { ANALYTICS, CSS, DL, LAYOUT, MESSAGE, ORDER, PAYLOAD, SEARCH, SIGN_IN } from './templates.js';

// Compiled once from strings (eta/core has no file loader); autoEscape on, so values reach pages as text.
const eta = new Eta({ autoEscape: true, autoTrim: false, cache: true });
eta.loadTemplate('@layout', LAYOUT);
eta.loadTemplate('@sign-in', SIGN_IN);
eta.loadTemplate('@search', SEARCH);
eta.loadTemplate('@order', ORDER);
eta.loadTemplate('@payload', PAYLOAD);
eta.loadTemplate('@message', MESSAGE);
eta.loadTemplate('@analytics', ANALYTICS);
eta.loadTemplate('@dl', DL);

export type ConsoleTemplate = '@sign-in' | '@search' | '@order' | '@payload' | '@message' | '@analytics';

/** What the header shows for a signed-in agent. */
export interface HeaderSession {
  merchantName: string;
  prefix: string;
  csrf: string;
  /** May see the merchant's orders (search, analytics). */
  agent: boolean;
  /** Signed in with an operator key: the queue dashboard is theirs. */
  operator: boolean;
}

export function renderConsolePage(
  name: ConsoleTemplate,
  data: { title: string; session: HeaderSession | null; query?: string } & Record<string, unknown>,
): string {
  return eta.render(name, { css: CSS, ...data });
}
