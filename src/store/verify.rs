//! Checking chains: every event's hash, every link, no gap, and the index head
//! matching the chain. A break is reported by meeting and position; nothing is
//! repaired or dropped.

use super::chain::{self, Hash, INDEX_PREFIX};
use super::index::MeetingSummary;
use crate::ids::MeetingId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BreakKind {
    /// The stored bytes do not match their hash: an event was altered.
    Altered,
    /// The event does not follow the one before it: events were removed or reordered.
    Unlinked,
    /// A position is missing.
    Gap,
    /// The value is too short to be an event.
    Unreadable,
    /// The chain's end differs from the head the index recorded: the last events were removed or added.
    HeadMismatch,
    /// Events exist but the meeting has no index entry, or the reverse.
    IndexMissing,
    /// The meeting's journal file (the source of truth) is unreadable or altered from here on.
    JournalDamaged,
    /// The meeting's journal file is gone.
    JournalMissing,
    /// The journal ends before the store's copy: it lost events from here on.
    JournalBehind,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainBreak {
    pub meeting: MeetingId,
    /// 1-based position of the first event that fails.
    pub position: u64,
    pub kind: BreakKind,
}

impl fmt::Display for ChainBreak {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (zh, en) = match self.kind {
            BreakKind::Altered => ("内容被改动", "altered"),
            BreakKind::Unlinked => ("与前一事件不相连（被删除或调换）", "not linked to the event before it (removed or reordered)"),
            BreakKind::Gap => ("缺失", "missing"),
            BreakKind::Unreadable => ("无法读取", "unreadable"),
            BreakKind::HeadMismatch => ("记录末端与索引不符（末尾事件被删除或添加）", "end of record differs from the index (events removed or added at the end)"),
            BreakKind::IndexMissing => ("索引缺失", "index entry missing"),
            BreakKind::JournalDamaged | BreakKind::JournalMissing | BreakKind::JournalBehind => {
                let (zh, en) = match self.kind {
                    BreakKind::JournalDamaged => ("损坏", "damaged"),
                    BreakKind::JournalMissing => ("缺失", "missing"),
                    _ => ("缺少记录", "lacks the events"),
                };
                let (m, n) = (self.meeting, self.position);
                return write!(f, "会议 {m} 的日志文件自第 {n} 个事件起{zh} / meeting {m}: its journal file {en} from event {n} on");
            }
        };
        write!(
            f,
            "会议 {} 第 {} 个事件{} / meeting {} event {}: {}",
            self.meeting, self.position, zh, self.meeting, self.position, en
        )
    }
}

/// Running check of one meeting's chain, fed events in key order.
pub struct ChainCheck {
    pub meeting: MeetingId,
    pub head: Hash,
    pub count: u64,
    pub broken: Option<ChainBreak>,
}

impl ChainCheck {
    pub fn new(meeting: MeetingId) -> ChainCheck {
        ChainCheck { meeting, head: chain::genesis(meeting), count: 0, broken: None }
    }

    fn fail(&mut self, position: u64, kind: BreakKind) {
        if self.broken.is_none() {
            self.broken = Some(ChainBreak { meeting: self.meeting, position, kind });
        }
    }

    pub fn feed(&mut self, seq: u64, value: &[u8]) {
        let expected = self.count + 1;
        self.count = self.count.max(seq);
        if self.broken.is_some() {
            return;
        }
        if seq != expected {
            return self.fail(expected, BreakKind::Gap);
        }
        let Some(o) = chain::open_value(value) else {
            return self.fail(seq, BreakKind::Unreadable);
        };
        if !o.hash_ok {
            return self.fail(seq, BreakKind::Altered);
        }
        if o.prev != self.head {
            return self.fail(seq, BreakKind::Unlinked);
        }
        self.head = o.hash;
    }

    /// Compares the chain's end with the index entry.
    pub fn finish(mut self, index: Option<&MeetingSummary>) -> Result<(Hash, u64), ChainBreak> {
        if let Some(b) = self.broken.take() {
            return Err(b);
        }
        match index {
            None => Err(ChainBreak { meeting: self.meeting, position: self.count, kind: BreakKind::IndexMissing }),
            Some(ix) if ix.head != hex::encode(self.head) || ix.events != self.count => Err(ChainBreak {
                meeting: self.meeting,
                position: self.count.min(ix.events).max(1),
                kind: BreakKind::HeadMismatch,
            }),
            Some(_) => Ok((self.head, self.count)),
        }
    }
}

/// Verifies every chain in the tree, optionally only one meeting.
pub fn verify_tree(tree: &sled::Tree, only: Option<MeetingId>) -> Result<Vec<ChainBreak>, sled::Error> {
    let mut index: BTreeMap<MeetingId, MeetingSummary> = BTreeMap::new();
    let ix_prefix: Vec<u8> = match only {
        Some(id) => chain::index_key(id).to_vec(),
        None => vec![INDEX_PREFIX],
    };
    let mut breaks = Vec::new();
    for kv in tree.scan_prefix(&ix_prefix) {
        let (k, v) = kv?;
        let Ok(id) = uuid::Uuid::from_slice(&k[1..]).map(MeetingId) else { continue };
        match serde_json::from_slice::<MeetingSummary>(&v) {
            Ok(s) => {
                index.insert(id, s);
            }
            Err(_) => breaks.push(ChainBreak { meeting: id, position: 0, kind: BreakKind::IndexMissing }),
        }
    }
    let ev_prefix: Vec<u8> = match only {
        Some(id) => chain::events_prefix(id).to_vec(),
        None => vec![chain::EVENT_PREFIX],
    };
    let mut seen = std::collections::BTreeSet::new();
    let mut current: Option<ChainCheck> = None;
    for kv in tree.scan_prefix(&ev_prefix) {
        let (k, v) = kv?;
        let Some((id, seq)) = chain::parse_event_key(&k) else { continue };
        if current.as_ref().map(|c| c.meeting) != Some(id) {
            if let Some(c) = current.take() {
                let cid = c.meeting;
                if let Err(b) = c.finish(index.get(&cid)) {
                    breaks.push(b);
                }
            }
            seen.insert(id);
            current = Some(ChainCheck::new(id));
        }
        if let Some(c) = current.as_mut() {
            c.feed(seq, &v);
        }
    }
    if let Some(c) = current.take() {
        let id = c.meeting;
        if let Err(b) = c.finish(index.get(&id)) {
            breaks.push(b);
        }
    }
    for id in index.keys() {
        if !seen.contains(id) {
            breaks.push(ChainBreak { meeting: *id, position: 1, kind: BreakKind::Gap });
        }
    }
    Ok(breaks)
}
