//! 公示 (R-PUBLISH): the results in large type for the notice board, A4 or A3 — resolutions,
//! vote results with the rule applied, meeting and publication dates, the issuing body, the
//! fingerprint and the QR code; and the same results as Markdown for online posting.

use super::catalog::{t, Locale, L};
use super::layout::{Doc, Paper, Style};
use super::minutes::tally_line;
use super::{cn_num, day, furniture, seal_block, Body, ExportError, Options, Result, Seal, Source};
use crate::agenda::{AgendaItem, ItemStatus};
use crate::implement::ActionItem;
use crate::i18n;
use crate::sign::Channel;
use crate::state::{Meeting, Snapshot};

/// The result lines of one item: (label, text). A resolution being carried out says who
/// implements it and by when (R-IMPLEMENT: community results publish 期限、形式, 六.(二).8).
fn results(m: &Meeting, item: &AgendaItem, loc: Locale) -> Vec<(String, String)> {
    let mut out = Vec::new();
    match item.status {
        ItemStatus::Voted => {
            if let Some(v) = &item.vote {
                out.push((t(L::Motion, loc).to_string(), v.motion.clone()));
                out.push((t(L::VoteMode, loc).to_string(), i18n::mode_label(v.mode, loc).to_string()));
                if let (Some(tally), Some(o)) = (v.tally, v.outcome) {
                    out.push((t(L::Tally, loc).to_string(), tally_line(&tally, o.present, o.not_voting, loc)));
                    out.push((t(L::Result, loc).to_string(), i18n::outcome_text(&o, loc)));
                }
            }
        }
        ItemStatus::Consensus => {
            out.push((t(L::Consensus, loc).to_string(), item.resolution.clone().unwrap_or_default()));
        }
        ItemStatus::Deferred => {
            out.push((t(L::Deferred, loc).to_string(), item.deferral_reason.clone().unwrap_or_default()));
        }
        ItemStatus::Pending | ItemStatus::Open => {
            out.push((t(L::Result, loc).to_string(), i18n::item_status_label(item.status, loc).to_string()));
        }
    }
    if let Some(r) = &item.redo_reason {
        out.push((t(L::Redo, loc).to_string(), r.clone()));
    }
    for a in m.actions.iter().filter(|a| a.item == item.spec.id) {
        out.push((t(L::Implementation, loc).to_string(), arrangement(a, loc)));
    }
    out
}

/// "王建国（街道城市建设办公室）负责，2027年5月30日前完成：…"
fn arrangement(a: &ActionItem, loc: Locale) -> String {
    let who = if a.department.is_empty() { a.leader.clone() } else { format!("{}（{}）", a.leader, a.department) };
    match loc {
        Locale::Zh => format!("{who}负责，{}前完成：{}", day(&a.due, loc), a.requirements),
        Locale::En => format!("{who}, by {}: {}", day(&a.due, loc), a.requirements),
    }
}

fn published_on(m: &Meeting, loc: Locale) -> Option<String> {
    m.publications
        .iter()
        .filter(|p| p.channel == Channel::NoticeBoard)
        .chain(m.publications.iter())
        .next()
        .map(|p| day(&p.at, loc))
}

fn intro(m: &Meeting, loc: Locale) -> String {
    let start = m.opened_at.as_ref().unwrap_or(&m.scheduled_at);
    let form = i18n::form_label(m.form, loc);
    match loc {
        Locale::Zh => format!("{}，在{}{}", day(start, loc), m.place, t(L::PosterIntro, loc).replace("{form}", form)),
        Locale::En => format!("On {} at {}, {}", day(start, loc), m.place, t(L::PosterIntro, loc).replace("{form}", form)),
    }
}

/// Type scales tried in turn until the poster fits one sheet: a notice board takes one page.
const FIT: [f32; 5] = [1.0, 0.93, 0.86, 0.8, 0.74];

pub(super) fn build(src: &Source, seal: &Seal, opts: &Options) -> Result<Body> {
    let m = &src.snap.meeting;
    if !m.is_sealed() && !opts.draft {
        return Err(ExportError::NotSealed);
    }
    let mut body = build_at(src, seal, opts, FIT[0])?;
    for fit in &FIT[1..] {
        if body.pages.len() <= 1 {
            break;
        }
        body = build_at(src, seal, opts, *fit)?;
    }
    Ok(body)
}

