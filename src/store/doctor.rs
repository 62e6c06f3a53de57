//! `doctor`: what is damaged, and its repair from what is known good. A meeting has two copies
//! here — its journal (the source of truth) and sled's copy (the read model) — and perhaps a third
//! in a backup. A repair takes the longest copy whose chain verifies and holds the head the index
//! recorded, rewrites the others from it, and says which; when no copy holds that head, the longest
//! verified one is restored and the events beyond it are reported as not restored. Nothing is
//! repaired unasked and nothing is dropped: the damaged journal is kept in `damaged/`.

use super::chain;
use super::journal;
use super::recover::{self, fold, frames_of, read_journal};
use super::{lock, BreakKind, ChainBreak, MeetingSummary, Store, StoreError};
use crate::ids::MeetingId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;

/// Where a repaired meeting's record came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// sled's copy verified: the journal was rewritten from it.
    Store,
    /// The journal verified: sled's copy was rewritten from it.
    Journal,
    /// Neither did: the backup's journal.
    Backup,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Repair {
    pub meeting: MeetingId,
    /// What was wrong, as found.
    pub found: ChainBreak,
    /// None: nothing verified could be found; the meeting is left as it was.
    pub from: Option<Source>,
    /// Events the meeting has now.
    pub events: u64,
    /// Events the index recorded that no copy held: not restored.
    pub missing: u64,
}

impl fmt::Display for Repair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let m = self.meeting;
        match self.from {
            None => write!(f, "会议 {m}：未能修复，没有可核验的副本（{}）/ meeting {m}: not repaired, no copy verifies ({})", self.found, self.found),
            Some(from) => {
                let (zh, en) = match from {
                    Source::Store => ("由存储中的副本重写了日志文件", "journal rewritten from the store's copy"),
                    Source::Journal => ("由日志文件重写了存储中的副本", "store's copy rewritten from the journal"),
                    Source::Backup => ("由备份恢复", "restored from the backup"),
                };
                write!(f, "会议 {m}：{zh}，共 {} 个事件 / meeting {m}: {en}, {} events", self.events, self.events)?;
                if self.missing > 0 {
                    write!(f, "；其后 {} 个事件无法恢复 / ; the {} events after them could not be restored", self.missing, self.missing)?;
                }
                Ok(())
            }
        }
    }
}

/// One candidate copy: its events, verified from the genesis, and the blobs it can supply.
struct Copy {
    source: Source,
    events: Vec<Vec<u8>>,
    blobs: Vec<(String, Vec<u8>)>,
}

impl Store {
    /// Every problem there is, checked now in full: both copies of every meeting (after the
    /// background audit), plus what the store did on its own.
    pub fn examine(&self) -> Result<Vec<ChainBreak>, StoreError> {
        let mut all = self.wait_for_audit();
        for b in self.verify(None)? {
            if !all.iter().any(|x| x.meeting == b.meeting) {
                all.push(b);
            }
        }
        all.sort_by_key(|b| (b.meeting, b.position));
        Ok(all)
    }

    /// Repairs every damaged meeting from a verified copy, the backup (a backup folder: see
    /// `backup`) last. Returns what was done for each; the roster's and the pool's logs are
    /// repaired too (`repair_lists`), and say so in the notices.
    pub fn repair(&self, backup: Option<&Path>) -> Result<Vec<Repair>, StoreError> {
        let found = self.examine()?;
        let mut done = Vec::new();
        let mut seen = BTreeSet::new();
        let mut rebuild = None;
        for b in found {
            if seen.insert(b.meeting) {
                let (r, sled_failed) = self.repair_one(b, backup)?;
                if let Some(e) = sled_failed {
                    rebuild = Some(e);
                }
                done.push(r);
            }
        }
        // The journals are whole now; sled's copy could not be mended in place: rebuild it.
        if rebuild.is_none() && self.examine()?.iter().any(|b| !in_journal(b)) {
            rebuild = Some("存储中的副本仍无法读取 / the store's copy still does not read".into());
        }
        if let Some(reason) = rebuild {
            self.rebuild(reason)?;
        }
        // The roster's and the pool's logs too: what was done is in the notices.
        self.repair_lists(backup)?;
        Ok(done)
    }

