// 数据安全 with the shell mocked at IPC: the home screen's backup line in each state (local time,
// the warnings, a failure in the chair's language), the health line leading to the doctor, a
// backup's progress from the shell's events to the end, the doctor naming damage by meeting
// title and position and repairing only when pressed, and a restore's report.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { mockIPC } from '@tauri-apps/api/mocks';
import CareStatus from './CareStatus.svelte';
import BackupPanel from './BackupPanel.svelte';
import Doctor from './Doctor.svelte';
import BackupToast from '../BackupToast.svelte';
import { care } from '../../care.svelte';
import { setLocale } from '../../i18n/index.svelte';
import { daysAgo, localDateTime } from '../../format';
import { whenText } from './careText';
import type { BackupStatus, HealthView, RepairOutcome, RestoreOutcome } from '../../bindings';

const FOLDER = '/media/社区 U盘/议事 备份';
const TITLE = '幸福社区居民议事会';
const MEETING = '11111111-1111-4111-8111-111111111111';

function status(over: Partial<BackupStatus> = {}): BackupStatus {
  return {
    folder: FOLDER,
    reachable: true,
    last: { name: 'yishi-backup-x', created_at: new Date(Date.now() - 60_000).toISOString(), meetings: 3 },
    warning: null,
    running: null,
    busy: false,
    failure: null,
    keep: 10,
    ...over,
  };
}

const damaged: HealthView = {
  notices: [{ kind: 'caught_up', meeting: { id: MEETING, title: TITLE }, events: 2 }],
  damage: [{ meeting: { id: MEETING, title: TITLE }, position: 12, kind: 'journal_damaged' }],
  checked: true,
  meetings: 3,
};
const intact: HealthView = { notices: [], damage: [], checked: true, meetings: 3 };

type Call = { cmd: string; args: Record<string, unknown> };

