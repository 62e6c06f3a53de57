//! The notice-board poster (公示, R-PUBLISH) read from 1.5–2 m: every item's result in bold at
//! least 28 pt on A4 and 40 pt on A3, the body at least 16 pt / 22 pt, the sheet used to its
//! margins, a long agenda continued on another sheet rather than shrunk; who carries out a
//! resolution, by when and when progress is reported back (R-IMPLEMENT); corrections after the
//! seal; a draft that says it is one; a QR code a phone reads. Sizes are read from the PDF's
//! content streams (lopdf, the text decoded through the font's ToUnicode map); pages rendered by
//! pdftoppm are compared with the stored references (tests/fixtures/poster/).

mod export_support;

use chrono::Duration;
use export_support::*;
use yishi::agenda::AgendaItemSpec;
use yishi::export::{Options, Paper, Source};
use yishi::intent::{Command, Intent};
use yishi::state::Snapshot;
use yishi::store::Store;
use yishi::vote::{Tally, VoteMode};

const ISSUER: &str = "幸福社区居民委员会";

/// The smallest sizes, per paper: (result, body).
fn minimum(paper: Paper) -> (f32, f32) {
    match paper {
        Paper::A4 => (28.0, 16.0),
        Paper::A3 => (40.0, 22.0),
    }
}

fn poster(store: &Store, snap: &Snapshot, opts: &Options) -> Vec<u8> {
    let blob = |h: &str| store.blob(h).ok().flatten();
    yishi::export::poster(&Source { snap, blob: &blob }, &key(), opts).unwrap()
}

fn opts(paper: Paper) -> Options {
    Options { paper, issuer: Some(ISSUER.into()), ..Options::default() }
}

/// One piece of text as drawn: a `Tj` inside its `BT`…`ET`.
#[derive(Debug, Clone)]
struct Run {
    page: usize,
    text: String,
    size: f32,
    bold: bool,
    /// baseline, in pt from the bottom of the page
    y: f32,
}

/// Every text run of a PDF, in drawing order, with its size and whether it is set bold (the
/// export draws bold as fill + stroke, text rendering mode 2).
fn runs(pdf: &[u8]) -> Vec<Run> {
    let doc = lopdf::Document::load_mem(pdf).expect("a PDF lopdf reads");
    let mut out = Vec::new();
    for (n, (_, page_id)) in doc.get_pages().into_iter().enumerate() {
        let fonts = doc.get_page_fonts(page_id).unwrap();
        let encodings: std::collections::BTreeMap<Vec<u8>, lopdf::Encoding> =
            fonts.iter().map(|(name, f)| (name.clone(), f.get_font_encoding(&doc).unwrap())).collect();
        let content = doc.get_and_decode_page_content(page_id).unwrap();
        let (mut font, mut size, mut mode, mut y) = (Vec::new(), 0.0f32, 0i64, 0.0f32);
        let num = |o: &lopdf::Object| o.as_float().or_else(|_| o.as_i64().map(|i| i as f32)).unwrap();
        for op in &content.operations {
            match op.operator.as_str() {
                "Tf" => {
                    font = op.operands[0].as_name().unwrap().to_vec();
                    size = num(&op.operands[1]);
                }
                "Tr" => mode = op.operands[0].as_i64().unwrap(),
                "Td" => y = num(&op.operands[1]),
                "Tm" => y = num(&op.operands[5]),
                "Tj" => {
                    let bytes = op.operands[0].as_str().unwrap();
                    let text = lopdf::Document::decode_text(&encodings[&font], bytes).unwrap();
                    out.push(Run { page: n + 1, text, size, bold: mode == 2, y });
                }
                "TJ" => panic!("TJ is not written by the export"),
                _ => {}
            }
        }
    }
    out
}

