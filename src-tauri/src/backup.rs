//! 数据安全 — backups and repair, as the home screen shows them: where the record is backed up
//! (another folder, a USB stick), the automatic backups (after a meeting is sealed, and once a
//! day while the app runs), backing up now, restoring from a backup, and the doctor: what the
//! store did on its own when it opened, what is damaged, and the repair, only when asked.
//!
//! The core backs up, checks, restores and repairs (`yishi::store::backup`, `Store::examine`,
//! `Store::repair`); this opens the folder dialogs, reads the clock, runs one job at a time off
//! the UI's thread and reports progress through the one emitter (`events`). A failure is kept
//! in the status until a backup succeeds, so it is shown however late the window asks.

use std::cell::Cell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use serde::Serialize;
use tauri::{AppHandle, Manager, WebviewWindow};
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;
use yishi::store::backup::{self, BackupError, Manifest, Settings};
use yishi::store::doctor::{Repair, Source};
use yishi::store::{BreakKind, ChainBreak, Notice};
use yishi::{MeetingId, Store, Time};

use crate::commands::now;
use crate::commands_home::{in_dialog, start_dir, UiLocale};
use crate::events::AppEvent;
use crate::ipc::IpcError;
use crate::AppState;

/// A backup is made when the newest one is older than this (checked at start-up, then hourly).
pub const DAILY: chrono::TimeDelta = chrono::TimeDelta::hours(24);
/// The home screen warns when the newest backup is older than this.
pub const STALE: chrono::TimeDelta = chrono::TimeDelta::days(7);
const CHECK_EVERY: Duration = Duration::from_secs(60 * 60);
/// How long the start-up check waits for the store's own check of every chain before it goes on.
const AUDIT_WAIT: Duration = Duration::from_secs(300);

// ---- what the UI sees

/// What started a backup.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupTrigger {
    /// The chair pressed 立即备份.
    Manual,
    /// A meeting was sealed.
    Sealed,
    /// The newest backup was a day old (at start-up, or the hourly check).
    Daily,
    /// A backup folder was just chosen.
    Chosen,
}

/// The long jobs whose progress is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CareJob {
    Backup,
    Restore,
}

/// A finished backup in the folder.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct LastBackup {
    /// Its folder's name (`yishi-backup-<UTC time>`).
    pub name: String,
    /// When it was made: UTC, RFC 3339 (the UI shows it on the local clock).
    pub created_at: String,
    pub meetings: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BackupWarning {
    /// No backup folder chosen: the record is only on this computer.
    NotSet,
    /// The folder cannot be reached (a USB stick not plugged in, a folder removed).
    Unreachable,
    /// The folder holds no backup yet.
    NoBackup,
    /// The newest backup is older than a week.
    Stale { days: u32 },
}

/// The last backup that did not happen, until one does.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct BackupFailure {
    /// When it failed: local time, RFC 3339.
    pub at: String,
    pub trigger: BackupTrigger,
    pub error: IpcError,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct BackupStatus {
    /// The chosen folder, as the system names it.
    pub folder: Option<String>,
    pub reachable: bool,
    /// The newest backup there.
    pub last: Option<LastBackup>,
    /// What the home screen warns about, if anything.
    pub warning: Option<BackupWarning>,
    /// A backup under way, and what started it.
    pub running: Option<BackupTrigger>,
    /// A restore or a repair under way (backups wait for it).
    pub busy: bool,
    pub failure: Option<BackupFailure>,
    /// How many backups the folder keeps.
    pub keep: u32,
}

/// A backup just made.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct MadeBackup {
    pub backup: LastBackup,
    pub trigger: BackupTrigger,
    pub kilobytes: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum ChooseOutcome {
    Cancelled,
    Chosen { status: Box<BackupStatus> },
}

/// A meeting named for a person: its title (empty when the store has no entry for it).
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct MeetingRef {
    pub id: String,
    pub title: String,
}

/// What is wrong with a copy of a meeting's record (the core's `BreakKind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DamageKind {
    Altered,
    Unlinked,
    Gap,
    Unreadable,
    HeadMismatch,
    IndexMissing,
    JournalDamaged,
    JournalMissing,
    JournalBehind,
}

