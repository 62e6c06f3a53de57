//! Scenario tests, one or more per rule id of RULES.md (the id is in the test
//! name), driving the same `decide` + fold the store and the app use.

mod common;
use common::*;
use yishi::agenda::ItemStatus;
use yishi::i18n::Locale;
use yishi::intent::Intent;
use yishi::people::{PartyGroup, Role};
use yishi::roll::{Mark, Status};
use yishi::rules::Rule;
use yishi::setup::{Form, Level};
use yishi::sign::{Channel, WitnessKind};
use yishi::state::Phase;
use yishi::vote::{Choice, Tally, VoteMode, VoteRule};

fn mark(p: &str, m: Mark) -> Intent {
    Intent::MarkAttendance { person: p.into(), mark: m, note: None }
}
fn open_item(i: &str) -> Intent {
    Intent::OpenItem { item: i.into() }
}
fn open_vote(mode: VoteMode, rule: Option<VoteRule>) -> Intent {
    Intent::OpenVote { motion: "同意".into(), mode, rule }
}
fn close_counts(yes: u32, no: u32, abstain: u32) -> Intent {
    Intent::CloseVote { counts: Some(Tally { yes, no, abstain }) }
}

#[test]
fn r_level_r_forms_each_form_belongs_to_one_level() {
    for form in Form::ALL {
        for level in [Level::Street, Level::Community] {
            let mut s = setup(3);
            s.form = form;
            s.level = level;
            let mut sim = Sim::empty();
            if form.level() == level {
                sim.ok(Intent::CreateMeeting(s));
            } else {
                let r = sim.refused(Intent::CreateMeeting(s), "form_not_of_level");
                assert_eq!(r.rule(), Some(Rule::Forms));
            }
        }
    }
}

#[test]
fn r_parties_six_groups_and_roles_are_kept_and_timed() {
    let mut sim = Sim::in_session(12, 12);
    sim.ok(open_item("a"));
    for i in 2..=7 {
        sim.ok(Intent::AddSpeaker { person: format!("m{i}").as_str().into() });
        sim.ok(Intent::StartTurn { person: None });
        sim.ok(Intent::EndTurn { summary: None });
    }
    let times = sim.meeting().speaking_time();
    assert_eq!(times.len(), 6);
    for g in PartyGroup::ALL {
        let gt = times.iter().find(|x| x.group == g).expect("every group listed");
        assert_eq!(gt.turns, 1, "{g:?}");
        assert_eq!(gt.seconds, 30, "{g:?}");
    }
}

#[test]
fn r_seats_deliberation_council_below_half_needs_a_reason() {
    let mut s = setup(4);
    s.form = Form::DeliberationCouncil;
    for p in s.participants.iter_mut().filter(|p| p.role != Role::Observer) {
        p.two_committees = true; // every seat held by 两委
    }
    s.participants[3].two_committees = false; // 2 of 5 seated others = 40%
    s.participants[4].two_committees = false;
    let mut sim = Sim::created(s);
    assert!(sim.meeting().warnings().iter().any(|w| w.rule == Rule::Seats && w.code == "seats_below_half"));
    let r = sim.refused(Intent::OpenMeeting { by: "m1".into() }, "seats_below_half");
    assert_eq!(r.rule(), Some(Rule::Seats));
    assert!(r.message(Locale::Zh).contains("40%") && r.message(Locale::Zh).contains("R-SEATS"));
    sim.ok(Intent::RecordSeatsReason { reason: "议题仅涉及两委成员所在楼栋".into() });
    sim.ok(Intent::OpenMeeting { by: "m1".into() });
    assert!(sim.meeting().warnings().iter().any(|w| w.code == "seats_below_half_reasoned"));
}

#[test]
fn r_seats_half_exactly_is_enough() {
    let mut s = setup(3); // m1, m2 两委; m3, r1 others: 2 of 4 = 50%
    s.form = Form::DeliberationCouncil;
    let mut sim = Sim::created(s);
    assert!(sim.meeting().warnings().iter().all(|w| w.rule != Rule::Seats));
    sim.ok(Intent::OpenMeeting { by: "m1".into() });
}

#[test]
fn r_notice5_warnings_table() {
    let scheduled = "2026-11-19T19:30:00+08:00";
    let cases = [
        (None, Some("notice_not_recorded")),
        (Some("2026-11-14T19:30:00+08:00"), None), // exactly 5 days
        (Some("2026-11-14T19:31:00+08:00"), Some("notice_short")),
        (Some("2026-11-01T08:00:00+08:00"), None),
        (Some("2026-11-18T08:00:00+08:00"), Some("notice_short")),
    ];
    for (published, warning) in cases {
        let mut sim = Sim::created(setup(3));
        assert_eq!(sim.meeting().scheduled_at, t(scheduled));
        if let Some(p) = published {
            sim.ok(Intent::RecordNotice { published_at: Some(t(p)), invitations_sent_at: None });
        }
        let codes: Vec<String> =
            sim.meeting().warnings().iter().filter(|w| w.rule == Rule::Notice5).map(|w| w.code.clone()).collect();
        assert_eq!(codes, warning.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "{published:?}");
    }
    let mut sim = Sim::created(setup(3));
    sim.ok(Intent::RecordNotice {
        published_at: Some(t("2026-11-16T10:00:00+08:00")),
        invitations_sent_at: Some(t("2026-11-17T10:00:00+08:00")),
    });
    let draft = yishi::minutes::draft(sim.meeting());
    assert!(draft.contains("不足5天"), "the minutes state a short notice: {draft}");
}

