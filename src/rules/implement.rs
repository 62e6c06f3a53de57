//! R-IMPLEMENT and R-EVALUATE: after a resolution, who carries it out and by when, what they
//! report, and how it is evaluated. A street resolution names the responsible leader,
//! department, completion time, requirements and feedback deadline (六.(一).6); a community
//! one says who implements, by when and how, with feedback to the stakeholders (六.(二).8).
//! Implementation is evaluated (评议), and rectification required where needed (七.(四)).
//!
//! These records are appended: before or after the seal, nothing in them edits the minutes.
//! Whether an action is overdue depends on the clock, so it is asked with `now` passed in.

use serde::{Deserialize, Serialize};

use crate::ids::{ItemId, Time};
use crate::rules::Rule;
use crate::state::{Meeting, Warning};

/// One resolution's implementation: numbered from 1 within the meeting, in the order assigned.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActionItem {
    pub no: u32,
    pub item: ItemId,
    /// 责任领导 / who implements.
    pub leader: String,
    /// 责任部门 (may be empty at community level, where the 两委 implement).
    pub department: String,
    /// 工作要求: what is to be done, and how.
    pub requirements: String,
    /// 完成时间
    pub due: Time,
    /// 反馈时限: by when the first report on progress is due.
    pub feedback_by: Time,
    pub assigned_at: Time,
    pub progress: Vec<Progress>,
    pub evaluations: Vec<Evaluation>,
}

/// A progress report (进展反馈); `done` reports the work completed (办结).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub note: String,
    pub done: bool,
    pub at: Time,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// 评议通过
    Satisfactory,
    /// 需整改: the work is reopened until done again.
    Rectify,
}

/// An evaluation (评议) of completed work.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// Who evaluated: a body (居务监督委员会) or people.
    pub by: String,
    pub verdict: Verdict,
    /// 整改要求, required with `Rectify`.
    pub rectification: Option<String>,
    pub at: Time,
}

impl ActionItem {
    /// Done: the last completion report is not followed by an evaluation asking rectification.
    pub fn done_at(&self) -> Option<Time> {
        let done = self.progress.iter().rev().find(|p| p.done)?.at;
        let reopened = self.evaluations.iter().any(|e| e.verdict == Verdict::Rectify && e.at >= done);
        (!reopened).then_some(done)
    }

    /// The latest evaluation's verdict, if any.
    pub fn verdict(&self) -> Option<Verdict> {
        self.evaluations.last().map(|e| e.verdict)
    }
}

/// What the overdue check needs of each action not yet done, small enough for the meeting
/// index (so the home list can flag a meeting without reading its record).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImplementFacts {
    pub open: Vec<OpenAction>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpenAction {
    pub no: u32,
    pub due: Time,
    pub feedback_by: Time,
    /// Some progress has been reported (late or not: the warning is about silence).
    pub reported: bool,
}

impl ImplementFacts {
    pub fn of(m: &Meeting) -> ImplementFacts {
        ImplementFacts { open: m.actions.iter().filter_map(OpenAction::of).collect() }
    }
}

impl OpenAction {
    /// `None` when the action is done.
    fn of(a: &ActionItem) -> Option<OpenAction> {
        a.done_at().is_none().then_some(OpenAction {
            no: a.no,
            due: a.due,
            feedback_by: a.feedback_by,
            reported: !a.progress.is_empty(),
        })
    }

    /// Past its completion time (`action_overdue`), or silent past its feedback deadline
    /// (`feedback_overdue`).
    fn warning(&self, now: Time) -> Option<Warning> {
        let when = |t: Time| t.format("%Y-%m-%d").to_string();
        let (code, date) = if now > self.due {
            ("action_overdue", self.due)
        } else if now > self.feedback_by && !self.reported {
            ("feedback_overdue", self.feedback_by)
        } else {
            return None;
        };
        Some(Warning::with_args(Rule::Implement, code, vec![self.no.to_string(), when(date)]))
    }
}

/// One action's warning at `now`, if it is overdue.
pub fn warning(a: &ActionItem, now: Time) -> Option<Warning> {
    OpenAction::of(a)?.warning(now)
}

/// Actions past their completion time and not done (code `action_overdue`), and actions with
/// no progress reported by their feedback deadline (`feedback_overdue`), numbered as in the
/// record. Empty when every action is on time.
pub fn warnings(m: &Meeting, now: Time) -> Vec<Warning> {
    warnings_of(&ImplementFacts::of(m), now)
}

pub fn warnings_of(f: &ImplementFacts, now: Time) -> Vec<Warning> {
    f.open.iter().filter_map(|a| a.warning(now)).collect()
}
