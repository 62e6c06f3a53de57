//! IPC commands. Each is a few lines that call the core or the window module; the list must
//! match `COMMANDS` in build.rs (the app's permission manifest).

use serde::Serialize;
use tauri::{AppHandle, State};

use crate::ipc::IpcError;
use crate::windows::AppWindow;
use crate::AppState;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
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

/// Opens the projector window (on the second monitor when there is one), or focuses it.
#[tauri::command]
pub fn open_projector(app: AppHandle) -> Result<(), IpcError> {
    AppWindow::Projector.open(&app)?;
    Ok(())
}
