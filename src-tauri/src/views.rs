//! What the UI receives: deliberate views of the core's state, built field by field from the
//! core types (so a change in the core breaks this file at compile time instead of drifting),
//! with the guideline's labels in both languages taken from the core's own catalog.

use serde::Serialize;
use ts_rs::TS;
use yishi::i18n::{self, Locale};

use crate::dto::{Form, Level, PartyGroup, Role};

/// A label in both locales; the UI picks the one in use.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Label {
    pub zh: String,
    pub en: String,
}

impl Label {
    fn of(f: impl Fn(Locale) -> &'static str) -> Label {
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
}

impl From<&yishi::store::MeetingSummary> for MeetingListItem {
    fn from(s: &yishi::store::MeetingSummary) -> Self {
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
        }
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

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct AgendaItemView {
    pub id: String,
    pub title: String,
    pub background: String,
    pub stakeholders: String,
    pub status: ItemStatus,
    pub status_label: Label,
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
    pub agenda: Vec<AgendaItemView>,
    pub participants: Vec<ParticipantView>,
    pub warnings: Vec<WarningView>,
    /// The record's fingerprint: the head of its hash chain (R-OPENNESS).
    pub record_head: String,
}

impl From<&yishi::Snapshot> for MeetingView {
    fn from(s: &yishi::Snapshot) -> Self {
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
            quorum: QuorumView {
                present: s.quorum.present,
                expected: s.quorum.expected,
                required: s.quorum.required,
                met: s.quorum.met,
            },
            current_item: s.current_item.as_ref().map(|i| i.to_string()),
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
                })
                .collect(),
            participants: m
                .participants
                .iter()
                .map(|p| ParticipantView {
                    id: p.person.id.to_string(),
                    name: p.person.name.clone(),
                    group: p.person.group.into(),
                    group_label: Label::of(|l| i18n::group_label(p.person.group, l)),
                    two_committees: p.person.two_committees,
                    role: p.person.role.into(),
                    role_label: Label::of(|l| i18n::role_label(p.person.role, l)),
                    status: p.attendance.status.into(),
                    status_label: Label::of(|l| i18n::status_label(p.attendance.status, l)),
                })
                .collect(),
            warnings: s
                .warnings
                .iter()
                .map(|w| WarningView {
                    rule: w.rule.id().to_string(),
                    code: w.code.clone(),
                    message_zh: w.message_zh.clone(),
                    message_en: w.message_en.clone(),
                })
                .collect(),
            record_head: s.record.head.clone(),
        }
    }
}
