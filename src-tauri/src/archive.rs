//! 街道汇总 — sealed records carried between installations, as the home screen shows it: a
//! community writes its sealed meetings since a date into one signed bundle for its street
//! office (save dialog), the street office imports a community's bundle (open dialog), and sees
//! each community's year against the guideline's minimums (R-FREQ, R-OBSERVE), the matters
//! escalated to the street (R-ESCALATE, R-30DAYS) and the actions overdue (R-IMPLEMENT).
//!
//! The core makes, checks and takes the bundles (`yishi::bundle`) and counts the year
//! (`bundle::office`); this opens the dialogs, reads the clock and the profile, runs one bundle
//! job at a time off the UI's thread, reports its progress through the one emitter (`events`)
//! and words the core's refusals for the panel.

use std::cell::Cell;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use serde::Serialize;
use tauri::{AppHandle, Manager, State, WebviewWindow};
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;
use yishi::bundle::{self, BundleError, MakeOptions};
use yishi::export::InstallationKey;
use yishi::store::receive::ReceiveError;
use yishi::{Store, Time};

use crate::commands::now;
use crate::commands_home::{in_dialog, safe_file_name, start_dir, UiLocale};
use crate::compliance::ComplianceView;
use crate::events::AppEvent;
use crate::ipc::IpcError;
use crate::topics::{topic_view, TopicView};
use crate::views::time;
use crate::AppState;

// ---- what the UI sees

/// The bundle jobs whose progress is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ArchiveJob {
    Export,
    Import,
}

/// One meeting written into a bundle.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct BundleMeetingView {
    pub id: String,
    pub title: String,
    pub scheduled_at: String,
    pub events: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum BundleExportOutcome {
    /// No sealed meeting of this installation's own is scheduled on or after `since`: no dialog
    /// was shown.
    Nothing { since: String },
    Cancelled,
    Saved {
        /// Where the file was written (shown to the chair; never sent back).
        path: String,
        file_name: String,
        kilobytes: u32,
        /// The issuing body the bundle's signature names.
        issuer: String,
        meetings: Vec<BundleMeetingView>,
        /// Signed PDFs carried beside the records (minutes and poster of each meeting).
        documents: u32,
    },
}

/// What an import did with one meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ArrivalKind {
    /// Not held here before.
    New,
    /// Held before; the bundle continues its chain (amendments, publications, actions since).
    Extended,
    /// Held already as it is in the bundle.
    Unchanged,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ArrivedMeetingView {
    pub id: String,
    pub title: String,
    /// Events held now, and how many this bundle added.
    pub events: u32,
    pub added: u32,
    pub kind: ArrivalKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum BundleImportOutcome {
    Cancelled,
    Imported {
        file_name: String,
        /// The issuing community, as its certificate names it.
        community: String,
        key_id: String,
        meetings: Vec<ArrivedMeetingView>,
        documents: u32,
        /// R-ESCALATE: matters forwarded to the street that joined the topic pool.
        escalations: u32,
    },
}

/// The street office's view of one community's year (the installation's own first).
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct CommunityYearView {
    /// As its certificate names it; the own one's from the profile (empty without one).
    pub community: String,
    /// This installation's own record.
    pub own: bool,
    pub key_id: Option<String>,
    /// Meetings held here from it, all years.
    pub meetings: u32,
    pub compliance: ComplianceView,
}

/// A matter escalated to the street (R-ESCALATE), with the community it came from.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct EscalatedView {
    /// None: escalated within this installation's own record.
    pub community: Option<String>,
    pub topic: TopicView,
}