#[test]
fn r_open_only_the_chair_opens_and_the_time_is_recorded() {
    let mut sim = Sim::created(setup(3));
    let r = sim.refused(Intent::OpenMeeting { by: "m2".into() }, "not_chair");
    assert_eq!(r.rule(), Some(Rule::Open));
    sim.refused(mark("m1", Mark::Present), "wrong_phase");
    sim.ok(Intent::OpenMeeting { by: "m1".into() });
    assert_eq!(sim.meeting().phase, Phase::InSession);
    assert_eq!(sim.meeting().opened_at, Some(sim.clock));
    sim.refused(Intent::OpenMeeting { by: "m1".into() }, "wrong_phase");
}

#[test]
fn r_roll_each_change_is_time_stamped_and_contradictions_refused() {
    let mut sim = Sim::in_session(5, 0);
    sim.ok(mark("m1", Mark::Present));
    let at1 = sim.clock;
    sim.ok(mark("m2", Mark::AbsentWithLeave));
    sim.ok(mark("m2", Mark::ArrivedLate));
    let at2 = sim.clock;
    sim.ok(mark("m1", Mark::LeftEarly));
    let r = sim.refused(mark("m1", Mark::LeftEarly), "attendance_conflict");
    assert_eq!(r.rule(), Some(Rule::Roll));
    assert!(r.message(Locale::Zh).contains("早退"));
    sim.refused(mark("m3", Mark::LeftEarly), "attendance_conflict");
    sim.refused(mark("nobody", Mark::Present), "unknown_person");
    let m = sim.meeting();
    let p1 = m.participant(&"m1".into()).unwrap();
    assert_eq!(p1.attendance.status, Status::LeftEarly);
    assert_eq!(p1.attendance.history[0].at, at1);
    let p2 = m.participant(&"m2".into()).unwrap();
    assert_eq!(p2.attendance.status, Status::Late);
    assert_eq!(p2.attendance.history.last().unwrap().at, at2);
    assert_eq!(m.quorum().present, 1);
}

#[test]
fn r_quorum_exactly_two_thirds_and_one_below_table() {
    // (expected members, present, may open an item)
    let cases = [(30, 20, true), (30, 19, false), (3, 2, true), (3, 1, false), (10, 7, true), (10, 6, false)];
    for (expected, present, ok) in cases {
        let mut sim = Sim::in_session(expected, present);
        let q = sim.meeting().quorum();
        assert_eq!((q.present, q.expected, q.met), (present as u32, expected as u32, ok));
        if ok {
            sim.ok(open_item("a"));
        } else {
            let r = sim.refused(open_item("a"), "quorum_not_met");
            assert_eq!(r.rule(), Some(Rule::Quorum));
            assert!(r.message(Locale::Zh).contains(&format!("实到 {present} 人")));
        }
    }
}

#[test]
fn r_quorum_departures_that_drop_quorum_block_the_next_vote() {
    let mut sim = Sim::in_session(30, 20);
    sim.ok(open_item("a"));
    sim.ok(mark("m20", Mark::LeftEarly));
    let r = sim.refused(open_vote(VoteMode::Hands, None), "quorum_not_met");
    assert_eq!(r.rule(), Some(Rule::Quorum));
    sim.ok(mark("m21", Mark::ArrivedLate));
    sim.ok(open_vote(VoteMode::Hands, None));
}

#[test]
fn r_quorum_adjourned_for_lack_of_quorum_is_kept_and_stops_the_meeting() {
    let mut sim = Sim::in_session(9, 6);
    sim.refused(Intent::AdjournForLackOfQuorum { note: None }, "quorum_present");
    sim.ok(open_item("a"));
    sim.ok(mark("m6", Mark::LeftEarly));
    sim.ok(Intent::AdjournForLackOfQuorum { note: Some("多人离场".into()) });
    let m = sim.meeting();
    let a = m.adjourned.as_ref().expect("adjournment recorded");
    assert_eq!((a.present, a.expected), (5, 9));
    assert_eq!(m.item(&"a".into()).unwrap().status, ItemStatus::Deferred);
    sim.refused(open_item("b"), "adjourned");
    // Minutes and signatures still follow; untaken items stay untaken.
    sim.ok(Intent::FinalizeMinutes { by: "r1".into() });
    assert_eq!(sim.meeting().phase, Phase::Signing);
}

#[test]
fn r_agenda_one_item_at_a_time() {
    let mut sim = Sim::in_session(6, 6);
    sim.ok(open_item("a"));
    let r = sim.refused(open_item("b"), "item_already_open");
    assert_eq!(r.rule(), Some(Rule::Agenda));
    assert!(r.message(Locale::Zh).contains("议题a"));
    sim.refused(Intent::DeferItem { reason: " ".into() }, "empty");
    sim.ok(Intent::DeferItem { reason: "资料不全".into() });
    sim.refused(open_item("a"), "item_not_pending");
    sim.refused(open_item("zz"), "unknown_item");
    sim.ok(open_item("b"));
    sim.ok(Intent::CloseByConsensus { resolution: "同意".into() });
    let r = sim.refused(Intent::FinalizeMinutes { by: "r1".into() }, "items_not_closed");
    assert!(r.message(Locale::Zh).contains("议题c"));
    sim.ok(open_item("c"));
    sim.ok(open_vote(VoteMode::Hands, None));
    sim.refused(Intent::DeferItem { reason: "x".into() }, "vote_in_progress");
    sim.ok(close_counts(6, 0, 0));
    let m = sim.meeting();
    assert_eq!(m.item(&"a".into()).unwrap().status, ItemStatus::Deferred);
    assert_eq!(m.item(&"b".into()).unwrap().status, ItemStatus::Consensus);
    assert_eq!(m.item(&"c".into()).unwrap().status, ItemStatus::Voted);
    assert_eq!(m.item(&"c".into()).unwrap().resolution.as_deref(), Some("同意"));
    sim.ok(Intent::FinalizeMinutes { by: "r1".into() });
}

