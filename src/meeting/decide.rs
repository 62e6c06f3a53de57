//! The rules: an intent against the meeting as it stands gives the events to
//! append, or a refusal. Pure: no clock, and no IO but one: which characters the
//! exports can print is asked of their fonts (`export::font`, read once per process),
//! so a record never holds text its minutes cannot print.

use crate::agenda::{AgendaItemSpec, ItemStatus};
use crate::event::Event;
use crate::ids::{is_valid_id, PersonId, Time};
use crate::implement::Verdict;
use crate::intent::{Command, Intent};
use crate::people::{Participant, Role};
use crate::refusal::{CharProblem, Field, Refusal};
use crate::roll::Status;
use crate::rules::Rule;
use crate::setup::{self, MeetingSetup};
use crate::sign::MAX_SIGNATURE_BYTES;
use crate::state::{Meeting, Phase};
use crate::vote::{self, VoteMode};
use base64::Engine;
use sha2::{Digest, Sha256};
use std::collections::HashSet;

/// What an accepted intent adds to the record.
#[derive(Clone, Debug, PartialEq)]
pub struct Decision {
    pub events: Vec<Event>,
    /// Content stored beside the log and referenced from it by SHA-256 (signature images).
    pub blobs: Vec<Blob>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Blob {
    pub sha256: String,
    pub bytes: Vec<u8>,
}

impl Decision {
    fn one(event: Event) -> Decision {
        Decision { events: vec![event], blobs: Vec::new() }
    }
}

// Text limits, in characters.
pub const MAX_TITLE: usize = 200;
pub const MAX_PLACE: usize = 200;
pub const MAX_NAME: usize = 50;
pub const MAX_BACKGROUND: usize = 5_000;
pub const MAX_STAKEHOLDERS: usize = 1_000;
pub const MAX_REASON: usize = 1_000;
pub const MAX_NOTE: usize = 500;
pub const MAX_SUMMARY: usize = 2_000;
pub const MAX_MOTION: usize = 1_000;
pub const MAX_RESOLUTION: usize = 2_000;
pub const MAX_MINUTES: usize = 100_000;
pub const MAX_AMENDMENT: usize = 10_000;
pub const MAX_PARTICIPANTS: usize = 500;
pub const MAX_ITEMS: usize = 50;

/// A required text: not blank, not longer than `max` characters.
pub(crate) fn required(field: Field, value: &str, max: usize) -> Result<(), Refusal> {
    if value.trim().is_empty() {
        return Err(Refusal::Empty { field });
    }
    optional(field, value, max)
}

pub(crate) fn optional(field: Field, value: &str, max: usize) -> Result<(), Refusal> {
    let len = value.chars().count();
    if len > max {
        return Err(Refusal::TooLong { field, len, max });
    }
    text_chars(field, value)
}

/// Fields whose text may run over several lines (the UI gives them a text area): a line break
/// or a tab is allowed there. Every other field — names, titles, places, who did something —
/// takes one line.
pub fn multiline(field: Field) -> bool {
    use Field as F;
    matches!(
        field,
        F::Background
            | F::Stakeholders
            | F::Reason
            | F::Note
            | F::Summary
            | F::Motion
            | F::Resolution
            | F::MinutesText
            | F::Statement
            | F::AmendmentText
            | F::Requirements
            | F::ProgressNote
            | F::Rectification
    )
}

/// What is wrong with `c` in a text of one line, or of several (`multiline`), if anything.
/// Bad input is refused at the door (issue 11): a sealed record is never edited, so a character
/// that hides what the text says (controls, text-direction controls, invisible format
/// characters), means nothing off the device it was typed on (private use), or cannot be
/// printed would stay in the record for good, and the minutes could never be exported. The
/// last test is the exports' own ([`crate::font::covers`]), so the two always agree.
pub fn char_problem(c: char, multiline: bool) -> Option<CharProblem> {
    use CharProblem as P;
    let problem = match c {
        ' ' => return None,
        '\n' | '\t' if multiline => return None,
        '\n' | '\t' => P::LineBreak,
        // C0, DEL, C1 (U+0085 NEXT LINE among them); line and paragraph separators
        c if c.is_control() => P::Control,
        '\u{2028}' | '\u{2029}' => P::Control,
        '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}' => P::Bidi,
        '\u{00AD}' // soft hyphen
        | '\u{034F}' // combining grapheme joiner
        | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' // Hangul fillers
        | '\u{180B}'..='\u{180F}' // Mongolian variation selectors, vowel separator
        | '\u{200B}'..='\u{200D}' // zero-width space, non-joiner, joiner
        | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
        | '\u{206A}'..='\u{206F}' // deprecated format characters
        | '\u{FE00}'..='\u{FE0F}' // variation selectors
        | '\u{FEFF}' // byte order mark, zero-width no-break space
        | '\u{FFF9}'..='\u{FFFB}' // interlinear annotation
        | '\u{E0000}'..='\u{E007F}' // tags
        | '\u{E0100}'..='\u{E01EF}' => P::Invisible, // variation selectors supplement
        '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{10FFFF}' => P::PrivateUse,
        c if crate::font::covers(c) => return None,
        _ if (1..crate::font::FACES).any(|i| crate::font::face(i).is_none()) => P::FallbackMissing,
        _ => P::NoGlyph,
    };
    Some(problem)
}

/// Every character of a field's text is one a record may hold (`char_problem`); the refusal
/// names the field, the first bad character and what is wrong with it.
pub(crate) fn text_chars(field: Field, value: &str) -> Result<(), Refusal> {
    let multiline = multiline(field);
    match value.chars().find_map(|ch| char_problem(ch, multiline).map(|p| (ch, p))) {
        Some((ch, problem)) => Err(Refusal::BadCharacter { field, ch, problem }),
        None => Ok(()),
    }
}

fn id(field: Field, value: &str) -> Result<(), Refusal> {
    if is_valid_id(value) {
        Ok(())
    } else {
        Err(Refusal::BadId { field, value: value.chars().take(80).collect() })
    }
}

fn phase(m: &Meeting, allowed: &[Phase], action: &'static str, rule: Rule) -> Result<(), Refusal> {
    if allowed.contains(&m.phase) {
        Ok(())
    } else {
        Err(Refusal::WrongPhase { phase: m.phase, action, rule })
    }
}

fn person<'a>(m: &'a Meeting, field: Field, pid: &PersonId) -> Result<&'a Participant, Refusal> {
    m.participant(pid)
        .map(|p| &p.person)
        .ok_or_else(|| Refusal::UnknownPerson { field, id: pid.as_str().chars().take(80).collect() })
}

