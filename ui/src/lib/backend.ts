// The one module that talks to the shell: every `invoke` and `listen` of the UI is here, so
// components stay testable (tests mock the IPC under it) and command names live in one place.
// The payload types are generated from the Rust types (./bindings.ts).
import { invoke } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type {
  AppEvent,
  AppInfo,
  BackupStatus,
  CertificateOutcome,
  CertificatePick,
  ChooseOutcome,
  HealthView,
  RepairOutcome,
  RestoreOutcome,
  ExportKind,
  ExportOutcome,
  ImportOutcome,
  Intent,
  IpcError,
  MeetingListItem,
  MeetingView,
  PaperSize,
  PapersView,
  PersonInput,
  PersonView,
  ComplianceView,
  Level,
  TopicInput,
  TopicView,
  ProfileInput,
  ProfileView,
  ProjectorView,
  SearchHitView,
  SetupOptions,
  UiLocale,
  VerifyOutcome,
} from './bindings';
import type { BundleExportOutcome, BundleImportOutcome, OfficeView } from './bindings';
import type { Locale } from './i18n/index.svelte';

export type * from './bindings';

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

export function appInfo(): Promise<AppInfo> {
  return call<AppInfo>('app_info');
}

/** Opens the projector window showing `meeting`, or brings it to the front. */
export function openProjector(meeting?: string): Promise<void> {
  return call<void>('open_projector', { meeting: meeting ?? null });
}

export function listMeetings(): Promise<MeetingListItem[]> {
  return call<MeetingListItem[]>('list_meetings');
}

export function getMeeting(id: string): Promise<MeetingView> {
  return call<MeetingView>('get_meeting', { id });
}

/**
 * Hands one intent to the core; resolves to the meeting's new state, rejects with the
 * refusal (code, rule, messages). `meeting` is omitted only for `create_meeting`.
 */
export function applyIntent(intent: Intent, meeting?: string): Promise<MeetingView> {
  return call<MeetingView>('apply_intent', { meeting: meeting ?? null, intent });
}

/** Installs the demo community and returns the meetings. */
export function installDemo(): Promise<MeetingListItem[]> {
  return call<MeetingListItem[]>('demo');
}

export const APP_EVENT = 'yishi://event';

/** Calls `handler` with every event the shell broadcasts; resolves to the function that stops it. */
export function onAppEvent(handler: (e: AppEvent) => void): Promise<UnlistenFn> {
  return listen<AppEvent>(APP_EVENT, (event) => handler(event.payload));
}

/**
 * Like `onAppEvent`, for a component's lifetime: returns a plain function that stops the
 * subscription, whether or not the listener has finished registering by then.
 */
export function subscribe(handler: (e: AppEvent) => void): () => void {
  let stopped = false;
  let stop: UnlistenFn | null = null;
  onAppEvent(handler).then(
    (f) => (stopped ? f() : (stop = f)),
    () => {},
  );
  return () => {
    stopped = true;
    stop?.();
  };
}

/** The meeting the shell handed the projector window when it opened it, if any. */
export function projectorInitialMeeting(): ProjectorView | null {
  const w = globalThis as { __YISHI_PROJECTOR__?: ProjectorView | null };
  return w.__YISHI_PROJECTOR__ ?? null;
}

// ---- home: setup options, roster, exports (src-tauri/src/commands_home.rs)

/** Levels with their forms (R-FORMS), groups, roles and vote rules, labelled by the core. */
export function setupOptions(): Promise<SetupOptions> {
  return call<SetupOptions>('setup_options');
}

/** R-FREQ, R-OBSERVE: the year's meetings per form against the minimums (this year by default). */
export function compliance(year?: number): Promise<ComplianceView> {
  return call<ComplianceView>('compliance', year === undefined ? {} : { year });
}

/** 搜索: the meetings matching every word of `query`, best first, each with its passage marked. */
export function searchArchive(query: string): Promise<SearchHitView[]> {
  return call<SearchHitView[]>('search_archive', { query });
}

/** R-TOPIC: the pool, urgent first, each with where it stands (R-30DAYS warnings included). */
export function listTopics(): Promise<TopicView[]> {
  return call<TopicView[]>('list_topics');
}

/** R-TOPIC: what a new agenda item of a `level` meeting may take from the pool, as the core decides. */
export function agendaTopics(level: Level): Promise<TopicView[]> {
  return call<TopicView[]>('agenda_topics', { level });
}

/** Each change resolves to the whole pool; the shell makes the id and reads the clock. */
export function proposeTopic(topic: TopicInput): Promise<TopicView[]> {
  return call<TopicView[]>('propose_topic', { topic });
}

export function decideTopic(id: string): Promise<TopicView[]> {
  return call<TopicView[]>('decide_topic', { id });
}

export function withdrawTopic(id: string, reason: string): Promise<TopicView[]> {
  return call<TopicView[]>('withdraw_topic', { id, reason });
}

/** R-ESCALATE: a closed item of a community meeting forwarded as a topic to `to`. */
export function escalateItem(meeting: string, item: string, to: Level): Promise<TopicView[]> {
  return call<TopicView[]>('escalate_item', { meeting, item, to });
}

export function listRoster(): Promise<PersonView[]> {
  return call<PersonView[]>('list_roster');
}

/** Adds (`existing: false`, `id` may be empty) or edits a person; resolves to the roster. */
export function savePerson(person: PersonInput): Promise<PersonView[]> {
  return call<PersonView[]>('save_person', { person });
}