#[test]
fn r_neutral_the_chair_is_refused_on_the_speakers_list() {
    let mut sim = Sim::in_session(5, 5);
    sim.ok(open_item("a"));
    let r = sim.refused(Intent::AddSpeaker { person: "m1".into() }, "chair_may_not_speak");
    assert_eq!(r.rule(), Some(Rule::Neutral));
    assert!(r.message(Locale::Zh).contains("中立") && r.message(Locale::Zh).contains("R-NEUTRAL"));
    assert!(r.message(Locale::En).contains("neutral") && r.message(Locale::En).contains("R-NEUTRAL"));
    sim.refused(Intent::StartTurn { person: Some("m1".into()) }, "chair_may_not_speak");
}

#[test]
fn r_speak_queue_turns_limits_and_summaries() {
    let mut sim = Sim::in_session(6, 5);
    sim.refused(Intent::AddSpeaker { person: "m2".into() }, "no_open_item");
    sim.ok(open_item("a"));
    sim.refused(Intent::AddSpeaker { person: "o1".into() }, "observer_may_not_speak");
    let r = sim.refused(Intent::AddSpeaker { person: "m6".into() }, "not_present");
    assert_eq!(r.rule(), Some(Rule::Speak));
    sim.refused(Intent::StartTurn { person: None }, "queue_empty");
    sim.ok(Intent::AddSpeaker { person: "m2".into() });
    sim.refused(Intent::AddSpeaker { person: "m2".into() }, "already_queued");
    sim.ok(Intent::AddSpeaker { person: "m3".into() });
    sim.ok(Intent::AddSpeaker { person: "r1".into() }); // 列席 may speak
    sim.ok(Intent::WithdrawSpeaker { person: "m3".into() });
    sim.refused(Intent::WithdrawSpeaker { person: "m3".into() }, "not_queued");
    sim.ok(Intent::StartTurn { person: None });
    sim.refused(Intent::StartTurn { person: None }, "turn_running");
    sim.refused(open_vote(VoteMode::Hands, None), "turn_running");
    sim.ok(Intent::EndTurn { summary: Some("支持".into()) });
    sim.refused(Intent::EndTurn { summary: None }, "no_turn_running");
    sim.ok(Intent::StartTurn { person: None });
    sim.ok(Intent::EndTurn { summary: None });
    sim.ok(Intent::SummarizeTurn { turn: 2, summary: "介绍政策".into() });
    sim.refused(Intent::SummarizeTurn { turn: 9, summary: "x".into() }, "unknown_turn");
    let item = sim.meeting().item(&"a".into()).unwrap().clone();
    assert_eq!(item.turns.len(), 2);
    assert_eq!(item.turns[0].person.as_str(), "m2");
    assert_eq!(item.turns[0].summary.as_deref(), Some("支持"));
    assert_eq!(item.turns[1].person.as_str(), "r1");
    assert_eq!(item.turns[1].summary.as_deref(), Some("介绍政策"));
    assert_eq!(item.turns[0].seconds(sim.clock), 90, "three steps of 30 s while m2 held the floor");
    assert!(item.queue.is_empty());
    assert_eq!(sim.meeting().turn_limit_secs, 120);
    let total: u32 = sim.meeting().speaking_time().iter().map(|g| g.seconds).sum();
    assert_eq!(total, 120);
}

#[test]
fn r_vote_exact_half_under_each_rule() {
    // 10 present, 5 yes: the literal rule passes, 过半数 and 三分之二 fail.
    for (rule, passes) in [(VoteRule::HalfOrMore, true), (VoteRule::MoreThanHalf, false), (VoteRule::TwoThirds, false)] {
        for mode in [VoteMode::Hands, VoteMode::Secret, VoteMode::Named] {
            let mut sim = Sim::in_session(10, 10);
            sim.ok(open_item("a"));
            sim.ok(open_vote(mode, Some(rule)));
            if mode == VoteMode::Named {
                for i in 1..=10 {
                    let choice = if i <= 5 { Choice::Yes } else { Choice::No };
                    sim.ok(Intent::CastVote { person: format!("m{i}").as_str().into(), choice });
                }
                sim.ok(Intent::CloseVote { counts: None });
            } else {
                sim.ok(close_counts(5, 5, 0));
            }
            let v = sim.meeting().item(&"a".into()).unwrap().vote.clone().unwrap();
            let o = v.outcome.unwrap();
            assert_eq!((o.passed, o.exact_half, o.rule, o.present), (passes, true, rule, 10), "{rule:?} {mode:?}");
            let zh = yishi::i18n::outcome_text(&o, Locale::Zh);
            assert!(zh.contains("恰好") && zh.contains(if passes { "故通过" } else { "故未通过" }), "{zh}");
            let en = yishi::i18n::outcome_text(&o, Locale::En);
            assert!(en.contains("exactly half"), "{en}");
        }
    }
}

