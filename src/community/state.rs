//! The roster and the pool as folded from their logs, and what a meeting's agenda may take from
//! the pool.

use super::event::{CommunityEvent, ListEntry};
use crate::ids::PersonId;
use crate::intent::{Command, Intent};
use crate::people::Person;
use crate::refusal::Refusal;
use crate::setup::Level;
use crate::topic::{self, PoolEntry, Topic};
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Community {
    pub people: BTreeMap<PersonId, Person>,
    pub topics: BTreeMap<String, Topic>,
    /// Meetings received from other installations, and from whom.
    pub received: BTreeMap<crate::ids::MeetingId, super::archive::Origin>,
}

impl Community {
    pub fn apply(&mut self, e: &ListEntry) {
        use CommunityEvent as E;
        match &e.event {
            E::PersonAdded(p) | E::PersonChanged(p) | E::PersonMigrated(p) => {
                self.people.insert(p.id.clone(), p.clone());
            }
            E::PersonRemoved { id, .. } => {
                self.people.remove(id);
            }
            E::TopicProposed(t) | E::TopicMigrated(t) => {
                self.topics.insert(t.id.clone(), t.clone());
            }
            E::TopicDecided { id } => {
                if let Some(t) = self.topics.get_mut(id) {
                    t.decided_at = Some(e.at);
                }
            }
            E::TopicWithdrawn { id, reason } => {
                if let Some(t) = self.topics.get_mut(id) {
                    t.withdrawn = Some(topic::Withdrawal { at: e.at, reason: reason.clone() });
                }
            }
            E::MeetingsReceived { issuer, meetings, .. } => {
                for m in meetings {
                    let origin = super::archive::Origin {
                        community: issuer.community.clone().unwrap_or_else(|| issuer.name.clone()),
                        key_id: issuer.key_id.clone(),
                        events: m.events,
                        head: m.head.clone(),
                        received_at: e.at,
                    };
                    self.received.insert(m.id, origin);
                }
            }
        }
    }

    pub fn roster(&self) -> Vec<Person> {
        self.people.values().cloned().collect()
    }

    pub fn topics(&self) -> Vec<Topic> {
        self.topics.values().cloned().collect()
    }

    /// The next free "pNN" (p01, p02, …) for a person added without an id.
    pub fn next_person_id(&self) -> PersonId {
        let top = self.people.keys().filter_map(|id| id.as_str().strip_prefix('p')?.parse::<u64>().ok()).max().unwrap_or(0);
        PersonId(format!("p{:02}", top + 1))
    }
}

/// R-TOPIC: the topics a new agenda item of a `level` meeting may take from the pool — still
/// to be dealt with (proposed or decided, on no agenda yet), of that level.
pub fn offered(pool: &[PoolEntry], level: Level) -> Vec<&PoolEntry> {
    pool.iter()
        .filter(|e| matches!(e.status, topic::Status::Proposed | topic::Status::Decided) && e.topic.level == level)
        .collect()
}

/// R-TOPIC R-30DAYS: every agenda item that names a topic must name one in the pool, not
/// withdrawn, of the meeting's level; the link's decision time is the pool's, whatever the
/// caller sent. Returns the command with the links filled in, or None when it names no topic.
pub fn link_topics(cmd: &Command, pool: &Community, level: Option<Level>) -> Result<Option<Command>, Refusal> {
    let mut out = cmd.clone();
    let (items, level) = match &mut out.intent {
        Intent::CreateMeeting(setup) => (setup.agenda.iter_mut().collect::<Vec<_>>(), Some(setup.level)),
        Intent::AddAgendaItem { item } => (vec![item], level),
        _ => return Ok(None),
    };
    let mut linked = false;
    for item in items {
        let Some(link) = item.topic.as_mut() else { continue };
        let t = pool.topics.get(&link.id).ok_or_else(|| Refusal::UnknownTopic(link.id.chars().take(80).collect()))?;
        if t.withdrawn.is_some() {
            return Err(Refusal::TopicNotOpen { title: t.title.clone() });
        }
        if let Some(level) = level {
            if t.level != level {
                return Err(Refusal::TopicWrongLevel { title: t.title.clone(), level: t.level });
            }
        }
        link.decided_at = t.decided_at;
        linked = true;
    }
    Ok(linked.then_some(out))
}
