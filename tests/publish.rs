//! R-PUBLISH: a street result is published on the notice board and online within 3 days of
//! the meeting; after that the chair is warned, naming the channels still missing.

mod common;
use chrono::Duration;
use common::t;
use yishi::ids::MeetingId;
use yishi::publish::{deadline, warning};
use yishi::rules::Rule;
use yishi::setup::{Form, Level};
use yishi::sign::Channel;
use yishi::state::Meeting;
use yishi::{decide, demo, Command, Event, Intent, Time};

/// The demo's sealed meeting, held at `level`, folded through `decide` as the store does.
fn sealed(level: Level) -> (Meeting, Vec<Command>) {
    let mut cmds = demo::sealed_meeting(MeetingId::new_random(), t("2027-03-01T19:30:00+08:00"));
    if let Intent::CreateMeeting(setup) = &mut cmds[0].intent {
        setup.level = level;
        if level == Level::Street {
            setup.form = Form::DemocraticConsultation; // 民主协商会 (五.(一))
        }
    }
    (fold(None, &cmds), cmds)
}

fn fold(start: Option<Meeting>, cmds: &[Command]) -> Meeting {
    let mut state = start;
    for cmd in cmds {
        let d = decide(state.as_ref(), cmd).unwrap_or_else(|r| panic!("{:?} refused: {r}", cmd.intent));
        for e in &d.events {
            match (&mut state, e) {
                (None, Event::MeetingCreated(setup)) => state = Some(Meeting::create(cmd.meeting, setup, cmd.at)),
                (Some(m), e) => m.apply(e, cmd.at),
                (None, _) => panic!("the first event creates the meeting"),
            }
        }
    }
    state.expect("a meeting")
}

/// Records a publication through the intent, at `at`.
fn publish(m: Meeting, channel: Channel, at: Time) -> Meeting {
    let cmd = Command { meeting: m.id, at, intent: Intent::RecordPublication { channel, place: "社区公示栏".into() } };
    fold(Some(m), &[cmd])
}

fn closed(m: &Meeting) -> Time {
    m.closed_at.expect("the demo meeting is closed")
}

#[test]
fn community_meetings_have_no_three_day_deadline() {
    let (m, _) = sealed(Level::Community);
    let month = closed(&m) + Duration::days(30);
    assert_eq!(deadline(&m, month), None);
    assert_eq!(warning(&m, month), None);
}

#[test]
fn within_three_days_a_street_result_is_due_not_overdue() {
    let (m, _) = sealed(Level::Street);
    let d = deadline(&m, closed(&m) + Duration::days(2)).unwrap();
    assert_eq!(d.deadline, closed(&m) + Duration::days(3));
    assert_eq!(d.missing, vec![Channel::NoticeBoard, Channel::Online]);
    assert!(!d.overdue);
    assert_eq!(warning(&m, closed(&m) + Duration::days(3)), None, "the last moment is still in time");
}

#[test]
fn after_three_days_the_chair_is_warned_naming_the_missing_channel() {
    let (m, _) = sealed(Level::Street);
    let c = closed(&m);
    let m = publish(m, Channel::NoticeBoard, c + Duration::days(1));
    let w = warning(&m, c + Duration::days(3) + Duration::seconds(1)).expect("overdue");
    assert_eq!(w.rule, Rule::Publish);
    assert_eq!(w.code, "publish_overdue");
    assert!(w.message_zh.contains("线上公开"), "{}", w.message_zh);
    assert!(!w.message_zh.contains("线下公示栏"), "the notice board was on time: {}", w.message_zh);
    assert!(w.message_zh.contains("R-PUBLISH"), "{}", w.message_zh);
    assert!(w.message_en.contains("online") && w.message_en.contains("R-PUBLISH"), "{}", w.message_en);
}

#[test]
fn published_on_both_channels_in_time_gives_no_warning_ever() {
    let (m, _) = sealed(Level::Street);
    let c = closed(&m);
    let m = publish(m, Channel::NoticeBoard, c + Duration::hours(20));
    let m = publish(m, Channel::Online, c + Duration::days(3));
    let later = c + Duration::days(60);
    assert!(deadline(&m, later).unwrap().missing.is_empty());
    assert_eq!(warning(&m, later), None);
}

#[test]
fn publishing_after_the_deadline_stays_marked_late() {
    let (m, _) = sealed(Level::Street);
    let c = closed(&m);
    let m = publish(m, Channel::NoticeBoard, c + Duration::days(1));
    let m = publish(m, Channel::Online, c + Duration::days(5));
    let w = warning(&m, c + Duration::days(6)).expect("late");
    assert_eq!(w.code, "publish_late");
    assert!(w.message_zh.contains("线上公开"), "{}", w.message_zh);
}

#[test]
fn a_late_channel_is_not_called_unpublished_while_another_still_is() {
    let (m, _) = sealed(Level::Street);
    let c = closed(&m);
    let m = publish(m, Channel::NoticeBoard, c + Duration::days(5));
    let w = warning(&m, c + Duration::days(6)).expect("overdue");
    assert_eq!(w.code, "publish_overdue");
    assert!(w.message_zh.contains("尚未登记：线上公开（"), "only the online one is missing: {}", w.message_zh);
    assert!(!w.message_zh.contains("线下公示栏"), "{}", w.message_zh);
}

