//! Speaking turns (R-SPEAK): a queue, one turn at a time with a time limit, a
//! summary per turn, and speaking time per party group so the chair sees whether
//! every side was heard. The chair never speaks on the matter (R-NEUTRAL).

use crate::ids::{PersonId, Time};
use crate::people::PartyGroup;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Turn {
    /// 1-based within the item.
    pub no: u32,
    pub person: PersonId,
    pub group: PartyGroup,
    pub started_at: Time,
    pub ended_at: Option<Time>,
    pub summary: Option<String>,
}

impl Turn {
    /// Seconds spoken; a running turn counts up to `now`.
    pub fn seconds(&self, now: Time) -> u32 {
        let end = self.ended_at.unwrap_or(now);
        end.signed_duration_since(self.started_at).num_seconds().clamp(0, u32::MAX as i64) as u32
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupTime {
    pub group: PartyGroup,
    pub turns: u32,
    pub seconds: u32,
}

/// Speaking time per party group over finished turns, all six groups listed.
pub fn time_by_group<'a>(turns: impl Iterator<Item = &'a Turn>) -> Vec<GroupTime> {
    let mut out: Vec<GroupTime> =
        PartyGroup::ALL.iter().map(|&group| GroupTime { group, turns: 0, seconds: 0 }).collect();
    for t in turns {
        if t.ended_at.is_none() {
            continue;
        }
        let slot = out.iter_mut().find(|g| g.group == t.group);
        if let Some(g) = slot {
            g.turns += 1;
            g.seconds = g.seconds.saturating_add(t.seconds(t.started_at));
        }
    }
    out
}
