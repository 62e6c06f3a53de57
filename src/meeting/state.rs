//! A meeting as it stands: the fold of its events. Derived values (quorum,
//! speaking time, warnings) are computed from it on demand, never stored.

use crate::agenda::{AgendaItem, ItemStatus};
use crate::event::Event;
use crate::implement::{ActionItem, Evaluation, Progress};
use crate::ids::{ItemId, MeetingId, PersonId, Time};
use crate::people::{Participant, Role};
use crate::quorum::Quorum;
use crate::roll::{Attendance, AttendanceChange, Status};
use crate::rules::Rule;
use crate::setup::{self, Form, Level, Notice, SeatShare};
use crate::sign::{Amendment, Confirmation, Publication, SignatureEntry, Witness};
use crate::speak::{self, GroupTime, Turn};
use crate::vote::{Tally, Vote, VoteRule};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// 筹备: created, not yet opened.
    Setup,
    /// 会中: opened by the chair (R-OPEN).
    InSession,
    /// 签字确认: minutes fixed, signatures being collected (R-SIGN).
    Signing,
    /// 已封存: closed (R-CLOSE) and sealed; only appended records follow.
    Sealed,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParticipantState {
    #[serde(flatten)]
    pub person: Participant,
    pub attendance: Attendance,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Adjournment {
    pub at: Time,
    pub present: u32,
    pub expected: u32,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MinutesText {
    pub text: String,
    pub by: PersonId,
    pub at: Time,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: MeetingId,
    pub level: Level,
    pub form: Form,
    pub online: bool,
    pub title: String,
    pub place: String,
    pub scheduled_at: Time,
    pub chair: PersonId,
    pub recorder: PersonId,
    pub observer_seats: u32,
    pub vote_rule: VoteRule,
    pub turn_limit_secs: u32,
    pub created_at: Time,
    pub participants: Vec<ParticipantState>,
    pub agenda: Vec<AgendaItem>,
    pub notice: Notice,
    pub seats_reason: Option<String>,
    pub phase: Phase,
    pub opened_at: Option<Time>,
    pub adjourned: Option<Adjournment>,
    pub minutes: Option<MinutesText>,
    pub minutes_finalized_at: Option<Time>,
    /// Who must sign or decline before the meeting can close (fixed when the minutes are finalized).
    pub signers: Vec<PersonId>,
    pub signatures: Vec<SignatureEntry>,
    pub witnesses: Vec<Witness>,
    pub closed_at: Option<Time>,
    pub amendments: Vec<Amendment>,
    pub publications: Vec<Publication>,
    /// R-IMPLEMENT, R-EVALUATE: how each resolution is carried out.
    #[serde(default)]
    pub actions: Vec<ActionItem>,
    /// R-OBSERVE: observer bookings, in the order made.
    #[serde(default)]
    pub bookings: Vec<crate::observe::Booking>,
    /// Time of the latest event.
    pub last_at: Time,
}

impl Meeting {
    pub fn create(id: MeetingId, setup: &setup::MeetingSetup, at: Time) -> Meeting {
        Meeting {
            id,
            level: setup.level,
            form: setup.form,
            online: setup.online,
            title: setup.title.clone(),
            place: setup.place.clone(),
            scheduled_at: setup.scheduled_at,
            chair: setup.chair.clone(),
            recorder: setup.recorder.clone(),
            observer_seats: setup.observer_seats,
            vote_rule: setup.vote_rule,
            turn_limit_secs: setup.turn_limit_secs,
            created_at: at,
            participants: setup
                .participants
                .iter()
                .map(|p| ParticipantState { person: p.clone(), attendance: Attendance::default() })
                .collect(),
            agenda: setup.agenda.iter().cloned().map(AgendaItem::new).collect(),
            notice: Notice::default(),
            seats_reason: None,
            phase: Phase::Setup,
            opened_at: None,
            adjourned: None,
            minutes: None,
            minutes_finalized_at: None,
            signers: Vec::new(),
            signatures: Vec::new(),
            witnesses: Vec::new(),
            closed_at: None,
            amendments: Vec::new(),
            publications: Vec::new(),
            actions: Vec::new(),
            bookings: Vec::new(),
            last_at: at,
        }
    }

    /// Folds one event into the state. Events were validated when they were
    /// decided, so applying one cannot fail; a missing referent is ignored.
    pub fn apply(&mut self, event: &Event, at: Time) {
        self.last_at = at;
        match event {
            Event::MeetingCreated(_) => {}
            Event::ParticipantAdded { participant } => self
                .participants
                .push(ParticipantState { person: participant.clone(), attendance: Attendance::default() }),
            Event::AgendaItemAdded { item } => self.agenda.push(AgendaItem::new(item.clone())),
            Event::NoticeRecorded { published_at, invitations_sent_at } => {
                if published_at.is_some() {
                    self.notice.published_at = *published_at;
                }
                if invitations_sent_at.is_some() {
                    self.notice.invitations_sent_at = *invitations_sent_at;
                }
            }
            Event::SeatsReasonRecorded { reason } => self.seats_reason = Some(reason.clone()),
            Event::ObserverBooked { name, contact, online } => {
                let no = self.bookings.len() as u32 + 1;
                self.bookings.push(crate::observe::Booking {
                    no,
                    name: name.clone(),
                    contact: contact.clone(),
                    online: *online,
                    at,
                    cancelled: None,
                });
            }
            Event::BookingCancelled { booking, reason } => {
                if let Some(b) = self.bookings.get_mut((*booking as usize).wrapping_sub(1)) {
                    b.cancelled = Some(crate::observe::Cancellation { at, reason: reason.clone() });
                }
            }
            Event::MeetingOpened { .. } => {
                self.phase = Phase::InSession;
                self.opened_at = Some(at);
            }
            Event::AttendanceMarked { person, mark, note } => {
                if let Some(p) = self.participant_mut(person) {
                    if let Some(next) = p.attendance.status.after(*mark) {
                        p.attendance.status = next;
                    }
                    p.attendance.history.push(AttendanceChange { mark: *mark, at, note: note.clone() });
                }
            }
            Event::AdjournedForLackOfQuorum { present, expected, note } => {
                if let Some(item) = self.open_item_mut() {
                    item.status = ItemStatus::Deferred;
                    item.closed_at = Some(at);
                    item.deferral_reason = Some(crate::i18n::ADJOURNED_REASON_ZH.to_string());
                    if let Some(t) = item.turns.last_mut().filter(|t| t.ended_at.is_none()) {
                        t.ended_at = Some(at);
                    }
                    if let Some(v) = item.vote.as_mut().filter(|v| v.closed_at.is_none()) {
                        v.closed_at = Some(at);
                    }
                }
                self.adjourned =
                    Some(Adjournment { at, present: *present, expected: *expected, note: note.clone() });
            }
            Event::ItemOpened { item } => {
                if let Some(i) = self.item_mut(item) {
                    i.status = ItemStatus::Open;
                    i.opened_at = Some(at);
                }
            }
            Event::SpeakerAdded { person } => {
                if let Some(i) = self.open_item_mut() {
                    i.queue.push(person.clone());
                }
            }
            Event::SpeakerWithdrawn { person } => {
                if let Some(i) = self.open_item_mut() {
                    i.queue.retain(|p| p != person);
                }
            }
            Event::TurnStarted { person, group } => {
                if let Some(i) = self.open_item_mut() {
                    i.queue.retain(|p| p != person);
                    let no = i.turns.len() as u32 + 1;
                    i.turns.push(Turn {
                        no,
                        person: person.clone(),
                        group: *group,
                        started_at: at,
                        ended_at: None,
                        summary: None,
                    });
                }
            }
            Event::TurnEnded { summary } => {
                if let Some(t) = self.open_item_mut().and_then(|i| i.turns.last_mut()) {
                    t.ended_at = Some(at);
                    if summary.is_some() {
                        t.summary = summary.clone();
                    }
                }
            }
            Event::TurnSummarized { turn, summary } => {
                if let Some(t) = self.open_item_mut().and_then(|i| i.turns.iter_mut().find(|t| t.no == *turn)) {
                    t.summary = Some(summary.clone());
                }
            }
            Event::VoteOpened { motion, mode, rule, eligible } => {
                if let Some(i) = self.open_item_mut() {
                    i.vote = Some(Vote {
                        motion: motion.clone(),
                        mode: *mode,
                        rule: *rule,
                        eligible: eligible.clone(),
                        opened_at: at,
                        ballots: Default::default(),
                        tally: None,
                        outcome: None,
                        closed_at: None,
                    });
                }
            }
            Event::VoteCast { person, choice } => {
                if let Some(v) = self.open_item_mut().and_then(|i| i.vote.as_mut()) {
                    v.ballots.insert(person.clone(), *choice);
                }
            }
            Event::VoteClosed { tally, outcome } => {
                if let Some(i) = self.open_item_mut() {
                    if let Some(v) = i.vote.as_mut() {
                        v.tally = Some(*tally);
                        v.outcome = Some(*outcome);
                        v.closed_at = Some(at);
                        if outcome.passed {
                            i.resolution = Some(v.motion.clone());
                        }
                    }
                    i.status = ItemStatus::Voted;
                    i.closed_at = Some(at);
                }
            }
            Event::ItemAgreed { resolution } => {
                if let Some(i) = self.open_item_mut() {
                    i.status = ItemStatus::Consensus;
                    i.resolution = Some(resolution.clone());
                    i.closed_at = Some(at);
                }
            }
            Event::ItemDeferred { reason } => {
                if let Some(i) = self.open_item_mut() {
                    i.status = ItemStatus::Deferred;
                    i.deferral_reason = Some(reason.clone());
                    i.closed_at = Some(at);
                }
            }
            Event::ItemMarkedForRedo { item, reason } => {
                if let Some(i) = self.item_mut(item) {
                    i.redo_reason = Some(reason.clone());
                }
            }
            Event::MinutesEdited { by, text } => {
                self.minutes = Some(MinutesText { text: text.clone(), by: by.clone(), at });
            }
            Event::MinutesFinalized { signers, .. } => {
                self.phase = Phase::Signing;
                self.minutes_finalized_at = Some(at);
                self.signers = signers.clone();
            }
            Event::Signed { person, image_sha256, image_bytes } => {
                let name = self.name_of(person);
                self.signatures.push(SignatureEntry {
                    person: person.clone(),
                    name,
                    at,
                    confirmation: Confirmation::Signed {
                        image_sha256: image_sha256.clone(),
                        image_bytes: *image_bytes,
                    },
                });
            }
            Event::SignatureDeclined { person, reason } => {
                let name = self.name_of(person);
                self.signatures.push(SignatureEntry {
                    person: person.clone(),
                    name,
                    at,
                    confirmation: Confirmation::Declined { reason: reason.clone() },
                });
            }
            Event::WitnessRecorded { name, kind, statement } => self.witnesses.push(Witness {
                name: name.clone(),
                kind: *kind,
                statement: statement.clone(),
                at,
            }),
            Event::MeetingClosed { .. } => {
                self.phase = Phase::Sealed;
                self.closed_at = Some(at);
            }
            Event::Amended { by, reason, text } => {
                let no = self.amendments.len() as u32 + 1;
                self.amendments.push(Amendment { no, by: by.clone(), reason: reason.clone(), text: text.clone(), at });
            }
            Event::PublicationRecorded { channel, place } => {
                self.publications.push(Publication { channel: *channel, place: place.clone(), at })
            }
            Event::ActionAssigned { item, leader, department, requirements, due, feedback_by } => {
                let no = self.actions.len() as u32 + 1;
                self.actions.push(ActionItem {
                    no,
                    item: item.clone(),
                    leader: leader.clone(),
                    department: department.clone(),
                    requirements: requirements.clone(),
                    due: *due,
                    feedback_by: *feedback_by,
                    assigned_at: at,
                    progress: Vec::new(),
                    evaluations: Vec::new(),
                });
            }
            Event::ProgressReported { action, note, done } => {
                if let Some(a) = self.action_mut(*action) {
                    a.progress.push(Progress { note: note.clone(), done: *done, at });
                }
            }
            Event::ActionEvaluated { action, by, verdict, rectification } => {
                if let Some(a) = self.action_mut(*action) {
                    a.evaluations.push(Evaluation {
                        by: by.clone(),
                        verdict: *verdict,
                        rectification: rectification.clone(),
                        at,
                    });
                }
            }
        }
    }

    // ---- lookups

    /// R-IMPLEMENT: an action by its number (from 1).
    pub fn action(&self, no: u32) -> Option<&ActionItem> {
        self.actions.get((no as usize).checked_sub(1)?)
    }

    fn action_mut(&mut self, no: u32) -> Option<&mut ActionItem> {
        self.actions.get_mut((no as usize).checked_sub(1)?)
    }

    pub fn participant(&self, id: &PersonId) -> Option<&ParticipantState> {
        self.participants.iter().find(|p| &p.person.id == id)
    }

    fn participant_mut(&mut self, id: &PersonId) -> Option<&mut ParticipantState> {
        self.participants.iter_mut().find(|p| &p.person.id == id)
    }

    pub fn name_of(&self, id: &PersonId) -> String {
        self.participant(id).map(|p| p.person.name.clone()).unwrap_or_else(|| id.to_string())
    }

    pub fn item(&self, id: &ItemId) -> Option<&AgendaItem> {
        self.agenda.iter().find(|i| &i.spec.id == id)
    }

    fn item_mut(&mut self, id: &ItemId) -> Option<&mut AgendaItem> {
        self.agenda.iter_mut().find(|i| &i.spec.id == id)
    }

    pub fn open_item(&self) -> Option<&AgendaItem> {
        self.agenda.iter().find(|i| i.status == ItemStatus::Open)
    }

    fn open_item_mut(&mut self) -> Option<&mut AgendaItem> {
        self.agenda.iter_mut().find(|i| i.status == ItemStatus::Open)
    }

    pub fn members(&self) -> impl Iterator<Item = &ParticipantState> {
        self.participants.iter().filter(|p| p.person.role == Role::Member)
    }

    pub fn present_members(&self) -> impl Iterator<Item = &ParticipantState> {
        self.members().filter(|p| p.attendance.status.is_present())
    }

    // ---- derived values

    /// R-QUORUM, live.
    pub fn quorum(&self) -> Quorum {
        Quorum::of(self.present_members().count() as u32, self.members().count() as u32)
    }

    pub fn seat_share(&self) -> SeatShare {
        SeatShare::of(&self.participants.iter().map(|p| p.person.clone()).collect::<Vec<_>>())
    }

    /// R-SPEAK: speaking time per party group over the whole meeting.
    pub fn speaking_time(&self) -> Vec<GroupTime> {
        speak::time_by_group(self.agenda.iter().flat_map(|i| i.turns.iter()))
    }

    /// R-SIGN: who signs the minutes — as fixed when they were finalized; before that, who would
    /// be now: the chair, the recorder and every member present, each once. The one list the
    /// rule, the minutes and the room read.
    pub fn expected_signers(&self) -> Vec<PersonId> {
        if !self.signers.is_empty() {
            return self.signers.clone();
        }
        let mut v = vec![self.chair.clone()];
        for id in std::iter::once(&self.recorder).chain(self.present_members().map(|p| &p.person.id)) {
            if !v.contains(id) {
                v.push(id.clone());
            }
        }
        v
    }

    /// Signers who have neither signed nor declined.
    pub fn pending_signers(&self) -> Vec<PersonId> {
        self.signers
            .iter()
            .filter(|id| !self.signatures.iter().any(|s| &s.person == *id))
            .cloned()
            .collect()
    }

    pub fn is_sealed(&self) -> bool {
        self.phase == Phase::Sealed
    }

    /// Setup findings the chair should see and the minutes must state.
    pub fn warnings(&self) -> Vec<Warning> {
        let mut out = Vec::new();
        // R-NOTICE5
        match self.notice.published_at {
            None => out.push(Warning::new(Rule::Notice5, "notice_not_recorded", vec![])),
            Some(at) if setup::notice_short(at, self.scheduled_at) => {
                let days = self.scheduled_at.signed_duration_since(at).num_days().max(0);
                out.push(Warning::new(Rule::Notice5, "notice_short", vec![days.to_string()]))
            }
            _ => {}
        }
        if let Some(at) = self.notice.invitations_sent_at {
            if setup::notice_short(at, self.scheduled_at) {
                let days = self.scheduled_at.signed_duration_since(at).num_days().max(0);
                out.push(Warning::new(Rule::Notice5, "invitations_short", vec![days.to_string()]))
            }
        }
        // R-SEATS
        if setup::seats_rule_applies(self.form) {
            let share = self.seat_share();
            if !share.at_least_half() {
                let code = if self.seats_reason.is_some() { "seats_below_half_reasoned" } else { "seats_below_half" };
                out.push(Warning::new(Rule::Seats, code, vec![share.percent().to_string()]));
            }
        }
        // R-30DAYS
        out.extend(crate::agenda::late_items(self));
        out
    }

    pub fn snapshot(&self, record: RecordInfo) -> Snapshot {
        Snapshot {
            quorum: self.quorum(),
            current_item: self.open_item().map(|i| i.spec.id.clone()),
            speaking_time: self.speaking_time(),
            seat_share: self.seat_share(),
            warnings: self.warnings(),
            pending_signers: self.pending_signers(),
            flow: crate::meeting::flow::Flow::of(self),
            meeting: self.clone(),
            record,
        }
    }

    /// The tally of the open vote so far (named votes).
    pub fn running_tally(&self) -> Option<Tally> {
        self.open_item().and_then(|i| i.open_vote()).map(|v| Tally::of(&v.ballots))
    }

    /// Presence of one member, for the vote and the speakers list.
    pub fn is_present(&self, id: &PersonId) -> bool {
        self.participant(id).is_some_and(|p| p.attendance.status.is_present())
    }

    pub fn status_of(&self, id: &PersonId) -> Status {
        self.participant(id).map(|p| p.attendance.status).unwrap_or_default()
    }
}

/// A finding shown to the chair and written into the minutes. `args` fill the
/// localized message (see `i18n::warning`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    pub rule: Rule,
    pub code: String,
    pub args: Vec<String>,
    pub message_zh: String,
    pub message_en: String,
}

impl Warning {
    pub(crate) fn with_args(rule: Rule, code: &str, args: Vec<String>) -> Warning {
        Warning::new(rule, code, args)
    }

    fn new(rule: Rule, code: &str, args: Vec<String>) -> Warning {
        Warning {
            rule,
            code: code.to_string(),
            message_zh: crate::i18n::warning(code, &args, crate::i18n::Locale::Zh),
            message_en: crate::i18n::warning(code, &args, crate::i18n::Locale::En),
            args,
        }
    }
}

/// Where the record stands in the store: the hash-chain head is the record's
/// fingerprint.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordInfo {
    pub head: String,
    pub events: u64,
    pub intents: u64,
}

/// The meeting with its derived values: what `yishi apply` prints and what the
/// app's windows receive.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    #[serde(flatten)]
    pub meeting: Meeting,
    pub record: RecordInfo,
    pub quorum: Quorum,
    pub current_item: Option<ItemId>,
    pub speaking_time: Vec<GroupTime>,
    pub seat_share: SeatShare,
    pub warnings: Vec<Warning>,
    pub pending_signers: Vec<PersonId>,
    /// The step, presence and next action the room shows (`meeting::flow`).
    pub flow: crate::meeting::flow::Flow,
}

