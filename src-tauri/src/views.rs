//! What the UI receives: deliberate views of the core's state, built field by field from the
//! core types (so a change in the core breaks this file at compile time instead of drifting),
//! with the guideline's labels in both languages taken from the core's own catalog.

use serde::Serialize;
use ts_rs::TS;
use yishi::i18n::{self, Locale};

use crate::dto::{Channel, Choice, Form, Level, PartyGroup, Role, Tally, Verdict, VoteMode, VoteRule, WitnessKind};

/// A label in both locales; the UI picks the one in use.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Label {
    pub zh: String,
    pub en: String,
}

impl Label {
    pub(crate) fn of(f: impl Fn(Locale) -> &'static str) -> Label {
        Label { zh: f(Locale::Zh).to_string(), en: f(Locale::En).to_string() }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Setup,
    InSession,
    Signing,
    Sealed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    Pending,
    Open,
    Voted,
    Consensus,
    Deferred,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AttendanceStatus {
    NotCalled,
    Present,
    Late,
    AbsentWithLeave,
    AbsentWithoutLeave,
    LeftEarly,
}

impl From<yishi::state::Phase> for Phase {
    fn from(p: yishi::state::Phase) -> Self {
        use yishi::state::Phase as P;
        match p {
            P::Setup => Phase::Setup,
            P::InSession => Phase::InSession,
            P::Signing => Phase::Signing,
            P::Sealed => Phase::Sealed,
        }
    }
}

impl From<yishi::agenda::ItemStatus> for ItemStatus {
    fn from(s: yishi::agenda::ItemStatus) -> Self {
        use yishi::agenda::ItemStatus as S;
        match s {
            S::Pending => ItemStatus::Pending,
            S::Open => ItemStatus::Open,
            S::Voted => ItemStatus::Voted,
            S::Consensus => ItemStatus::Consensus,
            S::Deferred => ItemStatus::Deferred,
        }
    }
}

impl From<yishi::roll::Status> for AttendanceStatus {
    fn from(s: yishi::roll::Status) -> Self {
        use yishi::roll::Status as S;
        match s {
            S::NotCalled => AttendanceStatus::NotCalled,
            S::Present => AttendanceStatus::Present,
            S::Late => AttendanceStatus::Late,
            S::AbsentWithLeave => AttendanceStatus::AbsentWithLeave,
            S::AbsentWithoutLeave => AttendanceStatus::AbsentWithoutLeave,
            S::LeftEarly => AttendanceStatus::LeftEarly,
        }
    }
}

impl From<yishi::setup::Level> for Level {
    fn from(l: yishi::setup::Level) -> Self {
        match l {
            yishi::setup::Level::Street => Level::Street,
            yishi::setup::Level::Community => Level::Community,
        }
    }
}

impl From<yishi::setup::Form> for Form {
    fn from(f: yishi::setup::Form) -> Self {
        use yishi::setup::Form as F;
        match f {
            F::Symposium => Form::Symposium,
            F::DemocraticConsultation => Form::DemocraticConsultation,
            F::PublicConsultation => Form::PublicConsultation,
            F::ThematicDeliberation => Form::ThematicDeliberation,
            F::PublicHearing => Form::PublicHearing,
            F::Coordination => Form::Coordination,
            F::ResidentsAssembly => Form::ResidentsAssembly,
            F::ResidentRepresentatives => Form::ResidentRepresentatives,
            F::VillagersAssembly => Form::VillagersAssembly,
            F::VillagerRepresentatives => Form::VillagerRepresentatives,
            F::DeliberationCouncil => Form::DeliberationCouncil,
            F::SecretaryTea => Form::SecretaryTea,
            F::PublicSentiment => Form::PublicSentiment,
            F::ExpertCouncil => Form::ExpertCouncil,
            F::ExpertHearing => Form::ExpertHearing,
        }
    }
}

impl From<yishi::people::PartyGroup> for PartyGroup {
    fn from(g: yishi::people::PartyGroup) -> Self {
        use yishi::people::PartyGroup as G;
        match g {
            G::Deputies => PartyGroup::Deputies,
            G::Organisations => PartyGroup::Organisations,
            G::Residents => PartyGroup::Residents,
            G::Supporters => PartyGroup::Supporters,
            G::Experts => PartyGroup::Experts,
            G::Public => PartyGroup::Public,
        }
    }
}

impl From<yishi::people::Role> for Role {
    fn from(r: yishi::people::Role) -> Self {
        use yishi::people::Role as R;
        match r {
            R::Member => Role::Member,
            R::Attendee => Role::Attendee,
            R::Observer => Role::Observer,
        }
    }
}

impl From<yishi::vote::VoteMode> for VoteMode {
    fn from(m: yishi::vote::VoteMode) -> Self {
        use yishi::vote::VoteMode as M;
        match m {
            M::Hands => VoteMode::Hands,
            M::Named => VoteMode::Named,
            M::Secret => VoteMode::Secret,
        }
    }
}

impl From<yishi::vote::VoteRule> for VoteRule {
    fn from(r: yishi::vote::VoteRule) -> Self {
        use yishi::vote::VoteRule as R;
        match r {
            R::HalfOrMore => VoteRule::HalfOrMore,
            R::MoreThanHalf => VoteRule::MoreThanHalf,
            R::TwoThirds => VoteRule::TwoThirds,
        }
    }
}

impl From<yishi::vote::Choice> for Choice {
    fn from(c: yishi::vote::Choice) -> Self {
        use yishi::vote::Choice as C;
        match c {
            C::Yes => Choice::Yes,
            C::No => Choice::No,
            C::Abstain => Choice::Abstain,
        }
    }
}

impl From<yishi::vote::Tally> for Tally {
    fn from(t: yishi::vote::Tally) -> Self {
        Tally { yes: t.yes, no: t.no, abstain: t.abstain }
    }
}

impl From<yishi::sign::WitnessKind> for WitnessKind {
    fn from(k: yishi::sign::WitnessKind) -> Self {
        match k {
            yishi::sign::WitnessKind::Lawyer => WitnessKind::Lawyer,
            yishi::sign::WitnessKind::Notary => WitnessKind::Notary,
        }
    }
}

impl From<yishi::sign::Channel> for Channel {
    fn from(c: yishi::sign::Channel) -> Self {
        match c {
            yishi::sign::Channel::NoticeBoard => Channel::NoticeBoard,
            yishi::sign::Channel::Online => Channel::Online,
        }
    }
}

impl From<yishi::implement::Verdict> for Verdict {
    fn from(v: yishi::implement::Verdict) -> Self {
        match v {
            yishi::implement::Verdict::Satisfactory => Verdict::Satisfactory,
            yishi::implement::Verdict::Rectify => Verdict::Rectify,
        }
    }
}

/// A time as the UI reads it: RFC 3339 with the recorded offset, to the millisecond.
pub(crate) fn time(t: &yishi::Time) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, false)
}

