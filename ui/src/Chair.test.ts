import { describe, expect, test } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { mockIPC } from '@tauri-apps/api/mocks';
import Chair from './Chair.svelte';

function shell(overrides: Record<string, (args: unknown) => unknown> = {}) {
  const calls: string[] = [];
  mockIPC((cmd, args) => {
    calls.push(cmd);
    if (overrides[cmd]) return overrides[cmd](args);
    if (cmd === 'app_info') return { version: '0.1.0', dataDir: '/data/yishi' };
    return null;
  }, { shouldMockEvents: true });
  return calls;
}

describe('Chair home', () => {
  test('shows the app in Simplified Chinese by default', async () => {
    shell();
    render(Chair);
    expect(screen.getByTestId('app-name').textContent).toBe('议事');
    expect(await screen.findByText('版本 0.1.0')).toBeTruthy();
  });

  test('switches to English and back', async () => {
    shell();
    render(Chair);
    await fireEvent.click(screen.getByTestId('locale-switch'));
    expect(screen.getByTestId('app-name').textContent).toBe('Yishi');
    expect(screen.getByText('Open projector')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('locale-switch'));
    expect(screen.getByText('打开投影')).toBeTruthy();
  });

  test('opens the projector through the shell and shows a refusal with its rule', async () => {
    const calls = shell({
      open_projector: () => {
        throw { code: 'no_display', rule: null, message_zh: '没有显示器', message_en: 'No display' };
      },
    });
    render(Chair);
    await fireEvent.click(screen.getByTestId('open-projector'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('没有显示器');
    expect(calls).toContain('open_projector');
  });
});