/// Damage found: the meeting, and the position of the first event that fails.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct DamageView {
    pub meeting: MeetingRef,
    pub position: u32,
    pub kind: DamageKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ListKind {
    Roster,
    Topics,
    /// Meetings received from communities (a street office's archive).
    Archive,
}

/// A journal file: a meeting's, or the roster's or topic pool's.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct JournalRef {
    pub name: String,
    pub meeting: Option<MeetingRef>,
    pub list: Option<ListKind>,
}

/// Something the store did on its own when it opened (the core's `Notice`).
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StoreNotice {
    /// Its index could not be read: set aside, rebuilt from the journal files.
    Rebuilt { aside: String, reason: String },
    /// Events recorded before a power cut, written back into the index.
    CaughtUp { meeting: MeetingRef, events: u32 },
    /// An unfinished (never acknowledged) write at a journal's end, set aside.
    TailSetAside { journal: JournalRef, bytes: u32, aside: String },
    /// A meeting's stored copy could not be read: restored from its journal.
    CopyRestored { meeting: MeetingRef, reason: String },
    /// Journal files written for meetings recorded before they existed.
    Journaled { meetings: u32 },
    /// Recorded in the journal, the index behind: caught up at the next start.
    Behind { meeting: MeetingRef, reason: String },
    /// The roster's or topic pool's journal is damaged from `offset`.
    ListDamaged { journal: JournalRef, offset: u32 },
    /// The roster's or pool's rows written as the first entries of its chained log.
    ListMigrated { journal: JournalRef, entries: u32 },
    /// A damaged roster or pool log repaired; `lost_from`: the first entry no copy held.
    ListRepaired { journal: JournalRef, entries: u32, from_backup: bool, lost_from: Option<u32> },
}

/// The record's health: what the store did on its own, and what is damaged.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct HealthView {
    pub notices: Vec<StoreNotice>,
    pub damage: Vec<DamageView>,
    /// Every chain has been checked (else the start-up check is still going on).
    pub checked: bool,
    pub meetings: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RepairSource {
    /// The store's copy verified: the journal file was rewritten from it.
    Store,
    /// The journal verified: the store's copy was rewritten from it.
    Journal,
    /// Neither did: restored from the backup.
    Backup,
}