/// One row of the home screen's meeting list.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct MeetingListItem {
    pub id: String,
    pub title: String,
    pub level: Level,
    pub level_label: Label,
    pub form: Form,
    pub form_label: Label,
    pub scheduled_at: String,
    pub phase: Phase,
    pub phase_label: Label,
    /// R-PUBLISH: a street result not published on a channel within 3 days, as of the list.
    pub publish_warning: Option<WarningView>,
    /// R-IMPLEMENT: actions past their completion time or feedback deadline, as of the list.
    pub implement_warnings: Vec<WarningView>,
    /// Received in a bundle from this community (read-only here); None for this installation's own.
    pub received_from: Option<String>,
}

impl MeetingListItem {
    pub fn of(s: &yishi::store::MeetingSummary, publish_warning: Option<WarningView>, now: yishi::Time) -> Self {
        MeetingListItem {
            id: s.id.to_string(),
            title: s.title.clone(),
            level: s.level.into(),
            level_label: Label::of(|l| i18n::level_label(s.level, l)),
            form: s.form.into(),
            form_label: Label::of(|l| i18n::form_label(s.form, l)),
            scheduled_at: s.scheduled_at.to_rfc3339(),
            phase: s.phase.into(),
            phase_label: Label::of(|l| i18n::phase_label(s.phase, l)),
            publish_warning,
            implement_warnings: yishi::implement::warnings_of(&s.implement, now).iter().map(WarningView::from).collect(),
            received_from: None,
        }
    }

    /// Marked as received from another installation (`Store::received`).
    pub fn received(self, origin: Option<yishi::community::archive::Origin>) -> Self {
        MeetingListItem { received_from: origin.map(|o| o.community), ..self }
    }
}

/// R-QUORUM as computed by the core: present × 3 ≥ expected × 2.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
pub struct QuorumView {
    pub present: u32,
    pub expected: u32,
    pub required: u32,
    pub met: bool,
}

impl From<&yishi::quorum::Quorum> for QuorumView {
    fn from(q: &yishi::quorum::Quorum) -> Self {
        QuorumView { present: q.present, expected: q.expected, required: q.required, met: q.met }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct AgendaItemView {
    pub id: String,
    pub title: String,
    pub background: String,
    pub stakeholders: String,
    pub status: ItemStatus,
    pub status_label: Label,
    pub opened_at: Option<String>,
    pub closed_at: Option<String>,
    /// R-SPEAK: waiting to speak, in order.
    pub queue: Vec<PersonRef>,
    pub turns: Vec<TurnView>,
    pub vote: Option<VoteView>,
    /// The motion carried, or what was agreed by consensus.
    pub resolution: Option<String>,
    pub deferral_reason: Option<String>,
    /// R-REDO: why the matter is to be deliberated again.
    pub redo_reason: Option<String>,
    /// R-REDO: a failed vote or a deferral may be carried to a later meeting (the core's test).
    pub may_redo: bool,
}

/// A person named in a list (queue, voters): id, name and party group.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct PersonRef {
    pub id: String,
    pub name: String,
    pub group: PartyGroup,
    /// The group's short name (R-PARTIES).
    pub group_label: Label,
}

/// R-SPEAK: one speaking turn.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct TurnView {
    /// 1-based within the item.
    pub no: u32,
    pub person: PersonRef,
    pub started_at: String,
    /// None while the turn is running.
    pub ended_at: Option<String>,
    /// Seconds spoken, for a finished turn.
    pub seconds: Option<u32>,
    pub summary: Option<String>,
}

/// R-VOTE: a named ballot.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct BallotView {
    pub person: String,
    pub choice: Choice,
}

