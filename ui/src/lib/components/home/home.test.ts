import { describe, expect, test, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { mockIPC } from '@tauri-apps/api/mocks';
import MeetingGroups from './MeetingGroups.svelte';
import CreateMeeting from './CreateMeeting.svelte';
import Roster from './Roster.svelte';
import ExportPanel from './ExportPanel.svelte';
import SetupChecks from './SetupChecks.svelte';
import { wallClock } from '../../format';
import MeetingCard from './MeetingCard.svelte';
import { localToRfc3339, nowLocal } from './datetime';
import { listItem, meetingView } from '../../../test/fixtures';
import { meetings, roster, setupOptions } from '../../../test/home-fixtures';
import type { MeetingView } from '../../bindings';

type Call = { cmd: string; args: Record<string, unknown> };

/** Mocks the shell: records every call; `answers` overrides a command's reply. */
function shell(answers: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
  const calls: Call[] = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    if (answers[cmd]) return answers[cmd](a);
    switch (cmd) {
      case 'setup_options':
        return setupOptions;
      case 'list_roster':
        return roster;
      case 'get_meeting':
        return meetingView;
      default:
        return null;
    }
  }, { shouldMockEvents: true });
  return calls;
}

const setupMeeting: MeetingView = {
  ...meetingView,
  phase: 'setup',
  warnings: [
    { rule: 'R-NOTICE5', code: 'notice_not_recorded', message_zh: '尚未记录会议公告', message_en: 'No notice recorded' },
    { rule: 'R-SEATS', code: 'seats_below_half', message_zh: '非两委成员仅占 40% 席位', message_en: '40% of seats' },
  ],
};

describe('datetime', () => {
  test('a datetime-local value gets this computer’s offset on that date', () => {
    const v = localToRfc3339('2026-11-19T19:30');
    expect(v).toMatch(/^2026-11-19T19:30:00[+-]\d{2}:\d{2}$/);
    const offset = -new Date(2026, 10, 19, 19, 30).getTimezoneOffset();
    const sign = offset >= 0 ? '+' : '-';
    const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
    const mm = String(Math.abs(offset) % 60).padStart(2, '0');
    expect(v).toBe(`2026-11-19T19:30:00${sign}${hh}:${mm}`);
    expect(localToRfc3339('2026-11-19T19:30:15')).toMatch(/^2026-11-19T19:30:15/);
  });

  test('empty or impossible input gives null', () => {
    expect(localToRfc3339('')).toBeNull();
    expect(localToRfc3339('2026-02-30T10:00')).toBeNull();
    expect(localToRfc3339('明天')).toBeNull();
  });

  test('now as a datetime-local value', () => {
    expect(nowLocal(new Date(2026, 0, 5, 8, 7))).toBe('2026-01-05T08:07');
  });
});

