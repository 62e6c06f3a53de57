//! Inode numbers for the paths the kernel has seen, kept across renames, with each file's
//! unsynced data. Nodes are never forgotten: a test mount sees few files, and unsynced data must
//! outlive the kernel's interest in a file, as a page cache's does.

use crate::pending::Pending;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub struct Node {
    /// Relative to the backing dir ("" is its top); in the trash once removed.
    pub path: PathBuf,
    pub pending: Option<Pending>,
}

pub struct Inodes {
    by_path: HashMap<PathBuf, u64>,
    nodes: HashMap<u64, Node>,
    next: u64,
}

/// FUSE's number for the mount's top.
pub const ROOT: u64 = 1;

impl Inodes {
    pub fn new() -> Inodes {
        let mut inodes = Inodes { by_path: HashMap::new(), nodes: HashMap::new(), next: ROOT };
        inodes.ino(PathBuf::new());
        inodes
    }

    pub fn get(&self, ino: u64) -> Option<&Node> {
        self.nodes.get(&ino)
    }

    pub fn get_mut(&mut self, ino: u64) -> Option<&mut Node> {
        self.nodes.get_mut(&ino)
    }

    pub fn all_mut(&mut self) -> impl Iterator<Item = &mut Node> {
        self.nodes.values_mut()
    }

    /// The number of the entry at `path`, new if it has none yet.
    pub fn ino(&mut self, path: PathBuf) -> u64 {
        if let Some(&ino) = self.by_path.get(&path) {
            return ino;
        }
        let ino = self.next;
        self.next += 1;
        self.by_path.insert(path.clone(), ino);
        self.nodes.insert(ino, Node { path, pending: None });
        ino
    }

    /// The entry at `path` left the namespace and is now at `now` (in the trash): a new entry
    /// of that name gets a new number, while open handles of the old one keep working.
    pub fn unnamed(&mut self, path: &Path, now: PathBuf) {
        if let Some(ino) = self.by_path.remove(path) {
            self.nodes.get_mut(&ino).expect("indexed node").path = now;
        }
    }

    /// `from`, and everything under it, is now at `to`.
    pub fn moved(&mut self, from: &Path, to: &Path) {
        let moving: Vec<PathBuf> = self.by_path.keys().filter(|p| p.starts_with(from)).cloned().collect();
        for old in moving {
            let ino = self.by_path.remove(&old).expect("listed path");
            let new = to.join(old.strip_prefix(from).expect("under from"));
            self.nodes.get_mut(&ino).expect("indexed node").path = new.clone();
            self.by_path.insert(new, ino);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Inodes, ROOT};
    use std::path::{Path, PathBuf};

    #[test]
    fn numbers_follow_renames_and_removals() {
        let mut t = Inodes::new();
        assert_eq!(t.ino(PathBuf::new()), ROOT);
        let d = t.ino("d".into());
        let f = t.ino("d/f".into());
        t.moved(Path::new("d"), Path::new("e"));
        assert_eq!(t.ino("e/f".into()), f);
        assert_eq!(t.get(d).unwrap().path, Path::new("e"));
        t.unnamed(Path::new("e/f"), ".trash/1".into());
        assert_eq!(t.get(f).unwrap().path, Path::new(".trash/1"));
        assert_ne!(t.ino("e/f".into()), f);
    }
}
