//! Taking in sealed meetings from another installation (a bundle's journals, see `bundle`): every
//! chain checked from its genesis, all or nothing. A meeting is new here, or the continuation of
//! one received before (amendments appended there since): a chain that forks from what is held
//! is refused. What came from whom goes on the archive's log first, then the journals: after a
//! crash between the two, importing the same bundle again finishes the job.

use super::chain::{self, StoredEvent};
use super::journal;
use super::recover::{fold, frames_of};
use super::{lock, MeetingSummary, Store, StoreError};
use crate::community::archive::{Issuer, ReceivedMeeting};
use crate::community::{CommunityEvent, List};
use crate::ids::{MeetingId, Time};
use crate::state::Phase;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One meeting's journal as a bundle carries it (the file's bytes).
pub struct Arrival {
    pub id: MeetingId,
    pub journal: Vec<u8>,
}

/// What receiving did with one meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Taken {
    pub id: MeetingId,
    pub title: String,
    /// Events held now, and how many of them this bundle added.
    pub events: u64,
    pub added: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum ReceiveError {
    #[error("会议 {meeting} 的记录在包中已损坏：{reason} / meeting {meeting}: its record in the bundle is damaged: {reason}")]
    Damaged { meeting: MeetingId, reason: String },
    #[error("“{title}”尚未封存，只有签字封存的记录才能送出 / \"{title}\" is not sealed: only signed, sealed records are exchanged")]
    NotSealed { meeting: MeetingId, title: String },
    #[error("“{title}”是本机自己的记录，不能用收到的副本覆盖 / \"{title}\" is this installation's own record: a received copy cannot replace it")]
    Local { meeting: MeetingId, title: String },
    #[error("“{title}”此前收自{held}，这个包却由{came}签发 / \"{title}\" was received from {held}, but this bundle is signed by {came}")]
    OtherIssuer { meeting: MeetingId, title: String, held: String, came: String },
    #[error("“{title}”的记录与已收到的不一致（第 {at} 条起不同），不是它的延续 / \"{title}\": the record differs from the one held from event {at} on; it does not continue it")]
    Diverges { meeting: MeetingId, title: String, at: u64 },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A checked arrival: its events (stored values), images by SHA-256, and the folded meeting.
struct Checked {
    id: MeetingId,
    title: String,
    events: Vec<Vec<u8>>,
    blobs: HashMap<String, Vec<u8>>,
    head: String,
}

fn check(a: &Arrival) -> Result<Checked, ReceiveError> {
    let damaged = |reason: String| ReceiveError::Damaged { meeting: a.id, reason };
    let scan = journal::scan_bytes(&a.journal);
    if let Some(bad) = &scan.bad {
        return Err(damaged(format!("第 {} 字节无法读取 / unreadable at byte {}", bad.offset, bad.offset)));
    }
    let events: Vec<Vec<u8>> = scan.events().map(<[u8]>::to_vec).collect();
    let loaded = fold(a.id, &events).map_err(|e| damaged(e.to_string()))?.ok_or_else(|| damaged("没有事件 / no events".into()))?;
    let title = loaded.meeting.title.clone();
    if loaded.meeting.phase != Phase::Sealed {
        return Err(ReceiveError::NotSealed { meeting: a.id, title });
    }
    use sha2::Digest;
    let blobs: HashMap<String, Vec<u8>> = scan
        .frames
        .iter()
        .filter(|(k, _)| *k == journal::BLOB)
        .map(|(_, b)| (hex::encode(sha2::Sha256::digest(b)), b.clone()))
        .collect();
    // Every signature the record names comes with its image (R-SIGN).
    for v in &events {
        let Some(o) = chain::open_value(v) else { continue };
        let ev: StoredEvent = serde_json::from_slice(o.body).map_err(|e| damaged(e.to_string()))?;
        if let crate::event::Event::Signed { image_sha256, .. } = &ev.event {
            if !blobs.contains_key(image_sha256) {
                return Err(damaged(format!("缺少签名图像 {image_sha256:.12} / a signature image is missing")));
            }
        }
    }
    Ok(Checked { id: a.id, title, events, blobs, head: hex::encode(loaded.head) })
}

impl Store {
    /// Where a received meeting came from; None for this installation's own.
    pub fn received(&self, id: MeetingId) -> Option<crate::community::archive::Origin> {
        lock(&self.lists).state.received.get(&id).cloned()
    }

    /// Every received meeting, with where it came from.
    pub fn received_all(&self) -> Vec<(MeetingId, crate::community::archive::Origin)> {
        lock(&self.lists).state.received.iter().map(|(k, v)| (*k, v.clone())).collect()
    }

    /// Takes in a bundle's meetings, checked by the caller for signature and issuer (`bundle`):
    /// all of them, or none when any is refused. `bundle` is the bundle's SHA-256, kept on the log.
    pub fn receive(&self, issuer: &Issuer, bundle: &str, arrivals: &[Arrival], at: Time) -> Result<Vec<Taken>, ReceiveError> {
        let _guard = lock(&self.write);
        let mut plan = Vec::new();
        for a in arrivals {
            let c = check(a)?;
            let from = lock(&self.lists).state.received.get(&c.id).cloned();
            let held = match self.load(c.id) {
                Ok(h) => h,
                // A received meeting whose journal a crash left unwritten: written now.
                Err(StoreError::UnknownMeeting(_)) => None,
                Err(e) => return Err(e.into()),
            };
            match (&from, &held) {
                (None, Some(_)) => return Err(ReceiveError::Local { meeting: c.id, title: c.title }),
                (Some(o), _) if o.key_id != issuer.key_id => {
                    return Err(ReceiveError::OtherIssuer { meeting: c.id, title: c.title, held: o.community.clone(), came: issuer.name.clone() })
                }
                _ => {}
            }
            let have = held.as_ref().map_or(0, |h| h.events);
            // The shorter of the two must be where the longer one was at that length.
            let common = have.min(c.events.len() as u64);
            if let Some(h) = &held {
                let theirs = c.events.get(common as usize - 1).and_then(|v| chain::open_value(v)).map(|o| o.hash);
                let ours = if common == have { Some(h.head) } else { self.events_head_at(c.id, common)? };
                if theirs != ours {
                    return Err(ReceiveError::Diverges { meeting: c.id, title: c.title, at: common });
                }
            }
            plan.push((c, have));
        }
        // The log says whose they are before any journal is written (see the module's comment).
        let news: Vec<ReceivedMeeting> = plan
            .iter()
            .filter(|(c, have)| c.events.len() as u64 > *have)
            .map(|(c, _)| ReceivedMeeting { id: c.id, title: c.title.clone(), events: c.events.len() as u64, head: c.head.clone() })
            .collect();
        if !news.is_empty() {
            let event = CommunityEvent::MeetingsReceived { issuer: issuer.clone(), bundle: bundle.to_string(), meetings: news };
            self.append_list(lock(&self.lists), List::Archive, vec![event], at)?;
        }
        let mut taken = Vec::new();
        for (c, have) in plan {
            let n = c.events.len() as u64;
            if n > have {
                let name = c.id.to_string();
                let frames = frames_of(&c.events[have as usize..], &|sha| c.blobs.get(sha).cloned())?;
                let summary: Option<MeetingSummary> = match self.rm().log.get(chain::index_key(c.id)).map_err(StoreError::from)? {
                    Some(v) => Some(serde_json::from_slice(&v).map_err(StoreError::from)?),
                    None => None,
                };
                if have == 0 {
                    self.journals.replace(&name, &frames).map_err(StoreError::from)?;
                } else {
                    self.journals.append(&name, &frames).map_err(StoreError::from)?;
                }
                lock(&self.cache).remove(&c.id);
                self.catch_up_meeting(c.id, &name, summary.filter(|_| have > 0), false)?;
            }
            taken.push(Taken { id: c.id, title: c.title, events: n.max(have), added: n.saturating_sub(have) });
        }
        Ok(taken)
    }

    /// The chain's head after its first `n` events, from sled's copy.
    fn events_head_at(&self, id: MeetingId, n: u64) -> Result<Option<chain::Hash>, StoreError> {
        Ok(self.rm().log.get(chain::event_key(id, n))?.and_then(|v| chain::open_value(&v).map(|o| o.hash)))
    }
}
