//! 议事 Yishi — the meeting core.
//!
//! A community deliberation meeting by the Shenzhen guideline as an
//! append-only, hash-chained event log: intents are validated against the rules
//! (`decide`), become events, are stored durably (`store`), and the meeting's
//! state is the fold of its events (`state`). No IO happens outside `store`, and
//! no clock is read anywhere: callers pass the time in.

pub mod agenda;
pub mod community;
pub mod compliance;
pub mod decide;
pub mod demo;
pub mod png;
pub mod event;
pub mod export;
pub mod i18n;
pub mod ids;
pub mod implement;
pub mod intent;
pub mod minutes;
pub mod observe;
pub mod people;
pub mod publish;
pub mod quorum;
pub mod refusal;
pub mod roll;
pub mod roster;
pub mod rules;
pub mod setup;
pub mod sign;
pub mod topic;
pub mod speak;
pub mod state;
pub mod store;
pub mod vote;

pub use decide::{decide, Decision};
pub use event::Event;
pub use ids::{ItemId, MeetingId, PersonId, Time};
pub use intent::{Command, Intent};
pub use refusal::{Refusal, RefusalReport};
pub use state::{Meeting, Snapshot};
pub use store::{ApplyError, Store, StoreError};

/// The application identifier: the app-data directory (`~/.local/share/org.yishi.app`
/// on Linux) is named after it, shared by the desktop app and the `yishi` tool.
pub const APP_ID: &str = "org.yishi.app";

/// Where the record lives unless told otherwise: `$YISHI_DATA_DIR`, else the OS app-data dir.
pub fn default_data_dir() -> std::path::PathBuf {
    if let Some(d) = std::env::var_os("YISHI_DATA_DIR") {
        return d.into();
    }
    dirs::data_dir().unwrap_or_else(|| std::path::PathBuf::from(".")).join(APP_ID)
}
