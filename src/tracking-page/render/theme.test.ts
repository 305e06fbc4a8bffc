import { describe, expect, it } from 'vitest';
import { contrast, themeOf } from './theme.js';

const WHITE = '#ffffff';
const noLogo = (primaryColor: string | null) => ({ primaryColor, logoUrl: null });

describe('themeOf', () => {
  it.each([
    '#0f766e', // teal
    '#e11d48', // a bright red
    '#8b5cf6', // a violet on which neither white nor near-black reaches 4.5:1
    '#fde047', // pale yellow
    '#3b82f6', // mid blue
    '#000000',
    '#ffffff',
    '#777777',
    null,
    'red', // not #rrggbb
    '#12345', // malformed
  ])('keeps every text readable for brand colour %s', (color) => {
    const theme = themeOf(noLogo(color));
    expect(contrast(theme.headerBg, theme.headerFg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(theme.link, WHITE)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(theme.mark, WHITE)).toBeGreaterThanOrEqual(3);
    expect(theme.brand).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('keeps a readable brand colour for the header and falls back to the dark default otherwise', () => {
    expect(themeOf(noLogo('#0F766E'))).toMatchObject({ headerBg: '#0f766e', headerFg: '#ffffff' });
    expect(themeOf(noLogo('#fde047'))).toMatchObject({ headerBg: '#fde047', headerFg: '#111827' });
    // White on this violet reads at 4.2:1 and near-black at 4.2:1: the brand colour stays as the header's
    // stripe only.
    expect(themeOf(noLogo('#8b5cf6'))).toMatchObject({
      brand: '#8b5cf6',
      headerBg: '#1f2937',
      headerFg: '#ffffff',
    });
    expect(themeOf(noLogo(null))).toMatchObject({ headerBg: '#1f2937', headerFg: '#ffffff' });
  });
});

describe('the stylesheet’s fixed colours', () => {
  // Pairs of text colour and the background it is written on in templates.ts.
  it.each([
    ['#1f2937', '#ffffff', 'body text on cards'],
    ['#1f2937', '#f3f4f6', 'body text on the page'],
    ['#4b5563', '#ffffff', 'muted text on cards'],
    ['#4b5563', '#f3f4f6', 'footer text'],
    ['#1f2937', '#fffbeb', 'warning notice'],
    ['#1f2937', '#fef2f2', 'problem notice'],
    ['#1f2937', '#eff6ff', 'information notice'],
    ['#111827', '#ffffff', 'form input'],
  ])('%s on %s (%s) reads at 4.5:1 or better', (text, background) => {
    expect(contrast(text, background)).toBeGreaterThanOrEqual(4.5);
  });

  it('draws field borders and the focus ring at 3:1 or better', () => {
    expect(contrast('#6b7280', '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(contrast('#1d4ed8', '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(contrast('#1d4ed8', '#f3f4f6')).toBeGreaterThanOrEqual(3);
  });
});
