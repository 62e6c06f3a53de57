//! The PDF signature (issue 12): every exported document carries a detached CMS signature over
//! its whole byte range that poppler's `pdfsig` — like Acrobat, Foxit and WPS — reports as valid
//! and unchanged; any change after signing is reported, by pdfsig and by `yishi verify` in
//! words; a street office trusts a community's certificate and then verifies its PDFs without
//! its record; a signed PDF kept as a fixture keeps verifying.

mod export_support;

use export_support::*;
use std::path::Path;
use yishi::export::pdfsig::{self, SigProblem};
use yishi::export::verify::{verify_elsewhere, verify_pdf};
use yishi::export::{Options, Source};

fn documents(dir: &Path) -> Vec<(&'static str, Vec<u8>)> {
    let store = demo_store(&dir.join("data"));
    let snap = store.snapshot(sealed_id()).unwrap();
    let blob = |h: &str| store.blob(h).ok().flatten();
    let src = Source { snap: &snap, blob: &blob };
    let opts = Options { issuer: Some("幸福社区居民委员会".into()), ..Options::default() };
    vec![
        ("minutes", yishi::export::minutes(&src, &key(), &opts).unwrap()),
        ("poster", yishi::export::poster(&src, &key(), &opts).unwrap()),
        ("notice", yishi::export::notice(&src, &key(), &opts).unwrap()),
    ]
}

#[test]
fn pdfsig_reports_every_document_signed_whole_and_valid() {
    let dir = tempfile::tempdir().unwrap();
    for (name, pdf) in documents(dir.path()) {
        let f = write_tmp(dir.path(), &format!("{name}.pdf"), &pdf);
        let out = tool("pdfsig", &[f.to_str().unwrap()]);
        assert!(out.stdout.contains("Signature Validation: Signature is Valid."), "{name}: {}", out.stdout);
        assert!(out.stdout.contains("Total document signed"), "{name}: {}", out.stdout);
        assert!(out.stdout.contains("adbe.pkcs7.detached") && out.stdout.contains("SHA-256"), "{name}: {}", out.stdout);
        assert!(out.stdout.contains("幸福社区居民委员会"), "the certificate names the issuer: {}", out.stdout);
        let s = pdfsig::check(&pdf).unwrap();
        assert_eq!(s.signer, "幸福社区居民委员会");
        assert_eq!(s.key_id, key().document_signer(None).unwrap().key_id(), "signed with this installation's key");
    }
}

#[test]
fn the_same_record_gives_the_same_signed_bytes() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    assert_eq!(documents(a.path()), documents(b.path()), "exports read no clock and ECDSA here is deterministic");
}

#[test]
fn any_byte_changed_after_signing_is_reported_by_pdfsig_and_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir.path().join("data"));
    let pdf = minutes_pdf(&store, &store.snapshot(sealed_id()).unwrap(), &Options::default()).unwrap();
    let n = pdf.len();
    // 24 offsets across the file: header, page streams, fonts, the signature dictionary, trailer.
    for k in 0..24 {
        let pos = k * (n / 24) + 11;
        let mut bad = pdf.clone();
        bad[pos] ^= 0x04;
        assert!(pdfsig::check(&bad).is_err(), "byte {pos} changed unnoticed");
        let r = verify_pdf(&bad, &store, &key());
        assert!(!r.ok, "byte {pos}: {:#?}", r.lines);
        if k % 6 == 0 {
            let f = write_tmp(dir.path(), "bad.pdf", &bad);
            let out = tool("pdfsig", &[f.to_str().unwrap()]);
            assert!(!out.stdout.contains("Signature is Valid."), "pdfsig took byte {pos}: {}", out.stdout);
        }
    }
    // A typical edit: one character of the visible text's stream changed.
    let mut bad = pdf.clone();
    let at = pdf.windows(6).position(|w| w == b"stream").unwrap() + 40;
    bad[at] ^= 0x01;
    assert_eq!(pdfsig::check(&bad), Err(SigProblem::Changed));
    let r = verify_pdf(&bad, &store, &key());
    assert_eq!(r.lines, ["失败：文件在签名之后被改动过 / FAIL: the file was changed after it was signed"]);
}

#[test]
fn content_appended_after_signing_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir.path().join("data"));
    let mut pdf = minutes_pdf(&store, &store.snapshot(sealed_id()).unwrap(), &Options::default()).unwrap();
    // An incremental update, as a PDF editor appends one: the signed range no longer ends the file.
    pdf.extend_from_slice(b"\n99 0 obj\n<< /Type /Annot /Subtype /Text /Contents (changed) >>\nendobj\n");
    assert_eq!(pdfsig::check(&pdf), Err(SigProblem::Appended));
    let r = verify_pdf(&pdf, &store, &key());
    assert!(!r.ok && r.lines[0].contains("added to the file after it was signed"), "{:#?}", r.lines);
}

