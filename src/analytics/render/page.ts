import { html, Markup } from './markup.js';
import { type AnalyticsView, analyticsSection } from './section.js';
import { ANALYTICS_CSS } from './styles.js';

// A whole page around the analytics section, for serving it on its own: the period form (a plain GET, so
// a period is a link that can be shared or bookmarked), the section, one inline stylesheet, no scripts.
// The Content-Security-Policy forbids scripts and everything loaded from elsewhere, so even a missed escape
// could not run one. English only.

export interface AnalyticsPageOptions {
  /** The page's title; default "Analytics". */
  title?: string;
  /** Where the period form is sent (GET); default: this page itself. */
  action?: string;
}

const FORM_CSS = [
  '*{box-sizing:border-box}',
  "body{margin:0;padding:1rem;background:#fff;color:#1f2937;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}",
  'main{max-width:60rem;margin:0 auto}',
  'h1{font-size:1.5rem;margin:0 0 1rem}',
  'form{display:flex;flex-wrap:wrap;gap:.75rem 1rem;align-items:end;margin:0 0 1.5rem;padding:.75rem;background:#f3f4f6;border-radius:.5rem}',
  'label{display:flex;flex-direction:column;font-size:.875rem;color:#374151}',
  'input,select,button{font:inherit;padding:.25rem .5rem;border:1px solid #6b7280;border-radius:.25rem;background:#fff;color:#1f2937}',
  'button{background:#1d4ed8;border-color:#1d4ed8;color:#fff;cursor:pointer}',
  ':focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}',
].join('');

/** The period form: a plain GET, so a period is a link that can be shared or bookmarked. */
export function periodForm(view: AnalyticsView, action?: string): Markup {
  const p = view.carriers.period;
  const groupBy = view.carriers.groupBy;
  return html`<form class="period" method="get"${action ? html` action="${action}"` : null} aria-label="Period"><label>From (first day)<input type="date" name="from" value="${p.from}" required></label><label>To (exclusive: the day after the last)<input type="date" name="to" value="${p.to}" required></label><label>Lanes<select name="groupBy"><option value="lane"${groupBy === 'lane' ? html` selected` : null}>by country</option><option value="region"${groupBy === 'region' ? html` selected` : null}>by country and region</option></select></label><button type="submit">Show</button></form>`;
}

// The stylesheet is this module's own constant, not data: it is inserted as it is (escaping would turn its
// quotes into entities, which CSS does not read).
const STYLES = new Markup(FORM_CSS + ANALYTICS_CSS);

export function renderAnalyticsPage(view: AnalyticsView, options: AnalyticsPageOptions = {}): string {
  const title = options.title ?? 'Analytics';
  const form = periodForm(view, options.action);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'">
<title>${title}</title>
<style>${STYLES}</style>
</head>
<body>
<main>
<h1>${title}</h1>
${form}
${analyticsSection(view)}
</main>
</body>
</html>
`.value;
}
