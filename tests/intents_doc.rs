//! Every example in docs/intents.md is applied, in order, to a real store:
//! plain `json` blocks must be accepted, `json refused=CODE` blocks refused
//! with that code — so the reference can never drift from the code.

use yishi::community::CommunityCommand;
use yishi::intent::Command;
use yishi::store::Store;
use yishi::ApplyError;

#[test]
fn every_documented_intent_example_behaves_as_documented() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/intents.md")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut in_block: Option<Option<String>> = None;
    let (mut accepted, mut refused) = (0, 0);
    let mut kinds = std::collections::BTreeSet::new();
    let mut community_kinds = std::collections::BTreeSet::new();
    for (n, line) in doc.lines().enumerate() {
        if let Some(info) = line.strip_prefix("```") {
            in_block = match (&in_block, info.trim()) {
                (None, "json") => Some(None),
                (None, i) if i.starts_with("json refused=") => Some(Some(i["json refused=".len()..].to_string())),
                _ => None,
            };
            continue;
        }
        let Some(expect) = &in_block else { continue };
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("docs line {}: {e}", n + 1));
        let outcome = if value.get("meeting").is_none() {
            // the roster's and the pool's intents
            let cmd: CommunityCommand = serde_json::from_value(value.clone()).unwrap_or_else(|e| panic!("docs line {}: {e}", n + 1));
            community_kinds.insert(value["intent"]["type"].as_str().unwrap_or_default().to_string());
            store.record(&cmd).map(|_| ())
        } else {
            let cmd: Command = serde_json::from_value(value).unwrap_or_else(|e| panic!("docs line {}: {e}", n + 1));
            kinds.insert(cmd.intent.kind());
            store.apply(&cmd).map(|_| ())
        };
        match (outcome, expect) {
            (Ok(_), None) => accepted += 1,
            (Err(ApplyError::Refused(r)), Some(code)) if r.code() == code => refused += 1,
            (Ok(_), Some(code)) => panic!("docs line {}: accepted, documented as refused with {code}", n + 1),
            (Err(e), _) => panic!("docs line {}: {e}", n + 1),
        }
    }
    assert!(accepted > 40 && refused >= 7, "{accepted} accepted, {refused} refused");
    // Every intent type is documented with an example.
    let all = [
        "create_meeting", "add_participant", "add_agenda_item", "record_notice", "record_seats_reason",
        "open_meeting", "mark_attendance", "adjourn_for_lack_of_quorum", "open_item", "add_speaker",
        "withdraw_speaker", "start_turn", "end_turn", "summarize_turn", "open_vote", "cast_vote",
        "close_vote", "close_by_consensus", "defer_item", "mark_for_redo", "edit_minutes",
        "finalize_minutes", "sign", "decline_signature", "record_witness", "close_meeting", "amend",
        "record_publication", "assign_action", "report_progress", "evaluate_action", "book_observer", "cancel_booking",
    ];
    for k in all {
        assert!(kinds.contains(k), "docs/intents.md has no example of {k}");
    }
    for k in ["propose_topic", "decide_topic", "withdraw_topic", "escalate_item", "add_person", "change_person", "import_people", "remove_person"] {
        assert!(community_kinds.contains(k), "docs/intents.md has no example of {k}");
    }
    assert!(store.verify(None).unwrap().is_empty());
    assert!(store.verify_lists().unwrap().is_empty());
}

/// ARCHITECTURE.md's claim, tested: a sealed meeting takes only `Intent::AFTER_SEAL`; every other
/// documented intent, sent to a sealed meeting, is refused as sealed (R-SIGN).
#[test]
fn a_sealed_meeting_takes_only_the_intents_architecture_md_names() {
    let arch = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/ARCHITECTURE.md")).unwrap();
    let line = arch.lines().find(|l| l.contains("A sealed meeting accepts only")).expect("the claim is in ARCHITECTURE.md");
    let named: std::collections::BTreeSet<&str> = line.split('`').skip(1).step_by(2).collect();
    assert_eq!(named, yishi::Intent::AFTER_SEAL.into_iter().collect(), "{line}");

    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/intents.md")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let sealed = yishi::MeetingId::new_random();
    for cmd in yishi::demo::sealed_meeting(sealed, chrono::DateTime::parse_from_rfc3339("2026-11-19T19:30:00+08:00").unwrap()) {
        store.apply(&cmd).unwrap();
    }
    let mut tried = std::collections::BTreeSet::new();
    for line in doc.lines().filter(|l| l.starts_with("{\"meeting\"")) {
        let mut cmd: Command = serde_json::from_str(line).unwrap();
        if matches!(cmd.intent, yishi::Intent::CreateMeeting(_)) || !tried.insert(cmd.intent.kind()) {
            continue;
        }
        cmd.meeting = sealed;
        let code = match store.apply(&cmd) {
            Ok(_) => None,
            Err(ApplyError::Refused(r)) => Some(r.code()),
            Err(e) => panic!("{e}"),
        };
        let after_seal = yishi::Intent::AFTER_SEAL.contains(&cmd.intent.kind());
        assert_eq!(code == Some("sealed"), !after_seal, "{}: {code:?}", cmd.intent.kind());
    }
    assert!(tried.len() >= 30, "{tried:?}");
}
