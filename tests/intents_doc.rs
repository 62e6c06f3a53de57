//! Every example in docs/intents.md is applied, in order, to a real store:
//! plain `json` blocks must be accepted, `json refused=CODE` blocks refused
//! with that code — so the reference can never drift from the code.

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
        let cmd: Command = serde_json::from_str(line).unwrap_or_else(|e| panic!("docs line {}: {e}", n + 1));
        kinds.insert(cmd.intent.kind());
        match (store.apply(&cmd), expect) {
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
    assert!(store.verify(None).unwrap().is_empty());
}
