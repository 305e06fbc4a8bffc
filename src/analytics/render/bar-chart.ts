import { html, type Markup } from './markup.js';

// Horizontal grouped bars: one group per category (a carrier, a lane, a milestone), one bar per series
// (on time against the estimate / against the promise, say). Horizontal because the categories are long
// labels ("dhl_express: PL → DE (BY)") that read badly under vertical bars.
//
// Accessible as one image: role="img" with a <title> and a <desc> that aria-labelledby points at; the
// figures themselves are in the table the page puts beside every chart. Every bar carries its value as a
// text label too, so the chart is readable without telling colours apart.

export interface BarSeries {
  name: string;
  values: readonly (number | null)[];
}

export interface BarChartSpec {
  /** Unique on the page: the ids of the title and description are made from it. */
  id: string;
  title: string;
  description: string;
  categories: readonly string[];
  series: readonly BarSeries[];
  /** The value of a full-length bar; default: the largest value. Rates use 1. */
  max?: number;
  format: (value: number) => string;
}

// Colours with at least 3:1 contrast on white (WCAG 1.4.11, non-text contrast), told apart by lightness too.
export const SERIES_COLOURS = ['#1d4ed8', '#b45309', '#047857', '#7c3aed'] as const;

const WIDTH = 720;
const LABEL_WIDTH = 210;
const VALUE_WIDTH = 80;
const PLOT_WIDTH = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 8;
const BAR = 14;
const BAR_GAP = 2;
const GROUP_GAP = 12;
const LEGEND = 26;
const MAX_LABEL = 30;

/** Long labels are cut to fit; the table beside the chart has them whole. */
function shorten(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

/** An id safe in an attribute and in aria-labelledby (no spaces). */
export function chartId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '-');
}

export function barChart(spec: BarChartSpec): Markup {
  const id = chartId(spec.id);
  const values = spec.series
    .flatMap((s) => s.values)
    .filter((v): v is number => v !== null && Number.isFinite(v));
  const max = spec.max ?? Math.max(0, ...values);
  const groupHeight = spec.series.length * (BAR + BAR_GAP) - BAR_GAP;
  const top = spec.series.length > 1 ? LEGEND : 4;
  const height = Math.max(top + spec.categories.length * (groupHeight + GROUP_GAP) + 4, top + 40);
  const scale = (v: number) => (max > 0 ? Math.max(0, Math.min(1, v / max)) * PLOT_WIDTH : 0);

  // Legend entries side by side, each as wide as its name (about 7 px a character at 12 px).
  let legendX = LABEL_WIDTH;
  const legend =
    spec.series.length > 1
      ? spec.series.map((s, i) => {
          const x = legendX;
          legendX += 16 + s.name.length * 7 + 20;
          return html`<rect x="${x}" y="4" width="12" height="12" fill="${SERIES_COLOURS[i % SERIES_COLOURS.length]}"/><text x="${x + 16}" y="14" class="lg">${s.name}</text>`;
        })
      : [];

  const groups = spec.categories.map((category, c) => {
    const y0 = top + c * (groupHeight + GROUP_GAP);
    const bars = spec.series.map((s, i) => {
      const y = y0 + i * (BAR + BAR_GAP);
      const v = s.values[c] ?? null;
      if (v === null || !Number.isFinite(v)) {
        return html`<text x="${LABEL_WIDTH + 4}" y="${y + BAR - 3}" class="na">${s.name}: no data</text>`;
      }
      const w = Math.round(scale(v) * 10) / 10;
      return html`<rect class="bar" x="${LABEL_WIDTH}" y="${y}" width="${w}" height="${BAR}" fill="${SERIES_COLOURS[i % SERIES_COLOURS.length]}"/><text x="${LABEL_WIDTH + w + 4}" y="${y + BAR - 3}" class="vl">${spec.format(v)}</text>`;
    });
    return html`<g><text x="${LABEL_WIDTH - 8}" y="${y0 + groupHeight / 2 + 4}" text-anchor="end" class="cat">${shorten(category)}</text>${bars}</g>`;
  });

  const empty =
    spec.categories.length === 0
      ? html`<text x="${WIDTH / 2}" y="${top + 24}" text-anchor="middle" class="na">No data for this period</text>`
      : null;

  return html`<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${WIDTH} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" font-family="system-ui,sans-serif" font-size="12"><title id="${id}-title">${spec.title}</title><desc id="${id}-desc">${spec.description}</desc><line x1="${LABEL_WIDTH}" y1="${top - 2}" x2="${LABEL_WIDTH}" y2="${height - 2}" stroke="#6b7280"/>${legend}${groups}${empty}</svg>`;
}
