// The one module that talks to the shell: every `invoke` and `listen` of the UI is here, so
// components stay testable (tests mock this module or the IPC under it) and the command names
// and payload types live in one place.
import { invoke } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';

/** An error as the shell sends it: the UI branches on `code` and shows the localized message. */
export interface IpcError {
  code: string;
  rule: string | null;
  message_zh: string;
  message_en: string;
}

export class BackendError extends Error implements IpcError {
  code: string;
  rule: string | null;
  message_zh: string;
  message_en: string;

  constructor(e: IpcError) {
    super(e.message_en);
    this.name = 'BackendError';
    this.code = e.code;
    this.rule = e.rule;
    this.message_zh = e.message_zh;
    this.message_en = e.message_en;
  }

  /** The message in the given locale. */
  messageFor(locale: 'zh-CN' | 'en'): string {
    return locale === 'en' ? this.message_en : this.message_zh;
  }
}

function isIpcError(e: unknown): e is IpcError {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as IpcError).code === 'string' &&
    typeof (e as IpcError).message_zh === 'string' &&
    typeof (e as IpcError).message_en === 'string'
  );
}

/** Any rejection as a BackendError: a shell error keeps its fields, anything else is internal. */
export function toBackendError(e: unknown): BackendError {
  if (e instanceof BackendError) return e;
  if (isIpcError(e)) return new BackendError({ ...e, rule: e.rule ?? null });
  const detail = e instanceof Error ? e.message : String(e);
  return new BackendError({
    code: 'internal',
    rule: null,
    message_zh: `内部错误：${detail}`,
    message_en: `Internal error: ${detail}`,
  });
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toBackendError(e);
  }
}

export interface AppInfo {
  version: string;
  dataDir: string;
}

export function appInfo(): Promise<AppInfo> {
  return call<AppInfo>('app_info');
}

/** Opens the projector window, or brings it to the front. */
export function openProjector(): Promise<void> {
  return call<void>('open_projector');
}

/** Events the shell broadcasts to every window (see src-tauri/src/events.rs). */
export type AppEvent = { kind: 'locale_changed'; payload: { locale: string } };

export const APP_EVENT = 'yishi://event';

/** Calls `handler` with every event the shell broadcasts; returns the function that stops it. */
export function onAppEvent(handler: (e: AppEvent) => void): Promise<UnlistenFn> {
  return listen<AppEvent>(APP_EVENT, (event) => handler(event.payload));
}
