//! The durable record: what is acknowledged survives a reopen, refusals write
//! nothing, and any single flipped, deleted or reordered event is found and
//! named by meeting and position.

mod common;
use common::t;
use yishi::demo;
use yishi::ids::MeetingId;
use yishi::store::{chain, BreakKind, Store};
use yishi::{ApplyError, Intent};

fn demo_store() -> (tempfile::TempDir, MeetingId) {
    let dir = tempfile::tempdir().unwrap();
    let id = MeetingId::new_random();
    {
        let store = Store::open(dir.path()).unwrap();
        for cmd in demo::sealed_meeting(id, t("2026-11-19T19:30:00+08:00")) {
            store.apply(&cmd).unwrap();
        }
    }
    (dir, id)
}

#[test]
fn acknowledged_intents_survive_reopen_with_the_same_snapshot() {
    let (dir, id) = demo_store();
    let first = Store::open(dir.path()).unwrap();
    let snap = first.snapshot(id).unwrap();
    assert!(first.wait_for_audit().is_empty());
    assert_eq!(snap.meeting.phase, yishi::state::Phase::Sealed);
    let sig = snap.meeting.signatures.iter().find_map(|s| match &s.confirmation {
        yishi::sign::Confirmation::Signed { image_sha256, .. } => Some(image_sha256.clone()),
        _ => None,
    });
    let png = first.blob(&sig.unwrap()).unwrap().expect("signature image stored");
    assert!(png.starts_with(b"\x89PNG"));
    drop(first);
    let again = Store::open(dir.path()).unwrap();
    assert_eq!(again.snapshot(id).unwrap(), snap);
    assert_eq!(again.list().unwrap().len(), 1);
}

#[test]
fn a_refused_intent_writes_nothing() {
    let (dir, id) = demo_store();
    let store = Store::open(dir.path()).unwrap();
    let before = store.snapshot(id).unwrap();
    let len = store.log_tree().len();
    let cmd = yishi::Command {
        meeting: id,
        at: t("2026-11-20T10:00:00+08:00"),
        intent: Intent::EditMinutes { by: "p23".into(), text: "改写".into() },
    };
    match store.apply(&cmd) {
        Err(ApplyError::Refused(r)) => assert_eq!(r.code(), "sealed"),
        other => panic!("expected refusal, got {other:?}"),
    }
    assert_eq!(store.log_tree().len(), len);
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.snapshot(id).unwrap(), before);
}

#[test]
fn an_amendment_after_the_seal_is_appended_and_changes_the_fingerprint() {
    let (dir, id) = demo_store();
    let store = Store::open(dir.path()).unwrap();
    let before = store.snapshot(id).unwrap();
    let after = store
        .apply(&yishi::Command {
            meeting: id,
            at: t("2026-11-21T10:00:00+08:00"),
            intent: Intent::Amend { by: "谢雨婷".into(), reason: "笔误".into(), text: "更正".into() },
        })
        .unwrap();
    assert_eq!(after.record.events, before.record.events + 1);
    assert_ne!(after.record.head, before.record.head);
    let back = store.snapshot_at(id, before.record.events).unwrap();
    assert_eq!(back.record.head, before.record.head, "the record up to an earlier head is reproducible");
    assert_eq!(back.meeting, before.meeting);
}

/// Rewrites the raw tree with `f`, then checks `verify` and reopening both name the break.
fn tamper(f: impl FnOnce(&sled::Tree, MeetingId, u64), expect_position: impl Fn(u64) -> Vec<u64>) {
    let (dir, id) = demo_store();
    let events;
    {
        let store = Store::open(dir.path()).unwrap();
        events = store.snapshot(id).unwrap().record.events;
        f(&store.log_tree(), id, events);
        store.log_tree().flush().unwrap();
    }
    let store = Store::open(dir.path()).map_err(|e| format!("{e:?}")).unwrap();
    let breaks = store.wait_for_audit();
    assert_eq!(breaks.len(), 1, "{breaks:?}");
    assert_eq!(breaks[0].meeting, id);
    assert!(expect_position(events).contains(&breaks[0].position), "{:?}", breaks[0]);
    assert_eq!(store.verify(Some(id)).unwrap(), breaks);
    // A broken record is neither shown as valid nor extended.
    assert!(store.snapshot(id).is_err());
    let cmd = yishi::Command {
        meeting: id,
        at: t("2026-11-21T10:00:00+08:00"),
        intent: Intent::Amend { by: "x".into(), reason: "y".into(), text: "z".into() },
    };
    assert!(matches!(store.apply(&cmd), Err(ApplyError::Store(_))));
    assert!(breaks[0].to_string().contains(&id.to_string()));
}

#[test]
fn tamper_flip_any_single_byte_is_found_at_its_position() {
    for pos in [1u64, 2, 40, 77, 110] {
        for offset in [0usize, 40, 70, 90] {
            tamper(
                |tree, id, _| {
                    let key = chain::event_key(id, pos);
                    let mut v = tree.get(key).unwrap().unwrap().to_vec();
                    let o = offset.min(v.len() - 1);
                    v[o] ^= 0x01;
                    tree.insert(key, v).unwrap();
                },
                |_| vec![pos, pos + 1],
            );
        }
    }
}

#[test]
fn tamper_delete_any_single_event_is_found() {
    for pos in [1u64, 2, 55, 110] {
        tamper(
            |tree, id, events| {
                let p = pos.min(events);
                tree.remove(chain::event_key(id, p)).unwrap();
            },
            |events| vec![pos.min(events), pos.min(events) - 1],
        );
    }
}

#[test]
fn tamper_reorder_two_events_is_found() {
    for pos in [1u64, 30, 100] {
        tamper(
            |tree, id, _| {
                let a = tree.get(chain::event_key(id, pos)).unwrap().unwrap();
                let b = tree.get(chain::event_key(id, pos + 1)).unwrap().unwrap();
                tree.insert(chain::event_key(id, pos), b).unwrap();
                tree.insert(chain::event_key(id, pos + 1), a).unwrap();
            },
            |_| vec![pos],
        );
    }
}

#[test]
fn tamper_the_kinds_are_told_apart() {
    let (dir, id) = demo_store();
    {
        let store = Store::open(dir.path()).unwrap();
        let key = chain::event_key(id, 5);
        let mut v = store.log_tree().get(key).unwrap().unwrap().to_vec();
        let last = v.len() - 3;
        v[last] ^= 0x20;
        store.log_tree().insert(key, v).unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    let breaks = store.wait_for_audit();
    assert_eq!(breaks[0].kind, BreakKind::Altered);
    assert_eq!(breaks[0].position, 5);
}

#[test]
fn opening_audits_sealed_chains_in_the_background_ends_first() {
    let (dir, id) = demo_store();
    {
        let store = Store::open(dir.path()).unwrap();
        let events = store.snapshot(id).unwrap().record.events;
        store.log_tree().remove(chain::event_key(id, events)).unwrap();
        store.log_tree().flush().unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    let found = store.wait_for_audit();
    assert_eq!(found.len(), 1, "a removed last event is reported");
    assert_eq!(found[0].kind, BreakKind::HeadMismatch);
    assert!(store.snapshot(id).is_err(), "and the meeting is not shown as valid");
    let status = store.audit_status();
    assert!(status.done && status.checked == 1 && status.total == 1 && status.breaks == 1, "{status:?}");
}
