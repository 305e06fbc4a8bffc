import { describe, expect, it } from 'vitest';
import { pageLocale } from './locale.js';

describe('pageLocale', () => {
  it('lets ?lang= win over everything else', () => {
    expect(pageLocale('ja', 'pl', 'ru-RU,ru;q=0.9', 'ms')).toBe('ja');
    expect(pageLocale('PL-pl', 'ja', undefined, null)).toBe('pl');
  });

  it("then takes the shopper's preferred language", () => {
    expect(pageLocale(undefined, 'ru-RU', 'pl-PL,pl;q=0.9', 'ms')).toBe('ru');
    expect(pageLocale('xx', 'ms_MY', 'pl', 'en')).toBe('ms');
  });

  it('then reads Accept-Language, highest q first', () => {
    expect(pageLocale(undefined, null, 'pl-PL,pl;q=0.9,en;q=0.8', null)).toBe('pl');
    expect(pageLocale(undefined, null, 'en;q=0.5, ja;q=0.9', null)).toBe('ja');
    expect(pageLocale(undefined, null, 'de-DE,de;q=0.9,ru;q=0.7,en;q=0.6', null)).toBe('ru');
    // Equal weights keep the header's order.
    expect(pageLocale(undefined, null, 'ms;q=0.8, ja;q=0.8', null)).toBe('ms');
    // q=0 means "not this one"; the wildcard names no language.
    expect(pageLocale(undefined, null, 'ja;q=0, *;q=0.5, pl;q=0.1', 'en')).toBe('pl');
    expect(pageLocale(undefined, null, 'ja;q=0', 'ms')).toBe('ms');
  });

  it("falls back to the merchant's default, then English", () => {
    expect(pageLocale('de', 'fr-FR', 'de-DE,fr;q=0.9', 'ms-MY')).toBe('ms');
    expect(pageLocale('de', 'fr-FR', 'de-DE,fr;q=0.9', null)).toBe('en');
    expect(pageLocale(undefined, undefined, undefined, null)).toBe('en');
    expect(pageLocale('', '  ', '', 'zh')).toBe('en');
  });

  it('never fails on malformed input', () => {
    expect(pageLocale('<script>', '@@', ';;;,,,q=abc', 'ja')).toBe('ja');
    expect(pageLocale(undefined, null, 'pl;q=abc, ru', null)).toBe('ru');
    expect(pageLocale(undefined, null, `${'x-,'.repeat(5000)}pl`, null)).toBe('en');
  });
});