/// With YISHI_POSTER_OUT=DIR, a poster is also written there to be looked at.
fn keep(name: &str, pdf: &[u8]) {
    if let Some(dir) = std::env::var_os("YISHI_POSTER_OUT") {
        std::fs::write(std::path::Path::new(&dir).join(format!("{name}.pdf")), pdf).unwrap();
    }
}

fn page_count(file: &std::path::Path) -> usize {
    let info = run("pdfinfo", &[file.to_str().unwrap()]);
    info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap()
}

/// The demo's sealed meeting with `extra` more items, taken up after the third one — voted,
/// agreed by consensus or deferred in turn — before the minutes are finalized.
fn store_with_items(dir: &std::path::Path, extra: usize) -> Store {
    let store = Store::open(dir).unwrap();
    let people = yishi::demo::roster();
    let at0 = chrono::DateTime::parse_from_rfc3339("2026-01-01T09:00:00+08:00").unwrap();
    store.record(&yishi::community::CommunityCommand { at: at0, intent: yishi::community::CommunityIntent::ImportPeople { people } }).unwrap();
    let mut cmds = yishi::demo::sealed_meeting(sealed_id(), start());
    let edit = cmds.iter().position(|c| matches!(c.intent, Intent::EditMinutes { .. })).unwrap();
    let mut at = cmds[edit - 1].at;
    let mut added = Vec::new();
    let mut push = |intent: Intent, added: &mut Vec<Command>| {
        at += Duration::seconds(3);
        added.push(Command { meeting: sealed_id(), at, intent });
    };
    for k in 0..extra {
        let id = format!("x{}", k + 1);
        let spec = AgendaItemSpec {
            id: id.as_str().into(),
            title: format!("关于小区公共事务第{}项（增补议题）的议题", k + 1),
            background: "增补议题。".into(),
            stakeholders: "全体居民".into(),
            redo_of: None,
            topic: None,
        };
        // items added before the meeting opens, as a chair would (AddAgendaItem)
        let create = cmds.iter().position(|c| matches!(c.intent, Intent::CreateMeeting(_))).unwrap();
        let c = &cmds[create];
        cmds.insert(create + 1 + k, Command { meeting: c.meeting, at: c.at + Duration::seconds(1 + k as i64), intent: Intent::AddAgendaItem { item: spec } });
        push(Intent::OpenItem { item: id.as_str().into() }, &mut added);
        match k % 3 {
            0 => {
                push(Intent::OpenVote { motion: format!("同意增补议题第{}项的实施方案，由社区工作站组织落实", k + 1), mode: VoteMode::Hands, rule: None }, &mut added);
                push(Intent::CloseVote { counts: Some(Tally { yes: 14, no: 4, abstain: 2 }) }, &mut added);
            }
            1 => push(Intent::CloseByConsensus { resolution: format!("增补议题第{}项按居民意见修改后实施", k + 1) }, &mut added),
            _ => push(Intent::DeferItem { reason: "需进一步征求住户意见".into() }, &mut added),
        }
    }
    let edit = cmds.iter().position(|c| matches!(c.intent, Intent::EditMinutes { .. })).unwrap();
    for (i, c) in added.into_iter().enumerate() {
        cmds.insert(edit + i, c);
    }
    for cmd in cmds {
        store.apply(&cmd).unwrap_or_else(|e| panic!("{:?}: {e:?}", cmd.intent));
    }
    store
}

/// The results as printed: "通过"/"未通过", "延期", "协商一致：…" per item, in order.
fn expected_results(snap: &Snapshot) -> Vec<String> {
    use yishi::agenda::ItemStatus;
    snap.meeting
        .agenda
        .iter()
        .map(|i| match i.status {
            ItemStatus::Voted if i.vote.as_ref().unwrap().outcome.unwrap().passed => "通过".to_string(),
            ItemStatus::Voted => "未通过".to_string(),
            ItemStatus::Consensus => format!("协商一致：{}", i.resolution.clone().unwrap()),
            ItemStatus::Deferred => "延期".to_string(),
            ItemStatus::Pending => "待议".to_string(),
            ItemStatus::Open => "正在协商".to_string(),
        })
        .collect()
}

