//! Backups: a round trip through the `yishi` tool onto paths with Chinese characters and spaces,
//! restore into an empty folder and into a damaged one, rotation, and a backup killed halfway
//! that leaves the previous backup whole.

mod common;
use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;
use yishi::ids::MeetingId;
use yishi::store::{backup, Store};

const BIN: &str = env!("CARGO_BIN_EXE_yishi");

fn yishi(data: &Path, args: &[&str]) -> Output {
    Command::new(BIN).arg("--data-dir").arg(data).args(args).output().unwrap()
}

fn ok(o: &Output) -> String {
    assert!(o.status.success(), "{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Meetings and their heads, as `yishi list` would show them.
fn heads(data: &Path) -> Vec<(MeetingId, String, u64)> {
    let store = Store::open(data).unwrap();
    assert!(store.wait_for_audit().is_empty());
    store.list().unwrap().into_iter().map(|s| (s.id, s.head, s.events)).collect()
}

fn demo_store(data: &Path, sealed: usize) {
    let store = Store::open(data).unwrap();
    yishi::demo::install(&store, common::t("2026-11-30T09:00:00+08:00")).unwrap();
    for i in 0..sealed {
        let start = common::t("2026-09-01T19:00:00+08:00") + chrono::Duration::days(i as i64);
        for c in yishi::demo::sealed_meeting(MeetingId::new_random(), start) {
            store.apply(&c).unwrap();
        }
    }
}

#[test]
fn round_trip_onto_chinese_paths_with_spaces() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("社区 数据");
    let to = tmp.path().join("U盘 备份");
    demo_store(&data, 3);
    let before = heads(&data);
    let roster_before = ok(&yishi(&data, &["roster"]));
    // Minutes exported (and so sealed with this installation's key) before the backup.
    let sealed = before.iter().max_by_key(|m| m.2).unwrap().0.to_string();
    let pdf = tmp.path().join("纪要 1.pdf");
    ok(&yishi(&data, &["export", "minutes", &sealed, "-o", pdf.to_str().unwrap()]));

    let out = ok(&yishi(&data, &["backup", "--to", to.to_str().unwrap()]));
    assert!(out.contains("5 个会议"), "{out}");
    let made = backup::list(&to);
    assert_eq!(made.len(), 1);
    assert!(ok(&Command::new(BIN).args(["backup", "--check"]).arg(&to).output().unwrap()).contains("完好"));

    // Onto an empty folder of another "laptop": the record, the roster and the seal key come back.
    let fresh = tmp.path().join("新 电脑 数据");
    ok(&yishi(&fresh, &["restore", "--from", to.to_str().unwrap()]));
    assert_eq!(heads(&fresh), before);
    assert_eq!(ok(&yishi(&fresh, &["roster"])), roster_before);
    assert!(ok(&yishi(&fresh, &["verify"])).contains("完好"));
    let key = yishi::export::seal::KEY_FILE;
    assert_eq!(std::fs::read(fresh.join(key)).unwrap(), std::fs::read(data.join(key)).unwrap(), "the seal key travels");
    // The minutes printed on the first laptop verify on the second.
    ok(&yishi(&fresh, &["verify", pdf.to_str().unwrap()]));
}

#[test]
fn a_backup_that_changed_or_lost_a_file_does_not_verify() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, to) = (tmp.path().join("d"), tmp.path().join("b"));
    demo_store(&data, 0);
    ok(&yishi(&data, &["backup", "--to", to.to_str().unwrap()]));
    let b = backup::resolve(&to).unwrap();
    let m = backup::manifest(&b).unwrap();
    let j = b.join("journal").join(&m.meetings[0].file.name);
    let mut bytes = std::fs::read(&j).unwrap();
    let n = bytes.len() - 3;
    bytes[n] ^= 1;
    std::fs::write(&j, &bytes).unwrap();
    let o = Command::new(BIN).args(["backup", "--check"]).arg(&b).output().unwrap();
    assert_eq!(o.status.code(), Some(4), "{}", String::from_utf8_lossy(&o.stdout));
    assert!(String::from_utf8_lossy(&o.stdout).contains(&m.meetings[0].file.name));
    let o = Command::new(BIN).args(["backup", "--check"]).arg(tmp.path()).output().unwrap();
    assert_eq!(o.status.code(), Some(5), "not a backup");
}

