//! The hash chain. Each stored event is `prev ‖ hash ‖ body`, where `body` is
//! the event's canonical JSON bytes and `hash = SHA-256(prev ‖ body)`. A
//! meeting's chain starts from SHA-256 of its id, so a chain cannot be moved
//! under another meeting's key; its last hash (the head) is the record's
//! fingerprint.

use crate::event::Event;
use crate::ids::{MeetingId, Time};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub type Hash = [u8; 32];

pub const EVENT_PREFIX: u8 = b'e';
pub const INDEX_PREFIX: u8 = b'm';
pub const BLOB_PREFIX: u8 = b'b';

/// The hashed part of a stored event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredEvent {
    pub meeting: MeetingId,
    /// 1-based position in the meeting's record.
    pub seq: u64,
    /// Which accepted intent produced it (1-based); an intent may yield several events.
    pub intent: u64,
    pub at: Time,
    pub event: Event,
}

pub fn genesis(meeting: MeetingId) -> Hash {
    Sha256::digest(meeting.0.as_bytes()).into()
}

pub fn link(prev: &Hash, body: &[u8]) -> Hash {
    let mut h = Sha256::new();
    h.update(prev);
    h.update(body);
    h.finalize().into()
}

pub fn event_key(meeting: MeetingId, seq: u64) -> [u8; 25] {
    let mut k = [0u8; 25];
    k[0] = EVENT_PREFIX;
    k[1..17].copy_from_slice(meeting.0.as_bytes());
    k[17..].copy_from_slice(&seq.to_be_bytes());
    k
}

pub fn events_prefix(meeting: MeetingId) -> [u8; 17] {
    let mut k = [0u8; 17];
    k[0] = EVENT_PREFIX;
    k[1..].copy_from_slice(meeting.0.as_bytes());
    k
}

pub fn index_key(meeting: MeetingId) -> [u8; 17] {
    let mut k = events_prefix(meeting);
    k[0] = INDEX_PREFIX;
    k
}

pub fn blob_key(sha256_hex: &str) -> Vec<u8> {
    let mut k = vec![BLOB_PREFIX];
    k.extend_from_slice(sha256_hex.as_bytes());
    k
}

/// Splits an event key into its meeting and position.
pub fn parse_event_key(key: &[u8]) -> Option<(MeetingId, u64)> {
    if key.len() != 25 || key[0] != EVENT_PREFIX {
        return None;
    }
    let id = uuid::Uuid::from_slice(&key[1..17]).ok()?;
    let seq = u64::from_be_bytes(key[17..25].try_into().ok()?);
    Some((MeetingId(id), seq))
}

/// Encodes one event after `prev`: the stored bytes and the new head.
pub fn seal_event(prev: &Hash, ev: &StoredEvent) -> Result<(Vec<u8>, Hash), serde_json::Error> {
    seal(prev, ev)
}

/// Encodes any chained record (a meeting's event, an entry of the roster or the pool) after `prev`.
pub fn seal<T: Serialize>(prev: &Hash, record: &T) -> Result<(Vec<u8>, Hash), serde_json::Error> {
    let body = serde_json::to_vec(record)?;
    let hash = link(prev, &body);
    let mut value = Vec::with_capacity(64 + body.len());
    value.extend_from_slice(prev);
    value.extend_from_slice(&hash);
    value.extend_from_slice(&body);
    Ok((value, hash))
}

/// A stored value split into its parts, with the hash checked.
pub struct Opened<'a> {
    pub prev: Hash,
    pub hash: Hash,
    pub body: &'a [u8],
    pub hash_ok: bool,
}

pub fn open_value(value: &[u8]) -> Option<Opened<'_>> {
    if value.len() < 64 {
        return None;
    }
    let prev: Hash = value[..32].try_into().ok()?;
    let hash: Hash = value[32..64].try_into().ok()?;
    let body = &value[64..];
    let hash_ok = link(&prev, body) == hash;
    Some(Opened { prev, hash, body, hash_ok })
}
