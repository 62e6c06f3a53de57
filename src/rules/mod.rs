//! The rule ids of `shared/guideline/RULES.md`. Every refusal and warning names one,
//! so a reader can trace a check back to the guideline.

// One file per rule family of the guideline (the ids are below).
pub mod agenda;
pub mod implement;
pub mod observe;
pub mod people;
pub mod publish;
pub mod quorum;
pub mod roll;
pub mod setup;
pub mod sign;
pub mod speak;
pub mod vote;


use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Rule {
    #[serde(rename = "R-LEVEL")]
    Level,
    #[serde(rename = "R-PARTIES")]
    Parties,
    #[serde(rename = "R-FORMS")]
    Forms,
    #[serde(rename = "R-SEATS")]
    Seats,
    #[serde(rename = "R-NOTICE5")]
    Notice5,
    #[serde(rename = "R-OPEN")]
    Open,
    #[serde(rename = "R-ROLL")]
    Roll,
    #[serde(rename = "R-QUORUM")]
    Quorum,
    #[serde(rename = "R-AGENDA")]
    Agenda,
    #[serde(rename = "R-NEUTRAL")]
    Neutral,
    #[serde(rename = "R-SPEAK")]
    Speak,
    #[serde(rename = "R-VOTE")]
    Vote,
    #[serde(rename = "R-REDO")]
    Redo,
    #[serde(rename = "R-MINUTES")]
    Minutes,
    #[serde(rename = "R-SIGN")]
    Sign,
    #[serde(rename = "R-CLOSE")]
    Close,
    #[serde(rename = "R-PUBLISH")]
    Publish,
    #[serde(rename = "R-IMPLEMENT")]
    Implement,
    #[serde(rename = "R-FREQ")]
    Freq,
    #[serde(rename = "R-TOPIC")]
    Topic,
    #[serde(rename = "R-30DAYS")]
    ThirtyDays,
    #[serde(rename = "R-ESCALATE")]
    Escalate,
    #[serde(rename = "R-OBSERVE")]
    Observe,
    #[serde(rename = "R-EVALUATE")]
    Evaluate,
}

impl Rule {
    pub fn id(self) -> &'static str {
        match self {
            Rule::Level => "R-LEVEL",
            Rule::Parties => "R-PARTIES",
            Rule::Forms => "R-FORMS",
            Rule::Seats => "R-SEATS",
            Rule::Notice5 => "R-NOTICE5",
            Rule::Open => "R-OPEN",
            Rule::Roll => "R-ROLL",
            Rule::Quorum => "R-QUORUM",
            Rule::Agenda => "R-AGENDA",
            Rule::Neutral => "R-NEUTRAL",
            Rule::Speak => "R-SPEAK",
            Rule::Vote => "R-VOTE",
            Rule::Redo => "R-REDO",
            Rule::Minutes => "R-MINUTES",
            Rule::Sign => "R-SIGN",
            Rule::Close => "R-CLOSE",
            Rule::Publish => "R-PUBLISH",
            Rule::Implement => "R-IMPLEMENT",
            Rule::Freq => "R-FREQ",
            Rule::Topic => "R-TOPIC",
            Rule::ThirtyDays => "R-30DAYS",
            Rule::Escalate => "R-ESCALATE",
            Rule::Observe => "R-OBSERVE",
            Rule::Evaluate => "R-EVALUATE",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}
