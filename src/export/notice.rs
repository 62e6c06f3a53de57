//! 会议通知 (R-NOTICE5, R-OBSERVE): form, time, place, topics with background, observer booking.
//! Printed before the meeting, so it is never a draft; the date of publication is the one
//! recorded, or a blank to fill in by hand.

use super::catalog::{t, Locale, L};
use super::layout::{Doc, Paper, Style};
use super::{cn_num, day, furniture, when, Body, Options, Result, Seal, Source};
use crate::i18n;

pub(super) fn build(src: &Source, seal: &Seal, opts: &Options) -> Result<Body> {
    let m = &src.snap.meeting;
    let loc = opts.locale;
    let k = if opts.paper == Paper::A3 { 1.41 } else { 1.0 };
    let sep = if loc == Locale::Zh { "：" } else { ": " };
    let mut doc = Doc::new(opts.paper, [18.0 * k, 20.0 * k, 14.0 * k, 20.0 * k]);
    doc.place("标题 / title");
    doc.paragraph(t(L::Notice, loc), &Style::body(26.0 * k).bold().center().after(6.0 * k))?;
    doc.paragraph(&m.title, &Style::body(15.0 * k).bold().center().after(10.0 * k))?;
    let locality = super::locality::of(m, opts.issuer.as_deref());
    let form = i18n::form_label_at(m.form, locality, loc);
    doc.place("导语 / introduction");
    doc.paragraph(&t(L::NoticeIntro, loc).replace("{form}", form), &Style::body(13.0 * k).indent(2.0).after(6.0 * k))?;
    let mut form_text = format!("{}（{}）", form, i18n::level_label_at(m.level, locality, loc));
    if m.online {
        form_text.push_str(&format!("，{}", t(L::Online, loc)));
    }
    let rows = vec![
        (t(L::Form, loc).to_string(), form_text),
        (t(L::Time, loc).to_string(), when(&m.scheduled_at, loc)),
        (t(L::Place, loc).to_string(), m.place.clone()),
        (t(L::Chair, loc).to_string(), m.name_of(&m.chair)),
    ];
    doc.place("会议信息 / particulars");
    doc.key_values(&rows, 42.0 * k, 13.0 * k)?;
    doc.heading(t(L::Topics, loc), &Style::body(14.0 * k).bold().after(3.0 * k), 40.0 * k)?;
    for (n, item) in m.agenda.iter().enumerate() {
        doc.place(format!("议题{} / topic {}", n + 1, n + 1));
        let head = match loc {
            Locale::Zh => format!("{}、{}", cn_num(n + 1), item.spec.title),
            Locale::En => format!("{}. {}", n + 1, item.spec.title),
        };
        doc.paragraph(&head, &Style::body(13.0 * k).bold().after(2.0))?;
        if !item.spec.background.is_empty() {
            doc.paragraph(&format!("{}{sep}{}", t(L::Background, loc), item.spec.background), &Style::body(12.0 * k).indent(2.0).after(2.0 * k))?;
        }
        // Who the matter concerns: they are the ones the notice is for (R-NOTICE5, R-PARTIES).
        if !item.spec.stakeholders.is_empty() {
            let label = if loc == Locale::Zh { "利益相关方" } else { "Concerns" };
            doc.paragraph(&format!("{label}{sep}{}", item.spec.stakeholders), &Style::body(12.0 * k).indent(2.0).after(2.0 * k))?;
        }
        doc.space(2.0 * k);
    }
    if m.observer_seats > 0 {
        doc.place("预约旁听 / observer booking");
        doc.heading(t(L::ObserverBooking, loc), &Style::body(14.0 * k).bold().after(3.0 * k), 30.0 * k)?;
        // R-OBSERVE: online and offline, until the day before the meeting. Where and how to book
        // are the community's (its profile); unset, the meeting's place, and a line to fill in.
        let until = day(&(m.scheduled_at - chrono::Duration::days(1)), loc);
        let venue = opts.booking_venue.as_deref().filter(|v| !v.trim().is_empty()).unwrap_or(&m.place);
        let text = match loc {
            Locale::Zh => format!(
                "本次会议设旁听席位 {} 个，额满为止。居民可通过下列方式预约，或到{venue}现场预约旁听，预约截止：{until}。",
                m.observer_seats
            ),
            Locale::En => format!(
                "{} observer seats, first come first served. Residents may book as below, or in person at {venue}, until {until}.",
                m.observer_seats
            ),
        };
        doc.paragraph(&text, &Style::body(12.0 * k).indent(2.0).after(2.0 * k))?;
        let how = match &opts.booking_contact {
            Some(c) if !c.trim().is_empty() => c.trim().to_string(),
            _ => "______________________".to_string(),
        };
        let label = if loc == Locale::Zh { "预约方式" } else { "How to book" };
        doc.paragraph(&format!("{label}{sep}{how}"), &Style::body(12.0 * k).indent(2.0))?;
    }
    let blank = if loc == Locale::Zh { "________年____月____日" } else { "____________" };
    let issuer = opts.issuer.clone().unwrap_or_else(|| "______________________".to_string());
    let rows = vec![
        (t(L::NoticeDate, loc).to_string(), m.notice.published_at.as_ref().map(|d| day(d, loc)).unwrap_or_else(|| blank.to_string())),
        (format!("{}{}", t(L::IssuedBy, loc), t(L::StampHere, loc)), issuer),
    ];
    doc.place("落款 / issuer");
    doc.space(8.0 * k);
    doc.key_values(&rows, 44.0 * k, 13.0 * k)?;
    doc.space(8.0 * k);
    doc.rule(0.5, 0.6);
    let readable = super::qr_text(m, seal, opts.issuer.as_deref(), loc);
    super::seal_block_with(&mut doc, seal, loc, 8.0 * k, 34.0 * k, Some(&readable))?;
    let title = format!("{} · {}", m.title, t(L::Notice, loc));
    let (pages, rasters) = doc.finish(&furniture(&title, seal, loc, false))?;
    Ok(Body { title, pages, rasters })
}
