//! What a community worker asks of the roster or the topic pool.

use super::event::List;
use crate::ids::{ItemId, MeetingId, PersonId, Time};
use crate::people::Person;
use crate::setup::Level;
use crate::topic::Topic;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommunityCommand {
    pub at: Time,
    pub intent: CommunityIntent,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum CommunityIntent {
    /// A new person; an empty id takes the next free `pNN`.
    AddPerson { person: Person },
    /// A person already on the roster, changed.
    ChangePerson { person: Person },
    /// A roster file: every row added or, for an id already there, changed; all or none.
    ImportPeople { people: Vec<Person> },
    RemovePerson { id: PersonId },
    /// R-TOPIC: a new topic; its id and time come from the caller.
    ProposeTopic { topic: Topic },
    /// 确定为议题 (R-30DAYS).
    DecideTopic { id: String },
    WithdrawTopic { id: String, reason: String },
    /// R-ESCALATE: a closed item of a community meeting forwarded as a new topic `id`.
    EscalateItem { meeting: MeetingId, item: ItemId, to: Level, id: String },
}

impl CommunityIntent {
    pub fn list(&self) -> List {
        use CommunityIntent as I;
        match self {
            I::AddPerson { .. } | I::ChangePerson { .. } | I::ImportPeople { .. } | I::RemovePerson { .. } => List::Roster,
            _ => List::Topics,
        }
    }

    /// The meeting the intent reads, if any (the store folds it first).
    pub fn meeting(&self) -> Option<MeetingId> {
        match self {
            CommunityIntent::EscalateItem { meeting, .. } => Some(*meeting),
            _ => None,
        }
    }
}
