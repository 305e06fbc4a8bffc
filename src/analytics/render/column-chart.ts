import { chartId, SERIES_COLOURS } from './bar-chart.js';
import { html, type Markup } from './markup.js';

// Vertical columns over time: one per day of the period (up to 366), so no value labels on the columns
// themselves (the table beside it has every day); a few dates along the axis, the top of the scale on it,
// and each column's day and value as its tooltip. Accessible as one image, like the bar chart.

export interface ColumnChartSpec {
  id: string;
  title: string;
  description: string;
  labels: readonly string[];
  values: readonly number[];
  format: (value: number) => string;
}

const WIDTH = 720;
const HEIGHT = 220;
const LEFT = 56;
const RIGHT = 8;
const TOP = 12;
const BOTTOM = 28;
const PLOT_WIDTH = WIDTH - LEFT - RIGHT;
const PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
const TICKS = 6;

/** Indexes of the labels printed under the axis: the first, the last, and a few evenly between. */
export function tickIndexes(n: number, ticks = TICKS): number[] {
  if (n <= ticks) return Array.from({ length: n }, (_, i) => i);
  const step = (n - 1) / (ticks - 1);
  return [...new Set(Array.from({ length: ticks }, (_, i) => Math.round(i * step)))];
}

export function columnChart(spec: ColumnChartSpec): Markup {
  const id = chartId(spec.id);
  const n = spec.labels.length;
  const max = Math.max(0, ...spec.values.filter(Number.isFinite));
  const slot = n > 0 ? PLOT_WIDTH / n : PLOT_WIDTH;
  // A gap between columns while there is room for one; at a year of days they touch.
  const gap = slot >= 4 ? Math.min(2, slot / 4) : 0;
  const base = TOP + PLOT_HEIGHT;
  const round = (v: number) => Math.round(v * 10) / 10;

  const columns = spec.labels.map((label, i) => {
    const v = spec.values[i] ?? 0;
    const h = max > 0 && Number.isFinite(v) ? round((Math.max(0, v) / max) * PLOT_HEIGHT) : 0;
    return html`<rect class="bar" x="${round(LEFT + i * slot + gap / 2)}" y="${round(base - h)}" width="${round(slot - gap)}" height="${h}" fill="${SERIES_COLOURS[0]}"><title>${label}: ${spec.format(v)}</title></rect>`;
  });
  // The first and last labels are aligned to the plot's edges, so they are not cut off by the image's.
  const anchor = (i: number) => (n > 1 && i === 0 ? 'start' : n > 1 && i === n - 1 ? 'end' : 'middle');
  const tickX = (i: number) =>
    anchor(i) === 'start'
      ? LEFT
      : anchor(i) === 'end'
        ? LEFT + PLOT_WIDTH
        : round(LEFT + i * slot + slot / 2);
  const ticks = tickIndexes(n).map(
    (i) =>
      html`<text x="${tickX(i)}" y="${HEIGHT - 8}" text-anchor="${anchor(i)}" class="tk">${spec.labels[i] ?? ''}</text>`,
  );
  const empty =
    max === 0
      ? html`<text x="${LEFT + PLOT_WIDTH / 2}" y="${TOP + PLOT_HEIGHT / 2}" text-anchor="middle" class="na">None in this period</text>`
      : null;

  return html`<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" preserveAspectRatio="xMinYMin meet" font-family="system-ui,sans-serif" font-size="12"><title id="${id}-title">${spec.title}</title><desc id="${id}-desc">${spec.description}</desc><line x1="${LEFT}" y1="${TOP}" x2="${LEFT + PLOT_WIDTH}" y2="${TOP}" stroke="#d1d5db"/><text x="${LEFT - 6}" y="${TOP + 4}" text-anchor="end" class="tk">${spec.format(max)}</text><text x="${LEFT - 6}" y="${base + 4}" text-anchor="end" class="tk">${spec.format(0)}</text>${columns}<line x1="${LEFT}" y1="${base}" x2="${LEFT + PLOT_WIDTH}" y2="${base}" stroke="#6b7280"/>${ticks}${empty}</svg>`;
}