fn quorum_met(m: &Meeting) -> Result<(), Refusal> {
    let q = m.quorum();
    if q.met {
        Ok(())
    } else {
        Err(Refusal::QuorumNotMet { present: q.present, expected: q.expected, required: q.required })
    }
}

fn not_adjourned(m: &Meeting) -> Result<(), Refusal> {
    if m.adjourned.is_some() {
        Err(Refusal::Adjourned)
    } else {
        Ok(())
    }
}

fn participant_valid(p: &Participant) -> Result<(), Refusal> {
    id(Field::PersonId, p.id.as_str())?;
    required(Field::Name, &p.name, MAX_NAME)
}

/// A person entered on the community roster by hand (R-PARTIES): the same id and name checks
/// as a meeting's participant, so the roster never holds someone a meeting would refuse.
pub fn person_valid(p: &crate::people::Person) -> Result<(), Refusal> {
    id(Field::PersonId, p.id.as_str())?;
    required(Field::Name, &p.name, MAX_NAME)
}

fn item_valid(item: &AgendaItemSpec) -> Result<(), Refusal> {
    id(Field::ItemId, item.id.as_str())?;
    required(Field::Title, &item.title, MAX_TITLE)?;
    optional(Field::Background, &item.background, MAX_BACKGROUND)?;
    optional(Field::Stakeholders, &item.stakeholders, MAX_STAKEHOLDERS)?;
    if let Some(r) = &item.redo_of {
        id(Field::ItemId, r.item.as_str())?; // R-REDO: the earlier item, an id like any other
    }
    if let Some(t) = &item.topic {
        id(Field::TopicId, &t.id)?; // R-TOPIC
    }
    Ok(())
}

