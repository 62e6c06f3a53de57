//! R-IMPLEMENT and R-EVALUATE: a resolution is carried out by a named leader and department by
//! a completion time, with a feedback deadline; progress is reported, completed work evaluated
//! (评议), and rectification reopens it. All of it is appended to the record, sealed or not.

mod common;
use chrono::Duration;
use common::t;
use yishi::i18n::Locale;
use yishi::ids::MeetingId;
use yishi::implement::{warnings, warnings_of, Verdict};
use yishi::refusal::Field;
use yishi::rules::Rule;
use yishi::store::Store;
use yishi::{demo, ApplyError, Command, Intent, Refusal, Time};

const START: &str = "2027-03-01T19:30:00+08:00";

/// The demo's sealed meeting in a fresh store: i1 (lifts) and i3 (canteen) passed, i2
/// (parking) failed.
fn sealed() -> (tempfile::TempDir, Store, MeetingId, Time) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let id = MeetingId::new_random();
    for cmd in demo::sealed_meeting(id, t(START)) {
        store.apply(&cmd).unwrap();
    }
    let closed = store.snapshot(id).unwrap().meeting.closed_at.unwrap();
    (dir, store, id, closed)
}

fn assign(item: &str, due: Time, feedback_by: Time) -> Intent {
    Intent::AssignAction {
        item: item.into(),
        leader: "王建国（街道城建办主任）".into(),
        department: "街道城市建设办公室".into(),
        requirements: "完成3栋、5栋加装电梯的报建和施工招标，施工期间每周向业主通报进度".into(),
        due,
        feedback_by,
    }
}

fn progress(action: u32, note: &str, done: bool) -> Intent {
    Intent::ReportProgress { action, note: note.into(), done }
}

fn evaluate(action: u32, verdict: Verdict, rectification: Option<&str>) -> Intent {
    Intent::EvaluateAction {
        action,
        by: "居务监督委员会".into(),
        verdict,
        rectification: rectification.map(str::to_string),
    }
}