#[test]
fn r_vote_abstentions_and_non_votes_count_against() {
    // 9 present: 4 yes + 5 abstain fails (needs 5); named: 4 yes, 1 no, 4 not voting fails.
    let mut sim = Sim::in_session(9, 9);
    sim.ok(open_item("a"));
    sim.ok(open_vote(VoteMode::Hands, None));
    sim.ok(close_counts(4, 0, 5));
    let o = sim.meeting().item(&"a".into()).unwrap().vote.as_ref().unwrap().outcome.unwrap();
    assert!(!o.passed);
    assert_eq!(o.required_yes, 5);

    sim.ok(open_item("b"));
    sim.ok(open_vote(VoteMode::Named, None));
    for (i, c) in [(1, Choice::Yes), (2, Choice::Yes), (3, Choice::Yes), (4, Choice::Yes), (5, Choice::No)] {
        sim.ok(Intent::CastVote { person: format!("m{i}").as_str().into(), choice: c });
    }
    sim.refused(Intent::CastVote { person: "m5".into(), choice: Choice::Yes }, "already_voted");
    sim.refused(Intent::CloseVote { counts: Some(Tally { yes: 9, no: 0, abstain: 0 }) }, "counts_not_allowed");
    sim.ok(Intent::CloseVote { counts: None });
    let v = sim.meeting().item(&"b".into()).unwrap().vote.clone().unwrap();
    let o = v.outcome.unwrap();
    assert_eq!(v.tally, Some(Tally { yes: 4, no: 1, abstain: 0 }));
    assert_eq!((o.passed, o.not_voting), (false, 4));
    assert!(yishi::i18n::outcome_text(&o, Locale::Zh).contains("未投票 4 人，按不同意计"));
}

#[test]
fn r_vote_counts_above_those_present_are_refused() {
    let mut sim = Sim::in_session(10, 8);
    sim.ok(open_item("a"));
    sim.ok(open_vote(VoteMode::Secret, None));
    let r = sim.refused(close_counts(5, 3, 1), "counts_exceed_present");
    assert_eq!(r.rule(), Some(Rule::Vote));
    assert!(r.message(Locale::Zh).contains("计票 9 票，超过到会成员 8 人"));
    sim.refused(close_counts(u32::MAX, u32::MAX, 1), "counts_exceed_present");
    sim.refused(Intent::CloseVote { counts: None }, "counts_required");
    sim.refused(Intent::CastVote { person: "m2".into(), choice: Choice::Yes }, "not_named_vote");
    sim.ok(close_counts(5, 3, 0));
    assert!(sim.meeting().item(&"a".into()).unwrap().vote.as_ref().unwrap().outcome.unwrap().passed);
}

#[test]
fn r_vote_the_denominator_is_fixed_when_the_vote_opens() {
    let mut sim = Sim::in_session(6, 5);
    sim.ok(open_item("a"));
    sim.ok(open_vote(VoteMode::Named, None));
    sim.ok(mark("m6", Mark::ArrivedLate));
    sim.refused(Intent::CastVote { person: "m6".into(), choice: Choice::Yes }, "not_eligible");
    sim.refused(Intent::CastVote { person: "r1".into(), choice: Choice::Yes }, "not_eligible");
    sim.ok(mark("m5", Mark::LeftEarly));
    for i in 1..=3 {
        sim.ok(Intent::CastVote { person: format!("m{i}").as_str().into(), choice: Choice::Yes });
    }
    sim.ok(Intent::CloseVote { counts: None });
    let o = sim.meeting().item(&"a".into()).unwrap().vote.as_ref().unwrap().outcome.unwrap();
    assert_eq!((o.present, o.passed, o.required_yes), (5, true, 3));
    sim.ok(open_item("b"));
}

#[test]
fn r_redo_only_failed_or_deferred_matters() {
    let mut sim = Sim::in_session(4, 4);
    sim.ok(open_item("a"));
    sim.ok(open_vote(VoteMode::Hands, None));
    sim.ok(close_counts(4, 0, 0));
    let r = sim.refused(Intent::MarkForRedo { item: "a".into(), reason: "再议".into() }, "cannot_redo");
    assert_eq!(r.rule(), Some(Rule::Redo));
    sim.ok(open_item("b"));
    sim.ok(open_vote(VoteMode::Hands, None));
    sim.ok(close_counts(1, 3, 0));
    sim.ok(Intent::MarkForRedo { item: "b".into(), reason: "分歧较大".into() });
    sim.ok(open_item("c"));
    sim.ok(Intent::DeferItem { reason: "资料不全".into() });
    sim.ok(Intent::MarkForRedo { item: "c".into(), reason: "补充资料后再议".into() });
    assert_eq!(sim.meeting().item(&"b".into()).unwrap().redo_reason.as_deref(), Some("分歧较大"));
}

/// A meeting with every item closed, ready for the minutes.
fn decided(members: usize, present: usize) -> Sim {
    let mut sim = Sim::in_session(members, present);
    for i in ["a", "b", "c"] {
        sim.ok(open_item(i));
        sim.ok(Intent::CloseByConsensus { resolution: format!("{i}同意") });
    }
    sim
}

#[test]
fn r_minutes_only_the_recorder_edits_and_finalizes() {
    let mut sim = decided(4, 4);
    let r = sim.refused(Intent::EditMinutes { by: "m2".into(), text: "x".into() }, "not_recorder");
    assert_eq!(r.rule(), Some(Rule::Minutes));
    let draft = yishi::minutes::draft(sim.meeting());
    assert!(draft.contains("应到协商成员 4 人，实到 4 人"));
    assert!(draft.contains("a同意"));
    sim.ok(Intent::EditMinutes { by: "r1".into(), text: draft.clone() });
    assert_eq!(sim.meeting().minutes.as_ref().unwrap().text, draft);
    sim.refused(Intent::FinalizeMinutes { by: "m1".into() }, "not_recorder");
    sim.ok(Intent::FinalizeMinutes { by: "r1".into() });
    sim.refused(Intent::EditMinutes { by: "r1".into(), text: "y".into() }, "wrong_phase");
    sim.refused(mark("m1", Mark::LeftEarly), "wrong_phase");
}

