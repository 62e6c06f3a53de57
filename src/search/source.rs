//! A meeting read for indexing, with the checks `Store::snapshot` makes — every link of its chain,
//! its end against the store's index entry — but folded from the read model's events without
//! entering the store's cache of folded meetings: indexing an archive of 10,000 meetings through
//! `Store::snapshot` would keep every one of them in memory for as long as the store is open.
//! Anything out of the ordinary (a copy sled cannot read, a chain that does not check out) goes
//! through `Store::snapshot`, which knows what to do about it.

use crate::event::Event;
use crate::state::Meeting;
use crate::store::chain::{self, StoredEvent};
use crate::store::verify::ChainCheck;
use crate::store::{MeetingSummary, Store, StoreError};

pub fn read(store: &Store, s: &MeetingSummary) -> Result<(Meeting, String), StoreError> {
    if let Some(m) = from_log(store, s) {
        return Ok((m, s.head.clone()));
    }
    let snap = store.snapshot(s.id)?;
    Ok((snap.meeting, snap.record.head))
}

fn from_log(store: &Store, s: &MeetingSummary) -> Option<Meeting> {
    let mut check = ChainCheck::new(s.id);
    let mut meeting: Option<Meeting> = None;
    for kv in store.log_tree().scan_prefix(chain::events_prefix(s.id)) {
        let (k, v) = kv.ok()?;
        let (_, seq) = chain::parse_event_key(&k)?;
        check.feed(seq, &v);
        if check.broken.is_some() {
            return None;
        }
        let ev: StoredEvent = serde_json::from_slice(chain::open_value(&v)?.body).ok()?;
        match (&mut meeting, &ev.event) {
            (None, Event::MeetingCreated(setup)) => meeting = Some(Meeting::create(s.id, setup, ev.at)),
            (Some(m), e) => m.apply(e, ev.at),
            (None, _) => return None,
        }
    }
    check.finish(Some(s)).ok()?;
    meeting
}
