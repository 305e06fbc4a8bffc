import { describe, expect, it } from 'vitest';
import { resolveLocale } from './locale.js';

describe('resolveLocale', () => {
  it('keeps only the language of a BCP 47 tag, whatever its case', () => {
    expect(resolveLocale('pl-PL', null)).toBe('pl');
    expect(resolveLocale('ms-MY', null)).toBe('ms');
    expect(resolveLocale('ja-JP', null)).toBe('ja');
    expect(resolveLocale('ru', null)).toBe('ru');
    expect(resolveLocale('EN-gb', null)).toBe('en');
    expect(resolveLocale('PL', null)).toBe('pl');
    expect(resolveLocale('ja_JP', null)).toBe('ja');
    expect(resolveLocale(' ru-RU ', null)).toBe('ru');
  });

  it("falls back to the merchant's default, then English", () => {
    expect(resolveLocale('zh', 'pl-PL')).toBe('pl');
    expect(resolveLocale('zh-Hant-TW', 'ms')).toBe('ms');
    expect(resolveLocale('zh', 'de-DE')).toBe('en');
    expect(resolveLocale('zh', null)).toBe('en');
    expect(resolveLocale(null, 'ja')).toBe('ja');
    expect(resolveLocale(undefined, undefined)).toBe('en');
    expect(resolveLocale('', '  ')).toBe('en');
  });

  it('never fails on malformed tags', () => {
    expect(resolveLocale('not a tag!', 'ru')).toBe('ru');
    expect(resolveLocale('-', '@@')).toBe('en');
  });
});
