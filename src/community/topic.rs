//! The topic pool (议题池). R-TOPIC: topics are collected with their source and ordered urgent
//! first (先急后缓); a meeting's agenda is drawn from the pool, each item keeping a link to its
//! topic. R-30DAYS: a street topic, once decided (确定为议题), is deliberated within 30 days.
//! R-ESCALATE: a community matter that cannot be settled is forwarded as a topic for the street
//! (or for a 居民（代表）会议), keeping the link to where it came from.
//!
//! A topic's facts only move forward — proposed, decided, withdrawn — each with its time; where
//! it is on an agenda is read from the meetings, not kept here. Times and ids come from the
//! caller, as everywhere in the core.

use chrono::Duration;
use serde::{Deserialize, Serialize};

use crate::agenda::ItemRef;
use crate::ids::{is_valid_id, MeetingId, Time};
use crate::refusal::{Field, Refusal};
use crate::rules::Rule;
use crate::setup::Level;
use crate::state::{Meeting, Phase, Warning};
use crate::i18n::{pick, Locale};
use crate::meeting::summary::MeetingSummary;

/// Where a topic came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// 居民（群众）提议
    Residents,
    /// 社区（村）“两委”征求意见后提出
    Committees,
    /// 上级交办、政府或部门委托
    Delegated,
    /// 由社区（村）协商上报 (R-ESCALATE)
    Escalated,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub background: String,
    #[serde(default)]
    pub stakeholders: String,
    /// The level it is to be deliberated at.
    pub level: Level,
    /// 先急后缓: urgent topics come first.
    #[serde(default)]
    pub urgent: bool,
    pub source: Source,
    pub proposed_at: Time,
    /// 确定为议题: from here a street topic has 30 days (R-30DAYS).
    #[serde(default)]
    pub decided_at: Option<Time>,
    #[serde(default)]
    pub withdrawn: Option<Withdrawal>,
    /// R-ESCALATE: the item of the community meeting it was forwarded from.
    #[serde(default)]
    pub escalated_from: Option<ItemRef>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Withdrawal {
    pub at: Time,
    pub reason: String,
}

pub use crate::agenda::{late_items, TopicLink, STREET_DAYS};

use crate::decide::{optional, required, MAX_BACKGROUND as MAX_TEXT, MAX_REASON, MAX_STAKEHOLDERS, MAX_TITLE};

/// A new topic as proposed: its fields checked (R-TOPIC), nothing decided or withdrawn yet.
pub fn propose(t: &Topic) -> Result<(), Refusal> {
    let within = |r: Refusal| r.within(Rule::Topic);
    if !is_valid_id(&t.id) {
        return Err(within(Refusal::BadId { field: Field::TopicId, value: t.id.chars().take(80).collect() }));
    }
    required(Field::Title, &t.title, MAX_TITLE).map_err(within)?;
    optional(Field::Background, &t.background, MAX_TEXT).map_err(within)?;
    optional(Field::Stakeholders, &t.stakeholders, MAX_STAKEHOLDERS).map_err(within)?;
    if t.decided_at.is_some() || t.withdrawn.is_some() {
        return Err(Refusal::TopicNotOpen { title: t.title.clone() });
    }
    Ok(())
}

/// 确定为议题 at `at`. Once only, and not after withdrawal.
pub fn decide(t: &Topic, at: Time) -> Result<Topic, Refusal> {
    if t.decided_at.is_some() || t.withdrawn.is_some() {
        return Err(Refusal::TopicNotOpen { title: t.title.clone() });
    }
    Ok(Topic { decided_at: Some(at), ..t.clone() })
}

/// 撤回 at `at`, with the reason (kept, and shown in the pool).
pub fn withdraw(t: &Topic, at: Time, reason: &str) -> Result<Topic, Refusal> {
    if t.withdrawn.is_some() {
        return Err(Refusal::TopicNotOpen { title: t.title.clone() });
    }
    required(Field::Reason, reason, MAX_REASON).map_err(|r| r.within(Rule::Topic))?;
    Ok(Topic { withdrawn: Some(Withdrawal { at, reason: reason.trim().to_string() }), ..t.clone() })
}

/// R-ESCALATE: a closed item of a community meeting forwarded as a topic — for the street
/// (`Level::Street`), or for a 居民（代表）会议 (`Level::Community`) when the result needs a
/// democratic decision. The new topic keeps the link and says what happened to the item.
pub fn escalate(m: &Meeting, item: &crate::ids::ItemId, to: Level, id: String, at: Time) -> Result<Topic, Refusal> {
    if m.level != Level::Community {
        return Err(Refusal::CannotEscalate { title: m.title.clone() });
    }
    let it = m.item(item).ok_or_else(|| Refusal::UnknownItem(item.clone()))?;
    if !it.status.is_closed() {
        return Err(Refusal::CannotEscalate { title: it.spec.title.clone() });
    }
    let outcome = it
        .resolution
        .clone()
        .or_else(|| it.deferral_reason.clone())
        .or_else(|| it.vote.as_ref().map(|v| v.motion.clone()))
        .unwrap_or_default();
    let background = [it.spec.background.as_str(), outcome.as_str()].iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>();
    let topic = Topic {
        id,
        title: it.spec.title.clone(),
        background: background.join("\n"),
        stakeholders: it.spec.stakeholders.clone(),
        level: to,
        urgent: false,
        source: Source::Escalated,
        proposed_at: at,
        decided_at: None,
        withdrawn: None,
        escalated_from: Some(ItemRef { meeting: m.id, item: item.clone() }),
    };
    propose(&topic)?;
    Ok(topic)
}

