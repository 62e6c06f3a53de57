//! 搜索 on the home screen: the archive's full-text search (`yishi::search`) as the UI sees it.
//! The index is opened once, on a thread of its own when the app starts (building it, the first
//! time, takes a while on a large archive), and kept in the app's state; before each query it is
//! caught up with the record (`Archive::refresh`: the store's chain heads against those indexed),
//! so whatever wrote to the record since — an intent, a restore, an import — is found.

use std::sync::{Mutex, MutexGuard};

use serde::Serialize;
use tauri::{AppHandle, Manager};
use ts_rs::TS;
use yishi::i18n::{self, Locale};
use yishi::search::{Archive, Field, Hit, Opened, SearchError};

use crate::dto::{Form, Level};
use crate::ipc::IpcError;
use crate::views::{time, Label};
use crate::AppState;

/// The most results the home screen shows.
pub const LIMIT: usize = 30;

/// The archive, once opened (`None` until then, or after it could not be).
#[derive(Default)]
pub struct Search(Mutex<Option<Archive>>);

/// Where a hit's passage was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SearchField {
    Title,
    Agenda,
    Resolution,
    Background,
    Amendment,
    Name,
    Speech,
}

impl From<Field> for SearchField {
    fn from(f: Field) -> Self {
        match f {
            Field::Title => SearchField::Title,
            Field::Agenda => SearchField::Agenda,
            Field::Resolution => SearchField::Resolution,
            Field::Background => SearchField::Background,
            Field::Amendment => SearchField::Amendment,
            Field::Name => SearchField::Name,
            Field::Speech => SearchField::Speech,
        }
    }
}

/// A piece of the passage: what matched (`mark`) or the text around it. The UI renders both
/// as text, the matches in `<mark>`.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct SnippetPart {
    pub text: String,
    pub mark: bool,
}

/// One meeting found, best first.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct SearchHitView {
    pub meeting: String,
    pub title: String,
    pub scheduled_at: String,
    pub level: Level,
    pub level_label: Label,
    pub form: Form,
    pub form_label: Label,
    pub field: SearchField,
    pub field_label: Label,
    pub snippet: Vec<SnippetPart>,
}

impl From<&Hit> for SearchHitView {
    fn from(h: &Hit) -> Self {
        SearchHitView {
            meeting: h.meeting.to_string(),
            title: h.title.clone(),
            scheduled_at: time(&h.scheduled_at),
            level: h.level.into(),
            level_label: Label::of(|l| i18n::level_label(h.level, l)),
            form: h.form.into(),
            form_label: Label::of(|l| i18n::form_label(h.form, l)),
            field: h.field.into(),
            field_label: Label { zh: h.field.label_zh().into(), en: h.field.label_en().into() },
            snippet: h.snippet.iter().map(|s| SnippetPart { text: s.text.clone(), mark: s.mark }).collect(),
        }
    }
}

/// Bad input names its field; the UI branches on the code.
impl From<SearchError> for IpcError {
    fn from(e: SearchError) -> Self {
        IpcError { code: e.code().into(), rule: None, message_zh: e.message(Locale::Zh), message_en: e.message(Locale::En) }
    }
}

/// The archive, opened (or built) now if it is not yet, and caught up with the record.
fn archive<'a>(app: &'a AppHandle, search: &'a Search) -> Result<MutexGuard<'a, Option<Archive>>, SearchError> {
    let store = &app.state::<AppState>().store;
    let mut guard = search.0.lock().unwrap_or_else(|e| e.into_inner());
    match guard.as_mut() {
        Some(archive) => {
            archive.refresh(store)?;
        }
        None => {
            let archive = Archive::open(store)?;
            match archive.opened() {
                Opened::Rebuilt(why) => log::warn!("the search index could not be used ({why}): rebuilt"),
                Opened::Created => log::info!("search index built: {} meetings", archive.len()),
                Opened::Kept => {}
            }
            *guard = Some(archive);
        }
    }
    Ok(guard)
}

/// Opens the archive on a thread of its own once the store is open, so the first query finds it
/// ready (a query meanwhile waits for it).
pub fn start(app: &AppHandle) {
    let app = app.clone();
    let spawned = std::thread::Builder::new().name("yishi-search".into()).spawn(move || {
        if let Err(e) = archive(&app, &app.state::<Search>()) {
            log::error!("cannot open the search index: {e}");
        }
    });
    if let Err(e) = spawned {
        log::error!("cannot start opening the search index: {e}");
    }
}

/// The meetings matching every word of `query`, best first, each with its passage.
#[tauri::command]
pub async fn search_archive(app: AppHandle, query: String) -> Result<Vec<SearchHitView>, IpcError> {
    tauri::async_runtime::spawn_blocking(move || {
        let search = app.state::<Search>();
        let guard = archive(&app, &search)?;
        let archive = guard.as_ref().ok_or_else(|| IpcError::internal("the search index is not open"))?;
        Ok(archive.query(&query, LIMIT)?.iter().map(SearchHitView::from).collect())
    })
    .await
    .map_err(IpcError::internal)?
}
