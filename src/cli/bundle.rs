//! `yishi bundle export MEETING… | --since DATE -o FILE.yishi` and `yishi bundle import FILE`:
//! sealed records carried to a street office (see the library's `bundle`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use yishi::bundle::{self, BundleError, MakeOptions};
use yishi::export::InstallationKey;
use yishi::store::Store;

#[derive(clap::Subcommand)]
pub enum BundleAction {
    /// Write this installation's sealed meetings (ids or prefixes, or all since a date) into one
    /// signed file for the street office
    Export {
        meetings: Vec<String>,
        /// All sealed meetings scheduled on or after this date (YYYY-MM-DD)
        #[arg(long, value_name = "DATE", conflicts_with = "meetings", required_unless_present = "meetings")]
        since: Option<String>,
        #[arg(short, long)]
        output: PathBuf,
        /// The issuing body the signature names (default: the profile's)
        #[arg(long)]
        issuer: Option<String>,
        /// Records only, without the signed minutes and posters (a smaller file)
        #[arg(long)]
        without_documents: bool,
    },
    /// Check a bundle from another installation (signature, trusted issuer, every chain and PDF)
    /// and add its meetings, read-only, under their community; all or nothing
    Import {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

fn fail(code: u8, e: impl std::fmt::Display) -> ExitCode {
    eprintln!("yishi: {e}");
    ExitCode::from(code)
}

pub fn run(store: &Store, dir: &Path, action: &BundleAction) -> ExitCode {
    match action {
        BundleAction::Export { meetings, since, output, issuer, without_documents } => {
            export(store, dir, meetings, since.as_deref(), output, issuer.clone(), !without_documents)
        }
        BundleAction::Import { file, json } => import(store, file, *json),
    }
}

fn export(store: &Store, dir: &Path, meetings: &[String], since: Option<&str>, output: &Path, issuer: Option<String>, documents: bool) -> ExitCode {
    let ids = match since {
        Some(date) => {
            let Ok(day) = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d") else {
                return fail(super::EXIT_INPUT, format!("--since 应为日期 YYYY-MM-DD，而不是“{date}” / --since must be a date YYYY-MM-DD, not \"{date}\""));
            };
            let from = day.and_hms_opt(0, 0, 0).expect("midnight").and_local_timezone(chrono::Local).earliest().map(|t| t.fixed_offset());
            match from.map(|t| bundle::sealed_since(store, t)) {
                Some(Ok(ids)) => ids,
                Some(Err(e)) => return fail(super::EXIT_USAGE, e),
                None => return fail(super::EXIT_INPUT, format!("--since {date}")),
            }
        }
        None => match meetings.iter().map(|m| super::resolve(store, m)).collect::<Result<Vec<_>, _>>() {
            Ok(ids) => ids,
            Err(e) => return fail(super::EXIT_NOTHING, e),
        },
    };
    let key = match InstallationKey::load_or_create(dir) {
        Ok(k) => k,
        Err(e) => return fail(super::EXIT_USAGE, e),
    };
    let profile = yishi::community::profile::Profile::load(dir).ok().flatten();
    let issuer = issuer.or_else(|| profile.as_ref().map(|p| p.issuer.clone()).filter(|i| !i.trim().is_empty()));
    let community = profile.map(|p| p.community).filter(|c| !c.trim().is_empty());
    let opts = MakeOptions { community, issuer, documents, now: chrono::Local::now().fixed_offset() };
    let made = match bundle::make(store, &key, &ids, &opts, &|_, _| {}) {
        Ok(m) => m,
        Err(e @ BundleError::Nothing) => return fail(super::EXIT_NOTHING, e),
        Err(e) => return fail(super::EXIT_USAGE, e),
    };
    if let Err(e) = yishi::export::write_atomic(output, &made.bytes) {
        return fail(super::EXIT_USAGE, e);
    }
    for m in &made.manifest.meetings {
        println!("{}  {}  {} 个事件 events  指纹 fingerprint {}", m.scheduled_at.format("%Y-%m-%d"), m.title, m.events, m.head);
    }
    println!(
        "已导出 / exported {} 次会议 meetings → {}（{} 字节 bytes），签发 issuer：{}",
        made.manifest.meetings.len(),
        output.display(),
        made.bytes.len(),
        made.manifest.issuer
    );
    ExitCode::SUCCESS
}

fn import(store: &Store, file: &Path, json: bool) -> ExitCode {
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => return fail(super::EXIT_USAGE, format!("无法读取 {0} / cannot read {0}: {e}", file.display())),
    };
    match bundle::take(store, &bytes, chrono::Local::now().fixed_offset(), &|_, _| {}) {
        Ok(done) if json => {
            println!("{}", serde_json::to_string_pretty(&done).expect("serialisable"));
            ExitCode::SUCCESS
        }
        Ok(done) => {
            for m in &done.meetings {
                let what = match m.added {
                    0 => "已有，未改变 / already held, unchanged".to_string(),
                    n if n == m.events => format!("新收到 / new, {n} 个事件 events"),
                    n => format!("追加 / extended by {n} 个事件 events"),
                };
                println!("{}  {}  {what}", m.id, m.title);
            }
            println!("已导入 / imported from {}：{} 次会议 meetings，{} 份文件 documents", done.community, done.meetings.len(), done.documents);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("yishi: {e}");
            eprintln!("未导入任何内容 / nothing was imported");
            ExitCode::from(super::EXIT_BROKEN)
        }
    }
}
