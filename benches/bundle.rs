//! The street office's archive (issue 13, "Benchmarks"): 10,000 sealed meetings from 30
//! communities arrive as 30 bundles and are imported into one data folder. Figures, not tests.
//!
//! `cargo bench --bench bundle` builds, under the target dir:
//! - one sealed meeting through `Store::apply` (`demo::sealed_meeting`: 111 intents, 21
//!   signatures), its signature images stored deflated as a signature pad's PNG would be;
//! - for each community (its own installation key) a bundle of its share of the meetings: that
//!   journal with the meeting id changed and every event sealed again into a chain of its own,
//!   records only (no PDFs: rendering 10,000 minutes is the export bench's business);
//! then imports the 30 bundles into a fresh store that trusts the 30 certificates, and reports
//! the import time, the data folder's size, `Store::open` afterwards and the street office's
//! overview (`compliance --all`).
//!
//! Environment: `YISHI_BENCH_MEETINGS` (default 10000), `YISHI_BENCH_COMMUNITIES` (30).

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::TimeZone;
use yishi::bundle::{self, format::Part, Listed, Manifest};
use yishi::export::{trust, InstallationKey};
use yishi::intent::Intent;
use yishi::store::chain::{self, StoredEvent};
use yishi::store::journal;
use yishi::{MeetingId, Store};

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// The same pixels, deflated: the demo's encoder stores them raw (~37 KB a signature).
fn deflated(png_bytes: &[u8]) -> Vec<u8> {
    let decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, info.width, info.height);
        enc.set_color(info.color_type);
        enc.set_depth(info.bit_depth);
        enc.set_compression(png::Compression::High);
        enc.write_header().unwrap().write_image_data(&buf[..info.buffer_size()]).unwrap();
    }
    out
}

