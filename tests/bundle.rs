//! Sealed records carried from a community to its street office (R-PUBLISH, R-ESCALATE): a bundle
//! made in one data folder and imported into another — verified, read-only there, idempotent,
//! extended by later amendments, and refused whole when any byte changed or its issuer is not
//! trusted.

use std::path::Path;
use yishi::bundle::{self, format, BundleError, MakeOptions};
use yishi::community::List;
use yishi::export::{trust, InstallationKey};
use yishi::ids::{MeetingId, Time};
use yishi::intent::{Command, Intent};
use yishi::store::receive::ReceiveError;
use yishi::{ApplyError, Refusal, Store};

fn t(s: &str) -> Time {
    chrono::DateTime::parse_from_rfc3339(s).unwrap()
}

const ISSUER: &str = "莲花街道莲花一村社区居民委员会";
const COMMUNITY: &str = "莲花一村社区";

/// A community's data folder with two sealed meetings and one not yet held.
fn community(dir: &Path) -> (Store, Vec<MeetingId>, MeetingId) {
    let store = Store::open(dir).unwrap();
    let (sealed, upcoming) = yishi::demo::install(&store, t("2026-11-20T10:00:00+08:00")).unwrap();
    let second = MeetingId::new_random();
    for c in yishi::demo::sealed_meeting(second, t("2026-10-08T19:30:00+08:00")) {
        store.apply(&c).unwrap();
    }
    (store, vec![sealed, second], upcoming)
}

fn make(store: &Store, dir: &Path, ids: &[MeetingId], documents: bool) -> Vec<u8> {
    let key = InstallationKey::load_or_create(dir).unwrap();
    let opts = MakeOptions { community: Some(COMMUNITY.into()), issuer: Some(ISSUER.into()), documents, now: t("2026-12-01T09:00:00+08:00") };
    bundle::make(store, &key, ids, &opts, &|_, _| {}).unwrap().bytes
}

/// The street office trusts the community's certificate, as `yishi key trust` does.
fn trust_community(community_dir: &Path, office_dir: &Path) {
    let key = InstallationKey::load_or_create(community_dir).unwrap();
    let cert = key.document_signer(Some(ISSUER)).unwrap().certificate_der();
    std::fs::create_dir_all(office_dir).unwrap();
    trust::trust(office_dir, trust::pem(&cert).as_bytes()).unwrap();
}

fn archive_entries(store: &Store) -> u64 {
    store.list_heads().into_iter().find(|(l, _, _)| *l == List::Archive).map_or(0, |(_, n, _)| n)
}

fn import(store: &Store, bytes: &[u8]) -> Result<bundle::Imported, BundleError> {
    bundle::take(store, bytes, t("2026-12-02T09:00:00+08:00"), &|_, _| {})
}

