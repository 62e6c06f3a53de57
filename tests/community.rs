//! The roster (R-PARTIES) and the topic pool (R-TOPIC, R-30DAYS, R-ESCALATE) as hash-chained
//! logs: every change is an intent checked by the core, appended durably, folded into the state
//! the app shows; `yishi verify` and the repair cover them like a meeting's record.

mod common;
use common::t;
use std::process::Command as Cmd;
use yishi::community::{CommunityCommand, CommunityEvent, CommunityIntent as I, List};
use yishi::ids::{MeetingId, PersonId};
use yishi::people::{PartyGroup, Person};
use yishi::setup::Level;
use yishi::store::{BreakKind, Store};
use yishi::topic::{Source, Topic, TopicLink};
use yishi::{demo, ApplyError, Intent};

fn person(id: &str, name: &str) -> Person {
    Person { id: PersonId(id.into()), name: name.into(), group: PartyGroup::Residents, two_committees: false }
}

fn topic(id: &str, title: &str, level: Level) -> Topic {
    Topic {
        id: id.into(),
        title: title.into(),
        background: String::new(),
        stakeholders: String::new(),
        level,
        urgent: false,
        source: Source::Residents,
        proposed_at: t("2026-11-01T09:00:00+08:00"),
        decided_at: None,
        withdrawn: None,
        escalated_from: None,
    }
}

fn record(store: &Store, at: &str, intent: I) -> Result<(), ApplyError> {
    store.record(&CommunityCommand { at: t(at), intent })
}