#[test]
fn a_street_office_verifies_a_communitys_pdf_once_it_trusts_the_certificate() {
    let dir = tempfile::tempdir().unwrap();
    let docs = documents(dir.path());
    let office = dir.path().join("office");
    std::fs::create_dir_all(&office).unwrap();
    let (_, minutes) = &docs[0];
    // Unknown issuer: refused, saying what to do.
    let r = verify_elsewhere(minutes, &office);
    assert!(!r.ok && r.lines[0].contains("yishi key trust"), "{:#?}", r.lines);
    // The community exports its certificate; the office trusts it.
    let cert = yishi::export::trust::pem(&key().document_signer(Some("幸福社区居民委员会")).unwrap().certificate_der());
    let (_, name) = yishi::export::trust::trust(&office, cert.as_bytes()).unwrap();
    assert_eq!(name, "幸福社区居民委员会");
    for (kind, pdf) in &docs {
        let r = verify_elsewhere(pdf, &office);
        assert!(r.ok, "{kind}: {:#?}", r.lines);
        assert!(r.lines[0].contains("trusted issuer 幸福社区居民委员会"), "{:#?}", r.lines);
    }
    // Still: a changed byte fails there too.
    let mut bad = minutes.clone();
    let at = bad.len() / 3;
    bad[at] ^= 0x02;
    assert!(!verify_elsewhere(&bad, &office).ok);
}

#[test]
fn the_yishi_tool_exports_and_trusts_a_certificate() {
    let dir = tempfile::tempdir().unwrap();
    let docs = documents(dir.path());
    let pdf = write_tmp(dir.path(), "minutes.pdf", &docs[0].1);
    let data = dir.path().join("data");
    std::fs::write(data.join(yishi::export::seal::KEY_FILE), format!("ed25519-seed:{}\n", hex::encode([42u8; 32]))).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(data.join(yishi::export::seal::KEY_FILE), std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let cli = |d: &Path, args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_yishi")).arg("--data-dir").arg(d).args(args).output().unwrap()
    };
    let cert = dir.path().join("community.pem");
    let out = cli(&data, &["key", "export", "-o", cert.to_str().unwrap(), "--issuer", "幸福社区居民委员会"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::read_to_string(&cert).unwrap().starts_with("-----BEGIN CERTIFICATE-----"));
    let office = dir.path().join("office");
    let out = cli(&office, &["verify", pdf.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(4), "unknown issuer: {}", String::from_utf8_lossy(&out.stdout));
    let out = cli(&office, &["key", "trust", cert.to_str().unwrap()]);
    assert!(out.status.success() && String::from_utf8_lossy(&out.stdout).contains("幸福社区居民委员会"));
    let out = cli(&office, &["verify", pdf.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(!office.join("conf").exists() && !office.join("journal").exists(), "verifying creates no store");
    let junk = dir.path().join("junk.pem");
    std::fs::write(&junk, "not a certificate").unwrap();
    assert_eq!(cli(&office, &["key", "trust", junk.to_str().unwrap()]).status.code(), Some(3));
}

/// A notice signed by this release, kept: it verifies by its signature whatever later releases
/// change in the layout (and byte for byte while the layout stays the same).
#[test]
fn a_signed_pdf_kept_from_this_release_still_verifies() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export/signed-notice.pdf");
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir.path().join("data"));
    if std::env::var_os("YISHI_UPDATE_REFERENCE").is_some() || !fixture.exists() {
        let snap = store.snapshot(sealed_id()).unwrap();
        let blob = |h: &str| store.blob(h).ok().flatten();
        let pdf = yishi::export::notice(&Source { snap: &snap, blob: &blob }, &key(), &Options::default()).unwrap();
        std::fs::write(&fixture, pdf).unwrap();
    }
    let kept = std::fs::read(&fixture).unwrap();
    let r = verify_pdf(&kept, &store, &key());
    assert!(r.ok, "{:#?}", r.lines);
    assert!(r.lines[0].contains("issued by this installation"), "{:#?}", r.lines);
}

/// pdfinfo took the files for PDF/X because printpdf wrote an empty /GTS_PDFXVersion.
#[test]
fn readers_do_not_take_the_documents_for_pdf_x() {
    let dir = tempfile::tempdir().unwrap();
    for (name, pdf) in documents(dir.path()) {
        let f = write_tmp(dir.path(), &format!("{name}.pdf"), &pdf);
        let info = run("pdfinfo", &[f.to_str().unwrap()]);
        assert!(!info.contains("PDF/X") && !info.contains("ISO 15930"), "{name}: {info}");
    }
}
