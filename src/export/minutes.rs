//! 会议记录 (R-MINUTES, R-SIGN): title and particulars; attendance with every time-stamped change
//! and the quorum line; 列席 and 旁听; per agenda item the background, speakers with their party
//! group and summary, and the vote (mode, tallies, the rule applied, the result with the
//! exact-half explanation) or consensus / deferral with reason; resolutions; the recorder's
//! text; amendments after sealing; the signature page with the handwritten images, declines and
//! witnesses; the verification QR code.

use super::catalog::{t, Locale, L};
use super::layout::{col, Align, Cell, Doc, Style, Table};
use super::linebreak::keep;
use super::{clock, cn_num, day, furniture, when, Body, ExportError, Options, Result, Seal, Source};
use crate::agenda::ItemStatus;
use crate::i18n;
use crate::people::Role;
use crate::sign::Confirmation;
use crate::state::Meeting;
use crate::vote::VoteMode;

const BODY: f32 = 10.5;
const SMALL: f32 = 9.0;

pub(super) fn build(src: &Source, seal: &Seal, opts: &Options) -> Result<Body> {
    let m = &src.snap.meeting;
    let loc = opts.locale;
    if !m.is_sealed() && !opts.draft {
        return Err(ExportError::NotSealed);
    }
    let draft = !m.is_sealed();
    let sep = if loc == Locale::Zh { "：" } else { ": " };
    let list_sep = if loc == Locale::Zh { "、" } else { ", " };
    let mut doc = Doc::new(opts.paper, [16.0, 18.0, 14.0, 18.0]);

    // ---- title and particulars
    doc.place("会议标题 / meeting title");
    doc.paragraph(&m.title, &Style::body(18.0).bold().center().after(2.0))?;
    let sub = format!("{}{}", t(L::Minutes, loc), if draft { t(L::DraftSuffix, loc) } else { "" });
    doc.paragraph(&sub, &Style::body(13.0).center().after(8.0))?;

    let mut rows: Vec<(String, String)> = Vec::new();
    let locality = super::locality::of(m, opts.issuer.as_deref());
    rows.push((t(L::Level, loc).into(), i18n::level_label_at(m.level, locality, loc).into()));
    let form = format!(
        "{}{}",
        i18n::form_label_at(m.form, locality, loc),
        if m.online { format!("（{}）", t(L::Online, loc)) } else { String::new() }
    );
    rows.push((t(L::Form, loc).into(), form));
    // A meeting not opened yet has a time it is scheduled for, not one it started at.
    let started = match (&m.opened_at, loc) {
        (Some(_), _) => t(L::Started, loc),
        (None, Locale::Zh) => "计划开始",
        (None, Locale::En) => "scheduled",
    };
    let start = m.opened_at.as_ref().unwrap_or(&m.scheduled_at);
    let mut time = format!("{started} {}", when(start, loc));
    if let Some(c) = &m.closed_at {
        time.push_str(&format!("　{} {}", t(L::Closed, loc), when(c, loc)));
    }
    rows.push((t(L::Time, loc).into(), time));
    rows.push((t(L::Place, loc).into(), m.place.clone()));
    rows.push((t(L::Chair, loc).into(), m.name_of(&m.chair)));
    rows.push((t(L::Recorder, loc).into(), m.name_of(&m.recorder)));
    rows.push((t(L::MeetingId, loc).into(), m.id.to_string()));
    rows.push((t(L::State, loc).into(), state(m, loc).into()));
    doc.place("会议基本信息 / particulars");
    doc.key_values(&rows, 34.0, BODY)?;

    // ---- attendance (R-ROLL, R-QUORUM)
    doc.place("出席情况 / attendance");
    doc.heading(t(L::SecAttendance, loc), &Style::body(13.0).bold().after(4.0), 60.0)?;
    let q = m.quorum();
    let quorum_line = match loc {
        Locale::Zh => format!(
            "{}：应到协商成员 {} 人，实到 {} 人；法定人数为应到人数的三分之二以上，即至少 {} 人，{}。",
            if m.closed_at.is_some() { "截至会议结束" } else { "截至本记录" },
            q.expected,
            q.present,
            q.required,
            if q.met { "已达到" } else { "未达到" }
        ),
        Locale::En => format!(
            "{}: members expected {}, present {}; the quorum is two thirds or more, at least {}: {}.",
            if m.closed_at.is_some() { "At the close" } else { "As recorded so far" },
            q.expected,
            q.present,
            q.required,
            if q.met { "met" } else { "not met" }
        ),
    };
    doc.paragraph(&quorum_line, &Style::body(BODY))?;
    if let Some(a) = &m.adjourned {
        let line = match loc {
            Locale::Zh => format!(
                "{} 到会成员 {} 人（应到 {} 人），不足法定人数，会议休会。{}",
                when(&a.at, loc),
                a.present,
                a.expected,
                a.note.clone().unwrap_or_default()
            ),
            Locale::En => format!(
                "{}: {} of {} members present, below the quorum; the meeting was adjourned. {}",
                when(&a.at, loc),
                a.present,
                a.expected,
                a.note.clone().unwrap_or_default()
            ),
        };
        doc.paragraph(&line, &Style::body(BODY).bold())?;
    }
    for w in &src.snap.warnings {
        let msg = if loc == Locale::Zh { &w.message_zh } else { &w.message_en };
        doc.place("说明 / warning");
        let note = for_residents(w, loc).unwrap_or_else(|| super::without_rule_ids(msg));
        doc.paragraph(&format!("{}{sep}{note}", t(L::Note, loc)), &Style::body(SMALL).grey(0.2))?;
    }
    if let Some(r) = &m.seats_reason {
        doc.place("席位说明 / seats reason");
        let label = if loc == Locale::Zh { "席位说明" } else { "Seats" };
        doc.paragraph(&format!("{label}{sep}{r}"), &Style::body(SMALL).grey(0.2))?;
    }

    let mut people: Vec<&crate::state::ParticipantState> = Vec::new();
    for role in [Role::Member, Role::Attendee, Role::Observer] {
        people.extend(m.participants.iter().filter(|p| p.person.role == role));
    }
    let mut table = Table {
        columns: vec![
            col(t(L::No, loc), 0.55),
            col(t(L::Name, loc), 1.1),
            col(t(L::Role, loc), 1.3),
            col(t(L::Group, loc), 1.4),
            col(t(L::TwoCommittees, loc), 0.55),
            col(t(L::Attendance, loc), 0.95),
            col(t(L::Times, loc), 2.45),
        ],
        rows: Vec::new(),
        size: SMALL,
        place: "参会人员表 / attendance table".into(),
    };
    table.columns[0].align = Align::Center;
    table.columns[4].align = Align::Center;
    for (n, p) in people.iter().enumerate() {
        let history: Vec<String> = p
            .attendance
            .history
            .iter()
            .map(|c| {
                let mut s = format!("{} {}", clock(&c.at), i18n::mark_label(c.mark, loc));
                if let Some(note) = &c.note {
                    s.push_str(&format!("（{note}）"));
                }
                s
            })
            .collect();
        let status = if p.person.role == Role::Member || !p.attendance.history.is_empty() {
            i18n::status_label(p.attendance.status, loc).to_string()
        } else {
            String::new()
        };
        table.rows.push(vec![
            Cell::Text((n + 1).to_string()),
            Cell::Text(keep(&p.person.name)),
            Cell::Text(role_of(m, p, loc)),
            Cell::Text(i18n::person_group_at(p.person.group, p.person.two_committees, locality, loc).into()),
            Cell::Text(if p.person.two_committees { (if loc == Locale::Zh { "是" } else { "yes" }).into() } else { String::new() }),
            Cell::Text(status),
            Cell::Text(history.join(if loc == Locale::Zh { "；" } else { "; " })),
        ]);
    }
    doc.table(&table)?;
    let attendees: Vec<String> =
        m.participants.iter().filter(|p| p.person.role == Role::Attendee).map(|p| keep(&p.person.name)).collect();
    let observers: Vec<String> =
        m.participants.iter().filter(|p| p.person.role == Role::Observer).map(|p| keep(&p.person.name)).collect();
    let none = if loc == Locale::Zh { "无" } else { "none" };
    let lines = match loc {
        Locale::Zh => format!(
            "列席 {} 人：{}。旁听席位 {} 个，旁听 {} 人：{}。",
            attendees.len(),
            if attendees.is_empty() { none.to_string() } else { attendees.join(list_sep) },
            m.observer_seats,
            observers.len(),
            if observers.is_empty() { none.to_string() } else { observers.join(list_sep) }
        ),
        Locale::En => format!(
            "Non-voting attendees ({}): {}. Observer seats {}, observers ({}): {}.",
            attendees.len(),
            if attendees.is_empty() { none.to_string() } else { attendees.join(list_sep) },
            m.observer_seats,
            observers.len(),
            if observers.is_empty() { none.to_string() } else { observers.join(list_sep) }
        ),
    };
    doc.place("列席与旁听 / attendees and observers");
    doc.paragraph(&lines, &Style::body(BODY))?;

    // ---- agenda items (R-AGENDA, R-SPEAK, R-VOTE)
    doc.heading(t(L::SecItems, loc), &Style::body(13.0).bold().after(4.0), 60.0)?;
    for (n, item) in m.agenda.iter().enumerate() {
        let place = format!("议题{} / agenda item {}", n + 1, n + 1);
        doc.place(place.clone());
        let head = match loc {
            Locale::Zh => format!("议题{}：{}", cn_num(n + 1), item.spec.title),
            Locale::En => format!("Item {}: {}", n + 1, item.spec.title),
        };
        doc.heading(&head, &Style::body(11.5).bold().after(3.0), 40.0)?;
        let mut rows = Vec::new();
        if !item.spec.background.is_empty() {
            rows.push((t(L::Background, loc).to_string(), item.spec.background.clone()));
        }
        if !item.spec.stakeholders.is_empty() {
            rows.push((t(L::Stakeholders, loc).to_string(), item.spec.stakeholders.clone()));
        }
        if let Some(o) = &item.opened_at {
            let mut s = clock(o);
            if let Some(c) = &item.closed_at {
                s.push_str(&format!(" – {}", clock(c)));
            }
            rows.push((t(L::ItemTime, loc).to_string(), s));
        }
        doc.key_values(&rows, 24.0, BODY)?;

        if item.turns.is_empty() {
            if item.status != ItemStatus::Pending {
                doc.paragraph(t(L::NoSpeakers, loc), &Style::body(BODY))?;
            }
        } else {
            let mut tt = Table {
                columns: vec![
                    col(t(L::No, loc), 0.5),
                    col(t(L::Speaker, loc), 1.0),
                    col(t(L::Group, loc), 1.3),
                    col(t(L::Duration, loc), 0.7),
                    col(t(L::Summary, loc), 4.2),
                ],
                rows: Vec::new(),
                size: SMALL,
                place: format!("{place} 发言记录 / speakers"),
            };
            tt.columns[0].align = Align::Center;
            tt.columns[3].align = Align::Right;
            for turn in &item.turns {
                let secs = turn.ended_at.map(|e| e.signed_duration_since(turn.started_at).num_seconds().max(0)).unwrap_or(0);
                tt.rows.push(vec![
                    Cell::Text(turn.no.to_string()),
                    Cell::Text(keep(&m.name_of(&turn.person))),
                    Cell::Text(i18n::person_group_at(turn.group, m.participant(&turn.person).is_some_and(|p| p.person.two_committees), locality, loc).into()),
                    Cell::Text(format!("{}:{:02}", secs / 60, secs % 60)),
                    Cell::Text(turn.summary.clone().unwrap_or_default()),
                ]);
            }
            doc.table(&tt)?;
        }

        // result, with a re-deliberation mark in the same block
        let mut rows: Vec<(String, String)> = Vec::new();
        match item.status {
            ItemStatus::Voted => {
                if let Some(v) = &item.vote {
                    rows.push((t(L::VoteMode, loc).to_string(), i18n::mode_label(v.mode, loc).to_string()));
                    rows.push((t(L::Motion, loc).to_string(), v.motion.clone()));
                    if let (Some(tally), Some(o)) = (v.tally, v.outcome) {
                        rows.push((t(L::Tally, loc).to_string(), tally_line(&tally, o.present, o.not_voting, loc)));
                        if v.mode == VoteMode::Named {
                            for (choice, label) in [
                                (crate::vote::Choice::Yes, L::Yes),
                                (crate::vote::Choice::No, L::NoVote),
                                (crate::vote::Choice::Abstain, L::Abstain),
                            ] {
                                let names: Vec<String> = v
                                    .ballots
                                    .iter()
                                    .filter(|(_, c)| **c == choice)
                                    .map(|(p, _)| m.name_of(p))
                                    .collect();
                                if !names.is_empty() {
                                    rows.push((t(label, loc).to_string(), names.join(list_sep)));
                                }
                            }
                            let not_voted: Vec<String> =
                                v.eligible.iter().filter(|p| !v.ballots.contains_key(*p)).map(|p| m.name_of(p)).collect();
                            if !not_voted.is_empty() {
                                rows.push((t(L::NotVoting, loc).to_string(), not_voted.join(list_sep)));
                            }
                        }
                        rows.push((t(L::Result, loc).to_string(), i18n::outcome_text(&o, loc)));
                    }
                }
            }
            ItemStatus::Consensus => {
                rows.push((t(L::Consensus, loc).to_string(), item.resolution.clone().unwrap_or_default()));
            }
            ItemStatus::Deferred => {
                rows.push((t(L::Deferred, loc).to_string(), item.deferral_reason.clone().unwrap_or_default()));
            }
            ItemStatus::Pending | ItemStatus::Open => {
                rows.push((t(L::Result, loc).to_string(), i18n::item_status_label(item.status, loc).to_string()));
            }
        }
        if let Some(r) = &item.redo_reason {
            rows.push((t(L::Redo, loc).to_string(), r.clone()));
        }
        doc.key_values(&rows, 24.0, BODY)?;
        doc.space(4.0);
    }

    // ---- resolutions
    doc.place("会议决议 / resolutions");
    doc.heading(t(L::SecResolutions, loc), &Style::body(13.0).bold().after(4.0), 40.0)?;
    let resolutions: Vec<(usize, &String)> =
        m.agenda.iter().enumerate().filter_map(|(n, i)| i.resolution.as_ref().map(|r| (n, r))).collect();
    if resolutions.is_empty() {
        doc.paragraph(t(L::NoResolution, loc), &Style::body(BODY))?;
    }
    for (k, (n, r)) in resolutions.iter().enumerate() {
        let line = match loc {
            Locale::Zh => format!("{}. {}（议题{}）", k + 1, r, cn_num(n + 1)),
            Locale::En => format!("{}. {} (item {})", k + 1, r, n + 1),
        };
        doc.paragraph(&line, &Style::body(BODY))?;
    }

    // ---- the recorder's text
    if let Some(text) = &m.minutes {
        doc.place("会议记录正文 / minutes text");
        doc.heading(t(L::SecText, loc), &Style::body(13.0).bold().after(2.0), 40.0)?;
        let by = format!("{}：{}，{}", t(L::TextBy, loc), m.name_of(&text.by), when(&text.at, loc));
        doc.paragraph(&by, &Style::body(SMALL).grey(0.35).after(4.0))?;
        for para in text.text.split('\n') {
            if para.trim().is_empty() {
                doc.space(BODY * 0.5);
                continue;
            }
            doc.paragraph(para, &Style::body(BODY).after(1.0))?;
        }
    }

    // ---- signature page (R-SIGN)
    doc.new_page();
    doc.place("签字页 / signature page");
    doc.paragraph(&m.title, &Style::body(13.0).bold().center().after(2.0))?;
    doc.paragraph(t(L::SecSignatures, loc), &Style::body(13.0).center().after(6.0))?;
    doc.paragraph(&super::without_rule_ids(t(L::SignIntro, loc)), &Style::body(BODY).after(4.0))?;
    let mut st = Table {
        columns: vec![
            col(t(L::No, loc), 0.5),
            col(t(L::Name, loc), 1.1),
            col(t(L::Role, loc), 1.25),
            col(t(L::Signature, loc), 2.9),
            col(t(L::SignedAt, loc), 1.35),
        ],
        rows: Vec::new(),
        size: SMALL,
        place: "签字表 / signature table".into(),
    };
    st.columns[0].align = Align::Center;
    st.columns[3].align = Align::Center;
    let mut n = 0;
    for s in &m.signatures {
        n += 1;
        doc.place(format!("签字 {} {} / signature {}", n, s.name, n));
        let role = m.participant(&s.person).map(|p| role_of(m, p, loc)).unwrap_or_default();
        let cell = match &s.confirmation {
            Confirmation::Signed { image_sha256, .. } => {
                let bytes = (src.blob)(image_sha256).ok_or_else(|| ExportError::BadImage {
                    place: format!("签字 {} {}", n, s.name),
                    reason: format!("签名图像 {image_sha256} 不在存储中 / image not in the store"),
                })?;
                let idx = doc.add_png(&bytes, 360)?;
                Cell::Image { index: idx, h_mm: 13.0 }
            }
            Confirmation::Declined { reason } => Cell::Text(format!("{}{sep}{reason}", t(L::Declined, loc))),
        };
        st.rows.push(vec![
            Cell::Text(n.to_string()),
            Cell::Text(keep(&s.name)),
            Cell::Text(role),
            cell,
            Cell::Text(s.at.format("%Y-%m-%d %H:%M").to_string()),
        ]);
    }
    // Those still to sign: blank boxes for a wet signature on the printed draft.
    for id in m.expected_signers() {
        if m.signatures.iter().any(|s| s.person == id) {
            continue;
        }
        n += 1;
        let role = m.participant(&id).map(|p| role_of(m, p, loc)).unwrap_or_default();
        st.rows.push(vec![
            Cell::Text(n.to_string()),
            Cell::Text(keep(&m.name_of(&id))),
            Cell::Text(role),
            Cell::Blank { h_mm: 13.0 },
            Cell::Text(String::new()),
        ]);
    }
    doc.table(&st)?;
    for w in &m.witnesses {
        doc.place(format!("见证 {} / witness", w.name));
        let mut line = format!("{}{sep}{} {}　{}", t(L::Witness, loc), i18n::witness_label(w.kind, loc), w.name, when(&w.at, loc));
        if let Some(s) = &w.statement {
            line.push_str(&format!("\n{}{sep}{s}", t(L::Statement, loc)));
        }
        doc.paragraph(&line, &Style::body(BODY))?;
    }
    appended(&mut doc, m, loc)?;
    doc.space(6.0);
    doc.rule(0.5, 0.6);
    let readable = super::qr_text(m, seal, opts.issuer.as_deref(), loc);
    super::seal_block_with(&mut doc, seal, loc, 8.0, 38.0, Some(&readable))?;

    let title = format!("{} · {}", m.title, t(L::Minutes, loc));
    let (pages, rasters) = doc.finish(&furniture(&title, seal, loc, draft))?;
    Ok(Body { title, pages, rasters })
}