/// Checks the sizes of one poster: each item's result bold at the result size or more (first,
/// right under the item's heading), and every piece of the body at the body size or more. Small
/// print is allowed only in the running head, the footer and the verification block after the
/// issuer's lines on the last page.
fn check_sizes(pdf: &[u8], snap: &Snapshot, paper: Paper) -> Vec<Run> {
    let (min_result, min_body) = minimum(paper);
    let all = runs(pdf);
    let ph = paper.size().1;
    // the item headings, in order, and the result drawn right after each
    let mut from = 0;
    for (n, (item, want)) in snap.meeting.agenda.iter().zip(expected_results(snap)).enumerate() {
        let start: String = item.spec.title.chars().take(8).collect();
        let h = all[from..]
            .iter()
            .position(|r| r.text.contains(&start))
            .unwrap_or_else(|| panic!("heading of item {} missing", n + 1))
            + from;
        // the result is the first text at the result size after the heading (which may take
        // two lines), and may itself take several lines (a consensus)
        let first = all[h + 1..].iter().position(|r| r.size >= min_result - 0.01).unwrap() + h + 1;
        assert!(first <= h + 2, "item {}: the result comes right after the heading: {:?}", n + 1, &all[h..=first]);
        let big: Vec<&Run> = all[first..].iter().take_while(|r| r.size >= min_result - 0.01).collect();
        let printed: String = big.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(printed.replace(' ', ""), want.replace(' ', ""), "item {}'s result on {paper:?}", n + 1);
        for r in &big {
            assert!(r.bold, "item {}'s result «{}» is bold", n + 1, r.text);
            assert!(r.size >= min_result, "item {}'s result «{}» at {} pt < {min_result}", n + 1, r.text, r.size);
        }
        from = h + 1;
    }
    // everything else: the body size or more, or small print where small print belongs
    let last = all.iter().map(|r| r.page).max().unwrap();
    let issuer_line = all.iter().rposition(|r| r.text.contains("公示日期")).expect("the publication date line");
    let (top_band, bottom_band) = (ph - TOP_MM * paper_k(paper) * MM - 14.0, BOTTOM_MM * paper_k(paper) * MM + 30.0);
    for (i, r) in all.iter().enumerate() {
        if r.size >= min_body - 0.01 {
            continue;
        }
        let furniture = r.y > top_band || r.y < bottom_band;
        let seal_block = r.page == last && i > issuer_line;
        assert!(furniture || seal_block, "«{}» on page {} at {} pt, below the body's {min_body} pt", r.text, r.page, r.size);
        assert!(r.size < min_body * 0.75, "small print stays small print: «{}» at {} pt", r.text, r.size);
    }
    all
}

const MM: f32 = 72.0 / 25.4;
/// The poster's top and bottom margins on A4 (× 1.41 on A3), in mm; the layout keeps 14 pt
/// under the top one for the running head and 30 pt over the bottom one for the footer.
const TOP_MM: f32 = 10.0;
const BOTTOM_MM: f32 = 8.0;

fn paper_k(paper: Paper) -> f32 {
    if paper == Paper::A3 { 1.41 } else { 1.0 }
}

#[test]
fn results_are_large_and_bold_and_the_body_at_least_the_minimum_on_a4_and_a3() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir.path().join("data"));
    let snap = store.snapshot(sealed_id()).unwrap();
    for paper in [Paper::A4, Paper::A3] {
        let pdf = poster(&store, &snap, &opts(paper));
        let all = check_sizes(&pdf, &snap, paper);
        let (_, min_body) = minimum(paper);
        // the tally beside the result, the motion, the mode and the rule, the issuer: body size
        let body: String = all.iter().filter(|r| r.size >= min_body).map(|r| r.text.as_str()).collect::<String>().replace(' ', "");
        for needle in ["同意15票，反对3票，弃权2票", "表决事项", "同意3栋、5栋加装电梯", "表决方式", "记名表决", "到会成员半数以上（含半数）通过", "至少需11票同意", ISSUER] {
            assert!(body.contains(needle), "«{needle}» not in body size on {paper:?}: {body}");
        }
        // no rule ids, no umbrella terms for residents
        let text: String = all.iter().map(|r| r.text.as_str()).collect();
        for banned in ["R-", "居（村）民", "社区（村）"] {
            assert!(!text.contains(banned), "«{banned}» printed on the {paper:?} poster");
        }
    }
}

