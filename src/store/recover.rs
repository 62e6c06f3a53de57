//! Bringing the read model (sled) in line with the journals when the store opens: after a power
//! cut sled may lack the last acknowledged events (the journal had them synced first); when sled's
//! own files are damaged they are moved aside and it is rebuilt from the journals; a store made
//! before the journals existed gets them written once. Everything done is a `Notice`, kept for
//! `doctor` and the app: nothing is repaired silently.

use super::chain::{self, StoredEvent};
use super::journal::{self, Journals, Scan};
use super::verify::ChainCheck;
use super::{lock, BreakKind, ChainBreak, Loaded, MeetingSummary, Store, StoreError};
use crate::ids::MeetingId;
use crate::state::Meeting;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Something the store did on its own when it opened, reported to the user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Notice {
    /// sled's files could not be read: moved to `aside`, the read model rebuilt from the journals.
    Rebuilt { aside: String, reason: String },
    /// Acknowledged events the journal held and sled had not written yet were added to sled.
    CaughtUp { meeting: MeetingId, events: u64 },
    /// An unfinished write at a journal's end (never acknowledged) was moved to `aside`.
    TailSetAside { journal: String, bytes: u64, aside: String },
    /// A meeting's copy in sled could not be read; it was read, and rewritten, from its journal.
    CopyRestored { meeting: MeetingId, reason: String },
    /// Journals written for meetings recorded before they existed.
    Journaled { meetings: usize },
    /// sled could not take a recorded intent (the journal has it): caught up at the next open.
    Behind { meeting: MeetingId, reason: String },
    /// The roster's or the topic pool's journal is damaged from `offset` on; what comes before
    /// it is in use.
    ListDamaged { journal: String, offset: u64 },
    /// The roster's or the pool's rows, kept before they were logs, written as its first entries
    /// (marked as migrated); the old file is kept in `damaged/`.
    ListMigrated { journal: String, entries: u64 },
    /// A damaged roster or pool log rewritten by `doctor --repair`: `entries` verified entries,
    /// from the backup or from its own good part; `lost_from` the first entry no copy held.
    ListRepaired { journal: String, entries: u64, from_backup: bool, lost_from: Option<u64> },
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::Rebuilt { aside, reason } => write!(
                f,
                "存储索引无法读取（{reason}），已移至 {aside} 并由日志文件重建 / the store's index could not be read ({reason}); moved to {aside} and rebuilt from the journal files"
            ),
            Notice::CaughtUp { meeting, events } => write!(
                f,
                "会议 {meeting}：断电前已确认的 {events} 个事件已由日志文件补入索引 / meeting {meeting}: {events} acknowledged events written back from its journal (power cut)"
            ),
            Notice::TailSetAside { journal, bytes, aside } => write!(
                f,
                "日志 {journal} 末尾未完成的写入（{bytes} 字节，未曾确认）已移至 {aside} / an unfinished write at the end of journal {journal} ({bytes} bytes, never acknowledged) moved to {aside}"
            ),
            Notice::CopyRestored { meeting, reason } => write!(
                f,
                "会议 {meeting}：存储中的副本无法读取（{reason}），已由其日志文件恢复 / meeting {meeting}: its stored copy could not be read ({reason}); restored from its journal"
            ),
            Notice::Journaled { meetings } => {
                write!(f, "已为 {meetings} 个旧会议写入日志文件 / journal files written for {meetings} earlier meetings")
            }
            Notice::Behind { meeting, reason } => write!(
                f,
                "会议 {meeting}：记录已写入日志文件，但索引未能更新（{reason}），下次打开时补入 / meeting {meeting}: recorded in its journal, but the index could not be updated ({reason}); caught up at the next open"
            ),
            Notice::ListDamaged { journal, offset } => write!(
                f,
                "日志 {journal} 自第 {offset} 字节起损坏，请运行 yishi doctor / journal {journal} damaged from byte {offset}: run yishi doctor"
            ),
            Notice::ListRepaired { journal, entries, from_backup, lost_from } => {
                let (zh, en) = if *from_backup { ("由备份", "from the backup") } else { ("由其完好部分", "from its intact part") };
                write!(f, "日志 {journal} 已{zh}修复，共 {entries} 条记录 / journal {journal} repaired {en}: {entries} entries")?;
                match lost_from {
                    Some(n) => write!(f, "；第 {n} 条起无完好副本，原文件保存在 damaged/ / entries from {n} on had no intact copy; the damaged file is kept in damaged/"),
                    None => Ok(()),
                }
            }
            Notice::ListMigrated { journal, entries } => write!(
                f,
                "{journal} 原有的 {entries} 条记录已写入其可校验的日志（标记为迁移） / the {entries} rows of {journal} written as the first entries of its chained log (marked as migrated)"
            ),
        }
    }
}

