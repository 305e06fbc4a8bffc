import type { Locale } from '../../notifications/model.js';
import { resolveLocale } from '../../notifications/render/locale.js';

// The page's language, most deliberate choice first: a ?lang= the shopper clicked, the language they chose
// at checkout, what their browser asks for, the merchant's default, English.

/**
 * The language wismo writes for `tag`, or null when it writes none of it. resolveLocale only ever answers
 * with a language, falling back when the tag is unsupported; asking it with two different fallbacks tells
 * "the tag itself matched" from "the fallback answered" without copying its parsing.
 */
function supported(tag: string | null | undefined): Locale | null {
  if (!tag?.trim()) return null;
  const a = resolveLocale(tag, 'en');
  return a === resolveLocale(tag, 'ja') ? a : null;
}

// A header is client input: only a bounded prefix of it is read.
const MAX_HEADER = 1024;
const MAX_RANGES = 32;

/** Accept-Language ranges, highest q first (header order among equals), without q=0 and the wildcard. */
function acceptedLanguages(header: string): string[] {
  return header
    .slice(0, MAX_HEADER)
    .split(',')
    .slice(0, MAX_RANGES)
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';');
      let q = 1;
      for (const param of params) {
        const match = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(param);
        // An unreadable weight is treated as "not acceptable" rather than guessed.
        if (match) q = Number(match[1]);
        else if (/^\s*q\s*=/i.test(param)) q = 0;
      }
      return { tag: tag.trim(), q: Number.isFinite(q) && q <= 1 ? q : 0, index };
    })
    .filter((range) => range.q > 0 && range.tag !== '' && range.tag !== '*')
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((range) => range.tag);
}

export function pageLocale(
  query: string | undefined,
  preferred: string | null | undefined,
  acceptLanguage: string | undefined,
  merchantDefault: string | null,
): Locale {
  const fromQuery = supported(query);
  if (fromQuery) return fromQuery;
  const fromShopper = supported(preferred);
  if (fromShopper) return fromShopper;
  for (const tag of acceptLanguage ? acceptedLanguages(acceptLanguage) : []) {
    const locale = supported(tag);
    if (locale) return locale;
  }
  return resolveLocale(null, merchantDefault);
}