#[test]
fn r_sign_every_present_member_signs_or_declines_before_close() {
    let mut sim = decided(5, 4); // m5 absent
    sim.ok(Intent::FinalizeMinutes { by: "r1".into() });
    let signers: Vec<String> = sim.meeting().signers.iter().map(|p| p.to_string()).collect();
    assert_eq!(signers, ["m1", "r1", "m2", "m3", "m4"]);
    sim.refused(Intent::Sign { person: "m5".into(), image_png_base64: png_b64() }, "not_signer");
    sim.refused(Intent::Sign { person: "m2".into(), image_png_base64: "not base64!".into() }, "bad_signature_image");
    sim.refused(Intent::Sign { person: "m2".into(), image_png_base64: "aGVsbG8=".into() }, "bad_signature_image");
    let huge = "A".repeat(1024 * 1024);
    sim.refused(Intent::Sign { person: "m2".into(), image_png_base64: huge }, "bad_signature_image");
    let events = sim.ok(Intent::Sign { person: "m2".into(), image_png_base64: png_b64() });
    assert!(matches!(&events[0], yishi::Event::Signed { image_sha256, .. } if image_sha256.len() == 64));
    sim.refused(Intent::Sign { person: "m2".into(), image_png_base64: png_b64() }, "already_signed");
    sim.refused(Intent::DeclineSignature { person: "m3".into(), reason: "".into() }, "empty");
    sim.ok(Intent::DeclineSignature { person: "m3".into(), reason: "对记录有异议".into() });
    sim.ok(Intent::RecordWitness { name: "唐律师".into(), kind: WitnessKind::Lawyer, statement: None });
    let r = sim.refused(Intent::CloseMeeting { by: "m1".into() }, "signatures_missing");
    assert_eq!(r.rule(), Some(Rule::Sign));
    assert!(r.message(Locale::Zh).contains("成员m1") && r.message(Locale::Zh).contains("成员r1"));
    for p in ["m1", "r1", "m4"] {
        sim.ok(Intent::Sign { person: p.into(), image_png_base64: png_b64() });
    }
    sim.refused(Intent::CloseMeeting { by: "m2".into() }, "not_chair");
    sim.ok(Intent::CloseMeeting { by: "m1".into() });
}

fn sealed() -> Sim {
    let mut sim = decided(3, 3);
    sim.ok(Intent::FinalizeMinutes { by: "r1".into() });
    for p in ["m1", "r1", "m2", "m3"] {
        sim.ok(Intent::Sign { person: p.into(), image_png_base64: png_b64() });
    }
    sim.ok(Intent::CloseMeeting { by: "m1".into() });
    sim
}

#[test]
fn r_close_records_the_time_and_seals() {
    let sim = sealed();
    let m = sim.meeting();
    assert_eq!(m.phase, Phase::Sealed);
    assert_eq!(m.closed_at, Some(sim.clock));
}

#[test]
fn r_sign_a_sealed_record_refuses_every_edit_and_takes_amendments() {
    let mut sim = sealed();
    // A blank field names the field and the rule of the intent it was in.
    let blank = sim.refused(Intent::Amend { by: "x".into(), reason: "y".into(), text: "".into() }, "empty");
    assert_eq!(blank.rule(), Some(yishi::rules::Rule::Sign));
    let report = blank.report();
    assert_eq!(report.code, "empty");
    assert!(report.message_zh.contains("不能为空") && report.message_zh.contains("R-SIGN"), "{}", report.message_zh);
    assert!(report.message_en.contains("must not be empty") && report.message_en.contains("R-SIGN"), "{}", report.message_en);
    let place = sim.refused(Intent::RecordPublication { channel: yishi::sign::Channel::Online, place: " ".into() }, "empty");
    assert_eq!(place.rule(), Some(yishi::rules::Rule::Publish));
    let edits = [
        Intent::EditMinutes { by: "r1".into(), text: "改写".into() },
        mark("m1", Mark::LeftEarly),
        open_item("a"),
        Intent::AddAgendaItem {
            item: yishi::agenda::AgendaItemSpec {
                id: "z".into(),
                title: "新议题".into(),
                background: String::new(),
                stakeholders: String::new(),
                redo_of: None,
                topic: None,
            },
        },
        Intent::Sign { person: "m2".into(), image_png_base64: png_b64() },
        Intent::CloseMeeting { by: "m1".into() },
        Intent::RecordNotice { published_at: None, invitations_sent_at: None },
        Intent::MarkForRedo { item: "a".into(), reason: "x".into() },
    ];
    for e in edits {
        let r = sim.refused(e, "sealed");
        assert_eq!(r.rule(), Some(Rule::Sign));
        assert!(r.message(Locale::Zh).contains("只能追加更正"));
    }
    sim.ok(Intent::Amend { by: "谢雨婷".into(), reason: "笔误".into(), text: "时间应为19:55".into() });
    sim.ok(Intent::Amend { by: "谢雨婷".into(), reason: "补充".into(), text: "补记".into() });
    let m = sim.meeting();
    assert_eq!(m.amendments.len(), 2);
    assert_eq!(m.amendments[1].no, 2);
    assert_eq!(m.item(&"a".into()).unwrap().resolution.as_deref(), Some("a同意"), "sealed content unchanged");
}

