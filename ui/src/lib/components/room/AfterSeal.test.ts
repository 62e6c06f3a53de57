// After the seal (R-SIGN, R-PUBLISH), in the room's last step with the shell mocked at the
// backend module: the appended amendments and publication records are listed, each form sends
// exactly its intent, and a refusal is shown as the core worded it.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import type { Intent, MeetingView } from '../../bindings';
import { BackendError } from '../../backend';
import MeetingRoom from './MeetingRoom.svelte';
import { MEETING_ID, sealed, signing } from '../../../test/room-fixtures';

const backend = vi.hoisted(() => ({ applyIntent: vi.fn() }));
vi.mock('../../backend', async (original) => ({
  ...(await original<typeof import('../../backend')>()),
  applyIntent: backend.applyIntent,
}));

const label = (zh: string, en: string) => ({ zh, en });

/** The sealed fixture with one amendment and one publication on the notice board. */
function amended(): MeetingView {
  return {
    ...sealed(),
    amendments: [
      { no: 1, by: '谢雨婷', reason: '笔误', text: '第二项议题表决时间应为19:55', at: '2026-11-20T10:05:00.000+08:00' },
    ],
    publications: [
      { channel: 'notice_board', channel_label: label('线下公示栏', 'notice board'), place: '幸福花园东门公示栏', at: '2026-11-20T12:00:00.000+08:00' },
    ],
  };
}

let sent: Intent[];
let next: MeetingView | null;

beforeEach(() => {
  sent = [];
  next = null;
  backend.applyIntent.mockImplementation(async (intent: Intent, meeting: string) => {
    expect(meeting).toBe(MEETING_ID);
    sent.push(intent);
    return next ?? sealed();
  });
});
afterEach(() => {
  vi.clearAllMocks();
});

function room(meeting: MeetingView) {
  return render(MeetingRoom, { meeting, onback: vi.fn(), onupdate: vi.fn() });
}

const input = (id: string, value: string) => fireEvent.input(screen.getByTestId(id), { target: { value } });

