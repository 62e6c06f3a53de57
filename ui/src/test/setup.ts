import { afterEach } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { cleanup } from '@testing-library/svelte';
import { setLocale } from '../lib/i18n/index.svelte';

afterEach(async () => {
  cleanup();
  // Let unmounted components finish unsubscribing while the IPC mock is still there.
  await new Promise((r) => setTimeout(r, 0));
  clearMocks();
  setLocale('zh-CN');
  localStorage.clear();
});
