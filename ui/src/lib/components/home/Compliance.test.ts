// 年度统计 (R-FREQ, R-OBSERVE) with the shell mocked at IPC: the year asked for, the forms in
// use with each period's count and state, the core's warnings as it words them, and the year
// switch asking the shell again.
import { expect, test } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { mockIPC } from '@tauri-apps/api/mocks';
import Compliance from './Compliance.svelte';
import type { ComplianceView } from '../../bindings';

const label = (zh: string, en: string) => ({ zh, en });
const quarter = (n: number, held: number, ended: boolean) => ({ label: label(`第${n}季度`, `Q${n}`), held, ended, missed: ended && held === 0 });

function year(y: number): ComplianceView {
  return {
    year: y,
    forms: [
      {
        form: 'deliberation_council',
        form_label: label('居（村）民议事会', 'deliberation council'),
        minimum_label: label('每季度至少1次', 'at least once a quarter'),
        held: 3,
        in_use: true,
        periods: [quarter(1, 2, true), quarter(2, 0, true), quarter(3, 1, true), quarter(4, 0, false)],
      },
      {
        form: 'villagers_assembly',
        form_label: label('村民会议', 'villagers’ assembly'),
        minimum_label: label('每年至少1次', 'at least once a year'),
        held: 0,
        in_use: false,
        periods: [{ label: label('全年', 'year'), held: 0, ended: false, missed: false }],
      },
    ],
    observed: 2,
    observed_required: 4,
    observer_seats: 2,
    community: true,
    warnings: [
      {
        rule: 'R-FREQ',
        code: 'freq_missed',
        message_zh: `${y}年第2季度未召开居（村）民议事会（每季度至少1次，R-FREQ）。`,
        message_en: `No deliberation council was held in Q2 ${y} (at least once a quarter, R-FREQ).`,
      },
    ],
  };
}

test('the year: forms in use period by period, the core’s warnings, then the year before', async () => {
  const asked: unknown[] = [];
  mockIPC((cmd, args) => {
    if (cmd !== 'compliance') return null;
    const y = (args as { year: number }).year;
    asked.push(y);
    return year(y);
  });
  render(Compliance);
  const thisYear = new Date().getFullYear();
  await waitFor(() => expect(screen.getAllByTestId('compliance-form')).toHaveLength(1));
  expect(asked).toEqual([thisYear]);
  const row = screen.getByTestId('compliance-form');
  expect(row.dataset.form).toBe('deliberation_council');
  const periods = within(row).getAllByTestId('compliance-period');
  expect(periods.map((p) => p.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
    '第1季度 2 ✓',
    '第2季度 0 ✗ 未召开',
    '第3季度 1 ✓',
    '第4季度 0 未到期',
  ]);
  expect(periods.map((p) => p.dataset.missed)).toEqual(['false', 'true', 'false', 'false']);
  const warning = screen.getByTestId('compliance-warning');
  expect(warning.getAttribute('role')).toBe('alert');
  expect(warning.textContent?.trim()).toBe(`${thisYear}年第2季度未召开居（村）民议事会（每季度至少1次，R-FREQ）。`);
  expect(screen.getByTestId('compliance-observe').textContent).toContain('2 次，要求每年不少于 4 次');
  // The village's form is named as not held here, not flagged.
  expect(screen.getByTestId('compliance').textContent).toContain('本机未召开过的形式：村民会议（每年至少1次）');
  expect((screen.getByTestId('compliance-next') as HTMLButtonElement).disabled).toBe(true);

  await fireEvent.click(screen.getByTestId('compliance-prev'));
  await waitFor(() => expect(screen.getByTestId('compliance-warning').textContent).toContain(`${thisYear - 1}年第2季度`));
  expect(asked).toEqual([thisYear, thisYear - 1]);
  expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(`${thisYear - 1}年 会议召开情况`);
});
