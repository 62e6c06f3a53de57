//! The Rust-side message catalog: Simplified Chinese first, English second.
//! Labels use the guideline's own terms. The UI has its own catalogs; the
//! exports and the CLI use these.

use crate::agenda::ItemStatus;
use crate::people::{PartyGroup, Role};
use crate::refusal::{CharProblem, Field, Refusal};
use crate::roll::{Mark, Status};
use crate::setup::{Form, Level};
use crate::sign::{Channel, WitnessKind};
use crate::state::Phase;
use crate::vote::{Choice, Outcome, VoteMode, VoteRule};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Locale {
    Zh,
    En,
}

/// The deferral reason written when a meeting is adjourned with an item open.
pub const ADJOURNED_REASON_ZH: &str = "因到会人数不足法定人数，会议休会，本议题延期";

pub fn pick(loc: Locale, zh: &'static str, en: &'static str) -> &'static str {
    match loc {
        Locale::Zh => zh,
        Locale::En => en,
    }
}

impl Field {
    pub fn zh(self) -> &'static str {
        self.label(Locale::Zh)
    }
    pub fn en(self) -> &'static str {
        self.label(Locale::En)
    }
    pub fn label(self, loc: Locale) -> &'static str {
        use Field as F;
        match self {
            F::MeetingId => pick(loc, "会议编号", "meeting id"),
            F::Title => pick(loc, "标题", "title"),
            F::Place => pick(loc, "地点", "place"),
            F::Name => pick(loc, "姓名", "name"),
            F::PersonId => pick(loc, "人员编号", "person id"),
            F::ItemId => pick(loc, "议题编号", "agenda item id"),
            F::Background => pick(loc, "议题背景", "background"),
            F::Stakeholders => pick(loc, "利益相关方", "stakeholders"),
            F::Participants => pick(loc, "参会人员", "participants"),
            F::Chair => pick(loc, "召集人（主持人）", "chair"),
            F::Recorder => pick(loc, "记录人", "recorder"),
            F::Reason => pick(loc, "理由", "reason"),
            F::Note => pick(loc, "备注", "note"),
            F::Summary => pick(loc, "发言摘要", "summary"),
            F::Motion => pick(loc, "表决事项", "motion"),
            F::Resolution => pick(loc, "协商意见", "resolution"),
            F::MinutesText => pick(loc, "会议记录正文", "minutes text"),
            F::Statement => pick(loc, "见证意见", "statement"),
            F::AmendmentText => pick(loc, "更正内容", "amendment text"),
            F::AmendedBy => pick(loc, "更正人", "amended by"),
            F::SignatureImage => pick(loc, "签名图像", "signature image"),
            F::TurnLimit => pick(loc, "每人发言时限（秒）", "turn limit (seconds)"),
            F::Counts => pick(loc, "票数", "counts"),
            F::Turn => pick(loc, "发言序号", "turn number"),
            F::By => pick(loc, "操作人", "by"),
            F::Action => pick(loc, "落实事项编号", "action number"),
            F::Leader => pick(loc, "责任领导（实施人）", "responsible leader"),
            F::Department => pick(loc, "责任部门", "responsible department"),
            F::Requirements => pick(loc, "工作要求", "requirements"),
            F::Due => pick(loc, "完成时间", "completion time"),
            F::FeedbackBy => pick(loc, "反馈时限", "feedback deadline"),
            F::ProgressNote => pick(loc, "进展情况", "progress"),
            F::EvaluatedBy => pick(loc, "评议人", "evaluated by"),
            F::Rectification => pick(loc, "整改要求", "rectification required"),
            F::TopicId => pick(loc, "议题库编号", "topic id"),
            F::Contact => pick(loc, "联系方式", "contact"),
        }
    }
}

/// What is wrong with a character refused in a text field.
pub fn char_problem_label(p: CharProblem, loc: Locale) -> &'static str {
    use CharProblem as P;
    match p {
        P::Control => pick(loc, "控制字符", "a control character"),
        P::LineBreak => pick(loc, "换行符或制表符：此栏只能填一行", "a line break or tab: this field takes one line"),
        P::Bidi => pick(loc, "文字方向控制符", "a text-direction control"),
        P::Invisible => pick(loc, "不可见的格式字符", "an invisible format character"),
        P::PrivateUse => pick(loc, "私用区字符", "a private-use character"),
        P::NoGlyph => pick(
            loc,
            "导出用的字体中没有这个字，会议记录将无法打印",
            "no font of the exports has it, so the minutes could not be printed",
        ),
        P::FallbackMissing => pick(
            loc,
            "内置字体中没有这个字，而本机未安装备用字体（HanaMinA.ttf、HanaMinB.ttf），会议记录将无法打印",
            "the shipped font lacks it and the fallback fonts (HanaMinA.ttf, HanaMinB.ttf) are not installed here, so the minutes could not be printed",
        ),
    }
}

