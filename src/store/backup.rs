//! Backups to a second place (another folder, a USB stick). A backup is a folder
//! `yishi-backup-<UTC time>` holding the journals — the whole record; sled is rebuilt from them —
//! the installation's seal key, and `manifest.json` naming every meeting with its head. It is
//! written as `.partial`, synced, then renamed: an interrupted backup never looks finished and
//! leaves the previous ones as they were. Each backup verifies on its own (`check`); the oldest
//! beyond `keep` are removed.

use super::journal::{self, Journals};
use super::recover::read_journal;
use super::verify::ChainCheck;
use super::{MeetingSummary, Store, StoreError};
use crate::ids::MeetingId;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

pub const PREFIX: &str = "yishi-backup-";
pub const MANIFEST: &str = "manifest.json";
/// Backups kept in a folder unless told otherwise.
pub const KEEP: usize = 10;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    /// When it was made (UTC, RFC 3339).
    pub created_at: String,
    pub meetings: Vec<Entry>,
    /// The roster's and topic pool's journals.
    pub lists: Vec<FileEntry>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: MeetingId,
    pub title: String,
    pub events: u64,
    pub head: String,
    #[serde(flatten)]
    pub file: FileEntry,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    pub name: String,
    pub bytes: u64,
    pub sha256: String,
}

/// A finished backup.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupInfo {
    pub path: PathBuf,
    pub created_at: String,
    pub meetings: usize,
    pub bytes: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("备份位置 {path} 无法写入：{reason} / cannot write to the backup place {path}: {reason}")]
    Write { path: String, reason: String },
    #[error("{path} 不是议事备份（没有 {MANIFEST}）/ {path} is not a Yishi backup (no {MANIFEST})")]
    NotABackup { path: String },
    #[error("会议 {0} 在备份时未能核验，备份未完成 / meeting {0} did not verify while backing up; backup not finished")]
    Unverified(MeetingId),
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn write_err(path: &Path) -> impl Fn(std::io::Error) -> BackupError + '_ {
    move |e| BackupError::Write { path: path.display().to_string(), reason: e.to_string() }
}

