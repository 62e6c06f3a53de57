import { describe, expect, test } from 'vitest';
import { catalogs, getLocale, setLocale, t, tIn, LOCALES } from './index.svelte';
import type { MessageKey } from './zh-CN';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  test('Simplified Chinese is the default', () => {
    expect(getLocale()).toBe('zh-CN');
    expect(t('app.name')).toBe('议事');
  });

  test('every locale has every key, non-empty, with the same placeholders', () => {
    const keys = Object.keys(catalogs['zh-CN']).sort() as MessageKey[];
    for (const locale of LOCALES) {
      expect(Object.keys(catalogs[locale]).sort()).toEqual(keys);
      for (const key of keys) {
        expect(catalogs[locale][key].trim(), `${locale} ${key}`).not.toBe('');
        expect(placeholders(catalogs[locale][key]), `${locale} ${key}`).toEqual(
          placeholders(catalogs['zh-CN'][key]),
        );
      }
    }
  });

  test('switching the locale changes t and is remembered', () => {
    setLocale('en');
    expect(t('app.name')).toBe('Yishi');
    expect(localStorage.getItem('yishi.locale')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  test('placeholders are filled, unknown ones left as they are', () => {
    expect(tIn('en', 'app.version', { version: '1.2.3' })).toBe('Version 1.2.3');
    expect(tIn('zh-CN', 'app.version')).toBe('版本 {version}');
  });
});
