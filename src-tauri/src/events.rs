//! The one emitter: every event the shell sends to the windows is a variant here, so the
//! name and payload are typed in one place.
//!
//! The chair's window gets a meeting's new state as the answer to its own command; only the
//! projector, which may not call commands, is sent the meeting — its own small view, to that
//! window alone. (Broadcasting the whole, growing meeting view to every window after every
//! intent made the web process grow by hundreds of MiB over a long meeting: see
//! docs/performance.md.)

use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager};
use ts_rs::TS;

use crate::archive::ArchiveJob;
use crate::backup::{BackupStatus, CareJob, HealthView, MadeBackup};
use crate::projector::ProjectorView;
use crate::windows::AppWindow;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AppEvent {
    /// What the projector shows of a meeting that changed (an intent was accepted).
    ProjectorUpdated { meeting: Box<ProjectorView> },
    /// The meeting list changed (a meeting was created, the demo installed, a restore).
    MeetingsChanged,
    /// A backup or a restore has come this far (the chair's window only).
    CareProgress { job: CareJob, done: u32, total: u32 },
    /// A backup finished (`made`) or failed (`status.failure`), or the backup folder changed:
    /// the status as it is now (the chair's window only).
    BackupChanged { status: Box<BackupStatus>, made: Option<MadeBackup> },
    /// The store's check of every chain at start-up has finished: what it found, and what the
    /// store did on its own when it opened (the chair's window only).
    HealthChanged { health: Box<HealthView> },
    /// A bundle for the street office being written, or a community's being imported, has come
    /// this far (the chair's window only).
    ArchiveProgress { job: ArchiveJob, done: u32, total: u32 },
}

impl AppEvent {
    /// The event name the UI listens to; the UI dispatches on `kind`.
    pub const NAME: &'static str = "yishi://event";

    /// Sends the event to every window.
    pub fn broadcast(&self, app: &AppHandle) -> tauri::Result<()> {
        app.emit(Self::NAME, self)
    }

    /// Sends the event to the chair's window only (backups and repair are no business of the
    /// projector's).
    pub fn to_chair(&self, app: &AppHandle) -> tauri::Result<()> {
        app.emit_to(AppWindow::Chair.label(), Self::NAME, self)
    }

    /// Sends the meeting's projector view to the projector window, if it is open.
    pub fn to_projector(app: &AppHandle, snapshot: &yishi::Snapshot) -> tauri::Result<()> {
        let label = AppWindow::Projector.label();
        if app.get_webview_window(label).is_none() {
            return Ok(());
        }
        let event = AppEvent::ProjectorUpdated { meeting: Box::new(ProjectorView::from(snapshot)) };
        app.emit_to(label, Self::NAME, event)
    }
}