#[test]
fn every_sheet_is_used_to_its_margins() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir.path().join("data"));
    let snap = store.snapshot(sealed_id()).unwrap();
    for paper in [Paper::A4, Paper::A3] {
        let pdf = poster(&store, &snap, &opts(paper));
        let all = runs(&pdf);
        let (_, min_body) = minimum(paper);
        let ph = paper.size().1;
        let pages = all.iter().map(|r| r.page).max().unwrap();
        for page in 1..=pages {
            // the lowest line of the page's content: body text, or the verification block
            let lowest = all
                .iter()
                .filter(|r| r.page == page && r.y > BOTTOM_MM * paper_k(paper) * MM + 30.0)
                .map(|r| r.y)
                .fold(f32::MAX, f32::min);
            let band = (lowest - BOTTOM_MM * paper_k(paper) * MM - 30.0) / ph;
            assert!(band < 0.2, "{paper:?} page {page}: {:.0}% of the sheet left empty at the bottom", band * 100.0);
            assert!(all.iter().any(|r| r.page == page && r.size >= min_body), "{paper:?} page {page} carries body text");
        }
    }
}

#[test]
fn a_long_agenda_continues_on_another_sheet_at_the_minimum_sizes() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_items(&dir.path().join("data"), 6);
    let snap = store.snapshot(sealed_id()).unwrap();
    assert_eq!(snap.meeting.agenda.len(), 9);
    assert!(snap.meeting.is_sealed());
    for paper in [Paper::A4, Paper::A3] {
        let pdf = poster(&store, &snap, &opts(paper));
        let f = write_tmp(dir.path(), "long.pdf", &pdf);
        let pages = page_count(&f);
        keep(&format!("long-{paper:?}"), &pdf);
        assert!(pages >= 2, "nine items continue on a second {paper:?} sheet ({pages} pages)");
        let all = check_sizes(&pdf, &snap, paper);
        // the smallest body type is the minimum, not below it
        let (min_result, min_body) = minimum(paper);
        let smallest = all.iter().filter(|r| r.size >= min_body * 0.75).map(|r| r.size).fold(f32::MAX, f32::min);
        assert!(smallest >= min_body, "smallest body type {smallest} pt on {paper:?}");
        assert!(smallest < min_body * 1.25, "the type is not blown up either: {smallest} pt on {paper:?}");
        // every item is there, with its result
        let text = run("pdftotext", &[f.to_str().unwrap(), "-"]).replace('\n', "");
        for item in &snap.meeting.agenda {
            assert!(text.contains(&item.spec.title), "{} missing on {paper:?}", item.spec.title);
        }
        assert!(all.iter().any(|r| r.text.starts_with("协商一致") && r.bold && r.size >= min_result), "a consensus in large type");
        assert!(all.iter().any(|r| r.text == "延期" && r.bold && r.size >= min_result), "a deferral in large type");
        // the issuer's lines and the verification block close the last sheet
        let last = all.iter().map(|r| r.page).max().unwrap();
        assert_eq!(last, pages);
        assert!(all.iter().any(|r| r.page == last && r.text.contains(ISSUER)), "the issuer on the last sheet");
    }
}

