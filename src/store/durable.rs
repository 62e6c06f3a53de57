//! Durable before acknowledged. sled's flush ends, on Linux, with `sync_file_range`: the pages
//! reach the disk queue, but neither the drive's write cache nor the file's new size need be
//! stable, so a power cut right after an acknowledgement could still lose it (on other systems
//! sled calls fsync itself). Large values — signature images — sled writes to files of their own
//! under `blobs/` (any page too large to keep inline) and never syncs at all. So after every flush
//! the store syncs the log file, and any blob file new since the last flush, and their folder.

use std::collections::HashSet;
use std::ffi::OsString;
use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

pub struct Durable {
    /// sled's log (`db`), opened a second time: a sync reaches the file whichever handle asks.
    /// Writable, because Windows flushes only through a handle that may write.
    log: File,
    blobs: PathBuf,
    /// The blob files known to be durable.
    known: Mutex<HashSet<OsString>>,
}

impl Durable {
    /// After sled has opened (and so created) the store in `dir`: the store's own files are
    /// made durable in their folder once, then the log is held for syncing.
    pub fn open(dir: &Path) -> io::Result<Durable> {
        let log = OpenOptions::new().read(true).write(true).open(dir.join("db"))?;
        log.sync_all()?;
        sync_dir(dir)?;
        let blobs = dir.join("blobs");
        let known = Mutex::new(blob_names(&blobs)?);
        let durable = Durable { log, blobs, known };
        // What an earlier process wrote and a crash left unsynced.
        for name in durable.known.lock().unwrap_or_else(|e| e.into_inner()).iter() {
            sync_file(&durable.blobs.join(name))?;
        }
        sync_dir(&durable.blobs).or_else(|e| if e.kind() == io::ErrorKind::NotFound { Ok(()) } else { Err(e) })?;
        Ok(durable)
    }

    /// After sled's flush: the log's data (fdatasync) and any new blob file on stable storage.
    pub fn sync(&self) -> io::Result<()> {
        self.log.sync_data()?;
        let mut known = self.known.lock().unwrap_or_else(|e| e.into_inner());
        let now = blob_names(&self.blobs)?;
        let new: Vec<_> = now.difference(&known).cloned().collect();
        for name in &new {
            sync_file(&self.blobs.join(name))?;
        }
        if !new.is_empty() {
            sync_dir(&self.blobs)?;
        }
        *known = now;
        Ok(())
    }
}

fn blob_names(blobs: &Path) -> io::Result<HashSet<OsString>> {
    match std::fs::read_dir(blobs) {
        Ok(entries) => entries.map(|e| e.map(|e| e.file_name())).collect(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(HashSet::new()),
        Err(e) => Err(e),
    }
}

/// A blob sled has meanwhile collected (gone) needs no syncing.
fn sync_file(path: &Path) -> io::Result<()> {
    match OpenOptions::new().read(true).write(true).open(path) {
        Ok(f) => f.sync_all(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// A new file's name is durable only once its folder is synced (POSIX); Windows has no such step
/// and cannot open a folder as a file.
fn sync_dir(dir: &Path) -> io::Result<()> {
    if cfg!(unix) {
        File::open(dir)?.sync_all()?;
    }
    Ok(())
}