#[test]
fn r_sign_amendments_only_after_the_seal() {
    let mut sim = decided(3, 3);
    let r = sim.refused(Intent::Amend { by: "x".into(), reason: "y".into(), text: "z".into() }, "not_sealed");
    assert_eq!(r.rule(), Some(Rule::Sign));
}

#[test]
fn r_publish_recorded_after_the_seal() {
    let mut sim = decided(3, 3);
    let r = sim.refused(
        Intent::RecordPublication { channel: Channel::NoticeBoard, place: "东门".into() },
        "wrong_phase",
    );
    assert_eq!(r.rule(), Some(Rule::Publish));
    let mut sim = sealed();
    sim.ok(Intent::RecordPublication { channel: Channel::Online, place: "社区公众号".into() });
    assert_eq!(sim.meeting().publications.len(), 1);
}

#[test]
fn bad_input_names_the_field_in_both_languages() {
    let mut s = setup(3);
    s.title = "题".repeat(201);
    let r = Sim::empty().refused(Intent::CreateMeeting(s), "too_long");
    assert!(r.message(Locale::Zh).contains("“标题”共 201 字，最多 200 字"));
    assert!(r.message(Locale::En).contains("title: 201 characters"));
    let mut s = setup(3);
    s.participants[1].id = "m1".into();
    Sim::empty().refused(Intent::CreateMeeting(s), "duplicate");
    let mut s = setup(3);
    s.participants[1].id = "坏 id".into();
    let r = Sim::empty().refused(Intent::CreateMeeting(s), "bad_id");
    assert!(r.message(Locale::Zh).contains("人员编号"));
    let mut s = setup(3);
    s.chair = "ghost".into();
    let r = Sim::empty().refused(Intent::CreateMeeting(s), "unknown_person");
    assert!(r.message(Locale::Zh).contains("召集人"));
    let mut s = setup(3);
    s.participants.retain(|p| p.role != Role::Member || p.id.as_str() == "m1");
    s.participants[0].role = Role::Attendee;
    Sim::empty().refused(Intent::CreateMeeting(s), "no_members");
    let mut s = setup(3);
    s.turn_limit_secs = 5;
    Sim::empty().refused(Intent::CreateMeeting(s), "out_of_range");
    let mut sim = Sim::empty();
    sim.refused(Intent::OpenMeeting { by: "m1".into() }, "unknown_meeting");
    let mut sim = Sim::created(setup(3));
    sim.refused(Intent::CreateMeeting(setup(3)), "meeting_exists");
}

/// R-SIGN: one list of who signs, for the rule, the minutes and the room — the chair, the recorder
/// and every member present, each once, even when the chair also keeps the record.
#[test]
fn r_sign_the_chair_who_also_records_signs_once() {
    let mut setup = common::setup(5);
    setup.recorder = "m1".into();
    let mut s = Sim::created(setup);
    s.clock = common::t("2026-11-19T19:30:00+08:00");
    s.ok(Intent::OpenMeeting { by: "m1".into() });
    for p in ["m1", "m2", "m3", "m4"] {
        s.ok(mark(p, Mark::Present));
    }
    let before: Vec<String> = s.meeting().expected_signers().iter().map(|p| p.to_string()).collect();
    assert_eq!(before, ["m1", "m2", "m3", "m4"], "before the minutes are finalized");
    s.ok(mark("m4", Mark::LeftEarly));
    let now: Vec<String> = s.meeting().expected_signers().iter().map(|p| p.to_string()).collect();
    assert_eq!(now, ["m1", "m2", "m3"], "who is present now");
}

/// R-SIGN: a signature shows a hand's strokes. A transparent 1×1, a blank pad (transparent or
/// white), or a single tap is refused naming the signer; nothing is recorded.
#[test]
fn r_sign_a_blank_or_near_empty_signature_image_is_refused() {
    use base64::Engine;
    let b64 = |bytes: Vec<u8>| base64::engine::general_purpose::STANDARD.encode(bytes);
    let mut sim = decided(5, 4);
    sim.ok(Intent::FinalizeMinutes { by: "r1".into() });
    let one_by_one = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
    let clear = yishi::png::encode_gray_alpha(300, 100, &vec![[0, 0]; 300 * 100]);
    let white = yishi::png::encode_gray_alpha(300, 100, &vec![[255, 255]; 300 * 100]);
    let mut tap = vec![[0u8, 0u8]; 300 * 100];
    for (x, y) in (0..5).flat_map(|x| (0..5).map(move |y| (x, y))) {
        tap[(50 + y) * 300 + 150 + x] = [20, 255];
    }
    let tap = yishi::png::encode_gray_alpha(300, 100, &tap);
    for image in [one_by_one.to_string(), b64(clear), b64(white), b64(tap)] {
        let r = sim.run(Intent::Sign { person: "m2".into(), image_png_base64: image }).unwrap_err();
        assert_eq!((r.code(), r.rule()), ("blank_signature", Some(Rule::Sign)));
        assert!(r.message(Locale::Zh).contains("成员m2的签名是空白的"), "{}", r.message(Locale::Zh));
    }
    assert!(sim.meeting().signatures.is_empty());
    // A drawing, even a small one, is taken.
    sim.ok(Intent::Sign { person: "m2".into(), image_png_base64: png_b64() });
    let pad = b64(yishi::png::scribble("谢雨婷", 900, 240));
    sim.ok(Intent::Sign { person: "m3".into(), image_png_base64: pad });
}

