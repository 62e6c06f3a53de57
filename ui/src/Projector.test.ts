import { describe, expect, test } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import { mockIPC } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import Projector from './Projector.svelte';
import { APP_EVENT } from './lib/backend';
import { speaking } from './test/projector-fixtures';

describe('Projector window', () => {
  test('waits for a meeting, then shows the one the shell broadcasts, calling no command', async () => {
    const calls: string[] = [];
    mockIPC((cmd) => void calls.push(cmd), { shouldMockEvents: true });
    render(Projector);
    expect(screen.getByText('等待会议开始')).toBeTruthy();
    // The listener registers asynchronously: broadcast until the window shows the meeting.
    await waitFor(async () => {
      await emit(APP_EVENT, { kind: 'projector_updated', meeting: speaking() });
      expect(screen.getByTestId('projector-title').textContent).toBe('幸福社区居民议事会');
    });
    expect(screen.getByTestId('projector-item').textContent).toBe('加装电梯');
    expect(screen.getByTestId('quorum-counts').textContent).toBe('出席 6 人 / 应到 6 人');
    expect(calls).toEqual([]);
  });

  test('starts from the meeting the shell handed it', () => {
    mockIPC(() => null, { shouldMockEvents: true });
    (globalThis as Record<string, unknown>).__YISHI_PROJECTOR__ = speaking();
    render(Projector);
    expect(screen.getByTestId('projector-title').textContent).toBe('幸福社区居民议事会');
    delete (globalThis as Record<string, unknown>).__YISHI_PROJECTOR__;
  });
});