/// Where the meeting stands, as the particulars print it: an adjourned meeting says so, not
/// 会议进行中 (R-QUORUM).
fn state(m: &Meeting, loc: Locale) -> &'static str {
    use crate::state::Phase;
    match (m.adjourned.is_some(), m.phase) {
        (false, phase) => i18n::phase_label(phase, loc),
        (true, Phase::Signing) => i18n::pick(loc, "因不足法定人数休会；记录签字确认中", "adjourned for lack of a quorum; collecting signatures"),
        (true, Phase::Sealed) => i18n::pick(loc, "因不足法定人数休会；记录已封存", "adjourned for lack of a quorum; record sealed"),
        (true, _) => i18n::pick(loc, "因不足法定人数休会", "adjourned for lack of a quorum"),
    }
}

/// A finding of the record as the minutes state it for residents (R-NOTICE5, R-30DAYS): what
/// happened, what the guideline asks, and that the minutes record it — the app's own message
/// tells the chair the minutes *will* say so, which is not what the minutes should say.
fn for_residents(w: &crate::state::Warning, loc: Locale) -> Option<String> {
    let arg = |i: usize| w.args.get(i).cloned().unwrap_or_default();
    let days = |zh_what: &str, zh_verb: &str, en_what: &str| {
        let n: i64 = arg(0).parse().unwrap_or(0);
        match (loc, n) {
            (Locale::Zh, 0) => format!("{zh_what}在开会当天才{zh_verb}，未按规定至少提前5天，特此记录在案。"),
            (Locale::Zh, _) => format!("{zh_what}在开会前{n}天才{zh_verb}，未按规定至少提前5天，特此记录在案。"),
            (Locale::En, 0) => format!("{en_what} went out only on the day of the meeting, not the 5 days ahead the guideline requires; recorded here as such."),
            (Locale::En, 1) => format!("{en_what} went out only 1 day before the meeting, not the 5 days ahead the guideline requires; recorded here as such."),
            (Locale::En, _) => format!("{en_what} went out only {n} days before the meeting, not the 5 days ahead the guideline requires; recorded here as such."),
        }
    };
    match w.code.as_str() {
        "notice_short" => Some(days("会议通知", "公布", "The meeting notice")),
        "invitations_short" => Some(days("参会邀请", "发出", "The invitations")),
        "item_topic_late" => Some(match loc {
            Locale::Zh => {
                let date = chrono::NaiveDate::parse_from_str(&arg(1), "%Y-%m-%d").map(|d| d.format("%Y年%-m月%-d日").to_string()).unwrap_or_else(|_| arg(1));
                format!("议题“{}”于{date}确定，本次会议距确定已超过30天，未在规定的30天内协商，特此记录在案。", arg(0))
            }
            Locale::En => format!("The topic \"{}\" was decided on {}, more than 30 days before this meeting, not within the 30 days the guideline requires; recorded here as such.", arg(0), arg(1)),
        }),
        _ => None,
    }
}

