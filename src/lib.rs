//! 议事 Yishi — the meeting core.
//!
//! A community deliberation meeting by the Shenzhen guideline as an
//! append-only, hash-chained event log: intents are validated against the rules
//! (`decide`), become events, are stored durably (`store`), and the meeting's
//! state is the fold of its events (`state`). No IO happens outside `store` and
//! `export` (and `font`, which reads the faces once, for the check of what can be
//! printed), and no clock is read anywhere: callers pass the time in.

// The folders show the design: `meeting` (what is asked, decided, recorded and folded),
// `rules` (the guideline's rules, one file per family), `community` (roster, topic pool, the
// year's record), `store` (the durable record), `export` (the papers people read). The old
// flat paths (`yishi::vote`, `yishi::decide`, …) stay as re-exports.
pub mod bundle;
pub mod community;
pub mod demo;
pub mod export;
pub mod font;
pub mod i18n;
pub mod ids;
pub mod meeting;
pub mod png;
pub mod rules;
pub mod search;
pub mod store;

pub use community::{compliance, roster, topic};
pub use meeting::{decide, event, intent, minutes, refusal, state};
pub use rules::{agenda, implement, observe, people, publish, quorum, roll, setup, sign, speak, vote};

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