/// A refused character as it is named: `U+202E`, preceded by the character itself when it is
/// something one can see (one no font draws may still show on the screen).
fn char_named(ch: char, p: CharProblem, loc: Locale) -> String {
    let code = format!("U+{:04X}", ch as u32);
    let visible = matches!(p, CharProblem::NoGlyph | CharProblem::FallbackMissing) && !ch.is_control();
    match (visible, loc) {
        (true, Locale::Zh) => format!("“{ch}” {code}"),
        (true, Locale::En) => format!("'{ch}' {code}"),
        (false, _) => code,
    }
}

/// "contains the character U+202E (a text-direction control), which cannot be used": the
/// field's name goes before it (refusals, roster import rows).
pub fn bad_character(ch: char, p: CharProblem, loc: Locale) -> String {
    let (named, why) = (char_named(ch, p, loc), char_problem_label(p, loc));
    match loc {
        Locale::Zh => format!("含有不能使用的字符 {named}（{why}）"),
        Locale::En => format!("contains the character {named} ({why}), which cannot be used"),
    }
}

/// R-EVALUATE
pub fn verdict_label(v: crate::implement::Verdict, loc: Locale) -> &'static str {
    match v {
        crate::implement::Verdict::Satisfactory => pick(loc, "评议通过", "satisfactory"),
        crate::implement::Verdict::Rectify => pick(loc, "需整改", "rectification required"),
    }
}

pub fn level_label(l: Level, loc: Locale) -> &'static str {
    match l {
        Level::Street => pick(loc, "街道协商", "street level"),
        Level::Community => pick(loc, "社区（村）协商", "community (village) level"),
    }
}

/// Where a community-level meeting is held: a community (社区, its residents) or a village (村,
/// its villagers). The guideline names both at once — "社区（村）协商", "居（村）民议事会" —
/// and so do the labels above; what residents read names the one they live in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Locality {
    Community,
    Village,
}

impl Locality {
    /// What a form says of it (R-FORMS): 居民会议 and 居民代表会议 are a community's, 村民会议 and
    /// 村民代表会议 a village's; the other community forms are held in both.
    pub fn of_form(f: Form) -> Option<Locality> {
        match f {
            Form::ResidentsAssembly | Form::ResidentRepresentatives => Some(Locality::Community),
            Form::VillagersAssembly | Form::VillagerRepresentatives => Some(Locality::Village),
            _ => None,
        }
    }

    /// Where a meeting is held: the form says it where it can; for the forms held in both, the
    /// names the record and the issuer give do ("…村民委员会", "…村委…"), and otherwise a
    /// community — every village of Shenzhen became a 社区 in 2004.
    pub fn of_meeting(m: &crate::state::Meeting, issuer: Option<&str>) -> Locality {
        if let Some(at) = Locality::of_form(m.form) {
            return at;
        }
        // "村民", "村委", "村党": a village's own bodies; not a bare "村", which many a 社区's
        // name keeps from before ("莲花一村社区", "城中村改造").
        let village = [m.title.as_str(), m.place.as_str(), issuer.unwrap_or("")]
            .iter()
            .any(|s| ["村民", "村委", "村党"].iter().any(|w| s.contains(w)));
        if village {
            Locality::Village
        } else {
            Locality::Community
        }
    }
}

/// The level as printed for residents: 街道协商, 社区协商 or 村协商. R-LEVEL
pub fn level_label_at(l: Level, at: Locality, loc: Locale) -> &'static str {
    match (l, at) {
        (Level::Street, _) => level_label(l, loc),
        (Level::Community, Locality::Community) => pick(loc, "社区协商", "community level"),
        (Level::Community, Locality::Village) => pick(loc, "村协商", "village level"),
    }
}

/// The form as printed for residents: 居民议事会 or 村民议事会 rather than 居（村）民议事会. R-FORMS
pub fn form_label_at(f: Form, at: Locality, loc: Locale) -> &'static str {
    match (f, at) {
        (Form::DeliberationCouncil, Locality::Community) => pick(loc, "居民议事会", "residents' deliberation council"),
        (Form::DeliberationCouncil, Locality::Village) => pick(loc, "村民议事会", "villagers' deliberation council"),
        _ => form_label(f, loc),
    }
}

