import { afterEach } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { cleanup } from '@testing-library/svelte';
import { setLocale } from '../lib/i18n/index.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
  setLocale('zh-CN');
  localStorage.clear();
});
