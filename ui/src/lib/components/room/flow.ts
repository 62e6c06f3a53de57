// Where the meeting is, read from the core's view (the core decides; this only reads the
// state it reports), and small lookups the room's steps share.
import type { AgendaItemView, MeetingView, ParticipantView, TurnView, VoteView } from '../../bindings';

/** The steps of the meeting as the guideline lists them (基层议事协商会议流程). */
export const STEPS = ['open', 'roll', 'agenda', 'speak', 'vote', 'minutes', 'sign', 'seal'] as const;
export type Step = (typeof STEPS)[number];

export function openItem(m: MeetingView): AgendaItemView | null {
  return m.agenda.find((i) => i.id === m.current_item) ?? null;
}

/** The item closed most recently (its result stays on screen until the next one opens). */
export function lastClosedItem(m: MeetingView): AgendaItemView | null {
  let last: AgendaItemView | null = null;
  for (const i of m.agenda) {
    if (!i.closed_at) continue;
    if (!last || Date.parse(i.closed_at) >= Date.parse(last.closed_at!)) last = i;
  }
  return last;
}

export function runningTurn(item: AgendaItemView | null): TurnView | null {
  const t = item?.turns.at(-1);
  return t && !t.ended_at ? t : null;
}

export function openVote(item: AgendaItemView | null): VoteView | null {
  return item?.vote && !item.vote.closed_at ? item.vote : null;
}

export function members(m: MeetingView): ParticipantView[] {
  return m.participants.filter((p) => p.role === 'member');
}

export function isPresent(p: ParticipantView): boolean {
  return p.status === 'present' || p.status === 'late';
}

/**
 * People in the room who could be put on the speakers list: members marked present and
 * 列席 not marked away. The chair is listed too — the core refuses the chair (R-NEUTRAL).
 */
export function inTheRoom(m: MeetingView): ParticipantView[] {
  return m.participants.filter((p) => {
    if (p.role === 'observer') return false;
    if (p.role === 'member') return isPresent(p);
    return !['absent_with_leave', 'absent_without_leave', 'left_early'].includes(p.status);
  });
}

/** The step the meeting is at. */
export function whereIs(m: MeetingView): Step {
  if (m.phase === 'setup') return 'open';
  if (m.phase === 'signing') return 'sign';
  if (m.phase === 'sealed') return 'seal';
  const item = openItem(m);
  if (item) return openVote(item) ? 'vote' : 'speak';
  if (m.adjourned || !m.agenda.some((i) => i.status === 'pending')) return 'minutes';
  if (m.agenda.some((i) => i.status !== 'pending')) return 'agenda';
  const everyoneCalled = members(m).every((p) => p.status !== 'not_called');
  return m.quorum.met && everyoneCalled ? 'agenda' : 'roll';
}

/**
 * The step to show after the meeting moved from `before` to `after` while the chair was
 * looking at `viewing`. The screen follows the meeting, except when an item has just been
 * closed (its result stays until the chair moves on) and at the end of the roll call.
 */
export function follow(before: Step, after: Step, viewing: Step): Step {
  if (before === after) return viewing;
  const itemClosed = (before === 'speak' || before === 'vote') && (after === 'agenda' || after === 'minutes');
  if (itemClosed) return viewing;
  if (before === 'roll' && after === 'agenda') return viewing;
  return after;
}

/** Seconds as m:ss. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Whether a key event is not a shortcut: typed into a field, or with a modifier held. */
/**
 * The key a shortcut is looked up by: a Latin letter in lower case, a digit, or the key's
 * name (ArrowUp, Escape...). With a Chinese input method on, a letter arrives as "Process"
 * (composing) or as a full-width letter (ｐ); the physical key (`code`, KeyP) still says which.
 */
export function shortcutKey(e: KeyboardEvent): string {
  if (/^[a-z0-9]$/i.test(e.key)) return e.key.toLowerCase();
  const m = /^(?:Key([A-Z])|Digit([0-9]))$/.exec(e.code ?? '');
  if (m && (e.key === 'Process' || e.key === 'Unidentified' || e.key.length === 1)) return (m[1] ?? m[2]).toLowerCase();
  return e.key;
}

export function ignoreKey(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return true;
  const t = e.target as HTMLElement | null;
  if (!t || !t.tagName) return false;
  return t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName);
}
