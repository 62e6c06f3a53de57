// 街道汇总 with the shell mocked at IPC: the bundle for the street office (the date asked for,
// progress from the shell's events to the end, how many meetings went into which file; nothing
// sealed said without a dialog), a community's bundle imported (refused with the core's words
// and a way to trust its issuer; then each meeting new / extended / unchanged, and the overview
// read again), and the street office's view (own record first, each community's periods ✓/✗,
// escalated matters with their state, overdue actions opening their meeting). A received
// meeting is marked in the list and on its card, which offers nothing the record would refuse.
import { beforeEach, expect, test, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { mockIPC } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import Archive from './Archive.svelte';
import MeetingGroups from './MeetingGroups.svelte';
import MeetingCard from './MeetingCard.svelte';
import { listItem, meetingView } from '../../../test/fixtures';
import { setLocale } from '../../i18n/index.svelte';
import type { BundleExportOutcome, BundleImportOutcome, ComplianceView, OfficeView } from '../../bindings';

const YEAR = new Date().getFullYear();
const M1 = '11111111-1111-4111-8111-111111111111';
const M2 = '22222222-2222-4222-8222-222222222222';
const LIANHUA = '莲花一村社区居民委员会';
const label = (zh: string, en: string) => ({ zh, en });

function year(over: Partial<ComplianceView> = {}): ComplianceView {
  return {
    year: YEAR,
    forms: [
      {
        form: 'deliberation_council',
        form_label: label('居（村）民议事会', 'deliberation council'),
        minimum_label: label('每季度至少1次', 'at least once a quarter'),
        held: 1,
        in_use: true,
        periods: [
          { label: label('第1季度', 'Q1'), held: 1, ended: true, missed: false },
          { label: label('第2季度', 'Q2'), held: 0, ended: true, missed: true },
          { label: label('第3季度', 'Q3'), held: 0, ended: false, missed: false },
        ],
      },
    ],
    observed: 1,
    observed_required: 4,
    observer_seats: 2,
    community: true,
    warnings: [{ rule: 'R-FREQ', code: 'freq_missed', message_zh: `${YEAR}年第2季度未召开居（村）民议事会（每季度至少1次，R-FREQ）。`, message_en: 'Q2 missed.' }],
    ...over,
  };
}

const office: OfficeView = {
  year: YEAR,
  communities: [
    { community: '莲花街道办事处', own: true, key_id: null, meetings: 0, compliance: year({ forms: [], community: false, warnings: [] }) },
    { community: LIANHUA, own: false, key_id: 'ab'.repeat(32), meetings: 2, compliance: year() },
  ],
  escalated: [
    {
      community: LIANHUA,
      topic: {
        id: 'abababab-t-1',
        title: '小区加装电梯的资金分摊',
        background: '',
        stakeholders: '',
        level: 'street',
        level_label: label('街道', 'street'),
        urgent: false,
        source: 'escalated',
        source_label: label('社区上报', 'escalated'),
        status: 'decided',
        status_label: label('已确定为议题', 'decided'),
        proposed_at: `${YEAR}-03-02T19:30:00.000+08:00`,
        decided_at: `${YEAR}-03-05T10:00:00.000+08:00`,
        withdrawn_reason: null,
        escalated_from: { meeting: M1, meeting_title: '一季度议事会', item: 'i1' },
        meetings: [],
        warning: { rule: 'R-30DAYS', code: 'topic_overdue', message_zh: '确定为议题已超过30天仍未召开会议（R-30DAYS）。', message_en: 'Over 30 days.' },
      },
    },
  ],
  overdue: [{ community: LIANHUA, own: false, meeting: M2, title: '二季度议事会', action: 1, due: `${YEAR}-05-01T00:00:00.000+08:00` }],
};

type Answers = Record<string, (args: Record<string, unknown>) => unknown>;
function shell(answers: Answers) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  mockIPC(
    (cmd, args) => {
      const a = (args ?? {}) as Record<string, unknown>;
      calls.push({ cmd, args: a });
      return answers[cmd] ? answers[cmd](a) : null;
    },
    { shouldMockEvents: true },
  );
  return calls;
}

const progress = (job: 'export' | 'import', done: number, total: number) =>
  emit('yishi://event', { kind: 'archive_progress', job, done, total });
const text = (el: HTMLElement) => el.textContent?.replace(/\s+/g, ' ').trim();

beforeEach(() => setLocale('zh-CN'));

