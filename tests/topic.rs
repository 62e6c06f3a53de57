//! The topic pool: R-TOPIC (collected with their source, urgent first, an agenda drawn from the
//! pool keeps the link), R-30DAYS (a decided street topic is deliberated within 30 days) and
//! R-ESCALATE (a community matter forwarded to the street, keeping the link).

mod common;
use chrono::Duration;
use common::t;
use yishi::i18n::Locale;
use yishi::ids::MeetingId;
use yishi::rules::Rule;
use yishi::setup::{Form, Level};
use yishi::store::Store;
use yishi::topic::{self, Source, Status, Topic, TopicLink};
use yishi::community::{CommunityCommand, CommunityIntent};
use yishi::{demo, Intent, Time};

fn topic(id: &str, title: &str, level: Level, urgent: bool, proposed: &str) -> Topic {
    Topic {
        id: id.into(),
        title: title.into(),
        background: String::new(),
        stakeholders: String::new(),
        level,
        urgent,
        source: Source::Residents,
        proposed_at: t(proposed),
        decided_at: None,
        withdrawn: None,
        escalated_from: None,
    }
}

/// One intent of the pool, recorded through the store (the only way in).
fn record(store: &Store, at: Time, intent: CommunityIntent) {
    store.record(&CommunityCommand { at, intent }).unwrap();
}

fn propose(store: &Store, t: Topic) {
    record(store, t.proposed_at, CommunityIntent::ProposeTopic { topic: t });
}

fn decide(store: &Store, id: &str, at: Time) {
    record(store, at, CommunityIntent::DecideTopic { id: id.into() });
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    (dir, store)
}

/// The demo meeting held at the street level on `start`, its first item taking up `link`.
fn street_meeting(store: &Store, start: &str, link: TopicLink, held: bool) -> MeetingId {
    let id = MeetingId::new_random();
    let mut cmds = demo::sealed_meeting(id, t(start));
    if let Intent::CreateMeeting(setup) = &mut cmds[0].intent {
        setup.level = Level::Street;
        setup.form = Form::DemocraticConsultation;
        setup.agenda[0].topic = Some(link);
    }
    let n = if held { cmds.len() } else { 1 };
    for cmd in &cmds[..n] {
        store.apply(cmd).unwrap();
    }
    id
}

#[test]
fn a_topic_needs_a_title_and_is_refused_naming_the_field_and_the_rule() {
    let mut blank = topic("t1", " ", Level::Community, false, "2026-11-01T09:00:00+08:00");
    let r = topic::propose(&blank).unwrap_err();
    assert_eq!(r.code(), "empty");
    assert_eq!(r.message(Locale::Zh), "“标题”不能为空（R-TOPIC）");
    blank.title = "加装电梯".into();
    blank.id = "bad id".into();
    assert_eq!(topic::propose(&blank).unwrap_err().code(), "bad_id");
}

#[test]
fn the_pool_is_urgent_first_then_oldest_and_settled_topics_last() {
    let (_d, store) = store();
    let now = t("2026-11-27T09:00:00+08:00");
    for t in [
        topic("a", "小区绿化补种", Level::Community, false, "2026-11-02T09:00:00+08:00"),
        topic("b", "消防通道被占", Level::Community, true, "2026-11-20T09:00:00+08:00"),
        topic("c", "篮球场开放时间", Level::Community, false, "2026-10-20T09:00:00+08:00"),
        topic("w", "已撤回的议题", Level::Community, true, "2026-10-01T09:00:00+08:00"),
    ] {
        propose(&store, t);
    }
    let reason = "已由物业解决".to_string();
    record(&store, t("2026-10-05T09:00:00+08:00"), CommunityIntent::WithdrawTopic { id: "w".into(), reason });
    let pool = store.pool(now).unwrap();
    let order: Vec<&str> = pool.iter().map(|e| e.topic.id.as_str()).collect();
    assert_eq!(order, ["b", "c", "a", "w"], "urgent first (先急后缓), then the oldest; withdrawn last");
    assert_eq!(pool[3].status, Status::Withdrawn);
    assert_eq!(pool[3].topic.withdrawn.as_ref().unwrap().reason, "已由物业解决");
}