/// An action past its completion time and not reported done (R-IMPLEMENT).
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct OverdueActionView {
    pub community: String,
    pub own: bool,
    pub meeting: String,
    pub title: String,
    pub action: u32,
    pub due: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct OfficeView {
    pub year: i32,
    pub communities: Vec<CommunityYearView>,
    pub escalated: Vec<EscalatedView>,
    pub overdue: Vec<OverdueActionView>,
}

// ---- errors, in both languages

/// "中文 / English" as the core writes its messages, in two.
fn split(text: &str) -> (String, String) {
    text.split_once(" / ").map(|(z, e)| (z.to_string(), e.to_string())).unwrap_or_else(|| (text.to_string(), text.to_string()))
}

fn both(code: &str, text: &str) -> IpcError {
    let (zh, en) = split(text);
    IpcError::text(code, zh, en)
}

/// The core's refusal of a bundle, for the panel: the code says what kind, the text what.
pub fn bundle_error(e: BundleError) -> IpcError {
    match e {
        // The app's way to trust is the settings tab, not the command line the core names.
        BundleError::Untrusted { name, key } => {
            let key: String = key.chars().take(16).collect();
            IpcError::text(
                "bundle_untrusted",
                format!("签发者“{name}”（密钥 {key}）尚未被本机信任。请先取得该社区导出的证书，核对指纹后在“设置与核验 → 信任其他单位的证书”中信任它，再导入。"),
                format!("The issuer “{name}” (key {key}) is not trusted here yet. Get that community's certificate, check its fingerprint, trust it under Settings & verification → Trust another body's certificate, then import."),
            )
        }
        BundleError::Format(f) => both("bundle_format", &f.to_string()),
        BundleError::Contents(what) => {
            let (zh, en) = split(&what);
            IpcError::text("bundle_contents", format!("数据包内容不完整：{zh}"), format!("The bundle's contents are incomplete: {en}"))
        }
        BundleError::Document { name, problem } => {
            let (zh, en) = split(&problem);
            IpcError::text("bundle_document", format!("数据包中的文件“{name}”：{zh}"), format!("The file “{name}” in the bundle: {en}"))
        }
        e @ BundleError::NotSealed { .. } => both("bundle_not_sealed", &e.to_string()),
        e @ BundleError::NotOurs { .. } => both("bundle_not_ours", &e.to_string()),
        e @ BundleError::Nothing => both("bundle_nothing", &e.to_string()),
        BundleError::Receive(ReceiveError::Store(s)) | BundleError::Store(s) => s.into(),
        BundleError::Receive(r) => {
            let code = match &r {
                ReceiveError::Damaged { .. } => "bundle_damaged",
                ReceiveError::NotSealed { .. } => "bundle_not_sealed",
                ReceiveError::Local { .. } => "bundle_local",
                ReceiveError::OtherIssuer { .. } => "bundle_other_issuer",
                ReceiveError::Diverges { .. } => "bundle_diverges",
                ReceiveError::Store(_) => "store_error",
            };
            both(code, &r.to_string())
        }
        BundleError::Export(x) => {
            let code = match &x {
                yishi::export::ExportError::MissingGlyph { .. } => "missing_glyph",
                yishi::export::ExportError::Write { .. } => "write_failed",
                _ => "export_failed",
            };
            both(code, &x.to_string())
        }
    }
}

fn busy() -> IpcError {
    IpcError::text("archive_busy", "正在导出或导入数据包，请等它完成后再试。", "A bundle is being written or imported; try again when it has finished.")
}

fn bad_since(since: &str) -> IpcError {
    let shown: String = since.chars().take(40).collect();
    IpcError::text(
        "bad_since",
        format!("“起始日期”应为日期（年-月-日），而不是“{shown}”"),
        format!("The start date must be a date (YYYY-MM-DD), not “{shown}”"),
    )
}

// ---- one bundle job at a time

static RUNNING: AtomicBool = AtomicBool::new(false);

/// Held while a bundle is written or imported.
struct Running;

impl Running {
    fn begin() -> Result<Running, IpcError> {
        RUNNING.compare_exchange(false, true, Ordering::AcqRel, Ordering::Acquire).map(|_| Running).map_err(|_| busy())
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        RUNNING.store(false, Ordering::Release);
    }
}

/// A progress callback for the core that tells the chair's window at each whole percent.
fn progress(app: &AppHandle, job: ArchiveJob) -> impl Fn(usize, usize) + '_ {
    let last = Cell::new(u32::MAX);
    move |done, total| {
        let pct = (done * 100).checked_div(total).unwrap_or(100) as u32;
        if pct != last.get() || done == total {
            last.set(pct);
            let _ = AppEvent::ArchiveProgress { job, done: done as u32, total: total as u32 }.to_chair(app);
        }
    }
}

