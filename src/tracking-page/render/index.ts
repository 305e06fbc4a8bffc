import { renderTemplate } from './engine.js';
import { lookupModel, notFoundModel } from './lookup-view.js';
import { trackingModel } from './tracking-view.js';
import type { LookupPageView, NotFoundPageView, TrackingPageView } from './types.js';

// Pure server-side rendering of the shopper-facing pages: a view in, a whole HTML document out. No I/O, no
// clock, no JavaScript in the output.

export { pageLocale } from './locale.js';
export type {
  LookupPageView,
  NotFoundPageView,
  PageCheckpoint,
  PageMerchant,
  PageShipment,
  TrackingPageView,
} from './types.js';

export function renderTrackingPage(view: TrackingPageView): string {
  return renderTemplate('@tracking', trackingModel(view));
}

export function renderLookupPage(view: LookupPageView): string {
  return renderTemplate('@lookup', lookupModel(view));
}

export function renderNotFoundPage(view: NotFoundPageView): string {
  return renderTemplate('@not-found', notFoundModel(view));
}
