//! The journal: the record's source of truth, one append-only file per meeting
//! (`journal/<meeting id>.yj`) plus one for the roster and one for the topic pool.
//!
//! Why beside sled: sled keeps every meeting in one file, and one flipped bit there trips its
//! checksum for the whole database (every command then fails, naming nothing). A file per meeting
//! contains damage to that meeting, and sled — the read model: index, trees, page cache — can be
//! rebuilt from the journals at any time. An intent is acknowledged once its frames are
//! fdatasynced here; sled is written after, without waiting for its flush.
//!
//! A file is `MAGIC` then frames: `len: u32 LE ‖ crc32(kind ‖ payload): u32 LE ‖ kind: u8 ‖ payload`.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

pub const DIR: &str = "journal";
pub const MAGIC: &[u8; 8] = b"YISHIJ1\n";
pub const EXT: &str = "yj";
/// The roster's and the topic pool's journals.
pub const ROSTER: &str = "roster";
pub const TOPICS: &str = "topics";

/// A stored event: `prev ‖ hash ‖ body`, exactly as in the chain.
pub const EVENT: u8 = b'E';
/// A signature image, written before the event that names it.
pub const BLOB: u8 = b'B';
/// The roster's and the pool's frames before they were chained logs (read only to migrate them):
/// a person put (JSON), a person removed (id), a topic put (JSON).
pub const PERSON_PUT: u8 = b'P';
pub const PERSON_REMOVED: u8 = b'R';
pub const TOPIC_PUT: u8 = b'T';

const HEADER: usize = 9;
/// No frame is larger: a signature image is a few hundred KB.
const MAX_FRAME: u32 = 64 << 20;

pub fn frame(kind: u8, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER + payload.len());
    out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    out.extend_from_slice(&crc(kind, payload).to_le_bytes());
    out.push(kind);
    out.extend_from_slice(payload);
    out
}

/// The bytes a frame of `payload_len` takes in the file.
pub fn frame_len(payload_len: usize) -> u64 {
    (HEADER + payload_len) as u64
}

fn crc(kind: u8, payload: &[u8]) -> u32 {
    let mut h = crc32fast::Hasher::new();
    h.update(&[kind]);
    h.update(payload);
    h.finalize()
}

/// What a journal file holds, read up to its first bad byte.
#[derive(Debug, Default)]
pub struct Scan {
    /// (kind, payload) of every good frame, in order.
    pub frames: Vec<(u8, Vec<u8>)>,
    /// Bytes of the file that are good frames (with the magic).
    pub good_len: u64,
    pub file_len: u64,
    /// Where reading stopped, if before the end.
    pub bad: Option<Bad>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bad {
    pub offset: u64,
    /// Frames read before it.
    pub frame: usize,
    /// Cut short: the file ends inside the frame (an unfinished write), as against a frame
    /// whose bytes are there but wrong.
    pub truncated: bool,
}

impl Scan {
    pub fn events(&self) -> impl Iterator<Item = &[u8]> {
        self.frames.iter().filter(|(k, _)| *k == EVENT).map(|(_, p)| p.as_slice())
    }
}

pub fn scan(path: &Path) -> io::Result<Scan> {
    let mut bytes = Vec::new();
    File::open(path)?.read_to_end(&mut bytes)?;
    Ok(scan_bytes(&bytes))
}

pub fn scan_bytes(bytes: &[u8]) -> Scan {
    let mut s = Scan { file_len: bytes.len() as u64, ..Scan::default() };
    if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
        let truncated = MAGIC.starts_with(bytes);
        s.bad = Some(Bad { offset: 0, frame: 0, truncated });
        return s;
    }
    let mut at = MAGIC.len();
    while at < bytes.len() {
        let bad = |truncated| Some(Bad { offset: at as u64, frame: s.frames.len(), truncated });
        let Some(head) = bytes.get(at..at + HEADER) else {
            s.bad = bad(true);
            break;
        };
        let len = u32::from_le_bytes(head[..4].try_into().unwrap());
        let sum = u32::from_le_bytes(head[4..8].try_into().unwrap());
        let kind = head[8];
        if len > MAX_FRAME {
            s.bad = bad(false);
            break;
        }
        let Some(payload) = bytes.get(at + HEADER..at + HEADER + len as usize) else {
            s.bad = bad(true);
            break;
        };
        if crc(kind, payload) != sum {
            s.bad = bad(false);
            break;
        }
        s.frames.push((kind, payload.to_vec()));
        at += HEADER + len as usize;
    }
    s.good_len = s.bad.as_ref().map_or(bytes.len() as u64, |b| b.offset.max(MAGIC.len() as u64));
    s
}

/// The journal folder of a data directory.
#[derive(Clone, Debug)]
pub struct Journals {
    dir: PathBuf,
    /// Journals open for appending, kept open between appends (a live meeting's is written every
    /// few seconds); dropped when a journal is replaced or cut.
    open: std::sync::Arc<Mutex<std::collections::HashMap<String, File>>>,
}

