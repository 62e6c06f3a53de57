import { describe, expect, test, vi } from 'vitest';
import { mockIPC } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import { APP_EVENT, BackendError, appInfo, onAppEvent, openProjector, toBackendError } from './backend';

describe('backend', () => {
  test('calls the shell commands by their names', async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      if (cmd === 'app_info') return { version: '0.1.0', dataDir: '/tmp/x' };
      if (cmd === 'open_projector') return null;
    });
    await expect(appInfo()).resolves.toEqual({ version: '0.1.0', dataDir: '/tmp/x' });
    await openProjector();
    expect(calls).toEqual(['app_info', 'open_projector']);
  });

  test('a refusal from the shell keeps its code, rule and both messages', async () => {
    mockIPC(() => {
      throw { code: 'quorum_not_met', rule: 'R-QUORUM', message_zh: '未达法定人数', message_en: 'No quorum' };
    });
    const err = await openProjector().catch((e) => e);
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
    await emit(APP_EVENT, { kind: 'locale_changed', payload: { locale: 'en' } });
    expect(handler).toHaveBeenCalledWith({ kind: 'locale_changed', payload: { locale: 'en' } });
    stop();
  });
});
