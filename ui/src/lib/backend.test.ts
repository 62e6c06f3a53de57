import { describe, expect, test, vi } from 'vitest';
import { mockIPC } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import {
  APP_EVENT,
  BackendError,
  appInfo,
  applyIntent,
  getMeeting,
  installDemo,
  listMeetings,
  onAppEvent,
  openProjector,
  projectorInitialMeeting,
  toBackendError,
  setupOptions,
  listRoster,
  savePerson,
  removePerson,
  importRoster,
  exportDocument,
} from './backend';
import { listItem, meetingView } from '../test/fixtures';
import { speaking } from '../test/projector-fixtures';

function record() {
  const calls: { cmd: string; args: unknown }[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args });
    switch (cmd) {
      case 'app_info':
        return { version: '0.1.0', data_dir: '/tmp/x' };
      case 'list_meetings':
      case 'demo':
        return [listItem];
      case 'get_meeting':
      case 'apply_intent':
        return meetingView;
      default:
        return null;
    }
  });
  return calls;
}

describe('backend', () => {
  test('calls the shell commands by their names with their arguments', async () => {
    const calls = record();
    await expect(appInfo()).resolves.toEqual({ version: '0.1.0', data_dir: '/tmp/x' });
    await expect(listMeetings()).resolves.toEqual([listItem]);
    await expect(installDemo()).resolves.toEqual([listItem]);
    await expect(getMeeting(listItem.id)).resolves.toEqual(meetingView);
    await applyIntent({ type: 'open_meeting', by: 'p1' }, listItem.id);
    await openProjector(listItem.id);
    await openProjector();
    expect(calls.map((c) => c.cmd)).toEqual([
      'app_info',
      'list_meetings',
      'demo',
      'get_meeting',
      'apply_intent',
      'open_projector',
      'open_projector',
    ]);
    expect(calls[3].args).toEqual({ id: listItem.id });
    expect(calls[4].args).toEqual({ meeting: listItem.id, intent: { type: 'open_meeting', by: 'p1' } });
    expect(calls[5].args).toEqual({ meeting: listItem.id });
    expect(calls[6].args).toEqual({ meeting: null });
  });

  test('a refusal from the shell keeps its code, rule and both messages', async () => {
    mockIPC(() => {
      throw { code: 'quorum_not_met', rule: 'R-QUORUM', message_zh: '未达法定人数', message_en: 'No quorum' };
    });
    const err = await applyIntent({ type: 'open_item', item: 'a1' }, listItem.id).catch((e) => e);
    expect(err).toBeInstanceOf(BackendError);
    expect(err.code).toBe('quorum_not_met');
    expect(err.rule).toBe('R-QUORUM');
    expect(err.messageFor('zh-CN')).toBe('未达法定人数');
    expect(err.messageFor('en')).toBe('No quorum');
  });

  test('anything else that rejects becomes an internal error', () => {
    const err = toBackendError('boom');
    expect(err.code).toBe('internal');
    expect(err.rule).toBeNull();
    expect(err.message_en).toContain('boom');
    expect(toBackendError(new Error('x')).message_zh).toContain('x');
  });

  test('events broadcast by the shell reach the handler', async () => {
    mockIPC(() => {}, { shouldMockEvents: true });
    const handler = vi.fn();
    const stop = await onAppEvent(handler);
    await emit(APP_EVENT, { kind: 'meetings_changed' });
    expect(handler).toHaveBeenCalledWith({ kind: 'meetings_changed' });
    stop();
  });

  test('the projector reads the meeting the shell handed it', () => {
    expect(projectorInitialMeeting()).toBeNull();
    (globalThis as Record<string, unknown>).__YISHI_PROJECTOR__ = speaking();
    expect(projectorInitialMeeting()?.current?.title).toBe('加装电梯');
    delete (globalThis as Record<string, unknown>).__YISHI_PROJECTOR__;
  });

  test('home commands: names and arguments; the webview sends no file path', async () => {
    const calls = record();
    await setupOptions();
    await listRoster();
    await savePerson({ id: '', name: '张三', group: 'public', two_committees: false, existing: false });
    await removePerson('p09');
    await importRoster('zh-CN');
    await exportDocument(listItem.id, 'poster', 'a3', 'en');
    expect(calls.map((c) => c.cmd)).toEqual([
      'setup_options',
      'list_roster',
      'save_person',
      'remove_person',
      'import_roster',
      'export_document',
    ]);
    expect(calls[2].args).toEqual({
      person: { id: '', name: '张三', group: 'public', two_committees: false, existing: false },
    });
    expect(calls[3].args).toEqual({ id: 'p09' });
    expect(calls[4].args).toEqual({ locale: 'zh' });
    expect(calls[5].args).toEqual({ meeting: listItem.id, kind: 'poster', paper: 'a3', locale: 'en', issuer: null });
    for (const c of calls) expect(JSON.stringify(c.args ?? {})).not.toMatch(/path|\//);
  });
});
