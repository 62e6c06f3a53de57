// 议题池 (R-TOPIC, R-30DAYS, R-ESCALATE) with the shell mocked at IPC: the pool as the core
// orders it, each change sent with exactly its arguments, a refusal shown as the core words it;
// a new meeting's agenda drawn from the pool keeps the link; a community meeting's item is
// escalated to the street.
import { describe, expect, test, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { mockIPC } from '@tauri-apps/api/mocks';
import TopicPool from './TopicPool.svelte';
import CreateMeeting from './CreateMeeting.svelte';
import Escalate from '../room/Escalate.svelte';
import { roster, setupOptions } from '../../../test/home-fixtures';
import { sealed } from '../../../test/room-fixtures';
import type { TopicView } from '../../bindings';

const label = (zh: string, en: string) => ({ zh, en });

function topic(over: Partial<TopicView> = {}): TopicView {
  return {
    id: 't-1',
    title: '背街小巷改造',
    background: '路面破损，夜间无照明',
    stakeholders: '沿街住户、商户',
    level: 'street',
    level_label: label('街道协商', 'street level'),
    urgent: false,
    source: 'residents',
    source_label: label('居民提议', 'proposed by residents'),
    status: 'decided',
    status_label: label('已确定，待安排会议', 'decided, to be scheduled'),
    proposed_at: '2026-08-20T09:00:00.000+08:00',
    decided_at: '2026-09-01T09:00:00.000+08:00',
    withdrawn_reason: null,
    escalated_from: null,
    meetings: [],
    warning: null,
    ...over,
  };
}

type Call = { cmd: string; args: Record<string, unknown> };
function shell(answers: Record<string, (args: Record<string, unknown>) => unknown>) {
  const calls: Call[] = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    return answers[cmd]?.(a) ?? null;
  });
  return calls;
}

const input = (id: string, value: string) => fireEvent.input(screen.getByTestId(id), { target: { value } });

describe('the topic pool', () => {
  test('lists the pool as the core orders it, with urgency, state and the R-30DAYS warning', async () => {
    const warning = {
      rule: 'R-30DAYS',
      code: 'topic_overdue',
      message_zh: '街道议题“背街小巷改造”确定后应在30天内召开会议协商，期限 2026-10-01 已过，尚未安排会议（R-30DAYS）。',
      message_en: 'overdue',
    };
    shell({ list_topics: () => [topic({ id: 'u', title: '消防通道被占', urgent: true, status: 'proposed', level: 'community' }), topic({ warning })] });
    render(TopicPool);
    await waitFor(() => expect(screen.getAllByTestId('topic')).toHaveLength(2));
    const [first, second] = screen.getAllByTestId('topic');
    expect(within(first).getByTestId('topic-urgent-tag').textContent).toBe('急');
    expect(first.dataset.status).toBe('proposed');
    expect(within(first).getByTestId('topic-decide')).toBeTruthy();
    expect(within(second).queryByTestId('topic-decide')).toBeNull(); // decided already
    expect(within(second).getByRole('alert').textContent?.trim()).toBe(warning.message_zh);
    expect(second.textContent).toContain('确定于 2026-09-01');
  });

  test('a new topic, a decision and a withdrawal go to the shell with exactly their arguments', async () => {
    const calls = shell({
      list_topics: () => [],
      propose_topic: () => [topic({ status: 'proposed', decided_at: null })],
      decide_topic: () => [topic()],
      withdraw_topic: () => [topic({ status: 'withdrawn', withdrawn_reason: '并入其他议题' })],
    });
    render(TopicPool);
    await screen.findByTestId('topics-empty');
    await fireEvent.click(screen.getByTestId('topic-add'));
    await input('topic-title', '背街小巷改造');
    await input('topic-background', '路面破损，夜间无照明');
    await fireEvent.click(screen.getByTestId('topic-level-street'));
    await fireEvent.click(screen.getByTestId('topic-urgent'));
    await fireEvent.click(screen.getByTestId('topic-submit'));
    await waitFor(() => expect(screen.getAllByTestId('topic')).toHaveLength(1));
    expect(calls.find((c) => c.cmd === 'propose_topic')?.args).toEqual({
      topic: { title: '背街小巷改造', background: '路面破损，夜间无照明', stakeholders: '', level: 'street', urgent: true, source: 'residents' },
    });
    await fireEvent.click(screen.getByTestId('topic-decide'));
    await waitFor(() => expect(calls.find((c) => c.cmd === 'decide_topic')?.args).toEqual({ id: 't-1' }));
    await waitFor(() => expect(screen.getByTestId('topic').dataset.status).toBe('decided'));
    await fireEvent.click(screen.getByTestId('topic-withdraw'));
    await input('topic-withdraw-reason', '并入其他议题');
    await fireEvent.click(screen.getByTestId('topic-withdraw-confirm'));
    await waitFor(() => expect(calls.find((c) => c.cmd === 'withdraw_topic')?.args).toEqual({ id: 't-1', reason: '并入其他议题' }));
    await waitFor(() => expect(screen.getByTestId('topic').textContent).toContain('撤回理由：并入其他议题'));
  });

  test('a refusal is shown with its field and rule; the form stays', async () => {
    mockIPC((cmd) => {
      if (cmd === 'list_topics') return [];
      if (cmd === 'propose_topic') {
        throw { code: 'empty', rule: 'R-TOPIC', message_zh: '“标题”不能为空（R-TOPIC）', message_en: 'title: must not be empty (R-TOPIC)' };
      }
      return null;
    });
    render(TopicPool);
    await screen.findByTestId('topics-empty');
    await fireEvent.click(screen.getByTestId('topic-add'));
    await fireEvent.click(screen.getByTestId('topic-submit'));
    await waitFor(() => expect(screen.getByTestId('error').textContent).toContain('“标题”不能为空（R-TOPIC）'));
    expect(screen.getByTestId('topic-form')).toBeTruthy();
  });
});

