// Carrying out the result (R-IMPLEMENT, R-EVALUATE) in the room's last step, with the shell
// mocked at the backend module: only resolutions are offered, each form sends exactly its
// intent (deadlines as the end of the chosen day, with this computer's offset), the action's
// state and the core's overdue warning are shown, and a refusal is shown as the core worded it.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import type { ActionView, Intent, MeetingView } from '../../bindings';
import { BackendError } from '../../backend';
import MeetingRoom from './MeetingRoom.svelte';
import { localToRfc3339 } from '../home/datetime';
import { MEETING_ID, sealed } from '../../../test/room-fixtures';

const backend = vi.hoisted(() => ({ applyIntent: vi.fn() }));
vi.mock('../../backend', async (original) => ({
  ...(await original<typeof import('../../backend')>()),
  applyIntent: backend.applyIntent,
}));

const label = (zh: string, en: string) => ({ zh, en });

function action(over: Partial<ActionView> = {}): ActionView {
  return {
    no: 1,
    item: 'a1',
    item_title: '加装电梯',
    leader: '黄志明',
    department: '社区工作站',
    requirements: '完成报建和施工招标',
    due: '2026-12-31T23:59:00.000+08:00',
    feedback_by: '2026-12-05T23:59:00.000+08:00',
    assigned_at: '2026-11-21T09:00:00.000+08:00',
    done_at: null,
    warning: null,
    progress: [],
    evaluations: [],
    ...over,
  };
}

const withActions = (...actions: ActionView[]): MeetingView => ({ ...sealed(), actions });

let sent: Intent[];
beforeEach(() => {
  sent = [];
  backend.applyIntent.mockImplementation(async (intent: Intent, meeting: string) => {
    expect(meeting).toBe(MEETING_ID);
    sent.push(intent);
    return sealed();
  });
});
afterEach(() => {
  vi.clearAllMocks();
});