fn role_of(m: &Meeting, p: &crate::state::ParticipantState, loc: Locale) -> String {
    // Each role whole on its line: 协商成员, never 协商成/员.
    let base = keep(i18n::role_label(p.person.role, loc));
    let sep = if loc == Locale::Zh { "、" } else { ", " };
    if p.person.id == m.chair {
        format!("{}{sep}{}", keep(t(L::ChairShort, loc)), base)
    } else if p.person.id == m.recorder {
        format!("{}{sep}{}", keep(t(L::Recorder, loc)), base)
    } else {
        base
    }
}

pub(super) fn tally_line(t_: &crate::vote::Tally, present: u32, not_voting: u32, loc: Locale) -> String {
    match loc {
        Locale::Zh => format!(
            "到会成员 {present} 人，同意 {} 票，反对 {} 票，弃权 {} 票，未投票 {not_voting} 人",
            t_.yes, t_.no, t_.abstain
        ),
        Locale::En => format!(
            "{present} members present: {} yes, {} no, {} abstain, {not_voting} did not vote",
            t_.yes, t_.no, t_.abstain
        ),
    }
}

/// What was added to the record after the signatures (R-SIGN: amended in the open, never edited;
/// R-PUBLISH; R-IMPLEMENT, R-EVALUATE): corrections, publication, and how each resolution is
/// carried out and evaluated. It follows the signature page, saying that the signers did not
/// confirm it, so no one reads a later correction as signed.
fn appended(doc: &mut Doc, m: &Meeting, loc: Locale) -> Result<()> {
    if m.amendments.is_empty() && m.publications.is_empty() && m.actions.is_empty() {
        return Ok(());
    }
    let sep = if loc == Locale::Zh { "：" } else { ": " };
    doc.place("签字后追加 / added after the signatures");
    doc.space(6.0);
    let (head, note) = match loc {
        Locale::Zh => ("签字确认后追加的内容", "以下内容在与会人员签字确认之后依次追加，不在上述签字确认的范围之内；以上记录原文不变。"),
        Locale::En => ("Added after the signatures", "What follows was appended after the participants signed, in order; it is not covered by their signatures, and the record above is unchanged."),
    };
    doc.heading(head, &Style::body(13.0).bold().after(2.0), 50.0)?;
    doc.paragraph(note, &Style::body(SMALL).grey(0.35).after(4.0))?;
    if !m.amendments.is_empty() {
        doc.place("更正 / amendments");
        doc.heading(t(L::SecAmendments, loc), &Style::body(12.0).bold().after(2.0), 40.0)?;
        doc.paragraph(t(L::AmendmentAppended, loc), &Style::body(SMALL).grey(0.35).after(3.0))?;
        for a in &m.amendments {
            doc.place(format!("更正{} / amendment {}", a.no, a.no));
            let head = match loc {
                Locale::Zh => format!("更正{}（{}，更正人：{}）", a.no, when(&a.at, loc), a.by),
                Locale::En => format!("Amendment {} ({}, by {})", a.no, when(&a.at, loc), a.by),
            };
            doc.heading(&head, &Style::body(BODY).bold().after(2.0), 30.0)?;
            doc.key_values(
                &[(t(L::Reason, loc).to_string(), a.reason.clone()), (t(L::Content, loc).to_string(), a.text.clone())],
                18.0,
                BODY,
            )?;
        }
    }
    if !m.publications.is_empty() {
        doc.place("公示情况 / publication");
        doc.heading(t(L::SecPublication, loc), &Style::body(12.0).bold().after(2.0), 24.0)?;
        for p in &m.publications {
            doc.paragraph(&format!("{}　{}　{}", when(&p.at, loc), i18n::channel_label(p.channel, loc), p.place), &Style::body(BODY))?;
        }
        doc.space(3.0);
    }
    if !m.actions.is_empty() {
        doc.place("决议落实 / implementation");
        let head = if loc == Locale::Zh { "决议落实与评议" } else { "Implementation and evaluation" };
        doc.heading(head, &Style::body(12.0).bold().after(2.0), 40.0)?;
        for a in &m.actions {
            doc.place(format!("落实{} / action {}", a.no, a.no));
            let item = m.agenda.iter().position(|i| i.spec.id == a.item);
            let title = item.map(|n| m.agenda[n].spec.title.clone()).unwrap_or_default();
            let head = match (loc, item) {
                (Locale::Zh, Some(n)) => format!("落实事项{}（议题{}：{title}）", a.no, cn_num(n + 1)),
                (Locale::En, Some(n)) => format!("Action {} (item {}: {title})", a.no, n + 1),
                (Locale::Zh, None) => format!("落实事项{}", a.no),
                (Locale::En, None) => format!("Action {}", a.no),
            };
            doc.heading(&head, &Style::body(BODY).bold().after(2.0), 30.0)?;
            let who = if a.department.is_empty() { a.leader.clone() } else { format!("{}（{}）", a.leader, a.department) };
            let (l_who, l_req, l_due, l_fb, l_state) = match loc {
                Locale::Zh => ("责任人", "工作要求", "完成时间", "反馈时限", "办理情况"),
                Locale::En => ("Responsible", "Requirements", "Due", "Report by", "State"),
            };
            let state = match (a.done_at(), loc) {
                (Some(d), Locale::Zh) => format!("已于 {} 办结", day(&d, loc)),
                (Some(d), Locale::En) => format!("done on {}", day(&d, loc)),
                (None, Locale::Zh) => "办理中".to_string(),
                (None, Locale::En) => "in progress".to_string(),
            };
            let mut rows = vec![
                (l_who.to_string(), who),
                (l_req.to_string(), a.requirements.clone()),
                (l_due.to_string(), day(&a.due, loc)),
                (l_fb.to_string(), day(&a.feedback_by, loc)),
                (l_state.to_string(), state),
            ];
            for p in &a.progress {
                let label = match (loc, p.done) {
                    (Locale::Zh, true) => "办结报告",
                    (Locale::Zh, false) => "进展反馈",
                    (Locale::En, true) => "Completed",
                    (Locale::En, false) => "Progress",
                };
                rows.push((label.to_string(), format!("{}{sep}{}", when(&p.at, loc), p.note)));
            }
            for e in &a.evaluations {
                let label = if loc == Locale::Zh { "评议" } else { "Evaluation" };
                let mut text = format!("{}　{}　{}", when(&e.at, loc), e.by, i18n::verdict_label(e.verdict, loc));
                if let Some(r) = &e.rectification {
                    text.push_str(&format!("{sep}{r}"));
                }
                rows.push((label.to_string(), text));
            }
            doc.key_values(&rows, 24.0, BODY)?;
            doc.space(2.0);
        }
    }
    Ok(())
}
