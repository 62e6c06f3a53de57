//! The year's meetings per form against the guideline's minimums (R-FREQ, R-OBSERVE), as the
//! home screen's 年度统计 shows it. The core counts and words the warnings; this only labels.

use serde::Serialize;
use tauri::State;
use ts_rs::TS;
use yishi::compliance::Every;
use yishi::i18n;

use crate::dto::Form;
use crate::ipc::IpcError;
use crate::views::{Label, WarningView};
use crate::AppState;

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ComplianceView {
    pub year: i32,
    /// Every form with a minimum; `in_use` for those this installation has held at all.
    pub forms: Vec<FormCountView>,
    /// R-OBSERVE: community meetings held this year with at least `observer_seats` seats.
    pub observed: u32,
    pub observed_required: u32,
    pub observer_seats: u32,
    /// Any community meeting is recorded here (else R-OBSERVE does not apply).
    pub community: bool,
    pub warnings: Vec<WarningView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct FormCountView {
    pub form: Form,
    pub form_label: Label,
    /// "每季度至少1次" / "at least once a quarter".
    pub minimum_label: Label,
    pub held: u32,
    pub in_use: bool,
    pub periods: Vec<PeriodView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct PeriodView {
    /// "第2季度" / "Q2", "上半年" / "first half", "全年" / "year".
    pub label: Label,
    pub held: u32,
    pub ended: bool,
    pub missed: bool,
}

fn minimum_label(e: Every) -> Label {
    match e {
        Every::Year => Label { zh: "每年至少1次".into(), en: "at least once a year".into() },
        Every::HalfYear => Label { zh: "每半年至少1次".into(), en: "at least once a half-year".into() },
        Every::Quarter => Label { zh: "每季度至少1次".into(), en: "at least once a quarter".into() },
    }
}

fn period_label(e: Every, no: u32) -> Label {
    match (e, no) {
        (Every::Year, _) => Label { zh: "全年".into(), en: "year".into() },
        (Every::HalfYear, 1) => Label { zh: "上半年".into(), en: "first half".into() },
        (Every::HalfYear, _) => Label { zh: "下半年".into(), en: "second half".into() },
        (Every::Quarter, n) => Label { zh: format!("第{n}季度"), en: format!("Q{n}") },
    }
}

impl From<&yishi::compliance::Compliance> for ComplianceView {
    fn from(c: &yishi::compliance::Compliance) -> Self {
        ComplianceView {
            year: c.year,
            forms: c
                .forms
                .iter()
                .map(|f| FormCountView {
                    form: f.form.into(),
                    form_label: Label::of(|l| i18n::form_label(f.form, l)),
                    minimum_label: minimum_label(f.every),
                    held: f.held,
                    in_use: f.in_use,
                    periods: f
                        .periods
                        .iter()
                        .map(|p| PeriodView { label: period_label(f.every, p.no), held: p.held, ended: p.ended, missed: p.missed() })
                        .collect(),
                })
                .collect(),
            observed: c.observed,
            observed_required: yishi::compliance::OBSERVED_MEETINGS,
            observer_seats: yishi::compliance::OBSERVER_SEATS,
            community: c.community,
            warnings: c.warnings.iter().map(WarningView::from).collect(),
        }
    }
}

/// The year's compliance as of now; `year` defaults to this year.
#[tauri::command]
pub async fn compliance(state: State<'_, AppState>, year: Option<i32>) -> Result<ComplianceView, IpcError> {
    use chrono::Datelike;
    let now = crate::commands::now();
    Ok(ComplianceView::from(&state.store.compliance(year.unwrap_or(now.year()), now)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_labelled_and_a_period_over_with_none_held_is_missed() {
        // The demo's 居民代表会议, held on 2026-11-19: the second half of 2026.
        let snap = crate::views::tests::sealed_demo();
        let summary = yishi::store::MeetingSummary::of(&snap.meeting, &[0; 32], 1, 1);
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-27T12:00:00+08:00").unwrap();
        let c = yishi::compliance::compliance(&[summary], |s| s.observer_seats.unwrap_or(0), 2026, now);
        let v = ComplianceView::from(&c);
        let reps = v.forms.iter().find(|f| f.in_use).expect("the form held is in use");
        assert_eq!(reps.form_label.zh, "居民代表会议");
        assert_eq!(reps.minimum_label, Label { zh: "每半年至少1次".into(), en: "at least once a half-year".into() });
        let periods: Vec<(&str, u32, bool)> = reps.periods.iter().map(|p| (p.label.zh.as_str(), p.held, p.missed)).collect();
        assert_eq!(periods, [("上半年", 0, true), ("下半年", 1, false)]);
        assert_eq!((v.observed_required, v.observer_seats), (4, 2));
        assert_eq!(v.warnings.len(), 1);
        assert_eq!(v.warnings[0].rule, "R-FREQ");
    }
}