fn refusal(r: Result<(), ApplyError>) -> yishi::Refusal {
    match r {
        Err(ApplyError::Refused(r)) => r,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn run(data: &std::path::Path, args: &[&str]) -> std::process::Output {
    Cmd::new(env!("CARGO_BIN_EXE_yishi")).arg("--data-dir").arg(data).args(args).output().unwrap()
}

/// A roster and a pool, recorded through the door.
fn community(store: &Store) {
    let people = vec![person("p01", "李卫东"), person("p02", "王秀英"), person("p03", "黄志强")];
    record(store, "2026-11-01T08:00:00+08:00", I::ImportPeople { people }).unwrap();
    record(store, "2026-11-01T08:10:00+08:00", I::AddPerson { person: person("", "陈建国") }).unwrap();
    record(store, "2026-11-01T08:20:00+08:00", I::ChangePerson { person: person("p02", "王秀瑛") }).unwrap();
    record(store, "2026-11-01T08:30:00+08:00", I::RemovePerson { id: PersonId("p03".into()) }).unwrap();
    record(store, "2026-11-01T09:00:00+08:00", I::ProposeTopic { topic: topic("t-lift", "3栋加装电梯", Level::Community) }).unwrap();
    record(store, "2026-11-01T09:05:00+08:00", I::ProposeTopic { topic: topic("t-lane", "背街小巷改造", Level::Street) }).unwrap();
    record(store, "2026-11-02T09:00:00+08:00", I::DecideTopic { id: "t-lane".into() }).unwrap();
}

#[test]
fn r_parties_every_roster_change_is_an_entry_of_its_chained_log() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    community(&store);
    let names: Vec<(String, String)> = store.roster().unwrap().into_iter().map(|p| (p.id.to_string(), p.name)).collect();
    assert_eq!(names, [("p01".into(), "李卫东".into()), ("p02".into(), "王秀瑛".into()), ("p04".into(), "陈建国".into())]);
    // Nothing is overwritten or deleted: the change and the removal are entries of the log.
    let entries = store.list_entries(List::Roster).unwrap();
    let kinds: Vec<&str> = entries
        .iter()
        .map(|e| match &e.event {
            CommunityEvent::PersonAdded(_) => "added",
            CommunityEvent::PersonChanged(_) => "changed",
            CommunityEvent::PersonRemoved { .. } => "removed",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, ["added", "added", "added", "added", "changed", "removed"]);
    assert_eq!(entries[5].event, CommunityEvent::PersonRemoved { id: PersonId("p03".into()), name: "黄志强".into() });
    assert_eq!(entries[5].at, t("2026-11-01T08:30:00+08:00"));
    assert_eq!((entries[2].intent, entries[3].intent), (1, 2), "an import is one intent");
    // Folded again from the journal, the state is the same.
    let roster = store.roster().unwrap();
    let pool = store.topics().unwrap();
    drop(store);
    let again = Store::open(dir.path()).unwrap();
    assert_eq!((again.roster().unwrap(), again.topics().unwrap()), (roster, pool));
    assert!(again.verify_lists().unwrap().is_empty());
}

#[test]
fn r_parties_roster_intents_are_checked_by_the_core_and_refusals_record_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    community(&store);
    let before = store.list_entries(List::Roster).unwrap().len();
    let r = refusal(record(&store, "2026-11-03T09:00:00+08:00", I::AddPerson { person: person("p01", "重名") }));
    assert_eq!(r.code(), "duplicate");
    let r = refusal(record(&store, "2026-11-03T09:00:00+08:00", I::ChangePerson { person: person("p99", "无此人") }));
    assert_eq!(r.code(), "unknown_person");
    let r = refusal(record(&store, "2026-11-03T09:00:00+08:00", I::RemovePerson { id: PersonId("p03".into()) }));
    assert_eq!(r.code(), "unknown_person", "removed already");
    let r = refusal(record(&store, "2026-11-03T09:00:00+08:00", I::AddPerson { person: person("p05", " ") }));
    assert_eq!(r.code(), "empty");
    // An import is all or nothing: one bad row, nothing recorded.
    let people = vec![person("p07", "新居民"), person("p08", "")];
    assert_eq!(refusal(record(&store, "2026-11-03T09:00:00+08:00", I::ImportPeople { people })).code(), "empty");
    assert_eq!(store.list_entries(List::Roster).unwrap().len(), before);
    assert!(store.roster().unwrap().iter().all(|p| p.id.as_str() != "p07"));
}

#[test]
fn r_topic_a_topics_facts_only_move_forward_through_the_door() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    community(&store);
    let r = refusal(record(&store, "2026-11-03T09:00:00+08:00", I::DecideTopic { id: "t-lane".into() }));
    assert_eq!(r.code(), "topic_not_open");
    let r = refusal(record(&store, "2026-11-03T09:00:00+08:00", I::ProposeTopic { topic: topic("t-lift", "再提一次", Level::Community) }));
    assert_eq!(r.code(), "duplicate");
    let r = refusal(record(&store, "2026-11-03T09:00:00+08:00", I::WithdrawTopic { id: "t-none".into(), reason: "x".into() }));
    assert_eq!(r.code(), "unknown_topic");
    record(&store, "2026-11-04T09:00:00+08:00", I::WithdrawTopic { id: "t-lift".into(), reason: "业主自筹解决".into() }).unwrap();
    let lift = store.topic("t-lift").unwrap().unwrap();
    assert_eq!(lift.withdrawn.unwrap().at, t("2026-11-04T09:00:00+08:00"));
    assert_eq!(store.topic("t-lane").unwrap().unwrap().decided_at, Some(t("2026-11-02T09:00:00+08:00")));
}

/// The demo's first meeting, at `level`, its first item taking up `link`.
fn meeting_with(store: &Store, level: Level, link: TopicLink) -> Result<MeetingId, ApplyError> {
    let id = MeetingId::new_random();
    let mut cmds = demo::sealed_meeting(id, t("2026-11-19T19:30:00+08:00"));
    if let Intent::CreateMeeting(setup) = &mut cmds[0].intent {
        if level == Level::Street {
            setup.level = Level::Street;
            setup.form = yishi::setup::Form::DemocraticConsultation;
        }
        setup.agenda[0].topic = Some(link);
    }
    store.apply(&cmds[0]).map(|_| id)
}