#[test]
fn a_topic_moves_forward_only() {
    let t0 = topic("t1", "加装电梯", Level::Street, false, "2026-11-01T09:00:00+08:00");
    let decided = topic::decide(&t0, t("2026-11-05T09:00:00+08:00")).unwrap();
    let r = topic::decide(&decided, t("2026-11-06T09:00:00+08:00")).unwrap_err();
    assert_eq!((r.code(), r.rule()), ("topic_not_open", Some(Rule::Topic)));
    let r = topic::withdraw(&decided, t("2026-11-06T09:00:00+08:00"), "").unwrap_err();
    assert_eq!(r.message(Locale::Zh), "“理由”不能为空（R-TOPIC）");
    let gone = topic::withdraw(&decided, t("2026-11-06T09:00:00+08:00"), "并入其他议题").unwrap();
    assert_eq!(topic::decide(&gone, t("2026-11-07T09:00:00+08:00")).unwrap_err().code(), "topic_not_open");
    assert_eq!(topic::withdraw(&gone, t("2026-11-07T09:00:00+08:00"), "再次").unwrap_err().code(), "topic_not_open");
}

#[test]
fn a_decided_street_topic_without_a_meeting_in_30_days_is_overdue() {
    let (_d, store) = store();
    let decided: Time = t("2026-09-01T09:00:00+08:00");
    propose(&store, topic("s", "背街小巷改造", Level::Street, false, "2026-08-20T09:00:00+08:00"));
    propose(&store, topic("c", "楼道杂物清理", Level::Community, false, "2026-08-20T09:00:00+08:00"));
    decide(&store, "s", decided);
    decide(&store, "c", decided);

    let within = store.pool(decided + Duration::days(30)).unwrap();
    assert!(within.iter().all(|e| e.warning.is_none()), "the 30th day is still in time");
    let after = store.pool(decided + Duration::days(31)).unwrap();
    let s = after.iter().find(|e| e.topic.id == "s").unwrap();
    assert_eq!(s.status, Status::Decided);
    let w = s.warning.as_ref().expect("overdue");
    assert_eq!((w.rule, w.code.as_str()), (Rule::ThirtyDays, "topic_overdue"));
    assert_eq!(w.message_zh, "街道议题“背街小巷改造”确定后应在30天内召开会议协商，期限 2026-10-01 已过，尚未安排会议（R-30DAYS）。");
    assert!(after.iter().find(|e| e.topic.id == "c").unwrap().warning.is_none(), "R-30DAYS is the street's rule");
}

#[test]
fn a_street_meeting_after_the_30_days_says_so_in_the_pool_and_in_its_own_record() {
    let (_d, store) = store();
    let decided = t("2026-09-01T09:00:00+08:00");
    propose(&store, topic("s", "背街小巷改造", Level::Street, true, "2026-08-20T09:00:00+08:00"));
    decide(&store, "s", decided);
    // The core fills in the decision time from the pool, whatever the caller sent (R-30DAYS).
    let link = TopicLink { id: "s".into(), decided_at: None };
    let id = street_meeting(&store, "2026-10-08T19:30:00+08:00", link, false);

    let pool = store.pool(t("2026-10-02T09:00:00+08:00")).unwrap();
    assert_eq!(pool[0].status, Status::Scheduled);
    assert_eq!(pool[0].meetings.len(), 1);
    assert_eq!(pool[0].meetings[0].meeting, id);
    let w = pool[0].warning.as_ref().expect("scheduled after the 30 days");
    assert_eq!(w.code, "topic_scheduled_late");
    assert!(w.message_zh.contains("应在 2026-10-01 前协商，会议却安排在 2026-10-08"), "{}", w.message_zh);
    // The meeting's own record states it (the minutes print setup warnings).
    let warnings = store.snapshot(id).unwrap().warnings;
    let own = warnings.iter().find(|w| w.rule == Rule::ThirtyDays).expect("in the record");
    assert_eq!(own.code, "item_topic_late");
    assert!(own.message_zh.contains("于 2026-09-01 确定"), "{}", own.message_zh);
}

