import type { Locale } from '../../notifications/model.js';
import { safeEmail, safeHttpUrl } from '../../notifications/render/brand.js';
import type { Translate } from './i18n.js';
import { type Theme, themeOf } from './theme.js';
import type { PageMerchant } from './types.js';

// What every page shares: the document head, the merchant's header, the language switcher and the footer,
// plus the merchant's help links, which both the tracking and the lookup page show.

/** Each language named in itself, as a switcher must be: a shopper looks for the language they read. */
const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  ru: 'Русский',
  ja: '日本語',
  pl: 'Polski',
  ms: 'Bahasa Melayu',
};

export interface Link {
  href: string;
  text: string;
}

export interface Chrome {
  lang: Locale;
  title: string;
  theme: Theme;
  /** With a logo the name is its alt text; without one it is shown as text. */
  header: { name: string; logoUrl: string | null };
  languages: { label: string; links: (Link & { lang: Locale })[] } | null;
  footer: { name: string; link: Link | null };
}

export interface Help {
  title: string;
  text: string;
  links: (Link & { label: string | null })[];
}

/**
 * A link the app built (the lookup form, this page in another language): a path on this site, a query, or
 * an absolute http(s) URL. Anything else (javascript:, data:, "//elsewhere") is dropped.
 */
export function pageHref(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  if (/^(\/(?![/\\])|\?)/.test(trimmed)) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused.
    return /[\u0000-\u001f\u007f\\]/.test(trimmed) ? null : trimmed;
  }
  return safeHttpUrl(trimmed);
}

export function languageLinks(
  locale: Locale,
  links: { locale: Locale; href: string }[],
  t: Translate,
): Chrome['languages'] {
  const seen = new Set<Locale>([locale]);
  const out: (Link & { lang: Locale })[] = [];
  for (const link of links) {
    const href = pageHref(link.href);
    if (!href || seen.has(link.locale) || !(link.locale in LANGUAGE_NAMES)) continue;
    seen.add(link.locale);
    out.push({ href, text: LANGUAGE_NAMES[link.locale], lang: link.locale });
  }
  return out.length > 0 ? { label: t('page.language'), links: out } : null;
}

export function merchantChrome(
  locale: Locale,
  t: Translate,
  merchant: PageMerchant,
  page: string,
  langLinks: { locale: Locale; href: string }[],
  footerLink: Link | null,
): Chrome {
  const name = merchant.name.trim();
  return {
    lang: locale,
    title: name ? t('page.title', { page, merchant: name }) : page,
    theme: themeOf(merchant),
    header: { name: name || t('page.tracking'), logoUrl: safeHttpUrl(merchant.logoUrl) },
    languages: languageLinks(locale, langLinks, t),
    footer: { name: name || t('page.tracking'), link: footerLink },
  };
}

/** The page without a merchant (a link that leads nowhere): default colours, the service's own name. */
export function plainChrome(locale: Locale, t: Translate, page: string, footerLink: Link | null): Chrome {
  const name = t('page.tracking');
  return {
    lang: locale,
    title: page,
    theme: themeOf({ primaryColor: null, logoUrl: null }),
    header: { name, logoUrl: null },
    languages: null,
    footer: { name, link: footerLink },
  };
}

/** Null when the merchant configured no way to reach them: "we're happy to help" with no way would mock. */
export function helpOf(merchant: PageMerchant, t: Translate): Help | null {
  const links: Help['links'] = [];
  const email = safeEmail(merchant.supportEmail);
  if (email) links.push({ label: t('help.email'), href: `mailto:${email}`, text: email });
  const web = safeHttpUrl(merchant.supportUrl);
  if (web) links.push({ label: null, href: web, text: t('help.web') });
  for (const faq of merchant.faqLinks) {
    const href = safeHttpUrl(faq.url);
    const text = faq.label.trim();
    if (href && text) links.push({ label: null, href, text });
  }
  return links.length > 0 ? { title: t('help.title'), text: t('help.text'), links } : null;
}

export function promotionOf(merchant: PageMerchant): {
  title: string;
  text: string;
  url: string | null;
  imageUrl: string | null;
} | null {
  const promo = merchant.promotion;
  const title = promo?.title.trim();
  if (!promo || !title) return null;
  return {
    title,
    text: promo.text.trim(),
    url: safeHttpUrl(promo.url),
    imageUrl: safeHttpUrl(promo.imageUrl),
  };
}
