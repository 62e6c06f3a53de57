// The meeting room with the shell mocked at the backend module: every action must become the
// right intent, and every refusal must be shown with its rule id.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import type { Intent, MeetingView } from '../../bindings';
import { BackendError } from '../../backend';
import MeetingRoom from './MeetingRoom.svelte';
import {
  MEETING_ID,
  adjourned,
  minutes,
  rollCall,
  setupMeeting,
  signing,
  speaking,
  voted,
  voting,
} from '../../../test/room-fixtures';

const backend = vi.hoisted(() => ({ applyIntent: vi.fn() }));
vi.mock('../../backend', async (original) => ({
  ...(await original<typeof import('../../backend')>()),
  applyIntent: backend.applyIntent,
}));

let sent: Intent[];
let next: MeetingView | null;

// jsdom has no canvas: a 2D context that draws nothing and a fixed PNG.
function fakeCanvas() {
  const ctx = new Proxy({}, { get: () => () => {}, set: () => true });
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as unknown as CanvasRenderingContext2D);
  vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue('data:image/png;base64,iVBORw0KGgo=');
}

beforeEach(() => {
  fakeCanvas();
  sent = [];
  next = null;
  backend.applyIntent.mockImplementation(async (intent: Intent, meeting: string) => {
    expect(meeting).toBe(MEETING_ID);
    sent.push(intent);
    return next ?? setupMeeting();
  });
});
afterEach(() => {
  vi.clearAllMocks();
  vi.restoreAllMocks();
});

function room(meeting: MeetingView) {
  const onupdate = vi.fn();
  const r = render(MeetingRoom, { meeting, onback: vi.fn(), onupdate });
  return { ...r, onupdate };
}

const key = (k: string, init: KeyboardEventInit = {}) => fireEvent.keyDown(window, { key: k, ...init });

