//! The one emitter: every event the shell sends to the windows is a variant here, so the
//! name and payload are typed in one place and every window gets the same thing. The
//! projector can never drift from the chair: both receive the same snapshot view.

use serde::Serialize;
use tauri::{AppHandle, Emitter};
use ts_rs::TS;

use crate::views::MeetingView;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AppEvent {
    /// A meeting changed (an intent was accepted): its new state (boxed: a meeting is large).
    MeetingUpdated { meeting: Box<MeetingView> },
    /// The meeting list changed (a meeting was created, the demo installed).
    MeetingsChanged,
}

impl AppEvent {
    /// The event name the UI listens to; the UI dispatches on `kind`.
    pub const NAME: &'static str = "yishi://event";

    /// Sends the event to every window.
    pub fn broadcast(&self, app: &AppHandle) -> tauri::Result<()> {
        app.emit(Self::NAME, self)
    }
}