fn small(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

// ---- the work, apart from the dialogs (tested below)

/// Midnight of `since` (YYYY-MM-DD) on this computer's clock.
pub fn since_time(since: &str) -> Result<Time, IpcError> {
    let day = chrono::NaiveDate::parse_from_str(since.trim(), "%Y-%m-%d").map_err(|_| bad_since(since))?;
    let midnight = day.and_hms_opt(0, 0, 0).ok_or_else(|| bad_since(since))?;
    midnight.and_local_timezone(chrono::Local).earliest().map(|t| t.fixed_offset()).ok_or_else(|| bad_since(since))
}

/// The name the save dialog suggests: `<社区名>-议事记录-<date>.yishi`.
pub fn suggested_name(community: Option<&str>, today: chrono::NaiveDate, locale: UiLocale) -> String {
    let what = format!("{}-{}", locale.pick("议事记录", "records"), today.format("%Y-%m-%d"));
    safe_file_name(community.unwrap_or("yishi"), &what, bundle::EXT)
}

/// Writes a bundle of `meetings` signed as the profile's issuing body.
pub fn make(store: &Store, data_dir: &Path, meetings: &[yishi::MeetingId], at: Time, progress: &dyn Fn(usize, usize)) -> Result<bundle::Made, IpcError> {
    let key = InstallationKey::load_or_create(data_dir).map_err(|e| bundle_error(e.into()))?;
    let profile = crate::profile::load(data_dir)?;
    let issuer = profile.as_ref().map(|p| p.issuer.clone()).filter(|i| !i.trim().is_empty());
    let community = profile.map(|p| p.community).filter(|c| !c.trim().is_empty());
    let opts = MakeOptions { community, issuer, documents: true, now: at };
    bundle::make(store, &key, meetings, &opts, progress).map_err(bundle_error)
}

fn saved(path: &Path, made: &bundle::Made) -> BundleExportOutcome {
    let m = &made.manifest;
    BundleExportOutcome::Saved {
        path: path.display().to_string(),
        file_name: file_name(path),
        kilobytes: small((made.bytes.len() as u64).div_ceil(1024)),
        issuer: m.issuer.clone(),
        meetings: m
            .meetings
            .iter()
            .map(|l| BundleMeetingView { id: l.id.to_string(), title: l.title.clone(), scheduled_at: time(&l.scheduled_at), events: small(l.events) })
            .collect(),
        documents: m.meetings.iter().map(|l| l.documents.len() as u32).sum(),
    }
}

/// Checks a bundle's bytes and takes its meetings in: all or nothing (the core's `take`).
pub fn import(store: &Store, name: String, bytes: &[u8], at: Time, progress: &dyn Fn(usize, usize)) -> Result<BundleImportOutcome, IpcError> {
    let done = bundle::take(store, bytes, at, progress).map_err(bundle_error)?;
    Ok(BundleImportOutcome::Imported {
        file_name: name,
        community: done.community,
        key_id: done.key_id,
        meetings: done
            .meetings
            .iter()
            .map(|m| ArrivedMeetingView {
                id: m.id.to_string(),
                title: m.title.clone(),
                events: small(m.events),
                added: small(m.added),
                kind: match m.added {
                    0 => ArrivalKind::Unchanged,
                    n if n == m.events => ArrivalKind::New,
                    _ => ArrivalKind::Extended,
                },
            })
            .collect(),
        documents: done.documents as u32,
        escalations: done.escalations as u32,
    })
}

/// The street office's view of `year` as of `now`; `own` names this installation's community.
pub fn office(store: &Store, year: i32, now: Time, own: &str) -> Result<OfficeView, IpcError> {
    let o = bundle::office::overview(store, year, now, own)?;
    let list = store.list()?;
    let title = |id: &yishi::MeetingId| list.iter().find(|s| &s.id == id).map(|s| s.title.clone()).unwrap_or_default();
    let community_of = |id: &yishi::MeetingId| store.received(*id).map(|o| o.community);
    Ok(OfficeView {
        year: o.year,
        communities: o
            .communities
            .iter()
            .map(|c| CommunityYearView {
                community: c.community.clone(),
                own: c.key_id.is_none(),
                key_id: c.key_id.clone(),
                meetings: c.meetings as u32,
                compliance: ComplianceView::from(&c.compliance),
            })
            .collect(),
        escalated: o
            .escalated
            .iter()
            .map(|e| EscalatedView { community: e.topic.escalated_from.as_ref().and_then(|r| community_of(&r.meeting)), topic: topic_view(e, title) })
            .collect(),
        overdue: o
            .overdue
            .iter()
            .map(|a| OverdueActionView {
                community: a.community.clone(),
                own: store.received(a.meeting).is_none(),
                meeting: a.meeting.to_string(),
                title: a.title.clone(),
                action: a.action,
                due: time(&a.due),
            })
            .collect(),
    })
}

/// The profile's community name, if there is one.
fn own_community(data_dir: &Path) -> Result<Option<String>, IpcError> {
    Ok(crate::profile::load(data_dir)?.map(|p| p.community).filter(|c| !c.trim().is_empty()))
}

// ---- commands

/// Writes this installation's sealed meetings scheduled on or after `since` (YYYY-MM-DD) into
/// one bundle for the street office: the save dialog first, then the bundle with its progress
/// as `archive_progress` events. With nothing sealed since then, says so without a dialog.
#[tauri::command]
pub async fn export_bundle(app: AppHandle, window: WebviewWindow, state: State<'_, AppState>, since: String, locale: UiLocale) -> Result<BundleExportOutcome, IpcError> {
    let from = since_time(&since)?;
    let meetings = bundle::sealed_since(&state.store, from).map_err(bundle_error)?;
    if meetings.is_empty() {
        return Ok(BundleExportOutcome::Nothing { since });
    }
    let suggested = suggested_name(own_community(&state.data_dir)?.as_deref(), now().date_naive(), locale);
    let mut dialog = app
        .dialog()
        .file()
        .set_parent(&window)
        .set_title(locale.pick("导出给街道的数据包", "Save the bundle for the street office"))
        .set_file_name(&suggested)
        .add_filter(locale.pick("议事数据包", "Yishi bundle"), &[bundle::EXT]);
    if let Some(dir) = start_dir(&app) {
        dialog = dialog.set_directory(dir);
    }
    let Some(picked) = in_dialog(move || dialog.blocking_save_file()).await? else {
        return Ok(BundleExportOutcome::Cancelled);
    };
    let path = picked.into_path().map_err(IpcError::internal)?;
    let running = Running::begin()?;
    let worker = app.clone();
    let to = path.clone();
    let made = tauri::async_runtime::spawn_blocking(move || -> Result<bundle::Made, IpcError> {
        let state = worker.state::<AppState>();
        let made = make(&state.store, &state.data_dir, &meetings, now(), &progress(&worker, ArchiveJob::Export))?;
        yishi::export::write_atomic(&to, &made.bytes).map_err(|e| bundle_error(e.into()))?;
        Ok(made)
    })
    .await
    .map_err(IpcError::internal)??;
    drop(running);
    log::info!("bundle of {} meetings written to {}", made.manifest.meetings.len(), path.display());
    Ok(saved(&path, &made))
}

/// Shows the open dialog for a community's bundle and imports it: every signature and chain
/// checked, then its meetings added read-only under their community, or nothing at all.
#[tauri::command]
pub async fn import_bundle(app: AppHandle, window: WebviewWindow, locale: UiLocale) -> Result<BundleImportOutcome, IpcError> {
    let mut dialog = app
        .dialog()
        .file()
        .set_parent(&window)
        .set_title(locale.pick("选择社区数据包", "Choose a community's bundle"))
        .add_filter(locale.pick("议事数据包", "Yishi bundle"), &[bundle::EXT, "YISHI"]);
    if let Some(dir) = start_dir(&app) {
        dialog = dialog.set_directory(dir);
    }
    let Some(picked) = in_dialog(move || dialog.blocking_pick_file()).await? else {
        return Ok(BundleImportOutcome::Cancelled);
    };
    let path = picked.into_path().map_err(IpcError::internal)?;
    let running = Running::begin()?;
    let worker = app.clone();
    let from = path.clone();
    let outcome = tauri::async_runtime::spawn_blocking(move || -> Result<BundleImportOutcome, IpcError> {
        let name = file_name(&from);
        // A file picked by mistake (a video, a PDF) is named as such before it is read whole.
        let head = read_head(&from)?;
        if !head.starts_with(bundle::format::MAGIC) {
            return Err(bundle_error(bundle::format::FormatError::NotABundle.into()));
        }
        let bytes = std::fs::read(&from).map_err(|e| unreadable(&name, &e))?;
        let state = worker.state::<AppState>();
        import(&state.store, name, &bytes, now(), &progress(&worker, ArchiveJob::Import))
    })
    .await
    .map_err(IpcError::internal)??;
    drop(running);
    if let BundleImportOutcome::Imported { community, meetings, .. } = &outcome {
        log::info!("imported {} meetings from {community} ({})", meetings.len(), path.display());
    }
    AppEvent::MeetingsChanged.broadcast(&app)?;
    Ok(outcome)
}

fn unreadable(name: &str, e: &dyn std::fmt::Display) -> IpcError {
    IpcError::text("file_unreadable", format!("无法读取 {name}：{e}"), format!("Cannot read {name}: {e}"))
}

fn read_head(path: &Path) -> Result<Vec<u8>, IpcError> {
    use std::io::Read;
    let name = file_name(path);
    let mut head = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(bundle::format::MAGIC.len() as u64).read_to_end(&mut head))
        .map_err(|e| unreadable(&name, &e))?;
    Ok(head)
}

