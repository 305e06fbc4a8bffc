import { LOCALES, type Locale } from '../model.js';

// Shoppers and merchants hand us whatever their browser or platform stored: 'pl-PL', 'ja_JP', 'MS-my',
// 'zh-Hant-TW'. Only the language subtag decides which native catalog is used; regions never need their own.

function languageOf(tag: string | null | undefined): Locale | null {
  const trimmed = tag?.trim().replaceAll('_', '-');
  if (!trimmed) return null;
  let language: string;
  try {
    // Intl canonicalises case and aliases (e.g. 'zsm', Standard Malay, becomes 'ms').
    language = new Intl.Locale(trimmed).language;
  } catch {
    language = trimmed.split('-')[0]?.toLowerCase() ?? '';
  }
  return LOCALES.find((l) => l === language) ?? null;
}

/** The shopper's language if wismo writes it, else the merchant's default if it does, else English. */
export function resolveLocale(
  preferred: string | null | undefined,
  merchantDefault: string | null | undefined,
): Locale {
  return languageOf(preferred) ?? languageOf(merchantDefault) ?? 'en';
}
