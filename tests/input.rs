//! Bad input refused at the door (issue 11, item 6). A sealed record is never edited (R-SIGN) and
//! its minutes must print (R-MINUTES), so a character that hides what a text says (C0/C1
//! controls, text-direction controls, invisible format characters), means nothing off the device
//! it was typed on (private use) or that no export font draws is refused when it is entered, in
//! every text field of every intent and in the roster's CSV import, naming the field and the
//! character; nothing is written. What the door lets in the exports always print: the last test
//! is the exports' own (`export::font::covers`).
//!
//! And R-VOTE: a member present when a named vote opened who has since left casts no ballot,
//! while the vote's denominator stays the members present when it opened.
//!
//! The rare-character cases need the fallback fonts (Debian fonts-hanazono,
//! scripts/setup-system.sh), as tests/export_fallback.rs does.

mod common;
use common::{setup, t, Sim};
use yishi::agenda::AgendaItemSpec;
use yishi::decide::{char_problem, multiline};
use yishi::i18n::Locale;
use yishi::ids::MeetingId;
use yishi::implement::Verdict;
use yishi::people::{PartyGroup, Participant, Role};
use yishi::refusal::{CharProblem, Field};
use yishi::roll::Mark;
use yishi::rules::Rule;
use yishi::sign::{Channel, WitnessKind};
use yishi::store::Store;
use yishi::topic::{Source, Topic};
use yishi::vote::{Choice, VoteMode};
use yishi::{demo, ApplyError, Command, Intent, Refusal, Time};

/// One of each forbidden class, the character the refusal names and why. Each goes between
/// two ordinary characters (张…三), so trimming a field does not remove it.
fn forbidden() -> Vec<(&'static str, char, CharProblem)> {
    use CharProblem as P;
    vec![
        ("\u{0}", '\u{0}', P::Control),                          // NUL
        ("\u{1}", '\u{1}', P::Control),                          // U+0001
        ("\u{7F}", '\u{7F}', P::Control),                        // DEL
        ("\u{85}", '\u{85}', P::Control),                        // NEXT LINE (C1)
        ("\u{202E}", '\u{202E}', P::Bidi),                       // right-to-left override
        ("\u{2066}", '\u{2066}', P::Bidi),                       // left-to-right isolate
        ("\u{200D}", '\u{200D}', P::Invisible),                  // zero-width joiner alone
        ("\u{FEFF}", '\u{FEFF}', P::Invisible),                  // BOM inside a text
        ("👨\u{200D}👩\u{200D}👧", '👨', P::NoGlyph),            // an emoji ZWJ sequence: no font draws 👨
        ("\u{E000}", '\u{E000}', P::PrivateUse),                 // private use
        ("\u{4DB6}", '\u{4DB6}', P::NoGlyph),                    // Extension A, in no face
    ]
}

fn bad(s: &str) -> String {
    format!("张{s}三")
}

/// The field refusal inside an intent's refusal (which adds the intent's rule).
fn field_refusal(r: &Refusal) -> &Refusal {
    match r {
        Refusal::InIntent { inner, .. } => inner,
        other => other,
    }
}

/// Asserts `r` refuses character `ch` of `field` for `problem`, naming both in both languages.
#[track_caller]
fn assert_bad_char(r: &Refusal, field: Field, ch: char, problem: CharProblem) {
    let (zh, en) = (r.message(Locale::Zh), r.message(Locale::En));
    assert_eq!(r.code(), "bad_character", "{en}");
    assert_eq!(field_refusal(r), &Refusal::BadCharacter { field, ch, problem }, "{en}");
    let code = format!("U+{:04X}", ch as u32);
    assert!(zh.contains(&code) && en.contains(&code), "{zh} / {en}");
    assert!(zh.contains(&format!("“{}”中含有不能使用的字符", field.zh())), "{zh}");
    assert!(en.starts_with(field.en()), "{en}");
    assert!(zh.contains(yishi::i18n::char_problem_label(problem, Locale::Zh)), "{zh}");
    assert!(en.contains(yishi::i18n::char_problem_label(problem, Locale::En)), "{en}");
    if problem == CharProblem::NoGlyph {
        assert!(zh.contains(ch) && en.contains(ch), "a visible character is shown: {zh} / {en}");
    } else {
        assert!(!zh.contains(ch) && !en.contains(ch), "an invisible one is not: {zh:?} / {en:?}");
    }
}

