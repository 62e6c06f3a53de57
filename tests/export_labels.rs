//! What the papers say, read back with pdftotext as a resident's reader or a search would
//! (issue 12, item 10 and the umbrella terms of item 9): the draft watermark shows and is not
//! text; an adjourned meeting says it was adjourned; the level and form name a community or a
//! village, not both; a late notice is stated as what the minutes record.

mod export_support;

use chrono::Duration;
use export_support::*;
use yishi::export::{Locale, Options, Source};
use yishi::intent::{Command, Intent};
use yishi::setup::{Form, Level};
use yishi::state::Snapshot;
use yishi::store::Store;

fn text_of(pdf: &[u8], dir: &std::path::Path, name: &str, layout: bool) -> String {
    let f = write_tmp(dir, &format!("{name}.pdf"), pdf);
    let mut args = vec![f.to_str().unwrap(), "-"];
    if layout {
        args.insert(0, "-layout");
    }
    run("pdftotext", &args)
}

fn notice_pdf(store: &Store, snap: &Snapshot, opts: &Options) -> Vec<u8> {
    let blob = |h: &str| store.blob(h).ok().flatten();
    yishi::export::notice(&Source { snap, blob: &blob }, &key(), opts).unwrap()
}

fn poster_pdf(store: &Store, snap: &Snapshot, opts: &Options) -> Vec<u8> {
    let blob = |h: &str| store.blob(h).ok().flatten();
    yishi::export::poster(&Source { snap, blob: &blob }, &key(), opts).unwrap()
}

/// The value printed beside a label of the particulars ("协商层级  社区协商").
fn particular(layout_text: &str, label: &str) -> String {
    let line = layout_text.lines().find(|l| l.trim_start().starts_with(label)).unwrap_or_else(|| panic!("no {label} in {layout_text}"));
    line.trim_start()[label.len()..].trim().to_string()
}

/// A store holding the demo's upcoming meeting, its setup changed by `f`, its notice and
/// invitations given `notice_days` before it.
fn upcoming_with(dir: &std::path::Path, notice_days: i64, f: impl Fn(&mut yishi::setup::MeetingSetup)) -> Store {
    let store = Store::open(dir).unwrap();
    let scheduled = start() + Duration::days(14);
    for mut cmd in yishi::demo::upcoming_meeting(upcoming_id(), scheduled, scheduled - Duration::days(notice_days)) {
        if let Intent::CreateMeeting(setup) = &mut cmd.intent {
            f(setup);
        }
        store.apply(&cmd).unwrap();
    }
    store
}

/// The sealed demo meeting held in another form.
fn sealed_as(dir: &std::path::Path, form: Form) -> Store {
    let store = Store::open(dir).unwrap();
    for mut cmd in yishi::demo::sealed_meeting(sealed_id(), start()) {
        if let Intent::CreateMeeting(setup) = &mut cmd.intent {
            setup.form = form;
        }
        store.apply(&cmd).unwrap();
    }
    store
}

#[test]
fn the_draft_watermark_shows_and_is_not_text() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir.path().join("data"));
    let up = store.snapshot(upcoming_id()).unwrap();
    let draft = Options { draft: true, ..Options::default() };
    let minutes = minutes_pdf(&store, &up, &draft).unwrap();
    let poster = poster_pdf(&store, &up, &draft);
    // where the page itself says it is a draft
    let minutes_says: &[&str] = &["会议记录（草稿，未封存）"];
    let poster_says: &[&str] = &["公示（草稿）", "本稿为草稿"];
    for (name, pdf, says) in [("minutes", &minutes, minutes_says), ("poster", &poster, poster_says)] {
        for layout in [false, true] {
            let text = text_of(pdf, dir.path(), name, layout);
            // "草稿 DRAFT" at 45° came out as "AF", "T" and the like among the page's lines
            assert!(!text.contains("DRAFT") && !text.contains("AF") && !text.lines().any(|l| l.trim() == "T"), "{name}: {text}");
            let mut rest: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            for said in says {
                assert!(rest.contains(said), "{name}: «{said}» in {text}");
                rest = rest.replace(said, "");
            }
            assert!(!rest.contains("草稿") && !rest.contains('草'), "{name}: the watermark's 草稿 in the text: {text}");
        }
        // and it is there to see: the middle of page 1 holds the watermark's light grey
        let f = write_tmp(dir.path(), &format!("{name}.pdf"), pdf);
        let prefix = dir.path().join(format!("{name}-p1"));
        run("pdftoppm", &["-png", "-gray", "-r", "40", "-f", "1", "-l", "1", "-singlefile", f.to_str().unwrap(), prefix.to_str().unwrap()]);
        let (w, h, px) = grey(&std::fs::read(dir.path().join(format!("{name}-p1.png"))).unwrap());
        let light = (h / 3..2 * h / 3).flat_map(|y| (w / 4..3 * w / 4).map(move |x| (x, y))).filter(|&(x, y)| (205..=232).contains(&px[y * w + x])).count();
        assert!(light > 300, "{name}: {light} watermark-grey pixels in the middle of page 1");
    }
}