#[test]
fn a_short_poster_grows_its_type_to_fill_the_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir.path().join("data"));
    let up = store.snapshot(upcoming_id()).unwrap();
    let pdf = poster(&store, &up, &Options { draft: true, ..opts(Paper::A4) });
    let all = runs(&pdf);
    assert_eq!(all.iter().map(|r| r.page).max(), Some(1));
    let body = all.iter().find(|r| r.text.contains("本稿为草稿")).unwrap();
    assert!(body.size > 16.0 * 1.2, "two items do not need the minimum: {} pt", body.size);
}

#[test]
fn feedback_deadline_and_who_carries_it_out_on_the_poster_and_in_the_text() {
    // R-IMPLEMENT: who implements, by when, and by when progress is reported back.
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir.path().join("data"));
    let at = store.snapshot(sealed_id()).unwrap().meeting.closed_at.unwrap() + Duration::days(1);
    let assign = Intent::AssignAction {
        item: "i1".into(),
        leader: "王秀英".into(),
        department: "社区工作站".into(),
        requirements: "组织两栋业主签订分摊协议，申报补贴".into(),
        due: at + Duration::days(60),
        feedback_by: at + Duration::days(14),
    };
    store.apply(&Command { meeting: sealed_id(), at, intent: assign }).unwrap();
    let snap = store.snapshot(sealed_id()).unwrap();
    let day = |d: i64| (at + Duration::days(d)).format("%Y年%-m月%-d日").to_string();
    let feedback = format!("{}前反馈落实进展", day(14));
    // on the sheet, beside who carries it out and by when
    let on_sheet = format!("王秀英（社区工作站）负责，{}前完成（反馈时限：{}）：组织两栋业主签订分摊协议，申报补贴", day(60), day(14));
    let md = yishi::export::text(&snap, &key(), &Options::default()).unwrap();
    assert!(md.contains(&format!("- **落实安排**：王秀英（社区工作站）负责，{}前完成：组织两栋业主签订分摊协议，申报补贴", day(60))), "{md}");
    assert!(md.contains(&format!("- **反馈时限**：{feedback}")), "{md}");
    for paper in [Paper::A4, Paper::A3] {
        let pdf = poster(&store, &snap, &opts(paper));
        check_sizes(&pdf, &snap, paper);
        keep(&format!("action-{paper:?}"), &pdf);
        let f = write_tmp(dir.path(), "poster.pdf", &pdf);
        let text = run("pdftotext", &["-raw", f.to_str().unwrap(), "-"]).replace('\n', "");
        assert!(text.contains("落实安排") && text.contains(&on_sheet), "{text}");
    }
}

#[test]
fn corrections_after_the_seal_are_announced_with_where_to_read_them() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir.path().join("data"));
    let snap = store.snapshot(sealed_id()).unwrap();
    let md = yishi::export::text(&snap, &key(), &Options::default()).unwrap();
    assert!(!md.contains("更正"), "no corrections, no line: {md}");
    let mut at = snap.meeting.closed_at.unwrap();
    for (reason, text) in [("笔误", "第一项表决事项中“3栋”应为“3栋、5栋”。"), ("补充", "第二项补充物业的书面意见。")] {
        at += Duration::hours(2);
        let amend = Intent::Amend { by: "谢雨婷".into(), reason: reason.into(), text: text.into() };
        store.apply(&Command { meeting: sealed_id(), at, intent: amend }).unwrap();
    }
    let snap = store.snapshot(sealed_id()).unwrap();
    let line = "本会议记录封存后追加更正 2 处（原记录不变），更正内容见会议记录“封存后追加的更正”。";
    let md = yishi::export::text(&snap, &key(), &Options::default()).unwrap();
    assert!(md.contains(&format!("**更正说明**：{line}")), "{md}");
    for paper in [Paper::A4, Paper::A3] {
        let pdf = poster(&store, &snap, &opts(paper));
        check_sizes(&pdf, &snap, paper);
        keep(&format!("amended-{paper:?}"), &pdf);
        let f = write_tmp(dir.path(), "amended.pdf", &pdf);
        let text = run("pdftotext", &["-raw", f.to_str().unwrap(), "-"]).replace('\n', "");
        assert!(text.contains("更正说明") && text.contains(line), "{text}");
    }
}

