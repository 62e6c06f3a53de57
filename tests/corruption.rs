//! Raw damage, as a bad sector does it: one byte flipped at a random offset of the store's files
//! (sled's and the journals, on disk, not through any API), one flip per run on a fresh copy of a
//! store with 22 meetings. Every time: the store opens; every meeting not named as damaged reads
//! with its original head; a flip in a meeting's journal is named by that meeting; and `repair`
//! (with a backup at hand) leaves every meeting verified with its head unchanged and the roster
//! as it was. Half the runs flip a byte of the journals, half of sled's files (by size alone
//! nearly every flip would land in sled's preallocated file). Runs: $YISHI_CORRUPTION_RUNS
//! (default 1,000), on both cores.

mod common;
use rand::{Rng, SeedableRng};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use yishi::ids::MeetingId;
use yishi::store::{journal, Store};

/// A store of 22 meetings — the demo's two, ten sealed, ten stopped part way — and a backup.
fn build(dir: &Path, backup: &Path) -> BTreeMap<MeetingId, (String, u64)> {
    let store = Store::open(dir).unwrap();
    yishi::demo::install(&store, common::t("2026-11-30T09:00:00+08:00")).unwrap();
    for i in 0..10 {
        let start = common::t("2026-10-01T19:00:00+08:00") + chrono::Duration::days(i);
        for c in yishi::demo::sealed_meeting(MeetingId::new_random(), start) {
            store.apply(&c).unwrap();
        }
        let live = yishi::demo::long_meeting(MeetingId::new_random(), start, 2);
        for c in &live[..live.len() * (i as usize + 1) / 12] {
            store.apply(c).unwrap();
        }
    }
    store.backup(backup, 10, chrono::Utc::now(), &|_, _| {}).unwrap();
    store.list().unwrap().into_iter().map(|s| (s.id, (s.head, s.events))).collect()
}

fn files(dir: &Path) -> Vec<(PathBuf, u64)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files(&p));
        } else if p.file_name().unwrap() != yishi::export::seal::KEY_FILE {
            out.push((p.clone(), e.metadata().unwrap().len()));
        }
    }
    out.sort();
    out
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let dst = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &dst);
        } else {
            std::fs::copy(e.path(), dst).unwrap();
        }
    }
}

/// The meeting whose journal holds the byte, if it is a meeting's journal.
fn journal_of(base: &Path, file: &Path) -> Option<MeetingId> {
    let rel = file.strip_prefix(base).ok()?;
    if rel.parent()? != Path::new(journal::DIR) {
        return None;
    }
    rel.file_stem()?.to_str()?.parse::<uuid::Uuid>().ok().map(MeetingId)
}

/// What a run saw: the flip named damage, made the store rebuild or restore a copy, or hit no live byte.
#[derive(Default, Debug)]
struct Seen {
    named: usize,
    by_itself: usize,
    unseen: usize,
}

#[allow(clippy::too_many_arguments)]
fn one_flip(
    base: &Path,
    backup: &Path,
    work: &Path,
    original: &BTreeMap<MeetingId, (String, u64)>,
    roster: &[String],
    in_journal: bool,
    rng: &mut impl Rng,
    seen: &mut Seen,
) {
    let _ = std::fs::remove_dir_all(work);
    copy_dir(base, work);
    let all: Vec<_> = files(work).into_iter().filter(|(p, _)| p.starts_with(work.join(journal::DIR)) == in_journal).collect();
    let total: u64 = all.iter().map(|(_, n)| n).sum();
    let mut at = rng.random_range(0..total);
    let (file, offset) = all.iter().find_map(|(p, n)| if at < *n { Some((p.clone(), at)) } else { at -= n; None }).unwrap();
    let mut bytes = std::fs::read(&file).unwrap();
    bytes[offset as usize] ^= rng.random_range(1..=255u8);
    std::fs::write(&file, &bytes).unwrap();
    let hit = journal_of(work, &file);
    let what = format!("{} byte {offset}", file.strip_prefix(work).unwrap().display());

    let store = Store::open(work).unwrap_or_else(|e| panic!("{what}: the store did not open: {e}"));
    let found = store.examine().unwrap_or_else(|e| panic!("{what}: examine failed: {e}"));
    match (found.is_empty(), store.notices().is_empty()) {
        (false, _) => seen.named += 1,
        (true, false) => seen.by_itself += 1,
        (true, true) => seen.unseen += 1,
    }
    for (id, (head, _)) in original {
        if found.iter().any(|b| b.meeting == *id) {
            continue;
        }
        let s = store.snapshot(*id).unwrap_or_else(|e| panic!("{what}: meeting {id}, not named as damaged, does not read: {e}"));
        assert_eq!(&s.record.head, head, "{what}: meeting {id} reads with another head");
    }
    if let Some(id) = hit {
        assert!(found.iter().any(|b| b.meeting == id), "{what}: the damaged journal of {id} was not named: {found:?}");
        assert!(found.iter().all(|b| b.meeting == id), "{what}: other meetings named: {found:?}");
    }

    let repairs = store.repair(Some(&yishi::store::backup::resolve(backup).unwrap())).unwrap();
    assert!(repairs.iter().all(|r| r.from.is_some() && r.missing == 0), "{what}: not all repaired: {repairs:?}");
    assert!(store.examine().unwrap().is_empty(), "{what}: damage left after repair");
    for (id, (head, events)) in original {
        let s = store.snapshot(*id).unwrap();
        assert_eq!((&s.record.head, s.record.events), (head, *events), "{what}: meeting {id} changed by the repair");
    }
    let names: Vec<String> = store.roster().unwrap().into_iter().map(|p| p.name).collect();
    assert_eq!(names, roster, "{what}: the roster changed");
}

#[test]
fn a_flipped_byte_anywhere_is_contained_named_and_repaired() {
    let runs: usize = std::env::var("YISHI_CORRUPTION_RUNS").ok().and_then(|s| s.parse().ok()).unwrap_or(1000);
    let tmp = tempfile::tempdir().unwrap();
    let (base, backup) = (tmp.path().join("base"), tmp.path().join("备份 U盘"));
    let original = build(&base, &backup);
    assert!(original.len() >= 20);
    let roster: Vec<String> = Store::open(&base).unwrap().roster().unwrap().into_iter().map(|p| p.name).collect();
    let seed: u64 = rand::rng().random();
    eprintln!("seed {seed} (YISHI_CORRUPTION_SEED to repeat)");
    let seed = std::env::var("YISHI_CORRUPTION_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(seed);
    // Worker 0 flips journal bytes, worker 1 sled's.
    let seen: Vec<Seen> = std::thread::scope(|s| {
        let workers: Vec<_> = [true, false]
            .into_iter()
            .enumerate()
            .map(|(w, in_journal)| {
                let (base, backup, original, roster) = (&base, &backup, &original, &roster);
                let work = tmp.path().join(format!("work{w}"));
                s.spawn(move || {
                    let mut rng = rand::rngs::StdRng::seed_from_u64(seed + w as u64);
                    let mut seen = Seen::default();
                    for _ in (w..runs).step_by(2) {
                        one_flip(base, backup, &work, original, roster, in_journal, &mut rng, &mut seen);
                    }
                    seen
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    eprintln!("journal flips: {:?}; sled flips: {:?}", seen[0], seen[1]);
    // Every journal byte is under a checksum or a length: no journal flip goes unnoticed.
    assert_eq!(seen[0].unseen, 0, "a journal flip went unnoticed");
}
