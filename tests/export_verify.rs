//! `verify`: an untouched export verifies; one printed before a later amendment verifies as a
//! true copy up to its fingerprint and says amendments follow; an edited fingerprint, any single
//! changed byte, or another installation's key fails and says why.

mod export_support;

use export_support::*;
use yishi::export::verify::verify_pdf;
use yishi::export::Options;
use yishi::intent::{Command, Intent};

#[test]
fn an_untouched_export_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir.path().join("data"));
    let pdf = minutes_pdf(&store, &store.snapshot(sealed_id()).unwrap(), &Options::default()).unwrap();
    let r = verify_pdf(&pdf, &store, &key());
    assert!(r.ok, "{:#?}", r.lines);
    assert_eq!(r.later_events, 0);
    // Only characters of the shipped font: the 54 MB fallback faces were not even read (no test
    // in this file uses a rare character, and each test file is its own process).
    assert_eq!(yishi::export::font::fallbacks_loaded(), 0);
}

#[test]
fn a_copy_printed_before_an_amendment_is_a_true_copy_and_says_amendments_follow() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir.path().join("data"));
    let before = minutes_pdf(&store, &store.snapshot(sealed_id()).unwrap(), &Options::default()).unwrap();
    let at = store.snapshot(sealed_id()).unwrap().meeting.last_at + chrono::Duration::days(1);
    store
        .apply(&Command {
            meeting: sealed_id(),
            at,
            intent: Intent::Amend {
                by: "谢雨婷".into(),
                reason: "议题三表决票数笔误".into(),
                text: "议题三弃权票应为2票，原记录无误，补充说明。".into(),
            },
        })
        .unwrap();
    let r = verify_pdf(&before, &store, &key());
    assert!(r.ok, "{:#?}", r.lines);
    assert_eq!(r.later_amendments, 1);
    assert!(r.lines.iter().any(|l| l.contains("更正 1 条") && l.contains("amendments")), "{:#?}", r.lines);
    // a copy printed now carries the amendment, marked as such, and verifies without the note
    let after = minutes_pdf(&store, &store.snapshot(sealed_id()).unwrap(), &Options::default()).unwrap();
    let f = write_tmp(dir.path(), "after.pdf", &after);
    let text = run("pdftotext", &[f.to_str().unwrap(), "-"]);
    assert!(text.contains("封存后追加的更正") && text.contains("议题三表决票数笔误"));
    let r = verify_pdf(&after, &store, &key());
    assert!(r.ok && r.later_events == 0, "{:#?}", r.lines);
}

#[test]
fn an_edited_fingerprint_fails() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir.path().join("data"));
    let snap = store.snapshot(sealed_id()).unwrap();
    let pdf = minutes_pdf(&store, &snap, &Options::default()).unwrap();
    // replace the chain head in the metadata (same length) with another valid-looking one
    let head = snap.record.head.as_bytes();
    let mut forged = head.to_vec();
    forged[0] = if forged[0] == b'a' { b'b' } else { b'a' };
    let mut edited = pdf.clone();
    let mut i = 0;
    while let Some(p) = edited[i..].windows(head.len()).position(|w| w == head) {
        edited[i + p..i + p + head.len()].copy_from_slice(&forged);
        i += p + head.len();
    }
    let r = verify_pdf(&edited, &store, &key());
    assert!(!r.ok);
    // The PDF signature covers the fingerprint: an edit is a change after signing.
    assert!(r.lines.iter().any(|l| l.contains("changed after it was signed")), "{:#?}", r.lines);
}

#[test]
fn any_single_changed_byte_fails() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir.path().join("data"));
    let pdf = minutes_pdf(&store, &store.snapshot(sealed_id()).unwrap(), &Options::default()).unwrap();
    let vk = key();
    // a spread of positions: header, streams, the info dictionary, the xref table, the trailer
    let n = pdf.len();
    let mut positions: Vec<usize> = (0..16).map(|k| k * (n / 16) + 7).collect();
    positions.push(n - 2);
    let info = pdf.windows(6).position(|w| w == b"YISHI1").unwrap();
    positions.push(info + 100);
    for pos in positions {
        let mut bad = pdf.clone();
        bad[pos] ^= 0x01;
        let r = verify_pdf(&bad, &store, &vk);
        assert!(!r.ok, "flipping byte {pos} went unnoticed");
        assert!(r.lines.last().unwrap().contains("FAIL"), "{:#?}", r.lines);
    }
}

#[test]
fn another_installations_key_or_a_stranger_store_fails() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir.path().join("data"));
    let pdf = minutes_pdf(&store, &store.snapshot(sealed_id()).unwrap(), &Options::default()).unwrap();
    let other = yishi::export::InstallationKey::from_seed([7; 32]);
    let r = verify_pdf(&pdf, &store, &other);
    assert!(!r.ok && r.lines[0].contains("another installation"), "{:#?}", r.lines);
    let empty = yishi::store::Store::open(&dir.path().join("empty")).unwrap();
    let r = verify_pdf(&pdf, &empty, &key());
    assert!(!r.ok && r.lines.last().unwrap().contains("not in this store"), "{:#?}", r.lines);
    let r = verify_pdf(b"%PDF-1.3 not ours", &store, &key());
    assert!(!r.ok && r.lines[0].contains("no Yishi verification"), "{:#?}", r.lines);
}