fn dir_size(p: &Path) -> u64 {
    std::fs::read_dir(p).map_or(0, |d| {
        d.filter_map(Result::ok)
            .map(|e| match e.metadata() {
                Ok(m) if m.is_dir() => dir_size(&e.path()),
                Ok(m) => m.len(),
                Err(_) => 0,
            })
            .sum()
    })
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let meetings = env_usize("YISHI_BENCH_MEETINGS", 10_000);
    let communities = env_usize("YISHI_BENCH_COMMUNITIES", 30);
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-bundle");
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).unwrap();
    let tz = chrono::FixedOffset::east_opt(8 * 3600).unwrap();
    let start = tz.with_ymd_and_hms(2026, 3, 19, 19, 30, 0).unwrap();

    // One sealed meeting through the store, as a community records it.
    let template_dir = root.join("template");
    let template = Store::open(&template_dir).unwrap();
    let id0 = MeetingId::new_random();
    for mut cmd in yishi::demo::sealed_meeting(id0, start) {
        if let Intent::Sign { image_png_base64, .. } = &mut cmd.intent {
            use base64::Engine;
            let b64 = base64::engine::general_purpose::STANDARD;
            *image_png_base64 = b64.encode(deflated(&b64.decode(&*image_png_base64).unwrap()));
        }
        template.apply(&cmd).unwrap();
    }
    drop(template);
    let frames = journal::scan(&template_dir.join(journal::DIR).join(format!("{id0}.{}", journal::EXT))).unwrap().frames;
    let template_journal: u64 = frames.iter().map(|(_, p)| journal::frame_len(p.len())).sum::<u64>() + journal::MAGIC.len() as u64;

    // Each community's bundle.
    let t0 = Instant::now();
    let mut bundles = Vec::new();
    let mut certs = Vec::new();
    let mut bundle_bytes = 0u64;
    for c in 0..communities {
        let key = InstallationKey::from_seed([c as u8 + 1; 32]);
        let signer = key.document_signer(Some(&format!("第{}社区居民委员会", c + 1))).unwrap();
        certs.push(trust::pem(&signer.certificate_der()));
        let share = (c..meetings).step_by(communities).count();
        let mut parts = Vec::new();
        let mut listed = Vec::new();
        for _ in 0..share {
            let id = MeetingId::new_random();
            let mut out = journal::MAGIC.to_vec();
            let mut head = chain::genesis(id);
            let mut last = None;
            for (kind, payload) in &frames {
                if *kind != journal::EVENT {
                    out.extend(journal::frame(*kind, payload));
                    continue;
                }
                let o = chain::open_value(payload).unwrap();
                let mut ev: StoredEvent = serde_json::from_slice(o.body).unwrap();
                ev.meeting = id;
                if let yishi::Event::MeetingCreated(setup) = &mut ev.event {
                    setup.title = format!("第{}社区议事会议", c + 1);
                }
                let (value, hash) = chain::seal_event(&head, &ev).unwrap();
                out.extend(journal::frame(journal::EVENT, &value));
                head = hash;
                last = Some(ev);
            }
            let last = last.unwrap();
            let name = format!("journal/{id}.{}", journal::EXT);
            listed.push(Listed {
                id,
                title: format!("第{}社区议事会议", c + 1),
                level: yishi::setup::Level::Community,
                form: yishi::setup::Form::ResidentRepresentatives,
                scheduled_at: start,
                events: last.seq,
                head: hex::encode(head),
                journal: name.clone(),
                documents: vec![],
            });
            parts.push(Part { name, bytes: out });
        }
        let manifest = Manifest { format: 1, created_at: start.to_rfc3339(), issuer: format!("第{}社区居民委员会", c + 1), community: Some(format!("第{}社区", c + 1)), meetings: listed, escalations: vec![] };
        parts.insert(0, Part { name: "manifest.json".into(), bytes: serde_json::to_vec(&manifest).unwrap() });
        let bytes = bundle::format::write(&parts, &signer);
        bundle_bytes += bytes.len() as u64;
        let path = root.join(format!("c{c:02}.yishi"));
        std::fs::write(&path, &bytes).unwrap();
        bundles.push(path);
    }
    let made = t0.elapsed();

    // The street office trusts every community, then imports their bundles.
    let office_dir = root.join("office");
    std::fs::create_dir_all(&office_dir).unwrap();
    for pem in &certs {
        trust::trust(&office_dir, pem.as_bytes()).unwrap();
    }
    let office = Store::open(&office_dir).unwrap();
    let mut per_bundle = Vec::new();
    let t1 = Instant::now();
    for path in &bundles {
        let bytes = std::fs::read(path).unwrap();
        let t = Instant::now();
        let done = bundle::take(&office, &bytes, start, &|_, _| {}).unwrap();
        assert!(done.meetings.iter().all(|m| m.added > 0));
        per_bundle.push(t.elapsed());
    }
    let import = t1.elapsed();
    assert_eq!(office.list().unwrap().len(), meetings);
    let t2 = Instant::now();
    let again = bundle::take(&office, &std::fs::read(&bundles[0]).unwrap(), start, &|_, _| {}).unwrap();
    let reimport = t2.elapsed();
    assert!(again.meetings.iter().all(|m| m.added == 0));
    drop(office);
    let size = dir_size(&office_dir);

    // Opened three times, each in turn dropped: the first open after the import also has sled
    // read the log the import wrote.
    let mut opens = Vec::new();
    for _ in 0..3 {
        let t3 = Instant::now();
        let office = Store::open(&office_dir).unwrap();
        opens.push(t3.elapsed());
        assert!(office.notices().is_empty(), "{:?}", office.notices());
    }
    let office = Store::open(&office_dir).unwrap();
    let t4 = Instant::now();
    let overview = bundle::office::overview(&office, 2026, start + chrono::Duration::days(300), "街道").unwrap();
    let view = t4.elapsed();
    assert_eq!(overview.communities.len(), communities + 1);

    per_bundle.sort();
    println!("bundle bench: {meetings} sealed meetings ({} events each) from {communities} communities", frames.iter().filter(|(k, _)| *k == journal::EVENT).count());
    println!("  one meeting's journal: {template_journal} bytes; bundles in all: {:.1} MiB, made in {:.1} s", bundle_bytes as f64 / 1048576.0, made.as_secs_f64());
    println!(
        "  import of all {communities} bundles: {:.1} s ({:.1} meetings/s); per bundle median {:.0} ms, max {:.0} ms; importing one again (nothing new): {:.0} ms",
        import.as_secs_f64(),
        meetings as f64 / import.as_secs_f64(),
        ms(per_bundle[per_bundle.len() / 2]),
        ms(*per_bundle.last().unwrap()),
        ms(reimport)
    );
    println!("  office data folder after import: {:.1} MiB", size as f64 / 1048576.0);
    println!(
        "  Store::open afterwards: {:.0} ms, then {:.0} ms and {:.0} ms; street office overview (compliance --all): {:.0} ms",
        ms(opens[0]),
        ms(opens[1]),
        ms(opens[2]),
        ms(view)
    );
    drop(office);
    let _ = std::fs::remove_dir_all(&root);
}