/// R-TOPIC: where a topic came from, in the user's language.
pub fn source_label(s: Source, loc: Locale) -> &'static str {
    use Source as S;
    match s {
        S::Residents => pick(loc, "居民提议", "proposed by residents"),
        S::Committees => pick(loc, "两委征求意见后提出", "proposed by the committees"),
        S::Delegated => pick(loc, "上级交办或委托", "delegated"),
        S::Escalated => pick(loc, "社区（村）上报", "escalated from a community"),
    }
}

/// Where a topic stands, in the user's language.
pub fn status_label(s: Status, loc: Locale) -> &'static str {
    use Status as S;
    match s {
        S::Proposed => pick(loc, "待确定", "proposed"),
        S::Decided => pick(loc, "已确定，待安排会议", "decided, to be scheduled"),
        S::Scheduled => pick(loc, "已列入会议议程", "on an agenda"),
        S::Deliberated => pick(loc, "已协商", "deliberated"),
        S::Withdrawn => pick(loc, "已撤回", "withdrawn"),
    }
}


/// Where a topic stands, read from the meetings whose agendas link to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 待确定
    Proposed,
    /// 已确定，待安排会议
    Decided,
    /// 已列入会议议程
    Scheduled,
    /// 已协商 (its meeting has been held)
    Deliberated,
    /// 已撤回
    Withdrawn,
}

/// A meeting whose agenda takes up a topic.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OnAgenda {
    pub meeting: MeetingId,
    pub title: String,
    pub scheduled_at: Time,
    pub held: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PoolEntry {
    pub topic: Topic,
    pub status: Status,
    pub meetings: Vec<OnAgenda>,
    /// R-30DAYS: a street topic decided more than 30 days ago with no meeting by then, or
    /// first scheduled after its 30 days.
    pub warning: Option<Warning>,
}

/// The pool as of `now`: urgent first (先急后缓), then the earliest proposed; withdrawn and
/// deliberated topics after the ones still to be dealt with.
pub fn pool(topics: &[Topic], meetings: &[MeetingSummary], now: Time) -> Vec<PoolEntry> {
    let mut out: Vec<PoolEntry> = topics
        .iter()
        .map(|t| {
            let mut on: Vec<OnAgenda> = meetings
                .iter()
                .filter(|s| s.topics.iter().any(|id| id == &t.id))
                .map(|s| OnAgenda {
                    meeting: s.id,
                    title: s.title.clone(),
                    scheduled_at: s.scheduled_at,
                    held: s.phase != Phase::Setup && !s.publish.adjourned,
                })
                .collect();
            on.sort_by_key(|o| o.scheduled_at);
            let status = if t.withdrawn.is_some() {
                Status::Withdrawn
            } else if on.iter().any(|o| o.held) {
                Status::Deliberated
            } else if !on.is_empty() {
                Status::Scheduled
            } else if t.decided_at.is_some() {
                Status::Decided
            } else {
                Status::Proposed
            };
            let warning = if status == Status::Withdrawn { None } else { thirty_days(t, on.first(), now) };
            PoolEntry { topic: t.clone(), status, meetings: on, warning }
        })
        .collect();
    let rank = |e: &PoolEntry| matches!(e.status, Status::Withdrawn | Status::Deliberated);
    out.sort_by(|a, b| {
        rank(a)
            .cmp(&rank(b))
            .then(b.topic.urgent.cmp(&a.topic.urgent))
            .then(a.topic.proposed_at.cmp(&b.topic.proposed_at))
            .then(a.topic.id.cmp(&b.topic.id))
    });
    out
}

/// R-30DAYS for one street topic: its first meeting after the deadline, or none by then.
fn thirty_days(t: &Topic, first: Option<&OnAgenda>, now: Time) -> Option<Warning> {
    if t.level != Level::Street {
        return None;
    }
    let deadline = t.decided_at? + Duration::days(STREET_DAYS);
    let date = |x: Time| x.format("%Y-%m-%d").to_string();
    match first {
        Some(m) if m.scheduled_at > deadline => Some(Warning::with_args(
            Rule::ThirtyDays,
            "topic_scheduled_late",
            vec![t.title.clone(), date(deadline), date(m.scheduled_at)],
        )),
        None if now > deadline => {
            Some(Warning::with_args(Rule::ThirtyDays, "topic_overdue", vec![t.title.clone(), date(deadline)]))
        }
        _ => None,
    }
}