/// One meeting's repair (the core's `Repair`).
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct RepairView {
    pub meeting: MeetingRef,
    pub found: DamageView,
    /// None: no copy verifies; the meeting is left as it was.
    pub from: Option<RepairSource>,
    /// Events the meeting has now.
    pub events: u32,
    /// Events recorded that no copy held: not restored.
    pub missing: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct RepairOutcome {
    /// The backup offered to the repair (the newest in the chosen folder), if any.
    pub backup: Option<LastBackup>,
    pub repairs: Vec<RepairView>,
    /// Checked again after the repair.
    pub health: HealthView,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum RestoreOutcome {
    Cancelled,
    Restored {
        backup: LastBackup,
        /// Meetings this computer did not have, copied in.
        added: Vec<MeetingRef>,
        /// The roster or topic pool, copied in where there was none.
        lists: Vec<ListKind>,
        /// The installation's seal key, copied in where there was none.
        key: bool,
        /// Damaged meetings repaired from the backup.
        repairs: Vec<RepairView>,
        health: HealthView,
    },
}

// ---- views of the core's types

fn titles(store: &Store) -> HashMap<MeetingId, String> {
    store.list().map(|l| l.into_iter().map(|s| (s.id, s.title)).collect()).unwrap_or_default()
}

fn meeting_ref(titles: &HashMap<MeetingId, String>, id: MeetingId) -> MeetingRef {
    MeetingRef { id: id.to_string(), title: titles.get(&id).cloned().unwrap_or_default() }
}

fn small(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn damage_kind(k: &BreakKind) -> DamageKind {
    match k {
        BreakKind::Altered => DamageKind::Altered,
        BreakKind::Unlinked => DamageKind::Unlinked,
        BreakKind::Gap => DamageKind::Gap,
        BreakKind::Unreadable => DamageKind::Unreadable,
        BreakKind::HeadMismatch => DamageKind::HeadMismatch,
        BreakKind::IndexMissing => DamageKind::IndexMissing,
        BreakKind::JournalDamaged => DamageKind::JournalDamaged,
        BreakKind::JournalMissing => DamageKind::JournalMissing,
        BreakKind::JournalBehind => DamageKind::JournalBehind,
    }
}

fn damage_view(titles: &HashMap<MeetingId, String>, b: &ChainBreak) -> DamageView {
    DamageView { meeting: meeting_ref(titles, b.meeting), position: small(b.position), kind: damage_kind(&b.kind) }
}

fn journal_ref(titles: &HashMap<MeetingId, String>, name: &str) -> JournalRef {
    let list = match name {
        yishi::store::journal::ROSTER => Some(ListKind::Roster),
        yishi::store::journal::TOPICS => Some(ListKind::Topics),
        "archive" => Some(ListKind::Archive),
        _ => None,
    };
    let meeting = name.parse::<MeetingId>().ok().map(|id| meeting_ref(titles, id));
    JournalRef { name: name.to_string(), meeting, list }
}

fn notice_view(titles: &HashMap<MeetingId, String>, n: &Notice) -> StoreNotice {
    match n {
        Notice::Rebuilt { aside, reason } => StoreNotice::Rebuilt { aside: aside.clone(), reason: reason.clone() },
        Notice::CaughtUp { meeting, events } => {
            StoreNotice::CaughtUp { meeting: meeting_ref(titles, *meeting), events: small(*events) }
        }
        Notice::TailSetAside { journal, bytes, aside } => {
            StoreNotice::TailSetAside { journal: journal_ref(titles, journal), bytes: small(*bytes), aside: aside.clone() }
        }
        Notice::CopyRestored { meeting, reason } => {
            StoreNotice::CopyRestored { meeting: meeting_ref(titles, *meeting), reason: reason.clone() }
        }
        Notice::Journaled { meetings } => StoreNotice::Journaled { meetings: small(*meetings as u64) },
        Notice::Behind { meeting, reason } => StoreNotice::Behind { meeting: meeting_ref(titles, *meeting), reason: reason.clone() },
        Notice::ListMigrated { journal, entries } => {
            StoreNotice::ListMigrated { journal: journal_ref(titles, journal), entries: small(*entries) }
        }
        Notice::ListRepaired { journal, entries, from_backup, lost_from } => StoreNotice::ListRepaired {
            journal: journal_ref(titles, journal),
            entries: small(*entries),
            from_backup: *from_backup,
            lost_from: lost_from.map(small),
        },
        Notice::ListDamaged { journal, offset } => {
            StoreNotice::ListDamaged { journal: journal_ref(titles, journal), offset: small(*offset) }
        }
    }
}

fn repair_view(titles: &HashMap<MeetingId, String>, r: &Repair) -> RepairView {
    RepairView {
        meeting: meeting_ref(titles, r.meeting),
        found: damage_view(titles, &r.found),
        from: r.from.map(|s| match s {
            Source::Store => RepairSource::Store,
            Source::Journal => RepairSource::Journal,
            Source::Backup => RepairSource::Backup,
        }),
        events: small(r.events),
        missing: small(r.missing),
    }
}

/// The record's health from what the store found (`breaks`), with its notices.
pub fn health_view(store: &Store, breaks: &[ChainBreak], checked: bool) -> HealthView {
    let titles = titles(store);
    HealthView {
        notices: store.notices().iter().map(|n| notice_view(&titles, n)).collect(),
        damage: breaks.iter().map(|b| damage_view(&titles, b)).collect(),
        checked,
        meetings: titles.len() as u32,
    }
}

fn last_backup(path: &Path, m: &Manifest) -> LastBackup {
    LastBackup {
        name: path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        created_at: m.created_at.clone(),
        meetings: m.meetings.len() as u32,
    }
}

/// How old a backup is as of `now` (None if its time does not read).
fn age(created_at: &str, now: Time) -> Option<chrono::TimeDelta> {
    chrono::DateTime::parse_from_rfc3339(created_at).ok().map(|t| now.signed_duration_since(t))
}

/// Whether a backup is due: none yet, or the newest is a day old.
pub fn due(last: Option<&LastBackup>, now: Time) -> bool {
    match last {
        None => true,
        Some(l) => age(&l.created_at, now).is_none_or(|a| a >= DAILY),
    }
}

/// What the home screen warns about.
pub fn warning(folder: Option<&Path>, reachable: bool, last: Option<&LastBackup>, now: Time) -> Option<BackupWarning> {
    if folder.is_none() {
        return Some(BackupWarning::NotSet);
    }
    if !reachable {
        return Some(BackupWarning::Unreachable);
    }
    let Some(last) = last else { return Some(BackupWarning::NoBackup) };
    match age(&last.created_at, now) {
        Some(a) if a > STALE => Some(BackupWarning::Stale { days: a.num_days() as u32 }),
        _ => None,
    }
}

// ---- errors, in both languages

fn not_set() -> IpcError {
    IpcError::text(
        "backup_not_set",
        "还没有选择备份文件夹。请先点“选择备份文件夹”。",
        "No backup folder has been chosen yet. Choose one first.",
    )
}

fn unreachable(folder: &Path) -> IpcError {
    let f = folder.display();
    IpcError::text(
        "backup_unreachable",
        format!("找不到备份文件夹 {f}。如果它在 U 盘或移动硬盘上，请插好后再试。"),
        format!("The backup folder {f} cannot be reached. If it is on a USB stick or an external drive, plug it in and try again."),
    )
}

fn busy() -> IpcError {
    IpcError::text(
        "backup_busy",
        "正在备份或恢复，请等它完成后再试。",
        "A backup or restore is under way; try again when it has finished.",
    )
}

fn backup_error(e: BackupError, store: &Store) -> IpcError {
    match e {
        BackupError::Write { path, reason } => IpcError::text(
            "backup_write_failed",
            format!("无法写入 {path}：{reason}。请检查 U 盘是否插好、是否有剩余空间。"),
            format!("Cannot write to {path}: {reason}. Check that the drive is plugged in and has space left."),
        ),
        BackupError::NotABackup { path } => IpcError::text(
            "not_a_backup",
            format!("{path} 不是议事的备份（其中没有 {}）。", backup::MANIFEST),
            format!("{path} is not a Yishi backup (it has no {}).", backup::MANIFEST),
        ),
        BackupError::Unverified(id) => {
            let title = titles(store).remove(&id).unwrap_or_else(|| id.to_string());
            IpcError::text(
                "backup_unverified",
                format!("会议“{title}”的记录未通过核验，备份未完成。请在“数据安全”中检查并修复。"),
                format!("The record of “{title}” did not verify, so the backup was not made. Check and repair it under Backups & repair."),
            )
        }
        BackupError::Store(e) => e.into(),
    }
}

fn settings_error(e: std::io::Error) -> IpcError {
    IpcError::text(
        "settings_write_failed",
        format!("无法保存备份设置：{e}"),
        format!("Cannot save the backup setting: {e}"),
    )
}

// ---- one job at a time

enum Running {
    Backup(BackupTrigger),
    Restore,
    Repair,
}

#[derive(Default)]
struct Job {
    running: Option<Running>,
    /// A backup asked for while another job ran: made when it ends.
    pending: Option<BackupTrigger>,
    failure: Option<BackupFailure>,
}

/// The backup jobs of the app (managed state beside `AppState`).
#[derive(Default)]
pub struct Care {
    job: Mutex<Job>,
}

impl Care {
    fn job(&self) -> MutexGuard<'_, Job> {
        self.job.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Marks a restore or repair as running, unless another job is.
    fn begin(&self, what: Running) -> Result<(), IpcError> {
        let mut job = self.job();
        if job.running.is_some() {
            return Err(busy());
        }
        job.running = Some(what);
        Ok(())
    }
}

/// Ends a restore or repair, and makes the backup asked for meanwhile.
fn end(app: &AppHandle) {
    let next = {
        let care = app.state::<Care>();
        let mut job = care.job();
        job.running = None;
        let next = job.pending.take();
        if let Some(t) = next {
            job.running = Some(Running::Backup(t));
        }
        next
    };
    if let Some(t) = next {
        spawn_backups(app, t);
    }
}

/// Asks for a backup. If one is being made, a backup after a seal or a new folder is made
/// again when it ends (the running one may have listed the meetings before); a manual or daily
/// one is that running backup. During a restore or repair, it waits for the end.
pub fn request(app: &AppHandle, trigger: BackupTrigger) {
    {
        let care = app.state::<Care>();
        let mut job = care.job();
        match job.running {
            Some(Running::Backup(_)) => {
                if matches!(trigger, BackupTrigger::Sealed | BackupTrigger::Chosen) {
                    job.pending = Some(trigger);
                }
                return;
            }
            Some(_) => {
                job.pending = Some(trigger);
                return;
            }
            None => job.running = Some(Running::Backup(trigger)),
        }
    }
    spawn_backups(app, trigger);
}

/// Makes backups on a thread of their own until none is pending, telling the chair's window
/// after each.
fn spawn_backups(app: &AppHandle, first: BackupTrigger) {
    let worker = app.clone();
    let spawned = std::thread::Builder::new().name("yishi-backup".into()).spawn(move || {
        let app = worker;
        let mut trigger = first;
        loop {
            // A panic in there must not leave a backup marked running for good.
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| make_backup(&app, trigger)))
                .unwrap_or_else(|_| Err(IpcError::internal("the backup stopped unexpectedly")));
            let next = {
                let care = app.state::<Care>();
                let mut job = care.job();
                match &result {
                    Ok(_) => job.failure = None,
                    Err(e) => {
                        log::warn!("backup ({trigger:?}) failed: {}", e.message_en);
                        job.failure =
                            Some(BackupFailure { at: now().to_rfc3339(), trigger, error: e.clone() });
                    }
                }
                let next = job.pending.take();
                job.running = next.map(Running::Backup);
                next
            };
            let _ = AppEvent::BackupChanged { status: Box::new(status(&app)), made: result.ok() }.to_chair(&app);
            match next {
                Some(t) => trigger = t,
                None => break,
            }
        }
    });
    if let Err(e) = spawned {
        log::error!("cannot start the backup thread: {e}");
        let care = app.state::<Care>();
        let mut job = care.job();
        job.running = None;
        job.failure = Some(BackupFailure { at: now().to_rfc3339(), trigger: first, error: IpcError::internal(e) });
    }
}

/// A progress callback for the core that tells the chair's window at each whole percent.
fn progress(app: &AppHandle, job: CareJob) -> impl Fn(usize, usize) + '_ {
    let last = Cell::new(u32::MAX);
    move |done, total| {
        let pct = (done * 100).checked_div(total).unwrap_or(100) as u32;
        if pct != last.get() || done == total {
            last.set(pct);
            let _ = AppEvent::CareProgress { job, done: done as u32, total: total as u32 }.to_chair(app);
        }
    }
}