/// A meeting in a store of its own, driven intent by intent.
struct Rec {
    _dir: tempfile::TempDir,
    store: Store,
    id: MeetingId,
    clock: Time,
}

impl Rec {
    fn new() -> Rec {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        Rec { _dir: dir, store, id: MeetingId::new_random(), clock: t("2026-11-10T09:00:00+08:00") }
    }

    fn events(&self) -> usize {
        self.store.events(self.id).map(|e| e.len()).unwrap_or(0)
    }

    fn apply(&mut self, intent: Intent) -> Result<(), Refusal> {
        self.clock += chrono::Duration::seconds(30);
        match self.store.apply(&Command { meeting: self.id, at: self.clock, intent }) {
            Ok(_) => Ok(()),
            Err(ApplyError::Refused(r)) => Err(r),
            Err(e) => panic!("{e}"),
        }
    }

    #[track_caller]
    fn ok(&mut self, intent: Intent) {
        let shown = format!("{intent:?}");
        if let Err(r) = self.apply(intent) {
            panic!("refused {shown}: {}", r.message(Locale::En));
        }
    }

    /// Refused for character `ch` of `field`, and nothing recorded.
    #[track_caller]
    fn refused_char(&mut self, intent: Intent, field: Field, ch: char, problem: CharProblem) {
        let before = self.events();
        let shown = format!("{intent:?}");
        match self.apply(intent) {
            Ok(()) => panic!("accepted {shown}"),
            Err(r) => assert_bad_char(&r, field, ch, problem),
        }
        assert_eq!(self.events(), before, "nothing recorded for {shown}");
    }

    /// Created from `setup(5)`, opened, everyone present, item "a" open with m2 speaking.
    fn speaking() -> Rec {
        let mut r = Rec::new();
        r.ok(Intent::CreateMeeting(setup(5)));
        r.ok(Intent::OpenMeeting { by: "m1".into() });
        for i in 1..=5 {
            r.ok(Intent::MarkAttendance { person: format!("m{i}").as_str().into(), mark: Mark::Present, note: None });
        }
        r.ok(Intent::OpenItem { item: "a".into() });
        r.ok(Intent::AddSpeaker { person: "m2".into() });
        r.ok(Intent::StartTurn { person: None });
        r
    }
}

fn item(id: &str, title: &str, background: &str) -> AgendaItemSpec {
    AgendaItemSpec {
        id: id.into(),
        title: title.into(),
        background: background.into(),
        stakeholders: String::new(),
        redo_of: None,
        topic: None,
    }
}

#[test]
fn issue11_every_forbidden_class_is_refused_in_the_meeting_title_and_nothing_is_written() {
    for (s, ch, problem) in forbidden() {
        let mut rec = Rec::new();
        let mut st = setup(5);
        st.title = bad(s);
        rec.refused_char(Intent::CreateMeeting(st), Field::Title, ch, problem);
        assert!(rec.store.snapshot(rec.id).is_err(), "no meeting created");
        // the rule of the intent is named beside the field (R-FORMS for a new meeting)
        let mut st = setup(5);
        st.title = bad(s);
        let r = rec.apply(Intent::CreateMeeting(st)).unwrap_err();
        assert_eq!(r.rule(), Some(Rule::Forms));
    }
}

