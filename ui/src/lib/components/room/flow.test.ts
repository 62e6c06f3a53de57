import { describe, expect, test } from 'vitest';
import { clock, follow, inTheRoom, lastClosedItem, shortcutKey, whereIs } from './flow';
import { minutes, rollCall, setupMeeting, signing, speaking, voted, voting } from '../../../test/room-fixtures';

describe('where the meeting is', () => {
  test('follows the phase and the open item', () => {
    expect(whereIs(setupMeeting())).toBe('open');
    expect(whereIs(rollCall())).toBe('roll');
    expect(whereIs(speaking())).toBe('speak');
    expect(whereIs(voting())).toBe('vote');
    expect(whereIs(voted())).toBe('agenda');
    expect(whereIs(minutes())).toBe('minutes');
    expect(whereIs(signing())).toBe('sign');
    expect(whereIs({ ...signing(), phase: 'sealed' })).toBe('seal');
  });

  test('the roll call lasts until everyone is called and the quorum is met', () => {
    const m = rollCall();
    const all = { ...m, participants: m.participants.map((p) => ({ ...p, status: 'present' as const })) };
    expect(whereIs(all)).toBe('roll'); // everyone called but the view's quorum says not met
    expect(whereIs({ ...all, quorum: { ...all.quorum, present: 6, met: true } })).toBe('agenda');
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

  test('people in the room: present members and 列席 not away; never observers', () => {
    const ids = inTheRoom(rollCall()).map((p) => p.id);
    expect(ids).toEqual(['p1', 'p2', 'p3', 'r1']);
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
