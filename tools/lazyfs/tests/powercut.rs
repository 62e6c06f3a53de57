//! Power-cut test: the real `yishi apply --acks` runs a long scripted meeting on a store whose
//! data dir is a lazyfs mount (../src/main.rs) over a backing dir, and the power is cut at a
//! random point: after a random number of mutating file operations, or at a random moment. All
//! that was written but not fsynced is lost (in half the cuts, torn: part of it written back
//! first); yishi is then killed (SIGKILL). The backing dir,
//! opened as after a reboot, must hold every acknowledged intent, its chains must verify, and the
//! meeting must continue from where it stopped. Cuts: $YISHI_POWERCUTS (default 100); the cut
//! points come from $YISHI_POWERCUT_SEED (printed; random if unset). The yishi binary is the one
//! `cargo test --workspace` builds beside lazyfs, or $YISHI_BIN.
//!
//! Not vacuous: lazyfs is shown to drop unsynced writes below, and the store as it was before it
//! synced its own writes (commit e61f05c, sled's flush alone) lost all 114 intents acknowledged
//! before the third cut.
//!
//! FUSE is required: without /dev/fuse the tests fail (scripts/setup-system.sh installs fuse3).

#![cfg(target_os = "linux")]

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::io::{BufRead, BufReader};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};
use yishi::ids::MeetingId;
use yishi::store::Store;

const LAZYFS: &str = env!("CARGO_BIN_EXE_lazyfs");

/// A machine without FUSE is not set up, which must not pass as a success.
fn need_fuse() {
    let setup = "run scripts/setup-system.sh (it installs fuse3), on a machine or container that has /dev/fuse \
                 (docker: --device /dev/fuse --cap-add SYS_ADMIN)";
    assert!(Path::new("/dev/fuse").exists(), "FUSE unavailable: /dev/fuse is missing; {setup}");
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    let helper =
        std::env::var_os("PATH").is_some_and(|p| std::env::split_paths(&p).any(|d| d.join("fusermount3").is_file()));
    assert!(root || helper, "FUSE unavailable: not root and no fusermount3 on PATH; {setup}");
}

fn yishi_bin() -> PathBuf {
    let bin =
        std::env::var_os("YISHI_BIN").map(PathBuf::from).unwrap_or_else(|| Path::new(LAZYFS).with_file_name("yishi"));
    assert!(
        bin.is_file(),
        "no yishi binary at {}: `cargo test --workspace` builds it; with `-p yishi-lazyfs` alone run \
         `cargo build --bin yishi` first, or set YISHI_BIN",
        bin.display()
    );
    bin
}

fn mounted(mnt: &Path) -> bool {
    let info = std::fs::read_to_string("/proc/self/mountinfo").unwrap();
    info.lines().any(|l| l.split(' ').nth(4) == Some(mnt.to_str().unwrap()))
}

/// A running lazyfs mount.
struct Lazyfs {
    child: Child,
    mnt: PathBuf,
    lines: mpsc::Receiver<String>,
}

impl Lazyfs {
    fn mount(backing: &Path, mnt: &Path, cut_after: Option<u64>, torn: Option<u64>, trace: &Path) -> Lazyfs {
        let mut cmd = Command::new(LAZYFS);
        if let Some(n) = cut_after {
            cmd.arg("--cut-after").arg(n.to_string());
        }
        if let Some(seed) = torn {
            cmd.arg("--torn").arg(seed.to_string());
        }
        let mut child = cmd.arg("--trace").arg(trace).arg(backing).arg(mnt).stdout(Stdio::piped()).spawn().unwrap();
        let (tx, lines) = mpsc::channel();
        let out = child.stdout.take().unwrap();
        std::thread::spawn(move || BufReader::new(out).lines().map_while(Result::ok).try_for_each(|l| tx.send(l)));
        match lines.recv_timeout(Duration::from_secs(20)) {
            Ok(l) if l.starts_with("lazyfs: mounted") => {}
            other => {
                let _ = child.kill();
                panic!(
                    "lazyfs did not mount at {} ({other:?}, its error above): FUSE unavailable? \
                     run scripts/setup-system.sh (it installs fuse3) on a machine with /dev/fuse",
                    mnt.display()
                );
            }
        }
        Lazyfs { child, mnt: mnt.canonicalize().unwrap(), lines }
    }

