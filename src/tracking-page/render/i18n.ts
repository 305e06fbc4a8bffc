import i18next from 'i18next';
import type { Locale } from '../../notifications/model.js';
import type { Catalog } from '../../notifications/render/catalogs/shape.js';
import { en } from './catalogs/en.js';
import { ja } from './catalogs/ja.js';
import { ms } from './catalogs/ms.js';
import { pl } from './catalogs/pl.js';
import { ru } from './catalogs/ru.js';

export const CATALOGS: Record<Locale, Catalog<typeof en>> = { en, ru, ja, pl, ms };

export type Translate = (key: string, values?: Record<string, unknown>) => string;

// The page's own instance beside the emails' one: the catalogs differ, and neither may reconfigure the
// i18next global. Resources are inline and initAsync is off, so it is ready once this module has loaded.
const i18n = i18next.createInstance();
void i18n.init({
  resources: Object.fromEntries(
    Object.entries(CATALOGS).map(([lng, catalog]) => [lng, { translation: catalog }]),
  ),
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: Object.keys(CATALOGS),
  initAsync: false,
  returnNull: false,
  // eta escapes every value it prints; escaping here too would show "&amp;" to shoppers.
  interpolation: { escapeValue: false },
});

export function translator(locale: Locale): Translate {
  const t = i18n.getFixedT(locale);
  return (key, values) => String(t(key, values ?? {}));
}