function room(meeting: MeetingView) {
  return render(MeetingRoom, { meeting, onback: vi.fn(), onupdate: vi.fn() });
}
const input = (id: string, value: string) => fireEvent.input(screen.getByTestId(id), { target: { value } });
const day = (n: number) => {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('implementation and evaluation', () => {
  test('only a resolution is offered, and the assignment is exactly the intent', async () => {
    room(sealed());
    const part = screen.getByTestId('actions');
    expect(within(part).getByTestId('no-actions').textContent).toBe('尚未明确落实责任。');
    await fireEvent.click(screen.getByTestId('assign-start'));
    const options = [...(screen.getByTestId('assign-item') as HTMLSelectElement).options].map((o) => o.value);
    expect(options).toEqual(['a1']); // a2 was deferred: no resolution to carry out
    // Sensible defaults: a week to report, a month to finish.
    expect((screen.getByTestId('assign-feedback') as HTMLInputElement).value).toBe(day(7));
    expect((screen.getByTestId('assign-due') as HTMLInputElement).value).toBe(day(30));

    await input('assign-leader', ' 黄志明 ');
    await input('assign-requirements', '完成报建和施工招标');
    await input('assign-due', '2026-12-31');
    await fireEvent.click(screen.getByTestId('assign-submit'));
    await waitFor(() =>
      expect(sent).toEqual([
        {
          type: 'assign_action',
          item: 'a1',
          leader: '黄志明',
          department: '',
          requirements: '完成报建和施工招标',
          due: localToRfc3339('2026-12-31T23:59'),
          feedback_by: localToRfc3339(`${day(7)}T23:59`),
        },
      ]),
    );
    expect(await screen.findByTestId('actions-recorded')).toBeTruthy();
    expect(screen.queryByTestId('assign-form')).toBeNull();
  });

  test('an action shows who, by when, its reports and the core’s overdue warning', () => {
    const warning = {
      rule: 'R-IMPLEMENT',
      code: 'feedback_overdue',
      message_zh: '第 1 项落实事项已过反馈时限 2026-12-05，尚无进展反馈（R-IMPLEMENT）。',
      message_en: 'Action 1 passed its feedback deadline 2026-12-05 with no progress reported (R-IMPLEMENT).',
    };
    room(withActions(action({ warning })));
    const a = screen.getByTestId('action');
    expect(a.dataset.status).toBe('open');
    expect(a.textContent).toContain('落实1');
    expect(a.textContent).toContain('责任领导：黄志明');
    expect(a.textContent).toContain('完成时间 2026-12-31 · 反馈时限 2026-12-05');
    const alert = within(a).getByRole('alert');
    expect(alert.textContent?.trim()).toBe(warning.message_zh);
    expect(alert.dataset.code).toBe('feedback_overdue');
    expect(screen.getByTestId('seal-action-overdue').textContent).toContain('落实逾期（R-IMPLEMENT）');
  });

  test('progress is reported, and done is said with the report', async () => {
    room(withActions(action()));
    await fireEvent.click(screen.getByTestId('report-start'));
    await input('report-note', '两部电梯已通过验收');
    await fireEvent.click(screen.getByTestId('report-done'));
    await fireEvent.click(screen.getByTestId('report-submit'));
    await waitFor(() => expect(sent).toEqual([{ type: 'report_progress', action: 1, note: '两部电梯已通过验收', done: true }]));
  });

  test('done work is evaluated; rectification asks what is required', async () => {
    const done = action({
      done_at: '2026-12-20T10:00:00.000+08:00',
      progress: [{ note: '已验收', done: true, at: '2026-12-20T10:00:00.000+08:00' }],
    });
    room(withActions(done));
    expect(screen.getByTestId('action').dataset.status).toBe('done');
    expect(screen.queryByTestId('report-start')).toBeNull();
    await fireEvent.click(screen.getByTestId('evaluate-start'));
    expect(screen.queryByTestId('evaluate-rectification')).toBeNull();
    await input('evaluate-by', '居务监督委员会');
    await fireEvent.click(screen.getByTestId('evaluate-rectify'));
    await input('evaluate-rectification', '通道加宽');
    await fireEvent.click(screen.getByTestId('evaluate-submit'));
    await waitFor(() =>
      expect(sent).toEqual([
        { type: 'evaluate_action', action: 1, by: '居务监督委员会', verdict: 'rectify', rectification: '通道加宽' },
      ]),
    );
  });

  test('a reopened action reads as needing rectification, a passed one as satisfactory', () => {
    const rectify = { by: '居务监督委员会', verdict: 'rectify' as const, verdict_label: label('需整改', 'rectification required'), rectification: '通道加宽', at: '2026-12-22T15:00:00.000+08:00' };
    const ok = { ...rectify, verdict: 'satisfactory' as const, verdict_label: label('评议通过', 'satisfactory'), rectification: null, at: '2027-01-06T15:00:00.000+08:00' };
    room(withActions(action({ evaluations: [rectify] }), action({ no: 2, done_at: '2027-01-04T10:00:00.000+08:00', evaluations: [rectify, ok] })));
    const [first, second] = screen.getAllByTestId('action');
    expect(first.dataset.status).toBe('rectify');
    expect(within(first).getByTestId('action-evaluation').textContent).toContain('需整改：通道加宽');
    // One history, in the order things happened: done, rectification asked, done again, passed.
    const done = (at: string) => ({ note: `办结 ${at}`, done: true, at });
    room(withActions(action({ no: 3, done_at: '2026-11-25T10:00:00.000+08:00', progress: [done('2026-11-23T10:00:00.000+08:00'), done('2026-11-25T10:00:00.000+08:00')], evaluations: [{ ...rectify, at: '2026-11-24T15:00:00.000+08:00' }] })));
    const third = screen.getAllByTestId('action').find((a) => a.dataset.no === '3')!;
    const kinds = [...third.querySelectorAll('.history li')].map((li) => (li as HTMLElement).dataset.testid);
    expect(kinds).toEqual(['action-progress', 'action-evaluation', 'action-progress']);
    expect(second.dataset.status).toBe('satisfactory');
    expect(within(second).getByTestId('action-status').textContent).toBe('评议通过');
  });

  test('a refusal is shown with its field and rule; the form keeps what was typed', async () => {
    backend.applyIntent.mockRejectedValueOnce(
      new BackendError({
        code: 'empty',
        rule: 'R-IMPLEMENT',
        message_zh: '“责任领导（实施人）”不能为空（R-IMPLEMENT）',
        message_en: 'responsible leader: must not be empty (R-IMPLEMENT)',
      }),
    );
    room(sealed());
    await fireEvent.click(screen.getByTestId('assign-start'));
    await input('assign-requirements', '完成报建');
    await fireEvent.click(screen.getByTestId('assign-submit'));
    await waitFor(() => expect(screen.getByTestId('error').textContent).toContain('“责任领导（实施人）”不能为空（R-IMPLEMENT）'));
    expect((screen.getByTestId('assign-requirements') as HTMLTextAreaElement).value).toBe('完成报建');
  });
});
