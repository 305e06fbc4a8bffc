import { brandOf } from '../../notifications/render/brand.js';

// The page's colours from the merchant's brand. brand.ts picks the more readable of white and near-black on
// the brand colour, but for mid-tones (a bright red, a teal) even the better one can stay under WCAG's 4.5:1
// for text. The page then keeps the brand colour only as decoration and falls back to a dark default for
// anything carrying text.

const WHITE = '#ffffff';
/** brand.ts's default header colour: white text on it reads at about 14.7:1. */
const DARK = '#1f2937';

export interface Theme {
  /** The raw brand colour, for decoration only (the header's top stripe). */
  brand: string;
  /** Header and button background and their text colour: ≥ 4.5:1 against each other. */
  headerBg: string;
  headerFg: string;
  /** Links on the white cards: ≥ 4.5:1 against white. */
  link: string;
  /** Step markers and the latest checkpoint: graphics, so ≥ 3:1 against white (WCAG 1.4.11). */
  mark: string;
}

function luminance(hex: string): number {
  const channel = (offset: number) => {
    const c = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2 contrast ratio of two #rrggbb colours, from 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

export function themeOf(merchant: { primaryColor: string | null; logoUrl: string | null }): Theme {
  const brand = brandOf(merchant);
  const headerReadable = contrast(brand.color, brand.onColor) >= 4.5;
  return {
    brand: brand.color,
    headerBg: headerReadable ? brand.color : DARK,
    headerFg: headerReadable ? brand.onColor : WHITE,
    link: contrast(brand.linkColor, WHITE) >= 4.5 ? brand.linkColor : DARK,
    mark: contrast(brand.color, WHITE) >= 3 ? brand.color : DARK,
  };
}
