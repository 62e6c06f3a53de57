//! Meeting-record benchmarks (issue 2, "Benchmarks"). Not timed tests: figures.
//!
//! `cargo bench --bench record` runs, in release:
//!
//! 1. intent → durable → snapshot latency: a long scripted meeting of ~2,000
//!    intents through `Store::apply` on a fresh store, each call timed, beside a
//!    raw `write` + `sync_data` / `sync_all` of ~300 bytes measured in the same
//!    run on the same filesystem.
//!
//! Environment: `YISHI_BENCH_INTENTS` (default 2000) sets the meeting length;
//! `YISHI_BENCH_SLOW=1` lists every apply slower than 1 ms with its scheduler split.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use yishi::{demo, MeetingId, Store};

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// The bench's scratch space: under the target dir, so on the same filesystem
/// as the build and never in git.
fn scratch_root() -> &'static Path {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
}

// ---------------------------------------------------------------- statistics

/// Latency figures over a set of samples (nearest-rank percentiles).
#[derive(Clone, Copy, Debug)]
struct Stats {
    n: usize,
    p50: Duration,
    p99: Duration,
    max: Duration,
    mean: Duration,
}

impl Stats {
    fn of(samples: &[Duration]) -> Stats {
        assert!(!samples.is_empty());
        let mut s = samples.to_vec();
        s.sort();
        let rank = |p: f64| s[((p * s.len() as f64).ceil() as usize).clamp(1, s.len()) - 1];
        let total: Duration = s.iter().sum();
        Stats { n: s.len(), p50: rank(0.50), p99: rank(0.99), max: s[s.len() - 1], mean: total / s.len() as u32 }
    }
}

fn ms(d: Duration) -> String {
    let v = d.as_secs_f64() * 1e3;
    if v < 1.0 {
        format!("{v:.3}")
    } else if v < 100.0 {
        format!("{v:.2}")
    } else {
        format!("{v:.0}")
    }
}

/// Where a call's wall time went, from the kernel's per-thread scheduler
/// statistics: on a CPU, waiting on the run queue for one (the machine is
/// shared with builds), or neither — blocked, i.e. waiting for the disk.
#[derive(Clone, Copy, Debug, Default)]
struct Split {
    on_cpu: Duration,
    run_queue: Duration,
}

/// `/proc/thread-self/schedstat`: on-CPU ns, run-queue wait ns, time slices.
struct SchedStat(Option<std::fs::File>);

impl SchedStat {
    fn open() -> SchedStat {
        SchedStat(std::fs::File::open("/proc/thread-self/schedstat").ok())
    }
    fn read(&mut self) -> Option<(u64, u64)> {
        use std::io::{Read, Seek};
        let f = self.0.as_mut()?;
        let mut buf = [0u8; 96];
        f.rewind().ok()?;
        let n = f.read(&mut buf).ok()?;
        let text = std::str::from_utf8(&buf[..n]).ok()?;
        let mut it = text.split_whitespace().map(|v| v.parse::<u64>().ok());
        Some((it.next()??, it.next()??))
    }
}

/// Times calls of one kind: wall time, and the scheduler split of each.
struct Sampler {
    sched: SchedStat,
    wall: Vec<Duration>,
    split: Vec<Split>,
}

impl Sampler {
    fn new(n: usize) -> Sampler {
        Sampler { sched: SchedStat::open(), wall: Vec::with_capacity(n), split: Vec::with_capacity(n) }
    }
    fn time<T>(&mut self, f: impl FnOnce() -> T) -> T {
        let before = self.sched.read();
        let t = Instant::now();
        let out = f();
        self.wall.push(t.elapsed());
        let after = self.sched.read();
        self.split.push(match (before, after) {
            (Some(b), Some(a)) => Split {
                on_cpu: Duration::from_nanos(a.0.saturating_sub(b.0)),
                run_queue: Duration::from_nanos(a.1.saturating_sub(b.1)),
            },
            _ => Split::default(),
        });
        out
    }
    fn stats(&self) -> Stats {
        Stats::of(&self.wall)
    }
    /// Over the slowest 1% of calls: mean wall, on-CPU, run-queue and blocked time.
    fn tail(&self) -> Tail {
        let mut idx: Vec<usize> = (0..self.wall.len()).collect();
        idx.sort_by_key(|&i| std::cmp::Reverse(self.wall[i]));
        idx.truncate((self.wall.len() / 100).max(1));
        let k = idx.len() as u32;
        let wall: Duration = idx.iter().map(|&i| self.wall[i]).sum::<Duration>() / k;
        let on_cpu: Duration = idx.iter().map(|&i| self.split[i].on_cpu).sum::<Duration>() / k;
        let run_queue: Duration = idx.iter().map(|&i| self.split[i].run_queue).sum::<Duration>() / k;
        Tail { n: idx.len(), wall, on_cpu, run_queue, blocked: wall.saturating_sub(on_cpu + run_queue) }
    }
}