function shell(answers: Record<string, (args: Record<string, unknown>) => unknown>) {
  const calls: Call[] = [];
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

beforeEach(() => care.reset());

describe('the home screen’s backup line', () => {
  test('no folder: the record is only on this computer, and the way to set one up', async () => {
    care.status = status({ folder: null, reachable: false, last: null, warning: { kind: 'not_set' } });
    const onopen = vi.fn();
    render(CareStatus, { onopen });
    const line = screen.getByTestId('backup-status');
    expect(line.dataset.warning).toBe('not_set');
    expect(line.textContent).toContain('尚未设置备份：记录只保存在这台电脑上');
    await fireEvent.click(screen.getByTestId('care-open'));
    expect(onopen).toHaveBeenCalledWith('backup');
  });

  test('backed up: the time on this computer’s clock, today', () => {
    const s = status();
    care.status = s;
    render(CareStatus, { onopen: () => {} });
    expect(screen.getByTestId('backup-status-text').textContent?.trim()).toBe(
      `已备份 · 上次备份：${localDateTime(s.last!.created_at)}（今天）`,
    );
  });

  test('unplugged, none yet, a week old, and a failed backup, each said', () => {
    care.status = status({ reachable: false, last: null, warning: { kind: 'unreachable' } });
    const { unmount } = render(CareStatus, { onopen: () => {} });
    expect(screen.getByTestId('backup-status').textContent).toContain(`找不到备份文件夹 ${FOLDER}。如果它在 U 盘上，请插好 U 盘。`);
    unmount();

    care.status = status({ last: null, warning: { kind: 'no_backup' } });
    const second = render(CareStatus, { onopen: () => {} });
    expect(screen.getByTestId('backup-status').textContent).toContain('备份文件夹里还没有备份。');
    second.unmount();

    const old = '2026-05-01T06:00:00Z';
    care.status = status({
      last: { name: 'yishi-backup-old', created_at: old, meetings: 3 },
      warning: { kind: 'stale', days: 9 },
      failure: {
        at: '2026-05-10T14:00:00+08:00',
        trigger: 'sealed',
        error: { code: 'backup_unreachable', rule: null, message_zh: '找不到备份文件夹。', message_en: 'The backup folder cannot be reached.' },
      },
    });
    render(CareStatus, { onopen: () => {} });
    expect(screen.getByTestId('backup-status').textContent).toContain(`上次备份已是 9 天前（${localDateTime(old)}）`);
    const failure = screen.getByTestId('backup-failure');
    expect(failure.getAttribute('role')).toBe('alert');
    expect(failure.textContent).toContain('会议封存后的自动备份未完成');
    expect(failure.textContent).toContain('找不到备份文件夹。');
    setLocale('en');
    return waitFor(() => {
      expect(screen.getByTestId('backup-failure').textContent).toContain(
        'The automatic backup after a meeting was sealed did not finish',
      );
      expect(screen.getByTestId('backup-failure').textContent).toContain('The backup folder cannot be reached.');
    });
  });

  test('damage found at start-up names the meeting and leads to the doctor', async () => {
    care.status = status();
    care.health = damaged;
    const onopen = vi.fn();
    render(CareStatus, { onopen });
    expect(screen.getByTestId('health-damage').textContent).toContain(`检查发现 1 个会议的记录有损坏：“${TITLE}”。`);
    await fireEvent.click(screen.getByTestId('health-open'));
    expect(onopen).toHaveBeenCalledWith('doctor');
  });

  test('what the store did on its own is pointed at until the chair has seen it', () => {
    care.status = status();
    care.health = { ...intact, notices: damaged.notices };
    const { unmount } = render(CareStatus, { onopen: () => {} });
    expect(screen.getByTestId('health-notices').textContent).toContain('议事启动时自动处理了 1 件事');
    unmount();
    care.noticesSeen = true;
    render(CareStatus, { onopen: () => {} });
    expect(screen.queryByTestId('health-notices')).toBeNull();
  });
});

describe('the backup panel', () => {
  test('backing up now: the shell’s progress events fill the bar, and the result is said', async () => {
    const calls = shell({ backup_now: () => status({ running: 'manual' }) });
    care.status = status();
    render(BackupPanel);
    await fireEvent.click(screen.getByTestId('backup-now'));
    await waitFor(() => expect(calls.map((c) => c.cmd)).toContain('backup_now'));
    care.handle({ kind: 'care_progress', job: 'backup', done: 2, total: 5 });
    await waitFor(() => expect(screen.getByTestId('care-progress').textContent).toContain('正在备份：2 / 5'));
    care.handle({ kind: 'care_progress', job: 'backup', done: 5, total: 5 });
    const last = { name: 'yishi-backup-20261201T014335.575Z', created_at: new Date().toISOString(), meetings: 3 };
    care.handle({
      kind: 'backup_changed',
      status: status({ last }),
      made: { backup: last, trigger: 'manual', kilobytes: 15 },
    });
    await waitFor(() => expect(screen.getByTestId('care-progress').dataset.finished).toBe('true'));
    expect(screen.getByTestId('care-progress').textContent).toContain('备份完成');
    expect(screen.getByTestId('backup-made').textContent?.trim()).toBe(
      '手动备份完成：3 个会议，15 KB，保存为 yishi-backup-20261201T014335.575Z。',
    );
    expect(screen.getByTestId('backup-last').textContent).toContain(`${localDateTime(last.created_at)}（今天），3 个会议`);
  });

  test('a backup that finishes before the command’s answer keeps its result', async () => {
    const last = { name: 'yishi-backup-fast', created_at: new Date().toISOString(), meetings: 1 };
    shell({
      backup_now: () => {
        // The shell's events arrive first…
        care.handle({ kind: 'care_progress', job: 'backup', done: 3, total: 3 });
        care.handle({ kind: 'backup_changed', status: status({ last }), made: { backup: last, trigger: 'manual', kilobytes: 4 } });
        // …then the answer, made while the backup still ran.
        return status({ running: 'manual' });
      },
    });
    care.status = status();
    render(BackupPanel);
    await fireEvent.click(screen.getByTestId('backup-now'));
    await waitFor(() => expect(screen.getByTestId('care-progress').dataset.finished).toBe('true'));
    expect(care.status?.running).toBeNull();
    expect(screen.getByTestId('backup-made')).toBeTruthy();
  });

  test('the folder is chosen in the shell’s dialog; the webview sends only the language', async () => {
    const calls = shell({ choose_backup_folder: () => ({ outcome: 'chosen', status: status() }) });
    care.status = status({ folder: null, reachable: false, last: null, warning: { kind: 'not_set' } });
    render(BackupPanel);
    expect(screen.getByTestId('backup-folder').textContent).toBe('尚未选择');
    expect((screen.getByTestId('backup-now') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(screen.getByTestId('backup-choose'));
    await waitFor(() => expect(screen.getByTestId('backup-folder').textContent).toBe(FOLDER));
    expect(calls.find((c) => c.cmd === 'choose_backup_folder')?.args).toEqual({ locale: 'zh' });
    // Nothing started (the folder had today's backup), nothing reported: no progress bar.
    expect(screen.queryByTestId('care-progress')).toBeNull();
  });

  test('a refused backup is said in the chair’s language and the status read again', async () => {
    const calls = shell({
      backup_now: () => {
        throw { code: 'backup_unreachable', rule: null, message_zh: `找不到备份文件夹 ${FOLDER}。`, message_en: `The backup folder ${FOLDER} cannot be reached.` };
      },
      backup_status: () => status({ reachable: false, last: null, warning: { kind: 'unreachable' } }),
      store_health: () => intact,
    });
    care.status = status();
    render(BackupPanel);
    await fireEvent.click(screen.getByTestId('backup-now'));
    await waitFor(() => expect(screen.getByTestId('error').textContent).toContain(`找不到备份文件夹 ${FOLDER}。`));
    await waitFor(() => expect(screen.getByTestId('backup-warning').textContent).toContain('找不到备份文件夹'));
    expect(calls.map((c) => c.cmd)).toContain('backup_status');
    expect(screen.queryByTestId('care-progress')).toBeNull();
  });

  test('a restore says what was brought back and what was repaired', async () => {
    const restored: RestoreOutcome = {
      outcome: 'restored',
      backup: { name: 'yishi-backup-x', created_at: '2026-12-01T01:43:00Z', meetings: 2 },
      added: [{ id: MEETING, title: TITLE }],
      lists: ['roster'],
      key: true,
      repairs: [
        {
          meeting: { id: 'm2', title: '街道座谈会' },
          found: { meeting: { id: 'm2', title: '街道座谈会' }, position: 3, kind: 'altered' },
          from: 'backup',
          events: 4,
          missing: 1,
        },
      ],
      health: intact,
    };
    const calls = shell({ restore_backup: () => restored });
    care.status = status();
    render(BackupPanel);
    await fireEvent.click(screen.getByTestId('restore'));
    const result = await screen.findByTestId('restore-result');
    expect(calls.find((c) => c.cmd === 'restore_backup')?.args).toEqual({ locale: 'zh' });
    expect(result.textContent).toContain(`已从备份恢复：${localDateTime('2026-12-01T01:43:00Z')}`);
    expect(screen.getByTestId('restored-meeting').textContent).toBe(`“${TITLE}”`);
    expect(screen.getByTestId('restored-lists').textContent).toBe('补回了：名册。');
    expect(screen.getByTestId('restored-key')).toBeTruthy();
    expect(screen.getByTestId('restore-repair').textContent).toBe('“街道座谈会”：已从备份恢复，共 4 个事件。其后 1 个事件无法恢复。');
    expect(screen.getByTestId('care-progress').dataset.job).toBe('restore');
  });
});

describe('the doctor', () => {
  test('damage is named by title and position; nothing is repaired until the button is pressed', async () => {
    const repaired: RepairOutcome = {
      backup: { name: 'yishi-backup-x', created_at: '2026-12-01T01:43:00Z', meetings: 3 },
      repairs: [{ meeting: { id: MEETING, title: TITLE }, found: damaged.damage[0], from: 'store', events: 51, missing: 0 }],
      health: intact,
    };
    const calls = shell({ examine_store: () => damaged, repair_store: () => repaired });
    care.status = status();
    render(Doctor);
    const item = await screen.findByTestId('damage');
    expect(item.textContent?.trim()).toBe(`“${TITLE}”：日志文件自第 12 个事件起损坏`);
    expect(item.dataset.kind).toBe('journal_damaged');
    expect(screen.getByTestId('notice').textContent).toBe(`“${TITLE}”：断电前已记录的 2 个事件已补回索引。`);
    expect(screen.getByTestId('doctor-backup').textContent).toContain('将使用的备份：');
    expect(calls.map((c) => c.cmd)).toEqual(['examine_store']);
    expect(care.noticesSeen).toBe(true);

    await fireEvent.click(screen.getByTestId('doctor-repair'));
    const repair = await screen.findByTestId('repair');
    expect(repair.textContent?.trim()).toBe(`“${TITLE}”：已用这台电脑上存储中的副本重写日志文件，共 51 个事件。`);
    expect(repair.dataset.from).toBe('store');
    expect(screen.getByTestId('doctor-intact').textContent).toBe('已检查 3 个会议，记录完好。');
    expect(care.health).toEqual(intact);
  });

  test('in English', async () => {
    setLocale('en');
    shell({ examine_store: () => damaged });
    care.status = status({ last: null, warning: { kind: 'no_backup' } });
    render(Doctor);
    expect((await screen.findByTestId('damage')).textContent?.trim()).toBe(
      `“${TITLE}”: its journal file is damaged from event 12 on`,
    );
    expect(screen.getByTestId('doctor-backup').textContent).toContain('No backup is available');
  });
});

describe('the room’s notice of an automatic backup', () => {
  test('a sealed meeting backed up is said, a failure stays until closed', async () => {
    const last = { name: 'yishi-backup-x', created_at: new Date().toISOString(), meetings: 3 };
    care.status = status({ running: 'sealed' });
    render(BackupToast);
    expect(screen.getByTestId('backup-toast').dataset.state).toBe('running');
    care.handle({ kind: 'backup_changed', status: status({ last }), made: { backup: last, trigger: 'sealed', kilobytes: 9 } });
    await waitFor(() => expect(screen.getByTestId('backup-toast').dataset.state).toBe('done'));
    care.handle({
      kind: 'backup_changed',
      status: status({
        failure: {
          at: new Date().toISOString(),
          trigger: 'sealed',
          error: { code: 'backup_unreachable', rule: null, message_zh: '找不到备份文件夹。', message_en: 'Unreachable.' },
        },
      }),
      made: null,
    });
    await waitFor(() => expect(screen.getByTestId('backup-toast').dataset.state).toBe('failed'));
    expect(screen.getByTestId('backup-toast').getAttribute('role')).toBe('alert');
    await fireEvent.click(screen.getByTestId('backup-toast-close'));
    expect(screen.queryByTestId('backup-toast')).toBeNull();
  });
});

describe('times', () => {
  test('a backup’s UTC time on this computer’s clock, with today / yesterday / days ago', () => {
    const now = new Date(2026, 11, 1, 9, 30);
    const at = (d: Date) => d.toISOString();
    expect(daysAgo(at(new Date(2026, 11, 1, 0, 5)), now)).toBe(0);
    expect(daysAgo(at(new Date(2026, 10, 30, 23, 55)), now)).toBe(1);
    expect(whenText(at(new Date(2026, 10, 30, 23, 55)), now)).toBe('2026-11-30 23:55（昨天）');
    expect(whenText(at(new Date(2026, 10, 27, 8, 0)), now)).toBe('2026-11-27 08:00（4 天前）');
    expect(localDateTime('not a time')).toBe('not a time');
  });
});
