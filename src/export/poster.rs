//! 公示 (R-PUBLISH): the results in large type for the notice board, A4 or A3 — resolutions,
//! vote results with the rule applied, who carries each out, by when and when progress is
//! reported back (R-IMPLEMENT), corrections made after the seal, meeting and publication dates,
//! the issuing body, the fingerprint and a QR code a phone reads; and the same results as
//! Markdown for online posting. A draft says so in its title, and a meeting not yet held
//! announces no results.
//!
//! A notice board is read standing, from 1.5–2 m: each item's result comes first, in bold at
//! least 28 pt on A4 (40 pt on A3), the rest at least 16 pt (22 pt on A3). What does not fit on
//! one sheet at those sizes continues on another; the type then grows as far as the sheets it
//! takes allow, and what is left of the last one goes between its items.

use super::catalog::{t, Locale, L};
use super::layout::{Doc, Paper, Style};
use super::linebreak::keep;
use super::{cn_num, day, furniture, Body, ExportError, Options, Result, Seal, Source};
use crate::agenda::{AgendaItem, ItemStatus};
use crate::i18n;
use crate::implement::ActionItem;
use crate::sign::Channel;
use crate::state::{Meeting, Phase, Snapshot};
use crate::vote::Outcome;

/// The smallest sizes a poster sets, in pt: the results and the body text, per paper.
pub const MIN_RESULT_A4: f32 = 28.0;
pub const MIN_BODY_A4: f32 = 16.0;
pub const MIN_RESULT_A3: f32 = 40.0;
pub const MIN_BODY_A3: f32 = 22.0;

/// Type sizes of one layout of the poster, in pt.
#[derive(Clone, Copy, Debug)]
struct Sizes {
    title: f32,
    subtitle: f32,
    heading: f32,
    result: f32,
    body: f32,
}

impl Sizes {
    /// The sizes at scale `k` ≥ 1 (1: the minimums).
    fn at(paper: Paper, k: f32) -> Sizes {
        let s = match paper {
            Paper::A4 => Sizes { title: 32.0, subtitle: 20.0, heading: 19.0, result: MIN_RESULT_A4, body: MIN_BODY_A4 },
            Paper::A3 => Sizes { title: 45.0, subtitle: 28.0, heading: 26.0, result: MIN_RESULT_A3, body: MIN_BODY_A3 },
        };
        Sizes { title: s.title * k, subtitle: s.subtitle * k, heading: s.heading * k, result: s.result * k, body: s.body * k }
    }
}

/// The smallest module of the QR code on A4, in mm (the quiet zone is 4 modules a side).
const QR_MODULE_MM: f32 = 0.27;

/// Line height of the lines under a result, as a multiple of the body size.
const ROW_LEADING: f32 = 1.4;

/// How far the type may grow to fill the sheet: scales 1 + i/50 for i in 0..=GROW_STEPS.
const GROW_STEPS: u32 = 40;

/// What an item came to, in the words a resident reads first: the big word and what goes beside
/// it in body size.
enum Lead {
    /// "通过" / "未通过" with the tally beside it.
    Word(String, String),
    /// Agreed by consensus: the resolution itself, in the result's size.
    Statement(String),
}

fn capitalised(s: &str, loc: Locale) -> String {
    match loc {
        Locale::Zh => s.to_string(),
        Locale::En => {
            let mut c = s.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
        }
    }
}

/// What goes beside the result: "同意 15 票，反对 3 票，弃权 2 票，未投票 1 人", then on a line of
/// its own "到会成员 21 人，至少需 11 票同意，未投票按不同意计".
fn tally_text(tally: &crate::vote::Tally, o: &Outcome, loc: Locale) -> String {
    match loc {
        Locale::Zh => {
            let mut s = format!("同意 {} 票，反对 {} 票，弃权 {} 票", tally.yes, tally.no, tally.abstain);
            if o.not_voting > 0 {
                s.push_str(&format!("，未投票 {} 人", o.not_voting));
            }
            s.push_str(&format!("\n到会成员 {} 人，至少需 {} 票同意", o.present, o.required_yes));
            if o.not_voting > 0 {
                s.push_str("，未投票按不同意计");
            }
            s
        }
        Locale::En => {
            let mut s = format!("{} yes, {} no, {} abstain", tally.yes, tally.no, tally.abstain);
            if o.not_voting > 0 {
                s.push_str(&format!(", {} did not vote", o.not_voting));
            }
            s.push_str(&format!("\n{} members present, {} yes votes needed", o.present, o.required_yes));
            if o.not_voting > 0 {
                s.push_str("; not voting counts against");
            }
            s
        }
    }
}

