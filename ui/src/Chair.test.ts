import { describe, expect, test } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { mockIPC } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import Chair from './Chair.svelte';
import { APP_EVENT } from './lib/backend';
import { listItem, meetingView } from './test/fixtures';
import { care } from './lib/care.svelte';

function shell(overrides: Record<string, (args: unknown) => unknown> = {}, initial: unknown[] = []) {
  const calls: string[] = [];
  let meetings = initial;
  mockIPC(
    (cmd, args) => {
      calls.push(cmd);
      if (overrides[cmd]) return overrides[cmd](args);
      switch (cmd) {
        case 'app_info':
          return { version: '0.1.0', data_dir: '/data/yishi' };
        case 'list_meetings':
          return meetings;
        case 'demo':
          meetings = [listItem];
          return meetings;
        case 'get_meeting':
          return meetingView;
        default:
          return null;
      }
    },
    { shouldMockEvents: true },
  );
  return calls;
}

describe('Chair window', () => {
  test('an empty record offers the demo community, in Simplified Chinese', async () => {
    shell();
    render(Chair);
    expect(screen.getByTestId('app-name').textContent).toBe('议事');
    expect(await screen.findByText('打开演示社区')).toBeTruthy();
    expect(await screen.findByText('版本 0.1.0')).toBeTruthy();
  });

  test('the demo fills the list and a meeting opens in the room, at the step it is at', async () => {
    const calls = shell();
    render(Chair);
    await fireEvent.click(await screen.findByTestId('demo'));
    const item = await screen.findByTestId('meeting-item');
    expect(item.textContent).toContain('幸福社区居民议事会');
    expect(item.textContent).toContain('2026-11-19 19:30');
    await fireEvent.click(item);
    expect((await screen.findByTestId('meeting-title')).textContent).toBe('幸福社区居民议事会');
    const quorum = screen.getByTestId('room-quorum');
    expect(quorum.textContent).toContain('出席 14 人 / 应到 21 人');
    expect(quorum.textContent).toContain('已达法定人数');
    // An item is open: the room shows the speakers step.
    expect(screen.getByTestId('room').dataset.viewing).toBe('speak');
    await fireEvent.click(screen.getByTestId('step-open'));
    expect(screen.getByTestId('warning').textContent).toContain('R-NOTICE5');
    expect(calls).toEqual(expect.arrayContaining(['demo', 'get_meeting']));
  });

  test('a change to the meeting list announced by the shell refreshes the list', async () => {
    const calls = shell({}, []);
    render(Chair);
    await screen.findByText('打开演示社区');
    const before = calls.filter((c) => c === 'list_meetings').length;
    await waitFor(async () => {
      await emit(APP_EVENT, { kind: 'meetings_changed' });
      expect(calls.filter((c) => c === 'list_meetings').length).toBeGreaterThan(before);
    });
  });

  test('switches to English and back', async () => {
    shell();
    render(Chair);
    await fireEvent.click(screen.getByTestId('locale-switch'));
    expect(screen.getByTestId('app-name').textContent).toBe('Yishi');
    expect(await screen.findByText('Open the demo community')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('locale-switch'));
    expect(screen.getByText('打开投影')).toBeTruthy();
  });

  test('a refusal is shown with its message and rule id', async () => {
    shell({
      demo: () => {
        throw { code: 'store_in_use', rule: 'R-TEST', message_zh: '数据目录正被使用', message_en: 'in use' };
      },
    });
    render(Chair);
    await fireEvent.click(await screen.findByTestId('demo'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('数据目录正被使用');
    expect(alert.textContent).toContain('R-TEST');
  });

  test('the backup status is asked for at start and follows the shell’s events', async () => {
    care.reset();
    const last = { name: 'yishi-backup-x', created_at: new Date().toISOString(), meetings: 1 };
    const status = {
      folder: '/media/usb',
      reachable: true,
      last: null,
      warning: { kind: 'no_backup' },
      running: null,
      busy: false,
      failure: null,
      keep: 10,
    };
    const calls = shell({
      backup_status: () => status,
      store_health: () => ({ notices: [], damage: [], checked: true, meetings: 0 }),
    });
    render(Chair);
    await waitFor(() => expect(screen.getByTestId('backup-status').dataset.warning).toBe('no_backup'));
    expect(calls).toEqual(expect.arrayContaining(['backup_status', 'store_health']));
    await emit(APP_EVENT, {
      kind: 'backup_changed',
      status: { ...status, last, warning: null },
      made: { backup: last, trigger: 'daily', kilobytes: 3 },
    });
    await waitFor(() => expect(screen.getByTestId('backup-status').dataset.warning).toBe('none'));
    expect(screen.getByTestId('backup-status-text').textContent).toContain('已备份 · 上次备份：');
    await emit(APP_EVENT, {
      kind: 'health_changed',
      health: {
        notices: [],
        damage: [{ meeting: { id: 'm1', title: '幸福社区居民议事会' }, position: 4, kind: 'altered' }],
        checked: true,
        meetings: 1,
      },
    });
    expect((await screen.findByTestId('health-damage')).textContent).toContain('“幸福社区居民议事会”');
    care.reset();
  });
});