fn make_backup(app: &AppHandle, trigger: BackupTrigger) -> Result<MadeBackup, IpcError> {
    let state = app.state::<AppState>();
    let settings = Settings::load(&state.data_dir);
    let to = settings.to.ok_or_else(not_set)?;
    // A USB stick not plugged in: never back up to where its mount point would be.
    if !to.is_dir() {
        return Err(unreachable(&to));
    }
    let info = state.store.backup(&to, settings.keep.max(1), chrono::Utc::now(), &progress(app, CareJob::Backup)).map_err(|e| backup_error(e, &state.store))?;
    log::info!("backed up {} meetings to {} ({trigger:?})", info.meetings, info.path.display());
    Ok(MadeBackup {
        backup: LastBackup {
            name: info.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            created_at: info.created_at,
            meetings: info.meetings as u32,
        },
        trigger,
        kilobytes: small(info.bytes.div_ceil(1024)),
    })
}

/// The backup status as of now.
pub fn status(app: &AppHandle) -> BackupStatus {
    let state = app.state::<AppState>();
    let settings = Settings::load(&state.data_dir);
    let (running, busy, failure) = {
        let care = app.state::<Care>();
        let job = care.job();
        let running = match job.running {
            Some(Running::Backup(t)) => Some(t),
            _ => None,
        };
        (running, matches!(job.running, Some(Running::Restore | Running::Repair)), job.failure.clone())
    };
    let folder = settings.to.as_deref();
    let reachable = folder.is_some_and(Path::is_dir);
    let last = folder.filter(|_| reachable).and_then(backup::latest).map(|(p, m)| last_backup(&p, &m));
    BackupStatus {
        folder: folder.map(|f| f.display().to_string()),
        reachable,
        warning: warning(folder, reachable, last.as_ref(), now()),
        last,
        running,
        busy,
        failure,
        keep: settings.keep as u32,
    }
}