/// How it was voted and the rule applied: "记名表决，依“到会成员半数以上（含半数）通过”规则".
/// A vote with exactly half in favour, where the rules differ, gets the core's whole explanation.
fn how_voted(mode: crate::vote::VoteMode, o: &Outcome, loc: Locale) -> String {
    let mode = i18n::mode_label(mode, loc);
    if o.exact_half {
        return match loc {
            Locale::Zh => format!("{mode}。{}", rule_text(o, loc)),
            Locale::En => format!("{}. {}", capitalised(mode, loc), rule_text(o, loc)),
        };
    }
    let rule = i18n::rule_label(o.rule, loc);
    match loc {
        Locale::Zh => format!("{mode}，依“{rule}”规则"),
        Locale::En => format!("{}; rule: {rule}", capitalised(mode, loc)),
    }
}

/// The rule applied, without the result (printed large above it): the core's explanation of
/// the outcome with its closing "结果：通过。" taken out.
fn rule_text(o: &Outcome, loc: Locale) -> String {
    let text = i18n::outcome_text(o, loc);
    let word = t(if o.passed { L::ResultPassed } else { L::ResultFailed }, loc);
    match loc {
        Locale::Zh => text.replace(&format!("；结果：{word}。"), "。"),
        Locale::En => text.replace(&format!(" Result: {word}."), ""),
    }
}

fn lead(item: &AgendaItem, loc: Locale) -> Lead {
    let status = || capitalised(i18n::item_status_label(item.status, loc), loc);
    match item.status {
        ItemStatus::Voted => match item.vote.as_ref().and_then(|v| v.tally.zip(v.outcome)) {
            Some((tally, o)) => {
                let word = t(if o.passed { L::ResultPassed } else { L::ResultFailed }, loc);
                Lead::Word(capitalised(word, loc), tally_text(&tally, &o, loc))
            }
            None => Lead::Word(status(), String::new()),
        },
        ItemStatus::Consensus => {
            let sep = if loc == Locale::Zh { "：" } else { ": " };
            let label = capitalised(t(L::Consensus, loc), loc);
            match item.resolution.as_deref().filter(|r| !r.trim().is_empty()) {
                Some(r) => Lead::Statement(format!("{label}{sep}{r}")),
                None => Lead::Statement(label),
            }
        }
        ItemStatus::Deferred => {
            Lead::Word(capitalised(t(L::Deferred, loc), loc), item.deferral_reason.clone().unwrap_or_default())
        }
        ItemStatus::Pending | ItemStatus::Open => Lead::Word(status(), String::new()),
    }
}

/// The lines under an item's result, in body size: (label, text). A resolution being carried
/// out says who implements it, by when, and when progress is reported back (R-IMPLEMENT:
/// community results publish 期限、形式 and feedback, 六.(二).8): on the sheet (`sheet`) the
/// feedback deadline goes inside the implementation line, the online text gives it a line.
fn rows(m: &Meeting, item: &AgendaItem, loc: Locale, sheet: bool) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(v) = item.vote.as_ref().filter(|_| item.status == ItemStatus::Voted) {
        out.push((t(L::Motion, loc).to_string(), v.motion.clone()));
        let how = match v.outcome {
            Some(o) => how_voted(v.mode, &o, loc),
            None => capitalised(i18n::mode_label(v.mode, loc), loc),
        };
        out.push((t(L::VoteMode, loc).to_string(), how));
    }
    if let Some(r) = &item.redo_reason {
        // "择机再次协商" in the text; a label as short as the others on the sheet
        out.push((t(if sheet { L::RedoShort } else { L::Redo }, loc).to_string(), r.clone()));
    }
    for a in m.actions.iter().filter(|a| a.item == item.spec.id) {
        if sheet {
            out.push((t(L::Implementation, loc).to_string(), arrangement_with_feedback(a, loc)));
        } else {
            out.push((t(L::Implementation, loc).to_string(), arrangement(a, loc)));
            out.push((t(L::FeedbackBy, loc).to_string(), feedback(a, loc)));
        }
    }
    out
}