describe('meeting room', () => {
  test('opens at the step the meeting is at; the chair opens the meeting', async () => {
    const { onupdate } = room(setupMeeting());
    expect(screen.getByTestId('room').dataset.viewing).toBe('open');
    expect(screen.getByTestId('step-open').getAttribute('aria-current')).toBe('step');
    next = rollCall();
    await fireEvent.click(screen.getByTestId('open-meeting'));
    await waitFor(() => expect(sent).toEqual([{ type: 'open_meeting', by: 'p1' }]));
    expect(onupdate).toHaveBeenCalledWith(next);
  });

  test('the next action is the core’s, with its rule; none once sealed', async () => {
    const r = room(rollCall());
    const line = () => screen.getByTestId('next-action');
    expect(line().dataset.code).toBe('call_roll');
    expect(screen.getByTestId('next-action-text').textContent).toBe('清点人数：还有 3 名成员未点名');
    expect(line().textContent).toContain('R-ROLL');
    await r.rerender({ meeting: voted() });
    expect(screen.getByTestId('next-action-text').textContent).toBe('宣读并开始协商议题“停车收费”');
    expect(line().textContent).toContain('R-AGENDA');
    await r.rerender({ meeting: speaking({ turn: true }) });
    expect(screen.getByTestId('next-action-text').textContent).toBe('黄志强 正在发言：发言结束后记录要点');
    await r.rerender({ meeting: { ...signing(), phase: 'sealed', step: 'seal', next: null } });
    expect(screen.queryByTestId('next-action')).toBeNull();
  });

  test('follows the meeting to the next step when the shell sends it', async () => {
    const r = room(setupMeeting());
    await r.rerender({ meeting: rollCall() });
    expect(screen.getByTestId('room').dataset.viewing).toBe('roll');
    expect(screen.getByTestId('roll-call')).toBeTruthy();
  });

  test('roll call: one key per member, the cursor moves on and stays at the last; arrows move it', async () => {
    room(rollCall());
    expect(screen.getByTestId('not-called').textContent).toBe('未点名 3 人');
    await key('p');
    await key('l');
    await key('a');
    await key('ArrowLeft');
    await key('d');
    await waitFor(() => expect(sent).toHaveLength(4));
    expect(sent).toEqual([
      { type: 'mark_attendance', person: 'p4', mark: 'present' },
      { type: 'mark_attendance', person: 'p5', mark: 'absent_with_leave' },
      { type: 'mark_attendance', person: 'p6', mark: 'absent_without_leave' },
      { type: 'mark_attendance', person: 'p5', mark: 'left_early' },
    ]);
  });

  test('roll call without quorum: the chair adjourns; the steps never reached are shown as not held', async () => {
    const r = room(rollCall());
    next = adjourned();
    await fireEvent.click(screen.getByTestId('adjourn'));
    await waitFor(() => expect(sent).toEqual([{ type: 'adjourn_for_lack_of_quorum' }]));
    await r.rerender({ meeting: next });
    expect(screen.getByTestId('room').dataset.where).toBe('minutes');
    expect(screen.getByTestId('meeting-phase').textContent).toBe('已休会（人数不足）');
    for (const s of ['agenda', 'speak', 'vote']) {
      expect(screen.getByTestId(`step-${s}`).classList.contains('skipped')).toBe(true);
      expect(screen.getByTestId(`step-${s}`).textContent).toContain('休会，未进行');
    }
    expect(screen.getByTestId('step-roll').classList.contains('done')).toBe(true);
    expect(screen.getByTestId('step-roll').classList.contains('skipped')).toBe(false);
  });

  test('roll call: typing in a field is not a shortcut', async () => {
    room(speaking());
    const before = sent.length;
    await fireEvent.keyDown(screen.getAllByTestId('turn-summary-edit')[0], { key: 'n' });
    expect(sent.length).toBe(before);
  });

  test('a refusal is shown in the locale with its rule id, and Esc clears it', async () => {
    backend.applyIntent.mockRejectedValueOnce(
      new BackendError({
        code: 'chair_may_not_speak',
        rule: 'R-NEUTRAL',
        message_zh: '李卫东是召集人（主持人），应保持中立，不列入发言名单（R-NEUTRAL）',
        message_en: 'The chair stays neutral (R-NEUTRAL)',
      }),
    );
    room(speaking());
    const chair = screen.getAllByTestId('add-speaker-person').find((b) => b.dataset.person === 'p1')!;
    await fireEvent.click(chair);
    const alert = await screen.findByRole('alert');
    expect(alert.dataset.code).toBe('chair_may_not_speak');
    expect(alert.textContent).toContain('应保持中立');
    expect(alert.textContent).toContain('依据 R-NEUTRAL');
    await key('Escape');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('speakers: N gives the floor to the head of the queue', async () => {
    room(speaking());
    expect(screen.getByTestId('current-speaker').textContent).toContain('下一位：许哲');
    await key('n');
    await waitFor(() => expect(sent).toEqual([{ type: 'start_turn' }]));
  });

  test('speakers: a running turn counts down; ending it sends the summary', async () => {
    room(speaking({ turn: true, ago: 30 }));
    expect(screen.getByTestId('speaker-name').textContent).toBe('黄志强');
    expect(screen.getByTestId('countdown-time').textContent).toBe('1:30');
    await fireEvent.input(screen.getByTestId('turn-summary'), { target: { value: '物业支持' } });
    await fireEvent.click(screen.getByTestId('end-turn'));
    await waitFor(() => expect(sent).toEqual([{ type: 'end_turn', summary: '物业支持' }]));
  });

  test('speakers: time per party group and a turn summary corrected afterwards', async () => {
    room(speaking());
    expect(screen.getByTestId('group-time').textContent).toContain('1 次 · 2:30');
    const edit = screen.getAllByTestId('turn-summary-edit')[0] as HTMLInputElement;
    expect(edit.value).toBe('支持加装');
    await fireEvent.input(edit, { target: { value: '支持加装，建议分摊' } });
    await fireEvent.click(screen.getByTestId('save-summary'));
    await waitFor(() => expect(sent).toEqual([{ type: 'summarize_turn', turn: 1, summary: '支持加装，建议分摊' }]));
  });

  test('opening a vote sends the motion, the mode and no rule when it is the meeting’s', async () => {
    room(speaking());
    await key('v');
    expect(screen.getByTestId('room').dataset.viewing).toBe('vote');
    await fireEvent.input(screen.getByTestId('vote-motion'), { target: { value: '同意加装' } });
    await fireEvent.click(screen.getByTestId('vote-mode-named'));
    await fireEvent.click(screen.getByTestId('open-vote'));
    await fireEvent.change(screen.getByTestId('vote-rule'), { target: { value: 'two_thirds' } });
    await fireEvent.click(screen.getByTestId('open-vote'));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[0]).toEqual({ type: 'open_vote', motion: '同意加装', mode: 'named', rule: undefined });
    expect(sent[1]).toMatchObject({ type: 'open_vote', mode: 'named', rule: 'two_thirds' });
  });

  test('named vote: one row per member present, Y/N/A keys, then close without counts', async () => {
    room(voting('named'));
    expect(screen.getAllByTestId('ballot')).toHaveLength(6);
    expect(screen.getByTestId('vote-running').textContent).toContain('已表决 1 / 6 人');
    await key('ArrowDown');
    await key('y');
    await key('n');
    await key('a');
    await fireEvent.click(screen.getByTestId('close-vote'));
    await waitFor(() => expect(sent).toHaveLength(4));
    expect(sent).toEqual([
      { type: 'cast_vote', person: 'p2', choice: 'yes' },
      { type: 'cast_vote', person: 'p3', choice: 'no' },
      { type: 'cast_vote', person: 'p4', choice: 'abstain' },
      { type: 'close_vote' },
    ]);
  });

  test('show of hands: three counters, closed with the counts', async () => {
    room(voting('hands'));
    await fireEvent.input(screen.getByTestId('count-input-yes'), { target: { value: '4' } });
    const plus = screen.getAllByLabelText('加一');
    await fireEvent.click(plus[1]);
    await fireEvent.click(plus[2]);
    await fireEvent.click(plus[2]);
    await fireEvent.click(screen.getByTestId('close-vote'));
    await waitFor(() => expect(sent).toEqual([{ type: 'close_vote', counts: { yes: 4, no: 1, abstain: 2 } }]));
  });

  test('the result stays in view with the rule and the exact-half explanation', async () => {
    const r = room(voting('named'));
    await r.rerender({ meeting: voted() });
    expect(screen.getByTestId('room').dataset.viewing).toBe('vote');
    expect(screen.getByTestId('vote-verdict').textContent).toBe('通过');
    expect(screen.getByTestId('vote-explain').textContent).toContain('“半数以上”含本数，故通过');
    expect(screen.getByTestId('count-yes').textContent).toBe('3');
    expect(screen.getByTestId('vote-result').textContent).toContain('到会成员半数以上（含半数）通过');
    await fireEvent.click(screen.getByTestId('next-step'));
    expect(screen.getByTestId('room').dataset.viewing).toBe('agenda');
  });

  test('closing without a vote: consensus and deferral carry their text', async () => {
    room(speaking());
    await fireEvent.click(screen.getByTestId('step-vote'));
    await fireEvent.input(screen.getByTestId('consensus-text'), { target: { value: '同意设立' } });
    await fireEvent.click(screen.getByTestId('close-consensus'));
    await fireEvent.input(screen.getByTestId('defer-reason'), { target: { value: '再征求意见' } });
    await fireEvent.click(screen.getByTestId('defer-item'));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent).toEqual([
      { type: 'close_by_consensus', resolution: '同意设立' },
      { type: 'defer_item', reason: '再征求意见' },
    ]);
  });

  test('minutes: the draft from the record is saved by the recorder, then finalized', async () => {
    room(minutes());
    await fireEvent.click(screen.getByTestId('step-minutes'));
    const text = screen.getByTestId('minutes-text') as HTMLTextAreaElement;
    expect(text.value).toContain('议题1：加装电梯');
    await fireEvent.input(text, { target: { value: `${text.value}\n补充` } });
    expect(screen.getByTestId('minutes-state').textContent).toContain('有未保存的修改');
    await fireEvent.click(screen.getByTestId('minutes-finalize'));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent).toEqual([
      { type: 'edit_minutes', by: 'r1', text: '幸福社区居民议事会\n议题1：加装电梯\n补充' },
      { type: 'finalize_minutes', by: 'r1' },
    ]);
  });

  test('signatures: the pending signer draws and confirms; a refusal needs a reason', async () => {
    room(signing());
    expect(screen.getByTestId('sign-progress').textContent).toBe('已签 1 人 · 拒签 1 人 · 待签 1 人');
    expect(screen.getByTestId('pad-for').textContent).toBe('请 王秀英 在下面签名');
    const confirm = screen.getByTestId('sign-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    const pad = screen.getByTestId('signature-pad');
    await fireEvent.pointerDown(pad, { pointerId: 1, button: 0, clientX: 10, clientY: 10, pointerType: 'pen', pressure: 0.6 });
    await fireEvent.pointerMove(pad, { pointerId: 1, clientX: 40, clientY: 30, pointerType: 'pen', pressure: 0.7 });
    await fireEvent.pointerUp(pad, { pointerId: 1 });
    expect(pad.dataset.strokes).toBe('1');
    expect(confirm.disabled).toBe(false);
    await fireEvent.click(confirm);
    await fireEvent.input(screen.getByTestId('decline-reason'), { target: { value: '有异议' } });
    await fireEvent.click(screen.getByTestId('decline'));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[0]).toEqual({ type: 'sign', person: 'p2', image_png_base64: 'data:image/png;base64,iVBORw0KGgo=' });
    expect(sent[1]).toEqual({ type: 'decline_signature', person: 'p2', reason: '有异议' });
  });

  test('signature pad: undo removes the last stroke, clear removes all', async () => {
    room(signing());
    const pad = screen.getByTestId('signature-pad');
    for (const x of [10, 50]) {
      await fireEvent.pointerDown(pad, { pointerId: 1, button: 0, clientX: x, clientY: 10, pointerType: 'mouse' });
      await fireEvent.pointerUp(pad, { pointerId: 1 });
    }
    expect(pad.dataset.strokes).toBe('2');
    await fireEvent.click(screen.getByTestId('pad-undo'));
    expect(pad.dataset.strokes).toBe('1');
    await fireEvent.click(screen.getByTestId('pad-clear'));
    expect(pad.dataset.strokes).toBe('0');
  });

  test('the chair closes and seals the meeting', async () => {
    room({ ...signing(), signers: signing().signers.slice(0, 2) });
    await fireEvent.click(screen.getByTestId('next-step'));
    await fireEvent.click(screen.getByTestId('close-meeting'));
    await waitFor(() => expect(sent).toEqual([{ type: 'close_meeting', by: 'p1' }]));
  });

  test('number keys go to a step; the shortcuts of the step are listed', async () => {
    room(speaking());
    expect(screen.getByTestId('shortcuts').textContent).toContain('请下一位发言');
    await key('2');
    expect(screen.getByTestId('room').dataset.viewing).toBe('roll');
    expect(screen.getByTestId('shortcuts').textContent).toContain('出席 / 到场');
  });
});