#[test]
fn issue11_r_parties_every_forbidden_class_is_refused_in_a_participants_name() {
    for (s, ch, problem) in forbidden() {
        // in the meeting as created
        let mut rec = Rec::new();
        let mut st = setup(5);
        st.participants[2].name = bad(s);
        rec.refused_char(Intent::CreateMeeting(st), Field::Name, ch, problem);
        // and added later
        rec.ok(Intent::CreateMeeting(setup(5)));
        let p = Participant { id: "m9".into(), name: bad(s), group: PartyGroup::Residents, two_committees: false, role: Role::Member };
        rec.refused_char(Intent::AddParticipant { participant: p }, Field::Name, ch, problem);
    }
    // and on the roster, entered by hand
    let p = yishi::people::Person { id: "p31".into(), name: bad("\u{202E}"), group: PartyGroup::Public, two_committees: false };
    assert_bad_char(&yishi::decide::person_valid(&p).unwrap_err(), Field::Name, '\u{202E}', CharProblem::Bidi);
}

#[test]
fn issue11_r_agenda_every_forbidden_class_is_refused_in_an_items_background() {
    for (s, ch, problem) in forbidden() {
        let mut rec = Rec::new();
        let mut st = setup(5);
        st.agenda[1].background = format!("第一段\n{}", bad(s));
        rec.refused_char(Intent::CreateMeeting(st), Field::Background, ch, problem);
        rec.ok(Intent::CreateMeeting(setup(5)));
        rec.refused_char(Intent::AddAgendaItem { item: item("d", "议题d", &bad(s)) }, Field::Background, ch, problem);
        let mut it = item("d", "议题d", "");
        it.stakeholders = bad(s);
        rec.refused_char(Intent::AddAgendaItem { item: it }, Field::Stakeholders, ch, problem);
        rec.refused_char(Intent::AddAgendaItem { item: item("d", &bad(s), "") }, Field::Title, ch, problem);
    }
}

#[test]
fn issue11_r_speak_every_forbidden_class_is_refused_in_a_speech_summary() {
    let mut rec = Rec::speaking();
    for (s, ch, problem) in forbidden() {
        rec.refused_char(Intent::EndTurn { summary: Some(bad(s)) }, Field::Summary, ch, problem);
    }
    rec.ok(Intent::EndTurn { summary: None });
    for (s, ch, problem) in forbidden() {
        rec.refused_char(Intent::SummarizeTurn { turn: 1, summary: bad(s) }, Field::Summary, ch, problem);
    }
    rec.ok(Intent::SummarizeTurn { turn: 1, summary: "第一点：同意。\n第二点：\t费用分摊。".into() });
}

#[test]
fn issue11_r_agenda_every_forbidden_class_is_refused_in_a_resolution() {
    let mut rec = Rec::speaking();
    rec.ok(Intent::EndTurn { summary: None });
    for (s, ch, problem) in forbidden() {
        rec.refused_char(Intent::CloseByConsensus { resolution: bad(s) }, Field::Resolution, ch, problem);
    }
    rec.ok(Intent::CloseByConsensus { resolution: "同意加装电梯。\n由业委会牵头落实。".into() });
}

#[test]
fn issue11_a_line_break_or_tab_is_refused_in_a_field_of_one_line() {
    let mut rec = Rec::new();
    let mut st = setup(5);
    st.title = "幸福社区\n居民代表会议".into();
    rec.refused_char(Intent::CreateMeeting(st), Field::Title, '\n', CharProblem::LineBreak);
    let mut st = setup(5);
    st.place = "党群服务中心\t二楼".into();
    rec.refused_char(Intent::CreateMeeting(st), Field::Place, '\t', CharProblem::LineBreak);
    let mut st = setup(5);
    st.participants[0].name = "张\n三".into();
    rec.refused_char(Intent::CreateMeeting(st), Field::Name, '\n', CharProblem::LineBreak);
    // a carriage return is a control character everywhere, even where lines may break
    let mut st = setup(5);
    st.agenda[0].background = "第一行\r\n第二行".into();
    rec.refused_char(Intent::CreateMeeting(st), Field::Background, '\r', CharProblem::Control);
    assert!(!multiline(Field::Name) && !multiline(Field::Title) && multiline(Field::Background));
}

