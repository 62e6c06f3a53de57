//! Shared set-up for the export tests: a store holding the demo's sealed meeting under a fixed
//! id and time, a fixed installation key, and helpers that run the poppler / qpdf tools.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::TimeZone;
use yishi::export::{InstallationKey, Options, Source};
use yishi::ids::MeetingId;
use yishi::state::Snapshot;
use yishi::store::Store;

pub const SEALED: &str = "5a1e0000-0000-4000-8000-000000000001";
pub const UPCOMING: &str = "5a1e0000-0000-4000-8000-000000000002";

pub fn start() -> yishi::Time {
    chrono::FixedOffset::east_opt(8 * 3600).unwrap().with_ymd_and_hms(2026, 11, 19, 19, 30, 0).unwrap()
}

pub fn sealed_id() -> MeetingId {
    SEALED.parse().unwrap()
}

pub fn upcoming_id() -> MeetingId {
    UPCOMING.parse().unwrap()
}

/// A store in `dir` with the sealed demo meeting and an upcoming one.
pub fn demo_store(dir: &Path) -> Store {
    let store = Store::open(dir).unwrap();
    let people = yishi::demo::roster();
    store.record(&yishi::community::CommunityCommand { at: chrono::DateTime::parse_from_rfc3339("2026-01-01T09:00:00+08:00").unwrap(), intent: yishi::community::CommunityIntent::ImportPeople { people } }).unwrap();
    for cmd in yishi::demo::sealed_meeting(sealed_id(), start()) {
        store.apply(&cmd).unwrap();
    }
    let created = start() - chrono::Duration::days(1);
    for cmd in yishi::demo::upcoming_meeting(upcoming_id(), start() + chrono::Duration::days(14), created) {
        store.apply(&cmd).unwrap();
    }
    store
}

pub fn key() -> InstallationKey {
    InstallationKey::from_seed([42; 32])
}

pub fn minutes_pdf(store: &Store, snap: &Snapshot, opts: &Options) -> yishi::export::Result<Vec<u8>> {
    let blob = |h: &str| store.blob(h).ok().flatten();
    yishi::export::minutes(&Source { snap, blob: &blob }, &key(), opts)
}

pub fn tool_available(name: &str) -> bool {
    if under_wine() {
        // under Wine, `/usr/bin/…` is the Unix file (Z: is the current drive)
        return Path::new("/usr/bin").join(name).exists();
    }
    Command::new(name).arg("-v").output().is_ok()
}

/// The Windows build's tests run under Wine here (scripts/wine-run.sh sets WINEPREFIX), and on
/// real Windows in the CI workflow, where the tools are Windows programs of their own.
fn under_wine() -> bool {
    cfg!(windows) && std::env::var_os("WINEPREFIX").is_some()
}

/// What a tool printed and whether it succeeded.
pub struct ToolOutput {
    pub ok: bool,
    pub stdout: String,
    pub stderr: String,
}

