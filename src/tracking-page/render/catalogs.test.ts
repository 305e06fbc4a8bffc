import { describe, expect, it } from 'vitest';
import { SUBSTATUSES } from '../../carriers/model.js';
import { LOCALES } from '../../notifications/model.js';
import { EXPLAINED_SUBSTATUSES } from './catalogs/shape.js';
import { CATALOGS } from './i18n.js';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

const english = flatten(CATALOGS.en);

describe('tracking page catalogs', () => {
  it.each(LOCALES)('%s has exactly the English keys', (locale) => {
    expect([...flatten(CATALOGS[locale]).keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each(LOCALES)('%s has no empty or untrimmed texts', (locale) => {
    for (const [key, text] of flatten(CATALOGS[locale])) {
      expect(text.trim(), `${locale}:${key}`).not.toBe('');
      expect(text, `${locale}:${key}`).toBe(text.trim());
    }
  });

  it.each(LOCALES)('%s uses the same placeholders as English in every text', (locale) => {
    for (const [key, text] of flatten(CATALOGS[locale])) {
      expect(placeholders(text), `${locale}:${key}`).toEqual(placeholders(english.get(key) ?? ''));
    }
  });

  it.each(LOCALES)('%s writes plain text, never markup (eta escapes it all)', (locale) => {
    for (const [key, text] of flatten(CATALOGS[locale])) expect(text, `${locale}:${key}`).not.toMatch(/[<>]/);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s is translated, not English left in place', (locale) => {
    // A few texts are the same in every language (formats, "Status" in Polish and Malay); most must differ.
    const same = [...flatten(CATALOGS[locale])].filter(([key, text]) => english.get(key) === text);
    expect(same.length).toBeLessThan(english.size / 20);
  });

  it('explains only real substatuses', () => {
    for (const substatus of EXPLAINED_SUBSTATUSES) expect(SUBSTATUSES).toContain(substatus);
  });
});