/// R-VOTE: the result as the core decided it, with the explanation printed beside it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct OutcomeView {
    pub passed: bool,
    pub present: u32,
    pub required_yes: u32,
    pub not_voting: u32,
    pub exact_half: bool,
    /// The rule applied, the counts needed, the result and, at an exact half, which way
    /// the rule decided it (the core's `i18n::outcome_text`).
    pub text: Label,
}

/// R-VOTE: the vote on an item, open or closed.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct VoteView {
    pub motion: String,
    pub mode: VoteMode,
    pub mode_label: Label,
    pub rule: VoteRule,
    pub rule_label: Label,
    /// The members present when the vote opened: the denominator, and who votes by name.
    pub eligible: Vec<PersonRef>,
    /// Named votes: each member's choice so far.
    pub ballots: Vec<BallotView>,
    /// Named votes: the count of the ballots so far.
    pub running: Tally,
    pub opened_at: String,
    pub closed_at: Option<String>,
    pub tally: Option<Tally>,
    pub outcome: Option<OutcomeView>,
}

/// R-SPEAK: speaking time of one party group over the meeting's finished turns.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct GroupTimeView {
    pub group: PartyGroup,
    /// The group's short name.
    pub group_label: Label,
    pub turns: u32,
    pub seconds: u32,
}

/// R-MINUTES: the recorder's text (once edited) and the draft generated from the record.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct MinutesView {
    /// The recorder's latest text, if any was saved.
    pub text: Option<String>,
    pub edited_at: Option<String>,
    /// Generated from the record as it stands (`yishi::minutes::draft`).
    pub draft: String,
    pub finalized_at: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SignerState {
    Pending,
    Signed,
    Declined,
}

/// R-SIGN: one person who signs the minutes (fixed when they are finalized).
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct SignerView {
    pub person: PersonRef,
    pub state: SignerState,
    pub at: Option<String>,
    /// Why they declined.
    pub reason: Option<String>,
    /// SHA-256 of the signature image kept in the record.
    pub image_sha256: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct WitnessView {
    pub name: String,
    pub kind: WitnessKind,
    pub kind_label: Label,
    pub statement: Option<String>,
    pub at: String,
}

/// R-SIGN: a correction appended after the seal; what was signed is unchanged.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct AmendmentView {
    /// 1-based, in the order appended.
    pub no: u32,
    pub by: String,
    pub reason: String,
    pub text: String,
    pub at: String,
}

/// R-PUBLISH: where a result was posted; the time is the command's.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct PublicationView {
    pub channel: Channel,
    pub channel_label: Label,
    pub place: String,
    pub at: String,
}

/// R-IMPLEMENT, R-EVALUATE: how a resolution is carried out.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ActionView {
    /// 1-based, in the order assigned; reports and evaluations name it.
    pub no: u32,
    pub item: String,
    pub item_title: String,
    pub leader: String,
    pub department: String,
    pub requirements: String,
    pub due: String,
    pub feedback_by: String,
    pub assigned_at: String,
    /// Reported done and not reopened by an evaluation asking rectification.
    pub done_at: Option<String>,
    /// Past its completion time, or silent past its feedback deadline (as of the view).
    pub warning: Option<WarningView>,
    pub progress: Vec<ProgressView>,
    pub evaluations: Vec<EvaluationView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ProgressView {
    pub note: String,
    pub done: bool,
    pub at: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct EvaluationView {
    pub by: String,
    pub verdict: Verdict,
    pub verdict_label: Label,
    pub rectification: Option<String>,
    pub at: String,
}

fn action_view(m: &yishi::Meeting, a: &yishi::implement::ActionItem, now: yishi::Time) -> ActionView {
    ActionView {
        no: a.no,
        item: a.item.to_string(),
        item_title: m.item(&a.item).map(|i| i.spec.title.clone()).unwrap_or_default(),
        leader: a.leader.clone(),
        department: a.department.clone(),
        requirements: a.requirements.clone(),
        due: time(&a.due),
        feedback_by: time(&a.feedback_by),
        assigned_at: time(&a.assigned_at),
        done_at: a.done_at().as_ref().map(time),
        warning: yishi::implement::warning(a, now).as_ref().map(WarningView::from),
        progress: a.progress.iter().map(|p| ProgressView { note: p.note.clone(), done: p.done, at: time(&p.at) }).collect(),
        evaluations: a
            .evaluations
            .iter()
            .map(|e| EvaluationView {
                by: e.by.clone(),
                verdict: e.verdict.into(),
                verdict_label: Label::of(|l| i18n::verdict_label(e.verdict, l)),
                rectification: e.rectification.clone(),
                at: time(&e.at),
            })
            .collect(),
    }
}

/// R-OBSERVE: an observer booking (预约旁听).
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct BookingView {
    /// 1-based, in the order booked; cancel_booking names it.
    pub no: u32,
    pub name: String,
    pub contact: String,
    pub online: bool,
    pub at: String,
    /// Cancelled, with the reason; the seat is free again.
    pub cancelled_reason: Option<String>,
}

/// R-NOTICE5: when the meeting's notice was published and the invitations sent, as recorded.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct NoticeView {
    pub published_at: Option<String>,
    pub invitations_sent_at: Option<String>,
}