impl Journals {
    /// The folder, created (and made durable in its parent) if new.
    pub fn open(data_dir: &Path) -> io::Result<Journals> {
        let dir = data_dir.join(DIR);
        if !dir.is_dir() {
            std::fs::create_dir_all(&dir)?;
            sync_dir(data_dir)?;
        }
        Ok(Journals { dir, open: Default::default() })
    }

    /// A journal folder elsewhere (a backup's), read as it is.
    pub fn at(dir: &Path) -> Journals {
        Journals { dir: dir.to_path_buf(), open: Default::default() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.join(format!("{name}.{EXT}"))
    }

    /// The names (file stems) of every journal file.
    pub fn names(&self) -> io::Result<Vec<String>> {
        let mut out = Vec::new();
        for e in std::fs::read_dir(&self.dir)? {
            let p = e?.path();
            if p.extension().and_then(|x| x.to_str()) == Some(EXT) {
                if let Some(stem) = p.file_stem().and_then(|s| s.to_str()) {
                    out.push(stem.to_string());
                }
            }
        }
        out.sort();
        Ok(out)
    }

    /// Appends frames to a journal and makes them durable (fdatasync; a new file's name too),
    /// returning the file's new length. On a failed write the file is cut back to where it was,
    /// so no half frame stays in front of the next append.
    pub fn append(&self, name: &str, frames: &[u8]) -> io::Result<u64> {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        if !open.contains_key(name) {
            let f = OpenOptions::new().create(true).append(true).open(self.path(name))?;
            // A few live meetings at most; the archive is never appended to all at once.
            if open.len() >= 8 {
                open.clear();
            }
            open.insert(name.to_string(), f);
        }
        let f = open.get_mut(name).expect("inserted above");
        let before = f.metadata()?.len();
        let mut bytes = Vec::with_capacity(MAGIC.len() + frames.len());
        if before == 0 {
            bytes.extend_from_slice(MAGIC);
        }
        bytes.extend_from_slice(frames);
        let written = f.write_all(&bytes).and_then(|_| f.sync_data());
        if let Err(e) = written {
            let _ = f.set_len(before).and_then(|_| f.sync_data());
            return Err(e);
        }
        if before == 0 {
            sync_dir(&self.dir)?;
        }
        Ok(before + bytes.len() as u64)
    }

    fn forget(&self, name: &str) {
        self.open.lock().unwrap_or_else(|e| e.into_inner()).remove(name);
    }

    /// Replaces a journal as a whole (a repair, a restore): written beside it, synced, renamed.
    pub fn replace(&self, name: &str, frames: &[u8]) -> io::Result<u64> {
        self.forget(name);
        let tmp = self.dir.join(format!("{name}.{EXT}.new"));
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(frames);
        {
            let mut f = File::create(&tmp)?;
            f.write_all(&bytes)?;
            f.sync_all()?;
        }
        std::fs::rename(&tmp, self.path(name))?;
        sync_dir(&self.dir)?;
        Ok(bytes.len() as u64)
    }

    /// Cuts a journal back to `len`, keeping the bytes cut off in `aside` (nothing is dropped).
    pub fn cut(&self, name: &str, len: u64, aside: &Path) -> io::Result<()> {
        self.forget(name);
        let path = self.path(name);
        let bytes = std::fs::read(&path)?;
        write_durable(aside, &bytes[len.min(bytes.len() as u64) as usize..])?;
        let f = OpenOptions::new().write(true).open(&path)?;
        f.set_len(len)?;
        f.sync_all()
    }
}

/// Writes a new file and makes it and its name durable.
pub fn write_durable(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut f = File::create(path)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    if let Some(parent) = path.parent() {
        sync_dir(parent)?;
    }
    Ok(())
}

/// A new file's name is durable only once its folder is synced (POSIX); Windows has no such step
/// and cannot open a folder as a file.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    if cfg!(unix) {
        File::open(dir)?.sync_all()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_read_back_and_damage_is_located() {
        let mut bytes = MAGIC.to_vec();
        bytes.extend(frame(EVENT, b"one"));
        let second = bytes.len();
        bytes.extend(frame(BLOB, b"two"));
        let s = scan_bytes(&bytes);
        assert_eq!(s.frames, vec![(EVENT, b"one".to_vec()), (BLOB, b"two".to_vec())]);
        assert_eq!((s.good_len, s.bad), (bytes.len() as u64, None));

        let mut flipped = bytes.clone();
        flipped[second + HEADER + 1] ^= 0x10;
        let s = scan_bytes(&flipped);
        assert_eq!(s.frames.len(), 1);
        assert_eq!(s.bad, Some(Bad { offset: second as u64, frame: 1, truncated: false }));

        let s = scan_bytes(&bytes[..bytes.len() - 1]);
        assert_eq!(s.bad, Some(Bad { offset: second as u64, frame: 1, truncated: true }));
        assert_eq!(s.good_len, second as u64);
    }
}