#[test]
fn a_communitys_sealed_meetings_arrive_verified_and_read_only() {
    let tmp = tempfile::tempdir().unwrap();
    let (a_dir, b_dir) = (tmp.path().join("community"), tmp.path().join("office"));
    let (a, ids, _) = community(&a_dir);
    let bytes = make(&a, &a_dir, &ids, true);

    // Not trusted yet: refused, naming the issuer, and nothing of it kept.
    let b = Store::open(&b_dir).unwrap();
    let err = import(&b, &bytes).unwrap_err();
    assert!(matches!(&err, BundleError::Untrusted { name, .. } if name == ISSUER), "{err}");
    assert!(err.to_string().contains("yishi key trust"), "{err}");
    assert!(b.list().unwrap().is_empty());
    assert_eq!(archive_entries(&b), 0);

    trust_community(&a_dir, &b_dir);
    let done = import(&b, &bytes).unwrap();
    assert_eq!(done.community, COMMUNITY);
    assert_eq!(done.documents, 4, "minutes and poster of each meeting");
    assert_eq!(done.meetings.len(), 2);
    // Receiving is no repair: the store reports nothing it did on its own.
    assert!(b.notices().is_empty(), "{:?}", b.notices());
    for id in &ids {
        let (theirs, ours) = (a.snapshot(*id).unwrap(), b.snapshot(*id).unwrap());
        assert_eq!(ours.record, theirs.record, "the same chain, to the last event");
        assert_eq!(serde_json::to_value(&ours.meeting).unwrap(), serde_json::to_value(&theirs.meeting).unwrap());
        assert_eq!(b.received(*id).unwrap().community, COMMUNITY);
        assert!(a.received(*id).is_none());
        let docs = bundle::received_documents(&b_dir, *id);
        assert_eq!(docs.len(), 2);
        for d in docs {
            assert!(yishi::export::pdfsig::check(&std::fs::read(d).unwrap()).is_ok());
        }
        // Signature images travel with the record.
        for ev in b.events(*id).unwrap() {
            if let yishi::Event::Signed { image_sha256, .. } = &ev.event {
                assert!(b.blob(image_sha256).unwrap().is_some());
            }
        }
    }
    assert!(b.verify(None).unwrap().is_empty());
    assert!(b.verify_lists().unwrap().is_empty());

    // R-SIGN: the record is that community's; nothing is appended to it here.
    let amend = Command { meeting: ids[0], at: t("2026-12-03T09:00:00+08:00"), intent: Intent::Amend { by: "街道".into(), reason: "笔误".into(), text: "改".into() } };
    match b.apply(&amend) {
        Err(ApplyError::Refused(Refusal::Received { community })) => assert_eq!(community, COMMUNITY),
        other => panic!("{:?}", other.map(|s| s.record)),
    }

    // It all survives reopening: the received meetings are still read-only and verify.
    drop(b);
    let b = Store::open(&b_dir).unwrap();
    assert_eq!(b.list().unwrap().len(), 2);
    assert!(b.wait_for_audit().is_empty());
    assert!(matches!(b.apply(&amend), Err(ApplyError::Refused(Refusal::Received { .. }))));
}

#[test]
fn importing_the_same_bundle_twice_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let (a_dir, b_dir) = (tmp.path().join("community"), tmp.path().join("office"));
    let (a, ids, _) = community(&a_dir);
    let bytes = make(&a, &a_dir, &ids, false);
    trust_community(&a_dir, &b_dir);
    let b = Store::open(&b_dir).unwrap();
    import(&b, &bytes).unwrap();
    let (list, entries) = (b.list().unwrap(), archive_entries(&b));
    let again = import(&b, &bytes).unwrap();
    assert!(again.meetings.iter().all(|m| m.added == 0), "{:?}", again.meetings);
    assert_eq!(b.list().unwrap(), list);
    assert_eq!(archive_entries(&b), entries, "no second receipt on the log");
}

#[test]
fn amendments_made_after_the_first_import_extend_the_record() {
    let tmp = tempfile::tempdir().unwrap();
    let (a_dir, b_dir) = (tmp.path().join("community"), tmp.path().join("office"));
    let (a, ids, _) = community(&a_dir);
    trust_community(&a_dir, &b_dir);
    let b = Store::open(&b_dir).unwrap();
    import(&b, &make(&a, &a_dir, &ids[..1], false)).unwrap();
    let before = b.snapshot(ids[0]).unwrap().record;

    let amend = Intent::Amend { by: "谢雨婷".into(), reason: "笔误".into(), text: "第二项表决时间应为20:41".into() };
    a.apply(&Command { meeting: ids[0], at: t("2026-11-28T10:00:00+08:00"), intent: amend }).unwrap();
    let later = make(&a, &a_dir, &ids, false);
    let done = import(&b, &later).unwrap();
    let first = done.meetings.iter().find(|m| m.id == ids[0]).unwrap();
    assert_eq!(first.added, a.snapshot(ids[0]).unwrap().record.events - before.events);
    assert!(first.added > 0);
    assert_eq!(b.snapshot(ids[0]).unwrap().record, a.snapshot(ids[0]).unwrap().record);
    assert_eq!(b.snapshot(ids[0]).unwrap().meeting.amendments.len(), 1);
    assert_eq!(b.received(ids[0]).unwrap().events, first.events);
    assert!(b.verify(None).unwrap().is_empty());

    // An older bundle after a newer one: nothing is lost or cut back.
    let older = import(&b, &make_older(&a, &a_dir, &ids)).unwrap();
    assert!(older.meetings.iter().all(|m| m.added == 0));
    assert_eq!(b.snapshot(ids[0]).unwrap().record, a.snapshot(ids[0]).unwrap().record);
}