/// A person's group as printed beside their name in a village: 村民代表, not 居民代表.
pub fn person_group_at(g: PartyGroup, two_committees: bool, at: Locality, loc: Locale) -> &'static str {
    match (g, two_committees, at) {
        (PartyGroup::Residents, false, Locality::Village) => pick(loc, "村民代表", "Villagers' rep"),
        _ => person_group(g, two_committees, loc),
    }
}

pub fn form_label(f: Form, loc: Locale) -> &'static str {
    use Form as F;
    match f {
        F::Symposium => pick(loc, "座谈会", "symposium"),
        F::DemocraticConsultation => pick(loc, "民主协商会", "democratic consultation meeting"),
        F::PublicConsultation => pick(loc, "公开征求意见", "public consultation"),
        F::ThematicDeliberation => pick(loc, "专题议事会", "thematic deliberation meeting"),
        F::PublicHearing => pick(loc, "民主听证会", "public hearing"),
        F::Coordination => pick(loc, "协调会", "coordination meeting"),
        F::ResidentsAssembly => pick(loc, "居民会议", "residents' assembly"),
        F::ResidentRepresentatives => pick(loc, "居民代表会议", "residents' representatives meeting"),
        F::VillagersAssembly => pick(loc, "村民会议", "villagers' assembly"),
        F::VillagerRepresentatives => pick(loc, "村民代表会议", "villagers' representatives meeting"),
        F::DeliberationCouncil => pick(loc, "居（村）民议事会", "residents' deliberation council"),
        F::SecretaryTea => pick(loc, "书记茶话会", "Party secretary's tea meeting"),
        F::PublicSentiment => pick(loc, "民情恳谈会", "community listening meeting"),
        F::ExpertCouncil => pick(loc, "专家参事会", "expert advisory meeting"),
        F::ExpertHearing => pick(loc, "专家听证会", "expert hearing"),
    }
}

/// Full names of the six groups of 协商主体. R-PARTIES
pub fn group_label(g: PartyGroup, loc: Locale) -> &'static str {
    use PartyGroup as G;
    match g {
        G::Deputies => pick(loc, "党代表、人大代表、政协委员", "Party congress, people's congress and CPPCC deputies"),
        G::Organisations => pick(loc, "单位、组织及利益相关方代表", "organisations and stakeholders"),
        G::Residents => pick(loc, "两委成员及居（村）民代表", "committee members and residents' representatives"),
        G::Supporters => pick(loc, "挂点干部、民警、法律顾问、“五老”、社工、志愿者", "liaison officials, police, legal advisers, elders, social workers, volunteers"),
        G::Experts => pick(loc, "专家学者、专业技术人员", "experts and professionals"),
        G::Public => pick(loc, "受邀社会公众", "invited members of the public"),
    }
}

/// Short names of the groups, for tables and the projector.
pub fn group_short(g: PartyGroup, loc: Locale) -> &'static str {
    use PartyGroup as G;
    match g {
        G::Deputies => pick(loc, "代表委员", "Deputies"),
        G::Organisations => pick(loc, "单位组织", "Organisations"),
        G::Residents => pick(loc, "两委及居民代表", "Residents' reps"),
        G::Supporters => pick(loc, "基层力量", "Community supporters"),
        G::Experts => pick(loc, "专家", "Experts"),
        G::Public => pick(loc, "社会公众", "Public"),
    }
}

/// A person's group as printed beside their name: in group ③ a 两委 member is 两委成员 and
/// anyone else 居民代表, rather than the umbrella "两委及居民代表" for both.
pub fn person_group(g: PartyGroup, two_committees: bool, loc: Locale) -> &'static str {
    match (g, two_committees) {
        (PartyGroup::Residents, true) => pick(loc, "两委成员", "Committee member"),
        (PartyGroup::Residents, false) => pick(loc, "居民代表", "Residents' rep"),
        _ => group_short(g, loc),
    }
}

pub fn role_label(r: Role, loc: Locale) -> &'static str {
    match r {
        Role::Member => pick(loc, "协商成员", "member"),
        Role::Attendee => pick(loc, "列席", "non-voting attendee"),
        Role::Observer => pick(loc, "旁听", "observer"),
    }
}

