//! `yishi search QUERY`: the archive's full-text search (`yishi::search`), one line per meeting
//! found — date, title, where it matched, the passage with each match in 【】 — or JSON. Exit 0
//! with hits, 5 when nothing matches, 3 for an empty query or a bad limit.

use super::{EXIT_INPUT, EXIT_NOTHING, EXIT_USAGE};
use std::process::ExitCode;
use yishi::search::{Archive, Opened, SearchError};
use yishi::Store;

/// No record in `dir` at all: nothing can match, and nothing is created.
pub fn no_record(dir: &std::path::Path) -> ExitCode {
    eprintln!("yishi: 数据目录 {0} 中没有会议记录，没有可搜索的内容 / no record in data folder {0}: nothing to search", dir.display());
    ExitCode::from(EXIT_NOTHING)
}

pub fn run(store: &Store, query: &str, limit: usize, json: bool) -> ExitCode {
    let fail = |code: u8, e: &dyn std::fmt::Display| {
        eprintln!("yishi: {e}");
        ExitCode::from(code)
    };
    let archive = match Archive::open(store) {
        Ok(a) => a,
        Err(e) => return fail(EXIT_USAGE, &e),
    };
    match archive.opened() {
        Opened::Kept => {}
        Opened::Created => eprintln!(
            "注意 / note: 已建立搜索索引，共 {0} 个会议 / built the search index of {0} meetings",
            archive.len()
        ),
        Opened::Rebuilt(why) => eprintln!(
            "注意 / note: 搜索索引无法使用，已重建（共 {0} 个会议） / the search index could not be used ({why}): rebuilt, {0} meetings",
            archive.len()
        ),
    }
    let hits = match archive.query(query, limit) {
        Ok(h) => h,
        Err(e @ (SearchError::EmptyQuery | SearchError::NothingToFind(_) | SearchError::Limit(_))) => {
            return fail(EXIT_INPUT, &e)
        }
        Err(e) => return fail(EXIT_USAGE, &e),
    };
    if json {
        match serde_json::to_string_pretty(&hits) {
            Ok(text) => println!("{text}"),
            Err(e) => return fail(EXIT_USAGE, &e),
        }
    } else {
        for h in &hits {
            let id = h.meeting.to_string();
            println!(
                "{}  {}  {}  [{} {}]  {}",
                h.scheduled_at.format("%Y-%m-%d"),
                &id[..8],
                h.title,
                h.field.label_zh(),
                h.field.label_en(),
                h.snippet_text("【", "】")
            );
        }
    }
    if hits.is_empty() {
        eprintln!("没有找到包含“{0}”的会议 / no meeting matches \"{0}\"", query.trim());
        return ExitCode::from(EXIT_NOTHING);
    }
    ExitCode::SUCCESS
}
