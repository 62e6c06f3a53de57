//! R-PUBLISH: a street-level result is published, offline and online, within 3 days of the
//! meeting (六.(一).5). Whether that deadline is kept depends on the clock, so it is asked with
//! `now` passed in; it is not one of the record's own warnings (`Meeting::warnings`), which are
//! the same whenever they are read.

use chrono::Duration;
use serde::{Deserialize, Serialize};

use crate::i18n::Locale;
use crate::rules::Rule;
use crate::setup::Level;
use crate::sign::Channel;
use crate::state::{Meeting, Warning};
use crate::Time;

/// Days a street meeting has to publish its result (六.(一).5).
pub const STREET_DAYS: i64 = 3;

/// Where a street result's publication stands at `now`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishDeadline {
    /// The meeting's close plus three days.
    pub deadline: Time,
    /// Channels (notice board, online) with no publication recorded by the deadline —
    /// or, before it, none yet. Empty: published on both in time.
    pub missing: Vec<Channel>,
    /// The deadline has passed with a channel missing.
    pub overdue: bool,
}

const CHANNELS: [Channel; 2] = [Channel::NoticeBoard, Channel::Online];

/// What the deadline depends on, small enough to keep in the meeting index (so the home list
/// can warn without reading each record).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PublishFacts {
    pub street: bool,
    pub adjourned: bool,
    pub closed_at: Option<Time>,
    /// When each channel was first published, in the order recorded.
    pub first: Vec<(Channel, Time)>,
}

impl PublishFacts {
    pub fn of(m: &Meeting) -> PublishFacts {
        let mut first: Vec<(Channel, Time)> = Vec::new();
        for p in &m.publications {
            if !first.iter().any(|(c, _)| *c == p.channel) {
                first.push((p.channel, p.at));
            }
        }
        PublishFacts { street: m.level == Level::Street, adjourned: m.adjourned.is_some(), closed_at: m.closed_at, first }
    }

    fn first(&self, channel: Channel) -> Option<Time> {
        self.first.iter().find(|(c, _)| *c == channel).map(|(_, at)| *at)
    }
}

/// The deadline of a closed street meeting that reached a result; `None` for community
/// meetings (no fixed deadline), meetings not closed yet, and adjourned ones (no result).
pub fn deadline(m: &Meeting, now: Time) -> Option<PublishDeadline> {
    deadline_of(&PublishFacts::of(m), now)
}

pub fn deadline_of(f: &PublishFacts, now: Time) -> Option<PublishDeadline> {
    if !f.street || f.adjourned {
        return None;
    }
    let deadline = f.closed_at? + Duration::days(STREET_DAYS);
    let missing: Vec<Channel> =
        CHANNELS.into_iter().filter(|c| f.first(*c).is_none_or(|at| at > deadline)).collect();
    let overdue = now > deadline && !missing.is_empty();
    Some(PublishDeadline { deadline, missing, overdue })
}

/// The chair's warning: a street result still unpublished on a channel after three days, or
/// published there only after them. `None` while the deadline is ahead or was kept.
pub fn warning(m: &Meeting, now: Time) -> Option<Warning> {
    warning_of(&PublishFacts::of(m), now)
}

pub fn warning_of(f: &PublishFacts, now: Time) -> Option<Warning> {
    let d = deadline_of(f, now)?;
    if !d.overdue {
        return None;
    }
    let date = d.deadline.format("%Y-%m-%d %H:%M").to_string();
    // Still unpublished channels first; only when none is left, the ones that came late.
    let (unpublished, late): (Vec<Channel>, Vec<Channel>) = d.missing.iter().partition(|c| f.first(**c).is_none());
    let (code, named) = if unpublished.is_empty() { ("publish_late", late) } else { ("publish_overdue", unpublished) };
    let channels = |loc| {
        let sep = match loc {
            Locale::Zh => "、",
            Locale::En => " and ",
        };
        named.iter().map(|c| crate::i18n::channel_label(*c, loc)).collect::<Vec<_>>().join(sep)
    };
    Some(Warning::with_args(Rule::Publish, code, vec![date, channels(Locale::Zh), channels(Locale::En)]))
}
