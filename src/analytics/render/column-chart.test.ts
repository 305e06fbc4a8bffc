import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { columnChart, tickIndexes } from './column-chart.js';

const days = (n: number) => Array.from({ length: n }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`);

describe('column chart', () => {
  it('draws one column per day, the tallest at the top of the scale, each with its day and value', () => {
    const svg = columnChart({
      id: 'views',
      title: 'Views per day',
      description: 'One column per day.',
      labels: days(31),
      values: Array.from({ length: 31 }, (_, i) => (i === 14 ? 40 : i % 3)),
      format: (v) => String(v),
    }).value;
    expect((svg.match(/<rect class="bar"/g) ?? []).length).toBe(31);
    expect(svg).toContain('<title>2026-03-15: 40</title>');
    expect(svg).toMatch(
      /<rect class="bar" x="[\d.]+" y="12" width="[\d.]+" height="180" [^>]*><title>2026-03-15: 40/,
    );
    expect(svg).toMatch(/role="img" aria-labelledby="views-title views-desc"/);
    expect(svg).toContain('<desc id="views-desc">One column per day.</desc>');
    expect(XMLValidator.validate(svg)).toBe(true);
  });

  it('labels the first and last day and a few between', () => {
    expect(tickIndexes(31)).toEqual([0, 6, 12, 18, 24, 30]);
    expect(tickIndexes(3)).toEqual([0, 1, 2]);
    expect(tickIndexes(366)[5]).toBe(365);
  });

  it('escapes labels and says when there is nothing to show', () => {
    const svg = columnChart({
      id: 'v',
      title: 'T',
      description: 'D',
      labels: ['<img src=x onerror=alert(1)>'],
      values: [0],
      format: (v) => String(v),
    }).value;
    expect(svg).not.toContain('<img');
    expect(svg).toContain('None in this period');
    expect(XMLValidator.validate(svg)).toBe(true);
  });
});