#[test]
fn an_adjourned_street_meeting_says_it_was_adjourned() {
    let dir = tempfile::tempdir().unwrap();
    let store = upcoming_with(&dir.path().join("data"), 7, |s| {
        s.level = Level::Street;
        s.form = Form::DemocraticConsultation;
        s.title = "幸福街道2027年第一季度民主协商会".into();
    });
    let at = start() + Duration::days(14);
    let cmds = [
        Intent::OpenMeeting { by: "p01".into() },
        Intent::MarkAttendance { person: "p01".into(), mark: yishi::roll::Mark::Present, note: None },
        Intent::AdjournForLackOfQuorum { note: None },
    ];
    for (i, intent) in cmds.into_iter().enumerate() {
        store.apply(&Command { meeting: upcoming_id(), at: at + Duration::minutes(i as i64), intent }).unwrap();
    }
    let snap = store.snapshot(upcoming_id()).unwrap();
    assert!(snap.meeting.adjourned.is_some() && snap.meeting.level == Level::Street);
    let pdf = minutes_pdf(&store, &snap, &Options { draft: true, ..Options::default() }).unwrap();
    let text = text_of(&pdf, dir.path(), "adjourned", true);
    assert_eq!(particular(&text, "记录状态"), "因不足法定人数休会", "{text}");
    assert_eq!(particular(&text, "协商层级"), "街道协商");
    assert!(!text.contains("会议进行中"), "{text}");
    let en = minutes_pdf(&store, &snap, &Options { draft: true, locale: Locale::En, ..Options::default() }).unwrap();
    let text = text_of(&en, dir.path(), "adjourned-en", false);
    assert!(text.contains("adjourned for lack of a quorum") && !text.contains("in session"), "{text}");
}

#[test]
fn the_level_and_form_name_a_community_or_a_village() {
    let dir = tempfile::tempdir().unwrap();
    // (form, issuer, level printed, form printed, the group of a representative who is not 两委)
    let cases = [
        (Form::ResidentRepresentatives, None, "社区协商", "居民代表会议", "居民代表"),
        (Form::VillagerRepresentatives, None, "村协商", "村民代表会议", "村民代表"),
        (Form::DeliberationCouncil, Some("幸福社区居民委员会"), "社区协商", "居民议事会", "居民代表"),
        (Form::DeliberationCouncil, Some("下沙村村民委员会"), "村协商", "村民议事会", "村民代表"),
    ];
    for (n, (form, issuer, level, form_zh, rep)) in cases.into_iter().enumerate() {
        let store = sealed_as(&dir.path().join(format!("data{n}")), form);
        let snap = store.snapshot(sealed_id()).unwrap();
        let opts = Options { issuer: issuer.map(str::to_string), ..Options::default() };
        let text = text_of(&minutes_pdf(&store, &snap, &opts).unwrap(), dir.path(), "minutes", true);
        assert_eq!(particular(&text, "协商层级"), level, "{form:?} {issuer:?}");
        assert_eq!(particular(&text, "协商形式"), form_zh, "{form:?} {issuer:?}");
        // 刘德明 (p04), a representative, in the attendance table
        let row = text.lines().find(|l| l.contains("刘德明")).unwrap();
        assert!(row.contains(rep), "{row}");
        let notice = text_of(&notice_pdf(&store, &snap, &opts), dir.path(), "notice", false);
        assert!(notice.contains(&format!("{form_zh}（{level}）")), "{notice}");
        let poster = text_of(&poster_pdf(&store, &snap, &opts), dir.path(), "poster", false).replace('\n', "");
        assert!(poster.contains(&format!("召开{form_zh}，对以下事项进行了协商")), "{poster}");
        for t in [&notice, &poster] {
            for umbrella in ["社区（村）", "居（村）民"] {
                assert!(!t.contains(umbrella), "«{umbrella}» printed for residents: {t}");
            }
        }
    }
}

#[test]
fn a_late_notice_is_stated_as_what_the_minutes_record() {
    let dir = tempfile::tempdir().unwrap();
    let store = upcoming_with(&dir.path().join("data"), 3, |_| {});
    let snap = store.snapshot(upcoming_id()).unwrap();
    let codes: Vec<&str> = snap.warnings.iter().map(|w| w.code.as_str()).collect();
    assert!(codes.contains(&"notice_short") && codes.contains(&"invitations_short"), "{codes:?}");
    let pdf = minutes_pdf(&store, &snap, &Options { draft: true, ..Options::default() }).unwrap();
    let text = text_of(&pdf, dir.path(), "late", false).replace('\n', "");
    assert!(text.contains("备注：会议通知在开会前3天才公布，未按规定至少提前5天，特此记录在案。"), "{text}");
    assert!(text.contains("备注：参会邀请在开会前3天才发出，未按规定至少提前5天，特此记录在案。"), "{text}");
    assert!(!text.contains("将写入") && !text.contains("R-NOTICE5"), "{text}");
    let en = minutes_pdf(&store, &snap, &Options { draft: true, locale: Locale::En, ..Options::default() }).unwrap();
    let text = text_of(&en, dir.path(), "late-en", false).replace('\n', " ");
    assert!(text.contains("The meeting notice went out only 3 days before the meeting, not the 5 days ahead the guideline requires; recorded here as such."), "{text}");
    assert!(!text.contains("will say so"), "{text}");
}
