//! Crash test: a child `yishi apply --acks` runs a long scripted meeting and is
//! killed with SIGKILL at random moments. After each kill the store must hold
//! every acknowledged intent, its chains must verify, and the meeting must be
//! able to continue from where it stopped. Runs: $YISHI_CRASH_RUNS (default 50).

mod common;
use rand::Rng;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use yishi::ids::MeetingId;
use yishi::store::Store;

const BIN: &str = env!("CARGO_BIN_EXE_yishi");

fn script(id: MeetingId) -> Vec<String> {
    yishi::demo::long_meeting(id, common::t("2026-11-19T19:00:00+08:00"), 60)
        .iter()
        .map(|c| serde_json::to_string(c).unwrap())
        .collect()
}

/// Intents of `id` recorded so far, after checking every chain.
fn recorded(db: &Path, id: MeetingId) -> usize {
    let store = Store::open(db).unwrap();
    assert!(store.breaks().is_empty(), "chain broken: {:?}", store.breaks());
    assert!(store.verify(None).unwrap().is_empty());
    store.snapshot(id).map(|s| s.record.intents as usize).unwrap_or(0)
}

/// Runs `yishi apply --acks` on `lines`, killing it after `kill_after` (if
/// still running); returns the number of acknowledged lines and whether it was killed.
fn run_child(db: &Path, file: &Path, lines: &[String], kill_after: Option<Duration>) -> (usize, bool) {
    std::fs::write(file, lines.join("\n")).unwrap();
    let mut child = Command::new(BIN)
        .arg("--data-dir")
        .arg(db)
        .args(["apply", "--acks", "--quiet"])
        .arg(file)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if line.starts_with("ack ") {
                let _ = tx.send(());
            }
        }
    });
    let mut killed = false;
    if let Some(delay) = kill_after {
        let start = Instant::now();
        while start.elapsed() < delay && child.try_wait().unwrap().is_none() {
            std::thread::sleep(Duration::from_micros(200));
        }
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL
            killed = true;
        }
    }
    let status = child.wait().unwrap();
    assert!(killed || status.success(), "apply failed: {status}");
    reader.join().unwrap();
    (rx.try_iter().count(), killed)
}

#[test]
fn sigkill_at_random_moments_loses_no_acknowledged_intent() {
    let runs: usize = std::env::var("YISHI_CRASH_RUNS").ok().and_then(|s| s.parse().ok()).unwrap_or(50);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let file = dir.path().join("script.jsonl");
    let mut rng = rand::rng();
    let mut id = MeetingId::new_random();
    let mut lines = script(id);
    let mut kills = 0;

    while kills < runs {
        let applied = recorded(&db, id);
        if applied == lines.len() {
            id = MeetingId::new_random();
            lines = script(id);
            continue;
        }
        let delay = Duration::from_micros(rng.random_range(1_000..80_000));
        let (acked, killed) = run_child(&db, &file, &lines[applied..], Some(delay));
        kills += usize::from(killed);
        let now = recorded(&db, id);
        // Every acknowledged intent is there; at most the one in flight beyond it.
        assert!(now >= applied + acked, "{acked} acked after {applied}, store has {now}");
        assert!(now <= applied + acked + 1, "more recorded than acknowledged + 1");
    }

    // The meeting continues to its end from wherever the last kill left it.
    let applied = recorded(&db, id);
    let (acked, _) = run_child(&db, &file, &lines[applied..], None);
    assert_eq!(applied + acked, lines.len());
    let store = Store::open(&db).unwrap();
    let m = store.meeting(id).unwrap();
    assert!(m.agenda.iter().all(|i| i.status == yishi::agenda::ItemStatus::Voted), "the meeting finished");
}