describe('MeetingGroups', () => {
  test('groups upcoming (soonest first), in progress and sealed (newest first)', () => {
    const open = vi.fn();
    const details = vi.fn();
    render(MeetingGroups, { meetings, onopen: open, ondetails: details });
    const titles = (group: string) =>
      [...document.querySelectorAll(`[data-group="${group}"] .title`)].map((e) => e.textContent);
    expect(titles('upcoming')).toEqual(['明天的会', '下月的会']);
    expect(titles('in_progress')).toEqual(['正在开的会', '签字中的会']);
    expect(titles('sealed')).toEqual(['上月的会', '去年的会']);
    expect(screen.getByText('待召开')).toBeTruthy();
    expect(screen.getByText('已封存')).toBeTruthy();
  });

  test('a row enters the meeting; its second button opens preparation or exports', async () => {
    const open = vi.fn();
    const details = vi.fn();
    render(MeetingGroups, { meetings, onopen: open, ondetails: details });
    await fireEvent.click(screen.getByText('明天的会'));
    expect(open).toHaveBeenCalledWith('b');
    const prepare = document.querySelector('[data-testid="meeting-details"][data-meeting="b"]')!;
    expect(prepare.textContent?.trim()).toBe('会前准备');
    await fireEvent.click(prepare);
    expect(details).toHaveBeenCalledWith('b');
    expect(document.querySelector('[data-testid="meeting-details"][data-meeting="e"]')!.textContent?.trim()).toBe('导出打印');
  });

  test('a sealed street meeting past its 3-day publication deadline says so in the list (R-PUBLISH)', () => {
    const warning = (code: string) => ({ rule: 'R-PUBLISH', code, message_zh: `${code} 中文`, message_en: `${code} English` });
    render(MeetingGroups, {
      meetings: [
        { ...listItem, id: 'e', title: '逾期未公示', phase: 'sealed', level: 'street', publish_warning: warning('publish_overdue') },
        { ...listItem, id: 'f', title: '逾期已公示', phase: 'sealed', level: 'street', publish_warning: warning('publish_late') },
      ],
      onopen: vi.fn(),
      ondetails: vi.fn(),
    });
    const tags = screen.getAllByTestId('meeting-publish-overdue');
    expect(tags).toHaveLength(1);
    expect(tags[0].textContent?.trim()).toBe('公示逾期（R-PUBLISH）');
    expect(tags[0].getAttribute('title')).toBe('publish_overdue 中文');
    expect(tags[0].closest('[data-meeting]')?.getAttribute('data-meeting')).toBe('e');
  });

  test('a meeting with an action past its time or its feedback deadline says so in the list (R-IMPLEMENT)', () => {
    const overdue = (no: number) => ({ rule: 'R-IMPLEMENT', code: 'action_overdue', message_zh: `第 ${no} 项逾期`, message_en: `action ${no} overdue` });
    render(MeetingGroups, {
      meetings: [
        { ...listItem, id: 'g', title: '落实逾期', phase: 'sealed', implement_warnings: [overdue(1), overdue(2)] },
        { ...listItem, id: 'h', title: '按期落实', phase: 'sealed' },
      ],
      onopen: vi.fn(),
      ondetails: vi.fn(),
    });
    const tags = screen.getAllByTestId('meeting-action-overdue');
    expect(tags).toHaveLength(1);
    expect(tags[0].textContent?.trim()).toBe('落实逾期（R-IMPLEMENT）');
    expect(tags[0].getAttribute('title')).toBe('第 1 项逾期\n第 2 项逾期');
    expect(tags[0].closest('[data-meeting]')?.getAttribute('data-meeting')).toBe('g');
  });

  test('an empty group says so', () => {
    render(MeetingGroups, { meetings: meetings.filter((m) => m.phase === 'sealed'), onopen: vi.fn(), ondetails: vi.fn() });
    expect(screen.getAllByText('暂无')).toHaveLength(2);
  });
});

async function fill(testId: string, value: string) {
  const el = screen.getByTestId(testId) as HTMLInputElement;
  await fireEvent.input(el, { target: { value } });
}

async function choose(el: HTMLElement, value: string) {
  await fireEvent.change(el, { target: { value } });
}

