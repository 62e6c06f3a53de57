//! The roster's and the pool's rules, checked against the state folded from their logs.

use super::event::CommunityEvent as E;
use super::intent::CommunityIntent as I;
use super::state::Community;
use crate::decide::person_valid;
use crate::ids::Time;
use crate::refusal::{Field, Refusal};
use crate::state::Meeting;
use crate::topic;
use std::collections::HashSet;

/// The events an intent yields, or why it is refused. `meeting` is the meeting the intent names
/// (`CommunityIntent::meeting`), folded by the caller.
pub fn decide(c: &Community, intent: &I, at: Time, meeting: Option<&Meeting>) -> Result<Vec<E>, Refusal> {
    let unknown_person = |id: &crate::ids::PersonId| Refusal::UnknownPerson { field: Field::PersonId, id: id.to_string() };
    let known_topic = |id: &str| c.topics.get(id).ok_or_else(|| Refusal::UnknownTopic(id.chars().take(80).collect()));
    let new_topic = |id: &str| match c.topics.contains_key(id) {
        true => Err(Refusal::Duplicate { field: Field::TopicId, value: id.chars().take(80).collect() }),
        false => Ok(()),
    };
    Ok(match intent {
        // R-PARTIES: the roster never holds someone a meeting would refuse.
        I::AddPerson { person } => {
            let mut p = person.clone();
            if p.id.as_str().is_empty() {
                p.id = c.next_person_id();
            }
            person_valid(&p)?;
            if c.people.contains_key(&p.id) {
                return Err(Refusal::Duplicate { field: Field::PersonId, value: p.id.to_string() });
            }
            vec![E::PersonAdded(p)]
        }
        I::ChangePerson { person } => {
            person_valid(person)?;
            match c.people.get(&person.id) {
                None => return Err(unknown_person(&person.id)),
                Some(old) if old == person => vec![],
                Some(_) => vec![E::PersonChanged(person.clone())],
            }
        }
        I::ImportPeople { people } => {
            let mut seen = HashSet::new();
            let mut out = Vec::new();
            for p in people {
                person_valid(p)?;
                if !seen.insert(&p.id) {
                    return Err(Refusal::Duplicate { field: Field::PersonId, value: p.id.to_string() });
                }
                match c.people.get(&p.id) {
                    None => out.push(E::PersonAdded(p.clone())),
                    Some(old) if old == p => {}
                    Some(_) => out.push(E::PersonChanged(p.clone())),
                }
            }
            out
        }
        I::RemovePerson { id } => {
            let p = c.people.get(id).ok_or_else(|| unknown_person(id))?;
            vec![E::PersonRemoved { id: id.clone(), name: p.name.clone() }]
        }
        // R-TOPIC: a topic's facts only move forward — proposed, decided, withdrawn.
        I::ProposeTopic { topic } => {
            topic::propose(topic)?;
            new_topic(&topic.id)?;
            vec![E::TopicProposed(topic.clone())]
        }
        I::DecideTopic { id } => {
            topic::decide(known_topic(id)?, at)?;
            vec![E::TopicDecided { id: id.clone() }]
        }
        I::WithdrawTopic { id, reason } => {
            let t = topic::withdraw(known_topic(id)?, at, reason)?;
            let reason = t.withdrawn.map(|w| w.reason).unwrap_or_default();
            vec![E::TopicWithdrawn { id: id.clone(), reason }]
        }
        // R-ESCALATE
        I::EscalateItem { meeting: mid, item, to, id } => {
            let m = meeting.ok_or(Refusal::UnknownMeeting(*mid))?;
            new_topic(id)?;
            vec![E::TopicProposed(topic::escalate(m, item, *to, id.clone(), at)?)]
        }
    })
}
