//! Full-text search of the archive (`yishi::search`): Chinese queries of one and several words, a
//! person's name, characters outside the BMP; ranking (a title above a speech) and the marked
//! passage; and the index as derived data — deleted, damaged or behind the record, it is built
//! or caught up again with the same answers, and the store never minds it.

mod common;
use std::path::Path;
use yishi::agenda::AgendaItemSpec;
use yishi::ids::{MeetingId, Time};
use yishi::intent::{Command, Intent};
use yishi::people::{PartyGroup, Participant, Role};
use yishi::search::{Archive, Field, Hit, Opened, SearchError};
use yishi::{demo, Store};

fn now() -> Time {
    common::t("2026-11-30T09:00:00+08:00")
}

/// The demo community (its sealed meeting on the elevators, parking and the canteen for the
/// elderly; its upcoming one on waste sorting and the basketball court).
fn demo_store(dir: &Path) -> (Store, MeetingId, MeetingId) {
    let store = Store::open(dir).unwrap();
    let (sealed, upcoming) = demo::install(&store, now()).unwrap();
    (store, sealed, upcoming)
}

/// A meeting held at `at` with one agenda item, in session, and one speaking turn on it.
fn held(store: &Store, title: &str, item: &str, speaker: Option<Participant>, speech: &str, at: Time) -> MeetingId {
    let id = MeetingId::new_random();
    let mut setup = demo::setup(title, at);
    setup.agenda = vec![AgendaItemSpec {
        id: "i1".into(),
        title: item.into(),
        background: String::new(),
        stakeholders: String::new(),
        redo_of: None,
        topic: None,
    }];
    let who = speaker.as_ref().map_or("p16".into(), |p| p.id.clone());
    setup.participants.extend(speaker);
    let members: Vec<_> = setup.participants.iter().filter(|p| p.role == Role::Member).map(|p| p.id.clone()).collect();
    let mut clock = at - chrono::Duration::days(7);
    let mut apply = |intent: Intent, jump: Option<Time>| {
        clock = jump.unwrap_or(clock + chrono::Duration::seconds(30));
        store.apply(&Command { meeting: id, at: clock, intent }).unwrap();
    };
    apply(Intent::CreateMeeting(setup), None);
    apply(Intent::RecordNotice { published_at: Some(at - chrono::Duration::days(7)), invitations_sent_at: None }, None);
    apply(Intent::OpenMeeting { by: demo::CHAIR.into() }, Some(at));
    for m in members {
        apply(Intent::MarkAttendance { person: m, mark: yishi::roll::Mark::Present, note: None }, None);
    }
    apply(Intent::OpenItem { item: "i1".into() }, None);
    apply(Intent::AddSpeaker { person: who }, None);
    apply(Intent::StartTurn { person: None }, None);
    apply(Intent::EndTurn { summary: Some(speech.into()) }, None);
    id
}

fn marked(h: &Hit) -> Vec<String> {
    h.snippet.iter().filter(|s| s.mark).map(|s| s.text.clone()).collect()
}

/// What a result list shows: meeting, field, snippet (the score is left out: BM25 depends on
/// the whole index's statistics, which a rebuild may merge differently).
fn shown(hits: &[Hit]) -> Vec<(MeetingId, Field, String)> {
    hits.iter().map(|h| (h.meeting, h.field, h.snippet_text("【", "】"))).collect()
}

#[test]
fn one_word_finds_its_meeting_with_the_word_marked() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, sealed, _) = demo_store(tmp.path());
    let archive = Archive::open(&store).unwrap();
    assert_eq!(archive.opened(), &Opened::Created);
    assert_eq!(archive.len(), 2);

    let hits = archive.query("电梯", 10).unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    let h = &hits[0];
    assert_eq!((h.meeting, h.field), (sealed, Field::Agenda));
    assert_eq!(h.title, "幸福社区2026年第四季度居民代表会议");
    assert_eq!(h.snippet_text("【", "】"), "关于幸福花园3栋、5栋加装【电梯】的议题");
    assert_eq!(h.level, yishi::setup::Level::Community);
    assert_eq!(h.form, yishi::setup::Form::ResidentRepresentatives);
    assert!(h.score > 0.0);

    // One character: its unigram; a longer word: only as written.
    assert_eq!(archive.query("梯", 10).unwrap().len(), 1);
    assert!(archive.query("梯电", 10).unwrap().is_empty());
    // The upcoming meeting's words find it, and only it.
    let hits = archive.query("垃圾分类", 10).unwrap();
    assert_eq!((hits.len(), hits[0].field), (1, Field::Agenda));
    // A resolution: the motion carried on the canteen for the elderly.
    let hits = archive.query("年内完成改造", 10).unwrap();
    assert_eq!((hits[0].meeting, hits[0].field), (sealed, Field::Resolution));
    assert_eq!(marked(&hits[0]), ["年内完成改造"]);
}