describe('CreateMeeting', () => {
  test('forms are those of the chosen level, as the core lists them', async () => {
    shell();
    render(CreateMeeting, { oncreated: vi.fn(), oncancel: vi.fn(), onroster: vi.fn() });
    const form = (await screen.findByTestId('create-form')) as HTMLSelectElement;
    const values = () => [...form.options].map((o) => o.value);
    expect(values()).toEqual(['residents_assembly', 'deliberation_council']);
    await fireEvent.click(screen.getByTestId('create-level-street'));
    expect(values()).toEqual(['symposium', 'democratic_consultation']);
    expect(form.value).toBe('symposium');
  });

  test('sends one create_meeting (no id: the shell makes it), then record_notice', async () => {
    const calls = shell({
      apply_intent: () => ({ ...meetingView, id: 'new-id' }),
    });
    const created = vi.fn();
    render(CreateMeeting, { oncreated: created, oncancel: vi.fn(), onroster: vi.fn() });
    await screen.findByTestId('create-form');
    await choose(screen.getByTestId('create-form'), 'deliberation_council');
    await fireEvent.click(screen.getByTestId('create-online'));
    await fill('create-title', '  幸福社区议事会  ');
    await fill('create-time', '2026-12-01T19:30');
    await fill('create-place', '党群服务中心');
    const rows = screen.getAllByTestId('create-person');
    await choose(within(rows[0]).getByTestId('create-role'), 'member');
    await choose(within(rows[1]).getByTestId('create-role'), 'member');
    await choose(within(rows[2]).getByTestId('create-role'), 'attendee');
    expect(screen.getByTestId('create-counts').textContent).toBe('协商成员 2 人 · 列席 1 人 · 旁听 0 人');
    await choose(screen.getByTestId('create-chair'), 'p01');
    await choose(screen.getByTestId('create-recorder'), 'p03');
    await fill('create-observer-seats', '2');
    await choose(screen.getByTestId('create-vote-rule'), 'more_than_half');
    await fill('create-turn-limit', '2.5');
    await fill('create-item-title', '加装电梯');
    await fill('create-item-background', '3栋无电梯');
    await fill('create-item-stakeholders', '3栋业主');
    await fireEvent.click(screen.getByTestId('create-add-item'));
    await fill('create-published', '2026-11-20T09:00');
    await fireEvent.click(screen.getByTestId('create-submit'));
    await waitFor(() => expect(created).toHaveBeenCalledWith('new-id'));

    const applied = calls.filter((c) => c.cmd === 'apply_intent');
    expect(applied).toHaveLength(2);
    expect(applied[0].args.meeting).toBeNull();
    expect(applied[0].args.intent).toEqual({
      type: 'create_meeting',
      level: 'community',
      form: 'deliberation_council',
      online: true,
      title: '幸福社区议事会',
      place: '党群服务中心',
      scheduled_at: localToRfc3339('2026-12-01T19:30'),
      chair: 'p01',
      recorder: 'p03',
      participants: [
        { id: 'p01', name: '李卫东', group: 'residents', two_committees: true, role: 'member' },
        { id: 'p02', name: '王秀英', group: 'residents', two_committees: true, role: 'member' },
        { id: 'p03', name: '刘德明', group: 'residents', two_committees: false, role: 'attendee' },
      ],
      observer_seats: 2,
      vote_rule: 'more_than_half',
      turn_limit_secs: 150,
      // The empty second item is left out.
      agenda: [{ id: 'i1', title: '加装电梯', background: '3栋无电梯', stakeholders: '3栋业主' }],
    });
    expect(applied[1].args).toEqual({
      meeting: 'new-id',
      intent: { type: 'record_notice', published_at: localToRfc3339('2026-11-20T09:00') },
    });
  });

  test('a refusal of the core is shown with its rule, and nothing else is sent', async () => {
    const calls = shell({
      apply_intent: () => {
        throw { code: 'form_not_of_level', rule: 'R-FORMS', message_zh: '形式与层级不符', message_en: 'wrong form' };
      },
    });
    const created = vi.fn();
    render(CreateMeeting, { oncreated: created, oncancel: vi.fn(), onroster: vi.fn() });
    await screen.findByTestId('create-form');
    await fill('create-time', '2026-12-01T19:30');
    await fill('create-published', '2026-11-20T09:00');
    await fireEvent.click(screen.getByTestId('create-submit'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('形式与层级不符');
    expect(alert.textContent).toContain('R-FORMS');
    expect(calls.filter((c) => c.cmd === 'apply_intent')).toHaveLength(1);
    expect(created).not.toHaveBeenCalled();
  });

  test('without a time nothing is sent and the form says what is missing', async () => {
    const calls = shell();
    render(CreateMeeting, { oncreated: vi.fn(), oncancel: vi.fn(), onroster: vi.fn() });
    await screen.findByTestId('create-form');
    await fireEvent.click(screen.getByTestId('create-submit'));
    expect((await screen.findByTestId('create-problem')).textContent).toBe('请填写会议时间。');
    expect(calls.some((c) => c.cmd === 'apply_intent')).toBe(false);
  });

  test('an empty roster points to the roster', async () => {
    shell({ list_roster: () => [] });
    const toRoster = vi.fn();
    render(CreateMeeting, { oncreated: vi.fn(), oncancel: vi.fn(), onroster: toRoster });
    const empty = await screen.findByTestId('create-roster-empty');
    await fireEvent.click(within(empty).getByRole('button'));
    expect(toRoster).toHaveBeenCalled();
  });
});

describe('Roster', () => {
  test('lists the roster; a new person goes to the shell without an id', async () => {
    const calls = shell({
      save_person: (a) => [...roster, { ...roster[0], id: 'p04', name: (a.person as { name: string }).name }],
    });
    render(Roster);
    expect((await screen.findAllByTestId('roster-name')).map((e) => e.textContent)).toEqual(['李卫东', '王秀英', '刘德明']);
    expect(screen.getByTestId('roster-count').textContent).toBe('共 3 人');
    await fireEvent.click(screen.getByTestId('roster-add'));
    await fill('person-name', ' 欧阳建国 ');
    await choose(screen.getByTestId('person-group'), 'experts');
    await fireEvent.click(screen.getByTestId('person-save'));
    expect((await screen.findByTestId('person-saved')).textContent).toBe('已保存：欧阳建国');
    expect(calls.find((c) => c.cmd === 'save_person')!.args).toEqual({
      person: { id: '', name: '欧阳建国', group: 'experts', two_committees: false, existing: false },
    });
    expect(screen.queryByTestId('person-form')).toBeNull();
  });

  test('editing keeps the id, read-only', async () => {
    const calls = shell({ save_person: () => roster });
    render(Roster);
    const rows = await screen.findAllByTestId('roster-row');
    await fireEvent.click(within(rows[2]).getByTestId('roster-edit'));
    const id = screen.getByTestId('person-id') as HTMLInputElement;
    expect(id.value).toBe('p03');
    expect(id.readOnly).toBe(true);
    await fireEvent.click(screen.getByTestId('person-two-committees'));
    await fireEvent.click(screen.getByTestId('person-save'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'save_person')).toBe(true));
    expect(calls.find((c) => c.cmd === 'save_person')!.args.person).toEqual({
      id: 'p03',
      name: '刘德明',
      group: 'residents',
      two_committees: true,
      existing: true,
    });
  });

  test('a rejected import lists the core’s messages by line and keeps the roster', async () => {
    const calls = shell({
      import_roster: () => ({
        outcome: 'rejected',
        file_name: '名册.csv',
        errors: [
          { line: 3, field: 'name', message_zh: '第 3 行“姓名”：姓名须为1至50字', message_en: 'line 3, name' },
          { line: 7, field: 'participants', message_zh: '第 7 行“参会人员”：类别“9”无效（R-PARTIES）', message_en: 'line 7' },
        ],
      }),
    });
    render(Roster);
    await screen.findAllByTestId('roster-row');
    await fireEvent.click(screen.getByTestId('roster-import'));
    const rejected = await screen.findByTestId('import-rejected');
    expect(rejected.textContent).toContain('名册.csv 中有 2 行有误，未导入任何人员');
    const errors = screen.getAllByTestId('import-error');
    expect(errors.map((e) => e.getAttribute('data-line'))).toEqual(['3', '7']);
    expect(errors[1].textContent).toContain('R-PARTIES');
    expect(screen.getAllByTestId('roster-row')).toHaveLength(3);
    expect(calls.find((c) => c.cmd === 'import_roster')!.args).toEqual({ locale: 'zh' });
  });

  test('an accepted import replaces the list and says how many', async () => {
    shell({
      import_roster: () => ({
        outcome: 'imported',
        file_name: 'good.csv',
        count: 2,
        updated: 1,
        encoding: 'GB18030',
        roster: roster.slice(0, 2),
      }),
    });
    render(Roster);
    await screen.findAllByTestId('roster-row');
    await fireEvent.click(screen.getByTestId('roster-import'));
    expect((await screen.findByTestId('import-ok')).textContent).toContain('已从 good.csv 导入 2 人，其中 1 人已在名册中');
    expect(screen.getAllByTestId('roster-row')).toHaveLength(2);
  });

  test('a closed dialog changes nothing; removal asks for confirmation', async () => {
    const calls = shell({ import_roster: () => ({ outcome: 'cancelled' }), remove_person: () => roster.slice(1) });
    render(Roster);
    const rows = await screen.findAllByTestId('roster-row');
    await fireEvent.click(screen.getByTestId('roster-import'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'import_roster')).toBe(true));
    expect(screen.queryByTestId('import-ok')).toBeNull();
    expect(screen.queryByTestId('import-rejected')).toBeNull();
    await fireEvent.click(within(rows[0]).getByTestId('roster-remove'));
    expect(calls.some((c) => c.cmd === 'remove_person')).toBe(false);
    await fireEvent.click(within(rows[0]).getByTestId('roster-remove-confirm'));
    await waitFor(() => expect(screen.getAllByTestId('roster-row')).toHaveLength(2));
    expect(calls.find((c) => c.cmd === 'remove_person')!.args).toEqual({ id: 'p01' });
  });
});

