// Merchant branding arrives from configuration, so every value is checked before it reaches an attribute.

const DEFAULT_COLOR = '#1f2937';
const DARK_TEXT = '#111827';

export interface Brand {
  color: string;
  /** Text colour readable on `color`. */
  onColor: string;
  /** Colour for links on white: the brand colour unless it is too pale to read. */
  linkColor: string;
  logoUrl: string | null;
}

function relativeLuminance(hex: string): number {
  const channel = (offset: number) => {
    const c = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Only absolute http(s) links: anything else (javascript:, data:, relative paths) is dropped. */
export function safeHttpUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}

export function safeEmail(value: string | null): string | null {
  const trimmed = value?.trim();
  return trimmed && /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(trimmed) ? trimmed : null;
}

export function brandOf(merchant: { primaryColor: string | null; logoUrl: string | null }): Brand {
  const color =
    merchant.primaryColor && /^#[0-9a-f]{6}$/i.test(merchant.primaryColor)
      ? merchant.primaryColor
      : DEFAULT_COLOR;
  // A pale brand colour (yellow, mint) would make white header text and button labels unreadable, so the
  // label colour is whichever of white and near-black contrasts more (WCAG contrast ratio).
  const l = relativeLuminance(color);
  const onColor =
    (l + 0.05) / (relativeLuminance(DARK_TEXT) + 0.05) > 1.05 / (l + 0.05) ? DARK_TEXT : '#ffffff';
  const linkColor = onColor === DARK_TEXT ? DARK_TEXT : color.toLowerCase();
  return { color: color.toLowerCase(), onColor, linkColor, logoUrl: safeHttpUrl(merchant.logoUrl) };
}
