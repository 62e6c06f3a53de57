// Where the meeting is and who is in the room, as the core decided them (`meeting::flow`,
// mapped into the view by the shell): this only reads them. `follow` (which step the screen
// shows) and `clock` are the screen's own concerns.
import type { AgendaItemView, MeetingView, ParticipantView, Step, TurnView, VoteView } from '../../bindings';

export type { Step };

/** The steps in the guideline's order (基层议事协商会议流程), for the stepper and keys 1–8. */
export const STEPS = ['open', 'roll', 'agenda', 'speak', 'vote', 'minutes', 'sign', 'seal'] as const satisfies readonly Step[];

/** The step the meeting is at. */
export function whereIs(m: MeetingView): Step {
  return m.step;
}

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

export function runningTurn(m: MeetingView): TurnView | null {
  return openItem(m)?.turns.find((x) => x.no === m.running_turn) ?? null;
}

export function openVote(m: MeetingView): VoteView | null {
  return m.vote_open ? (openItem(m)?.vote ?? null) : null;
}

export function members(m: MeetingView): ParticipantView[] {
  return m.participants.filter((p) => p.role === 'member');
}

/** Who the room offers for the speakers list (the chair too: the core refuses, R-NEUTRAL). */
export function inTheRoom(m: MeetingView): ParticipantView[] {
  return m.participants.filter((p) => p.in_the_room);
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