#[test]
fn a_draft_says_so_and_a_meeting_not_held_has_no_results_to_announce() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir.path().join("data"));
    let up = store.snapshot(upcoming_id()).unwrap();
    let draft = Options { draft: true, ..opts(Paper::A4) };
    let pdf = poster(&store, &up, &draft);
    let f = write_tmp(dir.path(), "draft.pdf", &pdf);
    let text = run("pdftotext", &[f.to_str().unwrap(), "-"]).replace('\n', "");
    let all = runs(&pdf);
    let title = all.iter().find(|r| r.text.starts_with("公示")).unwrap();
    assert_eq!(title.text, "公示（草稿）", "the title says draft");
    assert!(title.size > 28.0 && title.bold);
    let scheduled = (start() + Duration::days(14)).format("%Y年%-m月%-d日").to_string();
    let intro = format!("本稿为草稿：居民代表会议定于{scheduled}在幸福社区党群服务中心三楼会议室召开，以下事项尚未协商，暂无结果。");
    assert!(text.contains(&intro), "{text}");
    for banned in ["进行了协商", "现将结果公示如下", "通过"] {
        assert!(!text.contains(banned), "«{banned}» on a draft of a meeting not held: {text}");
    }
    let md = yishi::export::text(&up, &key(), &Options { draft: true, ..Options::default() }).unwrap();
    assert!(md.starts_with("# 公示（草稿）："), "{md}");
    assert!(md.contains(&intro) && !md.contains("现将结果公示如下"), "{md}");

    // a meeting adjourned for lack of a quorum before any item came to a result
    let at = start() + Duration::days(14);
    let cmds = [
        Intent::OpenMeeting { by: "p01".into() },
        Intent::MarkAttendance { person: "p01".into(), mark: yishi::roll::Mark::Present, note: None },
        Intent::AdjournForLackOfQuorum { note: None },
    ];
    for (i, intent) in cmds.into_iter().enumerate() {
        store.apply(&Command { meeting: upcoming_id(), at: at + Duration::minutes(i as i64), intent }).unwrap();
    }
    let adj = store.snapshot(upcoming_id()).unwrap();
    assert!(adj.meeting.adjourned.is_some());
    let pdf = poster(&store, &adj, &draft);
    keep("adjourned", &pdf);
    let f = write_tmp(dir.path(), "adjourned.pdf", &pdf);
    let text = run("pdftotext", &[f.to_str().unwrap(), "-"]).replace('\n', "");
    assert!(text.contains("公示（草稿）"), "{text}");
    assert!(text.contains("本稿为草稿：居民代表会议于") && text.contains("因到会人数不足法定人数休会，以下事项尚未协商，暂无结果。"), "{text}");
    assert!(!text.contains("进行了协商") && !text.contains("现将结果公示如下"), "{text}");

    // a sealed poster has no 草稿 in its title
    let sealed = store.snapshot(sealed_id()).unwrap();
    let all = runs(&poster(&store, &sealed, &opts(Paper::A4)));
    assert_eq!(all.iter().find(|r| r.text.starts_with("公")).unwrap().text.replace(['　', ' '], ""), "公示");
    assert!(!all.iter().any(|r| r.text.contains("草稿")));
}