/// Runs a poppler or qpdf tool, to check a PDF independently of Yishi. The Windows build's
/// tests run under Wine (scripts/test-windows.sh), where these are the Linux tools: Wine's
/// `start /unix` starts a Unix program but does not wait for it, so it runs a shell that writes
/// the tool's output and status to files, and this waits for the status. File arguments go to
/// the tool as Unix paths (`tool_arg`).
pub fn tool(cmd: &str, args: &[&str]) -> ToolOutput {
    if !under_wine() {
        let out = Command::new(cmd).args(args).output().unwrap_or_else(|e| panic!("{cmd}: {e} (run scripts/setup-system.sh)"));
        return ToolOutput {
            ok: out.status.success(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        };
    }
    let dir = tempfile::tempdir().unwrap();
    let unix = |p: &Path| tool_arg(p.to_str().unwrap());
    let quote = |a: &str| format!("'{}'", a.replace('\'', r"'\''"));
    let line = std::iter::once(format!("/usr/bin/{cmd}")).chain(args.iter().map(|a| tool_arg(a))).map(|a| quote(&a)).collect::<Vec<_>>();
    let (out, err, rc) = (dir.path().join("out"), dir.path().join("err"), dir.path().join("rc"));
    let script = format!(
        "{} > {} 2> {}; echo $? > {}.tmp && mv {}.tmp {}",
        line.join(" "),
        quote(&unix(&out)),
        quote(&unix(&err)),
        quote(&unix(&rc)),
        quote(&unix(&rc)),
        quote(&unix(&rc))
    );
    let sh = dir.path().join("run.sh");
    std::fs::write(&sh, script).unwrap();
    let started = Command::new("start.exe").args(["/unix", "/bin/sh"]).arg(unix(&sh)).status().expect("start /unix");
    assert!(started.success(), "start /unix /bin/sh failed");
    let until = std::time::Instant::now() + std::time::Duration::from_secs(120);
    let code = loop {
        if let Ok(code) = std::fs::read_to_string(&rc) {
            break code.trim().to_string();
        }
        assert!(std::time::Instant::now() < until, "{cmd} did not finish");
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    ToolOutput {
        ok: code == "0",
        stdout: String::from_utf8_lossy(&std::fs::read(&out).unwrap_or_default()).into_owned(),
        stderr: String::from_utf8_lossy(&std::fs::read(&err).unwrap_or_default()).into_owned(),
    }
}

/// A tool's argument: under Wine a Windows path becomes the Unix path of the same file
/// (`Z:` is the Unix root, `C:` the prefix's `drive_c`); elsewhere unchanged.
pub fn tool_arg(arg: &str) -> String {
    if !under_wine() {
        return arg.to_string();
    }
    let unix = |rest: &str| rest.replace('\\', "/");
    match arg.get(..2).map(|d| d.to_ascii_uppercase()) {
        Some(d) if d == "Z:" => unix(&arg[2..]),
        Some(d) if d == "C:" => {
            let prefix = std::env::var("WINEPREFIX").expect("WINEPREFIX (scripts/wine-env.sh sets it)");
            format!("{prefix}/drive_c{}", unix(&arg[2..]))
        }
        _ => arg.to_string(),
    }
}

/// Runs a tool and returns stdout; panics with stderr on failure.
pub fn run(cmd: &str, args: &[&str]) -> String {
    let out = tool(cmd, args);
    assert!(out.ok, "{cmd} {args:?} failed: {}", out.stderr);
    out.stdout
}

pub fn write_tmp(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// A store in `dir` like [`demo_store`], with some participants of the sealed meeting renamed
/// (`(person id, new name)`), as if the roster had those names when the meeting was created.
pub fn renamed_store(dir: &Path, renames: &[(&str, &str)]) -> Store {
    let store = Store::open(dir).unwrap();
    for mut cmd in yishi::demo::sealed_meeting(sealed_id(), start()) {
        if let yishi::intent::Intent::CreateMeeting(setup) = &mut cmd.intent {
            for p in &mut setup.participants {
                if let Some((_, name)) = renames.iter().find(|(id, _)| *id == p.id.as_str()) {
                    p.name = name.to_string();
                }
            }
        }
        store.apply(&cmd).unwrap();
    }
    store
}

/// A PNG (as pdftoppm writes it) as width, height and one grey byte per pixel, for comparing a
/// rendered page with its reference image.
pub fn grey(png: &[u8]) -> (usize, usize, Vec<u8>) {
    use printpdf::{RawImage, RawImageData, RawImageFormat};
    let img = RawImage::decode_from_bytes(png, &mut Vec::new()).unwrap();
    let RawImageData::U8(px) = img.pixels else { panic!("8-bit expected") };
    let ch = match img.data_format {
        RawImageFormat::R8 => 1,
        RawImageFormat::RG8 => 2,
        RawImageFormat::RGB8 => 3,
        RawImageFormat::RGBA8 => 4,
        f => panic!("{f:?}"),
    };
    (img.width, img.height, px.chunks(ch).map(|c| c[0]).collect())
}