#[test]
fn restore_repairs_a_damaged_store_and_adds_what_it_lacks() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, to) = (tmp.path().join("数据"), tmp.path().join("备份"));
    demo_store(&data, 2);
    ok(&yishi(&data, &["backup", "--to", to.to_str().unwrap()]));
    let before = heads(&data);
    // A meeting's journal and sled's copy both damaged (a lost file, a flipped bit), and another
    // meeting lost entirely from this folder.
    let mut by_size = before.clone();
    by_size.sort_by_key(|m| std::cmp::Reverse(m.2));
    let (hit, gone) = (by_size[0].0, by_size[1].0);
    {
        let store = Store::open(&data).unwrap();
        let key = yishi::store::chain::event_key(hit, 3);
        let mut v = store.log_tree().get(key).unwrap().unwrap().to_vec();
        let last = v.len() - 2;
        v[last] ^= 1;
        store.log_tree().insert(key, v).unwrap();
        for k in store.log_tree().scan_prefix(yishi::store::chain::events_prefix(gone)).keys() {
            store.log_tree().remove(k.unwrap()).unwrap();
        }
        store.log_tree().remove(yishi::store::chain::index_key(gone)).unwrap();
    }
    std::fs::remove_file(data.join("journal").join(format!("{hit}.yj"))).unwrap();
    std::fs::remove_file(data.join("journal").join(format!("{gone}.yj"))).unwrap();
    let o = yishi(&data, &["doctor"]);
    assert_eq!(o.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&o.stdout).contains(&hit.to_string()));

    let out = ok(&yishi(&data, &["restore", "--from", to.to_str().unwrap()]));
    assert!(out.contains("由备份恢复"), "{out}");
    assert_eq!(heads(&data), before);
    assert!(ok(&yishi(&data, &["doctor"])).contains("完好"));
}

#[test]
fn rotation_keeps_the_newest() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, to) = (tmp.path().join("d"), tmp.path().join("b"));
    demo_store(&data, 0);
    for _ in 0..4 {
        ok(&yishi(&data, &["backup", "--to", to.to_str().unwrap(), "--keep", "2"]));
        std::thread::sleep(Duration::from_millis(5));
    }
    let kept = backup::list(&to);
    assert_eq!(kept.len(), 2);
    assert!(kept.iter().all(|b| backup::check(b).unwrap().is_empty()));
}

#[test]
fn a_backup_killed_halfway_leaves_the_previous_one_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, to) = (tmp.path().join("d"), tmp.path().join("备份 盘"));
    demo_store(&data, 4);
    // Kills land at fractions of a whole run's time, so the test hits the middle of the backup on
    // a fast machine and under an emulator alike.
    let t = std::time::Instant::now();
    ok(&yishi(&data, &["backup", "--to", to.to_str().unwrap()]));
    let whole = t.elapsed();
    let first = backup::list(&to);
    assert_eq!(first.len(), 1);
    let mut halfway = 0;
    for i in 0..200u32 {
        let mut child =
            Command::new(BIN).arg("--data-dir").arg(&data).args(["backup", "--to"]).arg(&to).stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null()).spawn().unwrap();
        std::thread::sleep(whole * (20 + 3 * (i % 25)) / 100);
        let _ = child.kill(); // SIGKILL
        let status = child.wait().unwrap();
        let partial = std::fs::read_dir(&to).unwrap().flatten().any(|e| e.file_name().to_string_lossy().ends_with(".partial"));
        if !status.success() && partial {
            halfway += 1;
            // Only finished backups count, and the first is untouched.
            assert!(backup::list(&to).contains(&first[0]));
            assert!(backup::check(&first[0]).unwrap().is_empty());
            assert_eq!(backup::resolve(&to).unwrap(), *backup::list(&to).last().unwrap());
            if halfway >= 3 {
                break;
            }
        }
    }
    assert!(halfway >= 1, "no kill landed halfway through a backup");
    // The next backup clears what the killed ones left.
    ok(&yishi(&data, &["backup", "--to", to.to_str().unwrap()]));
    assert!(!std::fs::read_dir(&to).unwrap().flatten().any(|e| e.file_name().to_string_lossy().ends_with(".partial")));
    let fresh = tmp.path().join("restored");
    ok(&yishi(&fresh, &["restore", "--from", to.to_str().unwrap()]));
    assert_eq!(heads(&fresh), heads(&data));
}