/// "王建国（街道城市建设办公室）"
fn who(leader: &str, a: &ActionItem) -> String {
    if a.department.is_empty() { leader.to_string() } else { format!("{leader}（{}）", a.department) }
}

/// "王建国（街道城市建设办公室）负责，2027年5月30日前完成：…"
fn arrangement(a: &ActionItem, loc: Locale) -> String {
    let who = who(&a.leader, a);
    match loc {
        Locale::Zh => format!("{who}负责，{}前完成：{}", day(&a.due, loc), a.requirements),
        Locale::En => format!("{who}, by {}: {}", day(&a.due, loc), a.requirements),
    }
}

/// "王建国（街道城市建设办公室）负责，2027年5月30日前完成（反馈时限：2027年5月10日）：…",
/// the name never split across lines.
fn arrangement_with_feedback(a: &ActionItem, loc: Locale) -> String {
    let who = who(&keep(&a.leader), a);
    let (due, fb) = (day(&a.due, loc), day(&a.feedback_by, loc));
    match loc {
        Locale::Zh => format!("{who}负责，{due}前完成（{}：{fb}）：{}", t(L::FeedbackBy, loc), a.requirements),
        Locale::En => format!("{who}, by {due} ({} {fb}): {}", t(L::FeedbackBy, loc).to_lowercase(), a.requirements),
    }
}

/// "2027年5月10日前反馈落实进展" (反馈时限, R-IMPLEMENT)
fn feedback(a: &ActionItem, loc: Locale) -> String {
    t(L::FeedbackLine, loc).replace("{date}", &day(&a.feedback_by, loc))
}

/// The line saying the record was corrected after sealing, and where the corrections are.
fn amended(m: &Meeting, loc: Locale) -> Option<String> {
    (!m.amendments.is_empty()).then(|| t(L::AmendedText, loc).replace("{n}", &m.amendments.len().to_string()))
}

fn published_on(m: &Meeting, loc: Locale) -> Option<String> {
    m.publications
        .iter()
        .filter(|p| p.channel == Channel::NoticeBoard)
        .chain(m.publications.iter())
        .next()
        .map(|p| day(&p.at, loc))
}

/// The form as residents know it: 居民议事会 or 村民议事会, not the guideline's 居（村）民议事会.
fn form_name(m: &Meeting, opts: &Options) -> &'static str {
    i18n::form_label_at(m.form, super::locality::of(m, opts.issuer.as_deref()), opts.locale)
}

/// Whether the meeting took anything up: not when it is still being prepared, nor when it was
/// adjourned for lack of a quorum before any item came to a result.
fn held(m: &Meeting) -> bool {
    if m.phase == Phase::Setup || m.opened_at.is_none() {
        return false;
    }
    if m.adjourned.is_none() {
        return true;
    }
    m.agenda.iter().any(|i| match i.status {
        ItemStatus::Voted | ItemStatus::Consensus => true,
        ItemStatus::Deferred => i.deferral_reason.as_deref() != Some(i18n::ADJOURNED_REASON_ZH),
        ItemStatus::Pending | ItemStatus::Open => false,
    })
}

fn intro(m: &Meeting, opts: &Options) -> String {
    let loc = opts.locale;
    let start = m.opened_at.as_ref().unwrap_or(&m.scheduled_at);
    let form = form_name(m, opts);
    let draft = !m.is_sealed();
    let fill = |l: L| {
        t(l, loc).replace("{form}", form).replace("{date}", &day(start, loc)).replace("{place}", &m.place)
    };
    if m.phase == Phase::Setup || m.opened_at.is_none() {
        return fill(L::PosterIntroScheduled);
    }
    if !held(m) {
        let note = if draft { t(L::DraftNote, loc) } else { "" };
        return format!("{note}{}", fill(L::PosterIntroAdjourned));
    }
    let tail = fill(if draft { L::PosterIntroDraft } else { L::PosterIntro });
    match loc {
        Locale::Zh => format!("{}，在{}{tail}", day(start, loc), m.place),
        Locale::En => format!("On {} at {}, {tail}", day(start, loc), m.place),
    }
}

