//! lazyfs: a FUSE file system that loses what a power cut loses (LazyFS's approach), for
//! Yishi's power-cut test (tests/powercut.rs).
//!
//! ```text
//! lazyfs [--cut-after N] [--torn SEED] [--trace FILE] BACKING MOUNTPOINT
//! ```
//!
//! MOUNTPOINT shows BACKING. Every WRITE and size change stays in memory, per file, until that
//! file is fsynced (fsync or fdatasync): then it is written to the backing file, which is synced.
//! Reads and sizes show the unsynced data. The kernel's own write-back caching is off (FUSE's
//! default), so each write() arrives here as it happens; sync_file_range never reaches FUSE, so
//! it makes nothing durable — as on a disk whose cache a power cut empties.
//!
//! Namespace changes (create, mkdir, unlink, rmdir, rename) reach BACKING at once but stay
//! undoable until a directory is fsynced, which commits all of them so far, in order; a cut undoes
//! the rest (see journal.rs). So a new file survives a cut only once a directory fsync came after
//! its creation, not by fsyncing the file alone. Other changes (chmod) are kept at once; times and
//! owners are not passed on; links, symlinks and special files are not supported.
//!
//! The power cut — on SIGUSR1, or by itself right after the N-th mutating operation with
//! `--cut-after N` (WRITE, FSYNC, FSYNCDIR, CREATE, MKDIR, UNLINK, RMDIR, RENAME, SETATTR,
//! counted from 1) — happens between two operations: from then on nothing reaches BACKING and
//! every operation fails (EIO); unsynced data is dropped, uncommitted namespace changes undone,
//! and lazyfs prints one line saying what was lost. It stays mounted, failing, until SIGTERM or
//! SIGINT, then unmounts and exits 0: unmounted at once, the program cut off (still running until
//! it is killed) would resolve its paths in the directory under the mountpoint and carry on there
//! — creating folders and files and syncing them, so acknowledging writes that never reached
//! BACKING. Without a cut, SIGTERM/SIGINT (or an unmount from outside) stop cleanly instead:
//! everything is written and synced first, as at a shutdown.
//!
//! `--torn SEED` makes cuts torn: before dropping the rest, each file's unsynced data is written
//! back in part — its first changes in order, and of the next write the sectors (512 bytes) before
//! a random one — as a disk may have done before the power went; SEED makes it reproducible.
//!
//! It prints `lazyfs: mounted …` once the mount is live. `--trace FILE` logs every mutating
//! operation with its number. Hidden in the mount and removed on exit: BACKING/.lazyfs-trash.

#[cfg(target_os = "linux")]
mod fs;
#[cfg(target_os = "linux")]
mod inodes;
#[cfg(target_os = "linux")]
mod journal;
#[cfg(target_os = "linux")]
mod pending;

#[cfg(not(target_os = "linux"))]
fn main() {
    eprintln!("lazyfs: FUSE power-cut simulation runs on Linux only");
    std::process::exit(2);
}

/// What ends the mount.
#[cfg(target_os = "linux")]
enum Event {
    /// SIGTERM/SIGINT (after a cut, or a clean stop): unmount and exit.
    Down,
    /// The kernel ended the session (unmounted from outside).
    Ended(std::io::Result<()>),
}

