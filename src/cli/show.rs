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
        let mut overdue = match store.publish_warning(&s, now)? {
            Some(w) if w.code == "publish_overdue" => format!("  公示逾期 / publication overdue（{}）", w.rule.id()),
            _ => String::new(),
        };
        // R-IMPLEMENT: an action past its completion time or feedback deadline.
        if !yishi::implement::warnings_of(&s.implement, now).is_empty() {
            overdue.push_str("  落实逾期 / action overdue（R-IMPLEMENT）");
        }
        if let Some(o) = store.received(s.id) {
            overdue.push_str(&format!("  收自 / from {}", o.community));
        }
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
    // R-OBSERVE: who booked an observer seat (cancelled bookings say why).
    if !m.bookings.is_empty() {
        let list: Vec<String> = m
            .bookings
            .iter()
            .map(|b| {
                let how = if b.online { "线上" } else { "线下" };
                match &b.cancelled {
                    Some(c) => format!("{}（{how}，已取消：{}）", b.name, c.reason),
                    None => format!("{}（{how}）", b.name),
                }
            })
            .collect();
        println!("预约旁听 / observer bookings（{} 席）: {}", m.observer_seats, list.join("、"));
    }
    for a in &m.actions {
        print_action(m, a);
    }
    let now = chrono::Local::now().fixed_offset();
    // R-PUBLISH: the 3-day deadline of a street result; R-IMPLEMENT: actions overdue; as of now.
    let warnings = yishi::publish::warning(m, now).into_iter().chain(yishi::implement::warnings(m, now));
    for w in warnings {
        println!("注意：{}", w.message_zh);
        println!("Note: {}", w.message_en);
    }
    Ok(())
}

/// R-IMPLEMENT, R-EVALUATE: one action with its reports and evaluations.
fn print_action(m: &yishi::state::Meeting, a: &yishi::implement::ActionItem) {
    let date = |t: yishi::Time| t.format("%Y-%m-%d").to_string();
    let title = m.item(&a.item).map(|i| i.spec.title.as_str()).unwrap_or("");
    let department = if a.department.is_empty() { String::new() } else { format!("，{}", a.department) };
    println!(
        "落实 {} / action {}：{}——{}{}，完成时间 {}，反馈时限 {}；工作要求：{}",
        a.no,
        a.no,
        title,
        a.leader,
        department,
        date(a.due),
        date(a.feedback_by),
        a.requirements
    );
    for p in &a.progress {
        let done = if p.done { "（办结 / done）" } else { "" };
        println!("  进展 / progress {}：{}{}", p.at.format("%Y-%m-%d %H:%M"), p.note, done);
    }
    for e in &a.evaluations {
        let rect = e.rectification.as_deref().map(|r| format!("：{r}")).unwrap_or_default();
        println!(
            "  评议 / evaluation {}（{}）：{}{}",
            e.at.format("%Y-%m-%d %H:%M"),
            e.by,
            i18n::verdict_label(e.verdict, Locale::Zh),
            rect
        );
    }
}

/// R-TOPIC, R-30DAYS: the pool, one topic a line, urgent first, then its warning.
pub fn topics(store: &Store, json: bool) -> Result<(), CliError> {
    let pool = store.pool(chrono::Local::now().fixed_offset())?;
    if json {
        println!("{}", serde_json::to_string_pretty(&pool)?);
        return Ok(());
    }
    if pool.is_empty() {
        println!("议题池为空 / the topic pool is empty");
    }
    for e in &pool {
        let t = &e.topic;
        let urgent = if t.urgent { "【急】" } else { "" };
        let meetings: Vec<String> =
            e.meetings.iter().map(|m| format!("{} {}", m.scheduled_at.format("%Y-%m-%d"), m.title)).collect();
        let on = if meetings.is_empty() { String::new() } else { format!("：{}", meetings.join("；")) };
        println!(
            "{urgent}{}（{}，{}）— {}{on}",
            t.title,
            i18n::level_label(t.level, Locale::Zh),
            yishi::topic::source_label(t.source, Locale::Zh),
            yishi::topic::status_label(e.status, Locale::Zh),
        );
        if let Some(w) = &e.warning {
            println!("  注意：{}", w.message_zh);
        }
    }
    Ok(())
}

