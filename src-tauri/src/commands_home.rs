//! IPC commands of the home screen: the setup options (levels, forms per level, groups, roles,
//! vote rules, from the core), the community roster (list, add or edit, remove, CSV import) and
//! the exports (minutes, poster, notice, online text).
//!
//! Files: the webview never names a path. For an import the shell shows the open dialog and
//! reads the file itself; for an export it renders the document, shows the save dialog, writes
//! the bytes with the core's atomic writer and opens a PDF in the system viewer (opener plugin).
//! The only path that crosses IPC goes out to the UI, to say where a file was saved.
//! The core decides every rule: forms per level (R-FORMS), the person checks (R-PARTIES), the
//! CSV rows (all or none), whether a document is a draft.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Manager, State, WebviewWindow};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;
use ts_rs::TS;
use yishi::i18n::{self, Locale};
use yishi::community::{CommunityCommand, CommunityIntent};
use yishi::people::Person;

use yishi::roster::RowError;
use yishi::setup::{Form, Level};
use yishi::{MeetingId, PersonId};

use crate::dto;
use crate::commands::now;
use crate::ipc::IpcError;
use crate::views::Label;
use crate::AppState;

fn label(f: impl Fn(Locale) -> &'static str) -> Label {
    Label { zh: f(Locale::Zh).to_string(), en: f(Locale::En).to_string() }
}

fn meeting_id(s: &str) -> Result<MeetingId, IpcError> {
    s.parse().map_err(|_| IpcError::bad_request(format!("meeting id \"{s}\"")))
}

/// An error with one bilingual text, as the core's IO errors are ("中文 / English").
fn bilingual(code: &str, text: String) -> IpcError {
    IpcError { code: code.into(), rule: None, message_zh: text.clone(), message_en: text }
}

