import { describe, expect, test } from 'vitest';
import { clock, follow, inTheRoom, lastClosedItem, openItem, openVote, runningTurn, shortcutKey, STEPS, whereIs } from './flow';
import { minutes, rollCall, speaking, voted, voting } from '../../../test/room-fixtures';

// Where the meeting is, presence and who is in the room are the core's (`meeting::flow`, tested
// in tests/rules.rs); these only check that the room reads them from the view.
describe('where the meeting is', () => {
  test('read from the view, not derived from it', () => {
    const m = rollCall();
    expect(whereIs(m)).toBe('roll');
    // Everyone marked present in the view: the step is still the one the core reported.
    const all = { ...m, participants: m.participants.map((p) => ({ ...p, status: 'present' as const })) };
    expect(whereIs(all)).toBe('roll');
    expect(whereIs({ ...all, step: 'agenda' })).toBe('agenda');
    expect(STEPS).toHaveLength(8);
  });

  test('the open item, its running turn and its open vote, as the view names them', () => {
    const s = speaking({ turn: true });
    expect(openItem(s)?.id).toBe('a1');
    expect(runningTurn(s)?.person.id).toBe('p3');
    expect(runningTurn(speaking())).toBeNull();
    expect(runningTurn({ ...s, running_turn: null })).toBeNull();
    expect(openVote(voting())?.mode).toBe('named');
    expect(openVote({ ...voting(), vote_open: false })).toBeNull();
    expect(openVote(voted())).toBeNull();
    expect(openItem(voted())).toBeNull();
  });

  test('the screen follows the meeting, but an item just closed stays in view', () => {
    expect(follow('open', 'roll', 'open')).toBe('roll');
    expect(follow('agenda', 'speak', 'agenda')).toBe('speak');
    expect(follow('speak', 'vote', 'speak')).toBe('vote');
    expect(follow('vote', 'agenda', 'vote')).toBe('vote');
    expect(follow('vote', 'minutes', 'vote')).toBe('vote');
    expect(follow('roll', 'agenda', 'roll')).toBe('roll');
    expect(follow('minutes', 'sign', 'minutes')).toBe('sign');
    expect(follow('speak', 'speak', 'roll')).toBe('roll');
  });

  test('people in the room: the ones the view marks', () => {
    const m = rollCall();
    expect(inTheRoom(m).map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'r1']);
    const p4 = m.participants.map((p) => (p.id === 'p4' ? { ...p, in_the_room: true } : p));
    expect(inTheRoom({ ...m, participants: p4 }).map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4', 'r1']);
  });

  test('the last closed item and the clock', () => {
    expect(lastClosedItem(minutes())?.id).toBe('a2');
    expect(lastClosedItem(speaking())).toBeNull();
    expect(clock(0)).toBe('0:00');
    expect(clock(185.7)).toBe('3:05');
    expect(clock(-3)).toBe('0:00');
  });
});

describe('shortcut keys', () => {
  const key = (key: string, code: string) => shortcutKey(new KeyboardEvent('keydown', { key, code }));

  test('letters and digits in lower case; named keys as they are', () => {
    expect(key('P', 'KeyP')).toBe('p');
    expect(key('y', 'KeyY')).toBe('y');
    expect(key('3', 'Digit3')).toBe('3');
    expect(key('ArrowDown', 'ArrowDown')).toBe('ArrowDown');
    expect(key('Escape', 'Escape')).toBe('Escape');
  });

  test('with a Chinese input method on, the physical key decides', () => {
    // Composing: the IME swallows the letter and reports "Process".
    expect(key('Process', 'KeyP')).toBe('p');
    // Full-width mode: ｐ and ３.
    expect(key('ｐ', 'KeyP')).toBe('p');
    expect(key('３', 'Digit3')).toBe('3');
    // Punctuation typed through the IME stays what it is.
    expect(key('，', 'Comma')).toBe('，');
  });
});