#[test]
fn a_held_but_unsealed_meeting_is_a_draft_whose_results_are_not_final() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("data")).unwrap();
    let at0 = chrono::DateTime::parse_from_rfc3339("2026-01-01T09:00:00+08:00").unwrap();
    store.record(&yishi::community::CommunityCommand { at: at0, intent: yishi::community::CommunityIntent::ImportPeople { people: yishi::demo::roster() } }).unwrap();
    // the demo meeting up to its third vote: held, not yet signed
    for cmd in yishi::demo::sealed_meeting(sealed_id(), start()).into_iter().take_while(|c| !matches!(c.intent, Intent::EditMinutes { .. })) {
        store.apply(&cmd).unwrap();
    }
    let snap = store.snapshot(sealed_id()).unwrap();
    assert!(!snap.meeting.is_sealed());
    let pdf = poster(&store, &snap, &Options { draft: true, ..opts(Paper::A4) });
    check_sizes(&pdf, &snap, Paper::A4);
    keep("held", &pdf);
    let f = write_tmp(dir.path(), "held.pdf", &pdf);
    let text = run("pdftotext", &[f.to_str().unwrap(), "-"]).replace('\n', "");
    assert!(text.contains("公示（草稿）"), "{text}");
    assert!(text.contains("进行了协商。本稿为草稿：会议记录尚未签字封存，以下结果以正式公示为准。"), "{text}");
    assert!(!text.contains("现将结果公示如下"), "{text}");
}

#[test]
fn the_form_is_named_as_residents_know_it() {
    // 居（村）民议事会 is the guideline's name for both kinds of council; the poster and the text
    // name the one held: a community's (幸福社区) is a 居民议事会 (a village's: tests/export_labels.rs).
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("data")).unwrap();
    let at0 = chrono::DateTime::parse_from_rfc3339("2026-01-01T09:00:00+08:00").unwrap();
    store.record(&yishi::community::CommunityCommand { at: at0, intent: yishi::community::CommunityIntent::ImportPeople { people: yishi::demo::roster() } }).unwrap();
    for mut cmd in yishi::demo::sealed_meeting(sealed_id(), start()) {
        if let Intent::CreateMeeting(setup) = &mut cmd.intent {
            setup.form = yishi::setup::Form::DeliberationCouncil;
        }
        store.apply(&cmd).unwrap();
    }
    let snap = store.snapshot(sealed_id()).unwrap();
    let pdf = poster(&store, &snap, &opts(Paper::A4));
    let f = write_tmp(dir.path(), "council.pdf", &pdf);
    let text = run("pdftotext", &[f.to_str().unwrap(), "-"]).replace('\n', "");
    let md = yishi::export::text(&snap, &key(), &Options::default()).unwrap();
    for t in [&text, &md] {
        assert!(t.contains("召开居民议事会，对以下事项进行了协商"), "{t}");
        for banned in ["居（村）民", "社区（村）", "R-"] {
            assert!(!t.contains(banned), "«{banned}» printed for residents: {t}");
        }
    }
}

#[test]
fn in_english_too_the_results_come_first_in_large_bold_type() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir.path().join("data"));
    let snap = store.snapshot(sealed_id()).unwrap();
    for paper in [Paper::A4, Paper::A3] {
        let (min_result, min_body) = minimum(paper);
        let all = runs(&poster(&store, &snap, &Options { locale: yishi::export::Locale::En, ..opts(paper) }));
        let big: Vec<&str> = all.iter().filter(|r| r.bold && r.size >= min_result && !r.text.starts_with("Public notice") && r.text != snap.meeting.title).map(|r| r.text.as_str()).collect();
        assert_eq!(big, ["Passed", "Failed", "Passed"], "{paper:?}");
        let body: String = all.iter().filter(|r| r.size >= min_body).map(|r| r.text.as_str()).collect::<Vec<_>>().join(" ");
        for needle in ["15 yes, 3 no, 2 abstain", "Motion", "Named vote; rule: half or more of members present"] {
            assert!(body.contains(needle), "«{needle}» in body size on {paper:?}: {body}");
        }
        assert!(!body.contains("R-"), "{body}");
    }
}