/// Where damaged or unfinished bytes go: `damaged/<n>-<what>` in the data directory, numbered in
/// the order they were set aside (the core reads no clock; the files' times say when).
pub fn aside_path(data_dir: &Path, what: &str) -> PathBuf {
    let dir = data_dir.join("damaged");
    let n = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0) + 1;
    dir.join(format!("{n:04}-{what}"))
}

/// Moves sled's own files (not the journals, not the key) out of the way so a new database can
/// be made; returns where they went.
pub fn set_aside_sled(data_dir: &Path) -> std::io::Result<PathBuf> {
    let aside = aside_path(data_dir, "store");
    std::fs::create_dir_all(&aside)?;
    for entry in std::fs::read_dir(data_dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let n = name.to_string_lossy();
        if n == "conf" || n == "db" || n == "blobs" || n.starts_with("snap.") {
            std::fs::rename(entry.path(), aside.join(&name))?;
        }
    }
    journal::sync_dir(&aside)?;
    journal::sync_dir(data_dir)?;
    Ok(aside)
}

/// A meeting's journal read and checked: its events' chain, from the genesis of `id`.
pub struct JournalRead {
    pub scan: Scan,
    /// Stored events (`prev ‖ hash ‖ body`) in order; position = index + 1.
    pub events: Vec<Vec<u8>>,
    pub check: ChainCheck,
}

pub fn read_journal(journals: &Journals, id: MeetingId) -> std::io::Result<JournalRead> {
    let scan = journal::scan(&journals.path(&id.to_string()))?;
    let events: Vec<Vec<u8>> = scan.events().map(|e| e.to_vec()).collect();
    let mut check = ChainCheck::new(id);
    for (i, v) in events.iter().enumerate() {
        check.feed(i as u64 + 1, v);
    }
    Ok(JournalRead { scan, events, check })
}

impl JournalRead {
    /// Events before the first bad frame or broken link.
    pub fn good_events(&self) -> u64 {
        match &self.check.broken {
            Some(b) => b.position - 1,
            None => self.events.len() as u64,
        }
    }

    /// The signature images it holds, by SHA-256 (hex).
    pub fn blobs(&self) -> impl Iterator<Item = (String, &[u8])> {
        use sha2::Digest;
        self.scan
            .frames
            .iter()
            .filter(|(k, _)| *k == journal::BLOB)
            .map(|(_, b)| (hex::encode(sha2::Sha256::digest(b)), b.as_slice()))
    }
}

/// Folds the first `n` events into the meeting, its head and counts.
pub(super) fn fold(id: MeetingId, events: &[Vec<u8>]) -> Result<Option<Loaded>, StoreError> {
    let mut check = ChainCheck::new(id);
    let mut meeting: Option<Meeting> = None;
    let mut intents = 0;
    for (i, v) in events.iter().enumerate() {
        let seq = i as u64 + 1;
        check.feed(seq, v);
        if let Some(b) = check.broken.clone() {
            return Err(StoreError::ChainBroken(b));
        }
        let Some(o) = chain::open_value(v) else { continue };
        let ev: StoredEvent = serde_json::from_slice(o.body)?;
        intents = ev.intent;
        match (&mut meeting, &ev.event) {
            (None, crate::event::Event::MeetingCreated(setup)) => meeting = Some(Meeting::create(id, setup, ev.at)),
            (Some(m), e) => m.apply(e, ev.at),
            (None, _) => {
                return Err(StoreError::ChainBroken(ChainBreak { meeting: id, position: seq, kind: BreakKind::Unreadable }))
            }
        }
    }
    Ok(meeting.map(|meeting| Loaded { meeting, head: check.head, events: check.count, intents }))
}

