//! What a bundle says it holds: the first part, `manifest.json`.

use crate::ids::{MeetingId, Time};
use crate::setup::{Form, Level};
use serde::{Deserialize, Serialize};

pub const NAME: &str = "manifest.json";
pub const FORMAT: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    /// When it was made (RFC 3339).
    pub created_at: String,
    /// The issuing body, as its certificate names it.
    pub issuer: String,
    /// The community's name, from its profile (None where none was set).
    #[serde(default)]
    pub community: Option<String>,
    pub meetings: Vec<Listed>,
    /// R-ESCALATE: matters the community forwarded to the street from these meetings, as its
    /// topic pool holds them; they join the street office's pool on import.
    #[serde(default)]
    pub escalations: Vec<crate::topic::Topic>,
}

/// One meeting in a bundle, and the parts that hold it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Listed {
    pub id: MeetingId,
    pub title: String,
    pub level: Level,
    pub form: Form,
    pub scheduled_at: Time,
    pub events: u64,
    pub head: String,
    /// The part holding its journal (`journal/<id>.yj`).
    pub journal: String,
    /// The parts holding its signed PDFs (`pdf/<id>/minutes.pdf`, …).
    pub documents: Vec<String>,
}

pub fn journal_part(id: MeetingId) -> String {
    format!("journal/{id}.{}", crate::store::journal::EXT)
}

pub fn document_part(id: MeetingId, kind: &str) -> String {
    format!("pdf/{id}/{kind}.pdf")
}
