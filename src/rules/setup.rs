//! What a meeting is before it opens: level (R-LEVEL), form (R-FORMS), and the
//! setup checks R-SEATS and R-NOTICE5.

use crate::ids::Time;
use crate::people::{Participant, Role};
use crate::vote::VoteRule;
use serde::{Deserialize, Serialize};

/// R-LEVEL
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 街道协商
    Street,
    /// 社区（村）协商
    Community,
}

/// R-FORMS: the forms of 五.(一) and 五.(二). Online (网上/线上协商) is a flag
/// on the meeting, since any form may be held online.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    // street level
    Symposium,
    DemocraticConsultation,
    PublicConsultation,
    ThematicDeliberation,
    PublicHearing,
    Coordination,
    // community level
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

impl Form {
    pub const ALL: [Form; 15] = [
        Form::Symposium,
        Form::DemocraticConsultation,
        Form::PublicConsultation,
        Form::ThematicDeliberation,
        Form::PublicHearing,
        Form::Coordination,
        Form::ResidentsAssembly,
        Form::ResidentRepresentatives,
        Form::VillagersAssembly,
        Form::VillagerRepresentatives,
        Form::DeliberationCouncil,
        Form::SecretaryTea,
        Form::PublicSentiment,
        Form::ExpertCouncil,
        Form::ExpertHearing,
    ];

    /// The level a form belongs to. R-FORMS
    pub fn level(self) -> Level {
        match self {
            Form::Symposium
            | Form::DemocraticConsultation
            | Form::PublicConsultation
            | Form::ThematicDeliberation
            | Form::PublicHearing
            | Form::Coordination => Level::Street,
            _ => Level::Community,
        }
    }
}

/// Everything fixed when a meeting is created.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingSetup {
    pub level: Level,
    pub form: Form,
    #[serde(default)]
    pub online: bool,
    pub title: String,
    pub place: String,
    pub scheduled_at: Time,
    /// 召集人, who presides (R-OPEN) and stays neutral (R-NEUTRAL).
    pub chair: crate::ids::PersonId,
    pub recorder: crate::ids::PersonId,
    pub participants: Vec<Participant>,
    /// 旁听 seats offered (R-OBSERVE asks for at least 2 at community level).
    #[serde(default)]
    pub observer_seats: u32,
    #[serde(default)]
    pub vote_rule: VoteRule,
    /// Per-turn speaking limit (R-SPEAK).
    #[serde(default = "default_turn_limit")]
    pub turn_limit_secs: u32,
    #[serde(default)]
    pub agenda: Vec<crate::agenda::AgendaItemSpec>,
}

pub fn default_turn_limit() -> u32 {
    180
}

/// The share of seats held by people other than 两委 members, among members
/// and 列席 (observers hold no seat at the table). R-SEATS
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatShare {
    pub others: u32,
    pub seats: u32,
}

impl SeatShare {
    pub fn of(participants: &[Participant]) -> SeatShare {
        let seated = participants.iter().filter(|p| p.role != Role::Observer);
        let (mut others, mut seats) = (0, 0);
        for p in seated {
            seats += 1;
            if !p.two_committees {
                others += 1;
            }
        }
        SeatShare { others, seats }
    }

    /// At least half (不少于50%): others × 2 ≥ seats. R-SEATS
    pub fn at_least_half(self) -> bool {
        self.others * 2 >= self.seats
    }

    pub fn percent(self) -> u32 {
        (self.others * 100).checked_div(self.seats).unwrap_or(0)
    }
}

/// R-SEATS applies to 居（村）民议事会.
pub fn seats_rule_applies(form: Form) -> bool {
    form == Form::DeliberationCouncil
}

/// When the notice was published and invitations sent. R-NOTICE5
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    pub published_at: Option<Time>,
    pub invitations_sent_at: Option<Time>,
}

/// Whole days of notice given: at least 5 are required. R-NOTICE5
pub fn notice_short(given: Time, scheduled: Time) -> bool {
    scheduled.signed_duration_since(given) < chrono::Duration::days(5)
}
