// The current locale and the `t` lookup. `t` reads a rune, so templates that call it update
// when the locale changes. The choice is kept in localStorage, which every window of the app
// shares: the projector follows the chair's switch through the `storage` event.
import { zhCN, type MessageKey } from './zh-CN';
import { en } from './en';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export type { MessageKey };

const catalogs: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'yishi.locale';

function stored(): Locale {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return v === 'en' || v === 'zh-CN' ? v : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

let current = $state<Locale>(stored());

export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale): void {
  current = locale;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // storage unavailable: the choice lasts for this window only
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** Follow a locale switch made in another window of the app. */
export function followOtherWindows(): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key === STORAGE_KEY && (e.newValue === 'en' || e.newValue === 'zh-CN')) {
      setLocale(e.newValue);
    }
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}

/** The message for `key` in the current locale, with `{name}` placeholders filled in. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return format(catalogs[current][key], params);
}

/** The message for `key` in a given locale (for tests and the locale switcher). */
export function tIn(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  return format(catalogs[locale][key], params);
}

function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export { catalogs };