pub fn status_label(s: Status, loc: Locale) -> &'static str {
    match s {
        Status::NotCalled => pick(loc, "未点名", "not yet called"),
        Status::Present => pick(loc, "出席", "present"),
        Status::Late => pick(loc, "迟到", "arrived late"),
        Status::AbsentWithLeave => pick(loc, "请假缺席", "absent with leave"),
        Status::AbsentWithoutLeave => pick(loc, "缺席", "absent without leave"),
        Status::LeftEarly => pick(loc, "早退", "left early"),
    }
}

pub fn mark_label(m: Mark, loc: Locale) -> &'static str {
    match m {
        Mark::Present => pick(loc, "出席", "present"),
        Mark::AbsentWithLeave => pick(loc, "请假", "absent with leave"),
        Mark::AbsentWithoutLeave => pick(loc, "缺席", "absent without leave"),
        Mark::ArrivedLate => pick(loc, "迟到", "arrived late"),
        Mark::LeftEarly => pick(loc, "早退", "left early"),
    }
}

pub fn phase_label(p: Phase, loc: Locale) -> &'static str {
    match p {
        Phase::Setup => pick(loc, "筹备中", "in preparation"),
        Phase::InSession => pick(loc, "会议进行中", "in session"),
        Phase::Signing => pick(loc, "签字确认中", "collecting signatures"),
        Phase::Sealed => pick(loc, "已结束并封存", "closed and sealed"),
    }
}

pub fn item_status_label(s: ItemStatus, loc: Locale) -> &'static str {
    match s {
        ItemStatus::Pending => pick(loc, "待议", "pending"),
        ItemStatus::Open => pick(loc, "正在协商", "open"),
        ItemStatus::Voted => pick(loc, "已表决", "voted"),
        ItemStatus::Consensus => pick(loc, "协商一致", "agreed by consensus"),
        ItemStatus::Deferred => pick(loc, "延期", "deferred"),
    }
}

pub fn mode_label(m: VoteMode, loc: Locale) -> &'static str {
    match m {
        VoteMode::Hands => pick(loc, "举手表决", "show of hands"),
        VoteMode::Named => pick(loc, "记名表决", "named vote"),
        VoteMode::Secret => pick(loc, "无记名投票", "secret ballot"),
    }
}

pub fn rule_label(r: VoteRule, loc: Locale) -> &'static str {
    match r {
        VoteRule::HalfOrMore => pick(loc, "到会成员半数以上（含半数）通过", "half or more of members present (a tie passes)"),
        VoteRule::MoreThanHalf => pick(loc, "到会成员过半数通过", "more than half of members present (a tie fails)"),
        VoteRule::TwoThirds => pick(loc, "到会成员三分之二以上通过", "two thirds or more of members present"),
    }
}

pub fn choice_label(c: Choice, loc: Locale) -> &'static str {
    match c {
        Choice::Yes => pick(loc, "同意", "yes"),
        Choice::No => pick(loc, "反对", "no"),
        Choice::Abstain => pick(loc, "弃权", "abstain"),
    }
}

pub fn witness_label(k: WitnessKind, loc: Locale) -> &'static str {
    match k {
        WitnessKind::Lawyer => pick(loc, "律师见证", "witnessed by a lawyer"),
        WitnessKind::Notary => pick(loc, "公证", "notarised"),
    }
}

pub fn channel_label(c: Channel, loc: Locale) -> &'static str {
    match c {
        Channel::NoticeBoard => pick(loc, "线下公示栏", "notice board"),
        Channel::Online => pick(loc, "线上公开", "online"),
    }
}

