//! Where a meeting is in the guideline's flow (基层议事协商会议流程) and what the chair does
//! next, read from the fold. The core decides this once, so every reader — the room, the
//! projector, `yishi show --json` — shows the same step, the same presence and the same next
//! action; the UI only reads it. Derived on demand, never stored.

use crate::agenda::{AgendaItem, ItemStatus};
use crate::ids::{ItemId, PersonId};
use crate::people::Role;
use crate::roll::Status;
use crate::rules::Rule;
use crate::setup;
use crate::state::{Meeting, ParticipantState, Phase};
use crate::vote::VoteMode;
use serde::{Deserialize, Serialize};

/// The steps of the meeting as the guideline lists them, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// 开会 (R-OPEN)
    Open,
    /// 清点人数 (R-ROLL, R-QUORUM)
    Roll,
    /// 宣读议题 (R-AGENDA)
    Agenda,
    /// 轮流发言 (R-SPEAK)
    Speak,
    /// 集体表决 (R-VOTE)
    Vote,
    /// 形成会议记录 (R-MINUTES)
    Minutes,
    /// 现场确认 (R-SIGN)
    Sign,
    /// 会议结束 (R-CLOSE): sealed.
    Seal,
}

impl Step {
    pub const ALL: [Step; 8] =
        [Step::Open, Step::Roll, Step::Agenda, Step::Speak, Step::Vote, Step::Minutes, Step::Sign, Step::Seal];
}

/// What the chair does next to move the meeting on. Ids, not names: a reader names them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Next {
    /// R-SEATS: an 议事会 below half opens only with a recorded reason.
    RecordSeatsReason { percent: u32 },
    /// R-OPEN: the chair opens the meeting.
    OpenMeeting { chair: PersonId },
    /// R-ROLL: members not yet called.
    CallRoll { not_called: u32 },
    /// R-QUORUM: too few members present to move on: wait for late arrivals, or adjourn.
    AwaitQuorum { present: u32, required: u32 },
    /// R-AGENDA: the first item not yet taken.
    OpenItem { item: ItemId },
    /// R-SPEAK: a turn is running.
    EndTurn { person: PersonId },
    /// R-SPEAK: the first in the queue takes the floor.
    NextSpeaker { person: PersonId },
    /// R-VOTE, R-AGENDA: nobody waiting to speak: put the item to the vote, or close it by
    /// consensus or deferral.
    CloseItem { item: ItemId },
    /// R-VOTE: members eligible and still present who have not cast their named ballot.
    CastBallots { remaining: u32 },
    /// R-VOTE: count and close the vote.
    CloseVote,
    /// R-MINUTES: the recorder finalizes the minutes.
    FinalizeMinutes { recorder: PersonId },
    /// R-SIGN: signers who have neither signed nor declined.
    CollectSignatures { pending: u32 },
    /// R-CLOSE: everyone has signed or declined: the chair closes and seals the record.
    CloseMeeting { chair: PersonId },
}

impl Next {
    /// The rule that makes this the next thing to do.
    pub fn rule(&self) -> Rule {
        match self {
            Next::RecordSeatsReason { .. } => Rule::Seats,
            Next::OpenMeeting { .. } => Rule::Open,
            Next::CallRoll { .. } => Rule::Roll,
            Next::AwaitQuorum { .. } => Rule::Quorum,
            Next::OpenItem { .. } => Rule::Agenda,
            Next::EndTurn { .. } | Next::NextSpeaker { .. } => Rule::Speak,
            Next::CloseItem { .. } => Rule::Agenda,
            Next::CastBallots { .. } | Next::CloseVote => Rule::Vote,
            Next::FinalizeMinutes { .. } => Rule::Minutes,
            Next::CollectSignatures { .. } => Rule::Sign,
            Next::CloseMeeting { .. } => Rule::Close,
        }
    }
}

/// One participant's presence as the room uses it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Presence {
    pub person: PersonId,
    /// Present or arrived late (R-ROLL): counts for the quorum if a member, may vote.
    pub present: bool,
    /// May be put on the speakers list (R-SPEAK): see [`in_the_room`].
    pub in_the_room: bool,
}

/// The meeting's place in its flow: what the room shows and offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flow {
    pub step: Step,
    /// The running turn of the open item (its number), if any. R-SPEAK
    pub running_turn: Option<u32>,
    /// A vote is open on the open item. R-VOTE
    pub vote_open: bool,
    /// Every participant, in the meeting's order.
    pub presence: Vec<Presence>,
    /// None once the record is sealed: only appended records follow.
    pub next: Option<Next>,
}