    fn running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    fn signal(&mut self, sig: i32) {
        // SAFETY: signalling our own child, not yet reaped.
        unsafe { libc::kill(self.child.id() as i32, sig) };
    }

    /// Cuts the power now (if `--cut-after` has not already).
    fn cut(&mut self) {
        self.signal(libc::SIGUSR1);
    }

    /// The line lazyfs prints once the power is cut, if it has come within `wait`.
    fn report(&mut self, wait: Duration) -> Option<String> {
        let end = Instant::now() + wait;
        loop {
            match self.lines.recv_timeout(end.saturating_duration_since(Instant::now())) {
                Ok(l) if l.starts_with("lazyfs: power cut") => return Some(l),
                Ok(_) => {}
                Err(_) => return None,
            }
        }
    }

    /// After the cut, with the program cut off killed: lazyfs unmounts and exits.
    fn finish(&mut self) {
        self.signal(libc::SIGTERM);
        let start = Instant::now();
        while self.running() {
            assert!(start.elapsed() < Duration::from_secs(30), "lazyfs did not exit on SIGTERM");
            std::thread::sleep(Duration::from_millis(1));
        }
        assert!(self.child.wait().unwrap().success(), "lazyfs failed");
        assert!(!mounted(&self.mnt), "lazyfs exited but {} is still mounted", self.mnt.display());
        let under = std::fs::read_dir(&self.mnt).unwrap().count();
        assert_eq!(under, 0, "{} entries written into the directory under the mountpoint", under);
    }
}

impl Drop for Lazyfs {
    /// After a failed assertion: leave no mount behind.
    fn drop(&mut self) {
        if self.running() {
            self.cut();
            self.signal(libc::SIGTERM);
            let start = Instant::now();
            while self.running() && start.elapsed() < Duration::from_secs(10) {
                std::thread::sleep(Duration::from_millis(5));
            }
        }
        if mounted(&self.mnt) {
            let _ = Command::new("fusermount3").args(["-u", "-z", "-q", "--"]).arg(&self.mnt).status();
        }
    }
}

/// `yishi apply --acks` on `file`, its acknowledgements collected as they come.
struct Yishi {
    child: Child,
    acks: Option<JoinHandle<Vec<String>>>,
}

impl Yishi {
    fn start(bin: &Path, data_dir: &Path, file: &Path, stderr: &Path) -> Yishi {
        let mut child = Command::new(bin)
            .arg("--data-dir")
            .arg(data_dir)
            .args(["apply", "--acks", "--quiet"])
            .arg(file)
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(stderr).unwrap())
            .spawn()
            .unwrap();
        let out = child.stdout.take().unwrap();
        let acks = std::thread::spawn(move || {
            BufReader::new(out).lines().map_while(Result::ok).filter(|l| l.starts_with("ack ")).collect()
        });
        Yishi { child, acks: Some(acks) }
    }

    fn ended(&mut self) -> Option<ExitStatus> {
        self.child.try_wait().unwrap()
    }

    /// SIGKILL (if still running); returns the acknowledged lines.
    fn kill(&mut self) -> Vec<String> {
        let _ = self.child.kill();
        self.child.wait().unwrap();
        self.acks.take().expect("killed once").join().unwrap()
    }
}