    /// One meeting: its journal rewritten from the best copy, then sled's copy from the journal.
    /// Also returns sled's error if that last step failed.
    fn repair_one(&self, found: ChainBreak, backup: Option<&Path>) -> Result<(Repair, Option<String>), StoreError> {
        let id = found.meeting;
        let _guard = lock(&self.write);
        let index: Option<MeetingSummary> =
            self.rm().log.get(chain::index_key(id)).ok().flatten().and_then(|v| serde_json::from_slice(&v).ok());
        let mut copies = Vec::new();
        if let Some(c) = self.store_copy(id) {
            copies.push(c);
        }
        if let Ok(read) = read_journal(&self.journals, id) {
            let good = read.good_events() as usize;
            let blobs = read.blobs().map(|(s, b)| (s, b.to_vec())).collect();
            copies.push(Copy { source: Source::Journal, events: read.events[..good].to_vec(), blobs });
        }
        if let Some(dir) = backup {
            let journals = journal::Journals::at(&dir.join(journal::DIR));
            if let Ok(read) = read_journal(&journals, id) {
                let good = read.good_events() as usize;
                let blobs = read.blobs().map(|(s, b)| (s, b.to_vec())).collect();
                copies.push(Copy { source: Source::Backup, events: read.events[..good].to_vec(), blobs });
            }
        }
        // Every copy is hash-linked from the same genesis, so a longer one that holds the recorded
        // head extends it (events sled had not written yet when its index was last flushed, kept
        // in a backup made after them). Take the longest copy that holds the recorded head; if
        // none does, the longest there is.
        let target = index.as_ref().map(|s| (s.events, s.head.clone()));
        let holds = |c: &Copy| match &target {
            None | Some((0, _)) => true,
            Some((n, h)) => c.events.get(*n as usize - 1).and_then(|v| chain::open_value(v)).is_some_and(|o| hex::encode(o.hash) == *h),
        };
        let longest = |ok: &dyn Fn(&Copy) -> bool| {
            (0..copies.len()).filter(|&i| !copies[i].events.is_empty() && ok(&copies[i])).max_by_key(|&i| (copies[i].events.len(), std::cmp::Reverse(i)))
        };
        let best = longest(&holds).or_else(|| longest(&|_| true));
        let Some(best) = best else {
            return Ok((Repair { meeting: id, found, from: None, events: 0, missing: index.map_or(0, |s| s.events) }, None));
        };
        let mut blobs: Vec<(String, Vec<u8>)> = Vec::new();
        for c in &copies {
            blobs.extend(c.blobs.iter().cloned());
        }
        let chosen = &copies[best];
        let Some(loaded) = fold(id, &chosen.events)? else {
            return Ok((Repair { meeting: id, found, from: None, events: 0, missing: index.map_or(0, |s| s.events) }, None));
        };
        // Keep the damaged journal beside the repaired one.
        let path = self.journals.path(&id.to_string());
        if path.exists() {
            let aside = recover::aside_path(&self.dir, &format!("{id}-journal"));
            journal::write_durable(&aside, &std::fs::read(&path)?)?;
        }
        let blob = |sha: &str| blobs.iter().find(|(s, _)| s == sha).map(|(_, b)| b.clone());
        let len = self.journals.replace(&id.to_string(), &frames_of(&chosen.events, &blob)?)?;
        let read = read_journal(&self.journals, id)?;
        let rm = self.rm();
        let rewrite = || -> Result<(), StoreError> {
            let mut batch = sled::Batch::default();
            // A damaged page may yield errors without end: stop at the first.
            for k in rm.log.scan_prefix(chain::events_prefix(id)).keys().map_while(Result::ok) {
                batch.remove(k);
            }
            rm.log.apply_batch(batch)?;
            rm.log.apply_batch(recover::batch_from_journal(id, &read, 1, &loaded, len)?)?;
            rm.db.flush()?;
            Ok(())
        };
        let sled_failed = rewrite().err().map(|e| e.to_string());
        lock(&self.cache).remove(&id);
        lock(&self.audit.breaks).retain(|b| b.meeting != id);
        // What was recorded and is not restored: up to the index's count, or the longest copy's.
        let known = copies.iter().map(|c| c.events.len() as u64).max().unwrap_or(0).max(index.map_or(0, |s| s.events));
        let missing = known.saturating_sub(loaded.events);
        Ok((Repair { meeting: id, found, from: Some(chosen.source), events: loaded.events, missing }, sled_failed))
    }

    /// sled's copy of a meeting, if it reads and verifies against its index entry.
    fn store_copy(&self, id: MeetingId) -> Option<Copy> {
        let loaded = self.load_copy(id).ok()??;
        let events: Vec<Vec<u8>> =
            self.rm().log.scan_prefix(chain::events_prefix(id)).values().map(|v| v.map(|v| v.to_vec())).collect::<Result<_, _>>().ok()?;
        if events.len() as u64 != loaded.events {
            return None;
        }
        let mut blobs = Vec::new();
        for v in &events {
            let o = chain::open_value(v)?;
            let ev: chain::StoredEvent = serde_json::from_slice(o.body).ok()?;
            if let crate::event::Event::Signed { image_sha256, .. } = &ev.event {
                if let Some(b) = self.blob(image_sha256).ok().flatten() {
                    blobs.push((image_sha256.clone(), b));
                }
            }
        }
        Some(Copy { source: Source::Store, events, blobs })
    }
}

/// Which breaks are the journal's (the other copy is sled's).
pub fn in_journal(b: &ChainBreak) -> bool {
    matches!(b.kind, BreakKind::JournalDamaged | BreakKind::JournalMissing | BreakKind::JournalBehind)
}