/// R-QUORUM: the meeting was adjourned for lack of quorum.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct AdjournmentView {
    pub at: String,
    pub present: u32,
    pub expected: u32,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ParticipantView {
    pub id: String,
    pub name: String,
    pub group: PartyGroup,
    pub group_label: Label,
    pub two_committees: bool,
    pub role: Role,
    pub role_label: Label,
    pub status: AttendanceStatus,
    pub status_label: Label,
    /// Present or arrived late (R-ROLL), as the core reads the roll.
    pub present: bool,
    /// The room may offer them for the speakers list (R-SPEAK; the core refuses the chair, R-NEUTRAL).
    pub in_the_room: bool,
}

/// The steps of the meeting as the guideline lists them (the core's `meeting::flow::Step`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Open,
    Roll,
    Agenda,
    Speak,
    Vote,
    Minutes,
    Sign,
    Seal,
}

impl From<yishi::meeting::flow::Step> for Step {
    fn from(s: yishi::meeting::flow::Step) -> Self {
        use yishi::meeting::flow::Step as S;
        match s {
            S::Open => Step::Open,
            S::Roll => Step::Roll,
            S::Agenda => Step::Agenda,
            S::Speak => Step::Speak,
            S::Vote => Step::Vote,
            S::Minutes => Step::Minutes,
            S::Sign => Step::Sign,
            S::Seal => Step::Seal,
        }
    }
}

/// What the chair does next, as the core decided it, with the rule that makes it next.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct NextView {
    pub rule: String,
    pub action: NextAction,
}

/// The core's `meeting::flow::Next` with people and items named: the fields fill the
/// message `room.next.<code>` of the UI's catalogs.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum NextAction {
    RecordSeatsReason { percent: u32 },
    OpenMeeting { name: String },
    CallRoll { count: u32 },
    AwaitQuorum { present: u32, required: u32 },
    OpenItem { item: String, title: String },
    EndTurn { name: String },
    NextSpeaker { name: String },
    CloseItem { title: String },
    CastBallots { count: u32 },
    CloseVote,
    FinalizeMinutes { name: String },
    CollectSignatures { count: u32 },
    CloseMeeting { name: String },
}

impl NextView {
    fn of(m: &yishi::Meeting, next: &yishi::meeting::flow::Next) -> Self {
        use yishi::meeting::flow::Next as N;
        let title = |id: &yishi::ItemId| m.item(id).map(|i| i.spec.title.clone()).unwrap_or_default();
        let action = match next {
            N::RecordSeatsReason { percent } => NextAction::RecordSeatsReason { percent: *percent },
            N::OpenMeeting { chair } => NextAction::OpenMeeting { name: m.name_of(chair) },
            N::CallRoll { not_called } => NextAction::CallRoll { count: *not_called },
            N::AwaitQuorum { present, required } => NextAction::AwaitQuorum { present: *present, required: *required },
            N::OpenItem { item } => NextAction::OpenItem { item: item.to_string(), title: title(item) },
            N::EndTurn { person } => NextAction::EndTurn { name: m.name_of(person) },
            N::NextSpeaker { person } => NextAction::NextSpeaker { name: m.name_of(person) },
            N::CloseItem { item } => NextAction::CloseItem { title: title(item) },
            N::CastBallots { remaining } => NextAction::CastBallots { count: *remaining },
            N::CloseVote => NextAction::CloseVote,
            N::FinalizeMinutes { recorder } => NextAction::FinalizeMinutes { name: m.name_of(recorder) },
            N::CollectSignatures { pending } => NextAction::CollectSignatures { count: *pending },
            N::CloseMeeting { chair } => NextAction::CloseMeeting { name: m.name_of(chair) },
        };
        NextView { rule: next.rule().id().to_string(), action }
    }
}

/// A setup finding (R-NOTICE5, R-SEATS) with the core's messages.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct WarningView {
    pub rule: String,
    pub code: String,
    pub message_zh: String,
    pub message_en: String,
}

/// A meeting as the windows show it. Grows with the screens that need more of the snapshot.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct MeetingView {
    pub id: String,
    pub title: String,
    pub place: String,
    pub scheduled_at: String,
    pub level: Level,
    pub level_label: Label,
    pub form: Form,
    pub form_label: Label,
    pub phase: Phase,
    pub phase_label: Label,
    pub chair: String,
    pub chair_name: String,
    pub recorder: String,
    pub recorder_name: String,
    pub quorum: QuorumView,
    pub current_item: Option<String>,
    /// Where the meeting is in the guideline's flow, and what the chair does next (the core's
    /// `meeting::flow`): the room reads these and decides nothing.
    pub step: Step,
    pub next: Option<NextView>,
    /// The running turn of the open item, by its number. R-SPEAK
    pub running_turn: Option<u32>,
    /// A vote is open on the open item. R-VOTE
    pub vote_open: bool,
    pub agenda: Vec<AgendaItemView>,
    pub participants: Vec<ParticipantView>,
    pub warnings: Vec<WarningView>,
    /// The record's fingerprint: the head of its hash chain (R-OPENNESS).
    pub record_head: String,
    /// R-SPEAK: the per-turn limit.
    pub turn_limit_secs: u32,
    /// R-VOTE: the meeting's default rule.
    pub vote_rule: VoteRule,
    pub vote_rule_label: Label,
    pub opened_at: Option<String>,
    pub closed_at: Option<String>,
    pub adjourned: Option<AdjournmentView>,
    /// R-SPEAK: speaking time per party group, all six listed.
    pub speaking_time: Vec<GroupTimeView>,
    pub minutes: MinutesView,
    pub signers: Vec<SignerView>,
    pub witnesses: Vec<WitnessView>,
    pub notice: NoticeView,
    /// R-SIGN: corrections appended after the seal, in order.
    pub amendments: Vec<AmendmentView>,
    /// R-PUBLISH: publication records, in order.
    pub publications: Vec<PublicationView>,
    /// R-PUBLISH: a street result not published on a channel within 3 days (as of the
    /// moment this view was made).
    pub publish_warning: Option<WarningView>,
    /// The community this record was received from (a bundle): read-only here.
    pub received_from: Option<String>,
    /// R-IMPLEMENT, R-EVALUATE: how each resolution is carried out, in the order assigned,
    /// each with its overdue warning as of the moment this view was made.
    pub actions: Vec<ActionView>,
    /// R-OBSERVE: the observer seats offered and the bookings, cancelled ones included.
    pub observer_seats: u32,
    pub bookings: Vec<BookingView>,
}