/// What an intent does, for "cannot … while …" messages.
pub fn intent_label(kind: &str, loc: Locale) -> &'static str {
    let (zh, en) = match kind {
        "create_meeting" => ("创建会议", "create the meeting"),
        "add_participant" => ("添加参会人员", "add a participant"),
        "add_agenda_item" => ("添加议题", "add an agenda item"),
        "record_notice" => ("登记会议公告", "record the notice"),
        "record_seats_reason" => ("登记席位说明", "record the seat-share reason"),
        "open_meeting" => ("宣布开会", "open the meeting"),
        "mark_attendance" => ("登记出席情况", "mark attendance"),
        "adjourn_for_lack_of_quorum" => ("因人数不足休会", "adjourn for lack of quorum"),
        "open_item" => ("开始议题", "open an agenda item"),
        "add_speaker" => ("登记发言", "add a speaker"),
        "withdraw_speaker" => ("撤回发言登记", "withdraw a speaker"),
        "start_turn" => ("开始发言", "start a turn"),
        "end_turn" => ("结束发言", "end a turn"),
        "summarize_turn" => ("记录发言摘要", "summarise a turn"),
        "open_vote" => ("开始表决", "open a vote"),
        "cast_vote" => ("登记表决意见", "cast a vote"),
        "close_vote" => ("结束表决", "close the vote"),
        "close_by_consensus" => ("协商一致结束议题", "close the item by consensus"),
        "defer_item" => ("延期议题", "defer the item"),
        "mark_for_redo" => ("标记再次协商", "mark for re-deliberation"),
        "edit_minutes" => ("编辑会议记录", "edit the minutes"),
        "finalize_minutes" => ("定稿会议记录", "finalise the minutes"),
        "sign" => ("签字", "sign"),
        "decline_signature" => ("登记拒签", "record a declined signature"),
        "record_witness" => ("登记见证", "record a witness"),
        "close_meeting" => ("宣布会议结束", "close the meeting"),
        "amend" => ("追加更正", "append an amendment"),
        "record_publication" => ("登记公示", "record publication"),
        "book_observer" => ("预约旁听", "book an observer seat"),
        "cancel_booking" => ("取消旁听预约", "cancel a booking"),
        "assign_action" => ("明确落实责任", "assign an action"),
        "report_progress" => ("登记落实进展", "report progress"),
        "evaluate_action" => ("登记评议", "record an evaluation"),
        _ => ("执行此操作", "do this"),
    };
    pick(loc, zh, en)
}

/// The explanation printed with every vote result. R-VOTE
pub fn outcome_text(o: &Outcome, loc: Locale) -> String {
    let rule = rule_label(o.rule, loc);
    let result = match (o.passed, loc) {
        (true, Locale::Zh) => "通过",
        (false, Locale::Zh) => "未通过",
        (true, Locale::En) => "passed",
        (false, Locale::En) => "failed",
    };
    let mut s = match loc {
        Locale::Zh => format!(
            "依“{rule}”规则，到会成员 {} 人，至少需 {} 票同意；结果：{result}。",
            o.present, o.required_yes
        ),
        Locale::En => format!(
            "Rule: {rule}. Members present: {}; at least {} yes votes needed. Result: {result}.",
            o.present, o.required_yes
        ),
    };
    if o.not_voting > 0 {
        s.push_str(&match loc {
            Locale::Zh => format!("未投票 {} 人，按不同意计。", o.not_voting),
            Locale::En => format!(" {} present did not vote; they count against.", o.not_voting),
        });
    }
    if o.exact_half {
        s.push_str(&match (o.rule, loc) {
            (VoteRule::HalfOrMore, Locale::Zh) => "同意票恰好为到会成员的半数：“半数以上”含本数，故通过。".to_string(),
            (VoteRule::HalfOrMore, Locale::En) => {
                " Yes votes are exactly half of those present: \"half or more\" includes half, so it passes.".to_string()
            }
            (VoteRule::MoreThanHalf, Locale::Zh) => "同意票恰好为到会成员的半数：“过半数”须多于半数，故未通过。".to_string(),
            (VoteRule::MoreThanHalf, Locale::En) => {
                " Yes votes are exactly half of those present: \"more than half\" needs more, so it fails.".to_string()
            }
            (VoteRule::TwoThirds, Locale::Zh) => "同意票恰好为到会成员的半数，未达三分之二，故未通过。".to_string(),
            (VoteRule::TwoThirds, Locale::En) => {
                " Yes votes are exactly half of those present, short of two thirds, so it fails.".to_string()
            }
        });
    }
    s
}

fn freq_missed(args: &[String], loc: Locale) -> String {
    let arg = |i: usize| args.get(i).map(String::as_str).unwrap_or("");
    let (form, every, no, year, form_en) = (arg(0), arg(1), arg(2), arg(3), arg(4));
    match (loc, every) {
        (Locale::Zh, "quarter") => format!("{year}年第{no}季度未召开{form}（每季度至少1次，R-FREQ）。"),
        (Locale::Zh, "half") => {
            let half = if no == "1" { "上半年" } else { "下半年" };
            format!("{year}年{half}未召开{form}（每半年至少1次，R-FREQ）。")
        }
        (Locale::Zh, _) => format!("{year}年未召开{form}（每年至少1次，R-FREQ）。"),
        (Locale::En, "quarter") => format!("No {form_en} was held in Q{no} {year} (at least once a quarter, R-FREQ)."),
        (Locale::En, "half") => {
            let half = if no == "1" { "first" } else { "second" };
            format!("No {form_en} was held in the {half} half of {year} (at least once a half-year, R-FREQ).")
        }
        (Locale::En, _) => format!("No {form_en} was held in {year} (at least once a year, R-FREQ)."),
    }
}