fn build_at(src: &Source, seal: &Seal, opts: &Options, fit: f32) -> Result<Body> {
    let m = &src.snap.meeting;
    let loc = opts.locale;
    let draft = !m.is_sealed();
    let paper = if opts.paper == Paper::A3 { 1.41 } else { 1.0 };
    let k = paper * fit;
    let mut doc = Doc::new(opts.paper, [18.0 * paper, 20.0 * paper, 14.0 * paper, 20.0 * paper]);
    doc.place("标题 / title");
    doc.paragraph(t(L::Poster, loc), &Style::body(32.0 * k).bold().center().after(4.0 * k))?;
    doc.paragraph(&m.title, &Style::body(16.0 * k).bold().center().after(8.0 * k))?;
    doc.place("导语 / introduction");
    doc.paragraph(&intro(m, loc), &Style::body(13.0 * k).indent(2.0).after(6.0 * k))?;
    for (n, item) in m.agenda.iter().enumerate() {
        doc.place(format!("议题{} / item {}", n + 1, n + 1));
        let head = match loc {
            Locale::Zh => format!("{}、{}", cn_num(n + 1), item.spec.title),
            Locale::En => format!("{}. {}", n + 1, item.spec.title),
        };
        doc.heading(&head, &Style::body(14.0 * k).bold().after(3.0 * k), 60.0 * k)?;
        doc.key_values(&results(m, item, loc), 30.0 * k, 12.0 * k)?;
        doc.space(2.0 * k);
    }
    let start = m.opened_at.as_ref().unwrap_or(&m.scheduled_at);
    let blank = if loc == Locale::Zh { "________年____月____日" } else { "____________" };
    let issuer = opts.issuer.clone().unwrap_or_else(|| "______________________".to_string());
    let rows = vec![
        (t(L::MeetingDate, loc).to_string(), day(start, loc)),
        (t(L::PublishedOn, loc).to_string(), published_on(m, loc).unwrap_or_else(|| blank.to_string())),
        (format!("{}{}", t(L::IssuedBy, loc), t(L::StampHere, loc)), issuer),
    ];
    doc.place("落款 / issuer");
    doc.space(4.0 * k);
    doc.key_values(&rows, 40.0 * k, 12.0 * k)?;
    doc.space(2.0 * k);
    doc.rule(0.5, 0.6);
    seal_block(&mut doc, seal, loc, 8.0 * k, 30.0 * k)?;
    let title = format!("{} · {}", m.title, t(L::Poster, loc).replace('　', ""));
    let (pages, rasters) = doc.finish(&furniture(&title, seal, loc, draft))?;
    Ok(Body { title, pages, rasters })
}

/// The same results as Markdown, for WeChat groups and websites.
pub(super) fn markdown(snap: &Snapshot, seal: &Seal, opts: &Options) -> Result<String> {
    let m = &snap.meeting;
    let loc = opts.locale;
    if !m.is_sealed() && !opts.draft {
        return Err(ExportError::NotSealed);
    }
    let sep = if loc == Locale::Zh { "：" } else { ": " };
    let mut s = String::new();
    let draft = if m.is_sealed() { "" } else { t(L::DraftSuffix, loc) };
    s.push_str(&format!("# {}{sep}{}{draft}\n\n", t(L::Poster, loc).replace('　', ""), m.title));
    s.push_str(&intro(m, loc));
    s.push_str("\n\n");
    for (n, item) in m.agenda.iter().enumerate() {
        let head = match loc {
            Locale::Zh => format!("## {}、{}\n\n", cn_num(n + 1), item.spec.title),
            Locale::En => format!("## {}. {}\n\n", n + 1, item.spec.title),
        };
        s.push_str(&head);
        for (label, text) in results(m, item, loc) {
            s.push_str(&format!("- **{label}**{sep}{text}\n"));
        }
        s.push('\n');
    }
    let start = m.opened_at.as_ref().unwrap_or(&m.scheduled_at);
    s.push_str(&format!("{}{sep}{}  \n", t(L::MeetingDate, loc), day(start, loc)));
    if let Some(p) = published_on(m, loc) {
        s.push_str(&format!("{}{sep}{p}  \n", t(L::PublishedOn, loc)));
    }
    if let Some(i) = &opts.issuer {
        s.push_str(&format!("{}{sep}{i}  \n", t(L::IssuedBy, loc)));
    }
    s.push_str(&format!("\n---\n{}{sep}`{}`  \n", t(L::Fingerprint, loc), seal.chain_head));
    s.push_str(&format!("{}{sep}`{}`  \n", t(L::Verification, loc), seal));
    Ok(s)
}