#[test]
fn several_words_must_all_be_found_in_one_meeting() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, sealed, upcoming) = demo_store(tmp.path());
    let archive = Archive::open(&store).unwrap();
    // 电梯 (agenda) and 补贴 (background, speech) are in the sealed meeting.
    let hits = archive.query("电梯 补贴", 10).unwrap();
    assert_eq!(hits.iter().map(|h| h.meeting).collect::<Vec<_>>(), [sealed]);
    // The passage shown holds both words when one does: the motion carried on the elevators.
    assert_eq!(hits[0].field, Field::Resolution);
    assert_eq!(marked(&hits[0]), ["电梯", "补贴"]);
    // Punctuation separates words as spaces do.
    assert_eq!(archive.query("电梯，补贴", 10).unwrap().len(), 1);
    // 电梯 is in one meeting, 篮球场 in the other: no meeting holds both.
    assert!(archive.query("电梯 篮球场", 10).unwrap().is_empty());
    assert_eq!(archive.query("篮球场", 10).unwrap()[0].meeting, upcoming);
    // Both words in one speech: that passage is shown, both marked.
    let hits = archive.query("结构 钢结构井道", 10).unwrap();
    assert_eq!(hits[0].field, Field::Speech);
    assert_eq!(marked(&hits[0]), ["结构", "钢结构井道"]);
    assert!(hits[0].snippet_text("【", "】").starts_with("邓宏伟："), "the speaker is named: {:?}", hits[0]);
}

#[test]
fn a_persons_name_finds_the_meetings_they_were_in() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, sealed, upcoming) = demo_store(tmp.path());
    let archive = Archive::open(&store).unwrap();
    let hits = archive.query("许哲", 10).unwrap();
    let mut found: Vec<_> = hits.iter().map(|h| h.meeting).collect();
    found.sort();
    let mut want = vec![sealed, upcoming];
    want.sort();
    assert_eq!(found, want);
    assert!(hits.iter().all(|h| h.field == Field::Name && marked(h) == ["许哲"]), "{hits:?}");
    // Counted without the limit.
    assert_eq!(archive.query("许哲", 1).unwrap().len(), 1);
    assert_eq!(archive.count("许哲").unwrap(), 2);
    assert_eq!(archive.count("许哲 消防").unwrap(), 1);
    // A name and what they said: the speech holds both.
    let hits = archive.query("许哲 消防", 10).unwrap();
    assert_eq!((hits.len(), hits[0].meeting, hits[0].field), (1, sealed, Field::Speech));
    // A witness (not a participant's role) is a name too: 唐晓峰 witnessed the sealed meeting.
    assert!(archive.query("唐晓峰", 10).unwrap().iter().any(|h| h.meeting == sealed));
}

#[test]
fn a_character_outside_the_bmp_and_rare_ones_are_found() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, _, _) = demo_store(tmp.path());
    let ji = Participant {
        id: "p31".into(),
        name: "𠮷明".into(),
        group: PartyGroup::Residents,
        two_committees: false,
        role: Role::Member,
    };
    let id = held(&store, "关于犇牛广场增设座椅的协商", "座椅的位置", Some(ji), "建议沿广场东侧设置，方便老人休息。", now());
    let archive = Archive::open(&store).unwrap();

    let hits = archive.query("𠮷", 10).unwrap();
    assert_eq!(hits.iter().map(|h| h.meeting).collect::<Vec<_>>(), [id]);
    assert_eq!(hits[0].field, Field::Name);
    assert_eq!(marked(&hits[0]), ["𠮷"]);
    let hits = archive.query("𠮷明", 10).unwrap();
    assert_eq!(marked(&hits[0]), ["𠮷明"]);
    // The name and a word of the speech: the speech, "𠮷明：…", holds both.
    let hits = archive.query("𠮷明 老人休息", 10).unwrap();
    assert_eq!(hits[0].field, Field::Speech);
    assert_eq!(hits[0].snippet_text("【", "】"), "【𠮷明】：建议沿广场东侧设置，方便【老人休息】。");
    // 犇 (U+72AB), a rare character of the BMP, in the title.
    let hits = archive.query("犇", 10).unwrap();
    assert_eq!((hits.len(), hits[0].field), (1, Field::Title));
    assert_eq!(hits[0].snippet_text("【", "】"), "关于【犇】牛广场增设座椅的协商");
}

