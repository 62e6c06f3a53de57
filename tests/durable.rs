//! Durable before acknowledged: the `yishi` tool prints an intent's `ack` only after the store
//! has synced the meeting's journal to stable storage (fdatasync), not merely handed it to the
//! kernel, so a power cut after an acknowledgement cannot lose it. Seen from the outside with
//! strace: every ack written to stdout is preceded, since the previous ack, by a sync of a journal
//! file. (The power cut itself, on a file system that drops unsynced writes: tools/lazyfs.)

#![cfg(target_os = "linux")]

use std::collections::HashSet;
use std::process::Command;

#[test]
fn every_acknowledgement_follows_a_sync_of_the_log() {
    let strace = Command::new("strace").arg("-V").output();
    assert!(strace.is_ok(), "strace is needed (scripts/setup-system.sh installs it)");
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/intents.md")).unwrap();
    // the accepted examples: a whole meeting, sealed, amended, carried out
    let mut lines = Vec::new();
    let mut keep = false;
    for l in doc.lines() {
        if let Some(info) = l.strip_prefix("```") {
            keep = info.trim() == "json";
        } else if keep && !l.trim().is_empty() {
            lines.push(l);
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("intents.jsonl");
    std::fs::write(&script, lines.join("\n") + "\n").unwrap();
    let data = dir.path().join("data");
    let trace = dir.path().join("trace");
    let out = Command::new("strace")
        .args(["-f", "-y", "-e", "trace=fsync,fdatasync,write", "-o"])
        .arg(&trace)
        .arg(env!("CARGO_BIN_EXE_yishi"))
        .arg("--data-dir")
        .arg(&data)
        .args(["apply", "--acks", "--quiet"])
        .arg(&script)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let acks_printed = String::from_utf8_lossy(&out.stdout).lines().filter(|l| l.starts_with("ack ")).count();
    assert_eq!(acks_printed, lines.len(), "one ack per intent");

    let log = format!("{}/journal/", data.display());
    let is_sync = |s: &str| s.starts_with("fdatasync(") || s.starts_with("fsync(");
    // The store syncs on a thread of its own while the acking thread encodes, so a finished sync
    // of a journal file by any thread counts (sled's own syncs are of its files, not journals).
    // When threads interleave, strace splits a call in two lines, `PID fdatasync(4</…/x.yj> <unfinished ...>`
    // and later `PID <... fdatasync resumed>) = 0`; the path is only on the first.
    let journal_sync = |call: &str, syscall: &str| is_sync(syscall) && call.contains(&log) && call.contains(".yj>");
    let (mut synced, mut pending, mut acks) = (false, HashSet::new(), 0);
    for call in std::fs::read_to_string(&trace).unwrap().lines() {
        let mut words = call.split_whitespace();
        let pid = words.next().unwrap_or("").to_string();
        let syscall = words.next().unwrap_or("");
        if journal_sync(call, syscall) && call.ends_with("<unfinished ...>") {
            pending.insert(pid);
        } else if syscall == "<..." && pending.contains(&pid) && call.contains("sync resumed>") {
            pending.remove(&pid);
            synced |= call.ends_with("= 0");
        } else if journal_sync(call, syscall) && call.ends_with("= 0") {
            synced = true;
        } else if syscall.starts_with("write(1<") && call.contains("\"ack ") {
            acks += 1;
            assert!(synced, "ack {acks} was printed before its journal was synced:\n{call}");
            synced = false;
        }
    }
    assert_eq!(acks, lines.len(), "every ack seen in the trace");
}