test('export: the year’s sealed meetings from 1 January, progress to the end, how many went into which file', async () => {
  let answer!: (o: BundleExportOutcome) => void;
  const calls = shell({ street_overview: () => office, export_bundle: () => new Promise((ok) => (answer = ok)) });
  render(Archive, { onmeeting: () => {}, onsettings: () => {} });
  const since = screen.getByTestId('archive-since') as HTMLInputElement;
  expect(since.value).toBe(`${YEAR}-01-01`);
  await fireEvent.click(screen.getByTestId('archive-export-button'));
  expect(calls.find((c) => c.cmd === 'export_bundle')?.args).toEqual({ since: `${YEAR}-01-01`, locale: 'zh' });
  expect((screen.getByTestId('archive-export-button') as HTMLButtonElement).disabled).toBe(true);
  // The dialog is the shell's; once a file is chosen, the bundle's progress comes as events.
  await progress('export', 1, 2);
  await waitFor(() => expect(screen.getByTestId('archive-progress').dataset.done).toBe('1'));
  expect(text(screen.getByTestId('archive-progress'))).toBe('已完成 50%');
  await progress('import', 1, 9); // another job's progress is not this panel's
  expect(within(screen.getByTestId('archive-export')).getByTestId('archive-progress').dataset.total).toBe('2');
  answer({
    outcome: 'saved',
    path: '/media/U盘/莲花一村社区-议事记录-2026-12-01.yishi',
    file_name: '莲花一村社区-议事记录-2026-12-01.yishi',
    kilobytes: 120,
    issuer: LIANHUA,
    meetings: [
      { id: M1, title: '一季度议事会', scheduled_at: `${YEAR}-03-02T19:30:00+08:00`, events: 40 },
      { id: M2, title: '二季度议事会', scheduled_at: `${YEAR}-04-02T19:30:00+08:00`, events: 38 },
    ],
    documents: 4,
  });
  const saved = await screen.findByTestId('archive-export-saved');
  expect(saved.dataset.count).toBe('2');
  expect(text(saved)).toContain(`已把 2 次会议导出到 莲花一村社区-议事记录-2026-12-01.yishi（120 KB），签发单位：${LIANHUA}。`);
  expect(screen.getAllByTestId('archive-export-meeting').map(text)).toEqual([`${YEAR}-03-02 19:30 一季度议事会`, `${YEAR}-04-02 19:30 二季度议事会`]);
  expect(screen.getByTestId('archive-progress').dataset.finished).toBe('true');
  expect(text(screen.getByTestId('archive-progress'))).toBe('完成');
});

test('export: nothing sealed since the date is said plainly, and a bad date is the shell’s error naming the field', async () => {
  shell({
    street_overview: () => office,
    export_bundle: (a) =>
      a.since === '2026-13-01'
        ? Promise.reject({ code: 'bad_since', rule: null, message_zh: '“起始日期”应为日期（年-月-日），而不是“2026-13-01”', message_en: 'The start date must be a date' })
        : { outcome: 'nothing', since: a.since },
  });
  render(Archive, { onmeeting: () => {}, onsettings: () => {} });
  await fireEvent.input(screen.getByTestId('archive-since'), { target: { value: '2026-11-01' } });
  await fireEvent.click(screen.getByTestId('archive-export-button'));
  const nothing = await screen.findByTestId('archive-export-nothing');
  expect(text(nothing)).toBe('2026-11-01 以来本社区没有已签字封存的会议，没有可以导出的内容。会议封存后才能导出。');
  expect(screen.queryByTestId('archive-progress')).toBeNull();
});

test('import: an untrusted issuer is refused with the core’s words and a way to trust it; then each meeting as it arrived', async () => {
  let trusted = false;
  const imported: BundleImportOutcome = {
    outcome: 'imported',
    file_name: 'lianhua.yishi',
    community: LIANHUA,
    key_id: 'ab'.repeat(32),
    meetings: [
      { id: M1, title: '一季度议事会', events: 40, added: 40, kind: 'new' },
      { id: M2, title: '二季度议事会', events: 41, added: 3, kind: 'extended' },
      { id: '33333333-3333-4333-8333-333333333333', title: '三季度议事会', events: 30, added: 0, kind: 'unchanged' },
    ],
    documents: 6,
    escalations: 1,
  };
  const untrusted = {
    code: 'bundle_untrusted',
    rule: null,
    message_zh: `签发者“${LIANHUA}”（密钥 abababababababab）尚未被本机信任。请先取得该社区导出的证书，核对指纹后在“设置与核验 → 信任其他单位的证书”中信任它，再导入。`,
    message_en: 'The issuer is not trusted here yet.',
  };
  const calls = shell({
    street_overview: () => office,
    import_bundle: async () => {
      if (!trusted) throw untrusted;
      await progress('import', 3, 6);
      return imported;
    },
  });
  const onsettings = vi.fn();
  render(Archive, { onmeeting: () => {}, onsettings });
  await screen.findAllByTestId('archive-community');
  await fireEvent.click(screen.getByTestId('archive-import-button'));
  const refused = await screen.findByTestId('archive-import-refused');
  expect(refused.dataset.code).toBe('bundle_untrusted');
  expect(text(within(refused).getByTestId('error'))).toContain(untrusted.message_zh);
  expect(text(refused)).toContain('未导入任何内容。');
  await fireEvent.click(screen.getByTestId('archive-to-trust'));
  expect(onsettings).toHaveBeenCalledOnce();

  trusted = true;
  const asked = calls.filter((c) => c.cmd === 'street_overview').length;
  await fireEvent.click(screen.getByTestId('archive-import-button'));
  const result = await screen.findByTestId('archive-import-result');
  expect(screen.queryByTestId('archive-import-refused')).toBeNull();
  expect(text(result)).toContain(`已导入“${LIANHUA}”的数据包 lianhua.yishi：`);
  expect(screen.getAllByTestId('archive-import-meeting').map((li) => [li.dataset.kind, text(li)])).toEqual([
    ['new', '一季度议事会：新收到（40 条记录）'],
    ['extended', '二季度议事会：追加了 3 条记录（更正、公示或落实情况）'],
    ['unchanged', '三季度议事会：本机已有，未改变'],
  ]);
  expect(text(result)).toContain('随附签名文件 6 份（会议记录和公示 PDF）。');
  expect(text(screen.getByTestId('archive-import-escalations'))).toBe('上报街道的事项 1 项已加入本机议题池。');
  expect(within(screen.getByTestId('archive-import')).getByTestId('archive-progress').dataset.finished).toBe('true');
  // What came in is counted: the overview is asked again.
  await waitFor(() => expect(calls.filter((c) => c.cmd === 'street_overview').length).toBe(asked + 1));
});