#[test]
fn a_title_ranks_above_a_speech_and_latin_words_match_in_any_case() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    // The speech is the later meeting: rank, not date, puts the title first.
    let in_title = held(&store, "关于小区充电桩安装的专题协商", "安装位置", None, "同意在地下车库安装。", now() - chrono::Duration::days(30));
    let in_speech = held(&store, "幸福社区十二月议事会", "楼道照明", None, "顺带提出地面充电桩不够用，WiFi信号也差。", now());
    let archive = Archive::open(&store).unwrap();
    let hits = archive.query("充电桩", 10).unwrap();
    assert_eq!(hits.iter().map(|h| (h.meeting, h.field)).collect::<Vec<_>>(), [(in_title, Field::Title), (in_speech, Field::Speech)]);
    assert!(hits[0].score > hits[1].score, "{hits:?}");
    assert_eq!(marked(&hits[0]), ["充电桩"]);
    // demo::setup's 吴丽华 (p16) spoke.
    assert_eq!(hits[1].snippet_text("【", "】"), "吴丽华：顺带提出地面【充电桩】不够用，WiFi信号也差。");
    // Latin letters are lowercased on both sides; a full-width query folds to ASCII.
    for q in ["wifi", "WIFI", "ＷｉＦｉ"] {
        let hits = archive.query(q, 10).unwrap();
        assert_eq!(hits.iter().map(|h| h.meeting).collect::<Vec<_>>(), [in_speech], "{q}");
        assert_eq!(marked(&hits[0]), ["WiFi"], "{q}");
    }
    // The limit cuts the list, best first.
    let one = archive.query("充电桩", 1).unwrap();
    assert_eq!(one.iter().map(|h| h.meeting).collect::<Vec<_>>(), [in_title]);
}

#[test]
fn an_empty_query_is_refused_naming_the_field_and_nothing_found_is_an_empty_list() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, _, _) = demo_store(tmp.path());
    let archive = Archive::open(&store).unwrap();
    for q in ["", "   ", "\u{3000}"] {
        let e = archive.query(q, 10).unwrap_err();
        assert!(matches!(e, SearchError::EmptyQuery), "{q:?}: {e}");
        let text = e.to_string();
        assert!(text.contains("query") && text.contains("搜索内容"), "{text}");
    }
    let e = archive.query("，。！", 10).unwrap_err();
    assert!(matches!(e, SearchError::NothingToFind(_)) && e.to_string().contains("query"), "{e}");
    let e = archive.query("电梯", 0).unwrap_err();
    assert!(matches!(e, SearchError::Limit(0)) && e.to_string().contains("limit"), "{e}");
    assert!(archive.query("火箭发射", 10).unwrap().is_empty());
    assert!(archive.query("elevator", 10).unwrap().is_empty());
}

#[test]
fn a_deleted_index_is_built_again_with_the_same_results() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, _, _) = demo_store(tmp.path());
    let queries = ["电梯", "许哲", "停车 收费", "长者饭堂"];
    let before: Vec<_> = {
        let archive = Archive::open(&store).unwrap();
        queries.iter().map(|q| shown(&archive.query(q, 10).unwrap())).collect()
    };
    assert!(before.iter().all(|r| !r.is_empty()));
    let again = Archive::open(&store).unwrap();
    assert_eq!(again.opened(), &Opened::Kept);
    drop(again);
    std::fs::remove_dir_all(tmp.path().join(yishi::search::DIR)).unwrap();
    let archive = Archive::open(&store).unwrap();
    assert_eq!(archive.opened(), &Opened::Created);
    let after: Vec<_> = queries.iter().map(|q| shown(&archive.query(q, 10).unwrap())).collect();
    assert_eq!(after, before);
}

