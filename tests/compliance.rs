//! R-FREQ and R-OBSERVE: the year's meetings per form against the guideline's minimums, read
//! from the store's index with `now` passed in: a period over with a form in use not held is a
//! warning naming the period and the rule; a period not over yet is not.

mod common;
use chrono::Duration;
use common::t;
use yishi::compliance::Every;
use yishi::ids::MeetingId;
use yishi::rules::Rule;
use yishi::setup::Form;
use yishi::store::Store;
use yishi::{demo, Intent};

/// The demo's meeting, held (and sealed) at `start` as a `form` with `seats` observer seats.
fn hold(store: &Store, form: Form, start: &str, seats: u32) -> MeetingId {
    let id = MeetingId::new_random();
    let mut cmds = demo::sealed_meeting(id, t(start));
    if let Intent::CreateMeeting(setup) = &mut cmds[0].intent {
        setup.form = form;
        setup.observer_seats = seats;
    }
    for cmd in cmds {
        store.apply(&cmd).unwrap_or_else(|e| panic!("{form:?} {start}: {e}"));
    }
    id
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    (dir, store)
}

#[test]
fn each_period_over_without_the_form_held_is_named_with_the_rule() {
    let (_d, store) = store();
    hold(&store, Form::ResidentRepresentatives, "2026-09-10T19:30:00+08:00", 0);
    hold(&store, Form::ResidentsAssembly, "2026-03-05T19:30:00+08:00", 0);
    let now = t("2026-11-27T12:00:00+08:00");
    let c = store.compliance(2026, now).unwrap();

    let reps = c.forms.iter().find(|f| f.form == Form::ResidentRepresentatives).unwrap();
    assert_eq!((reps.every, reps.held, reps.in_use), (Every::HalfYear, 1, true));
    assert_eq!(reps.periods.iter().map(|p| (p.held, p.ended)).collect::<Vec<_>>(), [(0, true), (1, false)]);
    let assembly = c.forms.iter().find(|f| f.form == Form::ResidentsAssembly).unwrap();
    assert_eq!((assembly.held, assembly.periods[0].ended), (1, false));
    // Forms this installation never held (a village's, a street's) are listed, not in use.
    let villagers = c.forms.iter().find(|f| f.form == Form::VillagerRepresentatives).unwrap();
    assert!(!villagers.in_use && villagers.periods.iter().all(|p| p.held == 0));

    // One warning: the first half of 2026 had no 居民代表会议. Not the village's forms; not the
    // second half, which is not over.
    assert_eq!(c.warnings.len(), 1, "{:?}", c.warnings);
    let w = &c.warnings[0];
    assert_eq!((w.rule, w.code.as_str()), (Rule::Freq, "freq_missed"));
    assert_eq!(w.message_zh, "2026年上半年未召开居民代表会议（每半年至少1次，R-FREQ）。");
    assert_eq!(
        w.message_en,
        "No residents' representatives meeting was held in the first half of 2026 (at least once a half-year, R-FREQ)."
    );
}

#[test]
fn a_quarterly_form_is_counted_by_quarter_and_only_held_meetings_count() {
    let (_d, store) = store();
    hold(&store, Form::DeliberationCouncil, "2026-02-10T19:30:00+08:00", 2);
    hold(&store, Form::DeliberationCouncil, "2026-03-30T19:30:00+08:00", 2);
    hold(&store, Form::DeliberationCouncil, "2026-08-01T19:30:00+08:00", 0);
    // Created for the second quarter but never opened: not held.
    let id = MeetingId::new_random();
    let mut created = demo::sealed_meeting(id, t("2026-05-12T19:30:00+08:00"));
    if let Intent::CreateMeeting(setup) = &mut created[0].intent {
        setup.form = Form::DeliberationCouncil;
    }
    store.apply(&created[0]).unwrap();

    let c = store.compliance(2026, t("2026-11-27T12:00:00+08:00")).unwrap();
    let council = c.forms.iter().find(|f| f.form == Form::DeliberationCouncil).unwrap();
    assert_eq!(council.periods.iter().map(|p| p.held).collect::<Vec<_>>(), [2, 0, 1, 0]);
    let codes: Vec<&str> = c.warnings.iter().map(|w| w.message_zh.as_str()).collect();
    assert_eq!(codes, ["2026年第2季度未召开居（村）民议事会（每季度至少1次，R-FREQ）。"]);
    // R-OBSERVE: two meetings offered 2 seats; the year is not over, so no warning yet.
    assert_eq!(c.observed, 2);
    assert!(c.community);
}

#[test]
fn fewer_than_four_meetings_with_observer_seats_is_flagged_once_the_year_is_over() {
    let (_d, store) = store();
    for (n, month) in ["02", "05", "08"].iter().enumerate() {
        hold(&store, Form::ResidentRepresentatives, &format!("2026-{month}-10T19:30:00+08:00"), 2 + n as u32);
    }
    hold(&store, Form::ResidentRepresentatives, "2026-11-10T19:30:00+08:00", 1); // one seat: does not count
    let after = t("2027-01-01T00:00:00+08:00");
    let c = store.compliance(2026, after).unwrap();
    assert_eq!(c.observed, 3);
    let w = c.warnings.iter().find(|w| w.rule == Rule::Observe).expect("R-OBSERVE");
    assert_eq!(w.message_zh, "2026年提供预约旁听（不少于2个席位）的社区会议仅 3 次，应不少于4次（R-OBSERVE）。");
    assert!(store.compliance(2026, after - Duration::seconds(1)).unwrap().warnings.iter().all(|w| w.rule != Rule::Observe));
    // A fourth with 2 seats meets it.
    hold(&store, Form::ResidentRepresentatives, "2026-12-01T19:30:00+08:00", 2);
    assert!(store.compliance(2026, after).unwrap().warnings.is_empty());
}

#[test]
fn the_yishi_tool_prints_the_year() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    {
        let store = Store::open(&data).unwrap();
        hold(&store, Form::ResidentRepresentatives, "2025-09-10T19:30:00+08:00", 2);
    }
    let text = common::yishi(&data, &["compliance", "--year", "2025"]);
    assert!(text.contains("居民代表会议（每半年至少1次）：共 1 次；上半年 0 ✗，下半年 1 ✓"), "{text}");
    assert!(text.contains("2025年上半年未召开居民代表会议（每半年至少1次，R-FREQ）"), "{text}");
    assert!(text.contains("仅 1 次，应不少于4次（R-OBSERVE）"), "{text}");
}

#[test]
fn an_index_entry_written_before_seats_were_kept_is_counted_from_its_record() {
    let (_d, store) = store();
    let id = hold(&store, Form::ResidentRepresentatives, "2026-05-10T19:30:00+08:00", 2);
    // The entry as the version before this one wrote it: no observer seats.
    let key = yishi::store::chain::index_key(id);
    let mut entry: serde_json::Value = serde_json::from_slice(&store.log_tree().get(key).unwrap().unwrap()).unwrap();
    entry.as_object_mut().unwrap().remove("observer_seats");
    store.log_tree().insert(key, serde_json::to_vec(&entry).unwrap()).unwrap();
    assert_eq!(store.list().unwrap()[0].observer_seats, None);
    assert_eq!(store.compliance(2026, t("2026-11-27T12:00:00+08:00")).unwrap().observed, 1);
}