describe('after the seal', () => {
  test('the forms appear only once the record is sealed', () => {
    room({ ...signing(), signers: signing().signers.slice(0, 2) });
    expect(screen.queryByTestId('after-seal')).toBeNull();
  });

  test('a sealed meeting lists its amendments, marked as appended, and its publications', () => {
    room(amended());
    expect(screen.getByTestId('room').dataset.viewing).toBe('seal');
    const [a] = screen.getAllByTestId('amendment');
    expect(a.textContent).toContain('更正1');
    expect(a.textContent).toContain('封存后追加');
    expect(a.textContent).toContain('2026-11-20 10:05');
    expect(a.textContent).toContain('更正人：谢雨婷');
    expect(a.textContent).toContain('理由：笔误');
    expect(a.textContent).toContain('第二项议题表决时间应为19:55');
    const [p] = screen.getAllByTestId('publication');
    expect(p.dataset.channel).toBe('notice_board');
    expect(p.textContent).toContain('线下公示栏');
    expect(p.textContent).toContain('幸福花园东门公示栏');
    expect(p.textContent).toContain('2026-11-20 12:00');
    // The exports are beside them: the poster follows the publication.
    expect(screen.getByTestId('export-poster-a4')).toBeTruthy();
    // A second publication defaults to the channel not yet recorded.
    expect((screen.getByTestId('publish-channel-online') as HTMLInputElement).checked).toBe(true);
  });

  test('a street result unpublished after three days: the core’s warning is shown with its rule', () => {
    room({
      ...amended(),
      publish_warning: {
        rule: 'R-PUBLISH',
        code: 'publish_overdue',
        message_zh: '街道协商结果应在会后3天内公开，期限 2026-11-22 21:30 已过，尚未登记：线上公开（R-PUBLISH）。',
        message_en: "A street meeting's result must be published within 3 days; the deadline 2026-11-22 21:30 has passed, and not recorded as published: online (R-PUBLISH).",
      },
    });
    const w = screen.getByTestId('publish-warning');
    expect(w.dataset.rule).toBe('R-PUBLISH');
    expect(w.getAttribute('role')).toBe('alert');
    expect(w.textContent).toContain('期限 2026-11-22 21:30 已过，尚未登记：线上公开');
    // Above the fold too, beside the seal.
    expect(screen.getByTestId('seal-publish-late').textContent).toBe('公示逾期（R-PUBLISH）：见下方“公示记录”。');
  });

  test('no warning when the core gives none', () => {
    room(amended());
    expect(screen.queryByTestId('publish-warning')).toBeNull();
    expect(screen.queryByTestId('seal-publish-late')).toBeNull();
  });

  test('nothing appended yet: says so', () => {
    room(sealed());
    expect(screen.getByTestId('no-amendments').textContent).toBe('尚无更正。');
    expect(screen.getByTestId('no-publications').textContent).toBe('尚未登记公示。');
    expect(screen.queryAllByTestId('amendment')).toHaveLength(0);
  });

  test('an amendment: the recorder by default, a confirmation that it is permanent, then exactly the intent', async () => {
    room(sealed());
    await fireEvent.click(screen.getByTestId('amend-start'));
    const by = screen.getByTestId('amend-by') as HTMLInputElement;
    expect(by.value).toBe('谢雨婷');
    // The recorder's name is there: the keyboard goes to the first blank field.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('amend-reason')));
    await input('amend-reason', ' 笔误 ');
    await input('amend-text', '第二项议题表决时间应为19:55');
    await fireEvent.click(screen.getByTestId('amend-review'));
    // Nothing is sent before the confirmation.
    expect(sent).toEqual([]);
    const confirmation = screen.getByTestId('amend-confirmation');
    expect(confirmation.textContent).toContain('永久追加');
    expect(confirmation.textContent).toContain('随会议记录一同打印');
    expect((screen.getByTestId('amend-text') as HTMLTextAreaElement).readOnly).toBe(true);
    // Back to editing keeps what was typed.
    await fireEvent.click(screen.getByTestId('amend-back'));
    expect((screen.getByTestId('amend-reason') as HTMLInputElement).value).toBe(' 笔误 ');
    await fireEvent.click(screen.getByTestId('amend-review'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('amend-confirm')));
    next = amended();
    await fireEvent.click(screen.getByTestId('amend-confirm'));
    await waitFor(() =>
      expect(sent).toEqual([{ type: 'amend', by: '谢雨婷', reason: '笔误', text: '第二项议题表决时间应为19:55' }]),
    );
    await waitFor(() => expect(screen.queryByTestId('amend-form')).toBeNull());
    expect(screen.getByTestId('amend-done').textContent).toContain('已追加更正');
    expect(screen.getByTestId('amend-start')).toBeTruthy();
  });

  test('an empty field is the core’s to refuse: the form stays, the refusal is shown', async () => {
    backend.applyIntent.mockRejectedValueOnce(
      new BackendError({ code: 'empty', rule: null, message_zh: '“理由”不能为空', message_en: 'reason: must not be empty' }),
    );
    room(sealed());
    await fireEvent.click(screen.getByTestId('amend-start'));
    await input('amend-text', '更正内容');
    await fireEvent.click(screen.getByTestId('amend-review'));
    await fireEvent.click(screen.getByTestId('amend-confirm'));
    await waitFor(() => expect(screen.getByTestId('error').textContent).toContain('“理由”不能为空'));
    expect(backend.applyIntent).toHaveBeenCalledWith({ type: 'amend', by: '谢雨婷', reason: '', text: '更正内容' }, MEETING_ID);
    // Back at the form, with what was typed.
    expect(await screen.findByTestId('amend-review')).toBeTruthy();
    expect((screen.getByTestId('amend-text') as HTMLTextAreaElement).value).toBe('更正内容');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('amend-reason')));
  });

  test('a publication: notice board first, the place typed, exactly the intent; then online', async () => {
    room(sealed());
    expect((screen.getByTestId('publish-channel-notice_board') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId('publish-place') as HTMLInputElement).placeholder).toBe('如：幸福花园东门公示栏');
    await input('publish-place', '幸福花园东门公示栏');
    next = amended();
    await fireEvent.click(screen.getByTestId('publish-submit'));
    await waitFor(() =>
      expect(sent).toEqual([{ type: 'record_publication', channel: 'notice_board', place: '幸福花园东门公示栏' }]),
    );
    expect((await screen.findByTestId('publish-done')).textContent).toContain('导出公示');
    expect((screen.getByTestId('publish-place') as HTMLInputElement).value).toBe('');

    await fireEvent.click(screen.getByTestId('publish-channel-online'));
    expect(screen.getByTestId('publications').textContent).toContain('网址、公众号或微信群名');
    await input('publish-place', '幸福花园业主群');
    await fireEvent.click(screen.getByTestId('publish-submit'));
    await waitFor(() => expect(sent[1]).toEqual({ type: 'record_publication', channel: 'online', place: '幸福花园业主群' }));
  });

  test('a second press while the first is on its way appends nothing more', async () => {
    let answer: (m: MeetingView) => void = () => {};
    backend.applyIntent.mockImplementationOnce((intent: Intent) => {
      sent.push(intent);
      return new Promise((ok) => (answer = ok));
    });
    room(sealed());
    await input('publish-place', '东门');
    const submit = screen.getByTestId('publish-submit') as HTMLButtonElement;
    fireEvent.click(submit);
    fireEvent.click(submit);
    await waitFor(() => expect(submit.disabled).toBe(true));
    answer(amended());
    await waitFor(() => expect(submit.disabled).toBe(false));
    expect(sent).toHaveLength(1);
  });

  test('a refusal of a publication is shown in the locale with its rule id', async () => {
    backend.applyIntent.mockRejectedValueOnce(
      new BackendError({
        code: 'wrong_phase',
        rule: 'R-PUBLISH',
        message_zh: '会议记录封存后才能登记公示',
        message_en: 'Publication is recorded after the seal',
      }),
    );
    room(sealed());
    await input('publish-place', '东门');
    await fireEvent.click(screen.getByTestId('publish-submit'));
    const error = await screen.findByTestId('error');
    expect(error.textContent).toContain('会议记录封存后才能登记公示');
    expect(within(error).getByText('依据 R-PUBLISH')).toBeTruthy();
    expect(screen.queryByTestId('publish-done')).toBeNull();
    expect((screen.getByTestId('publish-place') as HTMLInputElement).value).toBe('东门');
  });
});