test('a new meeting’s agenda drawn from the pool keeps the topic (the core offers the topics and fills in their decision time)', async () => {
  const calls = shell({
    setup_options: () => setupOptions,
    list_roster: () => roster,
    // The core decides what a community meeting may take: a street topic or a deliberated one is
    // not in its answer.
    agenda_topics: (args) =>
      args.level === 'community'
        ? [topic({ id: 'c-1', title: '楼道杂物清理', level: 'community', status: 'proposed', decided_at: null, background: '', stakeholders: '' })]
        : [topic()],
  });
  render(CreateMeeting, { oncreated: vi.fn(), oncancel: vi.fn(), onroster: vi.fn() });
  await screen.findByTestId('create-form');
  const pick = screen.getByTestId('create-pick-topic') as HTMLSelectElement;
  await waitFor(() => expect([...pick.options].map((o) => o.value)).toEqual(['', 'c-1']));
  await fireEvent.change(pick, { target: { value: 'c-1' } });
  const items = screen.getAllByTestId('create-item');
  expect(items).toHaveLength(1); // the blank first item is replaced
  expect((within(items[0]).getByTestId('create-item-title') as HTMLInputElement).value).toBe('楼道杂物清理');
  expect(within(items[0]).getByTestId('create-item-from-pool').textContent).toBe('来自议题池');
  expect([...pick.options].map((o) => o.value)).toEqual(['']);
  expect(calls.find((c) => c.cmd === 'agenda_topics')?.args).toEqual({ level: 'community' });
  expect(calls.some((c) => c.cmd === 'apply_intent')).toBe(false);
});

test('a community meeting’s closed item is escalated to the street', async () => {
  const calls = shell({ escalate_item: () => [topic({ source: 'escalated' })] });
  const m = sealed();
  render(Escalate, { meeting: m });
  const rows = screen.getAllByTestId('escalate-item');
  expect(rows.map((r) => r.dataset.item)).toEqual(['a1', 'a2']);
  await fireEvent.click(within(rows[1]).getByTestId('escalate-street'));
  await waitFor(() => expect(calls.find((c) => c.cmd === 'escalate_item')?.args).toEqual({ meeting: m.id, item: 'a2', to: 'street' }));
  expect((await screen.findByTestId('escalate-done')).textContent).toContain('已加入议题池');
});

test('the home tabs count what needs attention: overdue topics, the year’s warnings', async () => {
  const { default: Home } = await import('../Home.svelte');
  const w = (rule: string) => ({ rule, code: 'x', message_zh: rule, message_en: rule });
  shell({
    list_topics: () => [topic({ warning: w('R-30DAYS') }), topic({ id: 't-2' })],
    compliance: () => ({ year: 2026, forms: [], observed: 0, observed_required: 4, observer_seats: 2, community: true, warnings: [w('R-FREQ'), w('R-OBSERVE')] }),
  });
  render(Home, { meetings: [], onopen: vi.fn(), ondemo: vi.fn() });
  await waitFor(() => expect(screen.getByTestId('tab-topics-attention').textContent).toBe('1'));
  expect(screen.getByTestId('tab-compliance-attention').textContent).toBe('2');
  expect(screen.getByTestId('tab-topics').textContent).toContain('议题池');
});
