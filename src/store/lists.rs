//! The roster's and the topic pool's logs (see `community`): a journal file each
//! (`journal/roster.yj`, `journal/topics.yj`) of hash-chained entries, folded into memory when the
//! store opens. They are small (a roster of hundreds, a pool of tens a year), so the journal is
//! their only copy and sled holds none of it.
//!
//! Stores from before these logs kept the rows themselves (in sled, and later as unchained journal
//! frames); on open those rows become each log's first entries, marked as migrated, and the old
//! journal is kept in `damaged/`.

use super::chain::{self, Hash};
use super::journal::{self, Journals, Scan};
use super::recover::{aside_path, Notice};
use super::verify::BreakKind;
use super::{lock, ApplyError, Store, StoreError};
use crate::community::{self, Community, CommunityCommand, CommunityEvent, List, ListEntry};
use crate::ids::Time;
use crate::people::Person;
use crate::setup::Level;
use crate::topic::{PoolEntry, Topic};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

/// Where one of the community's logs stops being trustworthy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListBreak {
    pub list: List,
    /// 1-based position of the first entry that fails.
    pub position: u64,
    /// Byte offset of that entry in the journal file.
    pub offset: u64,
    pub kind: BreakKind,
}

impl fmt::Display for ListBreak {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (zh, en) = match self.kind {
            BreakKind::Altered => ("内容被改动", "altered"),
            BreakKind::Unlinked => ("与前一条不相连（被删除或调换）", "not linked to the entry before it (removed or reordered)"),
            BreakKind::HeadMismatch => ("与本程序已读入的记录不符（被添加或删除）", "differs from the record this program read (entries added or removed)"),
            BreakKind::JournalMissing => ("日志文件缺失", "journal file missing"),
            _ => ("无法读取（文件损坏）", "unreadable (file damaged)"),
        };
        let (l, n) = (self.list, self.position);
        write!(f, "{} 第 {n} 条记录{zh}（第 {} 字节） / {} entry {n}: {en} (byte {})", l.label_zh(), self.offset, l.label_en(), self.offset)
    }
}

/// Where a log's chain starts: bound to the log's name, so the roster's entries cannot pass as
/// the pool's.
pub fn genesis(list: List) -> Hash {
    Sha256::digest(format!("yishi-list:{}", list.name()).as_bytes()).into()
}

/// One log's end, as folded.
#[derive(Clone, Debug, PartialEq)]
pub struct ListLog {
    pub head: Hash,
    pub entries: u64,
    pub intents: u64,
    pub broken: Option<ListBreak>,
}

/// A log read from its journal: the entries up to the first that fails, and the frames of the
/// older, unchained format if that is what the file holds.
pub struct ListRead {
    pub entries: Vec<ListEntry>,
    /// The stored bytes (`prev ‖ hash ‖ body`) of `entries`.
    pub values: Vec<Vec<u8>>,
    pub log: ListLog,
    pub legacy: Vec<(u8, Vec<u8>)>,
    pub scan: Scan,
}

pub fn read_bytes(list: List, bytes: &[u8]) -> ListRead {
    let scan = journal::scan_bytes(bytes);
    let mut log = ListLog { head: genesis(list), entries: 0, intents: 0, broken: None };
    let (mut entries, mut values, mut legacy) = (Vec::new(), Vec::new(), Vec::new());
    let mut offset = journal::MAGIC.len() as u64;
    for (kind, payload) in &scan.frames {
        let at = offset;
        offset += journal::frame_len(payload.len());
        if *kind != journal::EVENT {
            legacy.push((*kind, payload.clone()));
            continue;
        }
        let position = log.entries + 1;
        let fail = |kind| Some(ListBreak { list, position, offset: at, kind });
        let Some(o) = chain::open_value(payload) else {
            log.broken = fail(BreakKind::Unreadable);
            break;
        };
        if !o.hash_ok {
            log.broken = fail(BreakKind::Altered);
            break;
        }
        if o.prev != log.head {
            log.broken = fail(BreakKind::Unlinked);
            break;
        }
        match serde_json::from_slice::<ListEntry>(o.body) {
            Ok(e) if e.list == list && e.seq == position && e.event.list() == list => {
                log.head = o.hash;
                log.entries = position;
                log.intents = e.intent;
                entries.push(e);
                values.push(payload.clone());
            }
            _ => {
                log.broken = fail(BreakKind::Unreadable);
                break;
            }
        }
    }
    if log.broken.is_none() {
        if let Some(bad) = &scan.bad {
            log.broken = Some(ListBreak { list, position: log.entries + 1, offset: bad.offset, kind: BreakKind::JournalDamaged });
        }
    }
    ListRead { entries, values, log, legacy, scan }
}

