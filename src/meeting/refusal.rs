//! Why an intent was refused. Every refusal names the field or the rule it
//! broke (`rule()`), has a stable `code()` the UI branches on, and a message
//! in Simplified Chinese and English (`message()` in `i18n`). A refused intent
//! changes nothing.

use crate::agenda::ItemStatus;
use crate::ids::{ItemId, MeetingId};
use crate::roll::{Mark, Status};
use crate::rules::Rule;
use crate::setup::{Form, Level};
use crate::state::Phase;
use serde::{Deserialize, Serialize};

/// The input fields a refusal can point at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    MeetingId,
    Title,
    Place,
    Name,
    PersonId,
    ItemId,
    Background,
    Stakeholders,
    Participants,
    Chair,
    Recorder,
    Reason,
    Note,
    Summary,
    Motion,
    Resolution,
    MinutesText,
    Statement,
    AmendmentText,
    AmendedBy,
    SignatureImage,
    TurnLimit,
    Counts,
    Turn,
    By,
    Action,
    Leader,
    Department,
    Requirements,
    Due,
    FeedbackBy,
    ProgressNote,
    EvaluatedBy,
    Rectification,
    TopicId,
    Contact,
}

/// Why a character may not be entered in a text field (issue 11: bad input is refused at the
/// door, since a sealed record can never be corrected and its minutes must always print).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CharProblem {
    /// A C0 or C1 control character (NUL, U+0001, DEL, U+0085 …), or a line or paragraph
    /// separator: `\n` and `\t` only, and only in fields of several lines.
    Control,
    /// A line break or tab in a field of one line (a name, a title, a place …).
    LineBreak,
    /// A bidirectional control (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069, U+061C): it can
    /// make a name or an amount read differently from what is stored.
    Bidi,
    /// An invisible format character: zero-width space, joiners (U+200B–U+200D, as in emoji
    /// sequences), word joiner, BOM, soft hyphen, variation selectors, tags …
    Invisible,
    /// A private-use character: it means nothing outside the device it was typed on.
    PrivateUse,
    /// No export font draws it (`font::covers`): the minutes could never be printed.
    NoGlyph,
    /// Not in the shipped font, and the fallback font files (fonts-hanazono) are not installed,
    /// so it cannot be printed on this computer.
    FallbackMissing,
}

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Refusal {
    #[error("meeting {0} does not exist")]
    UnknownMeeting(MeetingId),
    #[error("meeting {0} already exists")]
    MeetingExists(MeetingId),
    #[error("{}: must not be empty", .field.en())]
    Empty { field: Field },
    #[error("{}: {len} characters, at most {max} allowed", .field.en())]
    TooLong { field: Field, len: usize, max: usize },
    /// A character a record may not hold, in `field` (issue 11): the first one found, and why.
    #[error("{}: {}", .field.en(), crate::i18n::bad_character(*.ch, *.problem, crate::i18n::Locale::En))]
    BadCharacter { field: Field, ch: char, problem: CharProblem },
    #[error("{}: \"{value}\" is not a valid id (1–64 letters, digits, '-', '_' or '.')", .field.en())]
    BadId { field: Field, value: String },
    #[error("{}: \"{value}\" appears more than once", .field.en())]
    Duplicate { field: Field, value: String },
    #[error("{}: no participant \"{id}\" in this meeting", .field.en())]
    UnknownPerson { field: Field, id: String },
    #[error("no agenda item \"{0}\" in this meeting")]
    UnknownItem(ItemId),
    #[error("{}: must be between {min} and {max}", .field.en())]
    OutOfRange { field: Field, min: u32, max: u32 },
    #[error("{} is not a form of {} meetings", crate::i18n::form_label(*.form, crate::i18n::Locale::En), crate::i18n::level_label(*.level, crate::i18n::Locale::En))]
    FormNotOfLevel { form: Form, level: Level },
    #[error("a meeting needs at least one voting member to reach a quorum")]
    NoMembers,
    #[error("cannot {} while the meeting is {}", crate::i18n::intent_label(.action, crate::i18n::Locale::En), crate::i18n::phase_label(*.phase, crate::i18n::Locale::En))]
    WrongPhase { phase: Phase, action: &'static str, rule: Rule },
    #[error("only the chair may do this; {name} is not the chair")]
    NotChair { name: String, rule: Rule },
    #[error("only the recorder may do this; {name} is not the recorder")]
    NotRecorder { name: String },
    #[error("only {percent}% of seats are held by people other than 两委 members (at least 50% required); record a reason to proceed")]
    SeatsBelowHalf { percent: u32 },
    #[error("{name} is {}: cannot be marked {}", crate::i18n::status_label(*.status, crate::i18n::Locale::En), crate::i18n::mark_label(*.mark, crate::i18n::Locale::En))]
    AttendanceConflict { name: String, status: Status, mark: Mark },
    #[error("quorum not met: {present} of {expected} members present, {required} required")]
    QuorumNotMet { present: u32, expected: u32, required: u32 },
    #[error("quorum is met ({present} present, {required} required): the meeting cannot be adjourned for lack of quorum")]
    QuorumPresent { present: u32, required: u32 },
    #[error("the meeting was adjourned for lack of quorum")]
    Adjourned,
    #[error("agenda item \"{open}\" is still open: close, decide or defer it first")]
    ItemAlreadyOpen { open: String },
    #[error("agenda item \"{title}\" is {}, not pending", crate::i18n::item_status_label(*.status, crate::i18n::Locale::En))]
    ItemNotPending { title: String, status: ItemStatus },
    #[error("no agenda item is open")]
    NoOpenItem,
    #[error("agenda items not yet closed: {titles}")]
    ItemsNotClosed { titles: String },
    #[error("{name} is the chair, who stays neutral and is not put on the speakers list")]
    ChairMayNotSpeak { name: String },
    #[error("{name} is an observer (旁听) and does not take the floor")]
    ObserverMayNotSpeak { name: String },
    #[error("{name} is not present")]
    NotPresent { name: String, rule: Rule },
    #[error("{name} is already on the speakers list")]
    AlreadyQueued { name: String },
    #[error("{name} is not on the speakers list")]
    NotQueued { name: String },
    #[error("the speakers list is empty")]
    QueueEmpty,
    #[error("{name} is still speaking: end that turn first")]
    TurnRunning { name: String },
    #[error("nobody is speaking")]
    NoTurnRunning,
    #[error("there is no turn {0} on this item")]
    UnknownTurn(u32),
    #[error("a vote is in progress")]
    VoteInProgress,
    #[error("no vote is open")]
    NoVoteOpen,
    #[error("this item has already been voted on")]
    AlreadyVotedOnItem,
    #[error("{name} was not a present member when the vote opened")]
    NotEligible { name: String },
    #[error("{name} has already voted")]
    AlreadyVoted { name: String },
    #[error("individual choices are recorded only in a named vote")]
    NotNamedVote,
    #[error("a show-of-hands or secret vote needs the counts (yes, no, abstain)")]
    CountsRequired,
    #[error("a named vote is counted from the members' ballots; do not give counts")]
    CountsNotAllowed,
    #[error("{counted} votes counted but only {present} members present")]
    CountsExceedPresent { counted: u32, present: u32 },
    #[error("only a failed or deferred matter can be marked for re-deliberation")]
    CannotRedo { title: String },
    #[error("{name} is not among those who sign these minutes")]
    NotSigner { name: String },
    #[error("{name} has already signed or declined")]
    AlreadySigned { name: String },
    #[error("the signature is not a usable PNG image: {why}")]
    BadSignatureImage { why: String },
    #[error("the signature image of {name} is blank ({ink} pixels of ink): sign again")]
    BlankSignature { name: String, ink: u64 },
    #[error("still to sign or decline: {names}")]
    SignaturesMissing { names: String },
    #[error("the record is sealed: it can only be amended by appending")]
    Sealed,
    /// A meeting received in a bundle from another installation: its record is that community's.
    #[error("this record was received from {community}: it is read-only here; amendments come from that community in a later bundle")]
    Received { community: String },
    #[error("amendments are appended after the record is sealed; before that, edit the minutes")]
    NotSealed,
    #[error("{}: must not be before the time it is recorded", .field.en())]
    InThePast { field: Field },
    #[error("agenda item \"{title}\" reached no resolution: only a resolution is carried out")]
    NoResolution { title: String },
    #[error("there is no action {0} in this meeting")]
    UnknownAction(u32),
    #[error("action {no} is already reported done; an evaluation asking rectification reopens it")]
    ActionDone { no: u32 },
    #[error("action {no} is not reported done yet: evaluate it once done")]
    ActionNotDone { no: u32 },
    #[error("no observer seat is free: this meeting offers {seats}")]
    ObserverSeatsFull { seats: u32 },
    #[error("there is no booking {0} to cancel")]
    UnknownBooking(u32),
    #[error("no topic \"{0}\" in the pool")]
    UnknownTopic(String),
    #[error("topic \"{title}\" is already decided or withdrawn")]
    TopicNotOpen { title: String },
    #[error("topic \"{title}\" is for a meeting at the {level:?} level")]
    TopicWrongLevel { title: String, level: Level },
    #[error("\"{title}\" cannot be forwarded: only a closed item of a community meeting is escalated")]
    CannotEscalate { title: String },
    /// A field refusal (empty, too long, unknown person...) found while checking an intent,
    /// with that intent's rule: its code and message are the field refusal's.
    #[error("{inner}")]
    InIntent { rule: Rule, inner: Box<Refusal> },
}

impl Refusal {
    /// The rule this refusal enforces, when it enforces one.
    pub fn rule(&self) -> Option<Rule> {
        use Refusal as R;
        Some(match self {
            R::InIntent { rule, .. } => *rule,
            R::UnknownMeeting(_)
            | R::MeetingExists(_)
            | R::Empty { .. }
            | R::TooLong { .. }
            | R::BadCharacter { .. }
            | R::BadId { .. }
            | R::Duplicate { .. }
            | R::UnknownPerson { .. }
            | R::OutOfRange { .. }
            | R::InThePast { .. } => return None,
            R::UnknownItem(_) => Rule::Agenda,
            R::NoResolution { .. } | R::UnknownAction(_) | R::ActionDone { .. } => Rule::Implement,
            R::ActionNotDone { .. } => Rule::Evaluate,
            R::TopicNotOpen { .. } | R::UnknownTopic(_) | R::TopicWrongLevel { .. } => Rule::Topic,
            R::ObserverSeatsFull { .. } | R::UnknownBooking(_) => Rule::Observe,
            R::CannotEscalate { .. } => Rule::Escalate,
            R::FormNotOfLevel { .. } => Rule::Forms,
            R::NoMembers => Rule::Quorum,
            R::WrongPhase { rule, .. } => *rule,
            R::NotChair { rule, .. } => *rule,
            R::NotRecorder { .. } => Rule::Minutes,
            R::SeatsBelowHalf { .. } => Rule::Seats,
            R::AttendanceConflict { .. } => Rule::Roll,
            R::QuorumNotMet { .. } | R::QuorumPresent { .. } | R::Adjourned => Rule::Quorum,
            R::ItemAlreadyOpen { .. } | R::ItemNotPending { .. } | R::NoOpenItem | R::ItemsNotClosed { .. } => {
                Rule::Agenda
            }
            R::ChairMayNotSpeak { .. } => Rule::Neutral,
            R::ObserverMayNotSpeak { .. }
            | R::AlreadyQueued { .. }
            | R::NotQueued { .. }
            | R::QueueEmpty
            | R::TurnRunning { .. }
            | R::NoTurnRunning
            | R::UnknownTurn(_) => Rule::Speak,
            R::NotPresent { rule, .. } => *rule,
            R::VoteInProgress
            | R::NoVoteOpen
            | R::AlreadyVotedOnItem
            | R::NotEligible { .. }
            | R::AlreadyVoted { .. }
            | R::NotNamedVote
            | R::CountsRequired
            | R::CountsNotAllowed
            | R::CountsExceedPresent { .. } => Rule::Vote,
            R::CannotRedo { .. } => Rule::Redo,
            R::NotSigner { .. }
            | R::AlreadySigned { .. }
            | R::BadSignatureImage { .. }
            | R::BlankSignature { .. }
            | R::SignaturesMissing { .. }
            | R::Sealed
            | R::Received { .. }
            | R::NotSealed => Rule::Sign,
        })
    }

    /// A stable snake_case code the UI and scripts branch on.
    pub fn code(&self) -> &'static str {
        use Refusal as R;
        match self {
            R::InIntent { inner, .. } => inner.code(),
            R::UnknownMeeting(_) => "unknown_meeting",
            R::MeetingExists(_) => "meeting_exists",
            R::Empty { .. } => "empty",
            R::TooLong { .. } => "too_long",
            R::BadCharacter { .. } => "bad_character",
            R::BadId { .. } => "bad_id",
            R::Duplicate { .. } => "duplicate",
            R::UnknownPerson { .. } => "unknown_person",
            R::UnknownItem(_) => "unknown_item",
            R::OutOfRange { .. } => "out_of_range",
            R::FormNotOfLevel { .. } => "form_not_of_level",
            R::NoMembers => "no_members",
            R::WrongPhase { .. } => "wrong_phase",
            R::NotChair { .. } => "not_chair",
            R::NotRecorder { .. } => "not_recorder",
            R::SeatsBelowHalf { .. } => "seats_below_half",
            R::AttendanceConflict { .. } => "attendance_conflict",
            R::QuorumNotMet { .. } => "quorum_not_met",
            R::QuorumPresent { .. } => "quorum_present",
            R::Adjourned => "adjourned",
            R::ItemAlreadyOpen { .. } => "item_already_open",
            R::ItemNotPending { .. } => "item_not_pending",
            R::NoOpenItem => "no_open_item",
            R::ItemsNotClosed { .. } => "items_not_closed",
            R::ChairMayNotSpeak { .. } => "chair_may_not_speak",
            R::ObserverMayNotSpeak { .. } => "observer_may_not_speak",
            R::NotPresent { .. } => "not_present",
            R::AlreadyQueued { .. } => "already_queued",
            R::NotQueued { .. } => "not_queued",
            R::QueueEmpty => "queue_empty",
            R::TurnRunning { .. } => "turn_running",
            R::NoTurnRunning => "no_turn_running",
            R::UnknownTurn(_) => "unknown_turn",
            R::VoteInProgress => "vote_in_progress",
            R::NoVoteOpen => "no_vote_open",
            R::AlreadyVotedOnItem => "already_voted_on_item",
            R::NotEligible { .. } => "not_eligible",
            R::AlreadyVoted { .. } => "already_voted",
            R::NotNamedVote => "not_named_vote",
            R::CountsRequired => "counts_required",
            R::CountsNotAllowed => "counts_not_allowed",
            R::CountsExceedPresent { .. } => "counts_exceed_present",
            R::CannotRedo { .. } => "cannot_redo",
            R::NotSigner { .. } => "not_signer",
            R::AlreadySigned { .. } => "already_signed",
            R::BadSignatureImage { .. } => "bad_signature_image",
            R::BlankSignature { .. } => "blank_signature",
            R::SignaturesMissing { .. } => "signatures_missing",
            R::Sealed => "sealed",
            R::Received { .. } => "received_record",
            R::NotSealed => "not_sealed",
            R::InThePast { .. } => "in_the_past",
            R::NoResolution { .. } => "no_resolution",
            R::UnknownAction(_) => "unknown_action",
            R::ActionDone { .. } => "action_done",
            R::ActionNotDone { .. } => "action_not_done",
            R::TopicNotOpen { .. } => "topic_not_open",
            R::TopicWrongLevel { .. } => "topic_wrong_level",
            R::UnknownTopic(_) => "unknown_topic",
            R::ObserverSeatsFull { .. } => "observer_seats_full",
            R::UnknownBooking(_) => "unknown_booking",
            R::CannotEscalate { .. } => "cannot_escalate",
        }
    }

    /// A field refusal found in an intent of `rule` names that rule too; any other refusal
    /// is returned as it is.
    pub fn within(self, rule: Rule) -> Refusal {
        use Refusal as R;
        match self {
            R::Empty { .. }
            | R::TooLong { .. }
            | R::BadCharacter { .. }
            | R::BadId { .. }
            | R::Duplicate { .. }
            | R::UnknownPerson { .. }
            | R::OutOfRange { .. }
            | R::InThePast { .. } => R::InIntent { rule, inner: Box::new(self) },
            other => other,
        }
    }

    /// The refusal as the UI and the CLI receive it.
    pub fn report(&self) -> RefusalReport {
        RefusalReport {
            code: self.code().to_string(),
            rule: self.rule(),
            message_zh: self.message(crate::i18n::Locale::Zh),
            message_en: self.message(crate::i18n::Locale::En),
        }
    }
}

/// `{code, rule, message_zh, message_en}`: the shape a refusal crosses a boundary in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusalReport {
    pub code: String,
    pub rule: Option<Rule>,
    pub message_zh: String,
    pub message_en: String,
}