/// Messages of the warnings. `args[0]` is a number of days, a percentage or (R-PUBLISH) the
/// deadline; then the missing channels in Chinese and in English.
pub fn warning(code: &str, args: &[String], loc: Locale) -> String {
    let a0 = args.first().map(String::as_str).unwrap_or("");
    let a1 = args.get(1).map(String::as_str).unwrap_or("");
    let a2 = args.get(2).map(String::as_str).unwrap_or("");
    match (code, loc) {
        // R-FREQ: args are the form (zh), the period kind, its number, the year, the form (en).
        ("freq_missed", _) => freq_missed(args, loc),
        ("observe_short", Locale::Zh) => {
            format!("{a0}年提供预约旁听（不少于2个席位）的社区会议仅 {a1} 次，应不少于4次（R-OBSERVE）。")
        }
        ("observe_short", Locale::En) => format!(
            "In {a0} only {a1} community meetings offered observer booking with at least 2 seats; at least 4 are required (R-OBSERVE)."
        ),
        // R-30DAYS: the topic's title, then dates.
        ("topic_overdue", Locale::Zh) => format!("街道议题“{a0}”确定后应在30天内召开会议协商，期限 {a1} 已过，尚未安排会议（R-30DAYS）。"),
        ("topic_overdue", Locale::En) => {
            format!("The street topic \"{a0}\" was to be deliberated within 30 days of its decision; the deadline {a1} has passed with no meeting scheduled (R-30DAYS).")
        }
        ("topic_scheduled_late", Locale::Zh) => {
            format!("街道议题“{a0}”应在 {a1} 前协商，会议却安排在 {a2}，超过30天（R-30DAYS）。")
        }
        ("topic_scheduled_late", Locale::En) => {
            format!("The street topic \"{a0}\" was due for deliberation by {a1} but its meeting is on {a2}, more than 30 days after its decision (R-30DAYS).")
        }
        ("item_topic_late", Locale::Zh) => format!("议题“{a0}”于 {a1} 确定，本次会议距确定已超过30天（R-30DAYS），将写入会议记录。"),
        ("item_topic_late", Locale::En) => {
            format!("The topic \"{a0}\" was decided on {a1}, more than 30 days before this meeting (R-30DAYS); the minutes will say so.")
        }
        // R-IMPLEMENT: args are the action's number and the date passed.
        ("action_overdue", Locale::Zh) => format!("第 {a0} 项落实事项已过完成时间 {a1}，尚未办结（R-IMPLEMENT）。"),
        ("action_overdue", Locale::En) => {
            format!("Action {a0} passed its completion time {a1} and is not reported done (R-IMPLEMENT).")
        }
        ("feedback_overdue", Locale::Zh) => format!("第 {a0} 项落实事项已过反馈时限 {a1}，尚无进展反馈（R-IMPLEMENT）。"),
        ("feedback_overdue", Locale::En) => {
            format!("Action {a0} passed its feedback deadline {a1} with no progress reported (R-IMPLEMENT).")
        }
        ("publish_overdue", Locale::Zh) => {
            format!("街道协商结果应在会后3天内公开，期限 {a0} 已过，尚未登记：{a1}（R-PUBLISH）。")
        }
        ("publish_overdue", Locale::En) => format!(
            "A street meeting's result must be published within 3 days; the deadline {a0} has passed, and not recorded as published: {a2} (R-PUBLISH)."
        ),
        ("publish_late", Locale::Zh) => format!("街道协商结果应在会后3天内公开（期限 {a0}），逾期才公开：{a1}（R-PUBLISH）。"),
        ("publish_late", Locale::En) => {
            format!("A street meeting's result must be published within 3 days (by {a0}); published only after it: {a2} (R-PUBLISH).")
        }
        ("notice_not_recorded", Locale::Zh) => "尚未登记会议公告发布时间：会议信息应至少提前5天公布（R-NOTICE5）。".into(),
        ("notice_not_recorded", Locale::En) => {
            "The notice's publication is not recorded: meeting information must be published at least 5 days before (R-NOTICE5).".into()
        }
        ("notice_short", Locale::Zh) => format!("会议公告距开会仅 {a0} 天，不足5天（R-NOTICE5），将写入会议记录。"),
        ("notice_short", Locale::En) => {
            format!("The notice was published only {a0} days before the meeting, fewer than 5 (R-NOTICE5); the minutes will say so.")
        }
        ("invitations_short", Locale::Zh) => format!("邀请函距开会仅 {a0} 天发出，不足5天（R-NOTICE5），将写入会议记录。"),
        ("invitations_short", Locale::En) => {
            format!("Invitations were sent only {a0} days before the meeting, fewer than 5 (R-NOTICE5); the minutes will say so.")
        }
        ("seats_below_half", Locale::Zh) => {
            format!("除两委成员外的其他参与人员仅占 {a0}% 席位，不足50%（R-SEATS）；须登记理由方可开会。")
        }
        ("seats_below_half", Locale::En) => format!(
            "People other than 两委 members hold only {a0}% of seats, below 50% (R-SEATS); record a reason to open the meeting."
        ),
        ("seats_below_half_reasoned", Locale::Zh) => {
            format!("除两委成员外的其他参与人员仅占 {a0}% 席位，不足50%（R-SEATS），已登记理由。")
        }
        ("seats_below_half_reasoned", Locale::En) => {
            format!("People other than 两委 members hold only {a0}% of seats, below 50% (R-SEATS); a reason is recorded.")
        }
        (other, _) => other.to_string(),
    }
}