/// The sled batch that writes a meeting's events `from..` (1-based), its blobs and its index
/// entry, as they are in the journal.
pub(super) fn batch_from_journal(
    id: MeetingId,
    read: &JournalRead,
    from: u64,
    loaded: &Loaded,
    journal_len: u64,
) -> Result<sled::Batch, StoreError> {
    let mut batch = sled::Batch::default();
    for (sha, bytes) in read.blobs() {
        batch.insert(chain::blob_key(&sha), bytes);
    }
    for (i, v) in read.events.iter().enumerate().take(loaded.events as usize).skip(from.saturating_sub(1) as usize) {
        batch.insert(&chain::event_key(id, i as u64 + 1)[..], v.as_slice());
    }
    let mut summary = MeetingSummary::of(&loaded.meeting, &loaded.head, loaded.events, loaded.intents);
    summary.journal_len = Some(journal_len);
    batch.insert(&chain::index_key(id)[..], serde_json::to_vec(&summary)?);
    Ok(batch)
}

/// A meeting's frames as the journal holds them, from the store's copy: blobs before the events
/// that name them.
pub fn frames_of(events: &[Vec<u8>], blob: &dyn Fn(&str) -> Option<Vec<u8>>) -> Result<Vec<u8>, StoreError> {
    let mut out = Vec::new();
    for v in events {
        if let Some(o) = chain::open_value(v) {
            let ev: StoredEvent = serde_json::from_slice(o.body)?;
            if let crate::event::Event::Signed { image_sha256, .. } = &ev.event {
                if let Some(bytes) = blob(image_sha256) {
                    out.extend(journal::frame(journal::BLOB, &bytes));
                }
            }
        }
        out.extend(journal::frame(journal::EVENT, v));
    }
    Ok(out)
}

/// How often sled writes its read model out (its default is 500 ms).
const FLUSH_MS: u64 = 5_000;

/// The index as sled holds it: every meeting's entry (`None`: unreadable).
pub type Index = BTreeMap<MeetingId, Option<MeetingSummary>>;

/// Opens sled and reads its index and small trees, so that damage to them shows here, where the
/// store can still rebuild, rather than on some later read. A panic inside sled (it has asserts
/// on its own file format) counts as damage too.
pub fn open_sled(dir: &Path) -> Result<(sled::Db, Index), StoreError> {
    // A store dropped a moment ago may still hold the file lock while its flusher thread winds
    // down: retry briefly before calling it in use.
    let mut tries = 0;
    loop {
        let attempt = std::panic::catch_unwind(|| -> Result<(sled::Db, Index), StoreError> {
            // 64 MiB of page cache: enough for live meetings; the default 1 GiB would keep the
            // whole archive in memory after the audit.
            // sled flushes on its own thread now and then: it is the read model, and its flush
            // would compete with the journal's sync for the disk (the journals hold everything).
            let db = sled::Config::new().path(dir).cache_capacity(64 << 20).flush_every_ms(Some(FLUSH_MS)).open()?;
            let mut index = Index::new();
            let log = db.open_tree("log")?;
            for kv in log.scan_prefix([chain::INDEX_PREFIX]) {
                let (k, v) = kv?;
                if let Ok(id) = uuid::Uuid::from_slice(&k[1..]).map(MeetingId) {
                    index.insert(id, serde_json::from_slice(&v).ok());
                }
            }
            for tree in ["roster", "topics", "meta"] {
                for kv in db.open_tree(tree)?.iter() {
                    kv?;
                }
            }
            Ok((db, index))
        });
        match attempt {
            Ok(Err(StoreError::Sled(sled::Error::Io(e)))) if e.to_string().contains("could not acquire lock") => {
                tries += 1;
                if tries > 40 {
                    return Err(StoreError::InUse(dir.display().to_string()));
                }
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            Ok(result) => return result,
            Err(panic) => {
                let what = panic.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| panic.downcast_ref::<String>().cloned());
                return Err(StoreError::Damaged(what.unwrap_or_else(|| "sled panicked".into())));
            }
        }
    }
}

