import { type Translate, translations } from '../../lib/i18n.js';
import type { Locale } from '../../notifications/model.js';
import type { Catalog } from '../../notifications/render/catalogs/shape.js';
import { en } from './catalogs/en.js';
import { ja } from './catalogs/ja.js';
import { ms } from './catalogs/ms.js';
import { pl } from './catalogs/pl.js';
import { ru } from './catalogs/ru.js';

export const CATALOGS: Record<Locale, Catalog<typeof en>> = { en, ru, ja, pl, ms };

export type { Translate };

export const translator = translations(CATALOGS);