/// A bundle of the first meeting as it was before its amendment: its journal cut back to the
/// seal, signed again with the community's key.
fn make_older(a: &Store, a_dir: &Path, ids: &[MeetingId]) -> Vec<u8> {
    let full = make(a, a_dir, &ids[..1], false);
    let (mut parts, _) = format::read(&full).unwrap();
    let journal = parts.iter_mut().find(|p| p.name.starts_with("journal/")).unwrap();
    let scan = yishi::store::journal::scan_bytes(&journal.bytes);
    // Drop the last event frame (the amendment).
    let mut out = yishi::store::journal::MAGIC.to_vec();
    let keep = scan.frames.len() - 1;
    for (kind, payload) in &scan.frames[..keep] {
        out.extend(yishi::store::journal::frame(*kind, payload));
    }
    journal.bytes = out;
    let mut manifest: bundle::Manifest = serde_json::from_slice(&parts[0].bytes).unwrap();
    manifest.meetings[0].events -= 1;
    parts[0].bytes = serde_json::to_vec(&manifest).unwrap();
    let key = InstallationKey::load(a_dir).unwrap();
    format::write(&parts, &key.document_signer(Some(ISSUER)).unwrap())
}

#[test]
fn every_changed_byte_is_refused_and_nothing_is_imported() {
    let tmp = tempfile::tempdir().unwrap();
    let (a_dir, b_dir) = (tmp.path().join("community"), tmp.path().join("office"));
    let (a, ids, _) = community(&a_dir);
    let bytes = make(&a, &a_dir, &ids, true);
    trust_community(&a_dir, &b_dir);
    let b = Store::open(&b_dir).unwrap();
    // 240 offsets: the first and last 40 bytes (magic, framing, certificate, signature) and 160
    // spread over the rest (manifest, journals, PDFs), each byte changed in a different bit.
    let n = bytes.len();
    let mut offsets: Vec<usize> = (0..40).chain(n - 40..n).collect();
    offsets.extend((0..160).map(|i| 40 + i * (n - 80) / 160 + (i * 7919) % 97));
    for (i, &at) in offsets.iter().enumerate() {
        let mut bad = bytes.clone();
        bad[at] ^= 1 << (i % 8);
        let err = import(&b, &bad).expect_err(&format!("byte {at} changed, yet the bundle was taken"));
        assert!(!err.to_string().is_empty());
    }
    // Cut short, or with bytes after the signature: refused too.
    assert!(import(&b, &bytes[..n - 1]).is_err());
    assert!(import(&b, &[bytes.as_slice(), b"x"].concat()).is_err());
    assert!(b.list().unwrap().is_empty(), "nothing of a refused bundle is kept");
    assert_eq!(archive_entries(&b), 0);
    assert!(import(&b, &bytes).is_ok(), "the unchanged bundle still imports");
}