/// "公示" or "公示（草稿）": a draft says so in its title, not only in a watermark.
fn heading(m: &Meeting, loc: Locale) -> String {
    if m.is_sealed() { t(L::Poster, loc).to_string() } else { t(L::PosterDraft, loc).to_string() }
}

pub(super) fn build(src: &Source, seal: &Seal, opts: &Options) -> Result<Body> {
    let m = &src.snap.meeting;
    if !m.is_sealed() && !opts.draft {
        return Err(ExportError::NotSealed);
    }
    let qr = Qr::of(m, seal, opts, margins(opts.paper))?;
    // At the smallest sizes the content takes `sheets` pages; the type then grows as far as it
    // can without taking another page (a bisection on the scale) ...
    let first = build_at(src, seal, opts, &qr, 1.0, 0.0, 0)?;
    let sheets = first.body.pages.len();
    let scale = |i: u32| 1.0 + i as f32 / 50.0;
    let (mut lo, mut hi) = (0u32, GROW_STEPS + 1);
    let mut best = first;
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        let b = build_at(src, seal, opts, &qr, scale(mid), 0.0, 0)?;
        if b.body.pages.len() <= sheets {
            lo = mid;
            best = b;
        } else {
            hi = mid;
        }
    }
    // ... and what is left of the last sheet goes between the items on it, so that the issuer's
    // lines and the verification block close the sheet at its foot.
    if best.last_items > 0 && best.room > 0.0 {
        let body = Sizes::at(opts.paper, scale(lo)).body;
        let spread = (best.room * 0.95 / best.last_items as f32).min(body * 3.0);
        let spread_out = build_at(src, seal, opts, &qr, scale(lo), spread, best.body.pages.len())?;
        if spread_out.body.pages.len() == best.body.pages.len() {
            best = spread_out;
        }
    }
    Ok(best.body)
}

/// Top, right, bottom and left margins, in mm: narrow, for the type to be large.
fn margins(paper: Paper) -> [f32; 4] {
    let k = if paper == Paper::A3 { 1.41 } else { 1.0 };
    [10.0 * k, 15.0 * k, 8.0 * k, 15.0 * k]
}

/// A poster laid out, with what is left of its last sheet.
struct Laid {
    body: Body,
    /// Room left at the foot of the last sheet, in pt.
    room: f32,
    /// Items that start on the last sheet.
    last_items: usize,
}