// ---- setup options

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct FormOption {
    pub form: dto::Form,
    pub label: Label,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct LevelOption {
    pub level: dto::Level,
    pub label: Label,
    /// The forms of this level (R-FORMS), in the guideline's order.
    pub forms: Vec<FormOption>,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct GroupOption {
    pub group: dto::PartyGroup,
    pub label: Label,
    pub short: Label,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct RoleOption {
    pub role: dto::Role,
    pub label: Label,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct VoteRuleOption {
    pub rule: dto::VoteRule,
    pub label: Label,
}

/// What the create-meeting form offers, all from the core and its catalog.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct SetupOptions {
    pub levels: Vec<LevelOption>,
    pub groups: Vec<GroupOption>,
    pub roles: Vec<RoleOption>,
    pub vote_rules: Vec<VoteRuleOption>,
    pub default_vote_rule: dto::VoteRule,
    pub default_turn_limit_secs: u32,
}

fn vote_rule_dto(r: yishi::vote::VoteRule) -> dto::VoteRule {
    use yishi::vote::VoteRule as V;
    match r {
        V::HalfOrMore => dto::VoteRule::HalfOrMore,
        V::MoreThanHalf => dto::VoteRule::MoreThanHalf,
        V::TwoThirds => dto::VoteRule::TwoThirds,
    }
}

pub fn setup_options_view() -> SetupOptions {
    use yishi::people::{PartyGroup, Role};
    use yishi::vote::VoteRule;
    let levels = [Level::Street, Level::Community]
        .into_iter()
        .map(|level| LevelOption {
            level: level.into(),
            label: label(|l| i18n::level_label(level, l)),
            forms: Form::ALL
                .into_iter()
                .filter(|f| f.level() == level)
                .map(|f| FormOption { form: f.into(), label: label(|l| i18n::form_label(f, l)) })
                .collect(),
        })
        .collect();
    SetupOptions {
        levels,
        groups: PartyGroup::ALL
            .into_iter()
            .map(|g| GroupOption {
                group: g.into(),
                label: label(|l| i18n::group_label(g, l)),
                short: label(|l| i18n::group_short(g, l)),
            })
            .collect(),
        roles: [Role::Member, Role::Attendee, Role::Observer]
            .into_iter()
            .map(|r| RoleOption { role: r.into(), label: label(|l| i18n::role_label(r, l)) })
            .collect(),
        vote_rules: [VoteRule::HalfOrMore, VoteRule::MoreThanHalf, VoteRule::TwoThirds]
            .into_iter()
            .map(|r| VoteRuleOption { rule: vote_rule_dto(r), label: label(|l| i18n::rule_label(r, l)) })
            .collect(),
        default_vote_rule: vote_rule_dto(VoteRule::default()),
        default_turn_limit_secs: yishi::setup::default_turn_limit(),
    }
}

#[tauri::command]
pub fn setup_options() -> SetupOptions {
    setup_options_view()
}

// ---- the roster

/// A person on the community roster, as the UI shows it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct PersonView {
    pub id: String,
    pub name: String,
    pub group: dto::PartyGroup,
    pub group_label: Label,
    pub two_committees: bool,
}

impl From<&Person> for PersonView {
    fn from(p: &Person) -> Self {
        PersonView {
            id: p.id.to_string(),
            name: p.name.clone(),
            group: p.group.into(),
            group_label: label(|l| i18n::group_label(p.group, l)),
            two_committees: p.two_committees,
        }
    }
}

/// A person as the add/edit form sends it. `id` empty on a new person: the shell numbers it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PersonInput {
    pub id: String,
    pub name: String,
    pub group: dto::PartyGroup,
    pub two_committees: bool,
    /// True when editing someone already on the roster; false adds a new person.
    pub existing: bool,
}

fn roster_view(state: &AppState) -> Result<Vec<PersonView>, IpcError> {
    Ok(state.store.roster()?.iter().map(PersonView::from).collect())
}

#[tauri::command]
pub async fn list_roster(state: State<'_, AppState>) -> Result<Vec<PersonView>, IpcError> {
    roster_view(&state)
}

/// Adds a person (an empty id takes the next free one) or changes one; resolves to the whole
/// roster. The core checks it against the roster's log (R-PARTIES).
#[tauri::command]
pub async fn save_person(state: State<'_, AppState>, person: PersonInput) -> Result<Vec<PersonView>, IpcError> {
    let group = serde_json::from_value(serde_json::to_value(person.group).map_err(IpcError::internal)?)
        .map_err(IpcError::internal)?;
    let p = Person { id: PersonId(person.id), name: person.name, group, two_committees: person.two_committees };
    let intent = if person.existing { CommunityIntent::ChangePerson { person: p } } else { CommunityIntent::AddPerson { person: p } };
    state.store.record(&CommunityCommand { at: now(), intent })?;
    roster_view(&state)
}

/// Takes a person off the roster. Meetings keep their own copy of who took part.
#[tauri::command]
pub async fn remove_person(state: State<'_, AppState>, id: String) -> Result<Vec<PersonView>, IpcError> {
    state.store.record(&CommunityCommand { at: now(), intent: CommunityIntent::RemovePerson { id: PersonId(id) } })?;
    roster_view(&state)
}

/// One bad row of a CSV import, by line, as the core reports it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct RowErrorView {
    pub line: u32,
    pub field: String,
    pub message_zh: String,
    pub message_en: String,
}

