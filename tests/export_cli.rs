//! `yishi export` and `yishi verify FILE.pdf` through the real binary: the demo's sealed meeting
//! exports and verifies; bad input gives a clear error and leaves no file behind.

use std::path::Path;
use std::process::{Command, Output};

fn yishi(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_yishi")).arg("--data-dir").arg(data).args(args).output().unwrap()
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

/// (sealed id, upcoming id) after `yishi demo`.
fn demo(data: &Path) -> (String, String) {
    let o = yishi(data, &["demo"]);
    assert!(o.status.success(), "{}", text(&o));
    let list = String::from_utf8_lossy(&yishi(data, &["list"]).stdout).into_owned();
    let id = |phase: &str| list.lines().find(|l| l.contains(phase)).unwrap()[..36].to_string();
    (id("已结束并封存"), id("筹备中"))
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect()
}

#[test]
fn demo_export_and_verify_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (sealed, upcoming) = demo(&data);
    let out = dir.path().join("minutes.pdf");
    let o = yishi(&data, &["export", "minutes", &sealed, "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    let o = yishi(&data, &["verify", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("VERIFIED"));

    for (what, id, extra) in [
        ("poster", &sealed, vec!["--paper", "a3"]),
        ("notice", &upcoming, vec![]),
        ("minutes", &upcoming, vec!["--draft"]),
    ] {
        let f = dir.path().join(format!("{what}.pdf"));
        let mut args = vec!["export", what, id.as_str(), "-o", f.to_str().unwrap()];
        args.extend(extra);
        let o = yishi(&data, &args);
        assert!(o.status.success(), "{what}: {}", text(&o));
        let o = yishi(&data, &["verify", f.to_str().unwrap()]);
        assert!(o.status.success(), "{what}: {}", text(&o));
    }
    let o = yishi(&data, &["export", "text", &sealed, "-o", "-"]);
    assert!(o.status.success() && String::from_utf8_lossy(&o.stdout).contains("# 公示"), "{}", text(&o));

    // one flipped byte: exit 4 and a reason
    let mut bytes = std::fs::read(&out).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x20;
    let bad = dir.path().join("bad.pdf");
    std::fs::write(&bad, &bytes).unwrap();
    let o = yishi(&data, &["verify", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(4), "{}", text(&o));
    assert!(text(&o).contains("NOT VERIFIED") && text(&o).contains("FAIL"), "{}", text(&o));
    // the chain check without a file still works
    let o = yishi(&data, &["verify"]);
    assert!(o.status.success(), "{}", text(&o));
}

#[test]
fn bad_input_is_a_clear_error_and_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (_sealed, upcoming) = demo(&data);
    let out = dir.path().join("x.pdf");

    // unknown meeting
    let o = yishi(&data, &["export", "minutes", "ffffffff", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("no meeting matches"), "{}", text(&o));
    assert!(!out.exists());

    // unsealed meeting without --draft
    let o = yishi(&data, &["export", "minutes", &upcoming, "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("--draft"), "{}", text(&o));
    assert!(!out.exists());

    // a directory that does not exist
    let missing = dir.path().join("no/such/dir/x.pdf");
    let o = yishi(&data, &["export", "notice", &upcoming, "-o", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("cannot write"), "{}", text(&o));

    // the target is a directory: the file is written, the rename fails, nothing is left behind
    let target = dir.path().join("occupied.pdf");
    std::fs::create_dir(&target).unwrap();
    let o = yishi(&data, &["export", "notice", &upcoming, "-o", target.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("cannot write"), "{}", text(&o));
    assert!(leftovers(dir.path()).is_empty(), "{:?}", leftovers(dir.path()));

    // bad paper size
    let o = yishi(&data, &["export", "poster", &upcoming, "-o", out.to_str().unwrap(), "--paper", "b5"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!out.exists());

    // verify a file that is not there
    let o = yishi(&data, &["verify", dir.path().join("gone.pdf").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
}
