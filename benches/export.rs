//! PDF export benchmark (issue 4): minutes of the demo meeting grown to 30 participants who all
//! sign by hand (30 signature images of 600×200 px), median time over repeated runs and the
//! file size; and the same minutes without images (text only). Run with
//! `cargo bench --bench export`; the figures go into docs/performance.md under "PDF export".

use std::collections::HashMap;
use std::time::Instant;

use chrono::TimeZone;
use sha2::Digest;
use yishi::export::{InstallationKey, Options, Source};
use yishi::sign::{Confirmation, SignatureEntry};

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let store = yishi::store::Store::open(dir.path()).unwrap();
    let id: yishi::MeetingId = "5a1e0000-0000-4000-8000-0000000000be".parse().unwrap();
    let start = chrono::FixedOffset::east_opt(8 * 3600).unwrap().with_ymd_and_hms(2026, 11, 19, 19, 30, 0).unwrap();
    for cmd in yishi::demo::sealed_meeting(id, start) {
        store.apply(&cmd).unwrap();
    }
    let mut snap = store.snapshot(id).unwrap();

    // Every one of the 30 participants signs with a 600×200 pad image.
    let mut blobs: HashMap<String, Vec<u8>> = HashMap::new();
    let at = snap.meeting.last_at;
    snap.meeting.signatures = snap
        .meeting
        .participants
        .iter()
        .map(|p| {
            let png = yishi::png::scribble(p.person.id.as_str(), 600, 200);
            let sha = hex::encode(sha2::Sha256::digest(&png));
            let len = png.len() as u32;
            blobs.insert(sha.clone(), png);
            SignatureEntry {
                person: p.person.id.clone(),
                name: p.person.name.clone(),
                at,
                confirmation: Confirmation::Signed { image_sha256: sha, image_bytes: len },
            }
        })
        .collect();
    let key = InstallationKey::from_seed([42; 32]);
    let opts = Options::default();
    let blob = |h: &str| blobs.get(h).cloned();
    let src = Source { snap: &snap, blob: &blob };

    let runs = 21;
    let mut times = Vec::with_capacity(runs);
    let mut bytes = Vec::new();
    // one warm-up: parses the font once per process
    let t0 = Instant::now();
    let _ = yishi::export::minutes(&src, &key, &opts).unwrap();
    let first = t0.elapsed();
    for _ in 0..runs {
        let t = Instant::now();
        bytes = yishi::export::minutes(&src, &key, &opts).unwrap();
        times.push(t.elapsed());
    }
    times.sort();
    let median = times[runs / 2];
    let pages = count_pages(&bytes);

    // Text only: nobody has signed yet (blank boxes, no images).
    let mut plain = snap.clone();
    plain.meeting.signatures.clear();
    let src2 = Source { snap: &plain, blob: &blob };
    let text_only = yishi::export::minutes(&src2, &key, &opts).unwrap();
    let mut t2 = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let _ = yishi::export::minutes(&src2, &key, &opts).unwrap();
        t2.push(t.elapsed());
    }
    t2.sort();

    // A rare name character (𠮷, CJK Extension B): drawn from the fallback face HanaMinA, read
    // and parsed on first use (54 MB of fonts-hanazono on disk, only HanaMinA is needed here).
    let mut rare = plain.clone();
    rare.meeting.participants[3].person.name = "𠮷明".into();
    let src3 = Source { snap: &rare, blob: &blob };
    let t = Instant::now();
    let rare_pdf = yishi::export::minutes(&src3, &key, &opts).unwrap();
    let rare_first = t.elapsed();
    let mut t3 = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let _ = yishi::export::minutes(&src3, &key, &opts).unwrap();
        t3.push(t.elapsed());
    }
    t3.sort();

    // The PDF signature alone: the unsigned document (with its placeholders) made once, then
    // the certificate derived and the byte range hashed and signed, as every export does.
    let seal = yishi::export::seal_of(&snap, &key);
    let unsigned = yishi::export::render(yishi::export::Kind::Minutes, &src, &seal, &opts).unwrap();
    let mut ts = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let signed = yishi::export::pdfsig::fill(unsigned.clone(), &key.document_signer(opts.issuer.as_deref()).unwrap()).unwrap();
        ts.push(t.elapsed());
        assert_eq!(signed, bytes);
    }
    ts.sort();

    if let Some(d) = std::env::var_os("YISHI_BENCH_DUMP") {
        std::fs::write(std::path::Path::new(&d).join("bench-minutes.pdf"), &bytes).unwrap();
        std::fs::write(std::path::Path::new(&d).join("bench-text-only.pdf"), &text_only).unwrap();
        std::fs::write(std::path::Path::new(&d).join("bench-rare.pdf"), &rare_pdf).unwrap();
    }
    println!("PDF export (minutes, {} participants, {} signature images 600x200, {pages} pages A4)", snap.meeting.participants.len(), snap.meeting.signatures.len());
    println!("  first export in the process (font parse included): {:.1} ms", first.as_secs_f64() * 1e3);
    println!("  median of {runs}: {:.1} ms (min {:.1}, max {:.1})", ms(median), ms(times[0]), ms(times[runs - 1]));
    println!("  size: {} bytes ({:.0} KB), signed", bytes.len(), bytes.len() as f64 / 1024.0);
    println!(
        "  signing (certificate, byte range, CMS over SHA-256): median {:.2} ms (max {:.2}); the signature takes {} bytes of the file",
        ms(ts[runs / 2]),
        ms(ts[runs - 1]),
        yishi::export::pdfsig::CONTENTS_LEN * 2 + 2
    );
    println!("  text-only minutes: {} bytes ({:.0} KB), {} pages, median {:.1} ms", text_only.len(), text_only.len() as f64 / 1024.0, count_pages(&text_only), ms(t2[runs / 2]));
    let font = font_bytes(&text_only);
    println!("    of which the embedded font {font} bytes, everything else {} bytes (goal ≤ 30,000)", text_only.len() - font);
    println!(
        "  text-only with an attendee named 𠮷明 (fallback face): first export {:.1} ms (reads and parses HanaMinA), then median {:.1} ms; {} bytes ({:.0} KB)",
        ms(rare_first),
        ms(t3[runs / 2]),
        rare_pdf.len(),
        rare_pdf.len() as f64 / 1024.0
    );
}

fn ms(d: std::time::Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn count_pages(pdf: &[u8]) -> usize {
    // the page dictionaries are in an object stream: read the page tree
    lopdf::Document::load_mem(pdf).map(|d| d.get_pages().len()).unwrap_or(0)
}

/// Bytes the embedded font programs take in the file (their streams as stored, compressed):
/// the part of the size that the subsetter decides, apart from what the rest of Yishi writes.
fn font_bytes(pdf: &[u8]) -> usize {
    let Ok(doc) = lopdf::Document::load_mem(pdf) else { return 0 };
    let mut total = 0;
    for obj in doc.objects.values() {
        let Ok(d) = obj.as_dict() else { continue };
        for key in [&b"FontFile"[..], b"FontFile2", b"FontFile3"] {
            if let Ok(id) = d.get(key).and_then(|o| o.as_reference()) {
                if let Ok(s) = doc.get_object(id).and_then(|o| o.as_stream()) {
                    total += s.content.len();
                }
            }
        }
    }
    total
}