#[test]
fn r_30days_the_core_links_agenda_topics_from_the_pool_and_fills_in_the_decision_time() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    community(&store);
    // The caller's decision time is not trusted: the pool's is recorded.
    let forged = TopicLink { id: "t-lane".into(), decided_at: Some(t("2026-11-18T09:00:00+08:00")) };
    let id = meeting_with(&store, Level::Street, forged).unwrap();
    let m = store.meeting(id).unwrap();
    assert_eq!(m.agenda[0].spec.topic.as_ref().unwrap().decided_at, Some(t("2026-11-02T09:00:00+08:00")));
    // Not in the pool, of the other level, or withdrawn: refused, nothing recorded.
    let none = TopicLink { id: "t-none".into(), decided_at: None };
    assert_eq!(refusal(meeting_with(&store, Level::Community, none).map(|_| ())).code(), "unknown_topic");
    let street = TopicLink { id: "t-lane".into(), decided_at: None };
    let r = refusal(meeting_with(&store, Level::Community, street).map(|_| ()));
    assert_eq!((r.code(), r.rule().map(|r| r.id())), ("topic_wrong_level", Some("R-TOPIC")));
    record(&store, "2026-11-04T09:00:00+08:00", I::WithdrawTopic { id: "t-lift".into(), reason: "业主自筹解决".into() }).unwrap();
    let gone = TopicLink { id: "t-lift".into(), decided_at: None };
    assert_eq!(refusal(meeting_with(&store, Level::Community, gone).map(|_| ())).code(), "topic_not_open");
    assert_eq!(store.list().unwrap().len(), 1);
    // What the UI may offer for a new item, decided by the core.
    let offered: Vec<String> = store.offered_topics(Level::Community, t("2026-11-05T09:00:00+08:00")).unwrap().into_iter().map(|e| e.topic.id).collect();
    assert!(offered.is_empty(), "t-lift is withdrawn: {offered:?}");
    record(&store, "2026-11-05T09:00:00+08:00", I::ProposeTopic { topic: topic("t-dogs", "文明养犬", Level::Community) }).unwrap();
    let offered: Vec<String> = store.offered_topics(Level::Community, t("2026-11-05T09:00:00+08:00")).unwrap().into_iter().map(|e| e.topic.id).collect();
    assert_eq!(offered, ["t-dogs"]);
}

#[test]
fn r_escalate_a_closed_item_becomes_a_topic_through_the_door() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let id = MeetingId::new_random();
    for cmd in demo::sealed_meeting(id, t("2026-11-19T19:30:00+08:00")) {
        store.apply(&cmd).unwrap();
    }
    let at = "2026-11-21T10:00:00+08:00";
    record(&store, at, I::EscalateItem { meeting: id, item: "i2".into(), to: Level::Street, id: "t-up".into() }).unwrap();
    let up = store.topic("t-up").unwrap().unwrap();
    assert_eq!((up.source, up.level, up.escalated_from.unwrap().meeting), (Source::Escalated, Level::Street, id));
    let again = I::EscalateItem { meeting: id, item: "i2".into(), to: Level::Street, id: "t-up".into() };
    assert_eq!(refusal(record(&store, at, again)).code(), "duplicate");
    let nowhere = I::EscalateItem { meeting: MeetingId::new_random(), item: "i2".into(), to: Level::Street, id: "t-x".into() };
    assert_eq!(refusal(record(&store, at, nowhere)).code(), "unknown_meeting");
}

/// The byte offset and bytes of the `n`th frame (1-based) of a journal file.
fn frame_at(bytes: &[u8], n: usize) -> (usize, usize) {
    let mut at = 8;
    for i in 1.. {
        let len = u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
        if i == n {
            return (at, 9 + len);
        }
        at += 9 + len;
    }
    unreachable!()
}

