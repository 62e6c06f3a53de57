//! What happened to the roster or the topic pool. Rows that existed before these logs did are
//! their first events, marked as migrated.

use crate::ids::{PersonId, Time};
use crate::people::Person;
use crate::topic::Topic;
use super::archive::{Issuer, ReceivedMeeting};
use serde::{Deserialize, Serialize};

/// Which of the community's logs an event belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum List {
    /// 名册
    Roster,
    /// 议题池
    Topics,
    /// 收到的记录: meetings received from other installations.
    Archive,
}

impl List {
    pub const ALL: [List; 3] = [List::Roster, List::Topics, List::Archive];

    /// The log's name: its journal file is `journal/<name>.yj`.
    pub fn name(self) -> &'static str {
        match self {
            List::Roster => "roster",
            List::Topics => "topics",
            List::Archive => "archive",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            List::Roster => "名册",
            List::Topics => "议题池",
            List::Archive => "收到的记录",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            List::Roster => "roster",
            List::Topics => "topic pool",
            List::Archive => "received records",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum CommunityEvent {
    PersonAdded(Person),
    /// The person's name, group or 两委 flag changed; the id stays.
    PersonChanged(Person),
    /// Taken off the roster; meetings keep their own copy of who took part.
    PersonRemoved { id: PersonId, name: String },
    /// On the roster before the roster was a log.
    PersonMigrated(Person),
    /// R-TOPIC (and R-ESCALATE: a topic with `escalated_from`).
    TopicProposed(Topic),
    /// 确定为议题 at the entry's time: R-30DAYS starts for a street topic.
    TopicDecided { id: String },
    TopicWithdrawn { id: String, reason: String },
    /// In the pool before the pool was a log, as it stood then.
    TopicMigrated(Topic),
    /// A bundle from another installation, checked (every chain, its signature, a trusted
    /// issuer) and taken in: its meetings are that community's, read-only here.
    MeetingsReceived { issuer: Issuer, bundle: String, meetings: Vec<ReceivedMeeting> },
}

impl CommunityEvent {
    pub fn list(&self) -> List {
        use CommunityEvent as E;
        match self {
            E::PersonAdded(_) | E::PersonChanged(_) | E::PersonRemoved { .. } | E::PersonMigrated(_) => List::Roster,
            E::TopicProposed(_) | E::TopicDecided { .. } | E::TopicWithdrawn { .. } | E::TopicMigrated(_) => List::Topics,
            E::MeetingsReceived { .. } => List::Archive,
        }
    }
}

/// The hashed part of one entry of a community log (as `StoredEvent` is for a meeting).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListEntry {
    pub list: List,
    /// 1-based position in the log.
    pub seq: u64,
    /// Which accepted intent produced it (1-based).
    pub intent: u64,
    pub at: Time,
    pub event: CommunityEvent,
}
