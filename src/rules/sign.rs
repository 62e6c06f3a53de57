//! On-the-spot confirmation (R-SIGN), the seal, and what may follow it: amendments
//! and publication records, appended and never edited.

use crate::ids::{PersonId, Time};
use serde::{Deserialize, Serialize};

/// Largest signature image accepted, in bytes: a pad drawing is a few KB.
pub const MAX_SIGNATURE_BYTES: usize = 512 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WitnessKind {
    /// 律师见证
    Lawyer,
    /// 公证
    Notary,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Confirmation {
    /// The image is kept in the store by its SHA-256; the record holds the hash.
    Signed { image_sha256: String, image_bytes: u32 },
    Declined { reason: String },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignatureEntry {
    pub person: PersonId,
    pub name: String,
    pub at: Time,
    #[serde(flatten)]
    pub confirmation: Confirmation,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Witness {
    pub name: String,
    pub kind: WitnessKind,
    pub statement: Option<String>,
    pub at: Time,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Amendment {
    pub no: u32,
    pub by: String,
    pub reason: String,
    pub text: String,
    pub at: Time,
}

/// R-PUBLISH: where a result was posted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// 线下公示栏
    NoticeBoard,
    /// 线上（公众号、网站、微信群）
    Online,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Publication {
    pub channel: Channel,
    pub place: String,
    pub at: Time,
}