fn sha(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

impl Store {
    /// Backs the whole record up into a new folder under `to`, calling `progress(done, total)` as
    /// it goes, then keeps the newest `keep` backups there. Each meeting is copied as far as its
    /// index entry recorded (the journal only grows, so the copy is consistent while the meeting
    /// goes on) and checked before the backup counts as made.
    /// `now` names the folder and the manifest's time (the core reads no clock).
    pub fn backup(
        &self,
        to: &Path,
        keep: usize,
        now: chrono::DateTime<chrono::Utc>,
        progress: &dyn Fn(usize, usize),
    ) -> Result<BackupInfo, BackupError> {
        let name = format!("{PREFIX}{}", now.format("%Y%m%dT%H%M%S%.3fZ"));
        let partial = to.join(format!(".{name}.partial"));
        let done_dir = to.join(&name);
        let jdir = partial.join(journal::DIR);
        std::fs::create_dir_all(&jdir).map_err(write_err(to))?;
        let list = self.list()?;
        let total = list.len() + crate::community::List::ALL.len();
        let mut manifest = Manifest { format: 1, created_at: now.to_rfc3339(), meetings: Vec::new(), lists: Vec::new() };
        let mut bytes_total = 0;
        for (i, s) in list.iter().enumerate() {
            let file = self.copy_journal(s, &jdir)?;
            bytes_total += file.bytes;
            manifest.meetings.push(Entry { id: s.id, title: s.title.clone(), events: s.events, head: s.head.clone(), file });
            progress(i + 1, total);
        }
        for (i, list_name) in crate::community::List::ALL.map(|l| l.name()).into_iter().enumerate() {
            let src = self.journals.path(list_name);
            if let Ok(bytes) = std::fs::read(&src) {
                let name = format!("{list_name}.{}", journal::EXT);
                journal::write_durable(&jdir.join(&name), &bytes).map_err(write_err(&jdir))?;
                bytes_total += bytes.len() as u64;
                manifest.lists.push(FileEntry { name, bytes: bytes.len() as u64, sha256: sha(&bytes) });
            }
            progress(list.len() + i + 1, total);
        }
        let key = self.dir.join(super::SEAL_KEY_FILE);
        if let Ok(k) = std::fs::read(&key) {
            let dst = partial.join(super::SEAL_KEY_FILE);
            journal::write_durable(&dst, &k).map_err(write_err(&partial))?;
            restrict(&dst);
        }
        // The community's profile (its name, issuer, booking channel) and the issuers trusted here
        // (a street office's communities): settings, copied as they are.
        for file in [crate::community::profile::FILE, super::TRUSTED_ISSUERS_FILE] {
            if let Ok(p) = std::fs::read(self.dir.join(file)) {
                journal::write_durable(&partial.join(file), &p).map_err(write_err(&partial))?;
            }
        }
        let m = serde_json::to_vec_pretty(&manifest).map_err(StoreError::from)?;
        journal::write_durable(&partial.join(MANIFEST), &m).map_err(write_err(&partial))?;
        std::fs::rename(&partial, &done_dir).map_err(write_err(to))?;
        journal::sync_dir(to).map_err(write_err(to))?;
        rotate(to, keep);
        Ok(BackupInfo { path: done_dir, created_at: manifest.created_at, meetings: list.len(), bytes: bytes_total })
    }

    /// A meeting's journal file up to what its index entry recorded, its chain checked against
    /// that entry: a copy of the record that verifies on its own (backups, bundles).
    pub fn journal_copy(&self, s: &MeetingSummary) -> Option<Vec<u8>> {
        let mut bytes = std::fs::read(self.journals.path(&s.id.to_string())).ok()?;
        if let Some(len) = s.journal_len {
            bytes.truncate(len as usize);
        }
        let scan = journal::scan_bytes(&bytes);
        let mut check = ChainCheck::new(s.id);
        for (i, v) in scan.events().enumerate() {
            check.feed(i as u64 + 1, v);
        }
        (scan.bad.is_none() && check.finish(Some(s)).is_ok()).then_some(bytes)
    }

    /// A meeting's journal up to what its index entry recorded, checked on the way.
    fn copy_journal(&self, s: &MeetingSummary, jdir: &Path) -> Result<FileEntry, BackupError> {
        let name = format!("{}.{}", s.id, journal::EXT);
        let bytes = self.journal_copy(s).ok_or(BackupError::Unverified(s.id))?;
        journal::write_durable(&jdir.join(&name), &bytes).map_err(write_err(jdir))?;
        Ok(FileEntry { name, bytes: bytes.len() as u64, sha256: sha(&bytes) })
    }
}

#[cfg(unix)]
fn restrict(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
}
#[cfg(not(unix))]
fn restrict(_: &Path) {}

/// The finished backups in a folder, oldest first.
pub fn list(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(PREFIX)) && p.join(MANIFEST).is_file()
        })
        .collect();
    out.sort();
    out
}

/// A backup folder itself, or the newest backup in a folder of them.
pub fn resolve(path: &Path) -> Result<PathBuf, BackupError> {
    if path.join(MANIFEST).is_file() {
        return Ok(path.to_path_buf());
    }
    list(path).pop().ok_or_else(|| BackupError::NotABackup { path: path.display().to_string() })
}

pub fn manifest(backup: &Path) -> Result<Manifest, BackupError> {
    let bytes = std::fs::read(backup.join(MANIFEST)).map_err(|_| BackupError::NotABackup { path: backup.display().to_string() })?;
    serde_json::from_slice(&bytes).map_err(|_| BackupError::NotABackup { path: backup.display().to_string() })
}