/// The street office's view of `year` (this year by default), as of now.
#[tauri::command]
pub async fn street_overview(state: State<'_, AppState>, year: Option<i32>) -> Result<OfficeView, IpcError> {
    use chrono::Datelike;
    let now = now();
    let own = own_community(&state.data_dir)?.unwrap_or_default();
    office(&state.store, year.unwrap_or(now.year()), now, &own)
}

#[cfg(test)]
mod tests {
    use super::*;
    use yishi::export::trust;

    fn fresh(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("yishi-archive-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn the_start_date_is_a_day_and_a_bad_one_names_the_field() {
        let t = since_time("2026-01-01").unwrap();
        assert_eq!(t.format("%Y-%m-%d %H:%M").to_string(), "2026-01-01 00:00");
        let e = since_time("2026-13-01").unwrap_err();
        assert_eq!(e.code, "bad_since");
        assert!(e.message_zh.contains("“起始日期”") && e.message_en.contains("start date"), "{e:?}");
    }

    #[test]
    fn the_suggested_name_is_the_community_and_the_day() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(suggested_name(Some("莲花一村社区"), day, UiLocale::Zh), "莲花一村社区-议事记录-2026-12-01.yishi");
        assert_eq!(suggested_name(Some("a/b"), day, UiLocale::En), "a_b-records-2026-12-01.yishi");
        assert_eq!(suggested_name(None, day, UiLocale::Zh), "yishi-议事记录-2026-12-01.yishi");
    }