pub(crate) fn person_ref(m: &yishi::Meeting, id: &yishi::PersonId) -> PersonRef {
    let group = m.participant(id).map(|p| p.person.group).unwrap_or(yishi::people::PartyGroup::Public);
    PersonRef {
        id: id.to_string(),
        name: m.name_of(id),
        group: group.into(),
        group_label: Label::of(|l| i18n::group_short(group, l)),
    }
}

fn turn_view(m: &yishi::Meeting, t: &yishi::speak::Turn) -> TurnView {
    TurnView {
        no: t.no,
        person: person_ref(m, &t.person),
        started_at: time(&t.started_at),
        ended_at: t.ended_at.as_ref().map(time),
        seconds: t.ended_at.map(|_| t.seconds(t.started_at)),
        summary: t.summary.clone(),
    }
}

pub(crate) fn vote_view(m: &yishi::Meeting, v: &yishi::vote::Vote) -> VoteView {
    VoteView {
        motion: v.motion.clone(),
        mode: v.mode.into(),
        mode_label: Label::of(|l| i18n::mode_label(v.mode, l)),
        rule: v.rule.into(),
        rule_label: Label::of(|l| i18n::rule_label(v.rule, l)),
        eligible: v.eligible.iter().map(|id| person_ref(m, id)).collect(),
        ballots: v
            .ballots
            .iter()
            .map(|(id, c)| BallotView { person: id.to_string(), choice: (*c).into() })
            .collect(),
        running: yishi::vote::Tally::of(&v.ballots).into(),
        opened_at: time(&v.opened_at),
        closed_at: v.closed_at.as_ref().map(time),
        tally: v.tally.map(Tally::from),
        outcome: v.outcome.map(|o| OutcomeView {
            passed: o.passed,
            present: o.present,
            required_yes: o.required_yes,
            not_voting: o.not_voting,
            exact_half: o.exact_half,
            text: Label {
                zh: i18n::outcome_text(&o, Locale::Zh),
                en: i18n::outcome_text(&o, Locale::En),
            },
        }),
    }
}

fn signer_view(m: &yishi::Meeting, id: &yishi::PersonId) -> SignerView {
    use yishi::sign::Confirmation;
    let entry = m.signatures.iter().find(|s| &s.person == id);
    let (state, reason, image) = match entry.map(|e| &e.confirmation) {
        None => (SignerState::Pending, None, None),
        Some(Confirmation::Signed { image_sha256, .. }) => (SignerState::Signed, None, Some(image_sha256.clone())),
        Some(Confirmation::Declined { reason }) => (SignerState::Declined, Some(reason.clone()), None),
    };
    SignerView {
        person: person_ref(m, id),
        state,
        at: entry.map(|e| time(&e.at)),
        reason,
        image_sha256: image,
    }
}

impl From<&yishi::state::Warning> for WarningView {
    fn from(w: &yishi::state::Warning) -> Self {
        WarningView {
            rule: w.rule.id().to_string(),
            code: w.code.clone(),
            message_zh: w.message_zh.clone(),
            message_en: w.message_en.clone(),
        }
    }
}

