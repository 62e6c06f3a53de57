//! The community's own records, beside its meetings: the roster (名册, R-PARTIES) and the topic
//! pool (议题池, R-TOPIC, R-30DAYS, R-ESCALATE). Like a meeting, each is an append-only,
//! hash-chained log: an intent is checked here (`decide`) against the state folded from the log
//! (`Community`), and becomes events. The store appends them under its single writer.

mod decide;
mod event;
mod intent;
mod state;

pub use decide::decide;
pub use event::{CommunityEvent, List, ListEntry};
pub use intent::{CommunityCommand, CommunityIntent};
pub use state::{link_topics, offered, Community};