#[test]
fn a_meeting_not_yet_closed_has_no_deadline() {
    let (_, cmds) = sealed(Level::Street);
    // Everything up to, not including, the closing.
    let open = fold(None, &cmds[..cmds.len() - 1]);
    assert_eq!(open.closed_at, None);
    assert_eq!(deadline(&open, t("2030-01-01T00:00:00+08:00")), None);
}

#[test]
fn the_deadline_is_written_in_the_meetings_own_time_zone() {
    let (m, _) = sealed(Level::Street);
    let w = warning(&m, closed(&m) + Duration::days(4)).unwrap();
    let due = (closed(&m) + Duration::days(3)).format("%Y-%m-%d %H:%M").to_string();
    assert!(w.message_zh.contains(&due), "{} should name {due}", w.message_zh);
    assert!(due.starts_with("2027-03-0"), "{due}");
}

/// The street meeting written through a store, as the app does.
fn stored_street() -> (tempfile::TempDir, MeetingId, Time) {
    let dir = tempfile::tempdir().unwrap();
    let (_, cmds) = sealed(Level::Street);
    let store = yishi::Store::open(dir.path()).unwrap();
    let mut closed = None;
    for cmd in &cmds {
        closed = store.apply(cmd).unwrap().meeting.closed_at;
    }
    let id = cmds[0].meeting;
    let closed = closed.unwrap();
    store
        .apply(&Command {
            meeting: id,
            at: closed + Duration::days(1),
            intent: Intent::RecordPublication { channel: Channel::NoticeBoard, place: "社区公示栏".into() },
        })
        .unwrap();
    (dir, id, closed)
}

#[test]
fn the_meeting_index_warns_as_the_record_does_without_reading_it() {
    let (dir, id, closed) = stored_street();
    let store = yishi::Store::open(dir.path()).unwrap();
    let summary = store.list().unwrap().into_iter().find(|s| s.id == id).unwrap();
    let meeting = store.snapshot(id).unwrap().meeting;
    assert_eq!(summary.publish, yishi::publish::PublishFacts::of(&meeting));
    for days in [2, 4] {
        let now = closed + Duration::days(days);
        assert_eq!(store.publish_warning(&summary, now).unwrap(), warning(&meeting, now), "{days} days on");
    }
    assert!(store.publish_warning(&summary, closed + Duration::days(4)).unwrap().is_some());
}

#[test]
fn an_index_entry_from_before_the_facts_were_kept_is_read_from_the_record() {
    let (dir, id, closed) = stored_street();
    {
        // Rewrite the entry as an earlier version wrote it: no `publish` field.
        let store = yishi::Store::open(dir.path()).unwrap();
        let key = yishi::store::chain::index_key(id);
        let mut entry: serde_json::Value = serde_json::from_slice(&store.log_tree().get(key).unwrap().unwrap()).unwrap();
        entry.as_object_mut().unwrap().remove("publish").expect("the entry keeps the facts now");
        store.log_tree().insert(key, serde_json::to_vec(&entry).unwrap()).unwrap();
        store.log_tree().flush().unwrap();
    }
    let store = yishi::Store::open(dir.path()).unwrap();
    assert!(store.wait_for_audit().is_empty(), "the index head still matches the chain");
    let summary = store.list().unwrap().into_iter().find(|s| s.id == id).unwrap();
    assert_eq!(summary.publish, yishi::publish::PublishFacts::default());
    let w = store.publish_warning(&summary, closed + Duration::days(4)).unwrap().expect("read from the record");
    assert_eq!(w.code, "publish_overdue");
    assert!(w.message_zh.contains("尚未登记：线上公开"), "{}", w.message_zh);
}

#[test]
fn yishi_list_flags_a_street_meeting_past_its_deadline() {
    let dir = tempfile::tempdir().unwrap();
    // Held long enough ago that the 3 days have passed by any clock running this test.
    let mut cmds = demo::sealed_meeting(MeetingId::new_random(), t("2026-01-10T19:30:00+08:00"));
    if let Intent::CreateMeeting(setup) = &mut cmds[0].intent {
        setup.level = Level::Street;
        setup.form = Form::DemocraticConsultation;
    }
    let script = dir.path().join("street.jsonl");
    let lines: Vec<String> = cmds.iter().map(|c| serde_json::to_string(c).unwrap()).collect();
    std::fs::write(&script, lines.join("\n") + "\n").unwrap();
    let data = dir.path().join("data");
    let run = |args: &[&str]| common::yishi(&data, args);
    run(&["apply", script.to_str().unwrap(), "--quiet"]);
    let listed = run(&["list"]);
    assert!(listed.contains("公示逾期 / publication overdue（R-PUBLISH）"), "{listed}");
    // Published on both channels (late): no longer flagged in the list; `show` says it came late.
    let id = cmds[0].meeting.to_string();
    let publish = |channel: &str| {
        format!(r#"{{"meeting":"{id}","intent":{{"type":"record_publication","channel":"{channel}","place":"街道公示栏"}}}}"#)
    };
    std::fs::write(&script, format!("{}\n{}\n", publish("notice_board"), publish("online"))).unwrap();
    run(&["apply", script.to_str().unwrap(), "--quiet"]);
    let listed = run(&["list"]);
    assert!(!listed.contains("公示逾期"), "{listed}");
    let shown = run(&["show", &id]);
    assert!(shown.contains("逾期才公开：线下公示栏、线上公开（R-PUBLISH）"), "{shown}");
}
