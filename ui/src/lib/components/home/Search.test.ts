// 搜索 on the home screen with the shell mocked at IPC: what is typed is asked for once the typing
// pauses; each result shows its passage with the matches in <mark>, as text (markup in a record
// stays text); a click opens the meeting; nothing found and a refused query are said so.
import { expect, test, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { mockIPC } from '@tauri-apps/api/mocks';
import Search from './Search.svelte';
import type { SearchHitView } from '../../bindings';

const label = (zh: string, en: string) => ({ zh, en });

function hit(over: Partial<SearchHitView> = {}): SearchHitView {
  return {
    meeting: 'm-1',
    title: '幸福社区2026年第四季度居民代表会议',
    scheduled_at: '2026-11-23T19:30:00.000+08:00',
    level: 'community',
    level_label: label('社区（村）协商', 'community'),
    form: 'resident_representatives',
    form_label: label('居民代表会议', 'residents’ representatives meeting'),
    field: 'agenda',
    field_label: label('议题', 'agenda item'),
    snippet: [
      { text: '关于幸福花园3栋、5栋加装', mark: false },
      { text: '电梯', mark: true },
      { text: '的议题', mark: false },
    ],
    ...over,
  };
}

function shell(answer: (query: string) => SearchHitView[] | Error) {
  const asked: string[] = [];
  mockIPC((cmd, args) => {
    if (cmd !== 'search_archive') return null;
    const query = (args as { query: string }).query;
    asked.push(query);
    const a = answer(query);
    if (a instanceof Error) throw { code: 'search_query_nothing', rule: null, message_zh: `搜索内容（query）“${query}”中没有可查找的汉字、字母或数字`, message_en: a.message };
    return a;
  });
  return asked;
}

test('typing asks once the typing pauses; the match is marked and a click opens the meeting', async () => {
  const asked = shell(() => [hit(), hit({ meeting: 'm-2', title: '和平社区议事会', field: 'speech', field_label: label('发言', 'speech'), snippet: [{ text: '许哲：', mark: false }, { text: '电梯', mark: true }] })]);
  const onopen = vi.fn();
  render(Search, { onopen, delay: 10 });
  const input = screen.getByTestId('search-input') as HTMLInputElement;
  input.value = '电';
  await fireEvent.input(input);
  input.value = '电梯';
  await fireEvent.input(input);
  const hits = await screen.findAllByTestId('search-hit');
  expect(asked).toEqual(['电梯']);
  expect(hits.map((h) => h.dataset.meeting)).toEqual(['m-1', 'm-2']);
  expect(hits.map((h) => h.dataset.field)).toEqual(['agenda', 'speech']);
  const passage = within(hits[0]).getByTestId('search-passage');
  expect(passage.textContent).toBe('议题：关于幸福花园3栋、5栋加装电梯的议题');
  expect([...passage.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['电梯']);
  expect(hits[0].textContent).toContain('2026-11-23 19:30');
  expect(screen.getByTestId('search-count').textContent).toContain('找到 2 个会议');
  await fireEvent.click(hits[1]);
  expect(onopen).toHaveBeenCalledWith('m-2');
});

test('a record’s markup is shown as text, never as HTML', async () => {
  shell(() => [hit({ title: '<img src=x onerror=alert(1)>', snippet: [{ text: '<b>', mark: false }, { text: '<script>x</script>', mark: true }] })]);
  render(Search, { onopen: vi.fn(), delay: 0 });
  const input = screen.getByTestId('search-input') as HTMLInputElement;
  await fireEvent.input(input, { target: { value: 'script' } });
  await fireEvent.submit(input.form!);
  const [h] = await screen.findAllByTestId('search-hit');
  expect(h.querySelector('img, b, script')).toBeNull();
  expect(h.textContent).toContain('<img src=x onerror=alert(1)>');
  expect(h.querySelector('mark')?.textContent).toBe('<script>x</script>');
});

test('nothing found is said with the words; a refused query shows the core’s message; clearing empties it', async () => {
  shell((q) => (q === '，' ? new Error('the search text (query) "，" has no character, letter or digit to look for') : []));
  render(Search, { onopen: vi.fn(), delay: 0 });
  const input = screen.getByTestId('search-input') as HTMLInputElement;
  await fireEvent.input(input, { target: { value: '火箭发射' } });
  await fireEvent.submit(input.form!);
  expect((await screen.findByTestId('search-none')).textContent).toBe('没有找到包含“火箭发射”的会议。');
  await fireEvent.input(input, { target: { value: '，' } });
  await fireEvent.submit(input.form!);
  await waitFor(() => expect(screen.getByTestId('error').textContent).toContain('（query）'));
  expect(screen.queryByTestId('search-none')).toBeNull();
  await fireEvent.click(screen.getByTestId('search-clear'));
  expect(input.value).toBe('');
  expect(screen.queryByTestId('error')).toBeNull();
  expect(screen.queryByTestId('search-hits')).toBeNull();
});

test('an empty box asks nothing', async () => {
  const asked = shell(() => [hit()]);
  render(Search, { onopen: vi.fn(), delay: 0 });
  const input = screen.getByTestId('search-input') as HTMLInputElement;
  await fireEvent.input(input, { target: { value: '   ' } });
  await fireEvent.submit(input.form!);
  await fireEvent.input(input);
  await new Promise((r) => setTimeout(r, 20));
  expect(asked).toEqual([]);
  expect(screen.queryByTestId('search-hit')).toBeNull();
});