/// A meeting's journal against its index entry; what is wrong with it, if anything. A journal
/// longer than the entry is not wrong (an append between the two reads).
pub fn check_journal(journals: &Journals, s: &MeetingSummary) -> Option<ChainBreak> {
    let brk = |position, kind| Some(ChainBreak { meeting: s.id, position, kind });
    let read = match read_journal(journals, s.id) {
        Ok(r) => r,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return brk(1, BreakKind::JournalMissing),
        Err(_) => return brk(1, BreakKind::JournalDamaged),
    };
    let good = read.good_events();
    if good < s.events {
        let damaged = read.check.broken.is_some() || read.scan.bad.is_some();
        return brk(good + 1, if damaged { BreakKind::JournalDamaged } else { BreakKind::JournalBehind });
    }
    let at_index = read.events.get(s.events as usize - 1).and_then(|v| chain::open_value(v)).map(|o| hex::encode(o.hash));
    if s.events > 0 && at_index.as_deref() != Some(s.head.as_str()) {
        return brk(s.events, BreakKind::JournalDamaged);
    }
    None
}

impl Store {
    /// Brings sled in line with every journal (see the module's comment); returns the index as
    /// it now stands.
    pub(super) fn catch_up(&self, mut index: Index) -> Result<Index, StoreError> {
        let mut journaled = BTreeSet::new();
        let mut changed = false;
        for name in self.journals.names()? {
            if name == journal::ROSTER || name == journal::TOPICS {
                continue; // the community's logs: see `lists`
            }
            let Ok(id) = name.parse::<uuid::Uuid>().map(MeetingId) else { continue };
            journaled.insert(id);
            let summary = index.get(&id).cloned().flatten();
            let len = std::fs::metadata(self.journals.path(&name))?.len();
            if summary.as_ref().and_then(|s| s.journal_len) == Some(len) {
                continue;
            }
            if let Some(s) = self.catch_up_meeting(id, &name, summary, true)? {
                index.insert(id, Some(s));
                changed = true;
            }
        }
        // Meetings recorded before the journals existed get theirs, from sled's verified copy.
        let mut written = 0;
        for (id, s) in index.iter_mut() {
            match s {
                Some(s) if !journaled.contains(id) && s.journal_len.is_none() => {
                    if let Some(len) = self.journal_from_copy(*id)? {
                        s.journal_len = Some(len);
                        self.rm().log.insert(chain::index_key(*id), serde_json::to_vec(s)?)?;
                        written += 1;
                    }
                }
                Some(s) if !journaled.contains(id) => {
                    self.audit.report(ChainBreak { meeting: *id, position: 1, kind: BreakKind::JournalMissing })
                }
                _ => {}
            }
        }
        if written > 0 {
            self.notice(Notice::Journaled { meetings: written });
        }
        if changed || written > 0 {
            self.rm().db.flush()?;
        }
        Ok(index)
    }

    /// One meeting whose journal differs in length from what sled last recorded. Returns its new
    /// index entry if sled was written.
    /// `notify`: events sled had lost are worth a notice; events just received are not.
    pub(super) fn catch_up_meeting(&self, id: MeetingId, name: &str, summary: Option<MeetingSummary>, notify: bool) -> Result<Option<MeetingSummary>, StoreError> {
        let mut read = read_journal(&self.journals, id)?;
        let known = summary.as_ref().map_or(0, |s| s.events);
        let good = read.good_events();
        let report = |position, kind| {
            self.audit.report(ChainBreak { meeting: id, position, kind });
            Ok(None)
        };
        if let Some(bad) = read.scan.bad.clone() {
            // Past everything sled holds and no broken link: the write a power cut or a crash
            // interrupted, never acknowledged (the acknowledgement follows the sync). Kept aside.
            if good >= known && read.check.broken.is_none() {
                let aside = aside_path(&self.dir, &format!("{name}-tail"));
                self.journals.cut(name, read.scan.good_len, &aside)?;
                self.notice(Notice::TailSetAside {
                    journal: name.to_string(),
                    bytes: read.scan.file_len - bad.offset.max(read.scan.good_len),
                    aside: aside.display().to_string(),
                });
                read = read_journal(&self.journals, id)?;
            } else {
                return report(good + 1, BreakKind::JournalDamaged);
            }
        }
        if let Some(b) = read.check.broken.clone() {
            return report(b.position, BreakKind::JournalDamaged);
        }
        let n = read.events.len() as u64;
        if n < known {
            return report(n + 1, BreakKind::JournalBehind);
        }
        if let Some(s) = &summary {
            let head = read.events.get(known as usize - 1).and_then(|v| chain::open_value(v)).map(|o| hex::encode(o.hash));
            if known > 0 && head.as_deref() != Some(s.head.as_str()) {
                return report(known, BreakKind::JournalDamaged);
            }
        }
        let Some(loaded) = fold(id, &read.events)? else { return Ok(None) };
        let batch = batch_from_journal(id, &read, known + 1, &loaded, read.scan.good_len)?;
        self.rm().log.apply_batch(batch)?;
        // (A rebuild replays every journal; only events sled had lost are worth a notice.)
        let rebuilt = lock(&self.notices).iter().any(|n| matches!(n, Notice::Rebuilt { .. }));
        if n > known && !rebuilt && notify {
            self.notice(Notice::CaughtUp { meeting: id, events: n - known });
        }
        let mut s = MeetingSummary::of(&loaded.meeting, &loaded.head, loaded.events, loaded.intents);
        s.journal_len = Some(read.scan.good_len);
        Ok(Some(s))
    }

