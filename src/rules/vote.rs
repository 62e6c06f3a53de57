//! Collective decision (R-VOTE): modes, threshold rules and the outcome.
//!
//! The denominator is the members present when the vote opened, not the ballots
//! cast: abstentions and non-votes never help a motion pass.

use crate::ids::{PersonId, Time};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// R-VOTE: how a vote is taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteMode {
    /// 举手表决: counts only.
    Hands,
    /// 记名表决: each member's choice is recorded.
    Named,
    /// 无记名投票: counts only.
    Secret,
}

/// R-VOTE: the threshold a motion must reach.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteRule {
    /// 到会成员半数以上（含半数）: yes × 2 ≥ present. The literal reading of the
    /// guideline, where 以上 includes the number itself; an exact half passes.
    #[default]
    HalfOrMore,
    /// 过半数: yes × 2 > present; an exact half fails.
    MoreThanHalf,
    /// 三分之二以上: yes × 3 ≥ present × 2.
    TwoThirds,
}

impl VoteRule {
    /// The fewest yes votes that pass, out of `present`.
    pub fn required_yes(self, present: u32) -> u32 {
        match self {
            VoteRule::HalfOrMore => present.div_ceil(2),
            VoteRule::MoreThanHalf => present / 2 + 1,
            VoteRule::TwoThirds => (present * 2).div_ceil(3),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    Yes,
    No,
    Abstain,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tally {
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
}

impl Tally {
    pub fn counted(self) -> u32 {
        self.yes.saturating_add(self.no).saturating_add(self.abstain)
    }

    pub fn of(ballots: &BTreeMap<PersonId, Choice>) -> Tally {
        let mut t = Tally::default();
        for c in ballots.values() {
            match c {
                Choice::Yes => t.yes += 1,
                Choice::No => t.no += 1,
                Choice::Abstain => t.abstain += 1,
            }
        }
        t
    }
}

/// The result, carrying the rule applied so the minutes can print it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub passed: bool,
    pub rule: VoteRule,
    pub present: u32,
    pub required_yes: u32,
    /// Present members who cast no ballot: they count against, like abstentions.
    pub not_voting: u32,
    /// yes × 2 == present: the case where the rules differ, explained in the result.
    pub exact_half: bool,
}

/// Decides a vote. `tally.counted() <= present` must already hold. R-VOTE
pub fn decide(rule: VoteRule, present: u32, tally: Tally) -> Outcome {
    let required_yes = rule.required_yes(present);
    Outcome {
        passed: present > 0 && tally.yes >= required_yes,
        rule,
        present,
        required_yes,
        not_voting: present.saturating_sub(tally.counted()),
        exact_half: present > 0 && tally.yes * 2 == present,
    }
}

/// A vote on the open agenda item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Vote {
    pub motion: String,
    pub mode: VoteMode,
    pub rule: VoteRule,
    /// Members present when the vote opened: the denominator, and who may vote by name.
    pub eligible: Vec<PersonId>,
    pub opened_at: Time,
    /// Named votes only: each member's choice.
    pub ballots: BTreeMap<PersonId, Choice>,
    pub tally: Option<Tally>,
    pub outcome: Option<Outcome>,
    pub closed_at: Option<Time>,
}

#[cfg(test)]
mod tests {
    use super::*;

    // R-VOTE: the three thresholds at and around the exact half.
    #[test]
    fn r_vote_thresholds_table() {
        let t = |yes, no, abstain| Tally { yes, no, abstain };
        let cases = [
            // rule, present, tally, passes, exact half
            (VoteRule::HalfOrMore, 10, t(5, 5, 0), true, true),
            (VoteRule::MoreThanHalf, 10, t(5, 5, 0), false, true),
            (VoteRule::TwoThirds, 10, t(5, 5, 0), false, true),
            (VoteRule::HalfOrMore, 10, t(4, 0, 6), false, false),
            (VoteRule::MoreThanHalf, 10, t(6, 4, 0), true, false),
            (VoteRule::TwoThirds, 9, t(6, 3, 0), true, false),
            (VoteRule::TwoThirds, 9, t(5, 0, 0), false, false),
            (VoteRule::HalfOrMore, 9, t(5, 4, 0), true, false),
            (VoteRule::HalfOrMore, 9, t(4, 0, 0), false, false),
            (VoteRule::MoreThanHalf, 9, t(5, 0, 0), true, false),
        ];
        for (rule, present, tally, passes, half) in cases {
            let o = decide(rule, present, tally);
            assert_eq!(o.passed, passes, "{rule:?} {present} {tally:?}");
            assert_eq!(o.exact_half, half, "{rule:?} {present} {tally:?}");
            assert_eq!(o.not_voting, present - tally.counted());
        }
    }
}
