//! R-OBSERVE: observer booking (预约旁听) before the meeting opens, up to the seats offered;
//! a cancelled booking frees its seat; refusals name the field or the rule.

mod common;
use common::{setup, Sim};
use yishi::i18n::Locale;
use yishi::rules::Rule;
use yishi::Intent;

fn book(name: &str, online: bool) -> Intent {
    Intent::BookObserver { name: name.into(), contact: "138****0021".into(), online }
}

#[test]
fn r_observe_bookings_fill_the_seats_offered_and_a_cancellation_frees_one() {
    let mut s = Sim::created(setup(6)); // 2 observer seats
    s.ok(book(" 赵敏 ", true));
    s.ok(book("孙丽", false));
    let r = s.refused(book("周强", true), "observer_seats_full");
    assert_eq!(r.rule(), Some(Rule::Observe));
    assert_eq!(r.message(Locale::Zh), "本次会议的 2 个旁听席位已约满（R-OBSERVE）");

    let r = s.refused(Intent::CancelBooking { booking: 2, reason: " ".into() }, "empty");
    assert_eq!(r.message(Locale::Zh), "“理由”不能为空（R-OBSERVE）");
    s.ok(Intent::CancelBooking { booking: 2, reason: "临时有事".into() });
    s.refused(Intent::CancelBooking { booking: 2, reason: "再次".into() }, "unknown_booking");
    s.refused(Intent::CancelBooking { booking: 9, reason: "不存在".into() }, "unknown_booking");
    s.refused(book("赵敏", false), "duplicate");
    s.ok(book("周强", true));

    let b = &s.meeting().bookings;
    assert_eq!(b.iter().map(|b| (b.no, b.name.as_str(), b.active())).collect::<Vec<_>>(), [(1, "赵敏", true), (2, "孙丽", false), (3, "周强", true)]);
    assert_eq!(b[1].cancelled.as_ref().unwrap().reason, "临时有事");
    assert!(b[0].online && !b[1].online);
}

#[test]
fn r_observe_booking_is_before_the_meeting_and_needs_seats() {
    let mut none = setup(6);
    none.observer_seats = 0;
    let mut s = Sim::created(none);
    let r = s.refused(book("赵敏", true), "observer_seats_full");
    assert_eq!(r.message(Locale::Zh), "本次会议未设旁听席位，不能预约旁听（R-OBSERVE）");
    s.refused(Intent::BookObserver { name: "".into(), contact: String::new(), online: false }, "empty");

    let mut s = Sim::in_session(6, 5);
    let r = s.refused(book("赵敏", true), "wrong_phase");
    assert_eq!(r.rule(), Some(Rule::Observe));
}

#[test]
fn r_observe_the_yishi_tool_shows_the_bookings() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let id = yishi::MeetingId::new_random();
    {
        let store = yishi::store::Store::open(&data).unwrap();
        let at = common::t("2026-11-12T10:00:00+08:00");
        let cmd = |intent| yishi::Command { meeting: id, at, intent };
        store.apply(&cmd(Intent::CreateMeeting(setup(6)))).unwrap();
        store.apply(&cmd(book("赵敏", true))).unwrap();
        store.apply(&cmd(book("孙丽", false))).unwrap();
        store.apply(&cmd(Intent::CancelBooking { booking: 2, reason: "临时有事".into() })).unwrap();
    }
    let shown = common::yishi(&data, &["show", &id.to_string()]);
    assert!(shown.contains("预约旁听 / observer bookings（2 席）: 赵敏（线上）、孙丽（线下，已取消：临时有事）"), "{shown}");
}
