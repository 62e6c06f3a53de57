//! The meeting index: one small entry per meeting for listing without reading
//! every record. It is written in the same atomic batch as the events it
//! summarises, and its head is checked against the chain.

use crate::ids::{MeetingId, Time};
use crate::implement::ImplementFacts;
use crate::publish::PublishFacts;
use crate::setup::{Form, Level};
use crate::state::{Meeting, Phase};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeetingSummary {
    pub id: MeetingId,
    pub title: String,
    pub level: Level,
    pub form: Form,
    pub scheduled_at: Time,
    pub phase: Phase,
    pub head: String,
    pub events: u64,
    pub intents: u64,
    pub last_at: Time,
    /// R-PUBLISH: what the 3-day deadline needs. Entries written before it was kept have the
    /// default (no close time even when sealed): read the record for those.
    #[serde(default)]
    pub publish: PublishFacts,
    /// R-IMPLEMENT: the actions not yet done, with their deadlines. (Entries written before
    /// actions existed have none, rightly.)
    #[serde(default)]
    pub implement: ImplementFacts,
    /// R-OBSERVE: observer seats offered. `None` in entries written before it was kept: read
    /// the record for those.
    #[serde(default)]
    pub observer_seats: Option<u32>,
    /// R-TOPIC: the pool topics its agenda takes up. (No entry before links existed had any.)
    #[serde(default)]
    pub topics: Vec<String>,
    /// How long the meeting's journal file was when this entry was written: a journal longer
    /// than that holds events the read model has not caught up with (a power cut). `None` in
    /// entries written before the journal existed.
    #[serde(default)]
    pub journal_len: Option<u64>,
}

impl MeetingSummary {
    pub fn of(m: &Meeting, head: &[u8; 32], events: u64, intents: u64) -> MeetingSummary {
        MeetingSummary {
            id: m.id,
            title: m.title.clone(),
            level: m.level,
            form: m.form,
            scheduled_at: m.scheduled_at,
            phase: m.phase,
            head: hex::encode(head),
            events,
            intents,
            last_at: m.last_at,
            publish: PublishFacts::of(m),
            implement: ImplementFacts::of(m),
            observer_seats: Some(m.observer_seats),
            topics: m.agenda.iter().filter_map(|i| i.spec.topic.as_ref().map(|t| t.id.clone())).collect(),
            journal_len: None,
        }
    }
}
