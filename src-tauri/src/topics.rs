//! The topic pool (议题池) as the home screen shows and edits it: R-TOPIC, R-30DAYS, R-ESCALATE.
//! The core checks each change (`yishi::topic`) and derives where a topic stands; this makes the
//! ids, reads the clock, stores, and labels.

use serde::{Deserialize, Serialize};
use tauri::State;
use ts_rs::TS;
use yishi::community::{CommunityCommand, CommunityIntent};
use yishi::i18n;
use yishi::topic::{self, PoolEntry, Topic};

use crate::dto::Level;
use crate::ipc::IpcError;
use crate::views::{time, Label, WarningView};
use crate::commands::now;
use crate::AppState;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TopicSource {
    Residents,
    Committees,
    Delegated,
    Escalated,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TopicStatus {
    Proposed,
    Decided,
    Scheduled,
    Deliberated,
    Withdrawn,
}

/// A new topic as the UI sends it.
#[derive(Clone, Debug, PartialEq, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct TopicInput {
    pub title: String,
    #[serde(default)]
    pub background: String,
    #[serde(default)]
    pub stakeholders: String,
    pub level: Level,
    #[serde(default)]
    pub urgent: bool,
    pub source: TopicSource,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct TopicView {
    pub id: String,
    pub title: String,
    pub background: String,
    pub stakeholders: String,
    pub level: Level,
    pub level_label: Label,
    pub urgent: bool,
    pub source: TopicSource,
    pub source_label: Label,
    pub status: TopicStatus,
    pub status_label: Label,
    pub proposed_at: String,
    pub decided_at: Option<String>,
    pub withdrawn_reason: Option<String>,
    /// R-ESCALATE: the community meeting and item it was forwarded from.
    pub escalated_from: Option<EscalatedFrom>,
    /// Meetings whose agenda takes it up, earliest first.
    pub meetings: Vec<TopicMeeting>,
    /// R-30DAYS, as of the moment the view was made.
    pub warning: Option<WarningView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct EscalatedFrom {
    pub meeting: String,
    pub meeting_title: String,
    pub item: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct TopicMeeting {
    pub meeting: String,
    pub title: String,
    pub scheduled_at: String,
    pub held: bool,
}

fn source_core(s: TopicSource) -> topic::Source {
    match s {
        TopicSource::Residents => topic::Source::Residents,
        TopicSource::Committees => topic::Source::Committees,
        TopicSource::Delegated => topic::Source::Delegated,
        TopicSource::Escalated => topic::Source::Escalated,
    }
}

fn source_view(s: topic::Source) -> TopicSource {
    match s {
        topic::Source::Residents => TopicSource::Residents,
        topic::Source::Committees => TopicSource::Committees,
        topic::Source::Delegated => TopicSource::Delegated,
        topic::Source::Escalated => TopicSource::Escalated,
    }
}

fn status_view(s: topic::Status) -> TopicStatus {
    match s {
        topic::Status::Proposed => TopicStatus::Proposed,
        topic::Status::Decided => TopicStatus::Decided,
        topic::Status::Scheduled => TopicStatus::Scheduled,
        topic::Status::Deliberated => TopicStatus::Deliberated,
        topic::Status::Withdrawn => TopicStatus::Withdrawn,
    }
}

fn level_core(l: Level) -> yishi::setup::Level {
    match l {
        Level::Street => yishi::setup::Level::Street,
        Level::Community => yishi::setup::Level::Community,
    }
}

pub fn topic_view(e: &PoolEntry, meeting_title: impl Fn(&yishi::MeetingId) -> String) -> TopicView {
    let t = &e.topic;
    TopicView {
        id: t.id.clone(),
        title: t.title.clone(),
        background: t.background.clone(),
        stakeholders: t.stakeholders.clone(),
        level: t.level.into(),
        level_label: Label::of(|l| i18n::level_label(t.level, l)),
        urgent: t.urgent,
        source: source_view(t.source),
        source_label: Label::of(|l| topic::source_label(t.source, l)),
        status: status_view(e.status),
        status_label: Label::of(|l| topic::status_label(e.status, l)),
        proposed_at: time(&t.proposed_at),
        decided_at: t.decided_at.as_ref().map(time),
        withdrawn_reason: t.withdrawn.as_ref().map(|w| w.reason.clone()),
        escalated_from: t.escalated_from.as_ref().map(|r| EscalatedFrom {
            meeting: r.meeting.to_string(),
            meeting_title: meeting_title(&r.meeting),
            item: r.item.to_string(),
        }),
        meetings: e
            .meetings
            .iter()
            .map(|m| TopicMeeting {
                meeting: m.meeting.to_string(),
                title: m.title.clone(),
                scheduled_at: m.scheduled_at.to_rfc3339(),
                held: m.held,
            })
            .collect(),
        warning: e.warning.as_ref().map(WarningView::from),
    }
}

fn pool_view(store: &yishi::Store) -> Result<Vec<TopicView>, IpcError> {
    let list = store.list()?;
    let title = |id: &yishi::MeetingId| list.iter().find(|s| &s.id == id).map(|s| s.title.clone()).unwrap_or_default();
    Ok(yishi::topic::pool(&store.topics()?, &list, now()).iter().map(|e| topic_view(e, title)).collect())
}

/// One intent of the pool, checked and recorded by the core; resolves to the whole pool.
fn record(store: &yishi::Store, intent: CommunityIntent) -> Result<Vec<TopicView>, IpcError> {
    store.record(&CommunityCommand { at: now(), intent })?;
    pool_view(store)
}

#[tauri::command]
pub async fn list_topics(state: State<'_, AppState>) -> Result<Vec<TopicView>, IpcError> {
    pool_view(&state.store)
}

/// R-TOPIC: the topics a new agenda item of a `level` meeting may take, as the core decides
/// (still to be dealt with, of that level).
#[tauri::command]
pub async fn agenda_topics(state: State<'_, AppState>, level: Level) -> Result<Vec<TopicView>, IpcError> {
    let list = state.store.list()?;
    let title = |id: &yishi::MeetingId| list.iter().find(|s| &s.id == id).map(|s| s.title.clone()).unwrap_or_default();
    Ok(state.store.offered_topics(level_core(level), now())?.iter().map(|e| topic_view(e, title)).collect())
}

/// R-TOPIC: a new topic in the pool; resolves to the whole pool.
#[tauri::command]
pub async fn propose_topic(state: State<'_, AppState>, topic: TopicInput) -> Result<Vec<TopicView>, IpcError> {
    let t = Topic {
        id: format!("t-{}", yishi::MeetingId::new_random()),
        title: topic.title.trim().to_string(),
        background: topic.background.trim().to_string(),
        stakeholders: topic.stakeholders.trim().to_string(),
        level: level_core(topic.level),
        urgent: topic.urgent,
        source: source_core(topic.source),
        proposed_at: now(),
        decided_at: None,
        withdrawn: None,
        escalated_from: None,
    };
    record(&state.store, CommunityIntent::ProposeTopic { topic: t })
}

/// 确定为议题 (R-30DAYS starts for a street topic).
#[tauri::command]
pub async fn decide_topic(state: State<'_, AppState>, id: String) -> Result<Vec<TopicView>, IpcError> {
    record(&state.store, CommunityIntent::DecideTopic { id })
}

#[tauri::command]
pub async fn withdraw_topic(state: State<'_, AppState>, id: String, reason: String) -> Result<Vec<TopicView>, IpcError> {
    record(&state.store, CommunityIntent::WithdrawTopic { id, reason })
}

/// R-ESCALATE: a closed item of a community meeting forwarded as a topic to `to` (the street,
/// or a 居民（代表）会议 at the community level).
#[tauri::command]
pub async fn escalate_item(
    state: State<'_, AppState>,
    meeting: String,
    item: String,
    to: Level,
) -> Result<Vec<TopicView>, IpcError> {
    let id: yishi::MeetingId =
        meeting.parse().map_err(|_| IpcError::from(yishi::Refusal::BadId { field: yishi::refusal::Field::MeetingId, value: meeting.chars().take(80).collect() }))?;
    let new = format!("t-{}", yishi::MeetingId::new_random());
    record(&state.store, CommunityIntent::EscalateItem { meeting: id, item: item.as_str().into(), to: level_core(to), id: new })
}