impl From<&RowError> for RowErrorView {
    fn from(e: &RowError) -> Self {
        RowErrorView {
            line: e.line as u32,
            field: serde_json::to_value(e.field).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default(),
            message_zh: e.message_zh.clone(),
            message_en: e.message_en.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum ImportOutcome {
    /// The dialog was closed without a file.
    Cancelled,
    /// Every row was good: all stored in one batch. `updated` of them were already on the roster.
    Imported { file_name: String, count: u32, updated: u32, encoding: String, roster: Vec<PersonView> },
    /// At least one row was bad: nothing stored.
    Rejected { file_name: String, errors: Vec<RowErrorView> },
}

/// Largest roster file read (a roster of thousands is well under this).
pub const MAX_ROSTER_BYTES: u64 = 4 * 1024 * 1024;

pub use yishi::roster::decode_csv;

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Reads a roster file the shell was handed by its own open dialog and imports it, all rows or
/// none.
pub fn import_file(store: &yishi::Store, path: &Path) -> Result<ImportOutcome, IpcError> {
    let name = file_name(path);
    let unreadable = |e: &dyn std::fmt::Display| {
        bilingual("file_unreadable", format!("无法读取 {name}：{e} / cannot read {name}: {e}"))
    };
    let size = std::fs::metadata(path).map_err(|e| unreadable(&e))?.len();
    if size > MAX_ROSTER_BYTES {
        let mb = MAX_ROSTER_BYTES / (1024 * 1024);
        return Err(bilingual(
            "file_too_large",
            format!("{name} 超过 {mb} MB，不像名册文件 / {name} is larger than {mb} MB: not a roster"),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| unreadable(&e))?;
    let (text, encoding) = decode_csv(&bytes);
    match yishi::roster::parse_csv(&text) {
        Err(errors) => Ok(ImportOutcome::Rejected { file_name: name, errors: errors.iter().map(RowErrorView::from).collect() }),
        Ok(people) => {
            let before = store.roster()?;
            let updated = people.iter().filter(|p| before.iter().any(|q| q.id == p.id)).count();
            store.record(&CommunityCommand { at: now(), intent: CommunityIntent::ImportPeople { people: people.clone() } })?;
            Ok(ImportOutcome::Imported {
                file_name: name,
                count: people.len() as u32,
                updated: updated as u32,
                encoding: encoding.to_string(),
                roster: store.roster()?.iter().map(PersonView::from).collect(),
            })
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum UiLocale {
    Zh,
    En,
}

impl UiLocale {
    fn core(self) -> Locale {
        match self {
            UiLocale::Zh => Locale::Zh,
            UiLocale::En => Locale::En,
        }
    }
    pub(crate) fn pick(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            UiLocale::Zh => zh,
            UiLocale::En => en,
        }
    }
}

/// Shows a file dialog off the main thread and waits for it (the plugin runs it on the main
/// thread and answers through a channel).
pub(crate) async fn in_dialog<T: Send + 'static>(
    f: impl FnOnce() -> Option<T> + Send + 'static,
) -> Result<Option<T>, IpcError> {
    tauri::async_runtime::spawn_blocking(f).await.map_err(IpcError::internal)
}

pub(crate) fn start_dir(app: &AppHandle) -> Option<PathBuf> {
    app.path().document_dir().ok().filter(|d| d.is_dir()).or_else(|| app.path().home_dir().ok())
}

/// Shows the open dialog for a roster CSV, reads the chosen file and imports it.
#[tauri::command]
pub async fn import_roster(
    app: AppHandle,
    window: WebviewWindow,
    state: State<'_, AppState>,
    locale: UiLocale,
) -> Result<ImportOutcome, IpcError> {
    let mut dialog = app
        .dialog()
        .file()
        .set_parent(&window)
        .set_title(locale.pick("导入名册（CSV 文件）", "Import roster (CSV file)"))
        .add_filter(locale.pick("CSV 表格", "CSV table"), &["csv", "CSV", "txt"]);
    if let Some(dir) = start_dir(&app) {
        dialog = dialog.set_directory(dir);
    }
    let Some(picked) = in_dialog(move || dialog.blocking_pick_file()).await? else {
        return Ok(ImportOutcome::Cancelled);
    };
    let path = picked.into_path().map_err(IpcError::internal)?;
    import_file(&state.store, &path)
}

// ---- exports

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportKind {
    /// 会议记录 (A4): a watermarked draft until the record is sealed.
    Minutes,
    /// 公示 for the notice board, A4 or A3.
    Poster,
    /// 会议通知 (R-NOTICE5).
    Notice,
    /// The results as Markdown / plain text for WeChat groups and websites.
    Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PaperSize {
    A4,
    A3,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum ExportOutcome {
    Cancelled,
    Saved {
        /// Where the file was written (shown to the chair; never sent back).
        path: String,
        file_name: String,
        bytes: u32,
        /// Printed with the 草稿 watermark / draft marking (the record is not sealed yet).
        draft: bool,
        /// Opened in the system viewer for printing (PDFs only).
        opened: bool,
    },
}

/// A file name from a meeting title: no path separators or characters file systems refuse.
pub fn safe_file_name(title: &str, suffix: &str, ext: &str) -> String {
    let mut base: String = title
        .chars()
        .map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { '_' } else { c })
        .collect::<String>()
        .trim()
        .trim_start_matches('.')
        .chars()
        .take(60)
        .collect();
    if base.is_empty() {
        base = "yishi".into();
    }
    format!("{base}-{suffix}.{ext}")
}

/// The document's bytes, whether it carries the draft marking, and a file name to suggest.
/// `issuer` is the body that signs a poster or notice (发布单位), given for this export; blank
/// takes the community's profile (which also gives the notice's booking lines), and without a
/// profile leaves a line to write on.
pub fn render_export(
    store: &yishi::Store,
    data_dir: &Path,
    meeting: MeetingId,
    kind: ExportKind,
    paper: PaperSize,
    locale: UiLocale,
    issuer: Option<&str>,
) -> Result<(Vec<u8>, bool, String), IpcError> {
    use yishi::export::{self, InstallationKey, Options, Paper, Source};
    let export_err = |e: export::ExportError| {
        let code = match &e {
            export::ExportError::MissingGlyph { .. } => "missing_glyph",
            export::ExportError::NotSealed => "not_sealed",
            export::ExportError::Write { .. } => "write_failed",
            _ => "export_failed",
        };
        bilingual(code, e.to_string())
    };
    let snap = store.snapshot(meeting)?;
    let key = InstallationKey::load_or_create(data_dir).map_err(export_err)?;
    // Anything not sealed yet is printed as a draft (the core puts the watermark on it).
    let draft = !snap.meeting.is_sealed() && kind != ExportKind::Notice;
    let paper = match (kind, paper) {
        (ExportKind::Poster, PaperSize::A3) => Paper::A3,
        _ => Paper::A4,
    };
    let issuer = issuer.map(str::trim).filter(|i| !i.is_empty()).map(str::to_string);
    let profile = crate::profile::load(data_dir)?;
    let opts = Options { paper, draft, locale: locale.core(), issuer, booking_contact: None, booking_venue: None }
        .with_profile(profile.as_ref());
    let blob = |h: &str| store.blob(h).ok().flatten();
    let src = Source { snap: &snap, blob: &blob };
    let title = &snap.meeting.title;
    let (bytes, name) = match kind {
        ExportKind::Minutes => (
            export::minutes(&src, &key, &opts),
            safe_file_name(title, locale.pick(if draft { "会议记录草稿" } else { "会议记录" }, if draft { "minutes-draft" } else { "minutes" }), "pdf"),
        ),
        ExportKind::Poster => (
            export::poster(&src, &key, &opts),
            safe_file_name(
                title,
                match (paper, draft) {
                    (Paper::A3, false) => locale.pick("公示-A3", "poster-A3"),
                    (Paper::A4, false) => locale.pick("公示-A4", "poster-A4"),
                    (Paper::A3, true) => locale.pick("公示草稿-A3", "poster-draft-A3"),
                    (Paper::A4, true) => locale.pick("公示草稿-A4", "poster-draft-A4"),
                },
                "pdf",
            ),
        ),
        ExportKind::Notice => (export::notice(&src, &key, &opts), safe_file_name(title, locale.pick("会议通知", "notice"), "pdf")),
        ExportKind::Text => (
            export::text(&snap, &key, &opts).map(String::into_bytes),
            safe_file_name(title, locale.pick(if draft { "公示文字草稿" } else { "公示文字" }, if draft { "results-draft" } else { "results" }), "md"),
        ),
    };
    Ok((bytes.map_err(export_err)?, draft, name))
}

/// Renders a document of `meeting`, asks where to save it, writes it atomically and opens a
/// PDF in the system viewer.
#[tauri::command]
pub async fn export_document(
    app: AppHandle,
    window: WebviewWindow,
    state: State<'_, AppState>,
    meeting: String,
    kind: ExportKind,
    paper: PaperSize,
    locale: UiLocale,
    issuer: Option<String>,
) -> Result<ExportOutcome, IpcError> {
    let id = meeting_id(&meeting)?;
    // Render first: a document that cannot be made (a missing glyph) is reported before the
    // chair picks a file.
    let (bytes, draft, suggested) = render_export(&state.store, &state.data_dir, id, kind, paper, locale, issuer.as_deref())?;
    let pdf = kind != ExportKind::Text;
    let mut dialog = app
        .dialog()
        .file()
        .set_parent(&window)
        .set_title(locale.pick("保存文件", "Save file"))
        .set_file_name(&suggested);
    dialog = if pdf {
        dialog.add_filter("PDF", &["pdf"])
    } else {
        dialog.add_filter(locale.pick("文本（Markdown）", "Text (Markdown)"), &["md", "txt"])
    };
    if let Some(dir) = start_dir(&app) {
        dialog = dialog.set_directory(dir);
    }
    let Some(picked) = in_dialog(move || dialog.blocking_save_file()).await? else {
        return Ok(ExportOutcome::Cancelled);
    };
    let path = picked.into_path().map_err(IpcError::internal)?;
    yishi::export::write_atomic(&path, &bytes).map_err(|e| bilingual("write_failed", e.to_string()))?;
    let opened = pdf
        && match app.opener().open_path(path.to_string_lossy(), None::<&str>) {
            Ok(()) => true,
            Err(e) => {
                log::warn!("could not open {} in the system viewer: {e}", path.display());
                false
            }
        };
    log::info!("exported {kind:?} of {id} to {}", path.display());
    Ok(ExportOutcome::Saved {
        file_name: file_name(&path),
        path: path.display().to_string(),
        bytes: bytes.len() as u32,
        draft,
        opened,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_per_level_come_from_the_core() {
        let o = setup_options_view();
        assert_eq!(o.levels.len(), 2);
        assert_eq!(o.levels[0].forms.len(), 6);
        assert_eq!(o.levels[1].forms.len(), 9);
        assert_eq!(o.levels[1].label.zh, i18n::level_label(Level::Community, Locale::Zh));
        assert_eq!(o.groups.len(), 6);
        assert_eq!(o.roles.len(), 3);
        assert_eq!(o.vote_rules.len(), 3);
        assert_eq!(o.default_turn_limit_secs, 180);
    }

    #[test]
    fn file_names_lose_separators_and_keep_chinese() {
        assert_eq!(safe_file_name("幸福社区/议事会", "会议记录", "pdf"), "幸福社区_议事会-会议记录.pdf");
        assert_eq!(safe_file_name("../..", "x", "pdf"), "_..-x.pdf");
        assert_eq!(safe_file_name("", "x", "md"), "yishi-x.md");
    }

    #[test]
    fn csv_is_read_as_utf8_or_gb18030() {
        assert_eq!(decode_csv("编号,姓名".as_bytes()), ("编号,姓名".to_string(), "UTF-8"));
        let (gbk, _, _) = encoding_rs::GBK.encode("编号,姓名,类别\np1,李卫东,3\n");
        let (text, enc) = decode_csv(&gbk);
        assert_eq!(enc, "GB18030");
        assert_eq!(text, "编号,姓名,类别\np1,李卫东,3\n");
    }

    #[test]
    fn an_import_is_all_rows_or_none() {
        let dir = std::env::temp_dir().join(format!("yishi-import-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::create_dir_all(dir.join("data")).unwrap();
        let store = yishi::Store::open(&dir.join("data")).unwrap();
        let bad = dir.join("bad.csv");
        std::fs::write(&bad, "编号,姓名,类别\np1,李卫东,3\np2,,3\np3,张敏,9\n").unwrap();
        match import_file(&store, &bad).unwrap() {
            ImportOutcome::Rejected { file_name, errors } => {
                assert_eq!(file_name, "bad.csv");
                assert_eq!(errors.iter().map(|e| e.line).collect::<Vec<_>>(), vec![3, 4]);
                assert_eq!(errors[0].field, "name");
            }
            other => panic!("{other:?}"),
        }
        assert!(store.roster().unwrap().is_empty(), "nothing half-imported");
        let good = dir.join("good.csv");
        std::fs::write(&good, "编号,姓名,类别,两委\np1,李卫东,3,是\np2,王秀英,3,否\n").unwrap();
        match import_file(&store, &good).unwrap() {
            ImportOutcome::Imported { count, updated, roster, .. } => {
                assert_eq!((count, updated, roster.len()), (2, 0, 2));
            }
            other => panic!("{other:?}"),
        }
        drop(store);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_issuing_body_is_printed_when_given_and_a_blank_one_leaves_the_line() {
        let dir = std::env::temp_dir().join(format!("yishi-issuer-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let store = yishi::Store::open(&dir).unwrap();
        yishi::demo::install(&store, chrono::Local::now().fixed_offset()).unwrap();
        let sealed = store.list().unwrap().into_iter().find(|m| m.phase == yishi::state::Phase::Sealed).unwrap().id;
        let text = |issuer| {
            let (bytes, draft, name) =
                render_export(&store, &dir, sealed, ExportKind::Text, PaperSize::A4, UiLocale::Zh, issuer).unwrap();
            assert!(!draft);
            assert!(name.ends_with(".md"));
            String::from_utf8(bytes).unwrap()
        };
        assert!(text(Some("  幸福社区居民委员会 ")).contains("幸福社区居民委员会"));
        let blank = text(Some("   "));
        assert!(!blank.contains("居民委员会"));
        assert_eq!(blank, text(None));
        drop(store);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