/// R-LEVEL R-FORMS R-PARTIES: a meeting as created.
fn setup_valid(s: &MeetingSetup) -> Result<(), Refusal> {
    required(Field::Title, &s.title, MAX_TITLE)?;
    required(Field::Place, &s.place, MAX_PLACE)?;
    if s.form.level() != s.level {
        return Err(Refusal::FormNotOfLevel { form: s.form, level: s.level });
    }
    if s.participants.len() > MAX_PARTICIPANTS {
        return Err(Refusal::OutOfRange { field: Field::Participants, min: 1, max: MAX_PARTICIPANTS as u32 });
    }
    let mut ids = HashSet::new();
    for p in &s.participants {
        participant_valid(p)?;
        if !ids.insert(p.id.as_str()) {
            return Err(Refusal::Duplicate { field: Field::PersonId, value: p.id.to_string() });
        }
    }
    for (field, who) in [(Field::Chair, &s.chair), (Field::Recorder, &s.recorder)] {
        if !ids.contains(who.as_str()) {
            return Err(Refusal::UnknownPerson { field, id: who.as_str().chars().take(80).collect() });
        }
    }
    if !s.participants.iter().any(|p| p.role == Role::Member) {
        return Err(Refusal::NoMembers);
    }
    if !(30..=3600).contains(&s.turn_limit_secs) {
        return Err(Refusal::OutOfRange { field: Field::TurnLimit, min: 30, max: 3600 });
    }
    if s.agenda.len() > MAX_ITEMS {
        return Err(Refusal::OutOfRange { field: Field::ItemId, min: 0, max: MAX_ITEMS as u32 });
    }
    let mut items = HashSet::new();
    for item in &s.agenda {
        item_valid(item)?;
        if !items.insert(item.id.as_str()) {
            return Err(Refusal::Duplicate { field: Field::ItemId, value: item.id.to_string() });
        }
    }
    Ok(())
}

/// R-NEUTRAL R-SPEAK: who may take the floor on the open item.
fn may_speak(m: &Meeting, pid: &PersonId) -> Result<(), Refusal> {
    let p = person(m, Field::PersonId, pid)?;
    if *pid == m.chair {
        return Err(Refusal::ChairMayNotSpeak { name: p.name.clone() }); // R-NEUTRAL
    }
    if p.role == Role::Observer {
        return Err(Refusal::ObserverMayNotSpeak { name: p.name.clone() });
    }
    let status = m.status_of(pid);
    // Members are called on the roll; a 列席 not yet called is taken as present.
    let present = status.is_present() || (p.role == Role::Attendee && status == Status::NotCalled);
    if !present {
        return Err(Refusal::NotPresent { name: p.name.clone(), rule: Rule::Speak });
    }
    Ok(())
}

/// The open item with no vote running and nobody speaking: one that may be
/// closed, or voted on (R-AGENDA, R-VOTE, R-SPEAK).
fn closable_item(m: &Meeting) -> Result<&crate::agenda::AgendaItem, Refusal> {
    let item = m.open_item().ok_or(Refusal::NoOpenItem)?;
    if item.open_vote().is_some() {
        return Err(Refusal::VoteInProgress);
    }
    if let Some(t) = item.running_turn() {
        return Err(Refusal::TurnRunning { name: m.name_of(&t.person) });
    }
    Ok(item)
}

fn decode_png(b64: &str) -> Result<Vec<u8>, Refusal> {
    // Base64 is 4/3 of the bytes: refuse before decoding anything huge.
    if b64.len() > MAX_SIGNATURE_BYTES * 4 / 3 + 4 {
        return Err(Refusal::BadSignatureImage { why: format!("larger than {} KB", MAX_SIGNATURE_BYTES / 1024) });
    }
    let b64 = b64.strip_prefix("data:image/png;base64,").unwrap_or(b64);
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(b64.trim())
        .map_err(|e| Refusal::BadSignatureImage { why: format!("not base64 ({e})") })?;
    if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Err(Refusal::BadSignatureImage { why: "not a PNG".into() });
    }
    Ok(bytes)
}