#[test]
fn issue11_ordinary_text_is_accepted_rare_characters_punctuation_and_layout_included() {
    let mut rec = Rec::new();
    let mut st = setup(5);
    st.title = "关于“加装电梯”的协商（第1次）——意见征集！？…《公约》·【附件】 A-1/2 100% ¥3,000.00".into();
    st.place = "党群服务中心　二楼会议室".into(); // U+3000 ideographic space
    st.participants[1].name = "𠮷明".into(); // U+20BB7, CJK Extension B, drawn by HanaMinA
    st.participants[2].name = "马𡒄".into(); // U+21484, only in HanaMinB
    st.participants[3].name = "孙䶮".into(); // Extension A, in the shipped font
    st.participants[4].name = "Anna-Lena O'Brien".into();
    st.agenda[0].background = "第一段：背景。\n第二段：\t现状与诉求；\n\n（完）".into();
    rec.ok(Intent::CreateMeeting(st.clone()));
    let m = rec.store.snapshot(rec.id).unwrap().meeting;
    assert_eq!(m.title, st.title);
    assert_eq!(m.agenda[0].spec.background, st.agenda[0].background);
    // and the exports can print every one of them
    let f = yishi::export::font::fonts();
    for text in [&st.title, &st.place, &st.agenda[0].background] {
        f.check(text, "test").unwrap();
    }
    for p in &st.participants {
        f.check(&p.name, "test").unwrap();
    }
}

