import { describe, expect, it } from 'vitest';
import { LOCALES } from '../model.js';
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

describe('catalogs', () => {
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
    // A translation that drops {{order}} or {{total}} silently loses a fact the shopper needs.
    for (const [key, text] of flatten(CATALOGS[locale])) {
      expect(placeholders(text), `${locale}:${key}`).toEqual(placeholders(english.get(key) ?? ''));
    }
  });

  it('keeps English SMS texts in the GSM 7-bit alphabet', () => {
    for (const [key, text] of flatten(CATALOGS.en)) {
      if (key.startsWith('sms.')) expect(text, key).toMatch(/^[\x20-\x7e]+$/);
    }
  });
});