#[test]
fn a_bundle_signed_properly_but_holding_a_broken_chain_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let (a_dir, b_dir) = (tmp.path().join("community"), tmp.path().join("office"));
    let (a, ids, _) = community(&a_dir);
    let full = make(&a, &a_dir, &ids, false);
    let (mut parts, _) = format::read(&full).unwrap();
    // A byte of the second journal's events changed, and the bundle signed again by its own key:
    // the signature holds, the chain does not.
    let journal = parts.iter_mut().filter(|p| p.name.starts_with("journal/")).nth(1).unwrap();
    let scan = yishi::store::journal::scan_bytes(&journal.bytes);
    let mut out = yishi::store::journal::MAGIC.to_vec();
    for (i, (kind, payload)) in scan.frames.iter().enumerate() {
        let mut p = payload.clone();
        if i == 5 && *kind == yishi::store::journal::EVENT {
            let last = p.len() - 3;
            p[last] ^= 0x20;
        }
        out.extend(yishi::store::journal::frame(*kind, &p));
    }
    journal.bytes = out;
    let key = InstallationKey::load(&a_dir).unwrap();
    let forged = format::write(&parts, &key.document_signer(Some(ISSUER)).unwrap());
    trust_community(&a_dir, &b_dir);
    let b = Store::open(&b_dir).unwrap();
    let err = import(&b, &forged).unwrap_err();
    assert!(matches!(err, BundleError::Receive(ReceiveError::Damaged { meeting, .. }) if meeting == ids[1]), "{err}");
    assert!(b.list().unwrap().is_empty(), "the first, sound meeting is not taken either");
}

#[test]
fn only_this_installations_sealed_records_go_out_and_its_own_never_come_back_in() {
    let tmp = tempfile::tempdir().unwrap();
    let a_dir = tmp.path().join("community");
    let (a, ids, upcoming) = community(&a_dir);
    let key = InstallationKey::load_or_create(&a_dir).unwrap();
    let opts = MakeOptions { community: None, issuer: None, documents: false, now: t("2026-12-01T09:00:00+08:00") };
    let err = bundle::make(&a, &key, &[ids[0], upcoming], &opts, &|_, _| {}).err().unwrap();
    assert!(matches!(err, BundleError::NotSealed { meeting, .. } if meeting == upcoming), "{err}");
    assert!(err.to_string().contains("尚未封存"));
    assert!(matches!(bundle::make(&a, &key, &[], &opts, &|_, _| {}), Err(BundleError::Nothing)));
    // --since picks the sealed ones, oldest first.
    assert_eq!(bundle::sealed_since(&a, t("2026-01-01T00:00:00+08:00")).unwrap(), vec![ids[1], ids[0]]);
    assert_eq!(bundle::sealed_since(&a, t("2026-11-01T00:00:00+08:00")).unwrap(), vec![ids[0]]);

    // Its own bundle imported into itself: its records are its own, not received.
    let bytes = bundle::make(&a, &key, &ids, &opts, &|_, _| {}).unwrap().bytes;
    let err = import(&a, &bytes).unwrap_err();
    assert!(matches!(err, BundleError::Receive(ReceiveError::Local { .. })), "{err}");
    assert_eq!(archive_entries(&a), 0);
}