/// The poster with its type at `k` times the minimum sizes and `spread` pt more space after each
/// item that starts on sheet `last_page` (the last one of the layout without that space, which
/// the space moves to no other sheet).
fn build_at(src: &Source, seal: &Seal, opts: &Options, qr: &Qr, k: f32, spread: f32, last_page: usize) -> Result<Laid> {
    let m = &src.snap.meeting;
    let loc = opts.locale;
    let draft = !m.is_sealed();
    let s = Sizes::at(opts.paper, k);
    let margins = margins(opts.paper);
    let mut doc = Doc::new(opts.paper, margins);
    let sheet = Doc::new(opts.paper, margins).room();
    doc.place("标题 / title");
    let poster = heading(m, loc);
    doc.paragraph(&poster, &Style::body(s.title).bold().center().leading(1.2).after(0.0))?;
    doc.paragraph(&m.title, &Style::body(s.subtitle).bold().center().leading(1.25).after(s.body * 0.3))?;
    doc.place("导语 / introduction");
    doc.paragraph(&intro(m, opts), &Style::body(s.body).indent(2.0).leading(1.45).after(s.body * 0.35))?;
    // one label column for the whole sheet, as wide as its longest label
    let fonts = crate::font::fonts();
    let label_mm = m
        .agenda
        .iter()
        .flat_map(|item| rows(m, item, loc, true))
        .map(|(label, _)| label)
        .chain(amended(m, loc).map(|_| t(L::Amended, loc).to_string()))
        .map(|label| (fonts.width(&label, s.body) + s.body * 0.8) / super::layout::MM)
        .fold(0.0f32, f32::max);
    let sh = Sheet { m, opts, s, margins, label_mm };
    let mut starts = Vec::with_capacity(m.agenda.len());
    for (n, item) in m.agenda.iter().enumerate() {
        // Heights measured on a scratch sheet: the whole item, and its head (heading, result,
        // first line under it), which never splits. An item that does not fit in the room left
        // moves to the next sheet when less than a fifth of this one would stay empty;
        // otherwise it continues on the next, line by line.
        let measure = |part: Part| sh.height(|d| item_block(d, &sh, item, n, part));
        match (measure(Part::All)?, measure(Part::Head)?) {
            (Some(all), _) if all <= doc.room() => {}
            (Some(all), _) if doc.room() < sheet / 5.0 => doc.ensure(all),
            (_, Some(head)) => doc.ensure(head),
            _ => {}
        }
        starts.push(doc.page_count());
        item_block(&mut doc, &sh, item, n, Part::All)?;
        if spread > 0.0 && starts[n] == last_page {
            doc.space(spread);
        }
    }
    if let Some(text) = amended(m, loc) {
        doc.place("更正说明 / corrections");
        doc.key_values_leading(&[(t(L::Amended, loc).to_string(), text)], label_mm, s.body, ROW_LEADING)?;
    }
    // the issuer's lines and the verification block stay together, at the end
    if let Some(h) = sh.height(|d| issuer_lines(d, &sh))? {
        doc.ensure(h + qr.block);
    }
    issuer_lines(&mut doc, &sh)?;
    verification(&mut doc, seal, opts, qr)?;
    let title = format!("{} · {}", m.title, poster.replace('　', ""));
    let room = doc.room();
    let total = doc.page_count();
    let last_items = starts.iter().filter(|p| **p == total).count();
    let (pages, rasters) = doc.finish(&furniture(&title, seal, loc, draft))?;
    Ok(Laid { body: Body { title, pages, rasters }, room, last_items })
}

/// The QR code a phone reads: the meeting, each result with its counts, the fingerprint and the
/// issuer, then the verification string (`qr_text`); at least 30 mm wide on A4, more for a long
/// agenda, so that a module stays about 0.27 mm (phones read it from 20–40 cm).
struct Qr {
    text: String,
    /// Side on A4, in mm (× 1.41 on A3).
    mm: f32,
    /// Height of the verification block (the rule, the code and its lines), in pt: the same at
    /// every type size, so measured once.
    block: f32,
}

impl Qr {
    fn of(m: &Meeting, seal: &Seal, opts: &Options, margins: [f32; 4]) -> Result<Qr> {
        let text = super::qr_text(m, seal, opts.issuer.as_deref(), opts.locale);
        let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M);
        let modules = code.map(|c| c.width()).unwrap_or(0);
        let mut qr = Qr { mm: ((modules + 8) as f32 * QR_MODULE_MM).clamp(30.0, 45.0), text, block: 0.0 };
        let mut scratch = Doc::new(opts.paper, margins);
        let room = scratch.room();
        verification(&mut scratch, seal, opts, &qr)?;
        qr.block = room - scratch.room();
        Ok(qr)
    }
}

/// What the parts of one layout share.
struct Sheet<'a> {
    m: &'a Meeting,
    opts: &'a Options,
    s: Sizes,
    margins: [f32; 4],
    /// Width of the label column of the lines under the results, in mm.
    label_mm: f32,
}

impl Sheet<'_> {
    /// The height `part` takes laid out at the top of a fresh sheet, if it fits on one.
    fn height(&self, part: impl FnOnce(&mut Doc) -> Result<()>) -> Result<Option<f32>> {
        let mut scratch = Doc::new(self.opts.paper, self.margins);
        let room = scratch.room();
        part(&mut scratch)?;
        Ok((scratch.page_count() == 1).then(|| room - scratch.room()))
    }
}

