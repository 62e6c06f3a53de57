//! The durable record. An accepted intent's events are appended to the meeting's journal file
//! and synced (`journal`: the source of truth, one file per meeting) before it is acknowledged,
//! then written to sled — the read model: index, events, blobs — in one atomic batch. sled is
//! brought in line with the journals when the store opens (`recover`). The roster and the topic
//! pool are logs of their own, folded in memory (`lists`).
//!
//! Opening verifies the index and every live (unsealed) chain in full, then
//! checks the sealed chains — their ends first, then in full — on a
//! background thread (`audit_status`, `wait_for_audit`): an archive of 10,000
//! meetings opens in ~100 ms instead of seconds (docs/performance.md). Every
//! read of a meeting verifies its whole chain first, so nothing unverified is
//! ever shown or extended; a meeting whose chain is broken refuses intents.

pub mod backup;
pub mod chain;
pub mod doctor;
mod indexer;
pub mod journal;
pub mod lists;
pub mod receive;
pub mod recover;
pub mod verify;

use crate::decide::decide;
use crate::ids::{MeetingId, Time};
use crate::intent::{Command, Intent};
use crate::refusal::Refusal;
use crate::setup::Level;
use crate::state::{Meeting, Phase, RecordInfo, Snapshot, Warning};
use recover::{check_journal, open_sled};
use chain::{Hash, StoredEvent};
pub use crate::meeting::summary::MeetingSummary;
/// The meeting summaries the index keeps (`meeting::summary`), at their old path.
pub use crate::meeting::summary as index;
use std::collections::HashMap;
use journal::Journals;
pub use recover::Notice;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
pub use verify::{BreakKind, ChainBreak};

/// The installation's signing key (`export::seal`), kept in the data folder and in every backup.
pub const SEAL_KEY_FILE: &str = "installation-ed25519.key";
/// The other installations whose PDFs and bundles this one trusts (`export::trust`), kept with
/// the record and in every backup.
pub const TRUSTED_ISSUERS_FILE: &str = "trusted-issuers.json";