// ---- the flow (`meeting::flow`): where the meeting is and what the chair does next, decided by
// the core for every reader (the room, the projector, `yishi show --json`).

use yishi::meeting::flow::{Flow, Next, Step};

fn flow(sim: &Sim) -> Flow {
    Flow::of(sim.meeting())
}

#[track_caller]
fn at(sim: &Sim, step: Step, next: Option<Next>) {
    let f = flow(sim);
    assert_eq!((f.step, f.next), (step, next));
}

/// R-OPEN R-ROLL R-QUORUM R-AGENDA R-SPEAK R-VOTE R-MINUTES R-SIGN R-CLOSE: one meeting through
/// every step, each with the next action the room shows.
#[test]
fn r_roll_r_agenda_r_vote_r_sign_the_step_and_next_action_follow_the_record() {
    let mut sim = Sim::created(setup(6));
    at(&sim, Step::Open, Some(Next::OpenMeeting { chair: "m1".into() }));
    assert_eq!(Next::OpenMeeting { chair: "m1".into() }.rule(), Rule::Open);

    // R-ROLL: three of six called present, three not yet called.
    sim.ok(Intent::OpenMeeting { by: "m1".into() });
    for p in ["m1", "m2", "m3"] {
        sim.ok(mark(p, Mark::Present));
    }
    at(&sim, Step::Roll, Some(Next::CallRoll { not_called: 3 }));
    // R-QUORUM: everyone called, but 3 of 6 is below two thirds: the roll call goes on.
    for p in ["m4", "m5", "m6"] {
        sim.ok(mark(p, Mark::AbsentWithLeave));
    }
    at(&sim, Step::Roll, Some(Next::AwaitQuorum { present: 3, required: 4 }));
    sim.ok(mark("m4", Mark::ArrivedLate));
    at(&sim, Step::Agenda, Some(Next::OpenItem { item: "a".into() }));

    // R-SPEAK: the queue, then the running turn.
    sim.ok(open_item("a"));
    at(&sim, Step::Speak, Some(Next::CloseItem { item: "a".into() }));
    sim.ok(Intent::AddSpeaker { person: "m2".into() });
    at(&sim, Step::Speak, Some(Next::NextSpeaker { person: "m2".into() }));
    sim.ok(Intent::StartTurn { person: None });
    at(&sim, Step::Speak, Some(Next::EndTurn { person: "m2".into() }));
    assert_eq!((flow(&sim).running_turn, flow(&sim).vote_open), (Some(1), false));
    sim.ok(Intent::EndTurn { summary: None });
    assert_eq!(flow(&sim).running_turn, None);
    at(&sim, Step::Speak, Some(Next::CloseItem { item: "a".into() }));

    // R-VOTE: named ballots from the members present when it opened and still present.
    sim.ok(open_vote(VoteMode::Named, None));
    assert!(flow(&sim).vote_open);
    at(&sim, Step::Vote, Some(Next::CastBallots { remaining: 4 }));
    sim.ok(Intent::CastVote { person: "m2".into(), choice: Choice::Yes });
    at(&sim, Step::Vote, Some(Next::CastBallots { remaining: 3 }));
    sim.ok(mark("m3", Mark::LeftEarly)); // gone: no ballot from m3 is waited for
    at(&sim, Step::Vote, Some(Next::CastBallots { remaining: 2 }));
    sim.ok(Intent::CastVote { person: "m1".into(), choice: Choice::Yes });
    sim.ok(Intent::CastVote { person: "m4".into(), choice: Choice::No });
    at(&sim, Step::Vote, Some(Next::CloseVote));
    sim.ok(Intent::CloseVote { counts: None });
    assert!(!flow(&sim).vote_open);

    // R-AGENDA: between items; R-QUORUM: below it no item opens.
    at(&sim, Step::Agenda, Some(Next::AwaitQuorum { present: 3, required: 4 }));
    sim.ok(mark("m3", Mark::ArrivedLate));
    at(&sim, Step::Agenda, Some(Next::OpenItem { item: "b".into() }));
    sim.ok(open_item("b"));
    sim.ok(Intent::CloseByConsensus { resolution: "同意".into() });
    sim.ok(open_item("c"));
    sim.ok(open_vote(VoteMode::Hands, None));
    at(&sim, Step::Vote, Some(Next::CloseVote)); // counts, not names
    sim.ok(close_counts(4, 0, 0));

    // R-MINUTES, R-SIGN, R-CLOSE
    at(&sim, Step::Minutes, Some(Next::FinalizeMinutes { recorder: "r1".into() }));
    sim.ok(Intent::FinalizeMinutes { by: "r1".into() });
    at(&sim, Step::Sign, Some(Next::CollectSignatures { pending: 5 }));
    sim.ok(Intent::DeclineSignature { person: "m2".into(), reason: "有异议".into() });
    at(&sim, Step::Sign, Some(Next::CollectSignatures { pending: 4 }));
    for p in ["m1", "r1", "m3", "m4"] {
        sim.ok(Intent::Sign { person: p.into(), image_png_base64: png_b64() });
    }
    at(&sim, Step::Sign, Some(Next::CloseMeeting { chair: "m1".into() }));
    sim.ok(Intent::CloseMeeting { by: "m1".into() });
    at(&sim, Step::Seal, None);
}