export function removePerson(id: string): Promise<PersonView[]> {
  return call<PersonView[]>('remove_person', { id });
}

/** The shell shows the open dialog, reads the CSV and imports it: all rows or none. */
export function importRoster(locale: Locale): Promise<ImportOutcome> {
  return call<ImportOutcome>('import_roster', { locale: uiLocale(locale) });
}

/**
 * The shell renders the document, shows the save dialog, writes the file and opens a PDF in
 * the system viewer. No path goes from here to the shell. `issuer` (发布单位) signs a poster,
 * a notice or the online text; without it they leave a line to write on and stamp.
 */
export function exportDocument(
  meeting: string,
  kind: ExportKind,
  paper: PaperSize,
  locale: Locale,
  issuer?: string,
): Promise<ExportOutcome> {
  return call<ExportOutcome>('export_document', {
    meeting,
    kind,
    paper,
    locale: uiLocale(locale),
    issuer: issuer?.trim() || null,
  });
}

// ---- home: backups and repair (src-tauri/src/backup.rs)

/** Where backups go, the newest there, what to warn about, a backup under way, the last failure. */
export function backupStatus(): Promise<BackupStatus> {
  return call<BackupStatus>('backup_status');
}

/**
 * The shell shows the folder dialog and keeps the chosen folder as where backups go; a backup
 * is made there at once unless it has one of today. No path goes from here to the shell.
 */
export function chooseBackupFolder(locale: Locale): Promise<ChooseOutcome> {
  return call<ChooseOutcome>('choose_backup_folder', { locale: uiLocale(locale) });
}

/** Starts a backup; its progress and result come as `care_progress` and `backup_changed` events. */
export function backupNow(): Promise<BackupStatus> {
  return call<BackupStatus>('backup_now');
}

/**
 * The shell shows the folder dialog and restores from the chosen backup what this computer
 * lacks, then repairs damaged meetings from it; progress comes as `care_progress` events.
 */
export function restoreBackup(locale: Locale): Promise<RestoreOutcome> {
  return call<RestoreOutcome>('restore_backup', { locale: uiLocale(locale) });
}

/** What the store did on its own when it opened, and the damage found so far. */
export function storeHealth(): Promise<HealthView> {
  return call<HealthView>('store_health');
}

/** Checks every meeting's record now, in full. */
export function examineStore(): Promise<HealthView> {
  return call<HealthView>('examine_store');
}

/** Repairs what is damaged (the newest backup in the chosen folder offered), then checks again. */
export function repairStore(): Promise<RepairOutcome> {
  return call<RepairOutcome>('repair_store');
}

// ---- home: the community profile, certificates, verifying a PDF (src-tauri/src/profile.rs, papers.rs)

/** The community's profile; null before one is saved (the first start). */
export function getProfile(): Promise<ProfileView | null> {
  return call<ProfileView | null>('get_profile');
}

/** The core checks and saves it; resolves to it as saved (the issuer filled in when blank). */
export function saveProfile(profile: ProfileInput): Promise<ProfileView> {
  return call<ProfileView>('save_profile', { profile });
}

/** The issuing body a community's name suggests. */
export function suggestIssuer(community: string): Promise<string> {
  return call<string>('suggest_issuer', { community });
}

/** This installation's signer name and key, and the issuers trusted here. */
export function papersStatus(): Promise<PapersView> {
  return call<PapersView>('papers_status');
}

/** The shell shows the save dialog and writes this installation's certificate. */
export function exportCertificate(locale: Locale): Promise<CertificateOutcome> {
  return call<CertificateOutcome>('export_certificate', { locale: uiLocale(locale) });
}

/** The shell shows the open dialog and reads a certificate: its name and fingerprint, not trusted yet. */
export function pickCertificate(locale: Locale): Promise<CertificatePick> {
  return call<CertificatePick>('pick_certificate', { locale: uiLocale(locale) });
}

/** Trusts the certificate just picked (`keyId`, as shown). */
export function trustCertificate(keyId: string): Promise<PapersView> {
  return call<PapersView>('trust_certificate', { keyId });
}

/** The shell shows the open dialog for a PDF and checks it against its signature and the record. */
export function verifyDocument(locale: Locale): Promise<VerifyOutcome> {
  return call<VerifyOutcome>('verify_document', { locale: uiLocale(locale) });
}

// ---- home: 街道汇总 — bundles for the street office and its overview (src-tauri/src/archive.rs)

/**
 * This installation's sealed meetings since `since` (YYYY-MM-DD) into one bundle: the shell
 * shows the save dialog (none when nothing is sealed since then) and writes the file; progress
 * comes as `archive_progress` events.
 */
export function exportBundle(since: string, locale: Locale): Promise<BundleExportOutcome> {
  return call<BundleExportOutcome>('export_bundle', { since, locale: uiLocale(locale) });
}

/** The shell shows the open dialog and imports a community's bundle: all of it or nothing. */
export function importBundle(locale: Locale): Promise<BundleImportOutcome> {
  return call<BundleImportOutcome>('import_bundle', { locale: uiLocale(locale) });
}

/** Each community's year against the minimums, escalated matters, overdue actions (this year by default). */
export function streetOverview(year?: number): Promise<OfficeView> {
  return call<OfficeView>('street_overview', year === undefined ? {} : { year });
}

function uiLocale(locale: Locale): UiLocale {
  return locale === 'en' ? 'en' : 'zh';
}