describe('ExportPanel', () => {
  test('asks the shell for the document; shows where it was saved and that it opened', async () => {
    const calls = shell({
      export_document: () => ({
        outcome: 'saved',
        path: '/home/chair/文档/议事会-会议记录.pdf',
        file_name: '议事会-会议记录.pdf',
        bytes: 90000,
        draft: false,
        opened: true,
      }),
    });
    render(ExportPanel, { meeting: { ...meetingView, phase: 'sealed' } });
    expect(screen.queryByTestId('export-draft-note')).toBeNull();
    await fireEvent.click(screen.getByTestId('export-minutes'));
    const status = await screen.findByTestId('export-status');
    expect(status.textContent).toContain('已保存 议事会-会议记录.pdf');
    expect(status.textContent).toContain('/home/chair/文档/议事会-会议记录.pdf');
    expect(status.textContent).toContain('已在系统的 PDF 查看器中打开');
    expect(calls.find((c) => c.cmd === 'export_document')!.args).toEqual({
      meeting: meetingView.id,
      kind: 'minutes',
      paper: 'a4',
      locale: 'zh',
      issuer: null,
    });
  });

  test('the issuing body signs the poster, the notice and the text, and is kept for the next time', async () => {
    localStorage.removeItem('yishi.issuer');
    const saved = { outcome: 'saved', path: '/tmp/x.pdf', file_name: 'x.pdf', bytes: 1, draft: false, opened: true };
    const calls = shell({ export_document: () => saved });
    const r = render(ExportPanel, { meeting: { ...meetingView, phase: 'sealed' } });
    const input = screen.getByTestId('export-issuer') as HTMLInputElement;
    expect(input.value).toBe('');
    await fireEvent.input(input, { target: { value: ' 幸福社区居民委员会 ' } });
    await fireEvent.change(input);
    await fireEvent.click(screen.getByTestId('export-poster-a4'));
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'export_document')).toHaveLength(1));
    expect(calls.at(-1)!.args).toMatchObject({ kind: 'poster', issuer: '幸福社区居民委员会' });
    // The minutes are signed by the people present, not by an issuing body.
    await fireEvent.click(screen.getByTestId('export-minutes'));
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'export_document')).toHaveLength(2));
    expect(calls.at(-1)!.args).toMatchObject({ kind: 'minutes', issuer: null });
    r.unmount();
    render(ExportPanel, { meeting: { ...meetingView, phase: 'sealed' } });
    expect((screen.getByTestId('export-issuer') as HTMLInputElement).value).toBe('幸福社区居民委员会');
    localStorage.removeItem('yishi.issuer');
  });

  test('A3 poster, a draft of an unsealed meeting, a cancelled dialog and a failure', async () => {
    let answer: () => unknown = () => ({ outcome: 'cancelled' });
    const calls = shell({ export_document: () => answer() });
    render(ExportPanel, { meeting: meetingView });
    expect(screen.getByTestId('export-draft-note').textContent).toContain('草稿');
    await fireEvent.click(screen.getByTestId('export-poster-a3'));
    expect((await screen.findByTestId('export-status')).textContent).toBe('已取消，未保存文件。');
    expect(calls.at(-1)!.args).toMatchObject({ kind: 'poster', paper: 'a3' });

    answer = () => ({ outcome: 'saved', path: '/tmp/x.pdf', file_name: 'x.pdf', bytes: 1, draft: true, opened: false });
    await fireEvent.click(screen.getByTestId('export-minutes'));
    await waitFor(() => expect(screen.getByTestId('export-status').getAttribute('data-outcome')).toBe('saved'));
    expect(screen.getByTestId('export-status').textContent).toContain('已保存 x.pdf（草稿）');
    expect(screen.getByTestId('export-status').textContent).toContain('未能自动打开');

    answer = () => {
      throw { code: 'missing_glyph', rule: null, message_zh: '字体中没有字符“𠀀”', message_en: 'no glyph' };
    };
    await fireEvent.click(screen.getByTestId('export-notice'));
    expect((await screen.findByRole('alert')).textContent).toContain('字体中没有字符');
  });
});

