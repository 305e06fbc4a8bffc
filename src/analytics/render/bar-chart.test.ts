import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { barChart } from './bar-chart.js';

const percent = (v: number) => `${(v * 100).toFixed(1)} %`;

const spec = {
  id: 'on-time',
  title: 'On time',
  description: 'Two bars per carrier.',
  categories: ['ups', 'dhl_express', 'gls'],
  series: [
    { name: 'vs estimate', values: [0.75, 0.5, null] },
    { name: 'vs promise', values: [1, 0.25, 0] },
  ],
  max: 1,
  format: percent,
};

const count = (svg: string, needle: RegExp) => (svg.match(needle) ?? []).length;

describe('bar chart', () => {
  it('draws one bar per value, and says "no data" where there is none', () => {
    const svg = barChart(spec).value;
    expect(count(svg, /<rect class="bar"/g)).toBe(5);
    expect(svg).toContain('vs estimate: no data');
    expect(svg).toContain('>75.0 %</text>');
    expect(svg).toContain('>0.0 %</text>');
  });

  it('scales bars to the maximum: half the value, half the length', () => {
    const svg = barChart(spec).value;
    const widths = [...svg.matchAll(/class="bar" x="\d+" y="\d+" width="([\d.]+)"/g)].map((m) =>
      Number(m[1]),
    );
    // ups 0.75 and 1, dhl_express 0.5 and 0.25, gls 0
    expect(widths[1]).toBeGreaterThan(0);
    expect(widths[0]).toBeCloseTo((widths[1] as number) * 0.75, 0);
    expect(widths[2]).toBeCloseTo((widths[1] as number) * 0.5, 0);
    expect(widths[4]).toBe(0);
  });

  it('is one accessible image: role, title and description it is labelled by', () => {
    const svg = barChart(spec).value;
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('aria-labelledby="on-time-title on-time-desc"');
    expect(svg).toContain('<title id="on-time-title">On time</title>');
    expect(svg).toContain('<desc id="on-time-desc">Two bars per carrier.</desc>');
    expect(svg).toContain('>vs promise</text>'); // the legend names the series in text
  });

  it('escapes every value it prints, and stays well-formed XML', () => {
    const svg = barChart({
      ...spec,
      id: 'x" onload="alert(1)',
      title: '<script>alert(1)</script>',
      description: 'a & b',
      categories: ['"><script>alert(2)</script>', 'O’Brien & Sons <ltd>', 'x'],
      series: [
        { name: "it's <b>", values: [1, 1, 1] },
        { name: 'second', values: [0, 0, 0] },
      ],
    }).value;
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('onload="');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('a &amp; b');
    expect(svg).toContain('it&#39;s &lt;b&gt;');
    expect(XMLValidator.validate(svg)).toBe(true);
  });

  it('shortens long labels (the table has them whole) and draws an empty chart with a note', () => {
    const long = barChart({
      ...spec,
      categories: ['x'.repeat(80)],
      series: [{ name: 's', values: [1] }],
    }).value;
    expect(long).toContain(`${'x'.repeat(29)}…`);
    expect(long).not.toContain('x'.repeat(31));
    const empty = barChart({ ...spec, categories: [], series: [] }).value;
    expect(count(empty, /<rect class="bar"/g)).toBe(0);
    expect(empty).toContain('No data for this period');
    expect(XMLValidator.validate(empty)).toBe(true);
  });
});