/// Every text field of every intent goes through the check: one text-direction control in each.
#[test]
fn issue11_every_text_field_of_every_intent_is_checked() {
    const RLO: char = '\u{202E}';
    let b = || bad("\u{202E}");
    let bidi = CharProblem::Bidi;

    // setup
    let mut sim = Sim::created(setup(5));
    for (intent, field) in [
        (Intent::RecordSeatsReason { reason: b() }, Field::Reason),
        (Intent::BookObserver { name: b(), contact: String::new(), online: false }, Field::Name),
        (Intent::BookObserver { name: "王五".into(), contact: b(), online: false }, Field::Contact),
    ] {
        assert_bad_char(&sim.refused(intent, "bad_character"), field, RLO, bidi);
    }
    sim.ok(Intent::BookObserver { name: "王五".into(), contact: "138 0000 0000".into(), online: false });
    assert_bad_char(&sim.refused(Intent::CancelBooking { booking: 1, reason: b() }, "bad_character"), Field::Reason, RLO, bidi);
    let mut st = setup(5);
    st.place = b();
    assert_bad_char(&Sim::empty().refused(Intent::CreateMeeting(st), "bad_character"), Field::Place, RLO, bidi);
    let mut st = setup(5);
    st.agenda[2].title = b();
    assert_bad_char(&Sim::empty().refused(Intent::CreateMeeting(st), "bad_character"), Field::Title, RLO, bidi);

    // the live meeting
    let mut sim = Sim::in_session(6, 3);
    let note = |n| Intent::MarkAttendance { person: "m4".into(), mark: Mark::AbsentWithLeave, note: Some(n) };
    assert_bad_char(&sim.refused(note(b()), "bad_character"), Field::Note, RLO, bidi);
    assert_bad_char(&sim.refused(Intent::AdjournForLackOfQuorum { note: Some(b()) }, "bad_character"), Field::Note, RLO, bidi);
    sim.ok(note("外出就医\n已书面请假".into()));
    for i in 5..=6 {
        sim.ok(Intent::MarkAttendance { person: format!("m{i}").as_str().into(), mark: Mark::Present, note: None });
    }
    sim.ok(Intent::OpenItem { item: "a".into() });
    let r = sim.refused(Intent::OpenVote { motion: b(), mode: VoteMode::Hands, rule: None }, "bad_character");
    assert_bad_char(&r, Field::Motion, RLO, bidi);
    assert_eq!(r.rule(), Some(Rule::Vote));
    assert_bad_char(&sim.refused(Intent::DeferItem { reason: b() }, "bad_character"), Field::Reason, RLO, bidi);
    sim.ok(Intent::OpenVote { motion: "同意".into(), mode: VoteMode::Hands, rule: None });
    sim.ok(Intent::CloseVote { counts: Some(yishi::vote::Tally { yes: 1, no: 4, abstain: 0 }) });
    let redo = |reason| Intent::MarkForRedo { item: "a".into(), reason };
    assert_bad_char(&sim.refused(redo(b()), "bad_character"), Field::Reason, RLO, bidi);
    sim.ok(redo("分歧较大".into()));
    for it in ["b", "c"] {
        sim.ok(Intent::OpenItem { item: it.into() });
        sim.ok(Intent::CloseByConsensus { resolution: "同意".into() });
    }
    let edit = |text| Intent::EditMinutes { by: "r1".into(), text };
    assert_bad_char(&sim.refused(edit(b()), "bad_character"), Field::MinutesText, RLO, bidi);
    sim.ok(edit("会议记录\n一、议题a……".into()));
    let witness = |name, statement| Intent::RecordWitness { name, kind: WitnessKind::Lawyer, statement };
    assert_bad_char(&sim.refused(witness(b(), None), "bad_character"), Field::Name, RLO, bidi);
    assert_bad_char(&sim.refused(witness("唐晓峰".into(), Some(b())), "bad_character"), Field::Statement, RLO, bidi);
    sim.ok(Intent::FinalizeMinutes { by: "r1".into() });
    let decline = |reason| Intent::DeclineSignature { person: "m2".into(), reason };
    assert_bad_char(&sim.refused(decline(b()), "bad_character"), Field::Reason, RLO, bidi);

    // after the seal, and carrying the result out (through the store: nothing written)
    let mut rec = Rec::new();
    for cmd in demo::sealed_meeting(rec.id, t("2027-03-01T19:30:00+08:00")) {
        rec.clock = cmd.at;
        rec.store.apply(&cmd).unwrap();
    }
    rec.clock += chrono::Duration::days(1);
    let amend = |by, reason, text| Intent::Amend { by, reason, text };
    for (intent, field) in [
        (amend(b(), "笔误".into(), "更正".into()), Field::AmendedBy),
        (amend("记录人".into(), b(), "更正".into()), Field::Reason),
        (amend("记录人".into(), "笔误".into(), b()), Field::AmendmentText),
        (Intent::RecordPublication { channel: Channel::NoticeBoard, place: b() }, Field::Place),
    ] {
        rec.refused_char(intent, field, RLO, bidi);
    }
    let due = rec.clock + chrono::Duration::days(30);
    let assign = |leader, department, requirements| Intent::AssignAction {
        item: "i1".into(),
        leader,
        department,
        requirements,
        due,
        feedback_by: due,
    };
    for (intent, field) in [
        (assign(b(), String::new(), "按期完成".into()), Field::Leader),
        (assign("王建国".into(), b(), "按期完成".into()), Field::Department),
        (assign("王建国".into(), String::new(), b()), Field::Requirements),
    ] {
        rec.refused_char(intent, field, RLO, bidi);
    }
    rec.ok(assign("王建国".into(), "街道城建办".into(), "一、报建；\n二、招标。".into()));
    rec.refused_char(Intent::ReportProgress { action: 1, note: b(), done: true }, Field::ProgressNote, RLO, bidi);
    rec.ok(Intent::ReportProgress { action: 1, note: "已完成".into(), done: true });
    let evaluate = |by, rectification| Intent::EvaluateAction { action: 1, by, verdict: Verdict::Rectify, rectification };
    rec.refused_char(evaluate(b(), Some("补齐资料".into())), Field::EvaluatedBy, RLO, bidi);
    rec.refused_char(evaluate("居务监督委员会".into(), Some(b())), Field::Rectification, RLO, bidi);
    rec.ok(evaluate("居务监督委员会".into(), Some("补齐资料".into())));
}

