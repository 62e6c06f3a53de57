//! The `yishi` command-line tool. Exit codes (also in `yishi --help`): 0 done, 1 usage or storage
//! error, 2 an intent was refused by a rule, 3 malformed input, 4 a broken chain or a PDF that does
//! not verify, 5 nothing to verify (no data folder, no meeting in it, or no such meeting) or nothing
//! found by `search`.

mod apply;
mod bundle;
mod care;
mod export;
mod profile;
mod search;
mod show;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use yishi::ids::MeetingId;
use yishi::store::{Store, StoreError};

pub const EXIT_USAGE: u8 = 1;
pub const EXIT_REFUSED: u8 = 2;
pub const EXIT_INPUT: u8 = 3;
pub const EXIT_BROKEN: u8 = 4;
pub const EXIT_NOTHING: u8 = 5;

const EXIT_CODES: &str = "\
退出码 / exit codes:
  0  完成 / done (verify: every chain checked is intact)
  1  用法、存储或输出错误 / usage, storage or output error
  2  意图被规则拒绝 / an intent was refused by a rule
  3  输入格式错误 / malformed input
  4  记录链损坏、PDF 核对不通过、数据包被拒绝导入，或 doctor/restore 后仍有损坏 / a broken chain, a PDF that does not verify, a bundle refused, or damage left after doctor/restore
  5  没有可核对的内容：数据目录不存在、其中没有会议或没有该会议，或不是备份；search 没有找到任何会议 / nothing to verify: no data folder, no meeting in it, no such meeting, or not a backup; search found no meeting";

