//! What an office laptop hands the `yishi` tool, on every system it runs on (this suite also
//! runs for Windows under Wine, scripts/test-windows.sh): folders deep enough to pass Windows'
//! old 260-character limit, named in Chinese with spaces; roster files as Excel saves them on a
//! Chinese Windows (GB18030) or as "CSV UTF-8" (with a BOM), with CRLF line ends.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_yishi");

fn yishi(data: &Path, args: &[&str]) -> Output {
    Command::new(BIN).arg("--data-dir").arg(data).args(args).output().unwrap()
}

fn ok(out: &Output) -> String {
    assert!(out.status.success(), "yishi failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A folder under `base` whose path is longer than `chars` characters, each level named in
/// Chinese with spaces, created.
fn deep_folder(base: &Path, chars: usize) -> PathBuf {
    let mut dir = base.to_path_buf();
    let mut n = 0;
    while dir.to_string_lossy().chars().count() <= chars {
        n += 1;
        dir.push(format!("第{n}层 社区 议事 会议 记录"));
    }
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_record_and_its_exports_live_in_folders_past_260_characters_named_in_chinese_with_spaces() {
    let tmp = tempfile::tempdir().unwrap();
    let deep = deep_folder(tmp.path(), 300);
    assert!(deep.to_string_lossy().chars().count() > 260);
    let data = deep.join("议事 数据");
    ok(&yishi(&data, &["demo"]));
    let pdf = deep.join("纪要 第1次.pdf");
    ok(&yishi(&data, &["export", "minutes", "held", "-o", pdf.to_str().unwrap()]));
    assert!(std::fs::metadata(&pdf).unwrap().len() > 10_000, "the minutes were written");
    let verified = ok(&yishi(&data, &["verify", pdf.to_str().unwrap()]));
    assert!(!verified.trim().is_empty());
    let listed = ok(&yishi(&data, &["list"]));
    assert!(listed.lines().count() >= 2, "the demo's meetings are listed: {listed}");
}

fn roster_import(file_bytes: &[u8], name: &str) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join(name);
    std::fs::write(&csv, file_bytes).unwrap();
    let data = tmp.path().join("数据");
    let imported = ok(&yishi(&data, &["roster", "--import", csv.to_str().unwrap()]));
    assert!(imported.contains("已导入 3 人"), "{imported}");
    ok(&yishi(&data, &["roster"]))
}

const ROSTER: &str = "编号,姓名,类别,两委\r\np1,李卫东,3,是\r\np2,吉𠮷祥,3,否\r\np3,\"王秀英, 退休教师\",6,否\r\n";

#[test]
fn a_roster_saved_by_excel_on_a_chinese_windows_gb18030_with_crlf_imports() {
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(ROSTER);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&gb).is_err(), "the file is not UTF-8");
    let listed = roster_import(&gb, "花名册 GB18030.csv");
    for name in ["李卫东", "吉𠮷祥", "王秀英, 退休教师"] {
        assert!(listed.lines().any(|l| l.contains(name) && !l.contains('\r')), "{name} in {listed:?}");
    }
}

#[test]
fn a_roster_saved_as_csv_utf8_with_bom_and_crlf_imports() {
    let bytes = [b"\xef\xbb\xbf".as_slice(), ROSTER.as_bytes()].concat();
    let listed = roster_import(&bytes, "花名册 UTF-8.csv");
    let first = listed.lines().next().unwrap();
    assert!(first.starts_with("p1\t李卫东"), "no BOM left in the first id: {first:?}");
    assert!(listed.contains("吉𠮷祥"));
}

#[test]
fn a_second_program_on_a_record_in_use_is_told_so_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("议事 数据");
    ok(&yishi(&data, &["demo"]));
    // the app (here: this test) holds the record; a second program on it is refused at once
    let held = yishi::Store::open(&data).unwrap();
    let before = held.list().unwrap().len();
    let second = yishi(&data, &["demo"]);
    assert!(!second.status.success());
    let msg = String::from_utf8_lossy(&second.stderr);
    assert!(msg.contains("in use by another Yishi process") && msg.contains("正被另一个议事程序使用"), "{msg}");
    assert_eq!(held.list().unwrap().len(), before, "nothing was added");
    drop(held);
    // once it is let go, the tool reads the record as before
    let listed = ok(&yishi(&data, &["list"]));
    assert_eq!(listed.lines().count(), before);
}