#[test]
fn issue11_r_topic_a_topic_gets_the_same_check() {
    let topic = Topic {
        id: "t1".into(),
        title: bad("\u{2066}"),
        background: String::new(),
        stakeholders: String::new(),
        level: yishi::setup::Level::Community,
        urgent: false,
        source: Source::Residents,
        proposed_at: t("2026-11-01T09:00:00+08:00"),
        decided_at: None,
        withdrawn: None,
        escalated_from: None,
    };
    let r = yishi::topic::propose(&topic).unwrap_err();
    assert_bad_char(&r, Field::Title, '\u{2066}', CharProblem::Bidi);
    assert_eq!(r.rule(), Some(Rule::Topic));
    let ok = Topic { title: "小区停车".into(), background: "现状：\n车位不足".into(), ..topic };
    yishi::topic::propose(&ok).unwrap();
    let r = yishi::topic::withdraw(&ok, t("2026-11-02T09:00:00+08:00"), &bad("\u{0}")).unwrap_err();
    assert_bad_char(&r, Field::Reason, '\u{0}', CharProblem::Control);
}

#[test]
fn issue11_r_parties_roster_import_refuses_a_name_with_a_forbidden_character_by_row_and_column() {
    let mut csv = String::from("编号,姓名,类别,两委\np1,李卫东,3,是\n");
    let cases = forbidden();
    for (i, (s, _, _)) in cases.iter().enumerate() {
        csv.push_str(&format!("x{i},{},3,否\n", bad(s)));
    }
    csv.push_str("p2,\"张\n三\",3,否\n"); // a quoted line break inside a name
    let errs = yishi::roster::parse_csv(&csv).unwrap_err();
    assert_eq!(errs.len(), cases.len() + 1, "{errs:#?}");
    for (k, (e, (_, ch, problem))) in errs.iter().zip(&cases).enumerate() {
        let line = k + 3;
        assert_eq!((e.line, e.field), (line, Field::Name));
        let code = format!("U+{:04X}", *ch as u32);
        let why_zh = yishi::i18n::char_problem_label(*problem, Locale::Zh);
        assert_eq!(e.message_zh, format!("第 {line} 行“姓名”：{}", yishi::i18n::bad_character(*ch, *problem, Locale::Zh)));
        assert!(e.message_zh.contains(&code) && e.message_zh.contains(why_zh), "{}", e.message_zh);
        assert!(e.message_en.starts_with(&format!("line {line}, name: contains the character")), "{}", e.message_en);
        assert!(e.message_en.contains(&code), "{}", e.message_en);
    }
    let last = errs.last().unwrap();
    assert!(last.message_zh.contains("U+000A") && last.message_zh.contains("此栏只能填一行"), "{}", last.message_zh);
    // the ones the meetings take are taken
    let good = "编号,姓名,类别,两委\np1,𠮷明,3,是\np2,马𡒄,1,否\np3,李　明,2,否\np4,Anna-Lena O'Brien,专家,否\n";
    let people = yishi::roster::parse_csv(good).unwrap();
    assert_eq!(people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["𠮷明", "马𡒄", "李　明", "Anna-Lena O'Brien"]);
}

/// The door and the exporter agree: every character the door lets into a record, the exports
/// print (the whole BMP, and every 16th code point beyond it: a font look-up is slow in a test
/// build), and the forbidden classes are refused whatever fonts there are.
#[test]
fn issue11_what_the_door_lets_in_the_exports_print() {
    let fonts = yishi::export::font::fonts();
    let mut allowed = 0;
    let codes = (0..=0xFFFFu32).chain((0x10000..=0x10FFFF).step_by(16));
    for c in codes.filter_map(char::from_u32) {
        if char_problem(c, true).is_none() {
            allowed += 1;
            assert!(fonts.check(&c.to_string(), "test").is_ok(), "U+{:04X} let in but not printable", c as u32);
        }
        // one line or several: only a line break and a tab differ
        if c != '\n' && c != '\t' {
            assert_eq!(char_problem(c, false), char_problem(c, true), "U+{:04X}", c as u32);
        }
    }
    assert!(allowed > 35_000, "CJK and the rest are allowed: {allowed}");
    for c in ['\u{0}', '\u{1F}', '\u{7F}', '\u{80}', '\u{9F}', '\u{2028}'] {
        assert_eq!(char_problem(c, true), Some(CharProblem::Control), "U+{:04X}", c as u32);
    }
    for c in ['\u{200E}', '\u{200F}', '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}', '\u{061C}'] {
        assert_eq!(char_problem(c, true), Some(CharProblem::Bidi), "U+{:04X}", c as u32);
    }
    for c in ['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}', '\u{FE0F}', '\u{E0100}'] {
        assert_eq!(char_problem(c, true), Some(CharProblem::Invisible), "U+{:04X}", c as u32);
    }
    for c in ['\u{E000}', '\u{F8FF}', '\u{F0000}', '\u{10FFFD}'] {
        assert_eq!(char_problem(c, true), Some(CharProblem::PrivateUse), "U+{:04X}", c as u32);
    }
    for c in [' ', '\u{3000}', '中', '𠮷', '𡒄', '，', '。', '“', '”', '—', '…', 'a', '9'] {
        assert_eq!(char_problem(c, false), None, "U+{:04X}", c as u32);
    }
}

