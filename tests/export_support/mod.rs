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
    store.put_people(&yishi::demo::roster()).unwrap();
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
    Command::new(name).arg("-v").output().is_ok()
}

/// Runs a tool and returns stdout; panics with stderr on failure.
pub fn run(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd).args(args).output().unwrap_or_else(|e| panic!("{cmd}: {e} (run scripts/setup-system.sh)"));
    assert!(out.status.success(), "{cmd} {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
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