impl MeetingView {
    /// The meeting as of `now` (the clock only decides R-PUBLISH's deadline warning).
    pub fn at(s: &yishi::Snapshot, now: yishi::Time) -> Self {
        let m = &s.meeting;
        MeetingView {
            id: m.id.to_string(),
            title: m.title.clone(),
            place: m.place.clone(),
            scheduled_at: m.scheduled_at.to_rfc3339(),
            level: m.level.into(),
            level_label: Label::of(|l| i18n::level_label(m.level, l)),
            form: m.form.into(),
            form_label: Label::of(|l| i18n::form_label(m.form, l)),
            phase: m.phase.into(),
            phase_label: Label::of(|l| i18n::phase_label(m.phase, l)),
            chair: m.chair.to_string(),
            chair_name: m.name_of(&m.chair),
            recorder: m.recorder.to_string(),
            recorder_name: m.name_of(&m.recorder),
            quorum: QuorumView::from(&s.quorum),
            current_item: s.current_item.as_ref().map(|i| i.to_string()),
            step: s.flow.step.into(),
            next: s.flow.next.as_ref().map(|n| NextView::of(m, n)),
            running_turn: s.flow.running_turn,
            vote_open: s.flow.vote_open,
            agenda: m
                .agenda
                .iter()
                .map(|i| AgendaItemView {
                    id: i.spec.id.to_string(),
                    title: i.spec.title.clone(),
                    background: i.spec.background.clone(),
                    stakeholders: i.spec.stakeholders.clone(),
                    status: i.status.into(),
                    status_label: Label::of(|l| i18n::item_status_label(i.status, l)),
                    opened_at: i.opened_at.as_ref().map(time),
                    closed_at: i.closed_at.as_ref().map(time),
                    queue: i.queue.iter().map(|id| person_ref(m, id)).collect(),
                    turns: i.turns.iter().map(|t| turn_view(m, t)).collect(),
                    vote: i.vote.as_ref().map(|v| vote_view(m, v)),
                    resolution: i.resolution.clone(),
                    deferral_reason: i.deferral_reason.clone(),
                    redo_reason: i.redo_reason.clone(),
                    may_redo: i.may_redo(),
                })
                .collect(),
            participants: m
                .participants
                .iter()
                .zip(&s.flow.presence)
                .map(|(p, presence)| ParticipantView {
                    id: p.person.id.to_string(),
                    name: p.person.name.clone(),
                    group: p.person.group.into(),
                    group_label: Label::of(|l| i18n::group_label(p.person.group, l)),
                    two_committees: p.person.two_committees,
                    role: p.person.role.into(),
                    role_label: Label::of(|l| i18n::role_label(p.person.role, l)),
                    status: p.attendance.status.into(),
                    status_label: Label::of(|l| i18n::status_label(p.attendance.status, l)),
                    present: presence.present,
                    in_the_room: presence.in_the_room,
                })
                .collect(),
            warnings: s.warnings.iter().map(WarningView::from).collect(),
            record_head: s.record.head.clone(),
            turn_limit_secs: m.turn_limit_secs,
            vote_rule: m.vote_rule.into(),
            vote_rule_label: Label::of(|l| i18n::rule_label(m.vote_rule, l)),
            opened_at: m.opened_at.as_ref().map(time),
            closed_at: m.closed_at.as_ref().map(time),
            adjourned: m.adjourned.as_ref().map(|a| AdjournmentView {
                at: time(&a.at),
                present: a.present,
                expected: a.expected,
                note: a.note.clone(),
            }),
            speaking_time: s
                .speaking_time
                .iter()
                .map(|g| GroupTimeView {
                    group: g.group.into(),
                    group_label: Label::of(|l| i18n::group_short(g.group, l)),
                    turns: g.turns,
                    seconds: g.seconds,
                })
                .collect(),
            minutes: MinutesView {
                text: m.minutes.as_ref().map(|x| x.text.clone()),
                edited_at: m.minutes.as_ref().map(|x| time(&x.at)),
                draft: yishi::minutes::draft(m),
                finalized_at: m.minutes_finalized_at.as_ref().map(time),
            },
            signers: m.signers.iter().map(|id| signer_view(m, id)).collect(),
            notice: NoticeView {
                published_at: m.notice.published_at.as_ref().map(time),
                invitations_sent_at: m.notice.invitations_sent_at.as_ref().map(time),
            },
            witnesses: m
                .witnesses
                .iter()
                .map(|w| WitnessView {
                    name: w.name.clone(),
                    kind: w.kind.into(),
                    kind_label: Label::of(|l| i18n::witness_label(w.kind, l)),
                    statement: w.statement.clone(),
                    at: time(&w.at),
                })
                .collect(),
            amendments: m
                .amendments
                .iter()
                .map(|a| AmendmentView {
                    no: a.no,
                    by: a.by.clone(),
                    reason: a.reason.clone(),
                    text: a.text.clone(),
                    at: time(&a.at),
                })
                .collect(),
            publications: m
                .publications
                .iter()
                .map(|p| PublicationView {
                    channel: p.channel.into(),
                    channel_label: Label::of(|l| i18n::channel_label(p.channel, l)),
                    place: p.place.clone(),
                    at: time(&p.at),
                })
                .collect(),
            publish_warning: yishi::publish::warning(m, now).as_ref().map(WarningView::from),
            received_from: None,
            actions: m.actions.iter().map(|a| action_view(m, a, now)).collect(),
            observer_seats: m.observer_seats,
            bookings: m
                .bookings
                .iter()
                .map(|b| BookingView {
                    no: b.no,
                    name: b.name.clone(),
                    contact: b.contact.clone(),
                    online: b.online,
                    at: time(&b.at),
                    cancelled_reason: b.cancelled.as_ref().map(|c| c.reason.clone()),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The demo's sealed meeting after each of its intents, folded as the store would, then
    /// after each of `after` (intents at the given times, e.g. appended after the seal).
    fn demo_snapshots_then(after: Vec<(&str, yishi::Intent)>) -> Vec<yishi::Snapshot> {
        let id = yishi::MeetingId::new_random();
        let start = chrono::DateTime::parse_from_rfc3339("2026-11-19T19:30:00+08:00").unwrap();
        let later = after.into_iter().map(|(at, intent)| yishi::Command {
            meeting: id,
            at: chrono::DateTime::parse_from_rfc3339(at).unwrap(),
            intent,
        });
        let mut state: Option<yishi::Meeting> = None;
        let mut out = Vec::new();
        for cmd in yishi::demo::sealed_meeting(id, start).into_iter().chain(later) {
            let d = yishi::decide(state.as_ref(), &cmd).expect("the demo is accepted");
            for e in &d.events {
                match (&mut state, e) {
                    (None, yishi::Event::MeetingCreated(setup)) => {
                        state = Some(yishi::Meeting::create(cmd.meeting, setup, cmd.at))
                    }
                    (Some(m), e) => m.apply(e, cmd.at),
                    _ => unreachable!(),
                }
            }
            out.push(state.as_ref().unwrap().snapshot(Default::default()));
        }
        out
    }

    pub(crate) fn demo_snapshots() -> Vec<yishi::Snapshot> {
        demo_snapshots_then(Vec::new())
    }

    fn sealed_demo_then(after: Vec<(&str, yishi::Intent)>) -> yishi::Snapshot {
        demo_snapshots_then(after).pop().unwrap()
    }

    pub(crate) fn sealed_demo() -> yishi::Snapshot {
        sealed_demo_then(Vec::new())
    }

    /// The day after the demo meeting.
    fn soon() -> yishi::Time {
        chrono::DateTime::parse_from_rfc3339("2026-11-20T20:00:00+08:00").unwrap()
    }

    #[test]
    fn a_street_result_unpublished_after_three_days_carries_the_warning() {
        let mut s = sealed_demo();
        assert_eq!(MeetingView::at(&s, soon() + chrono::Duration::days(30)).publish_warning, None, "community level");
        s.meeting.level = yishi::setup::Level::Street;
        assert_eq!(MeetingView::at(&s, soon()).publish_warning, None, "within 3 days");
        let w = MeetingView::at(&s, soon() + chrono::Duration::days(3)).publish_warning.expect("overdue");
        assert_eq!((w.rule.as_str(), w.code.as_str()), ("R-PUBLISH", "publish_overdue"));
        assert!(w.message_zh.contains("线下公示栏、线上公开"), "{}", w.message_zh);
    }

    #[test]
    fn a_meeting_view_carries_what_the_room_shows() {
        let v = MeetingView::at(&sealed_demo(), soon());
        assert_eq!(v.phase, Phase::Sealed);
        assert_eq!(v.turn_limit_secs, 180);
        // R-NOTICE5: the recorded notice, with its offset.
        assert!(v.notice.published_at.as_deref().is_some_and(|t| t.ends_with("+08:00")));
        assert!(v.notice.invitations_sent_at.is_some());
        // R-SPEAK: turns with their summaries and groups; time per group over six groups.
        let i1 = &v.agenda[0];
        assert_eq!(i1.turns.len(), 4);
        assert_eq!(i1.turns[0].seconds, Some(150));
        assert!(i1.turns[0].summary.as_deref().unwrap().contains("业委会"));
        assert_eq!(i1.turns[0].person.group_label.zh, "单位组织");
        assert_eq!(v.speaking_time.len(), 6);
        // R-VOTE: the named vote with its ballots, the result and the core's explanation.
        let vote = i1.vote.as_ref().unwrap();
        assert_eq!(vote.mode, VoteMode::Named);
        assert_eq!(vote.eligible.len(), 21);
        assert_eq!(vote.ballots.len(), 20);
        assert_eq!(vote.running, Tally { yes: 15, no: 3, abstain: 2 });
        let o = vote.outcome.as_ref().unwrap();
        assert!(o.passed);
        assert_eq!(o.not_voting, 1);
        assert!(o.text.zh.contains("到会成员 21 人"), "{}", o.text.zh);
        assert!(o.text.en.contains("Result: passed"), "{}", o.text.en);
        assert_eq!(i1.resolution.as_deref(), Some(vote.motion.as_str()));
        // A failed vote may be carried to a later meeting (R-REDO).
        assert!(!v.agenda[1].vote.as_ref().unwrap().outcome.as_ref().unwrap().passed);
        assert!(v.agenda[1].may_redo);
        // R-MINUTES, R-SIGN
        assert!(v.minutes.text.is_some());
        assert!(v.minutes.draft.contains("议题1"));
        assert!(v.minutes.finalized_at.is_some());
        assert!(v.signers.iter().any(|s| s.state == SignerState::Declined && s.reason.is_some()));
        assert!(v.signers.iter().filter(|s| s.state == SignerState::Signed).all(|s| s.image_sha256.is_some()));
        assert!(v.signers.iter().all(|s| s.state != SignerState::Pending));
        assert_eq!(v.witnesses[0].kind_label.zh, "律师见证");
        assert!(v.closed_at.is_some());
        // Times carry their offset, to the millisecond.
        assert!(v.opened_at.as_deref().unwrap().ends_with(".000+08:00"));
    }

    /// The step, the next action and presence are the core's (`meeting::flow`), mapped with
    /// people and items named; the view decides none of them.
    #[test]
    fn the_view_carries_the_cores_step_next_action_and_presence() {
        let mut seen = Vec::new();
        for s in demo_snapshots() {
            let v = MeetingView::at(&s, soon());
            assert_eq!(v.step, Step::from(s.flow.step));
            assert_eq!((v.running_turn, v.vote_open), (s.flow.running_turn, s.flow.vote_open));
            assert_eq!(v.next.as_ref().map(|n| n.rule.as_str()), s.flow.next.as_ref().map(|n| n.rule().id()));
            for (p, presence) in v.participants.iter().zip(&s.flow.presence) {
                assert_eq!((p.id.as_str(), p.present, p.in_the_room), (presence.person.as_str(), presence.present, presence.in_the_room));
            }
            if let Some(NextAction::NextSpeaker { name } | NextAction::EndTurn { name }) = v.next.map(|n| n.action) {
                assert!(s.meeting.participants.iter().any(|p| p.person.name == name), "named, not an id: {name}");
            }
            if seen.last() != Some(&v.step) {
                seen.push(v.step);
            }
        }
        use Step::*;
        // The demo opens its first item with one member not yet called (p11 arrives late): the
        // roll call is not over (R-ROLL), so no agenda step before the first item.
        assert_eq!(seen, [Open, Roll, Speak, Vote, Agenda, Speak, Vote, Agenda, Speak, Vote, Minutes, Sign, Seal]);
        let sealed = MeetingView::at(&sealed_demo(), soon());
        assert_eq!((sealed.step, sealed.next), (Seal, None));
    }

    #[test]
    fn a_sealed_meeting_view_carries_its_amendments_and_publications() {
        let v = MeetingView::at(&sealed_demo(), soon());
        assert!(v.amendments.is_empty() && v.publications.is_empty());
        // R-SIGN, R-PUBLISH: appended after the seal, with the time of the command.
        let v = MeetingView::at(
            &sealed_demo_then(vec![
            (
                "2026-11-20T10:05:00+08:00",
                yishi::Intent::Amend { by: "谢雨婷".into(), reason: "笔误".into(), text: "第二项议题表决时间应为19:55".into() },
            ),
            (
                "2026-11-20T12:00:00+08:00",
                yishi::Intent::RecordPublication {
                    channel: yishi::sign::Channel::NoticeBoard,
                    place: "幸福花园东门公示栏".into(),
                },
            ),
            (
                "2026-11-20T12:30:00+08:00",
                yishi::Intent::RecordPublication { channel: yishi::sign::Channel::Online, place: "幸福花园业主群".into() },
            ),
        ]),
            soon(),
        );
        assert_eq!(v.phase, Phase::Sealed);
        assert_eq!(
            v.amendments,
            vec![AmendmentView {
                no: 1,
                by: "谢雨婷".into(),
                reason: "笔误".into(),
                text: "第二项议题表决时间应为19:55".into(),
                at: "2026-11-20T10:05:00.000+08:00".into(),
            }]
        );
        assert_eq!(v.publications.len(), 2);
        let p = &v.publications[0];
        assert_eq!(p.channel, Channel::NoticeBoard);
        assert_eq!(p.channel_label, Label { zh: "线下公示栏".into(), en: "notice board".into() });
        assert_eq!(p.place, "幸福花园东门公示栏");
        assert_eq!(p.at, "2026-11-20T12:00:00.000+08:00");
        assert_eq!(v.publications[1].channel, Channel::Online);
        assert_eq!(v.publications[1].channel_label.zh, "线上公开");
    }

    #[test]
    fn actions_are_shown_with_their_reports_evaluations_and_what_is_overdue() {
        let t = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
        let snap = sealed_demo_then(vec![
            (
                "2026-11-21T09:00:00+08:00",
                yishi::Intent::AssignAction {
                    item: "i3".into(),
                    leader: "刘芳".into(),
                    department: "社区工作站".into(),
                    requirements: "完成场地改造".into(),
                    due: t("2026-12-31T18:00:00+08:00"),
                    feedback_by: t("2026-12-05T18:00:00+08:00"),
                },
            ),
            (
                "2026-12-20T10:00:00+08:00",
                yishi::Intent::ReportProgress { action: 1, note: "已试营业".into(), done: true },
            ),
            (
                "2026-12-22T15:00:00+08:00",
                yishi::Intent::EvaluateAction {
                    action: 1,
                    by: "居务监督委员会".into(),
                    verdict: yishi::implement::Verdict::Rectify,
                    rectification: Some("通道加宽".into()),
                },
            ),
        ]);
        let v = MeetingView::at(&snap, t("2026-12-23T09:00:00+08:00"));
        assert_eq!(v.actions.len(), 1);
        let a = &v.actions[0];
        assert_eq!((a.no, a.item_title.as_str()), (1, "关于在社区党群服务中心设立长者饭堂的议题"));
        assert_eq!(a.due, "2026-12-31T18:00:00.000+08:00");
        assert_eq!(a.done_at, None, "the evaluation asked for rectification: open again");
        assert_eq!(a.progress, vec![ProgressView { note: "已试营业".into(), done: true, at: "2026-12-20T10:00:00.000+08:00".into() }]);
        assert_eq!(a.evaluations[0].verdict, Verdict::Rectify);
        assert_eq!(a.evaluations[0].verdict_label, Label { zh: "需整改".into(), en: "rectification required".into() });
        assert_eq!(a.warning, None, "before the completion time");
        let late = MeetingView::at(&snap, t("2027-01-01T09:00:00+08:00"));
        let w = late.actions[0].warning.as_ref().expect("overdue");
        assert_eq!((w.rule.as_str(), w.code.as_str()), ("R-IMPLEMENT", "action_overdue"));
    }
}