/// R-VOTE: the denominator is the members present when the vote opened; a member who has left
/// since casts no ballot (and one who came back may).
#[test]
fn r_vote_a_member_who_left_after_the_vote_opened_casts_no_ballot() {
    let mut sim = Sim::in_session(6, 6);
    sim.ok(Intent::OpenItem { item: "a".into() });
    sim.ok(Intent::OpenVote { motion: "同意加装电梯".into(), mode: VoteMode::Named, rule: None });
    let cast = |p: &str| Intent::CastVote { person: p.into(), choice: Choice::Yes };
    sim.ok(Intent::MarkAttendance { person: "m6".into(), mark: Mark::LeftEarly, note: Some("家中有事".into()) });
    let r = sim.refused(cast("m6"), "not_present");
    assert_eq!(r.rule(), Some(Rule::Vote));
    assert!(r.message(Locale::Zh).contains("成员m6") && r.message(Locale::Zh).contains("R-VOTE"), "{}", r.message(Locale::Zh));
    // one who leaves and comes back votes
    sim.ok(Intent::MarkAttendance { person: "m5".into(), mark: Mark::LeftEarly, note: None });
    sim.refused(cast("m5"), "not_present");
    sim.ok(Intent::MarkAttendance { person: "m5".into(), mark: Mark::ArrivedLate, note: None });
    for p in ["m2", "m3", "m5"] {
        sim.ok(cast(p));
    }
    sim.ok(Intent::CloseVote { counts: None });
    let v = sim.meeting().item(&"a".into()).unwrap().vote.clone().unwrap();
    assert_eq!(v.eligible.len(), 6, "the denominator is as the vote opened");
    assert!(!v.ballots.contains_key(&"m6".into()));
    let o = v.outcome.unwrap();
    // 3 yes of 6 present when it opened: half or more, so it passes; m6 counts as not voting
    assert_eq!((o.present, o.required_yes, o.passed), (6, 3, true));
    assert_eq!(o.not_voting, 3);
}

/// The same through the store: the refused ballot writes nothing.
#[test]
fn r_vote_a_ballot_after_leaving_is_not_recorded() {
    let mut rec = Rec::speaking();
    rec.ok(Intent::EndTurn { summary: None });
    rec.ok(Intent::OpenVote { motion: "同意".into(), mode: VoteMode::Named, rule: None });
    rec.ok(Intent::MarkAttendance { person: "m4".into(), mark: Mark::LeftEarly, note: None });
    let before = rec.events();
    let r = rec.apply(Intent::CastVote { person: "m4".into(), choice: Choice::No }).unwrap_err();
    assert_eq!((r.code(), r.rule()), ("not_present", Some(Rule::Vote)));
    assert_eq!(rec.events(), before);
    for p in ["m2", "m3"] {
        rec.ok(Intent::CastVote { person: p.into(), choice: Choice::Yes });
    }
    rec.ok(Intent::CloseVote { counts: None });
    let snap = rec.store.snapshot(rec.id).unwrap();
    let o = snap.meeting.item(&"a".into()).unwrap().vote.as_ref().unwrap().outcome.unwrap();
    assert_eq!((o.present, o.passed), (5, false), "2 yes of the 5 present when it opened");
}
