//! Agenda items (R-AGENDA): taken one at a time (一事一议), each closed by a vote,
//! by consensus, or deferred with a reason before the next opens. R-REDO links a
//! matter carried into a later meeting back to where it came from.

use crate::ids::{ItemId, MeetingId, PersonId, Time};
use crate::speak::Turn;
use crate::vote::Vote;
use serde::{Deserialize, Serialize};

/// A reference to an item of some meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemRef {
    pub meeting: MeetingId,
    pub item: ItemId,
}

/// An item as put on the agenda.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItemSpec {
    pub id: ItemId,
    pub title: String,
    #[serde(default)]
    pub background: String,
    /// The parties concerned (利益相关方), so the chair can see they are at the table.
    #[serde(default)]
    pub stakeholders: String,
    /// R-REDO: the earlier item this one deliberates again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redo_of: Option<ItemRef>,
    /// R-TOPIC: the pool topic this item takes up (R-30DAYS reads its decision time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<crate::topic::TopicLink>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    Pending,
    Open,
    /// Closed by a vote (passed or failed: see the vote's outcome).
    Voted,
    Consensus,
    Deferred,
}

impl ItemStatus {
    pub fn is_closed(self) -> bool {
        matches!(self, ItemStatus::Voted | ItemStatus::Consensus | ItemStatus::Deferred)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgendaItem {
    #[serde(flatten)]
    pub spec: AgendaItemSpec,
    pub status: ItemStatus,
    pub opened_at: Option<Time>,
    pub closed_at: Option<Time>,
    /// Waiting to speak, in order. R-SPEAK
    pub queue: Vec<PersonId>,
    pub turns: Vec<Turn>,
    pub vote: Option<Vote>,
    /// The resolution text: the motion carried, or what was agreed by consensus.
    pub resolution: Option<String>,
    pub deferral_reason: Option<String>,
    /// R-REDO: why the matter is to be deliberated again.
    pub redo_reason: Option<String>,
}

impl AgendaItem {
    pub fn new(spec: AgendaItemSpec) -> AgendaItem {
        AgendaItem {
            spec,
            status: ItemStatus::Pending,
            opened_at: None,
            closed_at: None,
            queue: Vec::new(),
            turns: Vec::new(),
            vote: None,
            resolution: None,
            deferral_reason: None,
            redo_reason: None,
        }
    }

    pub fn running_turn(&self) -> Option<&Turn> {
        self.turns.last().filter(|t| t.ended_at.is_none())
    }

    pub fn open_vote(&self) -> Option<&Vote> {
        self.vote.as_ref().filter(|v| v.closed_at.is_none())
    }

    /// A vote that failed, or a deferral: the matters R-REDO may carry forward.
    pub fn may_redo(&self) -> bool {
        match self.status {
            ItemStatus::Deferred => true,
            ItemStatus::Voted => self.vote.as_ref().and_then(|v| v.outcome).is_some_and(|o| !o.passed),
            _ => false,
        }
    }
}