#[derive(Clone, Copy, Debug)]
struct Tail {
    n: usize,
    wall: Duration,
    on_cpu: Duration,
    run_queue: Duration,
    blocked: Duration,
}

// ---------------------------------------------------------------- 1. latency

/// One timed series: its figures and where its slowest 1% spent the time.
struct Series {
    stats: Stats,
    tail: Tail,
}

impl Series {
    fn of(s: &Sampler) -> Series {
        Series { stats: s.stats(), tail: s.tail() }
    }
}

struct Latency {
    intents: usize,
    events: u64,
    turns_per_item: usize,
    meeting_span: chrono::Duration,
    apply: Series,
    /// The apply samples split into quarters of the meeting, in order.
    apply_quarters: Vec<Stats>,
    sled_floor: Series,
    raw_sync_data: Series,
    raw_sync_all: Series,
    total: Duration,
}

fn shenzhen(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("a fixed RFC 3339 time")
}

/// The smallest `turns_per_item` whose `demo::long_meeting` has at least `target` intents.
fn long_meeting_for(target: usize) -> (usize, Vec<yishi::Command>) {
    let start = shenzhen("2026-11-20T19:00:00+08:00");
    let id = MeetingId(uuid::Uuid::from_u128(0x1a7e_0000_0000_4000_8000_0000_0000_0001));
    let mut turns = 1;
    loop {
        let script = demo::long_meeting(id, start, turns);
        if script.len() >= target || turns > 10_000 {
            return (turns, script);
        }
        turns += 1;
    }
}

/// `n` appends of a 300-byte line, each followed by `sync`, on a fresh file in `dir`.
fn raw_sync(dir: &Path, name: &str, n: usize, sync: fn(&std::fs::File) -> std::io::Result<()>) -> Series {
    let path = dir.join(name);
    let mut f = OpenOptions::new().create(true).append(true).open(&path).expect("open the raw fsync file");
    let mut line = vec![b'x'; 299];
    line.push(b'\n');
    let mut sampler = Sampler::new(n);
    for _ in 0..n {
        sampler.time(|| {
            f.write_all(&line).expect("write");
            sync(&f).expect("sync");
        });
    }
    drop(f);
    let _ = std::fs::remove_file(&path);
    Series::of(&sampler)
}

/// sled alone, configured as `Store::open` does: `n` inserts of 300 bytes, each
/// followed by `Db::flush`. What the store's durability step costs by itself.
fn sled_floor(dir: &Path, n: usize) -> Series {
    let db = sled::Config::new().path(dir.join("sled-floor")).open().expect("open sled");
    let tree = db.open_tree("log").expect("open tree");
    let value = vec![b'v'; 300];
    let mut sampler = Sampler::new(n);
    for i in 0..n as u64 {
        sampler.time(|| {
            tree.insert(i.to_be_bytes(), &value[..]).expect("insert");
            db.flush().expect("flush");
        });
    }
    Series::of(&sampler)
}