/// A log's journal as it is on disk now (an absent file is an empty log).
pub fn read(journals: &Journals, list: List) -> std::io::Result<ListRead> {
    match std::fs::read(journals.path(list.name())) {
        Ok(bytes) => Ok(read_bytes(list, &bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(read_bytes(list, journal::MAGIC)),
        Err(e) => Err(e),
    }
}

/// The roster and the pool folded from their logs, with each log's end.
#[derive(Clone, Debug, Default)]
pub struct Lists {
    pub state: Community,
    logs: BTreeMap<List, ListLog>,
}

impl Lists {
    fn log(&self, list: List) -> ListLog {
        self.logs.get(&list).cloned().unwrap_or(ListLog { head: genesis(list), entries: 0, intents: 0, broken: None })
    }
}

/// What the repair of a damaged log did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListRepair {
    pub list: List,
    pub found: ListBreak,
    /// Entries the log holds now, and whether the backup's copy supplied them.
    pub entries: u64,
    pub from_backup: bool,
    /// Entries past the damage that no copy held (kept in `damaged/`, not in the record).
    pub lost_after: Option<u64>,
}

impl Store {
    /// Reads both logs from their journals, migrating rows kept the old way. Called on open and
    /// after a restore.
    pub(super) fn load_lists(&self) -> Result<(), StoreError> {
        let mut lists = Lists::default();
        for list in List::ALL {
            let mut read = read(&self.journals, list)?;
            // An unfinished write at the end (never acknowledged): set aside, as for a meeting.
            let torn = read.log.broken.as_ref().is_some_and(|x| x.kind == BreakKind::JournalDamaged);
            if let Some(bad) = read.scan.bad.clone().filter(|b| b.truncated && torn) {
                let aside = aside_path(&self.dir, &format!("{}-tail", list.name()));
                if bad.offset < journal::MAGIC.len() as u64 {
                    // Cut at its creation, before the magic was whole.
                    journal::write_durable(&aside, &std::fs::read(self.journals.path(list.name()))?)?;
                    self.journals.replace(list.name(), &[])?;
                } else {
                    self.journals.cut(list.name(), bad.offset, &aside)?;
                }
                self.notice(Notice::TailSetAside { journal: list.name().into(), bytes: read.scan.file_len - bad.offset, aside: aside.display().to_string() });
                read = self::read(&self.journals, list)?;
            }
            // (The archive came after the logs: it has nothing to migrate.)
            if read.entries.is_empty() && read.log.broken.is_none() && list != List::Archive {
                if let Some(migrated) = self.migrate_list(list, &read)? {
                    read = migrated;
                }
            }
            // Entries cut off the end leave a chain that verifies: the mark shows it. (A journal
            // longer than the mark is not wrong: a power cut before sled wrote it.)
            if read.log.broken.is_none() {
                match self.marked_head(list) {
                    Some((n, head)) if n > read.log.entries || (n > 0 && read.values.get(n as usize - 1).and_then(|v| chain::open_value(v)).map(|o| o.hash) != Some(head)) => {
                        read.log.broken = Some(ListBreak { list, position: n.min(read.log.entries + 1).max(1), offset: read.scan.good_len, kind: BreakKind::HeadMismatch });
                    }
                    Some((n, _)) if n == read.log.entries => {}
                    _ => self.mark_head(list, &read.log)?,
                }
            }
            if let Some(b) = &read.log.broken {
                self.notice(Notice::ListDamaged { journal: list.name().into(), offset: b.offset });
            }
            for e in &read.entries {
                lists.state.apply(e);
            }
            lists.logs.insert(list, read.log);
        }
        *lock(&self.lists) = lists;
        Ok(())
    }

    /// Rows kept before the logs existed — unchained journal frames, or sled's trees — written as
    /// the log's first entries, marked as migrated, at the time the old copy was last written.
    fn migrate_list(&self, list: List, read: &ListRead) -> Result<Option<ListRead>, StoreError> {
        let path = self.journals.path(list.name());
        let (rows, written): (Vec<CommunityEvent>, Option<std::time::SystemTime>) = if !read.legacy.is_empty() {
            (legacy_rows(list, &read.legacy)?, std::fs::metadata(&path).and_then(|m| m.modified()).ok())
        } else {
            let tree = if list == List::Roster { self.rm().roster } else { self.rm().topics };
            let mut rows = Vec::new();
            for kv in tree.iter() {
                let (_, v) = kv?;
                rows.push(match list {
                    List::Roster => CommunityEvent::PersonMigrated(serde_json::from_slice::<Person>(&v)?),
                    List::Topics | List::Archive => CommunityEvent::TopicMigrated(serde_json::from_slice::<Topic>(&v)?),
                });
            }
            (rows, std::fs::metadata(self.dir.join("db")).and_then(|m| m.modified()).ok())
        };
        if rows.is_empty() {
            return Ok(None);
        }
        let at: Time = written.map(chrono::DateTime::<chrono::Utc>::from).unwrap_or_default().fixed_offset();
        let mut head = genesis(list);
        let mut frames = Vec::new();
        let count = rows.len();
        for (i, event) in rows.into_iter().enumerate() {
            let entry = ListEntry { list, seq: i as u64 + 1, intent: 1, at, event };
            let (value, hash) = chain::seal(&head, &entry)?;
            frames.extend(journal::frame(journal::EVENT, &value));
            head = hash;
        }
        if path.exists() {
            journal::write_durable(&aside_path(&self.dir, &format!("{}-before-log", list.name())), &std::fs::read(&path)?)?;
        }
        self.journals.replace(list.name(), &frames)?;
        self.notice(Notice::ListMigrated { journal: list.name().into(), entries: count as u64 });
        Ok(Some(self::read(&self.journals, list)?))
    }

    /// Records in sled's meta tree where a log ends (its length and head). A log has no index
    /// entry as a meeting does; this mark is what shows entries removed from its end.
    fn mark_head(&self, list: List, log: &ListLog) -> Result<(), StoreError> {
        let mut v = log.entries.to_be_bytes().to_vec();
        v.extend_from_slice(&log.head);
        self.rm().db.open_tree("meta")?.insert(format!("list_head:{}", list.name()), v)?;
        Ok(())
    }

    /// The log's end as last marked, if sled has it: (entries, head).
    fn marked_head(&self, list: List) -> Option<(u64, Hash)> {
        let v = self.rm().db.open_tree("meta").ok()?.get(format!("list_head:{}", list.name())).ok()??;
        let entries = u64::from_be_bytes(v.get(..8)?.try_into().ok()?);
        Some((entries, v.get(8..40)?.try_into().ok()?))
    }

    /// Checks the intent against the roster or the pool and appends its entries durably (the
    /// acknowledgement), under the same single writer as meetings.
    pub fn record(&self, cmd: &CommunityCommand) -> Result<(), ApplyError> {
        let _guard = lock(&self.write);
        let list = cmd.intent.list();
        let meeting = match cmd.intent.meeting() {
            Some(id) => Some(self.meeting(id).map_err(|e| match e {
                StoreError::UnknownMeeting(id) => ApplyError::from(crate::Refusal::UnknownMeeting(id)),
                e => e.into(),
            })?),
            None => None,
        };
        let lists = lock(&self.lists);
        if let Some(b) = &lists.log(list).broken {
            return Err(StoreError::ListBroken(b.clone()).into());
        }
        let events = community::decide(&lists.state, &cmd.intent, cmd.at, meeting.as_ref())?;
        self.append_list(lists, list, events, cmd.at)?;
        Ok(())
    }

    /// Appends one intent's entries to a log durably (the acknowledgement) and folds them. The
    /// caller holds the store's single writer and has decided the events.
    pub(super) fn append_list(
        &self,
        mut lists: std::sync::MutexGuard<'_, Lists>,
        list: List,
        events: Vec<CommunityEvent>,
        at: Time,
    ) -> Result<(), StoreError> {
        let mut log = lists.log(list);
        if let Some(b) = &log.broken {
            return Err(StoreError::ListBroken(b.clone()));
        }
        if events.is_empty() {
            return Ok(());
        }
        log.intents += 1;
        let mut frames = Vec::new();
        let mut entries = Vec::new();
        for event in events {
            log.entries += 1;
            let entry = ListEntry { list, seq: log.entries, intent: log.intents, at, event };
            let (value, hash) = chain::seal(&log.head, &entry)?;
            frames.extend(journal::frame(journal::EVENT, &value));
            log.head = hash;
            entries.push(entry);
        }
        self.journals.append(list.name(), &frames)?;
        for e in &entries {
            lists.state.apply(e);
        }
        // Acknowledged; the mark is what shows entries cut off the end later (see `load_lists`).
        let _ = self.mark_head(list, &log);
        lists.logs.insert(list, log);
        Ok(())
    }

    /// The roster, by id.
    pub fn roster(&self) -> Result<Vec<Person>, StoreError> {
        Ok(lock(&self.lists).state.roster())
    }

    pub fn topics(&self) -> Result<Vec<Topic>, StoreError> {
        Ok(lock(&self.lists).state.topics())
    }

    pub fn topic(&self, id: &str) -> Result<Option<Topic>, StoreError> {
        Ok(lock(&self.lists).state.topics.get(id).cloned())
    }

    /// The pool as of `now`, urgent first, with where each topic is on an agenda.
    pub fn pool(&self, now: Time) -> Result<Vec<PoolEntry>, StoreError> {
        Ok(crate::topic::pool(&self.topics()?, &self.list()?, now))
    }

    /// R-TOPIC: what a new agenda item of a `level` meeting may take from the pool.
    pub fn offered_topics(&self, level: Level, now: Time) -> Result<Vec<PoolEntry>, StoreError> {
        Ok(community::offered(&self.pool(now)?, level).into_iter().cloned().collect())
    }

    /// Each log's entries as recorded (for `yishi show`-like reading and tests).
    pub fn list_entries(&self, list: List) -> Result<Vec<ListEntry>, StoreError> {
        Ok(read(&self.journals, list)?.entries)
    }

    /// Each log's length and head (hex), as folded.
    pub fn list_heads(&self) -> Vec<(List, u64, String)> {
        let lists = lock(&self.lists);
        List::ALL.into_iter().map(|l| (l, lists.log(l))).map(|(l, g)| (l, g.entries, hex::encode(g.head))).collect()
    }

    /// Where the logs are damaged, as found when they were read.
    pub fn list_breaks(&self) -> Vec<ListBreak> {
        lock(&self.lists).logs.values().filter_map(|l| l.broken.clone()).collect()
    }

    /// Both logs read from disk now and checked: every entry's hash and link, and their ends
    /// against what this store folded (an entry added or removed behind its back shows).
    pub fn verify_lists(&self) -> Result<Vec<ListBreak>, StoreError> {
        let _guard = lock(&self.write);
        let held = lock(&self.lists).clone();
        let mut out = Vec::new();
        for list in List::ALL {
            let r = read(&self.journals, list)?;
            let mine = held.log(list);
            if let Some(b) = r.log.broken.or(mine.broken.clone()) {
                out.push(b);
            } else if r.log.head != mine.head || r.log.entries != mine.entries {
                let position = r.log.entries.min(mine.entries).max(1);
                out.push(ListBreak { list, position, offset: 0, kind: BreakKind::HeadMismatch });
            }
        }
        Ok(out)
    }

    /// Damaged logs rewritten from what verifies: the good entries before the damage, or the
    /// backup's copy when it holds those and more. The damaged journal is kept in `damaged/`.
    pub fn repair_lists(&self, backup: Option<&Path>) -> Result<Vec<ListRepair>, StoreError> {
        let mut done = Vec::new();
        {
            let _guard = lock(&self.write);
            for list in List::ALL {
                let here = read(&self.journals, list)?;
                // Damage read now, or found on open (entries cut off the end show only there).
                let Some(found) = here.log.broken.clone().or_else(|| lock(&self.lists).log(list).broken) else { continue };
                let theirs = backup
                    .map(|b| read(&Journals::at(&b.join(journal::DIR)), list))
                    .transpose()?
                    .filter(|r| r.log.broken.is_none() && r.values.len() >= here.values.len() && r.values[..here.values.len()] == here.values[..]);
                let from_backup = theirs.as_ref().is_some_and(|t| t.values.len() > here.values.len());
                let values = if from_backup { &theirs.as_ref().expect("checked").values } else { &here.values };
                let mut frames = Vec::new();
                for v in values {
                    frames.extend(journal::frame(journal::EVENT, v));
                }
                let path = self.journals.path(list.name());
                journal::write_durable(&aside_path(&self.dir, &format!("{}-journal", list.name())), &std::fs::read(&path)?)?;
                self.journals.replace(list.name(), &frames)?;
                let repaired = read_bytes(list, &std::fs::read(&path)?);
                self.mark_head(list, &repaired.log)?;
                let lost_after = (!from_backup).then_some(found.position);
                done.push(ListRepair { list, found, entries: values.len() as u64, from_backup, lost_after });
            }
        }
        if !done.is_empty() {
            let mut notices = lock(&self.notices);
            notices.retain(|n| !matches!(n, Notice::ListDamaged { journal, .. } if done.iter().any(|r| r.list.name() == journal)));
            for r in &done {
                notices.push(Notice::ListRepaired { journal: r.list.name().into(), entries: r.entries, from_backup: r.from_backup, lost_from: r.lost_after });
            }
            drop(notices);
            self.load_lists()?;
        }
        Ok(done)
    }
}

/// The rows an unchained journal held (`P`ut, `R`emoved, `T`opic put), as they stood at its end.
fn legacy_rows(list: List, frames: &[(u8, Vec<u8>)]) -> Result<Vec<CommunityEvent>, StoreError> {
    let mut rows: BTreeMap<String, CommunityEvent> = BTreeMap::new();
    for (kind, payload) in frames {
        match (*kind, list) {
            (journal::PERSON_PUT, List::Roster) => {
                let p: Person = serde_json::from_slice(payload)?;
                rows.insert(p.id.to_string(), CommunityEvent::PersonMigrated(p));
            }
            (journal::PERSON_REMOVED, List::Roster) => {
                rows.remove(String::from_utf8_lossy(payload).as_ref());
            }
            (journal::TOPIC_PUT, List::Topics) => {
                let t: Topic = serde_json::from_slice(payload)?;
                rows.insert(t.id.clone(), CommunityEvent::TopicMigrated(t));
            }
            _ => {}
        }
    }
    Ok(rows.into_values().collect())
}
