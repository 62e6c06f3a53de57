//! A file's writes and size changes since its last fsync: what a page cache holds and a power
//! cut loses. Kept as the list of changes in order, so a read sees them laid over the backing
//! file exactly as the program made them, and an fsync replays them onto it.

use std::fs::File;
use std::io;
use std::os::unix::fs::FileExt;

enum Change {
    Write { offset: u64, data: Vec<u8> },
    Resize(u64),
}

pub struct Pending {
    /// The size the program sees.
    pub size: u64,
    changes: Vec<Change>,
}

impl Pending {
    /// Nothing pending yet over a backing file of `size` bytes.
    pub fn new(size: u64) -> Pending {
        Pending { size, changes: Vec::new() }
    }

    pub fn write(&mut self, offset: u64, data: &[u8]) {
        self.size = self.size.max(offset + data.len() as u64);
        self.changes.push(Change::Write { offset, data: data.to_vec() });
    }

    pub fn resize(&mut self, size: u64) {
        self.size = size;
        self.changes.push(Change::Resize(size));
    }

    /// Bytes held in memory (what a cut drops).
    pub fn bytes(&self) -> usize {
        self.changes.iter().map(|c| if let Change::Write { data, .. } = c { data.len() } else { 0 }).sum()
    }

    /// Up to `len` bytes at `offset` as the program sees them; `base` holds the backing file's
    /// bytes there (shorter where it ends, the rest reads as zeros).
    pub fn read(&self, offset: u64, len: usize, base: &[u8]) -> Vec<u8> {
        let end = self.size.min(offset + len as u64);
        let mut buf = vec![0; end.saturating_sub(offset) as usize];
        let n = base.len().min(buf.len());
        buf[..n].copy_from_slice(&base[..n]);
        let end = offset + buf.len() as u64;
        for change in &self.changes {
            match change {
                Change::Write { offset: at, data } => {
                    let (from, to) = ((*at).max(offset), (at + data.len() as u64).min(end));
                    if from < to {
                        buf[(from - offset) as usize..(to - offset) as usize]
                            .copy_from_slice(&data[(from - at) as usize..(to - at) as usize]);
                    }
                }
                // What a shrink cut off reads as zeros if the file grows again.
                Change::Resize(size) if *size < end => buf[((*size).max(offset) - offset) as usize..].fill(0),
                Change::Resize(_) => {}
            }
        }
        buf
    }

    /// Replays the changes onto the backing file (the caller then syncs it).
    pub fn apply(&self, file: &File) -> io::Result<()> {
        self.changes.iter().try_for_each(|c| apply(file, c))
    }

    /// A torn cut: writes back what the disk might have written before the power went — the
    /// first changes, in order, and part of the next write, cut at a 512-byte sector of the
    /// file. `pick(n)` draws from 0..n. Returns the bytes written back.
    pub fn tear(&self, file: &File, mut pick: impl FnMut(u64) -> u64) -> io::Result<u64> {
        let n = pick(self.changes.len() as u64 + 1) as usize;
        self.changes[..n].iter().try_for_each(|c| apply(file, c))?;
        let mut bytes: u64 = self.changes[..n]
            .iter()
            .map(|c| if let Change::Write { data, .. } = c { data.len() as u64 } else { 0 })
            .sum();
        if let Some(Change::Write { offset, data }) = self.changes.get(n) {
            let sectors = (offset + data.len() as u64).div_ceil(512) - offset / 512;
            let end = ((offset / 512 + pick(sectors)) * 512).max(*offset);
            let part = &data[..(end - offset) as usize];
            file.write_all_at(part, *offset)?;
            bytes += part.len() as u64;
        }
        Ok(bytes)
    }
}

fn apply(file: &File, change: &Change) -> io::Result<()> {
    match change {
        Change::Write { offset, data } => file.write_all_at(data, *offset),
        Change::Resize(size) => file.set_len(*size),
    }
}

#[cfg(test)]
mod tests {
    use super::Pending;

    #[test]
    fn reads_see_writes_and_shrinks_over_the_backing_bytes() {
        let base = b"abcdefgh";
        let mut p = Pending::new(8);
        p.write(2, b"XY");
        assert_eq!(p.read(0, 100, base), b"abXYefgh");
        p.resize(4);
        p.write(6, b"Z");
        // Bytes 4..6 were cut off by the shrink and read as zeros, not as the old "ef".
        assert_eq!(p.read(0, 100, base), b"abXY\0\0Z");
        assert_eq!(p.read(3, 2, &base[3..5]), b"Y\0");
        assert_eq!(p.size, 7);
        assert_eq!(p.bytes(), 3);
    }

    #[test]
    fn apply_gives_the_file_the_program_saw() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, b"abcdefgh").unwrap();
        let mut p = Pending::new(8);
        p.write(2, b"XY");
        p.resize(4);
        p.write(6, b"Z");
        let f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
        p.apply(&f).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"abXY\0\0Z");
    }

    #[test]
    fn a_torn_cut_keeps_the_first_changes_and_whole_sectors_of_the_next() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, b"").unwrap();
        let mut p = Pending::new(0);
        p.write(0, &[1; 100]);
        p.write(100, &[2; 2000]); // sectors 0..=4 of the file
        p.write(5000, &[3; 10]);
        let f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
        // The first change, and of the second the bytes before sector 3 (1536).
        let mut picks = [1, 3].into_iter();
        assert_eq!(p.tear(&f, |_| picks.next().unwrap()).unwrap(), 1536);
        let back = std::fs::read(&path).unwrap();
        assert_eq!(back.len(), 1536);
        assert!(back[..100].iter().all(|&b| b == 1) && back[100..].iter().all(|&b| b == 2));
    }
}
