//! Roll call and attendance (R-ROLL): every change is a time-stamped fact that
//! feeds the live quorum and the minutes.

use crate::ids::Time;
use serde::{Deserialize, Serialize};

/// What the roll-call staff record about one person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    Present,
    AbsentWithLeave,
    AbsentWithoutLeave,
    ArrivedLate,
    LeftEarly,
}

/// Where a person stands now, derived from their marks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    NotCalled,
    Present,
    Late,
    AbsentWithLeave,
    AbsentWithoutLeave,
    LeftEarly,
}

impl Status {
    pub fn is_present(self) -> bool {
        matches!(self, Status::Present | Status::Late)
    }

    /// The status a mark leads to, or `None` when the mark contradicts the
    /// record (marking present twice, leaving without having come). R-ROLL
    pub fn after(self, mark: Mark) -> Option<Status> {
        use Status as S;
        match (mark, self) {
            (Mark::Present, S::NotCalled) => Some(S::Present),
            (Mark::AbsentWithLeave, S::NotCalled | S::AbsentWithoutLeave) => Some(S::AbsentWithLeave),
            (Mark::AbsentWithoutLeave, S::NotCalled | S::AbsentWithLeave) => Some(S::AbsentWithoutLeave),
            (Mark::ArrivedLate, S::NotCalled | S::AbsentWithLeave | S::AbsentWithoutLeave | S::LeftEarly) => {
                Some(S::Late)
            }
            (Mark::LeftEarly, S::Present | S::Late) => Some(S::LeftEarly),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttendanceChange {
    pub mark: Mark,
    pub at: Time,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A participant's attendance: the current status and every change that led to it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Attendance {
    pub status: Status,
    pub history: Vec<AttendanceChange>,
}

impl Attendance {
    /// Whether the person was present at any moment of the meeting.
    pub fn attended(&self) -> bool {
        self.history.iter().any(|c| matches!(c.mark, Mark::Present | Mark::ArrivedLate))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // R-ROLL: the allowed transitions, as a table.
    #[test]
    fn r_roll_transitions_table() {
        use Mark as M;
        use Status as S;
        let cases = [
            (S::NotCalled, M::Present, Some(S::Present)),
            (S::Present, M::Present, None),
            (S::NotCalled, M::LeftEarly, None),
            (S::Present, M::LeftEarly, Some(S::LeftEarly)),
            (S::LeftEarly, M::ArrivedLate, Some(S::Late)),
            (S::AbsentWithLeave, M::ArrivedLate, Some(S::Late)),
            (S::AbsentWithLeave, M::AbsentWithoutLeave, Some(S::AbsentWithoutLeave)),
            (S::Late, M::ArrivedLate, None),
            (S::Present, M::AbsentWithLeave, None),
        ];
        for (from, mark, to) in cases {
            assert_eq!(from.after(mark), to, "{from:?} + {mark:?}");
        }
    }
}