/// The issuing body (to stamp) and the publication date.
fn issuer_lines(doc: &mut Doc, sh: &Sheet) -> Result<()> {
    let (m, opts, s) = (sh.m, sh.opts, &sh.s);
    let loc = opts.locale;
    doc.place("落款 / issuer");
    let sep = if loc == Locale::Zh { "：" } else { ": " };
    let blank = if loc == Locale::Zh { "______年___月___日" } else { "____________" };
    let issuer = opts.issuer.clone().unwrap_or_else(|| "________________".to_string());
    let sign = Style::body(s.body).right().leading(1.4).after(0.0);
    let stamp = match loc {
        Locale::Zh => format!("{}{}", t(L::IssuedBy, loc), t(L::StampHere, loc)),
        Locale::En => format!("{} {}", t(L::IssuedBy, loc), t(L::StampHere, loc)),
    };
    doc.paragraph(&format!("{stamp}{sep}{issuer}"), &sign)?;
    let on = published_on(m, loc).unwrap_or_else(|| blank.to_string());
    doc.paragraph(&format!("{}{sep}{on}", t(L::PublishedOn, loc)), &sign)
}

/// A rule, then the QR code and the verification lines beside it, in small print.
fn verification(doc: &mut Doc, seal: &Seal, opts: &Options, qr: &Qr) -> Result<()> {
    let paper = if opts.paper == Paper::A3 { 1.41 } else { 1.0 };
    doc.rule(0.5, 0.6);
    super::seal_block_with(doc, seal, opts.locale, 7.5 * paper, qr.mm * paper, Some(&qr.text))
}

/// How much of an item to lay out: all of it, or what must not be split from its heading.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    All,
    Head,
}

/// One item: its heading, its result in large bold type (with the tally beside it), then the
/// motion, how it was voted and the rule applied, and how it is carried out, in body size.
fn item_block(doc: &mut Doc, sh: &Sheet, item: &AgendaItem, n: usize, part: Part) -> Result<()> {
    let (m, s, loc) = (sh.m, &sh.s, sh.opts.locale);
    doc.place(format!("议题{} / item {}", n + 1, n + 1));
    let head = match loc {
        Locale::Zh => format!("{}、{}", cn_num(n + 1), item.spec.title),
        Locale::En => format!("{}. {}", n + 1, item.spec.title),
    };
    let big = Style::body(s.result).bold().leading(1.3).after(s.body * 0.2);
    doc.heading(&head, &Style::body(s.heading).bold().leading(1.25).after(s.body * 0.1), 0.0)?;
    match lead(item, loc) {
        Lead::Word(w, note) => doc.lead(&w, &big, &note, s.body)?,
        Lead::Statement(text) => doc.paragraph(&text, &big)?,
    }
    let mut rows = rows(m, item, loc, true);
    if part == Part::Head {
        rows.truncate(1);
    }
    doc.key_values_leading(&rows, sh.label_mm, s.body, ROW_LEADING)?;
    if part == Part::All {
        doc.space(s.body * 0.2);
    }
    Ok(())
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
    s.push_str(&format!("# {}{sep}{}\n\n", heading(m, loc).replace('　', ""), m.title));
    s.push_str(&intro(m, opts));
    s.push_str("\n\n");
    for (n, item) in m.agenda.iter().enumerate() {
        let head = match loc {
            Locale::Zh => format!("## {}、{}\n\n", cn_num(n + 1), item.spec.title),
            Locale::En => format!("## {}. {}\n\n", n + 1, item.spec.title),
        };
        s.push_str(&head);
        match lead(item, loc) {
            Lead::Word(w, note) if note.is_empty() => s.push_str(&format!("**{w}**\n\n")),
            Lead::Word(w, note) if loc == Locale::Zh => s.push_str(&format!("**{w}**（{}）\n\n", note.replace('\n', "；"))),
            Lead::Word(w, note) => s.push_str(&format!("**{w}** ({})\n\n", note.replace('\n', "; "))),
            Lead::Statement(text) => s.push_str(&format!("**{text}**\n\n")),
        }
        for (label, text) in rows(m, item, loc, false) {
            s.push_str(&format!("- **{label}**{sep}{text}\n"));
        }
        s.push('\n');
    }
    if let Some(text) = amended(m, loc) {
        s.push_str(&format!("**{}**{sep}{text}\n\n", t(L::Amended, loc)));
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