#[test]
fn the_qr_code_on_the_poster_reads_as_the_results() {
    // What a resident's phone shows: the meeting, each item's result with its counts, then the
    // verification string. Read back with zbarimg from the foot of the last sheet rendered at
    // 300 dpi, as printed (at 150–200 dpi zbar sometimes misses modules of 0.3 mm that a
    // rasterizer has aliased; a phone's photograph of print has no such grid).
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir.path().join("data"));
    let snap = store.snapshot(sealed_id()).unwrap();
    for paper in [Paper::A4, Paper::A3] {
        let pdf = poster(&store, &snap, &opts(paper));
        let f = write_tmp(dir.path(), "qr.pdf", &pdf);
        let last = page_count(&f).to_string();
        let prefix = dir.path().join("qr");
        let (w, h) = paper.size();
        let px = |pt: f32| ((pt / 72.0 * 300.0) as u32).to_string();
        let (y, cw, ch) = (px(h * 0.6), px(w * 0.5), px(h * 0.4));
        run("pdftoppm", &["-png", "-r", "300", "-f", &last, "-l", &last, "-x", "0", "-y", &y, "-W", &cw, "-H", &ch, "-singlefile", f.to_str().unwrap(), prefix.to_str().unwrap()]);
        let out = tool("zbarimg", &["-q", "--raw", prefix.with_extension("png").to_str().unwrap()]);
        assert!(out.ok, "zbarimg found no code on the {paper:?} poster: {}", out.stderr);
        let text = out.stdout.trim_start_matches('\u{FEFF}').to_string();
        assert!(text.starts_with(&snap.meeting.title), "{text}");
        assert!(text.contains("通过（同意15") && text.contains("未通过（同意8"), "{text}");
        assert!(text.trim_end().ends_with(&yishi::export::seal_of(&snap, &key()).to_string()), "{text}");
    }
}

/// Every page of the A4 and A3 posters rendered by pdftoppm at 30 dpi against the stored
/// references (tests/fixtures/poster/): a layout regression fails. The export is deterministic,
/// so the reference is stable. Set YISHI_UPDATE_REFERENCE=1 to rewrite the references after an
/// intended change.
#[test]
fn pages_match_the_reference_images() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir.path().join("data"));
    let snap = store.snapshot(sealed_id()).unwrap();
    let refs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/poster");
    let update = std::env::var_os("YISHI_UPDATE_REFERENCE").is_some() || !refs.exists();
    if update {
        std::fs::create_dir_all(&refs).unwrap();
    }
    for (paper, name) in [(Paper::A4, "a4"), (Paper::A3, "a3")] {
        let pdf = poster(&store, &snap, &opts(paper));
        keep(name, &pdf);
        let f = write_tmp(dir.path(), &format!("{name}.pdf"), &pdf);
        let pages = page_count(&f);
        if !update {
            let stored = std::fs::read_dir(&refs).unwrap().filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().starts_with(&format!("{name}-"))).count();
            assert_eq!(pages, stored, "{name}: {pages} pages, {stored} reference images");
        }
        for page in 1..=pages {
            let prefix = dir.path().join(format!("{name}-{page}"));
            let p = page.to_string();
            run("pdftoppm", &["-png", "-gray", "-r", "30", "-f", &p, "-l", &p, "-singlefile", f.to_str().unwrap(), prefix.to_str().unwrap()]);
            let got_png = std::fs::read(prefix.with_extension("png")).unwrap();
            let reference = refs.join(format!("{name}-{page}.png"));
            if update {
                std::fs::write(&reference, &got_png).unwrap();
                eprintln!("reference written: {}", reference.display());
            }
            let want = grey(&std::fs::read(&reference).unwrap_or_else(|e| panic!("{}: {e}", reference.display())));
            let got = grey(&got_png);
            assert_eq!((got.0, got.1), (want.0, want.1), "{name} page {page}: size in pixels");
            let differing = got.2.iter().zip(&want.2).filter(|(a, b)| (**a as i32 - **b as i32).abs() > 64).count();
            let share = differing as f64 / got.2.len() as f64;
            assert!(share < 0.003, "{name} page {page}: {differing} pixels ({:.3}%) differ from the reference", share * 100.0);
        }
    }
}
