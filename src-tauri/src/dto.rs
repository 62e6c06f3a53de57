//! What the UI sends: the intents, mirrored from the core (`yishi::intent`) with TypeScript
//! derives so the UI's types are generated, not hand-written. The core stays the authority:
//! a DTO becomes a core `Intent` through serde (same JSON shape), and tests/bindings.rs checks
//! that every documented intent example (docs/intents.md) reads the same through both.
//! Times are RFC 3339 strings with offset; ids are strings.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Street,
    Community,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    Symposium,
    DemocraticConsultation,
    PublicConsultation,
    ThematicDeliberation,
    PublicHearing,
    Coordination,
    ResidentsAssembly,
    ResidentRepresentatives,
    VillagersAssembly,
    VillagerRepresentatives,
    DeliberationCouncil,
    SecretaryTea,
    PublicSentiment,
    ExpertCouncil,
    ExpertHearing,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PartyGroup {
    Deputies,
    Organisations,
    Residents,
    Supporters,
    Experts,
    Public,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Member,
    Attendee,
    Observer,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    Present,
    AbsentWithLeave,
    AbsentWithoutLeave,
    ArrivedLate,
    LeftEarly,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum VoteMode {
    Hands,
    Named,
    Secret,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum VoteRule {
    HalfOrMore,
    MoreThanHalf,
    TwoThirds,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    Yes,
    No,
    Abstain,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WitnessKind {
    Lawyer,
    Notary,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    NoticeBoard,
    Online,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    pub id: String,
    pub name: String,
    pub group: PartyGroup,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub two_committees: Option<bool>,
    pub role: Role,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ItemRef {
    pub meeting: String,
    pub item: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct AgendaItemSpec {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub background: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub stakeholders: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub redo_of: Option<ItemRef>,
    /// R-TOPIC: the pool topic this item takes up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub topic: Option<TopicLink>,
}

/// R-TOPIC, R-30DAYS: an agenda item's link to its pool topic, with the topic's decision time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct TopicLink {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub decided_at: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Tally {
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct MeetingSetup {
    pub level: Level,
    pub form: Form,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub online: Option<bool>,
    pub title: String,
    pub place: String,
    pub scheduled_at: String,
    pub chair: String,
    pub recorder: String,
    pub participants: Vec<Participant>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub observer_seats: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub vote_rule: Option<VoteRule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub turn_limit_secs: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub agenda: Option<Vec<AgendaItemSpec>>,
}

/// One intent, tagged by `type` as in docs/intents.md.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Intent {
    CreateMeeting(MeetingSetup),
    AddParticipant {
        participant: Participant,
    },
    AddAgendaItem {
        item: AgendaItemSpec,
    },
    RecordNotice {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        published_at: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        invitations_sent_at: Option<String>,
    },
    RecordSeatsReason {
        reason: String,
    },
    OpenMeeting {
        by: String,
    },
    MarkAttendance {
        person: String,
        mark: Mark,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        note: Option<String>,
    },
    AdjournForLackOfQuorum {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        note: Option<String>,
    },
    OpenItem {
        item: String,
    },
    AddSpeaker {
        person: String,
    },
    WithdrawSpeaker {
        person: String,
    },
    StartTurn {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        person: Option<String>,
    },
    EndTurn {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        summary: Option<String>,
    },
    SummarizeTurn {
        turn: u32,
        summary: String,
    },
    OpenVote {
        motion: String,
        mode: VoteMode,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        rule: Option<VoteRule>,
    },
    CastVote {
        person: String,
        choice: Choice,
    },
    CloseVote {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        counts: Option<Tally>,
    },
    CloseByConsensus {
        resolution: String,
    },
    DeferItem {
        reason: String,
    },
    MarkForRedo {
        item: String,
        reason: String,
    },
    EditMinutes {
        by: String,
        text: String,
    },
    FinalizeMinutes {
        by: String,
    },
    Sign {
        person: String,
        image_png_base64: String,
    },
    DeclineSignature {
        person: String,
        reason: String,
    },
    RecordWitness {
        name: String,
        kind: WitnessKind,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        statement: Option<String>,
    },
    CloseMeeting {
        by: String,
    },
    Amend {
        by: String,
        reason: String,
        text: String,
    },
    RecordPublication {
        channel: Channel,
        place: String,
    },
    BookObserver {
        name: String,
        #[serde(default)]
        contact: String,
        #[serde(default)]
        online: bool,
    },
    CancelBooking {
        booking: u32,
        reason: String,
    },
    AssignAction {
        item: String,
        leader: String,
        #[serde(default)]
        department: String,
        requirements: String,
        due: String,
        feedback_by: String,
    },
    ReportProgress {
        action: u32,
        note: String,
        #[serde(default)]
        done: bool,
    },
    EvaluateAction {
        action: u32,
        by: String,
        verdict: Verdict,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        rectification: Option<String>,
    },
}

/// R-EVALUATE: the verdict of an evaluation (评议).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Satisfactory,
    Rectify,
}

impl Intent {
    /// The core's intent with the same JSON. A mismatch is a bug in this mirror (the
    /// bindings test catches it for every documented intent), reported as `bad_intent`.
    pub fn into_core(self) -> Result<yishi::Intent, serde_json::Error> {
        serde_json::from_value(serde_json::to_value(self)?)
    }
}