/// R-ROLL: a quorum reached before everyone is called does not end the roll call.
#[test]
fn r_roll_the_roll_call_lasts_until_every_member_is_called() {
    let mut sim = Sim::in_session(6, 4);
    assert!(sim.meeting().quorum().met);
    at(&sim, Step::Roll, Some(Next::CallRoll { not_called: 2 }));
    sim.ok(mark("m5", Mark::AbsentWithoutLeave));
    at(&sim, Step::Roll, Some(Next::CallRoll { not_called: 1 }));
    sim.ok(mark("m6", Mark::AbsentWithLeave));
    at(&sim, Step::Agenda, Some(Next::OpenItem { item: "a".into() }));
    // Once an item was taken the meeting stays between items, whoever comes or goes.
    sim.ok(open_item("a"));
    sim.ok(Intent::DeferItem { reason: "资料不全".into() });
    sim.ok(mark("m4", Mark::LeftEarly));
    at(&sim, Step::Agenda, Some(Next::AwaitQuorum { present: 3, required: 4 }));
}

/// R-SEATS: an 议事会 below half is opened only after the chair records a reason.
#[test]
fn r_seats_the_first_thing_to_do_is_the_reason_when_seats_are_below_half() {
    let mut s = setup(4);
    s.form = Form::DeliberationCouncil;
    for p in s.participants.iter_mut().filter(|p| p.role != Role::Observer) {
        p.two_committees = true;
    }
    s.participants[3].two_committees = false;
    s.participants[4].two_committees = false;
    let mut sim = Sim::created(s);
    let next = Next::RecordSeatsReason { percent: 40 };
    assert_eq!(next.rule(), Rule::Seats);
    at(&sim, Step::Open, Some(next));
    sim.ok(Intent::RecordSeatsReason { reason: "议题仅涉及两委成员所在楼栋".into() });
    at(&sim, Step::Open, Some(Next::OpenMeeting { chair: "m1".into() }));
}

/// R-QUORUM: a meeting adjourned for lack of quorum goes to its minutes, items left untaken.
#[test]
fn r_quorum_an_adjourned_meeting_goes_to_its_minutes() {
    let mut sim = Sim::in_session(6, 3);
    sim.ok(Intent::AdjournForLackOfQuorum { note: None });
    at(&sim, Step::Minutes, Some(Next::FinalizeMinutes { recorder: "r1".into() }));
}

/// R-ROLL R-SPEAK R-NEUTRAL: presence (present or late) and who the room offers for the speakers
/// list — members present, 列席 not marked away, never an observer, the chair included so the
/// core's refusal (R-NEUTRAL) says why. `decide` agrees with the list for everyone.
#[test]
fn r_speak_r_neutral_who_is_in_the_room() {
    let mut sim = Sim::in_session(6, 3); // m1 (chair) m2 m3 present; m4–m6 not called; r1 列席; o1 旁听
    let ids = |f: &Flow, pick: fn(&yishi::meeting::flow::Presence) -> bool| -> Vec<String> {
        f.presence.iter().filter(|p| pick(p)).map(|p| p.person.to_string()).collect()
    };
    let f = flow(&sim);
    assert_eq!(ids(&f, |p| p.in_the_room), ["m1", "m2", "m3", "r1"]);
    assert_eq!(ids(&f, |p| p.present), ["m1", "m2", "m3"]);
    assert_eq!(f.presence.len(), sim.meeting().participants.len());

    // Late counts as present; left early, or absent, does not; a 列席 marked away is out.
    sim.ok(mark("m4", Mark::ArrivedLate));
    sim.ok(mark("m5", Mark::AbsentWithLeave));
    sim.ok(mark("m3", Mark::LeftEarly));
    sim.ok(mark("r1", Mark::AbsentWithoutLeave));
    let f = flow(&sim);
    assert_eq!(ids(&f, |p| p.present), ["m1", "m2", "m4"]);
    assert_eq!(ids(&f, |p| p.in_the_room), ["m1", "m2", "m4"]);
    sim.ok(mark("r1", Mark::ArrivedLate));
    assert_eq!(ids(&flow(&sim), |p| p.in_the_room), ["m1", "m2", "m4", "r1"]);

    // The list is what `decide` takes: everyone on it but the chair; nobody off it.
    sim.ok(mark("m3", Mark::ArrivedLate));
    sim.ok(open_item("a"));
    let m = sim.meeting();
    for p in &flow(&sim).presence {
        let cmd = yishi::Command { meeting: sim.id, at: sim.clock, intent: Intent::AddSpeaker { person: p.person.clone() } };
        match yishi::decide(Some(m), &cmd) {
            Ok(_) => assert!(p.in_the_room && p.person != m.chair, "{} was taken", p.person),
            Err(r) if p.person == m.chair => assert_eq!((r.code(), r.rule()), ("chair_may_not_speak", Some(Rule::Neutral))),
            Err(r) => assert!(!p.in_the_room, "{} is in the room but refused: {}", p.person, r.code()),
        }
    }
}

/// Every reader of the snapshot gets the flow: the app's windows and `yishi show --json`.
#[test]
fn the_snapshot_carries_the_flow() {
    let sim = Sim::in_session(6, 3);
    let snap = sim.meeting().snapshot(Default::default());
    assert_eq!(snap.flow, flow(&sim));
    let json = serde_json::to_value(&snap).unwrap();
    assert_eq!(json["flow"]["step"], "roll");
    assert_eq!(json["flow"]["next"], serde_json::json!({ "code": "call_roll", "not_called": 3 }));
    assert_eq!(json["flow"]["presence"][0], serde_json::json!({ "person": "m1", "present": true, "in_the_room": true }));
    assert_eq!(Step::ALL.len(), 8);
}
