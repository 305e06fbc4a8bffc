// The stylesheet of the analytics section; the standalone page inlines it, a console page that embeds the
// section adds it to its own. Text colours keep 4.5:1 on their backgrounds (WCAG AA); bars are the
// SERIES_COLOURS of bar-chart.ts.

export const ANALYTICS_CSS = [
  '.analytics{max-width:60rem}',
  '.analytics h3{margin:1.75rem 0 .5rem}',
  '.analytics figure{margin:0 0 .5rem}',
  '.analytics .chart{display:block;max-width:100%;height:auto}',
  '.analytics .chart .cat,.analytics .chart .lg,.analytics .chart .vl{fill:#1f2937}',
  '.analytics .chart .tk,.analytics .chart .na{fill:#4b5563}',
  '.analytics .fig{margin:0 0 1.5rem}',
  '.analytics .tw{overflow:auto;max-height:24rem;margin:.5rem 0}',
  '.analytics .tw:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}',
  '.analytics table{border-collapse:collapse;font-size:.875rem;min-width:100%}',
  '.analytics caption{text-align:left;font-weight:600;padding:.25rem 0}',
  '.analytics th,.analytics td{padding:.25rem .5rem;border-bottom:1px solid #e5e7eb;text-align:left;vertical-align:top}',
  '.analytics thead th{position:sticky;top:0;background:#f9fafb}',
  '.analytics .n{text-align:right;white-space:nowrap}',
  '.analytics .facts div{display:flex;gap:1rem;padding:.125rem 0}',
  '.analytics .facts dt{min-width:20rem;color:#4b5563}',
  '.analytics .facts dd{margin:0;font-weight:600}',
  '.analytics .muted{color:#4b5563;font-size:.875rem}',
  '.analytics .note{border-left:4px solid #b45309;background:#fffbeb;padding:.5rem .75rem}',
].join('');
