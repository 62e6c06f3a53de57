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

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * An instant (RFC 3339, any offset: a backup's UTC time) on this computer's clock:
 * "2026-05-03T06:05:00Z" → "2026-05-03 14:05" in UTC+8.
 */
export function localDateTime(rfc3339: string): string {
  const d = new Date(rfc3339);
  if (Number.isNaN(d.getTime())) return rfc3339;
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** Calendar days on this computer's clock from the instant to `now`: 0 today, 1 yesterday. */
export function daysAgo(rfc3339: string, now: Date = new Date()): number {
  const d = new Date(rfc3339);
  if (Number.isNaN(d.getTime())) return 0;
  const day = (x: Date) => Date.UTC(x.getFullYear(), x.getMonth(), x.getDate()) / 86_400_000;
  return Math.max(0, day(now) - day(d));
}