/// Rewrites one entry's body in place with a valid frame checksum: only the chain can tell.
fn alter_entry(path: &std::path::Path, n: usize, from: &str, to: &str) {
    let mut bytes = std::fs::read(path).unwrap();
    let (at, len) = frame_at(&bytes, n);
    let payload = String::from_utf8(bytes[at + 9..at + len][64..].to_vec()).unwrap();
    assert!(payload.contains(from), "{payload}");
    let mut value = bytes[at + 9..at + 9 + 64].to_vec();
    value.extend_from_slice(payload.replace(from, to).as_bytes());
    let frame = yishi::store::journal::frame(yishi::store::journal::EVENT, &value);
    bytes.splice(at..at + len, frame);
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn tampering_with_the_roster_is_seen_by_verify_and_repaired_from_the_backup() {
    let dir = tempfile::tempdir().unwrap();
    let (data, backups) = (dir.path().join("data"), dir.path().join("backups"));
    {
        let store = Store::open(&data).unwrap();
        community(&store);
        for cmd in demo::sealed_meeting(MeetingId::new_random(), t("2026-11-19T19:30:00+08:00")) {
            store.apply(&cmd).unwrap();
        }
        store.backup(&backups, 3, chrono::Utc::now(), &|_, _| {}).unwrap();
    }
    // A name changed in the roster's journal, its frame checksum made to match.
    alter_entry(&data.join("journal/roster.yj"), 2, "王秀英", "王秀美");
    let out = run(&data, &["verify"]);
    assert_eq!(out.status.code(), Some(4), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("名册 第 2 条记录内容被改动") && text.contains("roster entry 2: altered"), "{text}");
    {
        let store = Store::open(&data).unwrap();
        let b = store.list_breaks();
        assert_eq!((b.len(), b[0].list, b[0].position, b[0].kind.clone()), (1, List::Roster, 2, BreakKind::Altered));
        // What comes before the damage is in use; the log takes nothing more until repaired.
        assert_eq!(store.roster().unwrap().len(), 1);
        let r = record(&store, "2026-11-25T09:00:00+08:00", I::AddPerson { person: person("", "新居民") });
        assert!(matches!(r, Err(ApplyError::Store(yishi::StoreError::ListBroken(_)))), "{r:?}");
        // The pool's log is not touched by the roster's damage.
        assert_eq!(store.topics().unwrap().len(), 2);
    }
    let latest = yishi::store::backup::latest(&backups).unwrap().0;
    let out = run(&data, &["doctor", "--repair", "--from", latest.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(said.contains("名册 第 2 条记录内容被改动") && said.contains("由备份修复"), "{said}");
    let store = Store::open(&data).unwrap();
    assert!(store.verify_lists().unwrap().is_empty());
    assert!(store.roster().unwrap().iter().any(|p| p.name == "王秀瑛"));
    assert!(std::fs::read_dir(data.join("damaged")).unwrap().count() >= 1, "the damaged journal is kept");
}

#[test]
fn entries_cut_off_the_end_of_a_log_are_seen_and_named_when_no_copy_has_them() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    {
        let store = Store::open(&data).unwrap();
        community(&store);
    }
    // The last topic entry removed at a frame boundary: every remaining entry still verifies.
    let path = data.join("journal/topics.yj");
    let bytes = std::fs::read(&path).unwrap();
    let (at, _) = frame_at(&bytes, 3);
    std::fs::write(&path, &bytes[..at]).unwrap();
    let out = run(&data, &["verify"]);
    assert_eq!(out.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&out.stdout).contains("议题池 第 3 条记录"), "{}", String::from_utf8_lossy(&out.stdout));
    // No backup holds it: the repair keeps what verifies and says what is lost (exit 4).
    let out = run(&data, &["doctor", "--repair"]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(4), "{said}");
    assert!(said.contains("第 3 条起无完好副本"), "{said}");
    let store = Store::open(&data).unwrap();
    assert!(store.verify_lists().unwrap().is_empty(), "the log is whole again as it now stands");
    assert_eq!(store.topic("t-lane").unwrap().unwrap().decided_at, None, "the decision was the lost entry");
}

#[test]
fn the_yishi_tool_takes_roster_and_pool_intents_as_lines_without_a_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let script = dir.path().join("pool.jsonl");
    std::fs::write(
        &script,
        concat!(
            r#"{"at":"2026-11-01T09:00:00+08:00","intent":{"type":"propose_topic","topic":{"id":"t1","title":"加装电梯","level":"community","source":"residents","proposed_at":"2026-11-01T09:00:00+08:00"}}}"#,
            "\n",
            r#"{"at":"2026-11-02T09:00:00+08:00","intent":{"type":"decide_topic","id":"t1"}}"#,
            "\n",
            r#"{"at":"2026-11-03T09:00:00+08:00","intent":{"type":"decide_topic","id":"t1"}}"#,
            "\n"
        ),
    )
    .unwrap();
    let out = run(&data, &["apply", "--acks", "--quiet", script.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "the third line is refused");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "ack 1 topics\nack 2 topics\n");
    assert!(String::from_utf8_lossy(&out.stderr).contains("topic_not_open"));
    let text = common::yishi(&data, &["topics"]);
    assert!(text.contains("加装电梯") && text.contains("已确定"), "{text}");
}

