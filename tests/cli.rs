//! The `yishi` tool on bad input: a clear message, the right exit code, and
//! nothing written — while every line before the bad one stays recorded.

mod common;
use std::io::Write;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_yishi");

fn yishi(dir: &std::path::Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.arg("--data-dir").arg(dir).args(args);
    cmd.stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    {
        let mut input = child.stdin.take().unwrap();
        if let Some(s) = stdin {
            input.write_all(s.as_bytes()).unwrap();
        }
    }
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const M: &str = "11111111-1111-4111-8111-111111111111";

fn create_line() -> String {
    format!(
        r#"{{"meeting":"{M}","at":"2026-11-10T09:00:00+08:00","intent":{{"type":"create_meeting","level":"community","form":"residents_assembly","title":"居民会议","place":"会议室","scheduled_at":"2026-11-19T19:30:00+08:00","chair":"a","recorder":"a","participants":[{{"id":"a","name":"甲","group":"residents","role":"member"}},{{"id":"b","name":"乙","group":"public","role":"member"}}]}}}}"#
    )
}

/// Applies `bad` after a valid create line; returns the output and the event count afterwards.
fn after_create(bad: &str) -> (Output, u64, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let input = format!("{}\n{}\n", create_line(), bad);
    let out = yishi(dir.path(), &["apply", "-", "--quiet"], Some(&input));
    let show = yishi(dir.path(), &["show", M, "--json"], None);
    let snap: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
    (out, snap["record"]["events"].as_u64().unwrap(), dir)
}

#[test]
fn malformed_json_exits_3_naming_the_line_and_keeps_earlier_lines() {
    let (out, events, _d) = after_create(r#"{"intent": {"type": "open_meeting", "by": "a""#);
    assert_eq!(out.status.code(), Some(3));
    let err = text(&out.stderr);
    assert!(err.contains("第 2 行") && err.contains("line 2"), "{err}");
    assert_eq!(events, 1, "line 1 stays recorded, nothing of line 2 written");
}

#[test]
fn unknown_intent_and_unknown_fields_are_refused_as_input() {
    let (out, events, _d) = after_create(r#"{"intent": {"type": "dissolve_committee"}}"#);
    assert_eq!(out.status.code(), Some(3));
    assert!(text(&out.stderr).contains("unknown variant `dissolve_committee`"), "{}", text(&out.stderr));
    assert_eq!(events, 1);
    let (out, _, _d) = after_create(r#"{"intent": {"type": "open_meeting", "by": "a", "force": true}}"#);
    assert_eq!(out.status.code(), Some(3));
    assert!(text(&out.stderr).contains("unknown field `force`"), "{}", text(&out.stderr));
}

#[test]
fn wrong_types_are_refused_as_input() {
    for bad in [
        r#"{"intent": {"type": "open_meeting", "by": 7}}"#,
        r#"{"at": "yesterday", "intent": {"type": "open_meeting", "by": "a"}}"#,
        r#"{"meeting": "not-a-uuid", "intent": {"type": "open_meeting", "by": "a"}}"#,
        r#"{"intent": {"type": "close_vote", "counts": {"yes": -1, "no": 0, "abstain": 0}}}"#,
        r#"[1, 2, 3]"#,
    ] {
        let (out, events, _d) = after_create(bad);
        assert_eq!(out.status.code(), Some(3), "{bad}: {}", text(&out.stderr));
        assert_eq!(events, 1, "{bad}");
    }
}

#[test]
fn huge_strings_are_refused_with_the_field_named() {
    let title = "长".repeat(100_000);
    let line = format!(r#"{{"intent": {{"type": "add_agenda_item", "item": {{"id": "x", "title": "{title}"}}}}}}"#);
    let (out, events, _d) = after_create(&line);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("too_long") && err.contains("“标题”共 100000 字，最多 200 字"), "{err}");
    assert_eq!(events, 1);
    let huge = "x".repeat(2 * 1024 * 1024);
    let (out, events, _d) = after_create(&format!(r#"{{"intent": {{"type": "defer_item", "reason": "{huge}"}}}}"#));
    assert_eq!(out.status.code(), Some(3));
    assert!(text(&out.stderr).contains("1024 KB"));
    assert_eq!(events, 1);
}

#[test]
fn unknown_meeting_is_refused_and_nothing_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let line = r#"{"meeting": "99999999-9999-4999-8999-999999999999", "intent": {"type": "open_meeting", "by": "a"}}"#;
    let out = yishi(dir.path(), &["apply", "-"], Some(line));
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("unknown_meeting") && err.contains("找不到会议"), "{err}");
    let list = yishi(dir.path(), &["list", "--json"], None);
    assert_eq!(text(&list.stdout).trim(), "[]");
    let show = yishi(dir.path(), &["show", "99999999"], None);
    assert_eq!(show.status.code(), Some(1));
}

#[test]
fn a_rule_refusal_prints_line_code_rule_and_both_languages() {
    let (out, events, _d) = after_create(r#"{"intent": {"type": "open_meeting", "by": "b"}}"#);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("line 2 refused: not_chair R-OPEN"), "{err}");
    assert!(err.contains("召集人") && err.contains("only the chair"), "{err}");
    assert_eq!(events, 1);
}

#[test]
fn apply_prints_the_snapshot_and_acks() {
    let dir = tempfile::tempdir().unwrap();
    let input = format!("{}\n{{\"intent\":{{\"type\":\"open_meeting\",\"by\":\"a\"}}}}\n", create_line());
    let out = yishi(dir.path(), &["apply", "-", "--acks"], Some(&input));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with(&format!("ack 1 {M} 1\nack 2 {M} 2\n")), "{stdout}");
    let json_start = stdout.find('{').unwrap();
    let snap: serde_json::Value = serde_json::from_str(&stdout[json_start..]).unwrap();
    assert_eq!(snap["phase"], "in_session");
    assert_eq!(snap["quorum"]["expected"], 2);
    assert_eq!(snap["record"]["head"].as_str().unwrap().len(), 64);
}

#[test]
fn demo_then_show_prints_the_sealed_sample_and_verify_passes() {
    let dir = tempfile::tempdir().unwrap();
    assert!(yishi(dir.path(), &["demo"], None).status.success());
    let show = yishi(dir.path(), &["show"], None);
    let s = text(&show.stdout);
    assert!(s.contains("已结束并封存") && s.contains("记名表决") && s.contains("举手表决") && s.contains("无记名投票"), "{s}");
    assert!(s.contains("拒签") && s.contains("律师见证"), "{s}");
    let v = yishi(dir.path(), &["verify"], None);
    assert_eq!(v.status.code(), Some(0));
    assert_eq!(text(&v.stdout).matches("完好 intact").count(), 2);
}

#[test]
fn verify_exits_4_and_names_a_tampered_meeting() {
    let dir = tempfile::tempdir().unwrap();
    assert!(yishi(dir.path(), &["demo"], None).status.success());
    let list: serde_json::Value = serde_json::from_slice(&yishi(dir.path(), &["list", "--json"], None).stdout).unwrap();
    let id: yishi::MeetingId = list[0]["id"].as_str().unwrap().parse().unwrap();
    {
        let store = yishi::Store::open(dir.path()).unwrap();
        let key = yishi::store::chain::event_key(id, 2);
        let mut v = store.log_tree().get(key).unwrap().unwrap().to_vec();
        let n = v.len() - 5;
        v[n] ^= 1;
        store.log_tree().insert(key, v).unwrap();
        store.log_tree().flush().unwrap();
    }
    let v = yishi(dir.path(), &["verify"], None);
    assert_eq!(v.status.code(), Some(4));
    let out = text(&v.stdout);
    assert!(out.contains(&id.to_string()) && out.contains("第 2 个事件") && out.contains("event 2"), "{out}");
}

#[test]
fn verify_of_no_meeting_an_empty_store_or_a_missing_folder_exits_5_and_creates_nothing() {
    // a folder that does not exist: an error, and it is not created
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("没有这个 目录");
    let o = yishi(&missing, &["verify"], None);
    assert_eq!(o.status.code(), Some(5), "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("nothing verified") && text(&o.stderr).contains("未作核对"));
    assert!(!missing.exists(), "verify created the folder");
    // a store with no meeting in it (only a roster)
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("roster.csv");
    std::fs::write(&csv, "编号,姓名,类别\np1,李卫东,3\n").unwrap();
    let data = dir.path().join("data");
    assert!(yishi(&data, &["roster", "--import", csv.to_str().unwrap()], None).status.success());
    let o = yishi(&data, &["verify"], None);
    assert_eq!(o.status.code(), Some(5), "{}", text(&o.stderr));
    assert!(text(&o.stdout).is_empty(), "nothing said to be intact: {}", text(&o.stdout));
    // a full id of no meeting, in a store that has meetings
    let (_, _, held) = after_create("");
    let o = yishi(held.path(), &["verify", "99999999-9999-4999-8999-999999999999"], None);
    assert_eq!(o.status.code(), Some(5), "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("99999999-9999-4999-8999-999999999999"));
    assert!(text(&o.stdout).is_empty());
    // and the meeting that is there verifies
    let o = yishi(held.path(), &["verify", M], None);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains(M));
}

#[test]
fn help_lists_every_exit_code() {
    let o = Command::new(BIN).arg("--help").output().unwrap();
    let help = text(&o.stdout);
    for code in ["0  ", "1  ", "2  ", "3  ", "4  ", "5  "] {
        assert!(help.lines().any(|l| l.trim_start().starts_with(code)), "exit code {code} in --help:\n{help}");
    }
}
