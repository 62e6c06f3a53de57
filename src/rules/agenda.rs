//! Agenda items (R-AGENDA): taken one at a time (一事一议), each closed by a vote,
//! by consensus, or deferred with a reason before the next opens. R-REDO links a
//! matter carried into a later meeting back to where it came from.

use crate::ids::{ItemId, MeetingId, PersonId, Time};
use crate::speak::Turn;
use crate::vote::Vote;
use crate::rules::Rule;
use crate::setup::Level;
use crate::state::{Meeting, Warning};
use chrono::Duration;
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
    pub topic: Option<TopicLink>,
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

/// Days within which a decided street topic is deliberated (六.(一).1).
pub const STREET_DAYS: i64 = 30;

/// The link an agenda item keeps to its topic; the decision time travels with it, so the
/// meeting's own record can tell whether it met R-30DAYS.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicLink {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_at: Option<Time>,
}

/// R-30DAYS in a street meeting's own record: an item whose topic was decided more than 30
/// days before the meeting (a setup warning the minutes state).
pub fn late_items(m: &Meeting) -> Vec<Warning> {
    if m.level != Level::Street {
        return Vec::new();
    }
    m.agenda
        .iter()
        .filter_map(|i| {
            let decided = i.spec.topic.as_ref()?.decided_at?;
            let deadline = decided + Duration::days(STREET_DAYS);
            (m.scheduled_at > deadline).then(|| {
                Warning::with_args(
                    Rule::ThirtyDays,
                    "item_topic_late",
                    vec![i.spec.title.clone(), decided.format("%Y-%m-%d").to_string()],
                )
            })
        })
        .collect()
}