    /// Writes a meeting's journal from sled's copy, if that copy verifies. Its length, or None.
    pub(super) fn journal_from_copy(&self, id: MeetingId) -> Result<Option<u64>, StoreError> {
        if !matches!(self.load_copy(id), Ok(Some(_))) {
            return Ok(None);
        }
        let events: Vec<Vec<u8>> = self.rm().log.scan_prefix(chain::events_prefix(id)).values().collect::<Result<Vec<_>, _>>()?.into_iter().map(|v| v.to_vec()).collect();
        let frames = frames_of(&events, &|sha| self.blob(sha).ok().flatten())?;
        Ok(Some(self.journals.replace(&id.to_string(), &frames)?))
    }

    /// sled could not read a meeting: read it from its journal, and write sled's copy anew.
    pub(super) fn restore_copy(&self, id: MeetingId, reason: String) -> Result<Option<Loaded>, StoreError> {
        let read = read_journal(&self.journals, id).map_err(|_| StoreError::Damaged(reason.clone()))?;
        if let Some(b) = read.check.broken.clone() {
            return Err(StoreError::ChainBroken(ChainBreak { kind: BreakKind::JournalDamaged, ..b }));
        }
        let Some(loaded) = fold(id, &read.events)? else { return Ok(None) };
        // Rewriting the damaged copy may fail on the same bad page: the journal serves meanwhile.
        if let Ok(batch) = batch_from_journal(id, &read, 1, &loaded, read.scan.good_len) {
            let _ = self.rm().log.apply_batch(batch);
        }
        self.notice(Notice::CopyRestored { meeting: id, reason });
        lock(&self.cache).insert(id, loaded.clone());
        Ok(Some(loaded))
    }
}

impl Store {
    /// Reads into sled any journal it does not know yet (copied in by a restore).
    pub(super) fn adopt_journals(&self) -> Result<(), StoreError> {
        let mut index = Index::new();
        for s in self.list()? {
            index.insert(s.id, Some(s));
        }
        let _guard = lock(&self.write);
        self.catch_up(index)?;
        Ok(())
    }

    /// Replaces sled's files with a read model rebuilt from the journals, while the store is
    /// open: the damaged files go to `damaged/`. For damage `doctor` finds that rewriting a
    /// meeting's copy cannot mend (a bad page under several meetings, the trees' own pages).
    pub(super) fn rebuild(&self, reason: String) -> Result<(), StoreError> {
        self.stop_audit();
        let _guard = lock(&self.write);
        self.settle();
        {
            let mut rm = self.rm.write().unwrap_or_else(|e| e.into_inner());
            // sled opens its files shareable for deletion (Windows too): they can be moved while
            // the old handles wind down.
            let aside = set_aside_sled(&self.dir)?;
            let (db, _) = open_sled(&self.dir)?;
            *rm = super::ReadModel::of(db)?;
            self.notice(Notice::Rebuilt { aside: aside.display().to_string(), reason });
        }
        lock(&self.cache).clear();
        {
            let a = &self.audit;
            lock(&a.breaks).clear();
            a.checked.store(0, std::sync::atomic::Ordering::Relaxed);
            a.done.store(false, std::sync::atomic::Ordering::Relaxed);
            a.stop.store(false, std::sync::atomic::Ordering::Relaxed);
        }
        let index = self.catch_up(Index::new())?;
        self.start_audit(index)
    }
}