#[derive(Parser)]
#[command(name = "yishi", version, about = "议事 Yishi — 基层议事协商会议记录 / community deliberation meeting record", after_help = EXIT_CODES)]
struct Cli {
    /// Data directory (default: $YISHI_DATA_DIR or the OS app-data dir, shared with the desktop app)
    #[arg(long, global = true)]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Apply a JSON Lines file of intents ("-" for stdin); print the resulting meeting snapshot as JSON
    Apply {
        file: PathBuf,
        /// Print "ack LINE MEETING EVENTS" on stdout as each intent becomes durable
        #[arg(long)]
        acks: bool,
        /// Print no snapshot at the end
        #[arg(long)]
        quiet: bool,
    },
    /// List meetings
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show a meeting (id, unique id prefix, or "latest"); by default the latest meeting held
    Show {
        meeting: Option<String>,
        /// The full snapshot as JSON instead of the readable summary
        #[arg(long)]
        json: bool,
    },
    /// Print a meeting's stored events as JSON Lines
    Events { meeting: String },
    /// Check the hash chains (all meetings, or one); exit 0 only if intact.
    /// Given FILE.pdf, check an exported PDF against the record (see `export`)
    Verify { meeting: Option<String> },
    /// Export minutes, poster (公示), notice (会议通知) as PDF, or the results as text
    Export(export::ExportArgs),
    /// List the community roster, or import people from a CSV file (all rows or none)
    Roster {
        /// CSV with columns 编号/id, 姓名/name, 类别/group (1–6), 两委/two_committees (是/否)
        #[arg(long)]
        import: Option<PathBuf>,
    },
    /// Install the demo community: a roster of 30, a sealed sample meeting and an upcoming one
    Demo,
    /// The topic pool, urgent first, with where each topic stands (R-TOPIC, R-30DAYS)
    Topics {
        #[arg(long)]
        json: bool,
    },
    /// List what is damaged in the record (both copies of every meeting) and what the store did on
    /// its own; with --repair, repair it from the copy that verifies or from a backup
    Doctor {
        #[arg(long)]
        repair: bool,
        /// A backup folder (or a folder of backups: the newest is used) to repair from
        #[arg(long)]
        from: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Back the whole record up into a new folder under DIR (keeping the newest --keep there),
    /// or check a backup on its own with --check
    Backup {
        #[arg(long, value_name = "DIR", required_unless_present = "check")]
        to: Option<PathBuf>,
        /// How many backups to keep in DIR (default 10)
        #[arg(long)]
        keep: Option<usize>,
        #[arg(long, value_name = "BACKUP", conflicts_with = "to")]
        check: Option<PathBuf>,
    },
    /// Restore from a backup: into an empty data folder, or adding the meetings a folder lacks and
    /// repairing its damaged ones; nothing it holds is overwritten
    Restore {
        #[arg(long, value_name = "BACKUP")]
        from: PathBuf,
    },
    /// This installation's PDF-signing certificate: export it for a street office, or trust
    /// another installation's so its PDFs verify here
    Key {
        #[command(subcommand)]
        action: KeyAction,
    },
    /// The community's profile (name, issuing body, booking channel and venue) the exports and
    /// the PDF signature use: shown, or set with the options given
    Profile(profile::ProfileArgs),
    /// Sealed records carried between installations: export them for the street office, or
    /// import a community's
    Bundle {
        #[command(subcommand)]
        action: bundle::BundleAction,
    },
    /// Search every meeting's title, agenda, background, speeches, resolutions, amendments and
    /// names; words (split at spaces and punctuation) must all be found. Exit 5 when none matches
    Search {
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// At most this many meetings, best first
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// The year's meetings per form against the guideline's minimums (R-FREQ, R-OBSERVE)
    Compliance {
        /// The year (default: this year)
        #[arg(long)]
        year: Option<i32>,
        /// The street office's view: every community whose records were imported, matters
        /// escalated to the street, actions overdue across communities
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum KeyAction {
    /// Write this installation's certificate (PEM) to a file
    Export {
        #[arg(short, long)]
        output: PathBuf,
        /// The issuing body the certificate names (default: the profile's, as on the exports)
        #[arg(long)]
        issuer: Option<String>,
    },
    /// Trust another installation's certificate: its PDFs then verify here
    Trust { file: PathBuf },
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let dir = cli.data_dir.clone().unwrap_or_else(yishi::default_data_dir);
    match &cli.command {
        Command::Restore { from } => return care::restore(&dir, from),
        Command::Backup { check: Some(b), .. } => return care::check(b),
        Command::Key { action: KeyAction::Export { output, issuer } } => return export::key_export(&dir, output, issuer.as_deref()),
        Command::Key { action: KeyAction::Trust { file } } => return export::key_trust(&dir, file),
        // Searching creates no store where there is none.
        Command::Search { .. } if !Store::exists(&dir) => return search::no_record(&dir),
        Command::Profile(args) => return profile::run(&dir, args),
        // A PDF from elsewhere verifies by its signature where no record is kept.
        Command::Verify { meeting: Some(m) } if export::is_pdf_arg(m) && !Store::exists(&dir) => {
            return export::verify_file(None, &dir, std::path::Path::new(m))
        }
        _ => {}
    }
    // Verifying checks what is there and creates nothing: a mistyped folder is not an empty record.
    if matches!(cli.command, Command::Verify { .. } | Command::Doctor { .. } | Command::Backup { .. }) && !Store::exists(&dir) {
        eprintln!("yishi: 数据目录 {0} 中没有会议记录，未作核对 / no record in data folder {0}: nothing verified", dir.display());
        return ExitCode::from(EXIT_NOTHING);
    }
    let store = match Store::open(&dir) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("yishi: {e}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    for b in store.breaks() {
        eprintln!("警告 / warning: {b}");
    }
    for n in store.notices() {
        eprintln!("注意 / note: {n}");
    }
    let result = match cli.command {
        Command::Apply { file, acks, quiet } => return apply::run(&store, &file, acks, quiet),
        Command::List { json } => show::list(&store, json),
        Command::Show { meeting, json } => {
            resolve(&store, meeting.as_deref().unwrap_or("held")).and_then(|id| show::show(&store, id, json))
        }
        Command::Events { meeting } => resolve(&store, &meeting).and_then(|id| show::events(&store, id)),
        Command::Verify { meeting } => match meeting.as_deref().filter(|m| export::is_pdf_arg(m)) {
            Some(file) => return export::verify_file(Some(&store), &dir, std::path::Path::new(file)),
            None => return verify(&store, meeting.as_deref()),
        },
        Command::Export(args) => {
            return export::export(&store, &dir, &args, &|k| resolve(&store, k).map_err(|e| Box::new(e) as Box<dyn std::error::Error>))
        }
        Command::Roster { import } => return roster(&store, import.as_deref()),
        Command::Demo => demo(&store),
        Command::Compliance { year, all: false, json } => show::compliance(&store, year, json),
        Command::Compliance { year, all: true, json } => show::office(&store, &dir, year, json),
        Command::Search { query, limit, json } => return search::run(&store, &query.join(" "), limit, json),
        Command::Bundle { action } => return bundle::run(&store, &dir, &action),
        Command::Key { .. } | Command::Profile(_) => unreachable!("handled before the store opens"),
        Command::Topics { json } => show::topics(&store, json),
        Command::Doctor { repair, from, json } => return care::doctor(&store, repair, from.as_deref(), json),
        Command::Backup { to, keep, .. } => return care::backup_to(&store, to.as_deref().unwrap_or(&dir), keep),
        Command::Restore { .. } => unreachable!("handled before the store opens"),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("yishi: {e}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("找不到会议“{0}” / no meeting matches \"{0}\"")]
    NoMatch(String),
    #[error("“{0}”匹配多个会议，请给出更长的编号 / \"{0}\" matches several meetings; give more of the id")]
    Ambiguous(String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Json(#[from] serde_json::Error),
}

/// A meeting by full id, unique prefix (4+ characters), or "latest".
pub fn resolve(store: &Store, key: &str) -> Result<MeetingId, CliError> {
    if let Ok(id) = key.parse::<MeetingId>() {
        return Ok(id);
    }
    let list = store.list()?;
    if key == "held" {
        // The meeting most recently held (opened), else the latest of any.
        let held = list.iter().filter(|s| s.phase != yishi::state::Phase::Setup).max_by_key(|s| s.scheduled_at);
        if let Some(s) = held.or_else(|| list.iter().max_by_key(|s| s.last_at)) {
            return Ok(s.id);
        }
        return Err(CliError::NoMatch("-".into()));
    }
    if key == "latest" {
        return list.iter().max_by_key(|s| s.last_at).map(|s| s.id).ok_or_else(|| CliError::NoMatch(key.into()));
    }
    if key.len() < 4 {
        return Err(CliError::NoMatch(key.into()));
    }
    let hits: Vec<_> = list.iter().filter(|s| s.id.to_string().starts_with(key)).collect();
    match hits.as_slice() {
        [one] => Ok(one.id),
        [] => Err(CliError::NoMatch(key.into())),
        _ => Err(CliError::Ambiguous(key.into())),
    }
}

fn verify(store: &Store, meeting: Option<&str>) -> ExitCode {
    let fail = |code: u8, e: &dyn std::fmt::Display| {
        eprintln!("yishi: {e}");
        ExitCode::from(code)
    };
    let list = match store.list() {
        Ok(l) => l,
        Err(e) => return fail(EXIT_USAGE, &e),
    };
    let heads = store.list_heads();
    // Saying "intact" about nothing would pass a mistyped id or an empty folder as checked. (A
    // store with no meeting may still hold a roster: a damaged one is reported all the same.)
    if list.is_empty() {
        let damaged = if meeting.is_none() { store.verify_lists().unwrap_or_default() } else { Vec::new() };
        if !damaged.is_empty() {
            for b in damaged {
                println!("损坏 BROKEN  {b}");
            }
            return ExitCode::from(EXIT_BROKEN);
        }
        return fail(EXIT_NOTHING, &"记录库中没有会议，未作核对 / no meeting is recorded here: nothing verified");
    }
    let only = match meeting.map(|m| resolve(store, m)).transpose() {
        Ok(Some(id)) if !list.iter().any(|s| s.id == id) => return fail(EXIT_NOTHING, &CliError::NoMatch(id.to_string())),
        Ok(o) => o,
        Err(e @ CliError::NoMatch(_)) => return fail(EXIT_NOTHING, &e),
        Err(e) => return fail(EXIT_USAGE, &e),
    };
    // The roster's and the pool's logs are checked with the whole store, not with one meeting.
    let lists = match only {
        Some(_) => Ok(Vec::new()),
        None => store.verify_lists(),
    };
    match store.verify(only).and_then(|b| Ok((b, lists?))) {
        Ok((breaks, lists)) if breaks.is_empty() && lists.is_empty() => {
            for s in list.iter().filter(|s| only.is_none_or(|id| id == s.id)) {
                println!("完好 intact  {}  {} 个事件 events  指纹 fingerprint {}", s.id, s.events, s.head);
            }
            for (l, n, head) in heads.iter().filter(|(_, n, _)| only.is_none() && *n > 0) {
                println!("{}完好 {} intact  {n} 条 entries  指纹 fingerprint {head}", l.label_zh(), l.label_en());
            }
            ExitCode::SUCCESS
        }
        Ok((breaks, lists)) => {
            for b in breaks {
                println!("损坏 BROKEN  {b}");
            }
            for b in lists {
                println!("损坏 BROKEN  {b}");
            }
            ExitCode::from(EXIT_BROKEN)
        }
        Err(e) => {
            eprintln!("yishi: {e}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

fn roster(store: &Store, import: Option<&std::path::Path>) -> ExitCode {
    if let Some(file) = import {
        // Excel on a Chinese Windows saves "CSV" as GB18030: decoded as the app does.
        let text = match std::fs::read(file) {
            Ok(bytes) => yishi::roster::decode_csv(&bytes).0,
            Err(e) => {
                eprintln!("yishi: 无法读取 {} / cannot read {}: {e}", file.display(), file.display());
                return ExitCode::from(EXIT_USAGE);
            }
        };
        match yishi::roster::parse_csv(&text) {
            Ok(people) => {
                let cmd = yishi::community::CommunityCommand {
                    at: chrono::Local::now().fixed_offset(),
                    intent: yishi::community::CommunityIntent::ImportPeople { people: people.clone() },
                };
                if let Err(e) = store.record(&cmd) {
                    eprintln!("yishi: {e}");
                    return ExitCode::from(EXIT_USAGE);
                }
                println!("已导入 {} 人 / imported {} people", people.len(), people.len());
            }
            Err(rows) => {
                for r in rows {
                    eprintln!("{}\n{}", r.message_zh, r.message_en);
                }
                eprintln!("未导入任何人员 / nothing imported");
                return ExitCode::from(EXIT_INPUT);
            }
        }
        return ExitCode::SUCCESS;
    }
    match store.roster() {
        Ok(people) => {
            for p in people {
                let two = if p.two_committees { "两委" } else { "" };
                println!("{}\t{}\t{}\t{}", p.id, p.name, yishi::i18n::group_short(p.group, yishi::i18n::Locale::Zh), two);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("yishi: {e}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

fn demo(store: &Store) -> Result<(), CliError> {
    let now = chrono::Local::now().fixed_offset();
    let (sealed, upcoming) = store_demo(store, now)?;
    println!("演示社区已创建 / demo community installed");
    println!("已封存的示例会议 / sealed sample meeting: {sealed}");
    println!("待召开的会议 / upcoming meeting: {upcoming}");
    Ok(())
}

fn store_demo(store: &Store, now: yishi::Time) -> Result<(MeetingId, MeetingId), CliError> {
    yishi::demo::install(store, now).map_err(|e| match e {
        yishi::ApplyError::Store(s) => CliError::Store(s),
        // The demo script is fixed: a refusal here is a bug in the script.
        yishi::ApplyError::Refused(r) => CliError::Io(std::io::Error::other(r.message(yishi::i18n::Locale::En))),
    })
}