fn latency() -> Latency {
    let begun = Instant::now();
    let target = env_usize("YISHI_BENCH_INTENTS", 2000);
    let (turns_per_item, script) = long_meeting_for(target);
    let opened = script
        .iter()
        .find(|c| matches!(c.intent, yishi::Intent::OpenMeeting { .. }))
        .map(|c| c.at)
        .expect("the script opens the meeting");
    let meeting_span = script.last().expect("a script").at - opened;

    let dir = tempfile::tempdir_in(scratch_root()).expect("a temp dir under the target dir");
    // The baselines first, on the same filesystem, with no sled flusher thread running.
    let raw_sync_data = raw_sync(dir.path(), "raw-sync-data.log", script.len(), |f| f.sync_data());
    let raw_sync_all = raw_sync(dir.path(), "raw-sync-all.log", script.len(), |f| f.sync_all());
    let sled_floor = sled_floor(dir.path(), script.len());

    let store = Store::open(&dir.path().join("store")).expect("open a fresh store");
    let mut sampler = Sampler::new(script.len());
    let mut events = 0;
    for (n, cmd) in script.iter().enumerate() {
        match sampler.time(|| store.apply(cmd)) {
            Ok(s) => events = s.record.events,
            Err(e) => panic!("intent {} of the long meeting was refused: {e}", n + 1),
        }
    }
    drop(store);
    if std::env::var_os("YISHI_BENCH_SLOW").is_some() {
        for (n, ((d, sp), c)) in sampler.wall.iter().zip(&sampler.split).zip(&script).enumerate() {
            if *d > Duration::from_millis(1) {
                eprintln!("slow #{n} {} ms: cpu {} rq {} {}", ms(*d), ms(sp.on_cpu), ms(sp.run_queue), c.intent.kind());
            }
        }
    }
    Latency {
        intents: script.len(),
        events,
        turns_per_item,
        meeting_span,
        apply: Series::of(&sampler),
        apply_quarters: sampler.wall.chunks(sampler.wall.len().div_ceil(4)).map(Stats::of).collect(),
        sled_floor,
        raw_sync_data,
        raw_sync_all,
        total: begun.elapsed(),
    }
}

fn print_latency(l: &Latency) {
    println!(
        "1. intent → durable → snapshot: demo::long_meeting, {} turns/item → {} intents, {} events, \
         {} h {:02} min from opening to last vote ({:.1} s)",
        l.turns_per_item,
        l.intents,
        l.events,
        l.meeting_span.num_hours(),
        l.meeting_span.num_minutes() % 60,
        l.total.as_secs_f64()
    );
    let row = |name: &str, s: &Stats, tail: Option<&Tail>| {
        let tail = tail
            .map(|t| {
                format!(
                    "slowest {}: {} ms = cpu {} + run queue {} + blocked {}",
                    t.n,
                    ms(t.wall),
                    ms(t.on_cpu),
                    ms(t.run_queue),
                    ms(t.blocked)
                )
            })
            .unwrap_or_default();
        println!("   {:<46} {:>5} {:>8} {:>8} {:>8} {:>8}   {}", name, s.n, ms(s.p50), ms(s.p99), ms(s.max), ms(s.mean), tail);
    };
    println!("   {:<46} {:>5} {:>8} {:>8} {:>8} {:>8}", "", "n", "p50 ms", "p99 ms", "max ms", "mean ms");
    for (name, s) in [
        ("Store::apply (decide, append, flush, snapshot)", &l.apply),
        ("sled insert 300 B + Db::flush", &l.sled_floor),
        ("raw write 300 B + sync_data (fdatasync)", &l.raw_sync_data),
        ("raw write 300 B + sync_all (fsync)", &l.raw_sync_all),
    ] {
        row(name, &s.stats, Some(&s.tail));
    }
    for (q, s) in l.apply_quarters.iter().enumerate() {
        row(&format!("  Store::apply, quarter {} of the meeting", q + 1), s, None);
    }
    println!(
        "   p99 ratio Store::apply / raw sync_data: {:.2} (goal ≤ 2); / raw sync_all: {:.2}",
        ratio(l.apply.stats.p99, l.raw_sync_data.stats.p99),
        ratio(l.apply.stats.p99, l.raw_sync_all.stats.p99)
    );
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64()
}

fn main() {
    // `cargo bench` passes `--bench` (and any filter); nothing to parse in the parent.
    let l = latency();
    print_latency(&l);
}
