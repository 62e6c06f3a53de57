//! Namespace changes (create, mkdir, unlink, rmdir, rename) reach the backing dir at once, each
//! logged with how to undo it. As with the one journal of a journaling file system, an FSYNCDIR
//! makes every change so far permanent, in order, and a power cut undoes the rest, newest first:
//! the backing dir always shows a prefix of the changes. A file's FSYNC makes its data durable,
//! not its name, so a new file survives a cut only once some directory has been fsynced after it.
//!
//! Removed entries wait in a hidden trash folder in the backing dir (a rename within one file
//! system, so undoing is a rename back, and open files keep working); lazyfs empties it on exit.

use std::fs;
use std::io;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// The trash folder's name at the backing dir's top; hidden from the mounted view.
pub const TRASH: &str = ".lazyfs-trash";

enum Undo {
    /// A name was made: remove what it names.
    Remove(PathBuf),
    /// Something moved from `.1` to `.0` (a rename, or a removal into the trash): move it back.
    MoveBack(PathBuf, PathBuf),
    /// An empty folder a rename replaced: make it again, with its mode.
    Mkdir(PathBuf, u32),
}

pub struct Journal {
    root: PathBuf,
    undo: Vec<Undo>,
    trashed: u64,
}

impl Journal {
    /// Paths given to the journal are relative to `root`, the backing dir.
    pub fn new(root: &Path) -> io::Result<Journal> {
        let trash = root.join(TRASH);
        // Left by a lazyfs that was killed outright: its changes are as they were.
        if trash.exists() {
            fs::remove_dir_all(&trash)?;
        }
        fs::create_dir(&trash)?;
        Ok(Journal { root: root.to_path_buf(), undo: Vec::new(), trashed: 0 })
    }

    fn abs(&self, rel: &Path) -> PathBuf {
        self.root.join(rel)
    }

    /// `rel` was just created (a file or folder).
    pub fn made(&mut self, rel: &Path) {
        self.undo.push(Undo::Remove(rel.to_path_buf()));
    }

    /// Unlink or rmdir: moves `rel` into the trash and returns where it is now.
    pub fn remove(&mut self, rel: &Path) -> io::Result<PathBuf> {
        self.trashed += 1;
        let to = Path::new(TRASH).join(self.trashed.to_string());
        fs::rename(self.abs(rel), self.abs(&to))?;
        self.undo.push(Undo::MoveBack(to.clone(), rel.to_path_buf()));
        Ok(to)
    }

    /// Renames `from` to `to`. A file it replaces stays reachable in the trash (a hard link made
    /// first); its path there is returned. Whether the rename is allowed (a folder over a
    /// non-empty one, a file over a folder…) the backing file system decides.
    pub fn rename(&mut self, from: &Path, to: &Path) -> io::Result<Option<PathBuf>> {
        let replaced = match fs::symlink_metadata(self.abs(to)) {
            Ok(m) => Some(m),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        let mut kept = None;
        if let Some(m) = &replaced {
            if !m.is_dir() {
                self.trashed += 1;
                let t = Path::new(TRASH).join(self.trashed.to_string());
                fs::hard_link(self.abs(to), self.abs(&t))?;
                kept = Some(t);
            }
        }
        if let Err(e) = fs::rename(self.abs(from), self.abs(to)) {
            if let Some(t) = &kept {
                let _ = fs::remove_file(self.abs(t));
            }
            return Err(e);
        }
        match (&replaced, &kept) {
            (_, Some(t)) => self.undo.push(Undo::MoveBack(t.clone(), to.to_path_buf())),
            (Some(m), None) => self.undo.push(Undo::Mkdir(to.to_path_buf(), m.permissions().mode())),
            (None, None) => {}
        }
        self.undo.push(Undo::MoveBack(to.to_path_buf(), from.to_path_buf()));
        Ok(kept)
    }

    /// FSYNCDIR: every change so far is permanent.
    pub fn commit(&mut self) {
        self.undo.clear();
    }

    /// The power cut: undoes every change since the last commit, newest first. Returns how many.
    pub fn roll_back(&mut self) -> usize {
        let n = self.undo.len();
        while let Some(u) = self.undo.pop() {
            let done = match &u {
                Undo::Remove(p) => {
                    let p = self.abs(p);
                    if p.is_dir() {
                        fs::remove_dir_all(&p)
                    } else {
                        fs::remove_file(&p)
                    }
                }
                Undo::MoveBack(now, was) => fs::rename(self.abs(now), self.abs(was)),
                Undo::Mkdir(p, mode) => fs::DirBuilder::new().mode(*mode).create(self.abs(p)),
            };
            if let Err(e) = done {
                eprintln!("lazyfs: undoing a namespace change failed: {e}");
            }
        }
        n
    }

    /// At exit: what was removed for good.
    pub fn empty_trash(&self) {
        let _ = fs::remove_dir_all(self.abs(Path::new(TRASH)));
    }
}

#[cfg(test)]
mod tests {
    use super::Journal;
    use std::fs;
    use std::path::Path;

    #[test]
    fn a_cut_undoes_what_no_directory_fsync_committed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::write(root.join("kept"), b"old").unwrap();
        fs::write(root.join("gone"), b"g").unwrap();
        let mut j = Journal::new(root).unwrap();

        fs::write(root.join("committed"), b"c").unwrap();
        j.made(Path::new("committed"));
        j.commit();

        // The write-temp-then-rename pattern, and a removal, neither committed.
        fs::write(root.join("tmp"), b"new").unwrap();
        j.made(Path::new("tmp"));
        let kept = j.rename(Path::new("tmp"), Path::new("kept")).unwrap().unwrap();
        assert_eq!(fs::read(root.join(&kept)).unwrap(), b"old");
        j.remove(Path::new("gone")).unwrap();
        fs::create_dir(root.join("d")).unwrap();
        j.made(Path::new("d"));
        assert_eq!(fs::read(root.join("kept")).unwrap(), b"new");

        assert_eq!(j.roll_back(), 5);
        j.empty_trash();
        let mut names: Vec<_> = fs::read_dir(root).unwrap().map(|e| e.unwrap().file_name()).collect();
        names.sort();
        assert_eq!(names, ["committed", "gone", "kept"]);
        assert_eq!(fs::read(root.join("kept")).unwrap(), b"old");
    }
}