/// After an accepted intent: a meeting just sealed is backed up (if a folder is chosen).
pub fn after_seal(app: &AppHandle) {
    let state = app.state::<AppState>();
    if Settings::load(&state.data_dir).to.is_some() {
        request(app, BackupTrigger::Sealed);
    }
}

/// The daily check: a backup if the newest is a day old. A folder that cannot be reached is
/// the status's warning, not a failure every hour.
fn daily(app: &AppHandle) {
    let state = app.state::<AppState>();
    let Some(to) = Settings::load(&state.data_dir).to else { return };
    if to.is_dir() && due(backup::latest(&to).map(|(p, m)| last_backup(&p, &m)).as_ref(), now()) {
        request(app, BackupTrigger::Daily);
    } else {
        let _ = AppEvent::BackupChanged { status: Box::new(status(app)), made: None }.to_chair(app);
    }
}

/// Started once the store is open: reports what the store's own check found when it has
/// finished, then backs up if the newest backup is a day old, and checks that every hour.
pub fn start(app: &AppHandle) {
    let app = app.clone();
    let spawned = std::thread::Builder::new().name("yishi-care".into()).spawn(move || {
        let state = app.state::<AppState>();
        let waited = std::time::Instant::now();
        while !state.store.audit_status().done && waited.elapsed() < AUDIT_WAIT {
            std::thread::sleep(Duration::from_millis(200));
        }
        let health = health_view(&state.store, &state.store.breaks(), state.store.audit_status().done);
        for b in &health.damage {
            log::error!("record damaged: meeting {} ({}) from event {}: {:?}", b.meeting.id, b.meeting.title, b.position, b.kind);
        }
        if !health.notices.is_empty() || !health.damage.is_empty() {
            let _ = AppEvent::HealthChanged { health: Box::new(health) }.to_chair(&app);
        }
        loop {
            daily(&app);
            std::thread::sleep(CHECK_EVERY);
        }
    });
    if let Err(e) = spawned {
        log::error!("cannot start the daily backup check: {e}");
    }
}