impl Refusal {
    /// The refusal in the user's language, naming the field or the rule.
    pub fn message(&self, loc: Locale) -> String {
        let body = match loc {
            Locale::En => self.to_string(),
            Locale::Zh => self.zh(),
        };
        match self.rule() {
            Some(rule) => match loc {
                Locale::Zh => format!("{body}（{rule}）"),
                Locale::En => format!("{body} ({rule})"),
            },
            None => body,
        }
    }

    fn zh(&self) -> String {
        use Refusal as R;
        let z = Locale::Zh;
        match self {
            R::InIntent { inner, .. } => inner.zh(),
            R::UnknownMeeting(id) => format!("找不到会议 {id}"),
            R::MeetingExists(id) => format!("会议 {id} 已存在"),
            R::Empty { field } => format!("“{}”不能为空", field.zh()),
            R::TooLong { field, len, max } => format!("“{}”共 {len} 字，最多 {max} 字", field.zh()),
            R::BadCharacter { field, ch, problem } => format!("“{}”中{}", field.zh(), bad_character(*ch, *problem, z)),
            R::BadId { field, value } => {
                format!("“{}”的值“{value}”不是有效编号（1–64位字母、数字或 - _ .）", field.zh())
            }
            R::Duplicate { field, value } => format!("“{}”中“{value}”重复出现", field.zh()),
            R::UnknownPerson { field, id } => format!("“{}”：本次会议没有编号为“{id}”的人员", field.zh()),
            R::UnknownItem(id) => format!("本次会议没有编号为“{id}”的议题"),
            R::OutOfRange { field, min, max } => format!("“{}”须在 {min} 至 {max} 之间", field.zh()),
            R::FormNotOfLevel { form, level } => {
                format!("“{}”不是{}的协商形式", form_label(*form, z), level_label(*level, z))
            }
            R::NoMembers => "会议至少要有一名协商成员，才能计算法定人数".into(),
            R::WrongPhase { phase, action, .. } => {
                format!("会议当前{}，不能{}", phase_label(*phase, z), intent_label(action, z))
            }
            R::NotChair { name, .. } => format!("此操作只能由召集人（主持人）进行，{name}不是本次会议的召集人"),
            R::NotRecorder { name } => format!("会议记录只能由记录人编辑，{name}不是本次会议的记录人"),
            R::SeatsBelowHalf { percent } => format!(
                "除两委成员外的其他参与人员仅占 {percent}% 席位，不足50%；请先登记理由再开会"
            ),
            R::AttendanceConflict { name, status, mark } => {
                format!("{name}当前为“{}”，不能登记为“{}”", status_label(*status, z), mark_label(*mark, z))
            }
            R::QuorumNotMet { present, expected, required } => format!(
                "未达到法定人数：应到 {expected} 人，实到 {present} 人，至少需 {required} 人（三分之二以上）"
            ),
            R::QuorumPresent { present, required } => {
                format!("已达到法定人数（实到 {present} 人，需 {required} 人），不能以人数不足为由休会")
            }
            R::Adjourned => "会议已因人数不足休会，不能继续议事".into(),
            R::ItemAlreadyOpen { open } => format!("议题“{open}”尚未结束：请先表决、协商一致或延期"),
            R::ItemNotPending { title, status } => {
                format!("议题“{title}”当前为“{}”，不能再次开始", item_status_label(*status, z))
            }
            R::NoOpenItem => "当前没有正在协商的议题".into(),
            R::ItemsNotClosed { titles } => format!("以下议题尚未结束：{titles}"),
            R::ChairMayNotSpeak { name } => format!("{name}是召集人（主持人），应保持中立，不列入发言名单"),
            R::ObserverMayNotSpeak { name } => format!("{name}为旁听人员，不列入发言名单"),
            R::NotPresent { name, .. } => format!("{name}当前不在场"),
            R::AlreadyQueued { name } => format!("{name}已在发言名单中"),
            R::NotQueued { name } => format!("{name}不在发言名单中"),
            R::QueueEmpty => "发言名单为空".into(),
            R::TurnRunning { name } => format!("{name}正在发言，请先结束本轮发言"),
            R::NoTurnRunning => "当前无人发言".into(),
            R::UnknownTurn(n) => format!("本议题没有第 {n} 轮发言"),
            R::VoteInProgress => "表决正在进行中".into(),
            R::NoVoteOpen => "当前没有进行中的表决".into(),
            R::AlreadyVotedOnItem => "本议题已经表决过".into(),
            R::NotEligible { name } => format!("{name}在表决开始时不是到会的协商成员，不能参加本次表决"),
            R::AlreadyVoted { name } => format!("{name}已经表决"),
            R::NotNamedVote => "只有记名表决才逐人登记表决意见".into(),
            R::CountsRequired => "举手表决和无记名投票须填写同意、反对、弃权票数".into(),
            R::CountsNotAllowed => "记名表决按每位成员的表决意见计票，不需填写票数".into(),
            R::CountsExceedPresent { counted, present } => {
                format!("计票 {counted} 票，超过到会成员 {present} 人")
            }
            R::CannotRedo { title } => format!("议题“{title}”已通过或尚未结束，只有未通过或延期的事项可再次协商"),
            R::NotSigner { name } => format!("{name}不在本次会议记录的签字人员之列"),
            R::AlreadySigned { name } => format!("{name}已签字或已登记拒签"),
            R::BadSignatureImage { why } => format!("签名图像无效：{why}"),
            R::BlankSignature { name, .. } => format!("{name}的签名是空白的，几乎没有笔迹，请重新签名"),
            R::SignaturesMissing { names } => format!("以下人员尚未签字或登记拒签：{names}"),
            R::Sealed => "会议记录已封存，只能追加更正，不能修改".into(),
            R::Received { community } => format!("这份记录是从{community}收到的副本，在本机只能查看；更正须由该社区追加后再次送达"),
            R::NotSealed => "会议记录封存后才能追加更正；封存前请直接编辑会议记录".into(),
            R::InThePast { field } => format!("“{}”不能早于登记时间", field.zh()),
            R::NoResolution { title } => format!("议题“{title}”未形成协商决议，只有形成决议的事项才需落实"),
            R::UnknownAction(n) => format!("本次会议没有第 {n} 项落实事项"),
            R::ActionDone { no } => format!("第 {no} 项落实事项已办结；如评议要求整改，登记评议后再反馈进展"),
            R::ActionNotDone { no } => format!("第 {no} 项落实事项尚未办结，办结后再评议"),
            R::TopicNotOpen { title } => format!("议题“{title}”已确定或已撤回"),
            R::TopicWrongLevel { title, level } => format!("议题“{title}”属于{}，不能列入本次会议议程", level_label(*level, Locale::Zh)),
            R::UnknownTopic(id) => format!("议题池中没有编号为“{id}”的议题"),
            R::ObserverSeatsFull { seats: 0 } => "本次会议未设旁听席位，不能预约旁听".into(),
            R::ObserverSeatsFull { seats } => format!("本次会议的 {seats} 个旁听席位已约满"),
            R::UnknownBooking(n) => format!("没有可取消的第 {n} 号旁听预约"),
            R::CannotEscalate { title } => format!("“{title}”不能上报：只有社区（村）协商中已结束的议题才能上报"),
        }
    }
}