describe('SetupChecks', () => {
  test('shows the core’s warnings with their rules; the R-SEATS reason goes to the core', async () => {
    const calls = shell({ apply_intent: () => ({ ...setupMeeting, warnings: [] }) });
    const updated = vi.fn();
    render(SetupChecks, { meeting: setupMeeting, onupdated: updated });
    const warnings = screen.getAllByTestId('setup-warning');
    expect(warnings.map((w) => w.getAttribute('data-rule'))).toEqual(['R-NOTICE5', 'R-SEATS']);
    expect(warnings[1].textContent).toContain('非两委成员仅占 40% 席位');
    await fill('seats-reason', '涉及两委成员所在楼栋');
    await fireEvent.click(screen.getByTestId('seats-reason-save'));
    await waitFor(() => expect(updated).toHaveBeenCalled());
    expect(calls.find((c) => c.cmd === 'apply_intent')!.args).toEqual({
      meeting: meetingView.id,
      intent: { type: 'record_seats_reason', reason: '涉及两委成员所在楼栋' },
    });
  });

  test('no reason form once a reason is recorded; notice times go to the core with an offset', async () => {
    const reasoned = {
      ...setupMeeting,
      warnings: [{ rule: 'R-SEATS', code: 'seats_below_half_reasoned', message_zh: '已登记理由', message_en: 'reason recorded' }],
    };
    const calls = shell({ apply_intent: () => reasoned });
    render(SetupChecks, { meeting: reasoned, onupdated: vi.fn() });
    expect(screen.queryByTestId('seats-reason-form')).toBeNull();
    await fireEvent.click(screen.getByTestId('notice-save'));
    expect(screen.getByText('请至少填写一个时间。')).toBeTruthy();
    expect(calls.some((c) => c.cmd === 'apply_intent')).toBe(false);
    await fill('notice-invited', '2026-11-25T10:00');
    await fireEvent.click(screen.getByTestId('notice-save'));
    await screen.findByTestId('notice-saved');
    expect(calls.find((c) => c.cmd === 'apply_intent')!.args).toEqual({
      meeting: meetingView.id,
      intent: { type: 'record_notice', invitations_sent_at: localToRfc3339('2026-11-25T10:00') },
    });
  });

  test('the notice times already recorded are shown', async () => {
    shell();
    const r = render(SetupChecks, { meeting: setupMeeting, onupdated: vi.fn() });
    expect(screen.queryByTestId('notice-recorded')).toBeNull();
    const notice = { published_at: '2026-11-10T09:00:00.000+08:00', invitations_sent_at: null };
    await r.rerender({ meeting: { ...setupMeeting, notice } });
    const recorded = screen.getByTestId('notice-recorded').textContent!;
    expect(recorded).toContain('已登记');
    expect(recorded).toContain('公告发布时间 ' + wallClock(notice.published_at));
    expect(recorded).not.toContain('邀请发出时间');
  });

  test('no warnings: says the checks pass', () => {
    shell();
    render(SetupChecks, { meeting: { ...setupMeeting, warnings: [] }, onupdated: vi.fn() });
    expect(screen.getByTestId('setup-ok').textContent).toBe('会前检查均已通过。');
  });
});