// ---- commands

#[tauri::command]
pub fn backup_status(app: AppHandle) -> BackupStatus {
    status(&app)
}

/// Shows the folder dialog; the chosen folder becomes where backups go, and a backup is made
/// there at once unless it holds one of today.
#[tauri::command]
pub async fn choose_backup_folder(app: AppHandle, window: WebviewWindow, locale: UiLocale) -> Result<ChooseOutcome, IpcError> {
    let data_dir = app.state::<AppState>().data_dir.clone();
    let settings = Settings::load(&data_dir);
    let mut dialog = app
        .dialog()
        .file()
        .set_parent(&window)
        .set_title(locale.pick("选择备份文件夹", "Choose the backup folder"));
    if let Some(dir) = settings.to.clone().filter(|d| d.is_dir()).or_else(|| start_dir(&app)) {
        dialog = dialog.set_directory(dir);
    }
    let Some(picked) = in_dialog(move || dialog.blocking_pick_folder()).await? else {
        return Ok(ChooseOutcome::Cancelled);
    };
    let folder = picked.into_path().map_err(IpcError::internal)?;
    if inside(&folder, &data_dir) {
        return Err(IpcError::text(
            "backup_inside_data",
            "备份不能放在议事的数据文件夹里：电脑损坏或丢失时会一起丢失。请选择另一个文件夹或 U 盘。",
            "A backup cannot go inside Yishi's own data folder: it would be lost with the computer. Choose another folder or a USB stick.",
        ));
    }
    Settings { to: Some(folder.clone()), keep: settings.keep }.save(&data_dir).map_err(settings_error)?;
    log::info!("backups go to {}", folder.display());
    app.state::<Care>().job().failure = None;
    let last = backup::latest(&folder).map(|(p, m)| last_backup(&p, &m));
    if due(last.as_ref(), now()) {
        request(&app, BackupTrigger::Chosen);
    }
    Ok(ChooseOutcome::Chosen { status: Box::new(status(&app)) })
}

