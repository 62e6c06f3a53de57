//! Intents: what a user asks the meeting to do. Each is validated against the
//! rules (`decide`), becomes one or more events, and is appended to the record.
//! The desktop app and `yishi apply` send the same intents.

use crate::agenda::AgendaItemSpec;
use crate::ids::{ItemId, MeetingId, PersonId, Time};
use crate::people::Participant;
use crate::rules::Rule;
use crate::roll::Mark;
use crate::setup::MeetingSetup;
use crate::sign::WitnessKind;
use crate::vote::{Choice, Tally, VoteMode, VoteRule};
use serde::{Deserialize, Serialize};

/// One intent addressed to one meeting at one moment. The caller supplies the
/// time: the rules never read the clock.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Command {
    pub meeting: MeetingId,
    pub at: Time,
    pub intent: Intent,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Intent {
    // ---- setup
    /// Creates the meeting with its participants and agenda. R-LEVEL R-FORMS R-PARTIES
    CreateMeeting(MeetingSetup),
    AddParticipant {
        participant: Participant,
    },
    AddAgendaItem {
        item: AgendaItemSpec,
    },
    /// R-NOTICE5
    RecordNotice {
        #[serde(default)]
        published_at: Option<Time>,
        #[serde(default)]
        invitations_sent_at: Option<Time>,
    },
    /// Why an 议事会 proceeds with fewer than half its seats held by non-两委 members. R-SEATS
    RecordSeatsReason {
        reason: String,
    },
    /// R-OBSERVE: a resident books an observer seat (预约旁听), before the meeting opens.
    BookObserver {
        name: String,
        #[serde(default)]
        contact: String,
        #[serde(default)]
        online: bool,
    },
    /// R-OBSERVE: a booking (numbered from 1) cancelled, with the reason.
    CancelBooking {
        booking: u32,
        reason: String,
    },

    // ---- the live meeting
    /// R-OPEN: only the chair opens.
    OpenMeeting {
        by: PersonId,
    },
    /// R-ROLL
    MarkAttendance {
        person: PersonId,
        mark: Mark,
        #[serde(default)]
        note: Option<String>,
    },
    /// R-QUORUM: a real outcome, kept in the record.
    AdjournForLackOfQuorum {
        #[serde(default)]
        note: Option<String>,
    },
    /// R-AGENDA: one item at a time; R-QUORUM must hold.
    OpenItem {
        item: ItemId,
    },
    /// R-SPEAK, R-NEUTRAL
    AddSpeaker {
        person: PersonId,
    },
    WithdrawSpeaker {
        person: PersonId,
    },
    /// Starts the next turn: the named person, or the head of the queue.
    StartTurn {
        #[serde(default)]
        person: Option<PersonId>,
    },
    EndTurn {
        #[serde(default)]
        summary: Option<String>,
    },
    /// Adds or replaces the summary of a finished turn (numbered from 1 within the item).
    SummarizeTurn {
        turn: u32,
        summary: String,
    },
    /// R-VOTE: quorum is checked again here.
    OpenVote {
        motion: String,
        mode: VoteMode,
        #[serde(default)]
        rule: Option<VoteRule>,
    },
    /// Named votes: one member's choice.
    CastVote {
        person: PersonId,
        choice: Choice,
    },
    /// Closes the vote and the item. Hands and secret votes give the counts here.
    CloseVote {
        #[serde(default)]
        counts: Option<Tally>,
    },
    /// R-AGENDA: agreed without a vote.
    CloseByConsensus {
        resolution: String,
    },
    /// R-AGENDA: deferred with a recorded reason.
    DeferItem {
        reason: String,
    },
    /// R-REDO: carry a failed or deferred matter into a later meeting.
    MarkForRedo {
        item: ItemId,
        reason: String,
    },

    // ---- minutes, signatures, close
    /// R-MINUTES: the recorder's text of the minutes.
    EditMinutes {
        by: PersonId,
        text: String,
    },
    /// Ends deliberation and starts signing. R-MINUTES R-SIGN
    FinalizeMinutes {
        by: PersonId,
    },
    /// R-SIGN: a handwritten signature as a PNG, base64-encoded.
    Sign {
        person: PersonId,
        image_png_base64: String,
    },
    DeclineSignature {
        person: PersonId,
        reason: String,
    },
    RecordWitness {
        name: String,
        kind: WitnessKind,
        #[serde(default)]
        statement: Option<String>,
    },
    /// R-CLOSE: records the close time and seals the record.
    CloseMeeting {
        by: PersonId,
    },

    // ---- after the seal: appended, never edited
    /// R-SIGN: a correction appended to the sealed record.
    Amend {
        by: String,
        reason: String,
        text: String,
    },
    /// R-PUBLISH: where and when the result was published.
    RecordPublication {
        channel: crate::sign::Channel,
        place: String,
    },

    // ---- carrying out the result: appended, before or after the seal
    /// R-IMPLEMENT: who carries out an item's resolution, by when, and by when they report.
    AssignAction {
        item: ItemId,
        leader: String,
        #[serde(default)]
        department: String,
        requirements: String,
        due: Time,
        feedback_by: Time,
    },
    /// R-IMPLEMENT: a progress report on action `action` (numbered from 1); `done` when complete.
    ReportProgress {
        action: u32,
        note: String,
        #[serde(default)]
        done: bool,
    },
    /// R-EVALUATE: an evaluation of completed work; `rectify` reopens it.
    EvaluateAction {
        action: u32,
        by: String,
        verdict: crate::implement::Verdict,
        #[serde(default)]
        rectification: Option<String>,
    },
}