#[test]
fn a_meeting_changed_after_indexing_is_found_by_its_new_words() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, sealed, _) = demo_store(tmp.path());
    let mut archive = Archive::open(&store).unwrap();
    assert!(archive.query("无障碍坡道", 10).unwrap().is_empty());
    let amend = |text: &str, reason: &str, at: Time| {
        let intent = Intent::Amend { by: "谢雨婷".into(), reason: reason.into(), text: text.into() };
        store.apply(&Command { meeting: sealed, at, intent }).unwrap();
    };
    amend("长者饭堂入口增设无障碍坡道", "记录遗漏", now());
    // The open archive catches up when asked: only the meeting whose head moved.
    let r = archive.refresh(&store).unwrap();
    assert_eq!((r.indexed, r.removed, r.unreadable), (1, 0, 0));
    let hits = archive.query("无障碍坡道", 10).unwrap();
    assert_eq!((hits.len(), hits[0].meeting, hits[0].field), (1, sealed, Field::Amendment));
    assert_eq!(marked(&hits[0]), ["无障碍坡道"]);
    // Nothing changed: nothing to do.
    assert_eq!(archive.refresh(&store).unwrap(), yishi::search::Refreshed::default());
    drop(archive);

    // Changed while no archive was open (the `yishi` tool, another session): caught up on open.
    amend("饭堂每周一休息", "补记开放时间", now() + chrono::Duration::minutes(5));
    let new = held(&store, "关于社区图书角的协商", "图书角选址", None, "建议放在二楼阅览室。", now());
    let archive = Archive::open(&store).unwrap();
    assert_eq!(archive.opened(), &Opened::Kept);
    assert_eq!(archive.len(), 3);
    assert_eq!(archive.query("每周一休息", 10).unwrap()[0].meeting, sealed);
    assert_eq!(archive.query("无障碍坡道", 10).unwrap()[0].meeting, sealed, "the earlier amendment is still found");
    assert_eq!(archive.query("图书角", 10).unwrap()[0].meeting, new);
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.path().is_dir() {
            files(&e.path(), out);
        } else {
            out.push(e.path());
        }
    }
}

#[test]
fn a_damaged_index_file_is_rebuilt_and_the_store_never_minds_it() {
    use rand::{Rng, SeedableRng};
    let tmp = tempfile::tempdir().unwrap();
    let base = tmp.path().join("base");
    let queries = ["电梯", "许哲", "停车 收费", "垃圾分类"];
    let before: Vec<_> = {
        let (store, _, _) = demo_store(&base);
        let archive = Archive::open(&store).unwrap();
        queries.iter().map(|q| shown(&archive.query(q, 10).unwrap())).collect()
    };
    let mut index_files = Vec::new();
    files(&base.join(yishi::search::DIR), &mut index_files);
    let index_files: Vec<_> = index_files.into_iter().filter(|p| std::fs::metadata(p).unwrap().len() > 0).collect();
    assert!(index_files.len() >= 8, "{index_files:?}");
    let mut rng = rand::rngs::StdRng::seed_from_u64(13);
    let mut rebuilt = 0;
    for (n, file) in index_files.iter().enumerate() {
        for _ in 0..3 {
            let work = tmp.path().join(format!("work{n}"));
            let _ = std::fs::remove_dir_all(&work);
            copy_dir(&base, &work);
            let target = work.join(file.strip_prefix(&base).unwrap());
            let mut bytes = std::fs::read(&target).unwrap();
            let at = rng.random_range(0..bytes.len());
            bytes[at] ^= rng.random_range(1..=255u8);
            std::fs::write(&target, &bytes).unwrap();
            let what = format!("{} byte {at}", file.strip_prefix(&base).unwrap().display());

            let store = Store::open(&work).unwrap_or_else(|e| panic!("{what}: the store did not open: {e}"));
            let archive = Archive::open(&store).unwrap_or_else(|e| panic!("{what}: the archive did not open: {e}"));
            // Every byte of a segment file is under its checksum: a flip there is always found.
            let in_segment = target.extension().is_some_and(|x| x != "json");
            if in_segment {
                assert!(matches!(archive.opened(), Opened::Rebuilt(_)), "{what}: {:?}", archive.opened());
            }
            if matches!(archive.opened(), Opened::Rebuilt(_)) {
                rebuilt += 1;
            }
            let after: Vec<_> = queries.iter().map(|q| shown(&archive.query(q, 10).unwrap())).collect();
            assert_eq!(after, before, "{what}: {:?}", archive.opened());
            // The index is no part of the record: nothing to report or repair.
            assert!(store.examine().unwrap().is_empty(), "{what}: the doctor found damage");
            assert!(store.verify(None).unwrap().is_empty(), "{what}");
            drop(archive);
            drop(store);
            std::fs::remove_dir_all(&work).unwrap();
        }
    }
    eprintln!("{rebuilt} of {} flips made the index be rebuilt", index_files.len() * 3);
    assert!(rebuilt > 0);
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let dst = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &dst);
        } else {
            std::fs::copy(e.path(), dst).unwrap();
        }
    }
}