test('the street office’s view: own record first, each community’s periods, escalated matters, overdue actions opening their meeting', async () => {
  const calls = shell({ street_overview: (a) => ({ ...office, year: (a.year as number) ?? YEAR }) });
  const onmeeting = vi.fn();
  render(Archive, { onmeeting, onsettings: () => {} });
  const cards = await screen.findAllByTestId('archive-community');
  expect(cards.map((c) => [c.dataset.own, c.dataset.community])).toEqual([
    ['true', '莲花街道办事处'],
    ['false', LIANHUA],
  ]);
  expect(text(cards[0])).toContain('本机');
  expect(text(cards[0])).toContain(`${YEAR}年没有有次数要求的会议记录。`);
  const lianhua = cards[1];
  expect(text(lianhua)).toContain('收到的记录');
  expect(text(lianhua)).toContain('共 2 次会议');
  expect(within(lianhua).getAllByTestId('archive-period').map(text)).toEqual(['第1季度 1 ✓', '第2季度 0 ✗ 未召开', '第3季度 0 未到期']);
  expect(text(within(lianhua).getByTestId('archive-observe'))).toContain('1 次，要求每年不少于 4 次');
  expect(within(lianhua).getByTestId('archive-warning').dataset.rule).toBe('R-FREQ');

  const escalated = screen.getByTestId('archive-escalated');
  expect(text(escalated)).toContain(`小区加装电梯的资金分摊 来自 ${LIANHUA}，${YEAR}-03-02 提出 已确定为议题`);
  expect(within(escalated).getByTestId('archive-escalated-warning').dataset.rule).toBe('R-30DAYS');

  const overdue = screen.getByTestId('archive-overdue');
  expect(text(overdue)).toContain(`“二季度议事会” 第 1 项 ${LIANHUA}，应于 ${YEAR}-05-01 完成`);
  await fireEvent.click(within(overdue).getByTestId('archive-overdue-open'));
  expect(onmeeting).toHaveBeenCalledWith(M2);

  expect((screen.getByTestId('archive-next') as HTMLButtonElement).disabled).toBe(true);
  await fireEvent.click(screen.getByTestId('archive-prev'));
  await waitFor(() => expect(screen.getByRole('heading', { level: 3, name: `${YEAR - 1}年 各社区情况` })).toBeTruthy());
  expect(calls.filter((c) => c.cmd === 'street_overview').map((c) => c.args.year)).toEqual([YEAR, YEAR - 1]);
});

test('a received meeting is marked in the list and on its card, which offers its exports but nothing to append', async () => {
  render(MeetingGroups, {
    meetings: [
      { ...listItem, id: M1, title: '收到的会', phase: 'sealed', received_from: LIANHUA },
      { ...listItem, id: M2, title: '本社区的会', phase: 'sealed' },
    ],
    onopen: vi.fn(),
    ondetails: vi.fn(),
  });
  const marks = screen.getAllByTestId('meeting-received');
  expect(marks.map((m) => [m.closest('[data-meeting]')?.getAttribute('data-meeting'), text(m)])).toEqual([[M1, `收自 ${LIANHUA}`]]);

  shell({ get_meeting: () => ({ ...meetingView, id: M1, phase: 'sealed' }) });
  const open = vi.fn();
  render(MeetingCard, { meetingId: M1, receivedFrom: LIANHUA, onback: vi.fn(), onopen: open });
  const mark = await screen.findByTestId('card-received');
  expect(text(mark)).toContain(`收自 ${LIANHUA}`);
  expect(text(mark)).toContain('在本机只读');
  expect(screen.getByTestId('exports')).toBeTruthy();
  // Amendments, publications, actions, escalation: the store would refuse them (received_record).
  expect(screen.queryByTestId('after-seal')).toBeNull();
  await fireEvent.click(screen.getByTestId('card-enter'));
  expect(open).toHaveBeenCalledWith(M1);
});
