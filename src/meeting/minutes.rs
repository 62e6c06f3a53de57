//! The minutes draft (R-MINUTES): generated from the record — attendance,
//! speakers and summaries, votes, resolutions — for the recorder to edit.

use crate::agenda::ItemStatus;
use crate::i18n::{self, Locale};
use crate::people::Role;
use crate::roll::{Mark, Status};
use crate::state::Meeting;
use std::fmt::Write;

fn time(t: &crate::ids::Time) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

/// A plain-text draft of the minutes in Simplified Chinese.
pub fn draft(m: &Meeting) -> String {
    let z = Locale::Zh;
    let mut s = String::new();
    let _ = writeln!(s, "{}", m.title);
    let _ = writeln!(
        s,
        "会议形式：{}（{}）{}",
        i18n::form_label(m.form, z),
        i18n::level_label(m.level, z),
        if m.online { "，线上" } else { "" }
    );
    let opened = m.opened_at.as_ref().map(time).unwrap_or_else(|| time(&m.scheduled_at));
    let _ = writeln!(s, "时间：{opened}");
    let _ = writeln!(s, "地点：{}", m.place);
    let _ = writeln!(s, "召集人（主持人）：{}；记录人：{}", m.name_of(&m.chair), m.name_of(&m.recorder));

    let q = m.quorum();
    let names = |f: &dyn Fn(Status) -> bool| -> String {
        let v: Vec<&str> = m
            .members()
            .filter(|p| f(p.attendance.status))
            .map(|p| p.person.name.as_str())
            .collect();
        if v.is_empty() { "无".into() } else { v.join("、") }
    };
    let _ = writeln!(
        s,
        "应到协商成员 {} 人，实到 {} 人（法定人数 {} 人，{}）。",
        q.expected,
        q.present,
        q.required,
        if q.met { "已达到" } else { "未达到" }
    );
    let _ = writeln!(s, "出席：{}", names(&|st| st.is_present()));
    let _ = writeln!(s, "请假：{}", names(&|st| st == Status::AbsentWithLeave));
    let _ = writeln!(s, "缺席：{}", names(&|st| st == Status::AbsentWithoutLeave || st == Status::NotCalled));
    // R-ROLL: late arrivals and early departures with their times.
    for (mark, label) in [(Mark::ArrivedLate, "迟到"), (Mark::LeftEarly, "早退")] {
        let v: Vec<String> = m
            .members()
            .flat_map(|p| {
                p.attendance
                    .history
                    .iter()
                    .filter(move |c| c.mark == mark)
                    .map(move |c| format!("{}（{}）", p.person.name, c.at.format("%H:%M")))
            })
            .collect();
        if !v.is_empty() {
            let _ = writeln!(s, "{label}：{}", v.join("、"));
        }
    }
    let attendees: Vec<&str> = m
        .participants
        .iter()
        .filter(|p| p.person.role == Role::Attendee)
        .map(|p| p.person.name.as_str())
        .collect();
    if !attendees.is_empty() {
        let _ = writeln!(s, "列席：{}", attendees.join("、"));
    }
    let observers = m.participants.iter().filter(|p| p.person.role == Role::Observer).count();
    let _ = writeln!(s, "旁听席位 {} 个，旁听 {} 人。", m.observer_seats, observers);
    for w in m.warnings() {
        let _ = writeln!(s, "说明：{}", w.message_zh);
    }
    if let Some(a) = &m.adjourned {
        let _ = writeln!(
            s,
            "{} 因到会人数（{} / {}）不足法定人数，会议休会。",
            time(&a.at),
            a.present,
            a.expected
        );
    }

    for (n, item) in m.agenda.iter().enumerate() {
        let _ = writeln!(s);
        let _ = writeln!(s, "议题{}：{}", n + 1, item.spec.title);
        if !item.spec.background.is_empty() {
            let _ = writeln!(s, "背景：{}", item.spec.background);
        }
        for t in &item.turns {
            let _ = writeln!(
                s,
                "  {}（{}）发言{}",
                m.name_of(&t.person),
                i18n::group_short(t.group, z),
                t.summary.as_ref().map(|x| format!("：{x}")).unwrap_or_default()
            );
        }
        match item.status {
            ItemStatus::Voted => {
                if let Some(v) = &item.vote {
                    if let (Some(t), Some(o)) = (v.tally, v.outcome) {
                        let _ = writeln!(
                            s,
                            "  表决（{}）：{}。同意 {}，反对 {}，弃权 {}，未投票 {}。{}",
                            i18n::mode_label(v.mode, z),
                            v.motion,
                            t.yes,
                            t.no,
                            t.abstain,
                            o.not_voting,
                            i18n::outcome_text(&o, z)
                        );
                    }
                }
            }
            ItemStatus::Consensus => {
                let _ = writeln!(s, "  协商一致：{}", item.resolution.clone().unwrap_or_default());
            }
            ItemStatus::Deferred => {
                let _ = writeln!(s, "  延期：{}", item.deferral_reason.clone().unwrap_or_default());
            }
            ItemStatus::Pending | ItemStatus::Open => {
                let _ = writeln!(s, "  （{}）", i18n::item_status_label(item.status, z));
            }
        }
        if let Some(r) = &item.redo_reason {
            let _ = writeln!(s, "  择机再次协商：{r}");
        }
    }
    s
}