#[test]
fn the_index_is_not_backed_up_and_a_restored_record_is_searchable_again() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, sealed, _) = demo_store(&tmp.path().join("data"));
    let archive = Archive::open(&store).unwrap();
    let before = shown(&archive.query("电梯", 10).unwrap());
    let usb = tmp.path().join("U盘");
    let made = store.backup(&usb, 10, chrono::Utc::now(), &|_, _| {}).unwrap();
    let mut backed_up = Vec::new();
    files(&usb, &mut backed_up);
    assert!(!backed_up.is_empty());
    assert!(
        backed_up.iter().all(|p| !p.components().any(|c| c.as_os_str() == yishi::search::DIR)),
        "the index was backed up: {backed_up:?}"
    );
    assert!(yishi::store::backup::check(&yishi::store::backup::resolve(&usb).unwrap()).unwrap().is_empty(), "{made:?}");
    drop(archive);
    drop(store);

    let laptop = tmp.path().join("new laptop");
    let restored = Store::open(&laptop).unwrap();
    restored.restore(&yishi::store::backup::resolve(&usb).unwrap(), &|_, _| {}).unwrap();
    let archive = Archive::open(&restored).unwrap();
    assert_eq!(archive.opened(), &Opened::Created);
    assert_eq!(shown(&archive.query("电梯", 10).unwrap()), before);
    assert_eq!(archive.query("电梯", 10).unwrap()[0].meeting, sealed);
}

/// `yishi search`: one line per meeting — date, id, title, field, the passage with 【】 — or JSON;
/// exit 0 with hits, 5 with none (or no record at all, which it does not create), 3 for an
/// empty query.
#[test]
fn the_tool_prints_one_line_per_meeting_found_and_exits_5_when_none_matches() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let sealed = demo_store(&dir).1;
    let yishi = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_yishi")).arg("--data-dir").arg(&dir).args(args).output().unwrap()
    };
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();

    let out = yishi(&["search", "电梯"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let line = text(&out.stdout);
    let date = {
        let s = Store::open(&dir).unwrap().snapshot(sealed).unwrap();
        s.meeting.scheduled_at.format("%Y-%m-%d").to_string()
    };
    assert_eq!(
        line.trim_end(),
        format!("{date}  {}  幸福社区2026年第四季度居民代表会议  [议题 agenda item]  关于幸福花园3栋、5栋加装【电梯】的议题", &sealed.to_string()[..8])
    );
    assert!(text(&out.stderr).contains("built the search index of 2 meetings"), "{}", text(&out.stderr));

    // Several words as several arguments; the index is kept from the first run.
    let out = yishi(&["search", "许哲", "消防", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    let hits: Vec<Hit> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((hits.len(), hits[0].meeting, hits[0].field), (1, sealed, Field::Speech));

    let out = yishi(&["search", "火箭发射"]);
    assert_eq!(out.status.code(), Some(5));
    assert!(out.stdout.is_empty() && text(&out.stderr).contains("no meeting matches"), "{}", text(&out.stderr));

    let out = yishi(&["search", " "]);
    assert_eq!(out.status.code(), Some(3));
    assert!(text(&out.stderr).contains("(query)"), "{}", text(&out.stderr));

    let empty = tmp.path().join("no record here");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_yishi"))
        .arg("--data-dir")
        .arg(&empty)
        .args(["search", "电梯"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5));
    assert!(!empty.exists(), "searching created a data folder");
}