impl Flow {
    pub fn of(m: &Meeting) -> Flow {
        let item = m.open_item();
        let step = step(m);
        Flow {
            step,
            running_turn: item.and_then(AgendaItem::running_turn).map(|t| t.no),
            vote_open: item.and_then(AgendaItem::open_vote).is_some(),
            presence: m
                .participants
                .iter()
                .map(|p| Presence {
                    person: p.person.id.clone(),
                    present: p.attendance.status.is_present(),
                    in_the_room: in_the_room(p),
                })
                .collect(),
            next: next(m, step),
        }
    }
}

/// Who is in the room and may be put on the speakers list: members marked present (R-ROLL) and
/// 列席 not marked away (they are not called on the roll, so one not yet called is taken as
/// present); never an observer (旁听 neither speaks nor votes). The chair is in the room too:
/// `decide` refuses the chair on the speakers list, citing R-NEUTRAL, so the room says why.
pub fn in_the_room(p: &ParticipantState) -> bool {
    let status = p.attendance.status;
    match p.person.role {
        Role::Observer => false,
        Role::Member => status.is_present(),
        Role::Attendee => status.is_present() || status == Status::NotCalled,
    }
}

/// R-ROLL, R-QUORUM: the roll call is over when every member has been called and two thirds
/// are present.
fn roll_done(m: &Meeting) -> bool {
    m.quorum().met && m.members().all(|p| p.attendance.status != Status::NotCalled)
}

fn step(m: &Meeting) -> Step {
    match m.phase {
        Phase::Setup => Step::Open,
        Phase::Signing => Step::Sign,
        Phase::Sealed => Step::Seal,
        Phase::InSession => {
            let pending = m.agenda.iter().any(|i| i.status == ItemStatus::Pending);
            match m.open_item() {
                // R-VOTE: a vote open on the item; otherwise it is being discussed (R-SPEAK).
                Some(item) if item.open_vote().is_some() => Step::Vote,
                Some(_) => Step::Speak,
                // Adjourned for lack of quorum (R-QUORUM), or every item taken: the minutes.
                None if m.adjourned.is_some() || !pending => Step::Minutes,
                // R-AGENDA: between two items.
                None if m.agenda.iter().any(|i| i.status != ItemStatus::Pending) => Step::Agenda,
                None if roll_done(m) => Step::Agenda,
                None => Step::Roll,
            }
        }
    }
}

fn next(m: &Meeting, step: Step) -> Option<Next> {
    let q = m.quorum();
    let await_quorum = Next::AwaitQuorum { present: q.present, required: q.required };
    Some(match step {
        Step::Open => {
            let share = m.seat_share();
            if setup::seats_rule_applies(m.form) && !share.at_least_half() && m.seats_reason.is_none() {
                Next::RecordSeatsReason { percent: share.percent() }
            } else {
                Next::OpenMeeting { chair: m.chair.clone() }
            }
        }
        Step::Roll => {
            let not_called = m.members().filter(|p| p.attendance.status == Status::NotCalled).count() as u32;
            if not_called > 0 {
                Next::CallRoll { not_called }
            } else {
                await_quorum
            }
        }
        // R-QUORUM: below it no item opens.
        Step::Agenda if !q.met => await_quorum,
        Step::Agenda => match m.agenda.iter().find(|i| i.status == ItemStatus::Pending) {
            Some(i) => Next::OpenItem { item: i.spec.id.clone() },
            None => return None, // not reached: the agenda step has an item pending
        },
        Step::Speak => {
            let item = m.open_item()?;
            match (item.running_turn(), item.queue.first()) {
                (Some(t), _) => Next::EndTurn { person: t.person.clone() },
                (None, Some(p)) => Next::NextSpeaker { person: p.clone() },
                (None, None) => Next::CloseItem { item: item.spec.id.clone() },
            }
        }
        Step::Vote => {
            let v = m.open_item()?.open_vote()?;
            // R-VOTE: a ballot needs the member present when it is cast.
            let remaining = v.eligible.iter().filter(|id| !v.ballots.contains_key(*id) && m.is_present(id)).count() as u32;
            if v.mode == VoteMode::Named && remaining > 0 {
                Next::CastBallots { remaining }
            } else {
                Next::CloseVote
            }
        }
        Step::Minutes => Next::FinalizeMinutes { recorder: m.recorder.clone() },
        Step::Sign => match m.pending_signers().len() as u32 {
            0 => Next::CloseMeeting { chair: m.chair.clone() },
            pending => Next::CollectSignatures { pending },
        },
        Step::Seal => return None,
    })
}
