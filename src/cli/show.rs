//! `yishi list`, `show`, `events`: reading the record.

use super::CliError;
use yishi::i18n::{self, Locale};
use yishi::ids::MeetingId;
use yishi::store::Store;

pub fn list(store: &Store, json: bool) -> Result<(), CliError> {
    let list = store.list()?;
    if json {
        println!("{}", serde_json::to_string_pretty(&list)?);
        return Ok(());
    }
    if list.is_empty() {
        println!("暂无会议。运行 `yishi demo` 创建演示社区。/ No meetings yet. Run `yishi demo` for the demo community.");
    }
    let now = chrono::Local::now().fixed_offset();
    for s in list {
        // R-PUBLISH: a sealed street meeting still unpublished on a channel after 3 days.
        let overdue = match store.publish_warning(&s, now)? {
            Some(w) if w.code == "publish_overdue" => format!("  公示逾期 / publication overdue（{}）", w.rule.id()),
            _ => String::new(),
        };
        println!(
            "{}  {}  {}  {}{}",
            s.id,
            s.scheduled_at.format("%Y-%m-%d %H:%M"),
            i18n::phase_label(s.phase, Locale::Zh),
            s.title,
            overdue
        );
    }
    Ok(())
}

pub fn show(store: &Store, id: MeetingId, json: bool) -> Result<(), CliError> {
    let snap = store.snapshot(id)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&snap)?);
        return Ok(());
    }
    let m = &snap.meeting;
    println!("会议编号 / id: {}", m.id);
    println!("状态 / phase: {}", i18n::phase_label(m.phase, Locale::Zh));
    if let Some(c) = m.closed_at {
        println!("结束时间 / closed: {}", c.format("%Y-%m-%d %H:%M"));
    }
    println!("记录指纹 / fingerprint: {}（{} 个事件 events）", snap.record.head, snap.record.events);
    println!();
    print!("{}", yishi::minutes::draft(m));
    if !m.signatures.is_empty() {
        println!();
        let signed = m.signatures.iter().filter(|s| matches!(s.confirmation, yishi::sign::Confirmation::Signed { .. }));
        let names: Vec<&str> = signed.map(|s| s.name.as_str()).collect();
        println!("签字 / signed ({}): {}", names.len(), names.join("、"));
        for s in &m.signatures {
            if let yishi::sign::Confirmation::Declined { reason } = &s.confirmation {
                println!("拒签 / declined: {}（{}）", s.name, reason);
            }
        }
        for w in &m.witnesses {
            println!("{}：{}", i18n::witness_label(w.kind, Locale::Zh), w.name);
        }
    }
    for a in &m.amendments {
        println!("更正 {} / amendment {} ({}，{}): {}", a.no, a.no, a.by, a.at.format("%Y-%m-%d %H:%M"), a.text);
    }
    for p in &m.publications {
        println!(
            "公示 / published: {}，{}（{}）",
            i18n::channel_label(p.channel, Locale::Zh),
            p.place,
            p.at.format("%Y-%m-%d %H:%M")
        );
    }
    // R-PUBLISH: the 3-day deadline of a street result, as of now.
    if let Some(w) = yishi::publish::warning(m, chrono::Local::now().fixed_offset()) {
        println!("注意：{}", w.message_zh);
        println!("Note: {}", w.message_en);
    }
    Ok(())
}

pub fn events(store: &Store, id: MeetingId) -> Result<(), CliError> {
    for e in store.events(id)? {
        println!("{}", serde_json::to_string(&e)?);
    }
    Ok(())
}