/// A file-system error of the store's own syncing, reported as sled's are.
impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> Self {
        StoreError::Sled(sled::Error::Io(e))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the data directory {0} is in use by another Yishi process / 数据目录正被另一个议事程序使用")]
    InUse(String),
    #[error("storage error: {0} / 存储错误")]
    Sled(#[from] sled::Error),
    #[error("record encoding error: {0} / 记录编码错误")]
    Encode(#[from] serde_json::Error),
    #[error("{0}")]
    ChainBroken(ChainBreak),
    /// The roster's or the pool's log is damaged: it takes nothing more until `doctor` repairs it.
    #[error("{0}")]
    ListBroken(lists::ListBreak),
    #[error("meeting {0} does not exist / 找不到会议 {0}")]
    UnknownMeeting(MeetingId),
    #[error("the store's files are damaged: {0} / 存储文件损坏")]
    Damaged(String),
}

#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    #[error(transparent)]
    Refused(#[from] Refusal),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A meeting folded from its record, with where its chain ends.
#[derive(Clone)]
struct Loaded {
    meeting: Meeting,
    head: Hash,
    events: u64,
    intents: u64,
}

impl Loaded {
    fn record(&self) -> RecordInfo {
        RecordInfo { head: hex::encode(self.head), events: self.events, intents: self.intents }
    }
}

/// sled's database and trees: the read model, replaced whole when it is rebuilt from the journals.
#[derive(Clone)]
struct ReadModel {
    db: sled::Db,
    log: sled::Tree,
    roster: sled::Tree,
    topics: sled::Tree,
}

impl ReadModel {
    fn of(db: sled::Db) -> Result<ReadModel, StoreError> {
        Ok(ReadModel { log: db.open_tree("log")?, roster: db.open_tree("roster")?, topics: db.open_tree("topics")?, db })
    }
}

pub struct Store {
    dir: PathBuf,
    rm: std::sync::RwLock<ReadModel>,
    journals: Journals,
    /// Writes acknowledged intents' batches to sled after the acknowledgement.
    indexer: indexer::Indexer,
    /// What the store did on its own (catching up after a power cut, rebuilding): for `doctor`.
    notices: Mutex<Vec<Notice>>,
    /// Folded meetings, derived from the log on first use.
    cache: Mutex<HashMap<MeetingId, Loaded>>,
    /// The roster and the topic pool, folded from their logs when the store opens.
    lists: Mutex<lists::Lists>,
    /// One intent at a time: decide, append and fold happen as one step.
    write: Mutex<()>,
    audit: Arc<Audit>,
    auditor: Mutex<Option<std::thread::JoinHandle<()>>>,
}

/// The background check of sealed chains.
#[derive(Default)]
struct Audit {
    breaks: Mutex<Vec<ChainBreak>>,
    checked: AtomicUsize,
    total: AtomicUsize,
    done: AtomicBool,
    stop: AtomicBool,
}

impl Audit {
    /// Records a break, keeping the earliest one per meeting.
    fn report(&self, b: ChainBreak) {
        let mut all = lock(&self.breaks);
        match all.iter_mut().find(|x| x.meeting == b.meeting) {
            Some(x) if b.position < x.position => *x = b,
            Some(_) => {}
            None => all.push(b),
        }
    }
}

/// How far the verification of archived chains has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AuditStatus {
    pub checked: usize,
    pub total: usize,
    pub done: bool,
    pub breaks: usize,
}

impl Store {
    fn stop_audit(&self) {
        self.audit.stop.store(true, Ordering::Relaxed);
        if let Some(h) = lock(&self.auditor).take() {
            let _ = h.join();
        }
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        self.stop_audit();
        // The journals hold everything already; a flushed sled just opens without catching up.
        let _ = self.rm().db.flush();
    }
}

/// Checks the last link of a sealed chain against its index entry: removed or
/// appended events at the end show at once; the rest is the audit's job.
fn check_tail(log: &sled::Tree, s: &MeetingSummary) -> Result<Option<ChainBreak>, sled::Error> {
    let brk = |position, kind| Some(ChainBreak { meeting: s.id, position, kind });
    if log.get(chain::event_key(s.id, s.events + 1))?.is_some() {
        return Ok(brk(s.events + 1, BreakKind::HeadMismatch));
    }
    let Some(v) = log.get(chain::event_key(s.id, s.events))? else {
        return Ok(brk(s.events.max(1), BreakKind::HeadMismatch));
    };
    Ok(match chain::open_value(&v) {
        None => brk(s.events, BreakKind::Unreadable),
        Some(o) if !o.hash_ok => brk(s.events, BreakKind::Altered),
        Some(o) if hex::encode(o.hash) != s.head => brk(s.events, BreakKind::HeadMismatch),
        Some(_) => None,
    })
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic while holding the lock leaves only derived data behind; keep going.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Store {
    /// Whether a store has been created in `dir` (sled's files or journals are there), without
    /// opening or creating anything.
    pub fn exists(dir: &Path) -> bool {
        let journals = std::fs::read_dir(dir.join(journal::DIR)).map(|mut d| d.next().is_some()).unwrap_or(false);
        journals || (dir.join("conf").is_file() && dir.join("db").is_file())
    }

    /// Opens (or creates) the store in `dir`, brings sled in line with the journals and verifies
    /// every live chain (sealed ones on a background thread). sled's files that cannot be read are
    /// moved aside and rebuilt from the journals: the store opens whatever byte is damaged.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        std::fs::create_dir_all(dir)?;
        let journals = Journals::open(dir)?;
        let mut notices = Vec::new();
        let (db, index) = match open_sled(dir) {
            Ok(x) => x,
            Err(e @ StoreError::InUse(_)) => return Err(e),
            Err(e) => {
                let aside = recover::set_aside_sled(dir)?;
                notices.push(Notice::Rebuilt { aside: aside.display().to_string(), reason: e.to_string() });
                open_sled(dir)?
            }
        };
        // sled never syncs the folder its new files are named in; the journals do not need them,
        // but a store that opens after a power cut without a rebuild is quicker.
        journal::sync_dir(dir)?;
        let store = Store {
            dir: dir.to_path_buf(),
            rm: std::sync::RwLock::new(ReadModel::of(db)?),
            journals,
            indexer: indexer::Indexer::new()?,
            notices: Mutex::new(notices),
            cache: Mutex::new(HashMap::new()),
            lists: Mutex::new(lists::Lists::default()),
            write: Mutex::new(()),
            audit: Arc::new(Audit::default()),
            auditor: Mutex::new(None),
        };
        let index = store.catch_up(index)?;
        store.load_lists()?;
        store.start_audit(index)?;
        Ok(store)
    }

    /// Verifies every live chain now, and starts the background check of sealed chains and of
    /// every journal.
    fn start_audit(&self, index: recover::Index) -> Result<(), StoreError> {
        let log = self.rm().log;
        let mut sealed = Vec::new();
        for (id, s) in index {
            match s {
                Some(s) if s.phase == crate::state::Phase::Sealed => sealed.push(s),
                Some(_) => match verify::verify_tree(&log, Some(id)) {
                    Ok(found) => found.into_iter().for_each(|b| self.audit.report(b)),
                    // sled cannot read this copy; reads come from the journal until `doctor`.
                    Err(_) => self.audit.report(ChainBreak { meeting: id, position: 1, kind: BreakKind::Unreadable }),
                },
                None => self.audit.report(ChainBreak { meeting: id, position: 0, kind: BreakKind::IndexMissing }),
            }
        }
        self.audit.total.store(sealed.len(), Ordering::Relaxed);
        let auditor = {
            let (audit, journals) = (self.audit.clone(), self.journals.clone());
            std::thread::Builder::new()
                .name("yishi-audit".into())
                .spawn(move || {
                    // First the chain ends (one read each: removed or appended events show
                    // within a moment), then every chain in full, then every journal.
                    for s in &sealed {
                        if audit.stop.load(Ordering::Relaxed) {
                            return;
                        }
                        if let Ok(Some(b)) = check_tail(&log, s) {
                            audit.report(b);
                        }
                    }
                    for s in &sealed {
                        if audit.stop.load(Ordering::Relaxed) {
                            return;
                        }
                        if let Ok(found) = verify::verify_tree(&log, Some(s.id)) {
                            found.into_iter().for_each(|b| audit.report(b));
                        }
                        audit.checked.fetch_add(1, Ordering::Relaxed);
                    }
                    // (A damaged page may yield errors without end: stop at the first.)
                    for (_, v) in log.scan_prefix([chain::INDEX_PREFIX]).map_while(Result::ok) {
                        if audit.stop.load(Ordering::Relaxed) {
                            return;
                        }
                        if let Ok(s) = serde_json::from_slice::<MeetingSummary>(&v) {
                            if let Some(b) = check_journal(&journals, &s) {
                                audit.report(b);
                            }
                        }
                    }
                    audit.done.store(true, Ordering::Release);
                })?
        };
        *lock(&self.auditor) = Some(auditor);
        Ok(())
    }

    /// What the store did on its own since it opened.
    pub fn notices(&self) -> Vec<Notice> {
        lock(&self.notices).clone()
    }

    fn notice(&self, n: Notice) {
        lock(&self.notices).push(n);
    }

    /// The read model as it is now (cheap: handles to sled's shared state).
    /// Waits for the batches handed to the indexer first, so every read sees what was acknowledged.
    fn rm(&self) -> ReadModel {
        self.settle();
        self.rm_now()
    }

    fn rm_now(&self) -> ReadModel {
        self.rm.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Every acknowledged intent's batch is in sled (those sled refused become notices).
    fn settle(&self) {
        for (meeting, reason) in self.indexer.settle() {
            self.notice(Notice::Behind { meeting, reason });
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn journals(&self) -> &Journals {
        &self.journals
    }

    /// Chains found broken so far: at open (live chains) and by the background
    /// audit of sealed chains.
    pub fn breaks(&self) -> Vec<ChainBreak> {
        lock(&self.audit.breaks).clone()
    }

    pub fn audit_status(&self) -> AuditStatus {
        AuditStatus {
            checked: self.audit.checked.load(Ordering::Relaxed),
            total: self.audit.total.load(Ordering::Relaxed),
            done: self.audit.done.load(Ordering::Acquire),
            breaks: lock(&self.audit.breaks).len(),
        }
    }

    /// Waits for the background audit to finish and returns every break found.
    pub fn wait_for_audit(&self) -> Vec<ChainBreak> {
        if let Some(h) = lock(&self.auditor).take() {
            let _ = h.join();
        }
        self.breaks()
    }

    /// Verifies chains now (all, or one meeting).
    /// Both copies of every meeting: sled's chains, and each journal against the index.
    pub fn verify(&self, only: Option<MeetingId>) -> Result<Vec<ChainBreak>, StoreError> {
        let summaries: Vec<MeetingSummary> = match only {
            Some(id) => self.rm().log.get(chain::index_key(id))?.and_then(|v| serde_json::from_slice(&v).ok()).into_iter().collect(),
            None => self.list()?,
        };
        let mut breaks = match verify::verify_tree(&self.rm().log, only) {
            Ok(b) => b,
            // sled cannot read part of its copy: check meeting by meeting, naming the unreadable.
            Err(_) => {
                let mut b = Vec::new();
                for s in &summaries {
                    match verify::verify_tree(&self.rm().log, Some(s.id)) {
                        Ok(found) => b.extend(found),
                        Err(_) => b.push(ChainBreak { meeting: s.id, position: 1, kind: BreakKind::Unreadable }),
                    }
                }
                b
            }
        };
        breaks.extend(summaries.iter().filter_map(|s| check_journal(&self.journals, s)));
        Ok(breaks)
    }

    /// Validates the intent, appends its events durably, and returns the new snapshot.
    pub fn apply(&self, cmd: &Command) -> Result<Snapshot, ApplyError> {
        let _guard = lock(&self.write);
        // Take the folded meeting out of the cache (no copy); it goes back
        // unchanged on a refusal, or as the new state after a durable write.
        // A meeting whose journal or chain is damaged takes nothing more until `doctor` repairs it:
        // an append behind a bad frame would be out of reach of every later read of the journal.
        if let Some(b) = self.breaks().into_iter().find(|b| b.meeting == cmd.meeting) {
            return Err(StoreError::ChainBroken(b).into());
        }
        // A received record is its community's: amended there, never here (R-SIGN).
        if let Some(o) = lock(&self.lists).state.received.get(&cmd.meeting) {
            return Err(Refusal::Received { community: o.community.clone() }.into());
        }
        self.ensure_cached(cmd.meeting)?;
        let loaded = lock(&self.cache).remove(&cmd.meeting);
        // R-TOPIC R-30DAYS: an item's topic comes from the pool, with the pool's decision time.
        let linked = match cmd.intent.links_topic() {
            false => Ok(None),
            true => crate::community::link_topics(cmd, &lock(&self.lists).state, loaded.as_ref().map(|l| l.meeting.level)),
        };
        let linked = match linked {
            Ok(l) => l,
            Err(r) => {
                if let Some(l) = loaded {
                    lock(&self.cache).insert(cmd.meeting, l);
                }
                return Err(r.into());
            }
        };
        let cmd = linked.as_ref().unwrap_or(cmd);
        let decision = match decide(loaded.as_ref().map(|l| &l.meeting), cmd) {
            Ok(d) => d,
            Err(r) => {
                if let Some(l) = loaded {
                    lock(&self.cache).insert(cmd.meeting, l);
                }
                return Err(r.into());
            }
        };

        let mut next = match loaded {
            Some(l) => l,
            None => match &cmd.intent {
                Intent::CreateMeeting(setup) => Loaded {
                    meeting: Meeting::create(cmd.meeting, setup, cmd.at),
                    head: chain::genesis(cmd.meeting),
                    events: 0,
                    intents: 0,
                },
                _ => return Err(Refusal::UnknownMeeting(cmd.meeting).into()),
            },
        };
        next.intents += 1;
        let mut batch = sled::Batch::default();
        let mut frames = Vec::new();
        // Blobs first: a journal never names an image it does not hold yet.
        for blob in decision.blobs {
            frames.extend(journal::frame(journal::BLOB, &blob.bytes));
            batch.insert(chain::blob_key(&blob.sha256), blob.bytes);
        }
        for event in decision.events {
            next.events += 1;
            let stored = StoredEvent {
                meeting: cmd.meeting,
                seq: next.events,
                intent: next.intents,
                at: cmd.at,
                event,
            };
            let (value, hash) = chain::seal_event(&next.head, &stored).map_err(StoreError::from)?;
            frames.extend(journal::frame(journal::EVENT, &value));
            batch.insert(&chain::event_key(cmd.meeting, next.events)[..], value);
            next.head = hash;
            next.meeting.apply(&stored.event, stored.at);
        }
        // Durable once the journal is synced: that is the acknowledgement. If it fails the meeting
        // stays out of the cache and nothing is recorded (the journal is cut back).
        let mut summary = MeetingSummary::of(&next.meeting, &next.head, next.events, next.intents);
        summary.journal_len = Some(self.journals.append(&cmd.meeting.to_string(), &frames).map_err(StoreError::from)?);
        batch.insert(&chain::index_key(cmd.meeting)[..], serde_json::to_vec(&summary).map_err(StoreError::from)?);
        // sled is the read model: the batch is written on the indexer's thread (reads wait for
        // it) and flushed by sled's own. Should it fail, the intent is still recorded; the next
        // open catches sled up from the journal.
        self.indexer.submit(self.rm_now().log, batch, cmd.meeting);
        let snapshot = next.meeting.snapshot(next.record());
        lock(&self.cache).insert(cmd.meeting, next);
        Ok(snapshot)
    }

    /// The meeting folded from its verified record, or None if it does not exist.
    /// Folds the meeting into the cache if it is not there yet (no copy made).
    fn ensure_cached(&self, id: MeetingId) -> Result<(), StoreError> {
        if lock(&self.cache).contains_key(&id) {
            return Ok(());
        }
        self.load(id).map(|_| ())
    }

    fn load(&self, id: MeetingId) -> Result<Option<Loaded>, StoreError> {
        if let Some(l) = lock(&self.cache).get(&id) {
            return Ok(Some(l.clone()));
        }
        match self.load_copy(id) {
            // sled could not read its copy (its checksum failed): the journal is the record.
            Err(StoreError::Sled(e)) => self.restore_copy(id, e.to_string()),
            other => other,
        }
    }

    /// The meeting from sled's copy, its chain checked against the index.
    fn load_copy(&self, id: MeetingId) -> Result<Option<Loaded>, StoreError> {
        let index = match self.rm().log.get(chain::index_key(id))? {
            Some(v) => Some(serde_json::from_slice::<MeetingSummary>(&v)?),
            None => None,
        };
        let mut check = verify::ChainCheck::new(id);
        let mut meeting: Option<Meeting> = None;
        let mut intents = 0;
        for kv in self.rm().log.scan_prefix(chain::events_prefix(id)) {
            let (k, v) = kv?;
            let Some((_, seq)) = chain::parse_event_key(&k) else { continue };
            check.feed(seq, &v);
            if let Some(b) = check.broken.clone() {
                return Err(StoreError::ChainBroken(b));
            }
            let Some(o) = chain::open_value(&v) else { continue };
            let ev: StoredEvent = serde_json::from_slice(o.body)?;
            intents = ev.intent;
            match (&mut meeting, &ev.event) {
                (None, crate::event::Event::MeetingCreated(setup)) => {
                    meeting = Some(Meeting::create(id, setup, ev.at));
                }
                (Some(m), e) => m.apply(e, ev.at),
                (None, _) => {
                    return Err(StoreError::ChainBroken(ChainBreak {
                        meeting: id,
                        position: seq,
                        kind: BreakKind::Unreadable,
                    }))
                }
            }
        }
        if index.is_none() && check.count == 0 {
            return Ok(None);
        }
        let (head, events) = check.finish(index.as_ref()).map_err(StoreError::ChainBroken)?;
        let Some(meeting) = meeting else { return Ok(None) };
        let loaded = Loaded { meeting, head, events, intents };
        lock(&self.cache).insert(id, loaded.clone());
        Ok(Some(loaded))
    }

    pub fn meeting(&self, id: MeetingId) -> Result<Meeting, StoreError> {
        self.load(id)?.map(|l| l.meeting).ok_or(StoreError::UnknownMeeting(id))
    }

    pub fn snapshot(&self, id: MeetingId) -> Result<Snapshot, StoreError> {
        let l = self.load(id)?.ok_or(StoreError::UnknownMeeting(id))?;
        Ok(l.meeting.snapshot(l.record()))
    }

    /// Every stored event of a meeting, in order (the chain is verified first).
    pub fn events(&self, id: MeetingId) -> Result<Vec<StoredEvent>, StoreError> {
        self.load(id)?.ok_or(StoreError::UnknownMeeting(id))?;
        let mut out = Vec::new();
        for kv in self.rm().log.scan_prefix(chain::events_prefix(id)) {
            let (_, v) = kv?;
            if let Some(o) = chain::open_value(&v) {
                out.push(serde_json::from_slice(o.body)?);
            }
        }
        Ok(out)
    }

    /// The meeting as it stood after its first `events` events, with that
    /// head: what an export printed before later amendments showed.
    pub fn snapshot_at(&self, id: MeetingId, events: u64) -> Result<Snapshot, StoreError> {
        let all = self.events(id)?;
        let mut head = chain::genesis(id);
        let mut meeting: Option<Meeting> = None;
        let mut intents = 0;
        let mut n = 0;
        for (kv, ev) in self.rm().log.scan_prefix(chain::events_prefix(id)).zip(all.iter()).take(events as usize) {
            let (_, v) = kv?;
            if let Some(o) = chain::open_value(&v) {
                head = o.hash;
            }
            intents = ev.intent;
            n += 1;
            match (&mut meeting, &ev.event) {
                (None, crate::event::Event::MeetingCreated(setup)) => meeting = Some(Meeting::create(id, setup, ev.at)),
                (Some(m), e) => m.apply(e, ev.at),
                (None, _) => {}
            }
        }
        let meeting = meeting.ok_or(StoreError::UnknownMeeting(id))?;
        Ok(meeting.snapshot(RecordInfo { head: hex::encode(head), events: n, intents }))
    }

    /// All meetings, newest scheduled first.
    pub fn list(&self) -> Result<Vec<MeetingSummary>, StoreError> {
        let mut out = Vec::new();
        for kv in self.rm().log.scan_prefix([chain::INDEX_PREFIX]) {
            let (_, v) = kv?;
            out.push(serde_json::from_slice::<MeetingSummary>(&v)?);
        }
        out.sort_by(|a, b| b.scheduled_at.cmp(&a.scheduled_at).then(a.title.cmp(&b.title)));
        Ok(out)
    }

    /// R-PUBLISH's deadline warning for a listed meeting as of `now`, from its index entry. An
    /// entry written before the index kept the publication facts has none even when sealed: a
    /// sealed street meeting's record is read instead.
    pub fn publish_warning(&self, s: &MeetingSummary, now: Time) -> Result<Option<Warning>, StoreError> {
        let unindexed = s.phase == Phase::Sealed && s.level == Level::Street && s.publish.closed_at.is_none();
        Ok(if unindexed {
            crate::publish::warning(&self.snapshot(s.id)?.meeting, now)
        } else {
            crate::publish::warning_of(&s.publish, now)
        })
    }

    /// R-FREQ, R-OBSERVE: the year's meetings per form against the minimums, as of `now`: this
    /// installation's own (records received from communities are theirs: `compliance_of`).
    pub fn compliance(&self, year: i32, now: Time) -> Result<crate::compliance::Compliance, StoreError> {
        let received = lock(&self.lists).state.received.clone();
        let own: Vec<MeetingSummary> = self.list()?.into_iter().filter(|s| !received.contains_key(&s.id)).collect();
        self.compliance_of(&own, year, now)
    }

    /// The same count over the meetings listed (one community's, at a street office).
    pub fn compliance_of(&self, list: &[MeetingSummary], year: i32, now: Time) -> Result<crate::compliance::Compliance, StoreError> {
        // Entries written before the index kept the seats: read those records, only the ones
        // the count can use (community meetings of that year), so an old archive stays quick.
        use chrono::Datelike;
        let mut seats = std::collections::HashMap::new();
        let wanted = |s: &&MeetingSummary| {
            s.observer_seats.is_none() && s.level == Level::Community && s.scheduled_at.year() == year
        };
        for s in list.iter().filter(wanted) {
            seats.insert(s.id, self.snapshot(s.id)?.meeting.observer_seats);
        }
        let of = |s: &MeetingSummary| s.observer_seats.or_else(|| seats.get(&s.id).copied()).unwrap_or(0);
        Ok(crate::compliance::compliance(list, of, year, now))
    }

    /// A signature image by its SHA-256 (hex).
    pub fn blob(&self, sha256_hex: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.rm().log.get(chain::blob_key(sha256_hex))?.map(|v| v.to_vec()))
    }

    /// Raw access for integrity tests and tools.
    pub fn log_tree(&self) -> sled::Tree {
        self.rm().log
    }
}