#[cfg(target_os = "linux")]
fn main() {
    use std::sync::{mpsc, Arc, Mutex};

    let Args { backing, mountpoint, cut_after, torn, trace } = args().unwrap_or_else(|e| {
        eprintln!("lazyfs: {e}\nusage: lazyfs [--cut-after N] [--torn SEED] [--trace FILE] BACKING MOUNTPOINT");
        std::process::exit(2)
    });
    let die = |what: &str, e: std::io::Error| -> ! {
        eprintln!("lazyfs: {what}: {e}");
        std::process::exit(1)
    };
    // Before any thread starts, so that only the signal thread below ever takes them.
    let signals = block_signals();
    let root = backing.canonicalize().unwrap_or_else(|e| die(&format!("backing dir {}", backing.display()), e));
    let mnt = mountpoint.canonicalize().unwrap_or_else(|e| die(&format!("mountpoint {}", mountpoint.display()), e));
    let trace = trace.map(|p| std::fs::File::create(&p).unwrap_or_else(|e| die(&format!("trace {}", p.display()), e)));
    let state = fs::State::new(root.clone(), cut_after, torn, trace).unwrap_or_else(|e| die("trash folder", e));
    let state = Arc::new(Mutex::new(state));
    let (tx, rx) = mpsc::channel();

    let mut config = fuser::Config::default();
    config.mount_options = vec![fuser::MountOption::FSName("lazyfs".into())];
    let session = fuser::Session::new(fs::LazyFs::new(state.clone()), &mnt, &config)
        .unwrap_or_else(|e| die(&format!("mounting at {} (is /dev/fuse there, and fusermount3?)", mnt.display()), e));
    println!("lazyfs: mounted {} at {}", root.display(), mnt.display());

    let ended = tx.clone();
    std::thread::spawn(move || {
        let _ = ended.send(Event::Ended(session.run()));
    });
    std::thread::spawn(move || loop {
        let sig = wait_signal(&signals);
        let mut s = state.lock().unwrap_or_else(|e| e.into_inner());
        if sig == libc::SIGUSR1 {
            s.cut();
        } else {
            s.stop(); // nothing more after a cut
            let _ = tx.send(Event::Down);
        }
    });

    match rx.recv() {
        Ok(Event::Down) => {
            unmount(&mnt);
            std::process::exit(0)
        }
        Ok(Event::Ended(Ok(()))) => std::process::exit(0),
        Ok(Event::Ended(Err(e))) => die("session", e),
        Err(_) => std::process::exit(1),
    }
}

#[cfg(target_os = "linux")]
struct Args {
    backing: std::path::PathBuf,
    mountpoint: std::path::PathBuf,
    cut_after: Option<u64>,
    torn: Option<u64>,
    trace: Option<std::path::PathBuf>,
}

#[cfg(target_os = "linux")]
fn args() -> Result<Args, String> {
    let (mut cut_after, mut torn, mut trace, mut paths) = (None, None, None, Vec::new());
    let mut it = std::env::args_os().skip(1);
    while let Some(a) = it.next() {
        match a.to_str() {
            Some("--cut-after") => {
                cut_after = Some(number(it.next()).filter(|&n| n > 0).ok_or("--cut-after needs a count ≥ 1")?)
            }
            Some("--torn") => torn = Some(number(it.next()).ok_or("--torn needs a seed (a number)")?),
            Some("--trace") => trace = Some(it.next().ok_or("--trace needs a file")?.into()),
            _ => paths.push(std::path::PathBuf::from(a)),
        }
    }
    match <[_; 2]>::try_from(paths) {
        Ok([backing, mountpoint]) => Ok(Args { backing, mountpoint, cut_after, torn, trace }),
        Err(_) => Err("give a backing dir and a mountpoint".into()),
    }
}

/// The number given after an option.
#[cfg(target_os = "linux")]
fn number(value: Option<std::ffi::OsString>) -> Option<u64> {
    value?.to_str()?.parse().ok()
}

/// Blocks SIGUSR1 (cut), SIGTERM and SIGINT (clean stop) in this thread and every thread it
/// starts; `wait_signal` takes them.
#[cfg(target_os = "linux")]
fn block_signals() -> libc::sigset_t {
    // SAFETY: plain libc calls on a sigset_t owned here.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        for sig in [libc::SIGUSR1, libc::SIGTERM, libc::SIGINT] {
            libc::sigaddset(&mut set, sig);
        }
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
        set
    }
}

#[cfg(target_os = "linux")]
fn wait_signal(set: &libc::sigset_t) -> libc::c_int {
    let mut sig = 0;
    // SAFETY: `set` is an initialised signal set; sigwait only writes `sig`.
    while unsafe { libc::sigwait(set, &mut sig) } != 0 {}
    sig
}

/// Lazily (MNT_DETACH), in case files are still open here: they fail once lazyfs has exited.
/// Without root, the setuid helper does it.
#[cfg(target_os = "linux")]
fn unmount(mnt: &std::path::Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(mnt.as_os_str().as_bytes()).expect("no NUL in a path");
    // SAFETY: a valid C string.
    if unsafe { libc::umount2(c.as_ptr(), libc::MNT_DETACH) } != 0 {
        let _ = std::process::Command::new("fusermount3").args(["-u", "-z", "-q", "--"]).arg(mnt).status();
    }
}
