// Formatting shared by the components. Times are shown as the wall-clock time they were
// recorded in (the meeting's own offset), never converted to the viewer's zone.
import type { Label } from './bindings';
import type { Locale } from './i18n/index.svelte';

export function pick(label: Label, locale: Locale): string {
  return locale === 'en' ? label.en : label.zh;
}

/** "2026-11-19T19:30:00+08:00" → "2026-11-19 19:30". */
export function wallClock(rfc3339: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(rfc3339);
  return m ? `${m[1]} ${m[2]}` : rfc3339;
}