/// A data folder written by the release before these logs (commit f216864: `yishi demo`, then
/// three topics put, decided and withdrawn the old way, and one person removed).
fn old_store() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let fixture = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/store-f216864.tar.gz")).unwrap();
    let mut tar = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&fixture[..]), &mut tar).unwrap();
    untar(&tar, dir.path());
    let data = dir.path().join("data");
    (dir, data)
}

/// The files of a ustar archive (512-byte headers: name, octal size, type), written under `to`.
fn untar(tar: &[u8], to: &std::path::Path) {
    let mut at = 0;
    while at + 512 <= tar.len() && tar[at] != 0 {
        let h = &tar[at..at + 512];
        let field = |r: std::ops::Range<usize>| String::from_utf8_lossy(&h[r]).trim_end_matches('\0').trim().to_string();
        let (name, prefix) = (field(0..100), field(345..500));
        let name = if prefix.is_empty() { name } else { format!("{prefix}/{name}") };
        let size = usize::from_str_radix(&field(124..136), 8).unwrap_or(0);
        let path = to.join(&name);
        match h[156] {
            b'5' => std::fs::create_dir_all(&path).unwrap(),
            b'0' | 0 => {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, &tar[at + 512..at + 512 + size]).unwrap();
            }
            _ => {}
        }
        at += 512 + size.div_ceil(512) * 512;
    }
}

#[test]
fn a_store_of_the_previous_release_migrates_its_rows_as_the_logs_first_entries() {
    let (_dir, data) = old_store();
    let store = Store::open(&data).unwrap();
    let notices: Vec<String> = store.notices().iter().map(|n| n.to_string()).collect();
    assert!(notices.iter().any(|n| n.contains("roster") && n.contains("29")), "{notices:?}");
    assert!(notices.iter().any(|n| n.contains("topics") && n.contains("3")), "{notices:?}");
    // Every row as it stood, marked as migrated.
    let roster = store.list_entries(List::Roster).unwrap();
    assert_eq!(roster.len(), 29);
    assert!(roster.iter().all(|e| matches!(e.event, CommunityEvent::PersonMigrated(_))));
    assert!(store.roster().unwrap().iter().all(|p| p.id.as_str() != "p30"), "removed before the migration");
    let pool = store.list_entries(List::Topics).unwrap();
    assert!(pool.iter().all(|e| matches!(e.event, CommunityEvent::TopicMigrated(_))));
    let lane = store.topic("t-lane").unwrap().unwrap();
    assert_eq!(lane.decided_at, Some(t("2026-10-05T09:00:00+08:00")));
    assert_eq!(store.topic("t-dogs").unwrap().unwrap().withdrawn.unwrap().reason, "并入公约");
    // The meetings are untouched; everything verifies; the old files are kept.
    assert_eq!(store.list().unwrap().len(), 2);
    assert!(store.verify(None).unwrap().is_empty() && store.verify_lists().unwrap().is_empty());
    let kept: Vec<String> = std::fs::read_dir(data.join("damaged")).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(kept.iter().any(|n| n.ends_with("roster-before-log")) && kept.iter().any(|n| n.ends_with("topics-before-log")), "{kept:?}");
    // From here on, changes go through the door and extend the log.
    record(&store, "2026-12-01T09:00:00+08:00", I::DecideTopic { id: "t-lift".into() }).unwrap();
    drop(store);
    let again = Store::open(&data).unwrap();
    assert!(again.notices().is_empty(), "migrated once: {:?}", again.notices());
    assert_eq!(again.list_entries(List::Topics).unwrap().len(), 4);
    drop(again);
    let out = run(&data, &["verify"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
}