/// Validates `cmd` against `state` (None: the meeting does not exist yet).
pub fn decide(state: Option<&Meeting>, cmd: &Command) -> Result<Decision, Refusal> {
    decide_intent(state, cmd).map_err(|r| r.within(cmd.intent.rule()))
}

fn decide_intent(state: Option<&Meeting>, cmd: &Command) -> Result<Decision, Refusal> {
    let m = match (state, &cmd.intent) {
        (None, Intent::CreateMeeting(setup)) => {
            setup_valid(setup)?;
            return Ok(Decision::one(Event::MeetingCreated(setup.clone())));
        }
        (None, _) => return Err(Refusal::UnknownMeeting(cmd.meeting)),
        (Some(_), Intent::CreateMeeting(_)) => return Err(Refusal::MeetingExists(cmd.meeting)),
        (Some(m), _) => m,
    };
    let kind = cmd.intent.kind();
    if m.is_sealed() && !cmd.intent.after_seal() {
        return Err(Refusal::Sealed); // R-SIGN: sealed records are amended, never edited
    }
    use Phase::*;
    let one = |e| Ok(Decision::one(e));
    match &cmd.intent {
        Intent::CreateMeeting(_) => unreachable!("handled above"),

        Intent::AddParticipant { participant } => {
            phase(m, &[Setup], kind, Rule::Roll)?;
            participant_valid(participant)?;
            if m.participant(&participant.id).is_some() {
                return Err(Refusal::Duplicate { field: Field::PersonId, value: participant.id.to_string() });
            }
            if m.participants.len() >= MAX_PARTICIPANTS {
                return Err(Refusal::OutOfRange { field: Field::Participants, min: 1, max: MAX_PARTICIPANTS as u32 });
            }
            one(Event::ParticipantAdded { participant: participant.clone() })
        }

        Intent::AddAgendaItem { item } => {
            phase(m, &[Setup, InSession], kind, Rule::Agenda)?;
            item_valid(item)?;
            if m.item(&item.id).is_some() {
                return Err(Refusal::Duplicate { field: Field::ItemId, value: item.id.to_string() });
            }
            if m.agenda.len() >= MAX_ITEMS {
                return Err(Refusal::OutOfRange { field: Field::ItemId, min: 0, max: MAX_ITEMS as u32 });
            }
            one(Event::AgendaItemAdded { item: item.clone() })
        }

        Intent::RecordNotice { published_at, invitations_sent_at } => {
            phase(m, &[Setup, InSession], kind, Rule::Notice5)?;
            one(Event::NoticeRecorded { published_at: *published_at, invitations_sent_at: *invitations_sent_at })
        }

        Intent::RecordSeatsReason { reason } => {
            phase(m, &[Setup], kind, Rule::Seats)?;
            required(Field::Reason, reason, MAX_REASON)?;
            one(Event::SeatsReasonRecorded { reason: reason.clone() })
        }

        Intent::BookObserver { name, contact, online } => {
            phase(m, &[Setup], kind, Rule::Observe)?;
            required(Field::Name, name, MAX_NAME)?;
            optional(Field::Contact, contact, MAX_NAME)?;
            let active: Vec<_> = m.bookings.iter().filter(|b| b.active()).collect();
            if m.observer_seats == 0 || active.len() as u32 >= m.observer_seats {
                return Err(Refusal::ObserverSeatsFull { seats: m.observer_seats });
            }
            if active.iter().any(|b| b.name.trim() == name.trim()) {
                return Err(Refusal::Duplicate { field: Field::Name, value: name.trim().to_string() });
            }
            one(Event::ObserverBooked { name: name.trim().to_string(), contact: contact.trim().to_string(), online: *online })
        }

        Intent::CancelBooking { booking, reason } => {
            phase(m, &[Setup], kind, Rule::Observe)?;
            let b = m.bookings.get((*booking as usize).wrapping_sub(1)).filter(|b| b.active());
            if b.is_none() {
                return Err(Refusal::UnknownBooking(*booking));
            }
            required(Field::Reason, reason, MAX_REASON)?;
            one(Event::BookingCancelled { booking: *booking, reason: reason.clone() })
        }

        Intent::OpenMeeting { by } => {
            phase(m, &[Setup], kind, Rule::Open)?;
            let p = person(m, Field::By, by)?;
            if *by != m.chair {
                return Err(Refusal::NotChair { name: p.name.clone(), rule: Rule::Open }); // R-OPEN
            }
            // R-SEATS: an 议事会 below half opens only with a recorded reason.
            let share = m.seat_share();
            if setup::seats_rule_applies(m.form) && !share.at_least_half() && m.seats_reason.is_none() {
                return Err(Refusal::SeatsBelowHalf { percent: share.percent() });
            }
            one(Event::MeetingOpened { by: by.clone() })
        }

        Intent::MarkAttendance { person: pid, mark, note } => {
            phase(m, &[InSession], kind, Rule::Roll)?;
            let p = person(m, Field::PersonId, pid)?;
            if let Some(n) = note {
                optional(Field::Note, n, MAX_NOTE)?;
            }
            let status = m.status_of(pid);
            if status.after(*mark).is_none() {
                return Err(Refusal::AttendanceConflict { name: p.name.clone(), status, mark: *mark }); // R-ROLL
            }
            one(Event::AttendanceMarked { person: pid.clone(), mark: *mark, note: note.clone() })
        }

        Intent::AdjournForLackOfQuorum { note } => {
            phase(m, &[InSession], kind, Rule::Quorum)?;
            not_adjourned(m)?;
            if let Some(n) = note {
                optional(Field::Note, n, MAX_NOTE)?;
            }
            let q = m.quorum();
            if q.met {
                return Err(Refusal::QuorumPresent { present: q.present, required: q.required });
            }
            one(Event::AdjournedForLackOfQuorum { present: q.present, expected: q.expected, note: note.clone() })
        }

        Intent::OpenItem { item } => {
            phase(m, &[InSession], kind, Rule::Agenda)?;
            not_adjourned(m)?;
            let it = m.item(item).ok_or_else(|| Refusal::UnknownItem(item.clone()))?;
            if let Some(open) = m.open_item() {
                return Err(Refusal::ItemAlreadyOpen { open: open.spec.title.clone() }); // R-AGENDA
            }
            if it.status != ItemStatus::Pending {
                return Err(Refusal::ItemNotPending { title: it.spec.title.clone(), status: it.status });
            }
            quorum_met(m)?; // R-QUORUM: below it the meeting cannot move on
            one(Event::ItemOpened { item: item.clone() })
        }

        Intent::AddSpeaker { person: pid } => {
            phase(m, &[InSession], kind, Rule::Speak)?;
            let item = m.open_item().ok_or(Refusal::NoOpenItem)?;
            may_speak(m, pid)?;
            if item.queue.contains(pid) {
                return Err(Refusal::AlreadyQueued { name: m.name_of(pid) });
            }
            one(Event::SpeakerAdded { person: pid.clone() })
        }

        Intent::WithdrawSpeaker { person: pid } => {
            phase(m, &[InSession], kind, Rule::Speak)?;
            let item = m.open_item().ok_or(Refusal::NoOpenItem)?;
            person(m, Field::PersonId, pid)?;
            if !item.queue.contains(pid) {
                return Err(Refusal::NotQueued { name: m.name_of(pid) });
            }
            one(Event::SpeakerWithdrawn { person: pid.clone() })
        }

        Intent::StartTurn { person: pid } => {
            phase(m, &[InSession], kind, Rule::Speak)?;
            let item = closable_item(m)?;
            let pid = match pid {
                Some(p) => p.clone(),
                None => item.queue.first().cloned().ok_or(Refusal::QueueEmpty)?,
            };
            may_speak(m, &pid)?;
            let group = person(m, Field::PersonId, &pid)?.group;
            one(Event::TurnStarted { person: pid, group })
        }

        Intent::EndTurn { summary } => {
            phase(m, &[InSession], kind, Rule::Speak)?;
            let item = m.open_item().ok_or(Refusal::NoOpenItem)?;
            item.running_turn().ok_or(Refusal::NoTurnRunning)?;
            if let Some(s) = summary {
                optional(Field::Summary, s, MAX_SUMMARY)?;
            }
            let summary = summary.clone().filter(|s| !s.trim().is_empty());
            one(Event::TurnEnded { summary })
        }

        Intent::SummarizeTurn { turn, summary } => {
            phase(m, &[InSession], kind, Rule::Speak)?;
            let item = m.open_item().ok_or(Refusal::NoOpenItem)?;
            if !item.turns.iter().any(|t| t.no == *turn) {
                return Err(Refusal::UnknownTurn(*turn));
            }
            required(Field::Summary, summary, MAX_SUMMARY)?;
            one(Event::TurnSummarized { turn: *turn, summary: summary.clone() })
        }

        Intent::OpenVote { motion, mode, rule } => {
            phase(m, &[InSession], kind, Rule::Vote)?;
            not_adjourned(m)?;
            let item = m.open_item().ok_or(Refusal::NoOpenItem)?;
            if item.vote.is_some() {
                return Err(Refusal::AlreadyVotedOnItem);
            }
            if let Some(t) = item.running_turn() {
                return Err(Refusal::TurnRunning { name: m.name_of(&t.person) });
            }
            required(Field::Motion, motion, MAX_MOTION)?;
            quorum_met(m)?; // R-QUORUM is checked again when a vote opens
            let eligible = m.present_members().map(|p| p.person.id.clone()).collect();
            one(Event::VoteOpened { motion: motion.clone(), mode: *mode, rule: rule.unwrap_or(m.vote_rule), eligible })
        }

        Intent::CastVote { person: pid, choice } => {
            phase(m, &[InSession], kind, Rule::Vote)?;
            let item = m.open_item().ok_or(Refusal::NoOpenItem)?;
            let v = item.open_vote().ok_or(Refusal::NoVoteOpen)?;
            let p = person(m, Field::PersonId, pid)?;
            if v.mode != VoteMode::Named {
                return Err(Refusal::NotNamedVote);
            }
            if !v.eligible.contains(pid) {
                return Err(Refusal::NotEligible { name: p.name.clone() });
            }
            if v.ballots.contains_key(pid) {
                return Err(Refusal::AlreadyVoted { name: p.name.clone() });
            }
            // R-VOTE: a member present when the vote opened who has since left casts no ballot
            // (one who came back may); the denominator stays those present when it opened.
            if !m.is_present(pid) {
                return Err(Refusal::NotPresent { name: p.name.clone(), rule: Rule::Vote });
            }
            one(Event::VoteCast { person: pid.clone(), choice: *choice })
        }

        Intent::CloseVote { counts } => {
            phase(m, &[InSession], kind, Rule::Vote)?;
            let item = m.open_item().ok_or(Refusal::NoOpenItem)?;
            let v = item.open_vote().ok_or(Refusal::NoVoteOpen)?;
            let tally = match (v.mode, counts) {
                (VoteMode::Named, None) => vote::Tally::of(&v.ballots),
                (VoteMode::Named, Some(_)) => return Err(Refusal::CountsNotAllowed),
                (_, None) => return Err(Refusal::CountsRequired),
                (_, Some(t)) => *t,
            };
            // R-VOTE: the denominator is the members present when the vote opened.
            let present = v.eligible.len() as u32;
            let counted = (tally.yes as u64) + (tally.no as u64) + (tally.abstain as u64);
            if counted > present as u64 {
                return Err(Refusal::CountsExceedPresent { counted: counted.min(u32::MAX as u64) as u32, present });
            }
            let outcome = vote::decide(v.rule, present, tally);
            one(Event::VoteClosed { tally, outcome })
        }

        Intent::CloseByConsensus { resolution } => {
            phase(m, &[InSession], kind, Rule::Agenda)?;
            closable_item(m)?;
            required(Field::Resolution, resolution, MAX_RESOLUTION)?;
            one(Event::ItemAgreed { resolution: resolution.clone() })
        }

        Intent::DeferItem { reason } => {
            phase(m, &[InSession], kind, Rule::Agenda)?;
            closable_item(m)?;
            required(Field::Reason, reason, MAX_REASON)?;
            one(Event::ItemDeferred { reason: reason.clone() })
        }

        Intent::MarkForRedo { item, reason } => {
            phase(m, &[InSession, Signing], kind, Rule::Redo)?;
            let it = m.item(item).ok_or_else(|| Refusal::UnknownItem(item.clone()))?;
            if !it.may_redo() {
                return Err(Refusal::CannotRedo { title: it.spec.title.clone() });
            }
            required(Field::Reason, reason, MAX_REASON)?;
            one(Event::ItemMarkedForRedo { item: item.clone(), reason: reason.clone() })
        }

        Intent::EditMinutes { by, text } => {
            phase(m, &[InSession], kind, Rule::Minutes)?;
            let p = person(m, Field::By, by)?;
            if *by != m.recorder {
                return Err(Refusal::NotRecorder { name: p.name.clone() });
            }
            required(Field::MinutesText, text, MAX_MINUTES)?;
            one(Event::MinutesEdited { by: by.clone(), text: text.clone() })
        }

        Intent::FinalizeMinutes { by } => {
            phase(m, &[InSession], kind, Rule::Minutes)?;
            let p = person(m, Field::By, by)?;
            if *by != m.recorder {
                return Err(Refusal::NotRecorder { name: p.name.clone() });
            }
            if let Some(open) = m.open_item() {
                return Err(Refusal::ItemAlreadyOpen { open: open.spec.title.clone() });
            }
            // R-AGENDA: every item is decided, agreed or deferred — unless the
            // meeting was adjourned, when untaken items simply stay untaken.
            if m.adjourned.is_none() {
                let pending: Vec<&str> =
                    m.agenda.iter().filter(|i| !i.status.is_closed()).map(|i| i.spec.title.as_str()).collect();
                if !pending.is_empty() {
                    return Err(Refusal::ItemsNotClosed { titles: pending.join("、") });
                }
            }
            // R-SIGN: the chair, the recorder and every member present now (not yet fixed).
            one(Event::MinutesFinalized { by: by.clone(), signers: m.expected_signers() })
        }

        Intent::Sign { person: pid, image_png_base64 } => {
            phase(m, &[Signing], kind, Rule::Sign)?;
            let p = signer(m, pid)?;
            let bytes = decode_png(image_png_base64)?;
            // R-SIGN: the image must show a drawing, not a blank pad beside a signing time.
            let (w, h, ink) = crate::sign::ink(&bytes).map_err(|why| Refusal::BadSignatureImage { why })?;
            if !crate::sign::enough_ink(w, h, ink) {
                return Err(Refusal::BlankSignature { name: m.name_of(p), ink });
            }
            let sha256 = hex::encode(Sha256::digest(&bytes));
            Ok(Decision {
                events: vec![Event::Signed {
                    person: p.clone(),
                    image_sha256: sha256.clone(),
                    image_bytes: bytes.len() as u32,
                }],
                blobs: vec![Blob { sha256, bytes }],
            })
        }

        Intent::DeclineSignature { person: pid, reason } => {
            phase(m, &[Signing], kind, Rule::Sign)?;
            let p = signer(m, pid)?;
            required(Field::Reason, reason, MAX_REASON)?;
            one(Event::SignatureDeclined { person: p.clone(), reason: reason.clone() })
        }

        Intent::RecordWitness { name, kind: wk, statement } => {
            phase(m, &[InSession, Signing], kind, Rule::Sign)?;
            required(Field::Name, name, MAX_NAME)?;
            if let Some(s) = statement {
                optional(Field::Statement, s, MAX_REASON)?;
            }
            one(Event::WitnessRecorded { name: name.clone(), kind: *wk, statement: statement.clone() })
        }

        Intent::CloseMeeting { by } => {
            phase(m, &[Signing], kind, Rule::Close)?;
            let p = person(m, Field::By, by)?;
            if *by != m.chair {
                return Err(Refusal::NotChair { name: p.name.clone(), rule: Rule::Close });
            }
            let missing = m.pending_signers();
            if !missing.is_empty() {
                let names: Vec<String> = missing.iter().map(|id| m.name_of(id)).collect();
                return Err(Refusal::SignaturesMissing { names: names.join("、") }); // R-SIGN
            }
            one(Event::MeetingClosed { by: by.clone() })
        }

        Intent::Amend { by, reason, text } => {
            if !m.is_sealed() {
                return Err(Refusal::NotSealed);
            }
            required(Field::AmendedBy, by, MAX_NAME)?;
            required(Field::Reason, reason, MAX_REASON)?;
            required(Field::AmendmentText, text, MAX_AMENDMENT)?;
            one(Event::Amended { by: by.clone(), reason: reason.clone(), text: text.clone() })
        }

        Intent::RecordPublication { channel, place } => {
            phase(m, &[Sealed], kind, Rule::Publish)?;
            required(Field::Place, place, MAX_PLACE)?;
            one(Event::PublicationRecorded { channel: *channel, place: place.clone() })
        }

        Intent::AssignAction { item, leader, department, requirements, due, feedback_by } => {
            let it = m.item(item).ok_or_else(|| Refusal::UnknownItem(item.clone()))?;
            if it.resolution.is_none() {
                return Err(Refusal::NoResolution { title: it.spec.title.clone() });
            }
            required(Field::Leader, leader, MAX_NAME)?;
            optional(Field::Department, department, MAX_PLACE)?;
            required(Field::Requirements, requirements, MAX_REASON)?;
            not_before(Field::Due, *due, cmd.at)?;
            not_before(Field::FeedbackBy, *feedback_by, cmd.at)?;
            one(Event::ActionAssigned {
                item: item.clone(),
                leader: leader.clone(),
                department: department.clone(),
                requirements: requirements.clone(),
                due: *due,
                feedback_by: *feedback_by,
            })
        }

        Intent::ReportProgress { action, note, done } => {
            let a = m.action(*action).ok_or(Refusal::UnknownAction(*action))?;
            if a.done_at().is_some() {
                return Err(Refusal::ActionDone { no: a.no });
            }
            required(Field::ProgressNote, note, MAX_SUMMARY)?;
            one(Event::ProgressReported { action: *action, note: note.clone(), done: *done })
        }

        Intent::EvaluateAction { action, by, verdict, rectification } => {
            let a = m.action(*action).ok_or(Refusal::UnknownAction(*action))?;
            if a.done_at().is_none() {
                return Err(Refusal::ActionNotDone { no: a.no });
            }
            required(Field::EvaluatedBy, by, MAX_PLACE)?;
            let rectification = rectification.as_deref().map(str::trim).filter(|r| !r.is_empty());
            match (verdict, rectification) {
                (Verdict::Rectify, None) => return Err(Refusal::Empty { field: Field::Rectification }),
                (_, Some(r)) => optional(Field::Rectification, r, MAX_REASON)?,
                _ => {}
            }
            one(Event::ActionEvaluated {
                action: *action,
                by: by.clone(),
                verdict: *verdict,
                rectification: rectification.map(str::to_string),
            })
        }
    }
}

/// A deadline recorded with an action is not already past when it is recorded. R-IMPLEMENT
fn not_before(field: Field, t: Time, at: Time) -> Result<(), Refusal> {
    if t < at {
        return Err(Refusal::InThePast { field });
    }
    Ok(())
}

/// R-SIGN: who may sign or decline — the fixed signers, or anyone who attended.
fn signer<'a>(m: &'a Meeting, pid: &'a PersonId) -> Result<&'a PersonId, Refusal> {
    let p = m.participant(pid).ok_or_else(|| Refusal::UnknownPerson {
        field: Field::PersonId,
        id: pid.as_str().chars().take(80).collect(),
    })?;
    if !m.signers.contains(pid) && !p.attendance.attended() {
        return Err(Refusal::NotSigner { name: p.person.name.clone() });
    }
    if m.signatures.iter().any(|s| &s.person == pid) {
        return Err(Refusal::AlreadySigned { name: p.person.name.clone() });
    }
    Ok(pid)
}
