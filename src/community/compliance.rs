//! R-FREQ and R-OBSERVE: the year's count of meetings held, per form, against the guideline's
//! minimums (五): 街道民主协商会, 居民会议 and 村民会议 at least once a year, 居民代表会议 once
//! a half-year, 村民代表会议 and 议事会 once a quarter; and community meetings offering at least
//! 2 observer seats (预约旁听) at least 4 times a year (六.(二).3).
//!
//! Read from the meeting index, with `now` passed in: a period not yet over is "not yet due",
//! not missed.

use chrono::{Datelike, TimeZone};
use serde::{Deserialize, Serialize};

use crate::ids::Time;
use crate::rules::Rule;
use crate::setup::{Form, Level};
use crate::state::{Phase, Warning};
use crate::meeting::summary::MeetingSummary;

/// How often a form must be held.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Every {
    Year,
    HalfYear,
    Quarter,
}

impl Every {
    fn periods(self) -> u32 {
        match self {
            Every::Year => 1,
            Every::HalfYear => 2,
            Every::Quarter => 4,
        }
    }
}

/// The forms with a minimum frequency (五).
pub const MINIMUMS: [(Form, Every); 6] = [
    (Form::DemocraticConsultation, Every::Year),
    (Form::ResidentsAssembly, Every::Year),
    (Form::ResidentRepresentatives, Every::HalfYear),
    (Form::VillagersAssembly, Every::Year),
    (Form::VillagerRepresentatives, Every::Quarter),
    (Form::DeliberationCouncil, Every::Quarter),
];

/// Community meetings a year that offer observer booking, and the seats each must offer.
pub const OBSERVED_MEETINGS: u32 = 4;
pub const OBSERVER_SEATS: u32 = 2;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PeriodCount {
    /// 1-based: the quarter, the half, or 1 for the year.
    pub no: u32,
    pub held: u32,
    /// The period is over at `now`.
    pub ended: bool,
}

impl PeriodCount {
    pub fn missed(&self) -> bool {
        self.ended && self.held == 0
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormCount {
    pub form: Form,
    pub every: Every,
    pub periods: Vec<PeriodCount>,
    pub held: u32,
    /// Any meeting of this form is in the index, in any year: the form is one this
    /// installation holds (a community has no 村民会议, a village no 居民会议).
    pub in_use: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Compliance {
    pub year: i32,
    pub forms: Vec<FormCount>,
    /// R-OBSERVE: community meetings held this year with at least 2 observer seats.
    pub observed: u32,
    /// Whether any community meeting is in the index (else R-OBSERVE does not apply here).
    pub community: bool,
    /// R-FREQ for every period over with a form in use not held; R-OBSERVE once the year is
    /// over with fewer than 4.
    pub warnings: Vec<Warning>,
}

/// Held: opened and not adjourned for lack of quorum (adjourned, nothing was deliberated).
fn held(s: &MeetingSummary) -> bool {
    s.phase != Phase::Setup && !s.publish.adjourned
}

/// Which period of the year a meeting falls in, by its scheduled time in its own offset.
fn period_of(t: &Time, every: Every) -> u32 {
    (t.month0() * every.periods() / 12) + 1
}

/// The end of period `no` of `year` in `now`'s offset.
fn period_end(year: i32, every: Every, no: u32, now: &Time) -> Option<Time> {
    let months = 12 / every.periods();
    let end_month0 = no * months; // the month after the period, 0-based; 12 is next January
    let (y, m) = if end_month0 >= 12 { (year + 1, 1) } else { (year, end_month0 + 1) };
    now.offset().with_ymd_and_hms(y, m, 1, 0, 0, 0).single()
}

/// The year's counts. `observer_seats` gives a listed meeting's seats (kept in newer index
/// entries; older ones are read from their record by `Store::compliance`).
pub fn compliance(list: &[MeetingSummary], observer_seats: impl Fn(&MeetingSummary) -> u32, year: i32, now: Time) -> Compliance {
    let in_year: Vec<&MeetingSummary> = list.iter().filter(|s| s.scheduled_at.year() == year && held(s)).collect();
    let forms = MINIMUMS
        .iter()
        .map(|&(form, every)| {
            let periods = (1..=every.periods())
                .map(|no| PeriodCount {
                    no,
                    held: in_year.iter().filter(|s| s.form == form && period_of(&s.scheduled_at, every) == no).count() as u32,
                    ended: period_end(year, every, no, &now).is_some_and(|end| now >= end),
                })
                .collect::<Vec<_>>();
            FormCount {
                form,
                every,
                held: periods.iter().map(|p| p.held).sum(),
                periods,
                in_use: list.iter().any(|s| s.form == form),
            }
        })
        .collect::<Vec<_>>();
    let observed = in_year
        .iter()
        .filter(|s| s.level == Level::Community && observer_seats(s) >= OBSERVER_SEATS)
        .count() as u32;
    let community = list.iter().any(|s| s.level == Level::Community);

    let mut warnings = Vec::new();
    for f in forms.iter().filter(|f| f.in_use) {
        for p in f.periods.iter().filter(|p| p.missed()) {
            let form = crate::i18n::form_label(f.form, crate::i18n::Locale::Zh);
            let form_en = crate::i18n::form_label(f.form, crate::i18n::Locale::En);
            warnings.push(Warning::with_args(
                Rule::Freq,
                "freq_missed",
                vec![form.into(), every_code(f.every).into(), p.no.to_string(), year.to_string(), form_en.into()],
            ));
        }
    }
    let year_over = period_end(year, Every::Year, 1, &now).is_some_and(|end| now >= end);
    if community && year_over && observed < OBSERVED_MEETINGS {
        warnings.push(Warning::with_args(Rule::Observe, "observe_short", vec![year.to_string(), observed.to_string()]));
    }
    Compliance { year, forms, observed, community, warnings }
}

fn every_code(e: Every) -> &'static str {
    match e {
        Every::Year => "year",
        Every::HalfYear => "half",
        Every::Quarter => "quarter",
    }
}
