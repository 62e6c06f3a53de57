//! `yishi apply`: intents from JSON Lines, one durable step per line.

use super::{EXIT_INPUT, EXIT_REFUSED, EXIT_USAGE};
use serde::Deserialize;
use std::io::{BufRead, Write};
use std::path::Path;
use std::process::ExitCode;
use yishi::community::{CommunityCommand, CommunityIntent};
use yishi::i18n::Locale;
use yishi::ids::{MeetingId, Time};
use yishi::intent::{Command, Intent};
use yishi::store::Store;
use yishi::ApplyError;

/// Longest line accepted: a signature PNG in base64 fits with room to spare.
const MAX_LINE: usize = 1024 * 1024;

/// One line of the file. `meeting` defaults to the meeting of the line before
/// (or a new id for `create_meeting`); `at` defaults to now.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    #[serde(default)]
    meeting: Option<MeetingId>,
    #[serde(default)]
    at: Option<Time>,
    intent: Intent,
}

/// A line for the roster or the topic pool (no `meeting`): `at` defaults to now.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CommunityLine {
    #[serde(default)]
    at: Option<Time>,
    intent: CommunityIntent,
}

fn input_error(line: usize, zh: &str, en: &str) -> ExitCode {
    eprintln!("第 {line} 行输入无效：{zh}\nline {line}: invalid input: {en}");
    ExitCode::from(EXIT_INPUT)
}

pub fn run(store: &Store, file: &Path, acks: bool, quiet: bool) -> ExitCode {
    let reader: Box<dyn BufRead> = if file.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        match std::fs::File::open(file) {
            Ok(f) => Box::new(std::io::BufReader::new(f)),
            Err(e) => {
                eprintln!("yishi: 无法读取 {} / cannot read {}: {e}", file.display(), file.display());
                return ExitCode::from(EXIT_USAGE);
            }
        }
    };
    let mut current: Option<MeetingId> = None;
    let mut last = None;
    let stdout = std::io::stdout();
    for (n, raw) in reader.split(b'\n').enumerate() {
        let line_no = n + 1;
        let raw = match raw {
            Ok(r) => r,
            Err(e) => return input_error(line_no, &format!("读取失败：{e}"), &format!("read failed: {e}")),
        };
        if raw.len() > MAX_LINE {
            return input_error(
                line_no,
                &format!("一行超过 {} KB", MAX_LINE / 1024),
                &format!("line longer than {} KB", MAX_LINE / 1024),
            );
        }
        let Ok(text) = std::str::from_utf8(&raw) else {
            return input_error(line_no, "不是 UTF-8 文本", "not UTF-8 text");
        };
        if text.trim().is_empty() {
            continue;
        }
        let line: Line = match serde_json::from_str(text) {
            Ok(l) => l,
            Err(e) => match serde_json::from_str::<CommunityLine>(text) {
                Ok(c) => {
                    let cmd = CommunityCommand { at: c.at.unwrap_or_else(|| chrono::Local::now().fixed_offset()), intent: c.intent };
                    match store.record(&cmd) {
                        Ok(()) if acks => {
                            let mut out = stdout.lock();
                            let _ = writeln!(out, "ack {line_no} {}", cmd.intent.list().name());
                            let _ = out.flush();
                        }
                        Ok(()) => {}
                        Err(e) => return refused(line_no, e),
                    }
                    continue;
                }
                Err(_) => return input_error(line_no, &format!("JSON 格式或字段错误：{e}"), &format!("bad JSON or fields: {e}")),
            },
        };
        let meeting = match (line.meeting, &line.intent, current) {
            (Some(m), _, _) => m,
            (None, Intent::CreateMeeting(_), _) => MeetingId::new_random(),
            (None, _, Some(m)) => m,
            (None, _, None) => {
                return input_error(line_no, "缺少 meeting（会议编号）字段", "no \"meeting\" given and no earlier line names one")
            }
        };
        current = Some(meeting);
        let at = line.at.unwrap_or_else(|| chrono::Local::now().fixed_offset());
        let cmd = Command { meeting, at, intent: line.intent };
        match store.apply(&cmd) {
            Ok(snapshot) => {
                if acks {
                    let mut out = stdout.lock();
                    let _ = writeln!(out, "ack {line_no} {meeting} {}", snapshot.record.events);
                    let _ = out.flush();
                }
                last = Some(snapshot);
            }
            Err(e) => return refused(line_no, e),
        }
    }
    if !quiet {
        if let Some(s) = last {
            match serde_json::to_string_pretty(&s) {
                Ok(j) => println!("{j}"),
                Err(e) => {
                    eprintln!("yishi: {e}");
                    return ExitCode::from(EXIT_USAGE);
                }
            }
        }
    }
    ExitCode::SUCCESS
}

fn refused(line_no: usize, e: ApplyError) -> ExitCode {
    match e {
        ApplyError::Refused(r) => {
            let rule = r.rule().map(|x| x.id()).unwrap_or("-");
            eprintln!(
                "第 {line_no} 行被拒绝 / line {line_no} refused: {} {rule}\n{}\n{}",
                r.code(),
                r.message(Locale::Zh),
                r.message(Locale::En)
            );
            ExitCode::from(EXIT_REFUSED)
        }
        ApplyError::Store(e) => {
            eprintln!("第 {line_no} 行 / line {line_no}: {e}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}