/// Whether `path` is `dir` or inside it (both as the file system resolves them).
fn inside(path: &Path, dir: &Path) -> bool {
    let canon = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    canon(path).starts_with(canon(dir))
}

/// Starts a backup now (progress and the result come as events); answers with the status.
#[tauri::command]
pub fn backup_now(app: AppHandle) -> Result<BackupStatus, IpcError> {
    let to = Settings::load(&app.state::<AppState>().data_dir).to.ok_or_else(not_set)?;
    if !to.is_dir() {
        return Err(unreachable(&to));
    }
    request(&app, BackupTrigger::Manual);
    Ok(status(&app))
}

/// Shows the folder dialog (a backup, or a folder of them: the newest is used) and restores
/// from it what this computer lacks, then repairs damaged meetings from it. Nothing here is
/// overwritten.
#[tauri::command]
pub async fn restore_backup(app: AppHandle, window: WebviewWindow, locale: UiLocale) -> Result<RestoreOutcome, IpcError> {
    let settings = Settings::load(&app.state::<AppState>().data_dir);
    let mut dialog = app
        .dialog()
        .file()
        .set_parent(&window)
        .set_title(locale.pick("选择要恢复的备份", "Choose the backup to restore from"));
    if let Some(dir) = settings.to.filter(|d| d.is_dir()).or_else(|| start_dir(&app)) {
        dialog = dialog.set_directory(dir);
    }
    let Some(picked) = in_dialog(move || dialog.blocking_pick_folder()).await? else {
        return Ok(RestoreOutcome::Cancelled);
    };
    let chosen = picked.into_path().map_err(IpcError::internal)?;
    let store = &app.state::<AppState>().store;
    let dir = backup::resolve(&chosen).map_err(|e| backup_error(e, store))?;
    let manifest = backup::manifest(&dir).map_err(|e| backup_error(e, store))?;
    app.state::<Care>().begin(Running::Restore)?;
    let worker = app.clone();
    let from = dir.clone();
    let result = tauri::async_runtime::spawn_blocking(move || {
        let state = worker.state::<AppState>();
        state.store.restore(&from, &progress(&worker, CareJob::Restore)).map_err(|e| backup_error(e, &state.store))
    })
    .await;
    end(&app);
    let (restored, repairs) = result.map_err(IpcError::internal)??;
    log::info!("restored {} meetings from {}", restored.added.len(), dir.display());
    let store = &app.state::<AppState>().store;
    let titles = titles(store);
    if !restored.added.is_empty() || !restored.lists.is_empty() || !repairs.is_empty() {
        AppEvent::MeetingsChanged.broadcast(&app)?;
    }
    Ok(RestoreOutcome::Restored {
        backup: last_backup(&dir, &manifest),
        added: restored.added.iter().map(|id| meeting_ref(&titles, *id)).collect(),
        lists: restored
            .lists
            .iter()
            .filter_map(|n| journal_ref(&titles, n.split('.').next().unwrap_or(n)).list)
            .collect(),
        key: restored.key,
        repairs: repairs.iter().map(|r| repair_view(&titles, r)).collect(),
        health: health_view(store, &store.breaks(), store.audit_status().done),
    })
}

/// The record's health as far as it is known now (the start-up check may still be going on).
#[tauri::command]
pub fn store_health(app: AppHandle) -> HealthView {
    let store = &app.state::<AppState>().store;
    health_view(store, &store.breaks(), store.audit_status().done)
}

/// Checks every meeting's two copies now, in full (off the UI's thread: a large archive takes
/// a while).
#[tauri::command]
pub async fn examine_store(app: AppHandle) -> Result<HealthView, IpcError> {
    tauri::async_runtime::spawn_blocking(move || {
        let store = &app.state::<AppState>().store;
        let found = store.examine()?;
        Ok(health_view(store, &found, true))
    })
    .await
    .map_err(IpcError::internal)?
}