describe('MeetingCard', () => {
  test('loads the meeting; setup checks only before it opens; enter goes to the room', async () => {
    shell({ get_meeting: () => setupMeeting });
    const open = vi.fn();
    render(MeetingCard, { meetingId: meetingView.id, onback: vi.fn(), onopen: open });
    expect((await screen.findByTestId('card-title')).textContent).toBe(meetingView.title);
    expect(screen.getByTestId('setup-checks')).toBeTruthy();
    expect(screen.getByTestId('exports')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('card-enter'));
    expect(open).toHaveBeenCalledWith(meetingView.id);
  });

  test('a sealed meeting shows its exports and no setup checks', async () => {
    shell({ get_meeting: () => ({ ...meetingView, phase: 'sealed' }) });
    render(MeetingCard, { meetingId: meetingView.id, onback: vi.fn(), onopen: vi.fn() });
    await screen.findByTestId('card-title');
    expect(screen.queryByTestId('setup-checks')).toBeNull();
    expect(screen.getByTestId('card-enter').textContent?.trim()).toBe('查看会议记录');
    // The exports come before the facts of a held meeting.
    const exports = screen.getByTestId('exports');
    const agenda = screen.getByTestId('card-agenda');
    expect(exports.compareDocumentPosition(agenda) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  test('a sealed meeting: the exports first, then publications and amendments; a recorded one is listed; a refusal shown', async () => {
    const sealed: MeetingView = { ...meetingView, phase: 'sealed' };
    const published: MeetingView = {
      ...sealed,
      publications: [
        { channel: 'online', channel_label: { zh: '线上公开', en: 'online' }, place: '幸福花园业主群', at: '2026-11-20T12:00:00.000+08:00' },
      ],
    };
    let refuse = true;
    const calls = shell({
      get_meeting: () => sealed,
      apply_intent: () => {
        if (refuse) {
          refuse = false;
          throw { code: 'empty', rule: null, message_zh: '“地点”不能为空', message_en: 'place: must not be empty' };
        }
        return published;
      },
    });
    render(MeetingCard, { meetingId: meetingView.id, onback: vi.fn(), onopen: vi.fn() });
    const after = await screen.findByTestId('after-seal');
    expect(screen.getByTestId('exports').compareDocumentPosition(after) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    await fireEvent.click(screen.getByTestId('publish-channel-online'));
    await fireEvent.click(screen.getByTestId('publish-submit'));
    const error = await within(after).findByTestId('error');
    expect(error.textContent).toContain('“地点”不能为空');

    await fireEvent.input(screen.getByTestId('publish-place'), { target: { value: '幸福花园业主群' } });
    await fireEvent.click(screen.getByTestId('publish-submit'));
    await waitFor(() => expect(screen.getAllByTestId('publication')).toHaveLength(1));
    expect(screen.getByTestId('publication').textContent).toContain('线上公开');
    expect(within(after).queryByTestId('error')).toBeNull();
    const sent = calls.filter((c) => c.cmd === 'apply_intent');
    expect(sent.map((c) => c.args)).toEqual([
      { meeting: meetingView.id, intent: { type: 'record_publication', channel: 'online', place: '' } },
      { meeting: meetingView.id, intent: { type: 'record_publication', channel: 'online', place: '幸福花园业主群' } },
    ]);
  });

  test('a meeting not yet sealed has no after-seal forms', async () => {
    shell({ get_meeting: () => meetingView });
    render(MeetingCard, { meetingId: meetingView.id, onback: vi.fn(), onopen: vi.fn() });
    await screen.findByTestId('card-title');
    expect(screen.queryByTestId('after-seal')).toBeNull();
  });
});
