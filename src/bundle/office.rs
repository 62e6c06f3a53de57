//! The street office's view of the records it holds: each community whose bundles it imported,
//! with the year's meetings per form against the guideline's minimums (R-FREQ, R-OBSERVE), the
//! matters communities escalated to the street and where they stand (R-ESCALATE, R-30DAYS), and
//! the actions overdue across communities (R-IMPLEMENT) — all from the imported records.

use crate::community::compliance::Compliance;
use crate::ids::{MeetingId, Time};
use crate::store::{Store, StoreError};
use crate::topic::{PoolEntry, Source};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    pub year: i32,
    /// This installation's own record first (`key_id` None), then each community by name.
    pub communities: Vec<CommunityYear>,
    pub escalated: Vec<PoolEntry>,
    pub overdue: Vec<Overdue>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommunityYear {
    pub community: String,
    pub key_id: Option<String>,
    /// Meetings held from it, all years.
    pub meetings: usize,
    pub compliance: Compliance,
}

/// An action past its completion date and not reported done.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Overdue {
    pub community: String,
    pub meeting: MeetingId,
    pub title: String,
    pub action: u32,
    pub due: Time,
}

/// `own` names this installation's own record (its profile's community).
pub fn overview(store: &Store, year: i32, now: Time, own: &str) -> Result<Overview, StoreError> {
    let received = store.received_all();
    let origin: BTreeMap<MeetingId, (String, String)> = received.iter().map(|(id, o)| (*id, (o.key_id.clone(), o.community.clone()))).collect();
    let mut keys: BTreeMap<String, String> = BTreeMap::new();
    for (key, name) in origin.values() {
        // The name a community's latest bundle gave, by its key.
        keys.insert(key.clone(), name.clone());
    }
    let list = store.list()?;
    let mine: Vec<_> = list.iter().filter(|s| !origin.contains_key(&s.id)).cloned().collect();
    let mut communities = vec![CommunityYear { community: own.to_string(), key_id: None, meetings: mine.len(), compliance: store.compliance_of(&mine, year, now)? }];
    let mut others: Vec<(String, String)> = keys.into_iter().map(|(k, n)| (n, k)).collect();
    others.sort();
    for (name, key) in others {
        let theirs: Vec<_> = list.iter().filter(|s| origin.get(&s.id).is_some_and(|(k, _)| *k == key)).cloned().collect();
        communities.push(CommunityYear { community: name, meetings: theirs.len(), compliance: store.compliance_of(&theirs, year, now)?, key_id: Some(key) });
    }
    let escalated = store.pool(now)?.into_iter().filter(|e| e.topic.source == Source::Escalated).collect();
    let mut overdue = Vec::new();
    for s in &list {
        for a in s.implement.open.iter().filter(|a| a.due < now) {
            let community = origin.get(&s.id).map_or(own.to_string(), |(_, n)| n.clone());
            overdue.push(Overdue { community, meeting: s.id, title: s.title.clone(), action: a.no, due: a.due });
        }
    }
    overdue.sort_by_key(|o| o.due);
    Ok(Overview { year, communities, escalated, overdue })
}