#[test]
fn a_meeting_held_in_time_deliberates_the_topic_without_warning() {
    let (_d, store) = store();
    let decided = t("2026-09-01T09:00:00+08:00");
    propose(&store, topic("s", "背街小巷改造", Level::Street, false, "2026-08-20T09:00:00+08:00"));
    decide(&store, "s", decided);
    let id = street_meeting(&store, "2026-09-20T19:30:00+08:00", TopicLink { id: "s".into(), decided_at: Some(decided) }, true);
    let pool = store.pool(t("2026-11-27T09:00:00+08:00")).unwrap();
    assert_eq!((pool[0].status, pool[0].warning.is_none()), (Status::Deliberated, true));
    assert!(pool[0].meetings[0].held);
    assert!(store.snapshot(id).unwrap().warnings.iter().all(|w| w.rule != Rule::ThirtyDays));
}

#[test]
fn a_community_matter_is_escalated_to_the_street_keeping_the_link() {
    let (_d, store) = store();
    let id = MeetingId::new_random();
    for cmd in demo::sealed_meeting(id, t("2026-11-19T19:30:00+08:00")) {
        store.apply(&cmd).unwrap();
    }
    let m = store.snapshot(id).unwrap().meeting;
    let at = t("2026-11-21T10:00:00+08:00");
    // i2 (parking fees) failed: forwarded to the street.
    let up = topic::escalate(&m, &"i2".into(), Level::Street, "t-up".into(), at).unwrap();
    assert_eq!((up.level, up.source, up.proposed_at), (Level::Street, Source::Escalated, at));
    assert_eq!(up.title, "关于调整小区临时停车收费标准的议题");
    let link = up.escalated_from.as_ref().unwrap();
    assert_eq!((link.meeting, link.item.as_str()), (id, "i2"));
    assert!(up.background.contains("同意临时停车收费调整为每小时5元"), "what happened is carried: {}", up.background);
    let escalate = CommunityIntent::EscalateItem { meeting: id, item: "i2".into(), to: Level::Street, id: "t-up".into() };
    record(&store, at, escalate);
    assert_eq!(store.topic("t-up").unwrap().unwrap(), up);

    let r = topic::escalate(&m, &"i9".into(), Level::Street, "x".into(), at).unwrap_err();
    assert_eq!(r.code(), "unknown_item");
    // A street meeting's item is not escalated further.
    let street = street_meeting(&store, "2026-11-25T19:30:00+08:00", TopicLink { id: "t-up".into(), decided_at: None }, true);
    let sm = store.snapshot(street).unwrap().meeting;
    let r = topic::escalate(&sm, &"i1".into(), Level::Street, "y".into(), at).unwrap_err();
    assert_eq!((r.code(), r.rule()), ("cannot_escalate", Some(Rule::Escalate)));
}

#[test]
fn an_item_without_a_topic_is_written_as_before() {
    // Records written before topics existed hash the same: no `topic` key is added.
    let item = &demo::agenda()[0];
    assert!(!serde_json::to_string(item).unwrap().contains("topic"));
}

#[test]
fn the_yishi_tool_lists_the_pool_urgent_first_with_its_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    {
        let store = Store::open(&data).unwrap();
        let decided = t("2026-01-05T09:00:00+08:00");
        propose(&store, topic("s", "背街小巷改造", Level::Street, false, "2026-01-02T09:00:00+08:00"));
        decide(&store, "s", decided);
        propose(&store, topic("u", "消防通道被占", Level::Community, true, "2026-01-03T09:00:00+08:00"));
    }
    let text = common::yishi(&data, &["topics"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "【急】消防通道被占（社区（村）协商，居民提议）— 待确定", "{text}");
    assert_eq!(lines[1], "背街小巷改造（街道协商，居民提议）— 已确定，待安排会议", "{text}");
    assert!(lines[2].contains("期限 2026-02-04 已过，尚未安排会议（R-30DAYS）"), "{text}");
}