impl Drop for Yishi {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn script(id: MeetingId) -> Vec<String> {
    let start = chrono::DateTime::parse_from_rfc3339("2026-11-19T19:00:00+08:00").unwrap();
    yishi::demo::long_meeting(id, start, 60).iter().map(|c| serde_json::to_string(c).unwrap()).collect()
}

/// Intents of `id` in the store at `backing`, after checking every chain. Opened as after a
/// reboot, but on a copy: the next run finds the backing dir as the cut left it, so its own
/// recovery happens through lazyfs and may be cut too.
fn recorded(backing: &Path, id: MeetingId) -> Result<usize, String> {
    let copy = tempfile::tempdir().unwrap();
    copy_dir(backing, copy.path()).unwrap();
    let store = Store::open(copy.path()).map_err(|e| format!("the store does not open: {e}"))?;
    if !store.breaks().is_empty() {
        return Err(format!("chain broken: {:?}", store.breaks()));
    }
    let found = store.verify(None).map_err(|e| format!("verify failed: {e}"))?;
    if !found.is_empty() {
        return Err(format!("verify found breaks: {found:?}"));
    }
    Ok(store.snapshot(id).map(|s| s.record.intents as usize).unwrap_or(0))
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    for e in std::fs::read_dir(from)? {
        let e = e?;
        let dest = to.join(e.file_name());
        if e.file_type()?.is_dir() {
            std::fs::create_dir(&dest)?;
            copy_dir(&e.path(), &dest)?;
        } else {
            std::fs::copy(e.path(), dest)?;
        }
    }
    Ok(())
}

#[derive(Clone, Copy, Debug)]
enum CutAt {
    /// Right after this mutating operation (reproducible for a given seed, up to yishi's
    /// thread timing).
    Op(u64),
    /// This long after yishi starts.
    Time(Duration),
}

struct Run {
    acks: Vec<String>,
    report: String,
}

/// Mounts lazyfs, applies `lines` through it and cuts the power at `at` (at the end if yishi
/// finishes first; torn if `torn` gives a seed), then kills yishi.
fn run(bin: &Path, dirs: &Dirs, lines: &[String], at: Option<CutAt>, torn: Option<u64>) -> Run {
    std::fs::write(&dirs.script, lines.join("\n")).unwrap();
    let cut_after = match at {
        Some(CutAt::Op(n)) => Some(n),
        _ => None,
    };
    let mut fs = Lazyfs::mount(&dirs.backing, &dirs.mnt, cut_after, torn, &dirs.trace);
    let mut yishi = Yishi::start(bin, &dirs.mnt, &dirs.script, &dirs.stderr);
    let start = Instant::now();
    let report = loop {
        assert!(start.elapsed() < Duration::from_secs(300), "yishi neither finished nor was cut within 5 minutes");
        if let Some(r) = fs.report(Duration::ZERO) {
            break r; // cut by --cut-after
        }
        let due = matches!(at, Some(CutAt::Time(d)) if start.elapsed() >= d);
        match yishi.ended() {
            _ if due => fs.cut(),
            Some(status) if status.success() => fs.cut(),
            // Failing writes after a `--cut-after` cut end it: the report is on its way.
            Some(status) => {
                let err = std::fs::read_to_string(&dirs.stderr).unwrap_or_default();
                break fs
                    .report(Duration::from_secs(5))
                    .unwrap_or_else(|| panic!("yishi failed, no cut: {status}\n{err}"));
            }
            None => {
                std::thread::sleep(Duration::from_micros(200));
                continue;
            }
        }
        break fs.report(Duration::from_secs(30)).expect("lazyfs reports the cut");
    };
    // Killed while lazyfs, still mounted, fails its every operation; only then unmounted.
    let acks = yishi.kill();
    fs.finish();
    Run { acks, report }
}

struct Dirs {
    stderr: PathBuf,
    backing: PathBuf,
    mnt: PathBuf,
    script: PathBuf,
    trace: PathBuf,
}

fn dirs(top: &Path) -> Dirs {
    let d = Dirs {
        stderr: top.join("yishi.stderr"),
        backing: top.join("backing"),
        mnt: top.join("mnt"),
        script: top.join("script.jsonl"),
        trace: top.join("trace"),
    };
    std::fs::create_dir(&d.backing).unwrap();
    std::fs::create_dir(&d.mnt).unwrap();
    d
}

fn tail(path: &Path, n: usize) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

#[test]
fn power_cuts_lose_no_acknowledged_intent() {
    need_fuse();
    let bin = yishi_bin();
    let cuts: usize = std::env::var("YISHI_POWERCUTS").ok().and_then(|s| s.parse().ok()).unwrap_or(100);
    let seed: u64 = std::env::var("YISHI_POWERCUT_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(rand::random);
    println!("powercut: seed {seed} (YISHI_POWERCUT_SEED={seed} repeats these cut points)");
    let mut rng = StdRng::seed_from_u64(seed);
    let top = tempfile::tempdir().unwrap();
    let dirs = dirs(top.path());
    let started = Instant::now();
    let (mut id, mut meetings) = (MeetingId::new_random(), 1);
    let mut lines = script(id);
    let (mut applied, mut acks_checked, mut by_ops, mut torn_cuts) = (0, 0, 0, 0);

    for cut in 1..=cuts {
        if applied == lines.len() {
            (id, meetings, applied) = (MeetingId::new_random(), meetings + 1, 0);
            lines = script(id);
        }
        // Half the cuts at a mutating operation (yishi makes about five per intent, more when it
        // recovers the store first), half at a moment (it takes some 40 ms to start).
        let at = if rng.random_bool(0.5) {
            by_ops += 1;
            CutAt::Op(rng.random_range(1..=600))
        } else {
            CutAt::Time(Duration::from_micros(rng.random_range(1_000..250_000)))
        };
        // And half of them torn: part of the unsynced data written back, the rest lost.
        let torn = rng.random_bool(0.5).then(|| rng.random());
        torn_cuts += usize::from(torn.is_some());
        let r = run(&bin, &dirs, &lines[applied..], Some(at), torn);
        let acked = r.acks.len();
        acks_checked += acked;
        let now = recorded(&dirs.backing, id);
        if std::env::var_os("YISHI_POWERCUT_VERBOSE").is_some() {
            println!(
                "cut {cut}: {at:?} torn {torn:?}, {applied} applied before, {acked} acked, now {now:?}; {}",
                r.report
            );
        }
        let lost = match now {
            // Every acknowledged intent is there; at most the one in flight beyond it.
            Ok(now) if now >= applied + acked && now <= applied + acked + 1 => {
                applied = now;
                continue;
            }
            Ok(now) if now < applied + acked => {
                let lost = &r.acks[now.saturating_sub(applied)..];
                let more = if lost.len() > 10 { format!("\n… and {} more", lost.len() - 10) } else { String::new() };
                format!(
                    "acknowledged intents lost: {acked} acked after {applied}, the store has {now}; lost:\n{}{more}",
                    lost[..lost.len().min(10)].join("\n")
                )
            }
            Ok(now) => {
                format!("more recorded than acknowledged + 1: {acked} acked after {applied}, the store has {now}")
            }
            Err(e) => e,
        };
        let kept = top.keep();
        panic!(
            "cut {cut} ({at:?}, torn {torn:?}, seed {seed}): {lost}\n{}\nlast operations (full trace and backing dir in {}):\n{}",
            r.report,
            kept.display(),
            tail(&dirs.trace, 40)
        );
    }

    // The meeting continues to its end from wherever the last cut left it.
    let r = run(&bin, &dirs, &lines[applied..], None, None);
    assert_eq!(applied + r.acks.len(), lines.len(), "the rest of the meeting is acknowledged");
    assert_eq!(recorded(&dirs.backing, id).unwrap(), lines.len(), "and survives the cut at its end");
    let store = Store::open(&dirs.backing).unwrap();
    let m = store.meeting(id).unwrap();
    assert!(m.agenda.iter().all(|i| i.status == yishi::agenda::ItemStatus::Voted), "the meeting finished");
    println!(
        "powercut: {cuts} cuts ({by_ops} at an operation, {} at a moment; {torn_cuts} torn) over {meetings} meetings, \
         {acks_checked} acknowledged intents checked, 0 lost, {:.1} s",
        cuts - by_ops,
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn unsynced_writes_are_lost_and_synced_ones_kept() {
    need_fuse();
    let top = tempfile::tempdir().unwrap();
    let d = dirs(top.path());
    for name in ["synced", "unsynced", "shrunk"] {
        std::fs::write(d.backing.join(name), b"0123456789").unwrap();
    }
    let mut fs = Lazyfs::mount(&d.backing, &d.mnt, None, None, &d.trace);
    let open = |name: &str| {
        std::fs::OpenOptions::new().read(true).write(true).create(true).truncate(false).open(d.mnt.join(name)).unwrap()
    };

    let synced = open("synced");
    synced.write_all_at(b"AB", 2).and_then(|()| synced.sync_data()).unwrap();
    let f = open("unsynced");
    f.write_all_at(b"ABCDEF", 8).unwrap();
    // Reads and sizes see the unsynced data.
    assert_eq!(std::fs::read(d.mnt.join("unsynced")).unwrap(), b"01234567ABCDEF");
    assert_eq!(f.metadata().unwrap().len(), 14);
    open("shrunk").set_len(3).unwrap();
    assert_eq!(std::fs::read(d.mnt.join("shrunk")).unwrap(), b"012");
    // A new file's data is durable with its fsync; its name only with its folder's.
    let named = open("named");
    named.write_all_at(b"kept", 0).and_then(|()| named.sync_all()).unwrap();
    std::fs::File::open(&d.mnt).unwrap().sync_all().unwrap();
    let unnamed = open("unnamed");
    unnamed.write_all_at(b"gone", 0).and_then(|()| unnamed.sync_all()).unwrap();
    assert!(d.backing.join("unnamed").exists(), "namespace changes reach the backing dir at once");

    fs.cut();
    let report = fs.report(Duration::from_secs(30)).expect("lazyfs reports the cut");
    assert!(report.contains("dropped 6 unsynced bytes in 2 files, undid 1 namespace changes"), "{report}");
    assert!(f.write_all_at(b"x", 0).is_err(), "nothing gets through after the cut");
    assert!(std::fs::File::create(d.mnt.join("new")).is_err(), "nothing at all");
    drop((f, named, unnamed, synced));
    fs.finish();
    let read = |name: &str| std::fs::read(d.backing.join(name)).ok();
    assert_eq!(read("synced").as_deref(), Some(&b"01AB456789"[..]));
    assert_eq!(read("unsynced").as_deref(), Some(&b"0123456789"[..]));
    assert_eq!(read("shrunk").as_deref(), Some(&b"0123456789"[..]));
    assert_eq!(read("named").as_deref(), Some(&b"kept"[..]));
    assert_eq!(read("unnamed"), None);
    let mut left: Vec<_> = std::fs::read_dir(&d.backing).unwrap().map(|e| e.unwrap().file_name()).collect();
    left.sort();
    assert_eq!(left, ["named", "shrunk", "synced", "unsynced"], "and no trash folder left");
}

#[test]
fn a_cut_after_the_nth_operation_lets_nothing_later_through() {
    need_fuse();
    let top = tempfile::tempdir().unwrap();
    let d = dirs(top.path());
    std::fs::write(d.backing.join("f"), b"old!").unwrap();
    let mut fs = Lazyfs::mount(&d.backing, &d.mnt, Some(2), None, &d.trace);
    let f = std::fs::OpenOptions::new().write(true).open(d.mnt.join("f")).unwrap();
    f.write_all_at(b"one", 0).unwrap(); // op 1
    f.sync_data().unwrap(); // op 2, then the cut
    assert!(f.write_all_at(b"two", 0).is_err(), "op 3 fails");
    let report = fs.report(Duration::from_secs(30)).expect("lazyfs reports the cut");
    drop(f);
    fs.finish();
    assert!(report.starts_with("lazyfs: power cut after 2 ops"), "{report}");
    assert_eq!(std::fs::read(d.backing.join("f")).unwrap(), b"one!");
    assert_eq!(tail(&d.trace, 3), "1 WRITE /f 0+3\n2 FSYNC /f datasync=true\nCUT ".to_string() + &report);
}
