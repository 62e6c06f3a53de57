//! Keeping the record safe: `doctor` (what is damaged, and its repair), `backup` and `restore`.

use super::{EXIT_BROKEN, EXIT_NOTHING, EXIT_USAGE};
use std::path::Path;
use std::process::ExitCode;
use yishi::store::backup::{self, KEEP};
use yishi::store::Store;

fn fail(code: u8, e: &dyn std::fmt::Display) -> ExitCode {
    eprintln!("yishi: {e}");
    ExitCode::from(code)
}

/// A progress line on stderr, rewritten in place on a terminal.
fn progress(what: &'static str) -> impl Fn(usize, usize) {
    move |done, total| {
        if done == total || done % 50 == 0 {
            eprint!("\r{what} {done}/{total}");
            if done == total {
                eprintln!();
            }
        }
    }
}

/// Lists what the store did on its own and what is damaged; with `repair`, repairs it.
pub fn doctor(store: &Store, repair: bool, from: Option<&Path>, json: bool) -> ExitCode {
    let from = match from.map(backup::resolve).transpose() {
        Ok(f) => f,
        Err(e) => return fail(EXIT_USAGE, &e),
    };
    let found = match store.examine() {
        Ok(f) => f,
        Err(e) => return fail(EXIT_USAGE, &e),
    };
    let repairs = if repair && !found.is_empty() {
        match store.repair(from.as_deref()) {
            Ok(r) => r,
            Err(e) => return fail(EXIT_USAGE, &e),
        }
    } else {
        Vec::new()
    };
    let list_breaks = store.list_breaks();
    if repair && found.is_empty() && !list_breaks.is_empty() {
        // Only the roster or the pool is damaged (`repair` does them too); what was done shows
        // below as notices.
        if let Err(e) = store.repair_lists(from.as_deref()) {
            return fail(EXIT_USAGE, &e);
        }
    }
    let notices = store.notices();
    let lists_left = store.list_breaks();
    let left = if repair { store.examine().unwrap_or(found.clone()) } else { found.clone() };
    if json {
        let out = serde_json::json!({ "notices": notices, "found": found, "repairs": repairs, "damaged": left, "lists_damaged": lists_left });
        println!("{out}");
    } else {
        for n in &notices {
            println!("已处理 DONE     {n}");
        }
        for b in &found {
            println!("损坏 DAMAGED    {b}");
        }
        for b in &list_breaks {
            println!("损坏 DAMAGED    {b}");
        }
        for r in &repairs {
            println!("修复 REPAIRED   {r}");
        }
        if found.is_empty() && list_breaks.is_empty() {
            println!("完好 intact     {} 个会议，两份副本均已核对 / {} meetings, both copies checked", count(store), count(store));
        } else if !repair {
            println!("运行 yishi doctor --repair [--from 备份目录] 以修复 / run yishi doctor --repair [--from BACKUP] to repair");
        }
    }
    let lost = notices.iter().any(|n| matches!(n, yishi::store::Notice::ListRepaired { lost_from: Some(_), .. }));
    if left.is_empty() && lists_left.is_empty() && !lost && repairs.iter().all(|r| r.missing == 0) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_BROKEN)
    }
}

fn count(store: &Store) -> usize {
    store.list().map(|l| l.len()).unwrap_or(0)
}

pub fn backup_to(store: &Store, to: &Path, keep: Option<usize>) -> ExitCode {
    match store.backup(to, keep.unwrap_or(KEEP), chrono::Utc::now(), &progress("备份 backup")) {
        Ok(b) => {
            println!(
                "已备份 backed up  {} 个会议 meetings, {} 字节 bytes → {}",
                b.meetings,
                b.bytes,
                b.path.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(EXIT_USAGE, &e),
    }
}

/// Checks a backup on its own (no store needed).
pub fn check(path: &Path) -> ExitCode {
    let dir = match backup::resolve(path) {
        Ok(d) => d,
        Err(e) => return fail(EXIT_NOTHING, &e),
    };
    match backup::check(&dir) {
        Ok(problems) if problems.is_empty() => {
            let m = backup::manifest(&dir).map(|m| m.meetings.len()).unwrap_or(0);
            println!("完好 intact  {}：{m} 个会议均已核对 / {m} meetings verified", dir.display());
            ExitCode::SUCCESS
        }
        Ok(problems) => {
            for p in problems {
                println!("损坏 BROKEN  {p}");
            }
            ExitCode::from(EXIT_BROKEN)
        }
        Err(e) => fail(EXIT_NOTHING, &e),
    }
}

/// Restores from a backup into the data folder: meetings it lacks are copied in, damaged ones
/// repaired from the backup; nothing the folder holds is overwritten.
pub fn restore(data_dir: &Path, from: &Path) -> ExitCode {
    let dir = match backup::resolve(from) {
        Ok(d) => d,
        Err(e) => return fail(EXIT_NOTHING, &e),
    };
    match backup::check(&dir) {
        Ok(problems) => problems.iter().for_each(|p| eprintln!("警告 warning: 备份中 in the backup: {p}")),
        Err(e) => return fail(EXIT_NOTHING, &e),
    }
    // Into an existing store through the store (it knows which meetings it has); into an empty
    // folder by copying the journals in, which the store then reads when it opens.
    let existed = Store::exists(data_dir);
    let mut restored = None;
    if !existed {
        match backup::restore_into(&dir, data_dir, &Default::default(), &progress("恢复 restore")) {
            Ok(r) => restored = Some(r),
            Err(e) => return fail(EXIT_USAGE, &e),
        }
    }
    let store = match Store::open(data_dir) {
        Ok(s) => s,
        Err(e) => return fail(EXIT_USAGE, &e),
    };
    let (restored, repairs) = match restored {
        Some(r) => (r, Vec::new()),
        None => match store.restore(&dir, &progress("恢复 restore")) {
            Ok(x) => x,
            Err(e) => return fail(EXIT_USAGE, &e),
        },
    };
    println!("已恢复 restored  {} 个会议 meetings from {}", restored.added.len(), dir.display());
    for r in &repairs {
        println!("修复 REPAIRED   {r}");
    }
    match store.examine() {
        Ok(left) if left.is_empty() && repairs.iter().all(|r| r.missing == 0) => ExitCode::SUCCESS,
        Ok(left) => {
            for b in left {
                println!("损坏 DAMAGED    {b}");
            }
            ExitCode::from(EXIT_BROKEN)
        }
        Err(e) => fail(EXIT_USAGE, &e),
    }
}
