//! Records received from other installations (a street office's archive of its communities):
//! which meetings came in which bundle, from whom. The records themselves are the meetings' own
//! chains, kept as they came; this log says whose they are, so they stay read-only here.

use crate::ids::{MeetingId, Time};
use serde::{Deserialize, Serialize};

/// The installation that signed a bundle: the name and key of its certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issuer {
    /// The certificate's common name: the community or its issuing body.
    pub name: String,
    /// SHA-256 of the signing key (`export::pdfsig::DocSigner::key_id`).
    pub key_id: String,
    /// The certificate as PEM, so what was trusted at the time stays on record.
    pub certificate: String,
    /// The community's own name as its profile gives it (the certificate names the issuing
    /// body, e.g. its residents' committee); shown where the records are listed.
    #[serde(default)]
    pub community: Option<String>,
}

/// One meeting as a bundle carried it: its chain's length and end.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceivedMeeting {
    pub id: MeetingId,
    pub title: String,
    pub events: u64,
    pub head: String,
}

/// Where a received meeting came from, as folded from the log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    pub community: String,
    pub key_id: String,
    /// The chain's length as last received (amendments in a later bundle extend it).
    pub events: u64,
    pub head: String,
    pub received_at: Time,
}
