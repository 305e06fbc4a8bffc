// What the agent console needs to show analytics: the section (to embed, with its stylesheet) or the page.

export { type AnalyticsPageOptions, periodForm, renderAnalyticsPage } from './page.js';
export { type AnalyticsView, renderAnalyticsSection } from './section.js';
export { ANALYTICS_CSS } from './styles.js';