    #[test]
    fn errors_keep_the_core_s_words_in_each_language() {
        let e = bundle_error(BundleError::Document { name: "pdf/x/minutes.pdf".into(), problem: "签发者与数据包不同 / signed by another issuer than the bundle".into() });
        assert_eq!(e.code, "bundle_document");
        assert_eq!(e.message_zh, "数据包中的文件“pdf/x/minutes.pdf”：签发者与数据包不同");
        assert_eq!(e.message_en, "The file “pdf/x/minutes.pdf” in the bundle: signed by another issuer than the bundle");
        let e = bundle_error(bundle::format::FormatError::Changed.into());
        assert_eq!((e.code.as_str(), e.message_zh.as_str()), ("bundle_format", "数据包的签名不符：签名之后有内容被改动"));
        assert!(e.message_en.starts_with("the bundle's signature does not match"), "{}", e.message_en);
    }

    /// A community makes a bundle of its year; a street office refuses it until it trusts the
    /// community's certificate, then takes it in once: a second import changes nothing.
    #[test]
    fn a_community_s_year_travels_to_the_street_office() {
        let community = fresh("community");
        let office_dir = fresh("office");
        let a = Store::open(&community).unwrap();
        let at = now();
        yishi::demo::install(&a, at).unwrap();
        yishi::community::profile::Profile::new("莲花一村社区", "", "", "").unwrap().save(&community).unwrap();
        let ids = bundle::sealed_since(&a, since_time("2000-01-01").unwrap()).unwrap();
        assert_eq!(ids.len(), 1, "the demo's sealed meeting");
        let seen = std::sync::Mutex::new(Vec::new());
        let made = make(&a, &community, &ids, at, &|d, t| seen.lock().unwrap().push((d, t))).unwrap();
        assert_eq!(seen.lock().unwrap().last(), Some(&(1, 1)));
        let BundleExportOutcome::Saved { meetings, documents, issuer, file_name, .. } = saved(Path::new("/u/莲花一村社区-议事记录.yishi"), &made) else { panic!() };
        assert_eq!((meetings.len(), documents, issuer.as_str(), file_name.as_str()), (1, 2, "莲花一村社区居民委员会", "莲花一村社区-议事记录.yishi"));

        let b = Store::open(&office_dir).unwrap();
        let e = import(&b, "x.yishi".into(), &made.bytes, at, &|_, _| {}).unwrap_err();
        assert_eq!(e.code, "bundle_untrusted");
        assert!(e.message_zh.contains("莲花一村社区居民委员会") && e.message_zh.contains("设置与核验"), "{}", e.message_zh);
        assert!(b.list().unwrap().is_empty(), "nothing of a refused bundle is imported");

        let cert = InstallationKey::load(&community).unwrap().document_signer(Some("莲花一村社区居民委员会")).unwrap().certificate_der();
        trust::trust(&office_dir, &cert).unwrap();
        let BundleImportOutcome::Imported { community: from, meetings, documents, .. } = import(&b, "x.yishi".into(), &made.bytes, at, &|_, _| {}).unwrap() else { panic!() };
        assert_eq!(from, "莲花一村社区", "the community by its profile's name, not its issuing body");
        assert_eq!((meetings.len(), meetings[0].kind, documents), (1, ArrivalKind::New, 2));
        assert_eq!(meetings[0].added, meetings[0].events);
        let BundleImportOutcome::Imported { meetings, .. } = import(&b, "x.yishi".into(), &made.bytes, at, &|_, _| {}).unwrap() else { panic!() };
        assert_eq!((meetings[0].kind, meetings[0].added), (ArrivalKind::Unchanged, 0));

        // The office: its own (empty) record first, then the community, with the meeting.
        use chrono::Datelike;
        let sealed_year = b.list().unwrap()[0].scheduled_at.year();
        let v = office(&b, sealed_year, at, "").unwrap();
        let names: Vec<(&str, bool, u32)> = v.communities.iter().map(|c| (c.community.as_str(), c.own, c.meetings)).collect();
        assert_eq!(names, [("", true, 0), ("莲花一村社区", false, 1)]);
        assert!(v.communities[1].compliance.forms.iter().any(|f| f.in_use && f.held == 1), "{:?}", v.communities[1].compliance);

        // Bytes changed in transit: refused, naming what is wrong.
        let mut bad = made.bytes.clone();
        let mid = bad.len() / 2;
        bad[mid] ^= 1;
        assert_eq!(import(&b, "x.yishi".into(), &bad, at, &|_, _| {}).unwrap_err().code, "bundle_format");
        drop((a, b));
        let _ = std::fs::remove_dir_all(&community);
        let _ = std::fs::remove_dir_all(&office_dir);
    }
}
