//! The QR code a resident's phone reads (issue 12): it carries readable text — the meeting, the
//! date, each item's result with its counts, the short fingerprint, the issuer — and the
//! verification string last. Read back from the rendered page with zbarimg, as a phone would.

mod export_support;

use export_support::*;
use yishi::export::{Options, Source};

fn qr_of(pdf: &[u8], dir: &std::path::Path, name: &str) -> String {
    let f = write_tmp(dir, &format!("{name}.pdf"), pdf);
    let info = run("pdfinfo", &[f.to_str().unwrap()]);
    let pages: u32 = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    let last = pages.to_string();
    let prefix = dir.join(name);
    run("pdftoppm", &["-png", "-r", "150", "-f", &last, "-l", &last, "-singlefile", f.to_str().unwrap(), prefix.to_str().unwrap()]);
    let png = dir.join(format!("{name}.png"));
    let out = tool("zbarimg", &["-q", "--raw", png.to_str().unwrap()]);
    assert!(out.ok, "zbarimg found no code on the last page of the {name}: {}", out.stderr);
    out.stdout.trim_start_matches('\u{FEFF}').to_string()
}

#[test]
fn the_qr_code_reads_as_the_meetings_results_then_the_verification_string() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir.path().join("data"));
    let snap = store.snapshot(sealed_id()).unwrap();
    let blob = |h: &str| store.blob(h).ok().flatten();
    let src = Source { snap: &snap, blob: &blob };
    let opts = Options { issuer: Some("幸福社区居民委员会".into()), ..Options::default() };
    let m = &snap.meeting;
    for (name, pdf) in [
        ("minutes", yishi::export::minutes(&src, &key(), &opts).unwrap()),
        ("notice", yishi::export::notice(&src, &key(), &opts).unwrap()),
    ] {
        let text = qr_of(&pdf, dir.path(), name);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], m.title, "{name}: {text}");
        assert!(lines[1].starts_with("2026年11月19日"), "{name}: {text}");
        // each item with its result and counts (R-VOTE, R-PUBLISH)
        assert!(text.contains("一、") && text.contains("通过（同意"), "{name}: {text}");
        assert!(text.contains("未通过（同意"), "{name}: {text}");
        assert!(text.contains(&format!("记录指纹 {}", &snap.record.head[..16])), "{name}: {text}");
        assert!(text.contains("签发 幸福社区居民委员会"), "{name}: {text}");
        let seal = lines.last().unwrap();
        assert_eq!(seal.to_string(), yishi::export::seal_of(&snap, &key()).to_string(), "the verification string comes last");
    }
}