fn apply(store: &Store, id: MeetingId, at: Time, intent: Intent) -> Result<(), Refusal> {
    match store.apply(&Command { meeting: id, at, intent }) {
        Ok(_) => Ok(()),
        Err(ApplyError::Refused(r)) => Err(r),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn a_passed_resolution_gets_an_action_appended_to_the_sealed_record() {
    let (_d, store, id, closed) = sealed();
    let before = store.snapshot(id).unwrap().record;
    let at = closed + Duration::days(1);
    apply(&store, id, at, assign("i1", at + Duration::days(90), at + Duration::days(14))).unwrap();

    let snap = store.snapshot(id).unwrap();
    let m = &snap.meeting;
    assert!(m.is_sealed(), "still sealed: the action is appended, nothing edited");
    assert_eq!(m.actions.len(), 1);
    let a = &m.actions[0];
    assert_eq!((a.no, a.item.as_str(), a.department.as_str()), (1, "i1", "街道城市建设办公室"));
    assert_eq!((a.due, a.feedback_by, a.assigned_at), (at + Duration::days(90), at + Duration::days(14), at));
    assert_eq!(a.done_at(), None);
    // The chain grew by one event and still verifies from its first event.
    assert_eq!(snap.record.events, before.events + 1);
    assert_ne!(snap.record.head, before.head);
    assert!(store.verify(Some(id)).unwrap().is_empty(), "the chain verifies");
}

#[test]
fn only_a_resolution_is_carried_out() {
    let (_d, store, id, closed) = sealed();
    let at = closed + Duration::days(1);
    let r = apply(&store, id, at, assign("i2", at + Duration::days(30), at + Duration::days(7))).unwrap_err();
    assert_eq!((r.code(), r.rule()), ("no_resolution", Some(Rule::Implement)));
    assert!(r.message(Locale::Zh).contains("关于调整小区临时停车收费标准的议题"), "{}", r.message(Locale::Zh));
    let r = apply(&store, id, at, assign("i9", at + Duration::days(30), at + Duration::days(7))).unwrap_err();
    assert_eq!(r.code(), "unknown_item");
    assert!(store.snapshot(id).unwrap().meeting.actions.is_empty(), "nothing recorded by a refusal");
}

#[test]
fn each_field_is_checked_and_named_with_the_rule() {
    let (_d, store, id, closed) = sealed();
    let at = closed + Duration::days(1);
    let mut blank = assign("i1", at + Duration::days(30), at + Duration::days(7));
    if let Intent::AssignAction { leader, .. } = &mut blank {
        *leader = "  ".into();
    }
    let r = apply(&store, id, at, blank).unwrap_err();
    assert_eq!(r.code(), "empty");
    assert_eq!(r.message(Locale::Zh), "“责任领导（实施人）”不能为空（R-IMPLEMENT）");

    let r = apply(&store, id, at, assign("i1", at - Duration::days(1), at + Duration::days(7))).unwrap_err();
    assert_eq!(r.code(), "in_the_past");
    assert_eq!(r.message(Locale::Zh), "“完成时间”不能早于登记时间（R-IMPLEMENT）");
    assert_eq!(r.message(Locale::En), "completion time: must not be before the time it is recorded (R-IMPLEMENT)");
    let r = apply(&store, id, at, assign("i1", at + Duration::days(30), at - Duration::hours(1))).unwrap_err();
    assert!(matches!(&r, Refusal::InIntent { inner, .. } if **inner == Refusal::InThePast { field: Field::FeedbackBy }));

    // A community action may leave the department empty: the 两委 implement (六.(二).8).
    let mut community = assign("i3", at + Duration::days(30), at + Duration::days(7));
    if let Intent::AssignAction { department, .. } = &mut community {
        department.clear();
    }
    apply(&store, id, at, community).unwrap();
    assert!(store.snapshot(id).unwrap().meeting.actions[0].department.is_empty());
}

#[test]
fn progress_is_reported_until_done_and_evaluation_may_reopen_it() {
    let (_d, store, id, closed) = sealed();
    let at = closed + Duration::days(1);
    apply(&store, id, at, assign("i1", at + Duration::days(90), at + Duration::days(14))).unwrap();

    assert_eq!(apply(&store, id, at, progress(2, "已开工", false)).unwrap_err().code(), "unknown_action");
    let r = apply(&store, id, at, evaluate(1, Verdict::Satisfactory, None)).unwrap_err();
    assert_eq!((r.code(), r.rule()), ("action_not_done", Some(Rule::Evaluate)));
    assert_eq!(r.message(Locale::Zh), "第 1 项落实事项尚未办结，办结后再评议（R-EVALUATE）");

    apply(&store, id, at + Duration::days(10), progress(1, "已完成报建，施工招标公告已发布", false)).unwrap();
    let done = at + Duration::days(80);
    apply(&store, id, done, progress(1, "两部电梯已通过验收并投入使用", true)).unwrap();
    assert_eq!(store.snapshot(id).unwrap().meeting.actions[0].done_at(), Some(done));
    let r = apply(&store, id, done, progress(1, "补充说明", false)).unwrap_err();
    assert_eq!((r.code(), r.rule()), ("action_done", Some(Rule::Implement)));

    // Rectification must say what is required; then the work is open again.
    let r = apply(&store, id, done, evaluate(1, Verdict::Rectify, Some("  "))).unwrap_err();
    assert_eq!(r.message(Locale::Zh), "“整改要求”不能为空（R-EVALUATE）");
    let later = done + Duration::days(3);
    apply(&store, id, later, evaluate(1, Verdict::Rectify, Some("5栋电梯厅地面防滑处理不到位，限期两周整改"))).unwrap();
    let m = store.snapshot(id).unwrap().meeting;
    assert_eq!((m.actions[0].done_at(), m.actions[0].verdict()), (None, Some(Verdict::Rectify)));
    apply(&store, id, later + Duration::days(10), progress(1, "防滑地砖已更换", true)).unwrap();
    apply(&store, id, later + Duration::days(12), evaluate(1, Verdict::Satisfactory, None)).unwrap();
    let a = &store.snapshot(id).unwrap().meeting.actions[0];
    assert_eq!((a.progress.len(), a.evaluations.len()), (3, 2));
    assert_eq!(a.verdict(), Some(Verdict::Satisfactory));
    assert_eq!(a.done_at(), Some(later + Duration::days(10)));
}

#[test]
fn silence_past_the_feedback_deadline_and_work_past_its_time_are_flagged() {
    let (_d, store, id, closed) = sealed();
    let at = closed + Duration::days(1);
    let (due, feedback) = (at + Duration::days(90), at + Duration::days(14));
    apply(&store, id, at, assign("i1", due, feedback)).unwrap();
    let m = || store.snapshot(id).unwrap().meeting;

    assert!(warnings(&m(), feedback).is_empty(), "the deadline itself is still in time");
    let w = warnings(&m(), feedback + Duration::days(1));
    assert_eq!(w.len(), 1);
    assert_eq!((w[0].rule, w[0].code.as_str()), (Rule::Implement, "feedback_overdue"));
    let feedback_date = feedback.format("%Y-%m-%d").to_string();
    assert_eq!(w[0].message_zh, format!("第 1 项落实事项已过反馈时限 {feedback_date}，尚无进展反馈（R-IMPLEMENT）。"));

    // A report, even a late one, answers the feedback deadline; the completion time remains.
    apply(&store, id, feedback + Duration::days(2), progress(1, "已完成报建", false)).unwrap();
    assert!(warnings(&m(), feedback + Duration::days(3)).is_empty());
    let w = warnings(&m(), due + Duration::days(1));
    assert_eq!(w.iter().map(|w| w.code.as_str()).collect::<Vec<_>>(), ["action_overdue"]);
    assert!(w[0].message_en.contains("Action 1 passed its completion time"), "{}", w[0].message_en);

    // The index holds what the home list needs: the same warnings without the record.
    let listed = store.list().unwrap().into_iter().find(|s| s.id == id).unwrap();
    assert_eq!(warnings_of(&listed.implement, due + Duration::days(1)), w);

    apply(&store, id, due + Duration::days(2), progress(1, "电梯投入使用", true)).unwrap();
    assert!(warnings(&m(), due + Duration::days(30)).is_empty(), "done: nothing overdue");
    let listed = store.list().unwrap().into_iter().find(|s| s.id == id).unwrap();
    assert!(listed.implement.open.is_empty());
}

#[test]
fn the_yishi_tool_records_actions_and_flags_the_overdue_in_list_and_show() {
    let dir = tempfile::tempdir().unwrap();
    let id = MeetingId::new_random();
    let cmds = demo::sealed_meeting(id, t("2026-01-10T19:30:00+08:00"));
    // Assigned after the meeting, due in February 2026: long past by the time this runs.
    let follow = [
        r#"{"type":"assign_action","item":"i3","leader":"刘芳（社区党委副书记）","department":"社区工作站","requirements":"完成场地消防评估和改造，选定运营机构","due":"2026-02-28T18:00:00+08:00","feedback_by":"2026-01-31T18:00:00+08:00"}"#,
        r#"{"type":"report_progress","action":1,"note":"消防评估已完成，改造方案报街道审批"}"#,
    ];
    let mut lines: Vec<String> = cmds.iter().map(|c| serde_json::to_string(c).unwrap()).collect();
    for (n, intent) in follow.iter().enumerate() {
        lines.push(format!(r#"{{"meeting":"{id}","at":"2026-01-{:02}T10:00:00+08:00","intent":{intent}}}"#, 12 + n));
    }
    let script = dir.path().join("follow.jsonl");
    std::fs::write(&script, lines.join("\n") + "\n").unwrap();
    let data = dir.path().join("data");
    let run = |args: &[&str]| common::yishi(&data, args);
    run(&["apply", script.to_str().unwrap(), "--quiet"]);
    let listed = run(&["list"]);
    assert!(listed.contains("落实逾期 / action overdue（R-IMPLEMENT）"), "{listed}");
    let shown = run(&["show", &id.to_string()]);
    assert!(
        shown.contains("落实 1 / action 1：关于在社区党群服务中心设立长者饭堂的议题——刘芳（社区党委副书记），社区工作站，完成时间 2026-02-28，反馈时限 2026-01-31"),
        "{shown}"
    );
    assert!(shown.contains("进展 / progress 2026-01-13 10:00：消防评估已完成，改造方案报街道审批"), "{shown}");
    assert!(shown.contains("第 1 项落实事项已过完成时间 2026-02-28，尚未办结（R-IMPLEMENT）"), "{shown}");
}
