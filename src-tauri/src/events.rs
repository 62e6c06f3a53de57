//! The one emitter: every event the shell sends to the windows is a variant here, so the
//! event names and payloads are typed in one place and every window gets the same thing.

use serde::Serialize;
use tauri::{AppHandle, Emitter};

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", content = "payload", rename_all = "snake_case")]
pub enum AppEvent {
    /// The locale was switched in one window; the others follow.
    LocaleChanged { locale: String },
}

impl AppEvent {
    /// The event name the UI listens to (one name for all: the UI dispatches on `kind`).
    pub const NAME: &'static str = "yishi://event";

    /// Sends the event to every window.
    pub fn broadcast(&self, app: &AppHandle) -> tauri::Result<()> {
        app.emit(Self::NAME, self)
    }
}
