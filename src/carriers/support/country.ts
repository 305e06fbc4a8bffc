import countries from 'i18n-iso-countries';
import de from 'i18n-iso-countries/langs/de.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };

// Carriers write countries as ISO alpha-2, alpha-3 or a name in their own language; events store alpha-2.

countries.registerLocale(en);
countries.registerLocale(fr);
countries.registerLocale(de);

export function normalizeCountry(value: string | null | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  const upper = v.toUpperCase();
  if (upper.length === 2) return countries.isValid(upper) ? upper : null;
  if (upper.length === 3) {
    const alpha2 = countries.alpha3ToAlpha2(upper);
    if (alpha2) return alpha2;
  }
  for (const lang of ['en', 'fr', 'de']) {
    const code = countries.getAlpha2Code(v, lang);
    if (code) return code;
  }
  return null;
}