/// Keeps the newest `keep` backups, and clears what interrupted ones left.
fn rotate(dir: &Path, keep: usize) {
    let all = list(dir);
    for old in all.iter().take(all.len().saturating_sub(keep.max(1))) {
        let _ = std::fs::remove_dir_all(old);
    }
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let n = e.file_name().to_string_lossy().to_string();
        if n.starts_with(&format!(".{PREFIX}")) && n.ends_with(".partial") {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// What is wrong with a backup, checked on its own: every file's hash, every journal's frames and
/// chain, each meeting's head, every signature image an event names.
pub fn check(backup: &Path) -> Result<Vec<String>, BackupError> {
    let m = manifest(backup)?;
    let journals = Journals::at(&backup.join(journal::DIR));
    let mut problems = Vec::new();
    for e in &m.meetings {
        let path = journals.dir().join(&e.file.name);
        match std::fs::read(&path) {
            Ok(b) if sha(&b) == e.file.sha256 => {}
            Ok(_) => problems.push(format!("{}：文件已改变 / file changed", e.file.name)),
            Err(_) => {
                problems.push(format!("{}：文件缺失 / file missing", e.file.name));
                continue;
            }
        }
        let Ok(read) = read_journal(&journals, e.id) else { continue };
        if let Some(b) = &read.check.broken {
            problems.push(b.to_string());
            continue;
        }
        let head = read.events.last().and_then(|v| super::chain::open_value(v)).map(|o| hex::encode(o.hash));
        if read.scan.bad.is_some() || read.events.len() as u64 != e.events || head.as_deref() != Some(e.head.as_str()) {
            problems.push(format!("会议 {}：记录与清单不符 / meeting {}: record differs from the manifest", e.id, e.id));
            continue;
        }
        let images: Vec<String> = read.blobs().map(|(s, _)| s).collect();
        for v in &read.events {
            let Some(o) = super::chain::open_value(v) else { continue };
            if let Ok(ev) = serde_json::from_slice::<super::chain::StoredEvent>(o.body) {
                if let crate::event::Event::Signed { image_sha256, .. } = &ev.event {
                    if !images.contains(image_sha256) {
                        problems.push(format!(
                            "会议 {} 第 {} 个事件：签名图像缺失 / meeting {} event {}: signature image missing",
                            e.id, ev.seq, e.id, ev.seq
                        ));
                    }
                }
            }
        }
    }
    for f in &m.lists {
        match std::fs::read(journals.dir().join(&f.name)) {
            Ok(b) if sha(&b) == f.sha256 => {
                let list = crate::community::List::ALL.into_iter().find(|l| f.name == format!("{}.{}", l.name(), journal::EXT));
                if let Some(b) = list.and_then(|l| super::lists::read_bytes(l, &b).log.broken) {
                    problems.push(b.to_string());
                }
            }
            _ => problems.push(format!("{}：文件缺失或已改变 / file missing or changed", f.name)),
        }
    }
    Ok(problems)
}

/// What a restore did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Restored {
    /// Meetings copied in that the data folder did not have.
    pub added: Vec<MeetingId>,
    /// The roster's and topic pool's journals, copied in where the folder had none.
    pub lists: Vec<String>,
    pub key: bool,
    /// The community's profile, copied in where there was none.
    #[serde(default)]
    pub profile: bool,
    /// The issuers trusted here (`yishi key trust`), copied in where none were.
    #[serde(default)]
    pub trusted: bool,
}

/// Copies into a data folder (closed: no store open on it) what a backup has and the folder
/// lacks: journals of meetings it does not have, the lists, the key. What the folder has is
/// never overwritten; a damaged meeting is repaired afterwards by `Store::repair` with the backup.
/// The store rebuilds its read model from the journals when it next opens.
/// `known`: meetings the store's index has (damaged ones among them are for `repair`, which
/// then says what came from the backup).
pub fn restore_into(
    backup: &Path,
    data_dir: &Path,
    known: &std::collections::BTreeSet<MeetingId>,
    progress: &dyn Fn(usize, usize),
) -> Result<Restored, BackupError> {
    let m = manifest(backup)?;
    let problems = check(backup)?;
    let src = Journals::at(&backup.join(journal::DIR));
    std::fs::create_dir_all(data_dir).map_err(write_err(data_dir))?;
    let dst = Journals::open(data_dir).map_err(write_err(data_dir))?;
    let mut out = Restored::default();
    let total = m.meetings.len();
    for (i, e) in m.meetings.iter().enumerate() {
        let to = dst.dir().join(&e.file.name);
        let damaged = problems.iter().any(|p| p.contains(&e.id.to_string()) || p.starts_with(&e.file.name));
        if !to.exists() && !damaged && !known.contains(&e.id) {
            let bytes = std::fs::read(src.dir().join(&e.file.name)).map_err(write_err(backup))?;
            journal::write_durable(&to, &bytes).map_err(write_err(data_dir))?;
            out.added.push(e.id);
        }
        progress(i + 1, total);
    }
    for f in &m.lists {
        let to = dst.dir().join(&f.name);
        if !to.exists() {
            let bytes = std::fs::read(src.dir().join(&f.name)).map_err(write_err(backup))?;
            journal::write_durable(&to, &bytes).map_err(write_err(data_dir))?;
            out.lists.push(f.name.clone());
        }
    }
    let key = data_dir.join(super::SEAL_KEY_FILE);
    let from = backup.join(super::SEAL_KEY_FILE);
    if !key.exists() && from.is_file() {
        let k = std::fs::read(&from).map_err(write_err(backup))?;
        journal::write_durable(&key, &k).map_err(write_err(data_dir))?;
        restrict(&key);
        out.key = true;
    }
    let profile = data_dir.join(crate::community::profile::FILE);
    let from = backup.join(crate::community::profile::FILE);
    if !profile.exists() && from.is_file() {
        let p = std::fs::read(&from).map_err(write_err(backup))?;
        journal::write_durable(&profile, &p).map_err(write_err(data_dir))?;
        out.profile = true;
    }
    let trusted = data_dir.join(super::TRUSTED_ISSUERS_FILE);
    let from = backup.join(super::TRUSTED_ISSUERS_FILE);
    if !trusted.exists() && from.is_file() {
        let p = std::fs::read(&from).map_err(write_err(backup))?;
        journal::write_durable(&trusted, &p).map_err(write_err(data_dir))?;
        out.trusted = true;
    }
    Ok(out)
}

impl Store {
    /// Restores from a backup into this open store: the meetings, lists and key it lacks are
    /// copied in and read into sled, then damaged meetings are repaired from the backup. What the
    /// store holds is never overwritten.
    pub fn restore(&self, backup: &Path, progress: &dyn Fn(usize, usize)) -> Result<(Restored, Vec<super::doctor::Repair>), BackupError> {
        let known = self.list()?.into_iter().map(|s| s.id).collect();
        let restored = restore_into(backup, &self.dir, &known, progress)?;
        self.adopt_journals()?;
        if !restored.lists.is_empty() {
            self.load_lists()?;
        }
        let repairs = self.repair(Some(backup))?;
        Ok((restored, repairs))
    }
}

/// Where the app backs up to, chosen by the user; kept in the data folder (`backup.json`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub to: Option<PathBuf>,
    #[serde(default = "default_keep")]
    pub keep: usize,
}

fn default_keep() -> usize {
    KEEP
}

pub const SETTINGS: &str = "backup.json";

impl Settings {
    pub fn load(data_dir: &Path) -> Settings {
        std::fs::read(data_dir.join(SETTINGS))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or(Settings { to: None, keep: KEEP })
    }

    /// Written whole and renamed into place, so a crash leaves the old or the new settings.
    pub fn save(&self, data_dir: &Path) -> std::io::Result<()> {
        let tmp = data_dir.join(format!("{SETTINGS}.new"));
        journal::write_durable(&tmp, &serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?)?;
        std::fs::rename(&tmp, data_dir.join(SETTINGS))?;
        journal::sync_dir(data_dir)
    }
}

/// The newest finished backup in a folder: its path and manifest. None when there is none, or
/// the folder cannot be reached (a USB stick not plugged in).
pub fn latest(dir: &Path) -> Option<(PathBuf, Manifest)> {
    let newest = list(dir).pop()?;
    let m = manifest(&newest).ok()?;
    Some((newest, m))
}
