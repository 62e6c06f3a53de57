//! The community's own records, beside its meetings: the roster (名册, R-PARTIES; its CSV import in
//! `roster`), the topic pool (议题池, R-TOPIC, R-30DAYS, R-ESCALATE: `topic`) and the year's record
//! of meetings held (R-FREQ, R-OBSERVE: `compliance`). Like a meeting, each is an append-only,
//! hash-chained log: an intent is checked here (`decide`) against the state folded from the log
//! (`Community`), and becomes events. The store appends them under its single writer.

pub mod archive;
pub mod compliance;
mod decide;
mod event;
mod intent;
/// The community's profile (社区信息): a setting of this installation, not a log.
pub mod profile;
pub mod roster;
mod state;
pub mod topic;

pub use decide::decide;
pub use event::{CommunityEvent, List, ListEntry};
pub use intent::{CommunityCommand, CommunityIntent};
pub use state::{link_topics, offered, Community};
