//! IPC commands: each is a few lines that call the core or the window module. The shell
//! passes the time and makes the ids; the core decides. The list must match
//! `src/command_names.rs` (the app's permission manifest).

use serde::Serialize;
use tauri::{AppHandle, Manager, State};
use ts_rs::TS;
use yishi::{Command, MeetingId, Time};

use crate::dto;
use crate::events::AppEvent;
use crate::ipc::IpcError;
use crate::projector::ProjectorView;
use crate::views::{MeetingListItem, MeetingView, WarningView};
use crate::windows::AppWindow;
use crate::AppState;

/// Now, on the local clock with its offset: the only place the app reads the time.
/// The shell's clock, with this computer's offset: the core reads none.
pub(crate) fn now() -> Time {
    chrono::Local::now().fixed_offset()
}

fn meeting_id(s: &str) -> Result<MeetingId, IpcError> {
    s.parse().map_err(|_| IpcError::bad_request(format!("meeting id \"{s}\"")))
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
}

#[tauri::command]
pub fn app_info(app: AppHandle, state: State<'_, AppState>) -> AppInfo {
    AppInfo {
        version: app.package_info().version.to_string(),
        data_dir: state.data_dir.display().to_string(),
    }
}

/// Opens the projector window (on the second monitor when there is one) showing `meeting`,
/// or focuses it and has it show `meeting`.
#[tauri::command]
pub async fn open_projector(
    app: AppHandle,
    state: State<'_, AppState>,
    meeting: Option<String>,
) -> Result<(), IpcError> {
    let snapshot = match meeting {
        Some(id) => Some(state.store.snapshot(meeting_id(&id)?)?),
        None => None,
    };
    if app.get_webview_window(AppWindow::Projector.label()).is_some() {
        AppWindow::Projector.open(&app)?;
        if let Some(snapshot) = snapshot {
            AppEvent::to_projector(&app, &snapshot)?;
        }
    } else {
        // JSON is a JavaScript expression: the page reads it before it starts listening.
        let view = snapshot.as_ref().map(ProjectorView::from);
        let json = serde_json::to_string(&view).map_err(IpcError::internal)?;
        AppWindow::Projector.open_with(&app, Some(&format!("window.__YISHI_PROJECTOR__ = {json};")))?;
    }
    Ok(())
}

#[tauri::command]
pub async fn list_meetings(state: State<'_, AppState>) -> Result<Vec<MeetingListItem>, IpcError> {
    meeting_list(&state.store)
}

/// The home list as of now, with R-PUBLISH's deadline warning and R-IMPLEMENT's overdue actions.
fn meeting_list(store: &yishi::Store) -> Result<Vec<MeetingListItem>, IpcError> {
    let now = now();
    store
        .list()?
        .iter()
        .map(|s| Ok(MeetingListItem::of(s, store.publish_warning(s, now)?.as_ref().map(WarningView::from), now).received(store.received(s.id))))
        .collect()
}

#[tauri::command]
pub async fn get_meeting(state: State<'_, AppState>, id: String) -> Result<MeetingView, IpcError> {
    let id = meeting_id(&id)?;
    let mut view = MeetingView::at(&state.store.snapshot(id)?, now());
    view.received_from = state.store.received(id).map(|o| o.community);
    Ok(view)
}

/// Hands one intent to the core. `meeting` is omitted for `create_meeting` (the shell makes
/// the id). On success the caller gets the new state and the projector its view of it.
#[tauri::command]
pub async fn apply_intent(
    app: AppHandle,
    state: State<'_, AppState>,
    meeting: Option<String>,
    intent: dto::Intent,
) -> Result<MeetingView, IpcError> {
    let creates = matches!(intent, dto::Intent::CreateMeeting(_));
    let meeting = match (meeting, creates) {
        (Some(id), _) => meeting_id(&id)?,
        (None, true) => MeetingId::new_random(),
        (None, false) => return Err(IpcError::bad_request("meeting id missing")),
    };
    let intent = intent.into_core().map_err(IpcError::bad_request)?;
    let at = now();
    let snapshot = state.store.apply(&Command { meeting, at, intent })?;
    let view = MeetingView::at(&snapshot, at);
    // Sealed by this intent (its close time is this intent's): backed up at once, off this thread.
    if snapshot.meeting.is_sealed() && snapshot.meeting.closed_at == Some(at) {
        crate::backup::after_seal(&app);
    }
    AppEvent::to_projector(&app, &snapshot)?;
    if creates {
        AppEvent::MeetingsChanged.broadcast(&app)?;
    }
    Ok(view)
}

/// Installs the demo community (roster, a sealed sample meeting, an upcoming one).
#[tauri::command]
pub async fn demo(app: AppHandle, state: State<'_, AppState>) -> Result<Vec<MeetingListItem>, IpcError> {
    yishi::demo::install(&state.store, now())?;
    AppEvent::MeetingsChanged.broadcast(&app)?;
    meeting_list(&state.store)
}
