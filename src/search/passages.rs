//! What of a meeting is searched, field by field: the text people remember a decision by. Read
//! from the meeting as folded from its record; nothing here is stored anywhere else.

use crate::state::Meeting;
use serde::{Deserialize, Serialize};

/// A searched field of a meeting, in the order a hit names the field it matched in: a word in
/// the title says more about a meeting than the same word in one speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// 会议名称
    Title,
    /// 议题: the agenda items' titles
    Agenda,
    /// 决议与结果: resolutions carried or agreed, motions not carried, why an item was deferred
    /// or is to be deliberated again (R-REDO)
    Resolution,
    /// 背景: the items' background and the parties concerned
    Background,
    /// 补正: amendments after the seal, their text and reason (R-SIGN)
    Amendment,
    /// 人员: participants (chair, recorder, speakers among them), witnesses, who amended
    Name,
    /// 发言: each speaking turn's summary, after its speaker's name
    Speech,
}

impl Field {
    pub const ALL: [Field; 7] =
        [Field::Title, Field::Agenda, Field::Resolution, Field::Background, Field::Amendment, Field::Name, Field::Speech];

    /// The index's field name.
    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Agenda => "agenda",
            Field::Resolution => "resolution",
            Field::Background => "background",
            Field::Amendment => "amendment",
            Field::Name => "name",
            Field::Speech => "speech",
        }
    }

    /// How much a match here weighs against the same match in a speech (BM25 score × boost).
    pub fn boost(self) -> f32 {
        match self {
            Field::Title => 4.0,
            Field::Agenda => 3.0,
            Field::Resolution => 2.0,
            Field::Background => 1.5,
            Field::Amendment => 1.5,
            Field::Name => 1.2,
            Field::Speech => 1.0,
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Field::Title => "会议名称",
            Field::Agenda => "议题",
            Field::Resolution => "决议",
            Field::Background => "背景",
            Field::Amendment => "补正",
            Field::Name => "人员",
            Field::Speech => "发言",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Agenda => "agenda item",
            Field::Resolution => "resolution",
            Field::Background => "background",
            Field::Amendment => "amendment",
            Field::Name => "people",
            Field::Speech => "speech",
        }
    }
}

/// Every passage of the meeting with the field it belongs to, in the record's order. Empty texts
/// are left out.
pub fn passages(m: &Meeting) -> Vec<(Field, String)> {
    let mut out = vec![(Field::Title, m.title.clone())];
    for item in &m.agenda {
        out.push((Field::Agenda, item.spec.title.clone()));
        out.push((Field::Background, item.spec.background.clone()));
        out.push((Field::Background, item.spec.stakeholders.clone()));
        match (&item.resolution, &item.vote) {
            (Some(r), _) => out.push((Field::Resolution, r.clone())),
            // A motion not carried is a result too: "what did we decide" may be "no".
            (None, Some(v)) if v.outcome.is_some() => out.push((Field::Resolution, v.motion.clone())),
            _ => {}
        }
        for reason in [&item.deferral_reason, &item.redo_reason].into_iter().flatten() {
            out.push((Field::Resolution, reason.clone()));
        }
        for turn in &item.turns {
            if let Some(summary) = &turn.summary {
                out.push((Field::Speech, format!("{}：{summary}", m.name_of(&turn.person))));
            }
        }
    }
    for a in &m.amendments {
        out.push((Field::Amendment, a.text.clone()));
        out.push((Field::Amendment, a.reason.clone()));
    }
    // Names as one list, so a hit shows who else was there.
    let mut names: Vec<&str> = m.participants.iter().map(|p| p.person.name.as_str()).collect();
    for extra in m.witnesses.iter().map(|w| w.name.as_str()).chain(m.amendments.iter().map(|a| a.by.as_str())) {
        if !names.contains(&extra) {
            names.push(extra);
        }
    }
    out.push((Field::Name, names.join("、")));
    out.retain(|(_, text)| !text.trim().is_empty());
    out
}