/// R-FREQ, R-OBSERVE: one line per form in use, its periods, then the warnings.
pub fn compliance(store: &Store, year: Option<i32>, json: bool) -> Result<(), CliError> {
    use chrono::Datelike;
    let now = chrono::Local::now().fixed_offset();
    let c = store.compliance(year.unwrap_or(now.year()), now)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&c)?);
        return Ok(());
    }
    print_compliance(&c, "");
    Ok(())
}

/// The street office's view (`compliance --all`): each community whose records are held, the
/// matters escalated to the street, the actions overdue across communities.
pub fn office(store: &Store, dir: &std::path::Path, year: Option<i32>, json: bool) -> Result<(), CliError> {
    use chrono::Datelike;
    let now = chrono::Local::now().fixed_offset();
    let own = yishi::community::profile::Profile::load(dir).ok().flatten().map(|p| p.community).filter(|c| !c.trim().is_empty());
    let own = own.unwrap_or_else(|| "本机记录 / this installation".to_string());
    let o = yishi::bundle::office::overview(store, year.unwrap_or(now.year()), now, &own)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&o)?);
        return Ok(());
    }
    for c in &o.communities {
        let from = if c.key_id.is_some() { "收到的记录 / received" } else { "本机 / own" };
        println!("【{}】（{from}，共 {} 次会议 meetings）", c.community, c.meetings);
        print_compliance(&c.compliance, "  ");
    }
    println!("上报街道的事项 / matters escalated to the street（R-ESCALATE）：{}", o.escalated.len());
    for e in &o.escalated {
        let warn = e.warning.as_ref().map(|w| format!("  注意：{}", w.message_zh)).unwrap_or_default();
        println!("  {}  {}  {}{warn}", e.topic.proposed_at.format("%Y-%m-%d"), e.topic.title, yishi::topic::status_label(e.status, Locale::Zh));
    }
    println!("逾期未办结的落实事项 / actions overdue（R-IMPLEMENT）：{}", o.overdue.len());
    for a in &o.overdue {
        println!("  {}  {}  “{}” 第 {} 项，应于 {} 完成", a.community, a.meeting, a.title, a.action, a.due.format("%Y-%m-%d"));
    }
    Ok(())
}

fn print_compliance(c: &yishi::compliance::Compliance, indent: &str) {
    use yishi::compliance::Every;
    println!("{indent}{}年 议事协商会议次数 / meetings held in {}（R-FREQ）", c.year, c.year);
    for f in c.forms.iter().filter(|f| f.in_use) {
        let every = match f.every {
            Every::Year => "每年至少1次",
            Every::HalfYear => "每半年至少1次",
            Every::Quarter => "每季度至少1次",
        };
        let periods: Vec<String> = f
            .periods
            .iter()
            .map(|p| {
                let mark = if p.held > 0 { "✓" } else if p.ended { "✗" } else { "…" };
                let name = match (f.every, p.no) {
                    (Every::Year, _) => "全年".to_string(),
                    (Every::HalfYear, 1) => "上半年".to_string(),
                    (Every::HalfYear, _) => "下半年".to_string(),
                    (Every::Quarter, n) => format!("第{n}季度"),
                };
                format!("{name} {} {mark}", p.held)
            })
            .collect();
        println!("{indent}  {}（{}）：共 {} 次；{}", i18n::form_label(f.form, Locale::Zh), every, f.held, periods.join("，"));
    }
    if c.forms.iter().all(|f| !f.in_use) {
        println!("{indent}  本机尚无有次数要求的会议形式 / no meeting of a form with a minimum yet");
    }
    if c.community {
        println!(
            "  提供预约旁听（≥{} 席）的社区会议 / community meetings offering observer seats: {} 次，应不少于 {} 次（R-OBSERVE）",
            yishi::compliance::OBSERVER_SEATS,
            c.observed,
            yishi::compliance::OBSERVED_MEETINGS
        );
    }
    for w in &c.warnings {
        println!("{indent}注意：{}", w.message_zh);
        println!("{indent}Note: {}", w.message_en);
    }
}

pub fn events(store: &Store, id: MeetingId) -> Result<(), CliError> {
    for e in store.events(id)? {
        println!("{}", serde_json::to_string(&e)?);
    }
    Ok(())
}
