//! What the projector window receives: only what the room sees, so its size is bounded by
//! the agenda and one vote, not by the meeting's history. (Sending the whole meeting view to
//! the projector after every intent made the WebKit process grow with the meeting: each
//! event is delivered as an evaluated script of its payload.)

use serde::Serialize;
use ts_rs::TS;

use crate::views::{person_ref, time, vote_view, ItemStatus, Label, PersonRef, Phase, QuorumView, VoteView};
use yishi::i18n;

/// One agenda item as the closing screen lists it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ProjectorItem {
    /// 1-based position on the agenda.
    pub no: u32,
    pub title: String,
    pub status: ItemStatus,
    pub status_label: Label,
    /// For a voted item: whether the motion carried.
    pub passed: Option<bool>,
    pub resolution: Option<String>,
}

/// The person speaking now, for the countdown.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ProjectorTurn {
    pub person: PersonRef,
    pub started_at: String,
}

/// A vote in progress: the motion and how it is taken (no running count is shown to the room).
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ProjectorMotion {
    pub motion: String,
    pub mode_label: Label,
}

/// The open item: who speaks, who is next, or the vote being taken.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ProjectorCurrent {
    pub no: u32,
    pub title: String,
    pub turn: Option<ProjectorTurn>,
    pub next: Option<PersonRef>,
    pub vote: Option<ProjectorMotion>,
}

/// The item closed most recently: its result stays on the screen until the next one opens.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ProjectorResult {
    pub no: u32,
    pub title: String,
    pub status: ItemStatus,
    pub vote: Option<VoteView>,
    pub deferral_reason: Option<String>,
    pub resolution: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ProjectorView {
    pub id: String,
    pub title: String,
    pub phase: Phase,
    pub phase_label: Label,
    pub quorum: QuorumView,
    pub turn_limit_secs: u32,
    pub items: Vec<ProjectorItem>,
    pub current: Option<ProjectorCurrent>,
    /// Only while no item is open.
    pub last: Option<ProjectorResult>,
    /// R-SIGN: how many of those who sign have signed or declined.
    pub signed: u32,
    pub signers: u32,
}

impl From<&yishi::Snapshot> for ProjectorView {
    fn from(s: &yishi::Snapshot) -> Self {
        let m = &s.meeting;
        let no = |i: usize| i as u32 + 1;
        let current = m.agenda.iter().enumerate().find(|(_, i)| Some(&i.spec.id) == s.current_item.as_ref());
        // Latest close wins; on a tie the later item (they were closed in agenda order).
        let last = match current {
            Some(_) => None,
            None => m
                .agenda
                .iter()
                .enumerate()
                .filter_map(|(n, i)| i.closed_at.map(|at| (at, n, i)))
                .max_by_key(|(at, n, _)| (*at, *n)),
        };
        ProjectorView {
            id: m.id.to_string(),
            title: m.title.clone(),
            phase: m.phase.into(),
            phase_label: Label::of(|l| i18n::phase_label(m.phase, l)),
            quorum: QuorumView::from(&s.quorum),
            turn_limit_secs: m.turn_limit_secs,
            items: m
                .agenda
                .iter()
                .enumerate()
                .map(|(n, i)| ProjectorItem {
                    no: no(n),
                    title: i.spec.title.clone(),
                    status: i.status.into(),
                    status_label: Label::of(|l| i18n::item_status_label(i.status, l)),
                    passed: i.vote.as_ref().and_then(|v| v.outcome).map(|o| o.passed),
                    resolution: i.resolution.clone(),
                })
                .collect(),
            current: current.map(|(n, i)| ProjectorCurrent {
                no: no(n),
                title: i.spec.title.clone(),
                turn: i.running_turn().map(|t| ProjectorTurn {
                    person: person_ref(m, &t.person),
                    started_at: time(&t.started_at),
                }),
                next: i.queue.first().map(|p| person_ref(m, p)),
                vote: i.open_vote().map(|v| ProjectorMotion {
                    motion: v.motion.clone(),
                    mode_label: Label::of(|l| i18n::mode_label(v.mode, l)),
                }),
            }),
            last: last.map(|(_, n, i)| ProjectorResult {
                no: no(n),
                title: i.spec.title.clone(),
                status: i.status.into(),
                vote: i.vote.as_ref().map(|v| vote_view(m, v)),
                deferral_reason: i.deferral_reason.clone(),
                resolution: i.resolution.clone(),
            }),
            signed: m.signers.iter().filter(|id| m.signatures.iter().any(|e| &e.person == *id)).count() as u32,
            signers: m.signers.len() as u32,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::tests::demo_snapshots;

    #[test]
    fn the_projector_follows_the_meeting_with_a_bounded_view() {
        let snapshots = demo_snapshots();
        let sizes: Vec<usize> = snapshots
            .iter()
            .map(|s| serde_json::to_vec(&ProjectorView::from(s)).unwrap().len())
            .collect();
        let full: Vec<usize> = snapshots
            .iter()
            .map(|s| serde_json::to_vec(&crate::views::MeetingView::at(s, s.meeting.scheduled_at)).unwrap().len())
            .collect();
        // The whole view grows with every turn, ballot and signature; the projector's does not.
        assert!(full.last().unwrap() > &(2 * full[0]), "{full:?}");
        // At most the agenda, one speaker and one closed vote with its voters: a few KiB.
        assert!(sizes.iter().all(|&n| n < 8 * 1024), "{sizes:?}");

        // Somewhere in the demo a member speaks, a vote is taken, a result is shown.
        let views: Vec<ProjectorView> = snapshots.iter().map(ProjectorView::from).collect();
        let speaking = views.iter().find_map(|v| v.current.as_ref()?.turn.as_ref()).expect("a turn");
        assert!(!speaking.person.name.is_empty());
        let motion = views.iter().find_map(|v| v.current.as_ref()?.vote.as_ref()).expect("a vote");
        assert!(!motion.motion.is_empty());
        let result = views.iter().find_map(|v| v.last.as_ref()?.vote.as_ref()?.outcome.as_ref()).expect("a result");
        assert!(result.text.zh.contains("到会成员"), "{}", result.text.zh);
        // An open item hides the last result.
        assert!(views.iter().all(|v| v.current.is_none() || v.last.is_none()));

        let end = views.last().unwrap();
        assert_eq!(end.phase, Phase::Sealed);
        assert_eq!(end.items.len(), 3);
        assert_eq!(end.items[0].passed, Some(true));
        assert_eq!(end.items[1].passed, Some(false));
        assert_eq!(end.signed, end.signers);
        assert!(end.signers > 0);
        assert_eq!(Label::of(|l| i18n::phase_label(yishi::state::Phase::Sealed, l)), end.phase_label);
    }
}
