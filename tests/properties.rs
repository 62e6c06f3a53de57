//! Property tests: random intent sequences never break an invariant —
//! present ≤ expected, at most one open item, tallies ≤ those present, a
//! refusal changes nothing — and through the store the chain stays intact and
//! the reopened record equals what was acknowledged.

mod common;
use common::*;
use proptest::prelude::*;
use yishi::agenda::ItemStatus;
use yishi::intent::{Command, Intent};
use yishi::roll::Mark;
use yishi::vote::{Choice, Tally, VoteMode, VoteRule};

const MEMBERS: usize = 7;

fn pid(i: usize) -> yishi::PersonId {
    match i % (MEMBERS + 2) {
        n if n < MEMBERS => format!("m{}", n + 1).as_str().into(),
        n if n == MEMBERS => "r1".into(),
        _ => "o1".into(),
    }
}

fn intent() -> impl Strategy<Value = Intent> {
    let mark = prop_oneof![
        Just(Mark::Present),
        Just(Mark::AbsentWithLeave),
        Just(Mark::AbsentWithoutLeave),
        Just(Mark::ArrivedLate),
        Just(Mark::LeftEarly)
    ];
    let mode = prop_oneof![Just(VoteMode::Hands), Just(VoteMode::Named), Just(VoteMode::Secret)];
    let rule = prop_oneof![
        Just(None),
        Just(Some(VoteRule::HalfOrMore)),
        Just(Some(VoteRule::MoreThanHalf)),
        Just(Some(VoteRule::TwoThirds))
    ];
    let choice = prop_oneof![Just(Choice::Yes), Just(Choice::No), Just(Choice::Abstain)];
    let item = prop_oneof![Just("a"), Just("b"), Just("c"), Just("zz")];
    prop_oneof![
        3 => (0..12usize, mark).prop_map(|(p, m)| Intent::MarkAttendance { person: pid(p), mark: m, note: None }),
        1 => Just(Intent::OpenMeeting { by: "m1".into() }),
        2 => item.clone().prop_map(|i| Intent::OpenItem { item: i.into() }),
        2 => (0..12usize).prop_map(|p| Intent::AddSpeaker { person: pid(p) }),
        2 => Just(Intent::StartTurn { person: None }),
        2 => Just(Intent::EndTurn { summary: Some("摘要".into()) }),
        2 => (mode, rule).prop_map(|(mode, rule)| Intent::OpenVote { motion: "动议".into(), mode, rule }),
        3 => (0..12usize, choice).prop_map(|(p, c)| Intent::CastVote { person: pid(p), choice: c }),
        2 => proptest::option::of((0..6u32, 0..6u32, 0..6u32))
            .prop_map(|c| Intent::CloseVote { counts: c.map(|(yes, no, abstain)| Tally { yes, no, abstain }) }),
        1 => Just(Intent::CloseByConsensus { resolution: "一致".into() }),
        1 => Just(Intent::DeferItem { reason: "延期".into() }),
        1 => Just(Intent::AdjournForLackOfQuorum { note: None }),
        1 => item.prop_map(|i| Intent::MarkForRedo { item: i.into(), reason: "再议".into() }),
        1 => Just(Intent::FinalizeMinutes { by: "r1".into() }),
        1 => (0..12usize).prop_map(|p| Intent::Sign { person: pid(p), image_png_base64: png_b64() }),
        1 => (0..12usize).prop_map(|p| Intent::DeclineSignature { person: pid(p), reason: "异议".into() }),
        1 => Just(Intent::CloseMeeting { by: "m1".into() }),
        1 => Just(Intent::Amend { by: "甲".into(), reason: "笔误".into(), text: "更正".into() }),
    ]
}

fn check_invariants(m: &yishi::Meeting) {
    let q = m.quorum();
    assert!(q.present <= q.expected, "present ≤ expected");
    assert_eq!(q.expected as usize, MEMBERS);
    assert!(m.agenda.iter().filter(|i| i.status == ItemStatus::Open).count() <= 1, "one open item");
    for item in &m.agenda {
        if let Some(v) = &item.vote {
            if let Some(t) = v.tally {
                assert!(t.counted() as usize <= v.eligible.len(), "tally ≤ present");
            }
            assert!(v.ballots.keys().all(|p| v.eligible.contains(p)), "only eligible ballots");
            assert!(v.eligible.len() <= MEMBERS);
        }
        assert!(item.turns.iter().filter(|t| t.ended_at.is_none()).count() <= 1, "one running turn");
        assert!(item.turns.iter().all(|t| t.person != m.chair), "R-NEUTRAL");
    }
    if m.closed_at.is_some() {
        assert!(m.pending_signers().is_empty(), "sealed only when every signer signed or declined");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_intents_never_break_an_invariant(
        in_session in any::<bool>(),
        intents in prop::collection::vec(intent(), 1..120),
    ) {
        // Half the runs start from an opened meeting with a quorum, to reach votes and signatures.
        let mut sim = if in_session { Sim::in_session(MEMBERS, 5) } else { Sim::created(setup(MEMBERS)) };
        for i in intents {
            let before = sim.state.clone();
            if sim.run(i).is_err() {
                prop_assert_eq!(&before, &sim.state, "a refusal changes nothing");
            }
            check_invariants(sim.meeting());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn through_the_store_the_chain_stays_intact_and_reopens_equal(intents in prop::collection::vec(intent(), 1..80)) {
        let dir = tempfile::tempdir().unwrap();
        let id = yishi::MeetingId::new_random();
        let mut at = t("2026-11-19T19:00:00+08:00");
        let last = {
            let store = yishi::Store::open(dir.path()).unwrap();
            let mut last = store.apply(&Command { meeting: id, at, intent: Intent::CreateMeeting(setup(MEMBERS)) }).unwrap();
            for i in intents {
                at += chrono::Duration::seconds(17);
                if let Ok(s) = store.apply(&Command { meeting: id, at, intent: i }) {
                    check_invariants(&s.meeting);
                    last = s;
                }
            }
            prop_assert!(store.verify(None).unwrap().is_empty());
            last
        };
        let store = yishi::Store::open(dir.path()).unwrap();
        prop_assert!(store.wait_for_audit().is_empty());
        prop_assert_eq!(store.snapshot(id).unwrap(), last);
    }
}