impl Intent {
    /// The intents a sealed meeting still takes (R-SIGN): each is appended and changes nothing
    /// that was signed — a correction, a publication, and how the result is carried out.
    pub const AFTER_SEAL: [&'static str; 5] = ["amend", "record_publication", "assign_action", "report_progress", "evaluate_action"];

    pub fn after_seal(&self) -> bool {
        Intent::AFTER_SEAL.contains(&self.kind())
    }

    /// Whether an agenda item in it names a topic of the pool (R-TOPIC), which the store links.
    pub fn links_topic(&self) -> bool {
        match self {
            Intent::CreateMeeting(setup) => setup.agenda.iter().any(|i| i.topic.is_some()),
            Intent::AddAgendaItem { item } => item.topic.is_some(),
            _ => false,
        }
    }

    /// The intent's `type` tag as it appears in JSON.
    pub fn kind(&self) -> &'static str {
        match self {
            Intent::CreateMeeting(_) => "create_meeting",
            Intent::AddParticipant { .. } => "add_participant",
            Intent::AddAgendaItem { .. } => "add_agenda_item",
            Intent::RecordNotice { .. } => "record_notice",
            Intent::RecordSeatsReason { .. } => "record_seats_reason",
            Intent::BookObserver { .. } => "book_observer",
            Intent::CancelBooking { .. } => "cancel_booking",
            Intent::OpenMeeting { .. } => "open_meeting",
            Intent::MarkAttendance { .. } => "mark_attendance",
            Intent::AdjournForLackOfQuorum { .. } => "adjourn_for_lack_of_quorum",
            Intent::OpenItem { .. } => "open_item",
            Intent::AddSpeaker { .. } => "add_speaker",
            Intent::WithdrawSpeaker { .. } => "withdraw_speaker",
            Intent::StartTurn { .. } => "start_turn",
            Intent::EndTurn { .. } => "end_turn",
            Intent::SummarizeTurn { .. } => "summarize_turn",
            Intent::OpenVote { .. } => "open_vote",
            Intent::CastVote { .. } => "cast_vote",
            Intent::CloseVote { .. } => "close_vote",
            Intent::CloseByConsensus { .. } => "close_by_consensus",
            Intent::DeferItem { .. } => "defer_item",
            Intent::MarkForRedo { .. } => "mark_for_redo",
            Intent::EditMinutes { .. } => "edit_minutes",
            Intent::FinalizeMinutes { .. } => "finalize_minutes",
            Intent::Sign { .. } => "sign",
            Intent::DeclineSignature { .. } => "decline_signature",
            Intent::RecordWitness { .. } => "record_witness",
            Intent::CloseMeeting { .. } => "close_meeting",
            Intent::Amend { .. } => "amend",
            Intent::RecordPublication { .. } => "record_publication",
            Intent::AssignAction { .. } => "assign_action",
            Intent::ReportProgress { .. } => "report_progress",
            Intent::EvaluateAction { .. } => "evaluate_action",
        }
    }

    /// The rule of the guideline this intent carries out: named beside a field refusal
    /// ("the reason must not be empty") so the user hears both the field and the rule.
    pub fn rule(&self) -> Rule {
        match self {
            Intent::CreateMeeting(_) => Rule::Forms,
            Intent::AddParticipant { .. } => Rule::Parties,
            Intent::AddAgendaItem { .. } | Intent::OpenItem { .. } => Rule::Agenda,
            Intent::CloseByConsensus { .. } | Intent::DeferItem { .. } => Rule::Agenda,
            Intent::RecordNotice { .. } => Rule::Notice5,
            Intent::RecordSeatsReason { .. } => Rule::Seats,
            Intent::BookObserver { .. } | Intent::CancelBooking { .. } => Rule::Observe,
            Intent::OpenMeeting { .. } => Rule::Open,
            Intent::MarkAttendance { .. } => Rule::Roll,
            Intent::AdjournForLackOfQuorum { .. } => Rule::Quorum,
            Intent::AddSpeaker { .. }
            | Intent::WithdrawSpeaker { .. }
            | Intent::StartTurn { .. }
            | Intent::EndTurn { .. }
            | Intent::SummarizeTurn { .. } => Rule::Speak,
            Intent::OpenVote { .. } | Intent::CastVote { .. } | Intent::CloseVote { .. } => Rule::Vote,
            Intent::MarkForRedo { .. } => Rule::Redo,
            Intent::EditMinutes { .. } | Intent::FinalizeMinutes { .. } => Rule::Minutes,
            Intent::Sign { .. }
            | Intent::DeclineSignature { .. }
            | Intent::RecordWitness { .. }
            | Intent::Amend { .. } => Rule::Sign,
            Intent::CloseMeeting { .. } => Rule::Close,
            Intent::RecordPublication { .. } => Rule::Publish,
            Intent::AssignAction { .. } | Intent::ReportProgress { .. } => Rule::Implement,
            Intent::EvaluateAction { .. } => Rule::Evaluate,
        }
    }
}