/// Repairs every damaged meeting from the copy that verifies, the newest backup in the chosen
/// folder last; then checks again.
#[tauri::command]
pub async fn repair_store(app: AppHandle) -> Result<RepairOutcome, IpcError> {
    let settings = Settings::load(&app.state::<AppState>().data_dir);
    let newest: Option<(PathBuf, Manifest)> = settings.to.filter(|d| d.is_dir()).and_then(|d| backup::latest(&d));
    app.state::<Care>().begin(Running::Repair)?;
    let worker = app.clone();
    let from = newest.as_ref().map(|(p, _)| p.clone());
    let result = tauri::async_runtime::spawn_blocking(move || -> Result<_, IpcError> {
        let store = &worker.state::<AppState>().store;
        let repairs = store.repair(from.as_deref())?; // the roster's and pool's logs too, as notices
        let left = store.examine()?;
        Ok((repairs, health_view(store, &left, true)))
    })
    .await;
    end(&app);
    let (repairs, health) = result.map_err(IpcError::internal)??;
    for r in &repairs {
        log::info!("repair: {r}");
    }
    AppEvent::MeetingsChanged.broadcast(&app)?;
    let titles = titles(&app.state::<AppState>().store);
    Ok(RepairOutcome {
        backup: newest.map(|(p, m)| last_backup(&p, &m)),
        repairs: repairs.iter().map(|r| repair_view(&titles, r)).collect(),
        health,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Time {
        chrono::DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn made(created_at: &str) -> LastBackup {
        LastBackup { name: "yishi-backup-x".into(), created_at: created_at.into(), meetings: 1 }
    }

    #[test]
    fn a_backup_is_due_when_there_is_none_or_the_newest_is_a_day_old() {
        let now = at("2026-05-03T14:00:00+08:00");
        assert!(due(None, now));
        assert!(!due(Some(&made("2026-05-03T01:00:00+00:00")), now), "5 hours old");
        assert!(due(Some(&made("2026-05-02T06:00:00+00:00")), now), "exactly a day old");
        assert!(due(Some(&made("not a time")), now));
    }

    #[test]
    fn the_home_screen_warns_of_no_folder_an_unplugged_one_none_made_and_a_week_old_one() {
        let now = at("2026-05-10T14:00:00+08:00");
        let folder = Path::new("/media/usb/备份");
        assert_eq!(warning(None, false, None, now), Some(BackupWarning::NotSet));
        assert_eq!(warning(Some(folder), false, None, now), Some(BackupWarning::Unreachable));
        assert_eq!(warning(Some(folder), true, None, now), Some(BackupWarning::NoBackup));
        assert_eq!(warning(Some(folder), true, Some(&made("2026-05-09T06:00:00Z")), now), None);
        assert_eq!(warning(Some(folder), true, Some(&made("2026-05-03T06:00:00Z")), now), None, "exactly a week");
        assert_eq!(
            warning(Some(folder), true, Some(&made("2026-05-01T06:00:00Z")), now),
            Some(BackupWarning::Stale { days: 9 })
        );
    }

    #[test]
    fn a_folder_inside_the_data_folder_is_refused() {
        let dir = std::env::temp_dir().join(format!("yishi-inside-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        assert!(inside(&dir, &dir));
        assert!(inside(&dir.join("sub"), &dir));
        assert!(!inside(&std::env::temp_dir(), &dir));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn damage_and_repairs_name_the_meeting_by_title() {
        let dir = std::env::temp_dir().join(format!("yishi-care-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let store = Store::open(&dir).unwrap();
        yishi::demo::install(&store, now()).unwrap();
        let s = store.list().unwrap().remove(0);
        let b = ChainBreak { meeting: s.id, position: 3, kind: BreakKind::JournalDamaged };
        let h = health_view(&store, std::slice::from_ref(&b), true);
        assert_eq!(h.damage, vec![DamageView { meeting: MeetingRef { id: s.id.to_string(), title: s.title.clone() }, position: 3, kind: DamageKind::JournalDamaged }]);
        let r = Repair { meeting: s.id, found: b, from: Some(Source::Store), events: 40, missing: 0 };
        let v = repair_view(&titles(&store), &r);
        assert_eq!((v.meeting.title.as_str(), v.from, v.events), (s.title.as_str(), Some(RepairSource::Store), 40));
        let j = journal_ref(&titles(&store), yishi::store::journal::ROSTER);
        assert_eq!((j.list, j.meeting), (Some(ListKind::Roster), None));
        drop(store);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