/// The tool, as a community worker and a street office use it: export with the profile's name,
/// an untrusted import refused (exit 4, nothing kept), trust, import, the office's view.
#[test]
fn the_tool_carries_a_year_of_records_to_the_street_office() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("community"), tmp.path().join("office"));
    let run = |dir: &Path, args: &[&str]| {
        // Wine now and then fails to start a process ("Internal error", 1359): that is the
        // emulator's, not the tool's, so starting it is tried again; its answer never is.
        let spawn = || std::process::Command::new(env!("CARGO_BIN_EXE_yishi")).arg("--data-dir").arg(dir).args(args).output();
        let out = spawn().or_else(|_| spawn()).or_else(|_| spawn()).unwrap();
        (out.status.code().unwrap(), String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr))
    };
    let file = tmp.path().join("莲花一村.yishi");
    let cert = tmp.path().join("莲花一村.pem");
    let (f, c) = (file.to_str().unwrap(), cert.to_str().unwrap());
    assert_eq!(run(&a, &["demo"]).0, 0);
    assert_eq!(run(&a, &["profile", "--community", "莲花街道莲花一村社区"]).0, 0);
    let (code, out) = run(&a, &["bundle", "export", "--since", "2026-01-01", "-o", f]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("莲花街道莲花一村社区"), "the profile's issuer signs: {out}");
    let (code, out) = run(&a, &["bundle", "export", "--since", "2099-01-01", "-o", f]);
    assert_eq!(code, 5, "nothing sealed since then: {out}");
    assert_eq!(run(&a, &["key", "export", "-o", c]).0, 0);

    let (code, out) = run(&b, &["bundle", "import", f]);
    assert_eq!(code, 4, "{out}");
    assert!(out.contains("尚未被本机信任") && out.contains("未导入任何内容"), "{out}");
    assert!(run(&b, &["list"]).1.contains("暂无会议"));
    assert_eq!(run(&b, &["key", "trust", c]).0, 0);
    let (code, out) = run(&b, &["bundle", "import", f]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("新收到"), "{out}");
    let (_, list) = run(&b, &["list"]);
    assert!(list.contains("收自 / from 莲花街道莲花一村社区"), "{list}");
    assert_eq!(run(&b, &["verify"]).0, 0);
    let (code, out) = run(&b, &["compliance", "--all", "--year", "2026"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("【莲花街道莲花一村社区】") && out.contains("收到的记录"), "the community by its name: {out}");
    let (code, json) = run(&b, &["compliance", "--all", "--year", "2026", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["communities"].as_array().unwrap().len(), 2, "own record and the community's");
    assert_eq!(v["communities"][1]["meetings"], 1);
}

/// A street office's laptop is lost: its backup restores the received meetings, still marked
/// as the community's and read-only, and the issuers it trusted.
#[test]
fn the_archive_and_the_trust_survive_a_backup_and_restore() {
    let tmp = tempfile::tempdir().unwrap();
    let (a_dir, b_dir, c_dir) = (tmp.path().join("community"), tmp.path().join("office"), tmp.path().join("new-laptop"));
    let (a, ids, _) = community(&a_dir);
    let bytes = make(&a, &a_dir, &ids, false);
    trust_community(&a_dir, &b_dir);
    let b = Store::open(&b_dir).unwrap();
    import(&b, &bytes).unwrap();
    let backups = tmp.path().join("usb");
    std::fs::create_dir_all(&backups).unwrap();
    let made = b.backup(&backups, 3, chrono::Utc::now(), &|_, _| {}).unwrap();
    assert!(yishi::store::backup::check(&made.path).unwrap().is_empty());

    let c = Store::open(&c_dir).unwrap();
    let (restored, _) = c.restore(&made.path, &|_, _| {}).unwrap();
    assert!(restored.trusted, "the trusted issuers come back");
    assert_eq!(c.list().unwrap().len(), 2);
    for id in &ids {
        assert_eq!(c.received(*id).unwrap().community, COMMUNITY);
    }
    let amend = Command { meeting: ids[0], at: t("2026-12-03T09:00:00+08:00"), intent: Intent::Amend { by: "街道".into(), reason: "笔误".into(), text: "改".into() } };
    assert!(matches!(c.apply(&amend), Err(ApplyError::Refused(Refusal::Received { .. }))));
    // The community's next bundle is accepted there as it was on the lost laptop.
    a.apply(&Command { meeting: ids[0], at: t("2026-11-28T10:00:00+08:00"), intent: Intent::Amend { by: "谢雨婷".into(), reason: "笔误".into(), text: "更正".into() } }).unwrap();
    let done = import(&c, &make(&a, &a_dir, &ids, false)).unwrap();
    assert_eq!(done.meetings.iter().map(|m| m.added).sum::<u64>(), 1);
}
