//! The FUSE file system: everything passes through to the backing dir except file data, which
//! stays in memory (`Pending`) until the file is fsynced, and namespace changes, which a cut can
//! undo until a directory is fsynced (`Journal`). All state sits behind one lock, taken by every
//! operation and by the cut, so a cut falls between two operations, never inside one.

use crate::inodes::{Inodes, ROOT};
use crate::journal::{Journal, TRASH};
use crate::pending::Pending;
use fuser::{
    Errno, FileAttr, FileHandle, FileType, Filesystem, FopenFlags, Generation, INodeNo, LockOwner, OpenFlags,
    RenameFlags, ReplyAttr, ReplyCreate, ReplyData, ReplyDirectory, ReplyEmpty, ReplyEntry, ReplyOpen, ReplyStatfs,
    ReplyWrite, Request, WriteFlags,
};
use std::ffi::OsStr;
use std::fmt;
use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{DirBuilderExt, FileExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// How long the kernel may cache names and attributes; lazyfs is the only writer.
const TTL: Duration = Duration::from_secs(1);

pub struct State {
    root: PathBuf,
    inodes: Inodes,
    journal: Journal,
    /// Mutating operations so far (WRITE, FSYNC, FSYNCDIR, CREATE, MKDIR, UNLINK, RMDIR, RENAME, SETATTR).
    ops: u64,
    cut_after: Option<u64>,
    /// After a cut (or a clean stop): nothing reaches the backing dir, every operation fails.
    down: bool,
    /// `--torn`: the random state that picks what a cut writes back.
    torn: Option<u64>,
    trace: Option<BufWriter<File>>,
}

type Res<T> = Result<T, Errno>;

impl State {
    pub fn new(root: PathBuf, cut_after: Option<u64>, torn: Option<u64>, trace: Option<File>) -> io::Result<State> {
        let journal = Journal::new(&root)?;
        Ok(State {
            root,
            inodes: Inodes::new(),
            journal,
            ops: 0,
            cut_after,
            down: false,
            torn,
            trace: trace.map(BufWriter::new),
        })
    }

    /// The power cut: unsynced data dropped, uncommitted namespace changes undone, and from now
    /// on every operation fails. Prints what was lost. The mount stays: unmounted, the program
    /// cut off would go on in the directory underneath (see main.rs).
    pub fn cut(&mut self) {
        if self.down {
            return;
        }
        self.down = true;
        let (mut files, mut bytes, mut kept) = (0, 0, 0);
        for node in self.inodes.all_mut() {
            if let Some(p) = node.pending.take() {
                files += 1;
                bytes += p.bytes() as u64;
                if let Some(seed) = &mut self.torn {
                    let torn = OpenOptions::new().write(true).open(self.root.join(&node.path));
                    match torn.and_then(|f| p.tear(&f, |n| random(seed) % n)) {
                        Ok(n) => kept += n,
                        Err(e) => eprintln!("lazyfs: tearing {} failed: {e}", node.path.display()),
                    }
                }
            }
        }
        let undone = self.journal.roll_back();
        self.journal.empty_trash();
        let torn = if self.torn.is_some() { format!(" (torn: {kept} written back)") } else { String::new() };
        let report = format!(
            "lazyfs: power cut after {} ops: dropped {} unsynced bytes in {files} files{torn}, undid {undone} namespace changes",
            self.ops,
            bytes - kept
        );
        if let Some(t) = &mut self.trace {
            let _ = writeln!(t, "CUT {report}");
            let _ = t.flush();
        }
        // Not println!: should the reader be gone, the cut must not panic.
        let _ = writeln!(io::stdout(), "{report}");
    }

    /// A clean stop (SIGTERM, or unmounted from outside): like a shutdown's final sync,
    /// everything is written and kept.
    pub fn stop(&mut self) {
        if self.down {
            return;
        }
        self.down = true;
        let root = self.root.clone();
        for node in self.inodes.all_mut() {
            if let Some(p) = node.pending.take() {
                let synced = OpenOptions::new().write(true).open(root.join(&node.path)).and_then(|f| {
                    p.apply(&f)?;
                    f.sync_all()
                });
                if let Err(e) = synced {
                    eprintln!("lazyfs: writing {} at stop failed: {e}", node.path.display());
                }
            }
        }
        self.journal.commit();
        self.journal.empty_trash();
        if let Some(t) = &mut self.trace {
            let _ = t.flush();
        }
    }

    fn rel(&self, ino: INodeNo) -> Res<&Path> {
        self.inodes.get(ino.0).map(|n| n.path.as_path()).ok_or(Errno::ENOENT)
    }

    fn abs(&self, ino: INodeNo) -> Res<PathBuf> {
        Ok(self.root.join(self.rel(ino)?))
    }

    /// The path of `name` in folder `parent`; the trash is not part of the mounted view.
    fn child(&self, parent: INodeNo, name: &OsStr) -> Res<PathBuf> {
        if parent.0 == ROOT && name == TRASH {
            return Err(Errno::EACCES);
        }
        Ok(self.rel(parent)?.join(name))
    }

    fn attr(&self, ino: u64, m: &Metadata) -> FileAttr {
        let pending = self.inodes.get(ino).and_then(|n| n.pending.as_ref());
        let time = |secs: i64, nanos: i64| UNIX_EPOCH + Duration::new(secs.max(0) as u64, nanos as u32);
        FileAttr {
            ino: INodeNo(ino),
            size: pending.map_or(m.len(), |p| p.size),
            blocks: pending.map_or(m.blocks(), |p| p.size.div_ceil(512)),
            atime: time(m.atime(), m.atime_nsec()),
            mtime: time(m.mtime(), m.mtime_nsec()),
            ctime: time(m.ctime(), m.ctime_nsec()),
            crtime: SystemTime::UNIX_EPOCH,
            kind: FileType::from_std(m.file_type()).unwrap_or(FileType::RegularFile),
            perm: (m.mode() & 0o7777) as u16,
            nlink: m.nlink() as u32,
            uid: m.uid(),
            gid: m.gid(),
            rdev: m.rdev() as u32,
            blksize: 4096,
            flags: 0,
        }
    }

    fn getattr(&self, ino: INodeNo) -> Res<FileAttr> {
        Ok(self.attr(ino.0, &fs::symlink_metadata(self.abs(ino)?)?))
    }

    fn lookup(&mut self, parent: INodeNo, name: &OsStr) -> Res<FileAttr> {
        let rel = self.child(parent, name).map_err(|_| Errno::ENOENT)?;
        let m = fs::symlink_metadata(self.root.join(&rel))?;
        let ino = self.inodes.ino(rel);
        Ok(self.attr(ino, &m))
    }

    fn read(&self, ino: INodeNo, offset: u64, size: u32) -> Res<Vec<u8>> {
        let file = File::open(self.abs(ino)?)?;
        let mut base = vec![0; size as usize];
        let mut got = 0;
        while got < base.len() {
            match file.read_at(&mut base[got..], offset + got as u64)? {
                0 => break,
                n => got += n,
            }
        }
        base.truncate(got);
        Ok(match &self.inodes.get(ino.0).ok_or(Errno::ENOENT)?.pending {
            Some(p) => p.read(offset, size as usize, &base),
            None => base,
        })
    }

    /// The file's unsynced changes, begun over its backing size.
    fn pending(&mut self, ino: INodeNo) -> Res<&mut Pending> {
        if self.inodes.get(ino.0).ok_or(Errno::ENOENT)?.pending.is_none() {
            let size = fs::symlink_metadata(self.abs(ino)?)?.len();
            self.inodes.get_mut(ino.0).ok_or(Errno::ENOENT)?.pending = Some(Pending::new(size));
        }
        Ok(self.inodes.get_mut(ino.0).and_then(|n| n.pending.as_mut()).expect("just made"))
    }

    fn setattr(&mut self, ino: INodeNo, mode: Option<u32>, size: Option<u64>) -> Res<FileAttr> {
        if let Some(size) = size {
            self.pending(ino)?.resize(size);
        }
        if let Some(mode) = mode {
            fs::set_permissions(self.abs(ino)?, fs::Permissions::from_mode(mode & 0o7777))?;
        }
        self.getattr(ino)
    }

    fn fsync(&mut self, ino: INodeNo, datasync: bool) -> Res<()> {
        let path = self.abs(ino)?;
        let node = self.inodes.get_mut(ino.0).ok_or(Errno::ENOENT)?;
        let file = match &node.pending {
            Some(p) => {
                let f = OpenOptions::new().write(true).open(&path)?;
                p.apply(&f)?;
                f
            }
            None => File::open(&path)?,
        };
        if datasync { file.sync_data() } else { file.sync_all() }?;
        node.pending = None;
        Ok(())
    }

    fn fsyncdir(&mut self, ino: INodeNo) -> Res<()> {
        File::open(self.abs(ino)?)?.sync_all()?;
        self.journal.commit();
        Ok(())
    }

    fn create(&mut self, parent: INodeNo, name: &OsStr, mode: u32) -> Res<FileAttr> {
        let rel = self.child(parent, name)?;
        OpenOptions::new().write(true).create_new(true).mode(mode & 0o7777).open(self.root.join(&rel))?;
        self.made(rel)
    }

    fn mkdir(&mut self, parent: INodeNo, name: &OsStr, mode: u32) -> Res<FileAttr> {
        let rel = self.child(parent, name)?;
        fs::DirBuilder::new().mode(mode & 0o7777).create(self.root.join(&rel))?;
        self.made(rel)
    }

    fn made(&mut self, rel: PathBuf) -> Res<FileAttr> {
        self.journal.made(&rel);
        let m = fs::symlink_metadata(self.root.join(&rel))?;
        let ino = self.inodes.ino(rel);
        Ok(self.attr(ino, &m))
    }

    fn remove(&mut self, parent: INodeNo, name: &OsStr, dir: bool) -> Res<()> {
        let rel = self.child(parent, name)?;
        let abs = self.root.join(&rel);
        let is_dir = fs::symlink_metadata(&abs)?.is_dir();
        match (dir, is_dir) {
            (false, true) => return Err(Errno::EISDIR),
            (true, false) => return Err(Errno::ENOTDIR),
            (true, true) if fs::read_dir(&abs)?.next().is_some() => return Err(Errno::from_i32(libc::ENOTEMPTY)),
            _ => {}
        }
        let now = self.journal.remove(&rel)?;
        self.inodes.unnamed(&rel, now);
        Ok(())
    }

    fn rename(&mut self, from: (INodeNo, &OsStr), to: (INodeNo, &OsStr), flags: RenameFlags) -> Res<()> {
        let (from, to) = (self.child(from.0, from.1)?, self.child(to.0, to.1)?);
        if flags.intersects(RenameFlags::RENAME_EXCHANGE | RenameFlags::RENAME_WHITEOUT) {
            return Err(Errno::EINVAL);
        }
        if flags.contains(RenameFlags::RENAME_NOREPLACE) && fs::symlink_metadata(self.root.join(&to)).is_ok() {
            return Err(Errno::EEXIST);
        }
        let kept = self.journal.rename(&from, &to)?;
        // A folder the rename replaced was empty and is gone: its number points nowhere.
        self.inodes.unnamed(&to, kept.unwrap_or_else(|| Path::new(TRASH).join("replaced")));
        self.inodes.moved(&from, &to);
        Ok(())
    }

    /// The folder's entries with their numbers and kinds, sorted so offsets stay meaningful.
    fn entries(&mut self, ino: INodeNo) -> Res<Vec<(u64, FileType, Vec<u8>)>> {
        let rel = self.rel(ino)?.to_path_buf();
        let up = if ino.0 == ROOT { ROOT } else { self.inodes.ino(rel.parent().unwrap_or(Path::new("")).into()) };
        let mut names = Vec::new();
        for e in fs::read_dir(self.root.join(&rel))? {
            let e = e?;
            if ino.0 == ROOT && e.file_name() == TRASH {
                continue;
            }
            let kind = FileType::from_std(e.file_type()?).unwrap_or(FileType::RegularFile);
            names.push((e.file_name(), kind));
        }
        names.sort_by(|a, b| a.0.cmp(&b.0));
        let mut out = vec![(ino.0, FileType::Directory, b".".to_vec()), (up, FileType::Directory, b"..".to_vec())];
        for (name, kind) in names {
            let n = self.inodes.ino(rel.join(&name));
            out.push((n, kind, name.as_bytes().to_vec()));
        }
        Ok(out)
    }

    fn statfs(&self) -> Res<libc::statvfs> {
        let path = std::ffi::CString::new(self.root.as_os_str().as_bytes()).map_err(|_| Errno::EINVAL)?;
        // SAFETY: a valid C string and a zeroed plain-data struct for the kernel to fill.
        let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
        if unsafe { libc::statvfs(path.as_ptr(), &mut st) } != 0 {
            return Err(io::Error::last_os_error().into());
        }
        Ok(st)
    }
}

/// splitmix64: enough to pick what a torn cut keeps, reproducibly from `--torn SEED`.
fn random(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

pub struct LazyFs {
    state: Arc<Mutex<State>>,
}

impl LazyFs {
    pub fn new(state: Arc<Mutex<State>>) -> LazyFs {
        LazyFs { state }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// An operation that changes nothing; it fails once the power is cut.
    fn look<T>(&self, f: impl FnOnce(&mut State) -> Res<T>) -> Res<T> {
        let mut s = self.lock();
        if s.down {
            return Err(Errno::EIO);
        }
        f(&mut s)
    }

    /// A mutating operation: counted, traced, and with `--cut-after N` the N-th is the last
    /// (it takes effect, then the power is cut before anything else runs).
    fn change<T>(
        &self,
        op: &str,
        ino: INodeNo,
        detail: fmt::Arguments,
        f: impl FnOnce(&mut State) -> Res<T>,
    ) -> Res<T> {
        let mut s = self.lock();
        if s.down {
            return Err(Errno::EIO);
        }
        if s.trace.is_some() {
            let line = format!("{} {op} /{} {detail}", s.ops + 1, s.rel(ino).unwrap_or(Path::new("?")).display());
            let _ = writeln!(s.trace.as_mut().expect("tracing"), "{line}");
        }
        let result = f(&mut s);
        s.ops += 1;
        if Some(s.ops) == s.cut_after {
            s.cut();
        }
        result
    }
}

fn entry(reply: ReplyEntry, r: Res<FileAttr>) {
    match r {
        Ok(a) => reply.entry(&TTL, &a, Generation(0)),
        Err(e) => reply.error(e),
    }
}

fn empty(reply: ReplyEmpty, r: Res<()>) {
    match r {
        Ok(()) => reply.ok(),
        Err(e) => reply.error(e),
    }
}

impl Filesystem for LazyFs {
    /// Unmounted from outside: a clean stop keeps everything.
    fn destroy(&mut self) {
        self.lock().stop();
    }

    fn lookup(&self, _req: &Request, parent: INodeNo, name: &OsStr, reply: ReplyEntry) {
        entry(reply, self.look(|s| s.lookup(parent, name)));
    }

    fn getattr(&self, _req: &Request, ino: INodeNo, _fh: Option<FileHandle>, reply: ReplyAttr) {
        match self.look(|s| s.getattr(ino)) {
            Ok(a) => reply.attr(&TTL, &a),
            Err(e) => reply.error(e),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn setattr(
        &self,
        _req: &Request,
        ino: INodeNo,
        mode: Option<u32>,
        _uid: Option<u32>,
        _gid: Option<u32>,
        size: Option<u64>,
        _atime: Option<fuser::TimeOrNow>,
        _mtime: Option<fuser::TimeOrNow>,
        _ctime: Option<SystemTime>,
        _fh: Option<FileHandle>,
        _crtime: Option<SystemTime>,
        _chgtime: Option<SystemTime>,
        _bkuptime: Option<SystemTime>,
        _flags: Option<fuser::BsdFileFlags>,
        reply: ReplyAttr,
    ) {
        let r =
            self.change("SETATTR", ino, format_args!("size={size:?} mode={mode:?}"), |s| s.setattr(ino, mode, size));
        match r {
            Ok(a) => reply.attr(&TTL, &a),
            Err(e) => reply.error(e),
        }
    }

    fn mkdir(&self, _req: &Request, parent: INodeNo, name: &OsStr, mode: u32, umask: u32, reply: ReplyEntry) {
        let r =
            self.change("MKDIR", parent, format_args!("{}", name.display()), |s| s.mkdir(parent, name, mode & !umask));
        entry(reply, r);
    }

    fn unlink(&self, _req: &Request, parent: INodeNo, name: &OsStr, reply: ReplyEmpty) {
        empty(
            reply,
            self.change("UNLINK", parent, format_args!("{}", name.display()), |s| s.remove(parent, name, false)),
        );
    }

    fn rmdir(&self, _req: &Request, parent: INodeNo, name: &OsStr, reply: ReplyEmpty) {
        empty(
            reply,
            self.change("RMDIR", parent, format_args!("{}", name.display()), |s| s.remove(parent, name, true)),
        );
    }

    fn rename(
        &self,
        _req: &Request,
        parent: INodeNo,
        name: &OsStr,
        newparent: INodeNo,
        newname: &OsStr,
        flags: RenameFlags,
        reply: ReplyEmpty,
    ) {
        let r = self.change(
            "RENAME",
            parent,
            format_args!("{} -> #{newparent}/{}", name.display(), newname.display()),
            |s| s.rename((parent, name), (newparent, newname), flags),
        );
        empty(reply, r);
    }

    fn open(&self, _req: &Request, ino: INodeNo, _flags: OpenFlags, reply: ReplyOpen) {
        // Nothing is held open on the backing side: each operation opens the file by path.
        // (O_TRUNC arrives as a SETATTR: lazyfs does not ask for atomic O_TRUNC.)
        match self.look(|s| s.abs(ino).map(drop)) {
            Ok(()) => reply.opened(FileHandle(0), FopenFlags::empty()),
            Err(e) => reply.error(e),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn read(
        &self,
        _req: &Request,
        ino: INodeNo,
        _fh: FileHandle,
        offset: u64,
        size: u32,
        _flags: OpenFlags,
        _lock_owner: Option<LockOwner>,
        reply: ReplyData,
    ) {
        match self.look(|s| s.read(ino, offset, size)) {
            Ok(data) => reply.data(&data),
            Err(e) => reply.error(e),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn write(
        &self,
        _req: &Request,
        ino: INodeNo,
        _fh: FileHandle,
        offset: u64,
        data: &[u8],
        _write_flags: WriteFlags,
        _flags: OpenFlags,
        _lock_owner: Option<LockOwner>,
        reply: ReplyWrite,
    ) {
        let r = self.change("WRITE", ino, format_args!("{offset}+{}", data.len()), |s| {
            s.pending(ino)?.write(offset, data);
            Ok(data.len() as u32)
        });
        match r {
            Ok(n) => reply.written(n),
            Err(e) => reply.error(e),
        }
    }

    /// close() promises nothing about durability.
    fn flush(&self, _req: &Request, _ino: INodeNo, _fh: FileHandle, _lock_owner: LockOwner, reply: ReplyEmpty) {
        reply.ok();
    }

    fn fsync(&self, _req: &Request, ino: INodeNo, _fh: FileHandle, datasync: bool, reply: ReplyEmpty) {
        empty(reply, self.change("FSYNC", ino, format_args!("datasync={datasync}"), |s| s.fsync(ino, datasync)));
    }

    fn readdir(&self, _req: &Request, ino: INodeNo, _fh: FileHandle, offset: u64, mut reply: ReplyDirectory) {
        match self.look(|s| s.entries(ino)) {
            Ok(entries) => {
                for (i, (n, kind, name)) in entries.iter().enumerate().skip(offset as usize) {
                    if reply.add(INodeNo(*n), i as u64 + 1, *kind, OsStr::from_bytes(name)) {
                        break;
                    }
                }
                reply.ok();
            }
            Err(e) => reply.error(e),
        }
    }

    fn fsyncdir(&self, _req: &Request, ino: INodeNo, _fh: FileHandle, datasync: bool, reply: ReplyEmpty) {
        empty(reply, self.change("FSYNCDIR", ino, format_args!("datasync={datasync}"), |s| s.fsyncdir(ino)));
    }

    fn statfs(&self, _req: &Request, _ino: INodeNo, reply: ReplyStatfs) {
        match self.look(|s| s.statfs()) {
            Ok(st) => reply.statfs(
                st.f_blocks,
                st.f_bfree,
                st.f_bavail,
                st.f_files,
                st.f_ffree,
                st.f_bsize as u32,
                st.f_namemax as u32,
                st.f_frsize as u32,
            ),
            Err(e) => reply.error(e),
        }
    }

    fn create(
        &self,
        _req: &Request,
        parent: INodeNo,
        name: &OsStr,
        mode: u32,
        umask: u32,
        _flags: i32,
        reply: ReplyCreate,
    ) {
        let r = self
            .change("CREATE", parent, format_args!("{}", name.display()), |s| s.create(parent, name, mode & !umask));
        match r {
            Ok(a) => reply.created(&TTL, &a, Generation(0), FileHandle(0), FopenFlags::empty()),
            Err(e) => reply.error(e),
        }
    }
}
