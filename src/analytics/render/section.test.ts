import { describe, expect, it } from 'vitest';
import { renderAnalyticsPage, renderAnalyticsSection } from './index.js';
import { view } from './view.fixture.js';

const all = (s: string, re: RegExp) => [...s.matchAll(re)];

describe('analytics section', () => {
  const html = renderAnalyticsSection(view());

  it('shows every chart as a labelled image with a table of the same figures beside it', () => {
    const charts = all(html, /<svg [^>]*role="img" aria-labelledby="([^ "]+) ([^"]+)"/g);
    expect(charts).toHaveLength(6);
    for (const [, title, desc] of charts) {
      expect(html).toContain(`<title id="${title}">`);
      expect(html).toContain(`<desc id="${desc}">`);
    }
    const tables = all(html, /<table id="([^"]+)"><caption id="([^"]+)">/g);
    expect(tables).toHaveLength(6);
    for (const [, id] of tables) expect(html).toContain(`aria-labelledby="${id}-caption"`);
    // Ids are unique on the page, or the labels would point at the wrong element.
    const ids = all(html, / id="([^"]+)"/g).map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('puts the numbers in the tables: rates with their counts, days, views per day', () => {
    expect(html).toContain(
      '<th scope="row">ups</th><td class="n">6</td><td class="n">4</td><td class="n">2 of 4 (50.0 %)</td>',
    );
    expect(html).toContain('<td class="n">2.5 d</td><td class="n">4.3 d</td>');
    expect(html).toContain(
      '<th scope="row">2026-03-01</th><td class="n">7</td><td class="n">5</td><td class="n">2</td>',
    );
    expect(html).toContain(
      '<th scope="row">Shipped</th><td class="n">3</td><td class="n">0</td><td class="n">3</td>',
    );
    expect(html).toContain('<dd>15.00 USD</dd>');
    expect(html).toContain('to <time datetime="2026-03-31">2026-03-31</time> included');
  });

  it('escapes what came from the database, everywhere it appears', () => {
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const quote = renderAnalyticsSection(view('" autofocus onfocus="alert(1)'));
    expect(quote).not.toContain('" autofocus');
    expect(quote).toContain('&quot; autofocus onfocus=&quot;alert(1)');
  });
});

describe('analytics page', () => {
  it('is a whole page without scripts, with a GET form for the period', () => {
    const page = renderAnalyticsPage(view(), { title: 'Analytics <Store>', action: '/console/analytics' });
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<html lang="en">');
    expect(page).toContain("default-src 'none'");
    expect(page).toContain('<title>Analytics &lt;Store&gt;</title>');
    expect(page).toContain('<form class="period" method="get" action="/console/analytics"');
    expect(page).toContain('<input type="date" name="from" value="2026-03-01" required>');
    expect(page).toContain('<input type="date" name="to" value="2026-04-01" required>');
    expect(page).toContain('<option value="lane" selected>');
    expect(page).not.toContain('<script');
    expect(page).toContain('<section class="analytics"');
  });
});
