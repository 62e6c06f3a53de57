//! Events: facts appended to a meeting's record. The state of a meeting is a
//! fold of its events (`state::Meeting::apply`); nothing else is kept.

use crate::agenda::AgendaItemSpec;
use crate::ids::{ItemId, PersonId};
use crate::people::{PartyGroup, Participant};
use crate::roll::Mark;
use crate::setup::MeetingSetup;
use crate::sign::{Channel, WitnessKind};
use crate::vote::{Choice, Outcome, Tally, VoteMode, VoteRule};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    MeetingCreated(MeetingSetup),
    ParticipantAdded { participant: Participant },
    AgendaItemAdded { item: AgendaItemSpec },
    NoticeRecorded {
        published_at: Option<crate::ids::Time>,
        invitations_sent_at: Option<crate::ids::Time>,
    },
    SeatsReasonRecorded { reason: String },
    /// R-OBSERVE
    ObserverBooked { name: String, contact: String, online: bool },
    BookingCancelled { booking: u32, reason: String },
    MeetingOpened { by: PersonId },
    AttendanceMarked {
        person: PersonId,
        mark: Mark,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    AdjournedForLackOfQuorum {
        present: u32,
        expected: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    ItemOpened { item: ItemId },
    SpeakerAdded { person: PersonId },
    SpeakerWithdrawn { person: PersonId },
    TurnStarted { person: PersonId, group: PartyGroup },
    TurnEnded {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        summary: Option<String>,
    },
    TurnSummarized { turn: u32, summary: String },
    VoteOpened {
        motion: String,
        mode: VoteMode,
        rule: VoteRule,
        eligible: Vec<PersonId>,
    },
    VoteCast { person: PersonId, choice: Choice },
    /// The outcome is decided when the event is made and stored with it, so the
    /// record says how the vote was decided, under which rule.
    VoteClosed { tally: Tally, outcome: Outcome },
    ItemAgreed { resolution: String },
    ItemDeferred { reason: String },
    ItemMarkedForRedo { item: ItemId, reason: String },
    MinutesEdited { by: PersonId, text: String },
    /// Fixes who must sign: the members present now, the chair and the recorder.
    MinutesFinalized { by: PersonId, signers: Vec<PersonId> },
    Signed { person: PersonId, image_sha256: String, image_bytes: u32 },
    SignatureDeclined { person: PersonId, reason: String },
    WitnessRecorded {
        name: String,
        kind: WitnessKind,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        statement: Option<String>,
    },
    /// R-CLOSE and the seal.
    MeetingClosed { by: PersonId },
    Amended { by: String, reason: String, text: String },
    PublicationRecorded { channel: Channel, place: String },
    /// R-IMPLEMENT: numbered in the order assigned.
    ActionAssigned {
        item: crate::ids::ItemId,
        leader: String,
        department: String,
        requirements: String,
        due: crate::ids::Time,
        feedback_by: crate::ids::Time,
    },
    ProgressReported { action: u32, note: String, done: bool },
    /// R-EVALUATE
    ActionEvaluated {
        action: u32,
        by: String,
        verdict: crate::implement::Verdict,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rectification: Option<String>,
    },
}
