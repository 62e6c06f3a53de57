//! The demo community: a roster of thirty covering all six groups of R-PARTIES,
//! one complete sealed meeting (three items, speakers, all three vote modes,
//! signatures), and one upcoming meeting ready to run. Also the long scripted
//! meeting used by the crash test and the benchmarks.

use crate::agenda::AgendaItemSpec;
use crate::ids::{ItemId, MeetingId, PersonId, Time};
use crate::intent::{Command, Intent};
use crate::people::{PartyGroup, Participant, Person, Role};
use crate::roll::Mark;
use crate::setup::{Form, Level, MeetingSetup};
use crate::sign::WitnessKind;
use crate::vote::{Choice, Tally, VoteMode, VoteRule};
use base64::Engine;
use chrono::Duration;

/// (id, name, group, 两委, role in the demo meetings)
const PEOPLE: [(&str, &str, PartyGroup, bool, Role); 30] = {
    use PartyGroup::*;
    use Role::*;
    [
        ("p01", "李卫东", Residents, true, Member),
        ("p02", "王秀英", Residents, true, Member),
        ("p03", "张敏", Residents, true, Member),
        ("p04", "刘德明", Residents, false, Member),
        ("p05", "赵桂兰", Residents, false, Member),
        ("p06", "孙立新", Residents, false, Member),
        ("p07", "马红梅", Residents, false, Member),
        ("p08", "胡永强", Residents, false, Member),
        ("p09", "郭淑珍", Residents, false, Member),
        ("p10", "罗志刚", Residents, false, Member),
        ("p11", "梁美玲", Residents, false, Member),
        ("p12", "宋建华", Residents, false, Member),
        ("p13", "陈建国", Deputies, false, Member),
        ("p14", "林淑芬", Deputies, false, Member),
        ("p15", "黄志强", Organisations, false, Member),
        ("p16", "吴丽华", Organisations, false, Member),
        ("p17", "郑晓燕", Organisations, false, Member),
        ("p18", "冯德才", Supporters, false, Member),
        ("p19", "曹丽娜", Supporters, false, Member),
        ("p20", "许哲", Experts, false, Member),
        ("p21", "蒋玉兰", Public, false, Member),
        ("p22", "沈浩", Public, false, Member),
        ("p23", "谢雨婷", Supporters, false, Attendee),
        ("p24", "韩磊", Supporters, false, Attendee),
        ("p25", "唐晓峰", Supporters, false, Attendee),
        ("p26", "彭国平", Supporters, false, Attendee),
        ("p27", "邓宏伟", Experts, false, Attendee),
        ("p28", "周海涛", Organisations, false, Attendee),
        ("p29", "何文斌", Organisations, false, Attendee),
        ("p30", "韦佳怡", Public, false, Observer),
    ]
};

pub const CHAIR: &str = "p01";
pub const RECORDER: &str = "p23";

pub fn roster() -> Vec<Person> {
    PEOPLE
        .iter()
        .map(|&(id, name, group, two, _)| Person { id: id.into(), name: name.into(), group, two_committees: two })
        .collect()
}

pub fn participants() -> Vec<Participant> {
    PEOPLE
        .iter()
        .map(|&(id, name, group, two, role)| Participant {
            id: id.into(),
            name: name.into(),
            group,
            two_committees: two,
            role,
        })
        .collect()
}

fn item(id: &str, title: &str, background: &str, stakeholders: &str) -> AgendaItemSpec {
    AgendaItemSpec {
        id: id.into(),
        title: title.into(),
        background: background.into(),
        stakeholders: stakeholders.into(),
        redo_of: None,
        topic: None,
    }
}

pub fn agenda() -> Vec<AgendaItemSpec> {
    vec![
        item(
            "i1",
            "关于幸福花园3栋、5栋加装电梯的议题",
            "3栋、5栋为1996年建成的七层住宅，无电梯，60岁以上住户占四成。经业主意愿征集，两栋同意加装比例均超过三分之二。拟申请市区两级补贴，余款按楼层分摊。",
            "3栋、5栋全体业主，低层住户代表，业委会，物业服务企业",
        ),
        item(
            "i2",
            "关于调整小区临时停车收费标准的议题",
            "物业提出将临时停车收费由每小时3元调整为5元，以缓解外来车辆占用车位问题。部分居民认为涨幅过大。",
            "业主、物业服务企业、周边商户",
        ),
        item(
            "i3",
            "关于在社区党群服务中心设立长者饭堂的议题",
            "社区60岁以上老人约1200人，独居老人86人。拟利用党群服务中心一楼闲置场地设立长者饭堂，由社会组织运营，民生微实事资金支持。",
            "社区老人及家属、社会组织、党群服务中心",
        ),
    ]
}

pub fn setup(title: &str, scheduled_at: Time) -> MeetingSetup {
    MeetingSetup {
        level: Level::Community,
        form: Form::ResidentRepresentatives,
        online: false,
        title: title.into(),
        place: "幸福社区党群服务中心三楼会议室".into(),
        scheduled_at,
        chair: CHAIR.into(),
        recorder: RECORDER.into(),
        participants: participants(),
        observer_seats: 2,
        vote_rule: VoteRule::HalfOrMore,
        turn_limit_secs: 180,
        agenda: agenda(),
    }
}

/// Builds commands for one meeting, advancing a clock by the given minutes.
struct Script {
    meeting: MeetingId,
    at: Time,
    out: Vec<Command>,
}

impl Script {
    fn new(meeting: MeetingId, at: Time) -> Script {
        Script { meeting, at, out: Vec::new() }
    }
    fn after(&mut self, minutes: i64, intent: Intent) -> &mut Self {
        self.at += Duration::minutes(minutes);
        self.at_secs(0, intent)
    }
    fn at_secs(&mut self, secs: i64, intent: Intent) -> &mut Self {
        self.at += Duration::seconds(secs);
        self.out.push(Command { meeting: self.meeting, at: self.at, intent });
        self
    }
    fn turn(&mut self, person: &str, secs: i64, summary: &str) -> &mut Self {
        self.at_secs(5, Intent::AddSpeaker { person: person.into() });
        self.at_secs(10, Intent::StartTurn { person: None });
        self.at_secs(secs, Intent::EndTurn { summary: Some(summary.into()) })
    }
}

fn pid(s: &str) -> PersonId {
    s.into()
}

/// The sample sealed meeting, held at `start`.
pub fn sealed_meeting(id: MeetingId, start: Time) -> Vec<Command> {
    let notice_at = start - Duration::days(7);
    let mut s = Script::new(id, notice_at - Duration::hours(2));
    s.at_secs(0, Intent::CreateMeeting(setup("幸福社区2026年第四季度居民代表会议", start)));
    s.at_secs(
        60,
        Intent::RecordNotice { published_at: Some(notice_at), invitations_sent_at: Some(notice_at) },
    );
    s.at = start - Duration::minutes(5);
    s.after(5, Intent::OpenMeeting { by: CHAIR.into() });
    // R-ROLL: 22 members; 宋建华 on leave, 梁美玲 comes late.
    for (id, _, _, _, role) in PEOPLE {
        if role != Role::Member || id == "p11" {
            continue;
        }
        let mark = if id == "p12" { Mark::AbsentWithLeave } else { Mark::Present };
        let note = (id == "p12").then(|| "外出就医，已书面请假".to_string());
        s.at_secs(8, Intent::MarkAttendance { person: id.into(), mark, note });
    }

    s.after(2, Intent::OpenItem { item: "i1".into() });
    s.turn("p16", 150, "业委会已完成意愿征集，3栋同意率81%、5栋76%，建议尽快申报补贴。");
    s.turn("p15", 120, "物业支持加装，提醒施工期间需临时调整消防通道，费用分摊方案需书面确认。");
    s.turn("p27", 200, "两栋结构满足加装条件，建议采用钢结构井道，工期约4个月。");
    s.at_secs(30, Intent::MarkAttendance { person: "p11".into(), mark: Mark::ArrivedLate, note: None });
    s.turn("p05", 170, "一楼住户担心采光和噪音，希望分摊方案对低层住户给予减免。");
    s.after(
        2,
        Intent::OpenVote {
            motion: "同意3栋、5栋加装电梯，按业委会分摊方案申报补贴，低层住户按方案减免".into(),
            mode: VoteMode::Named,
            rule: None,
        },
    );
    // 21 present members: 15 yes, 3 no, 2 abstain, 1 does not vote.
    let members: Vec<&str> =
        PEOPLE.iter().filter(|p| p.4 == Role::Member && p.0 != "p12").map(|p| p.0).collect();
    for (n, m) in members.iter().enumerate().take(20) {
        let choice = match n {
            0..=14 => Choice::Yes,
            15..=17 => Choice::No,
            _ => Choice::Abstain,
        };
        s.at_secs(6, Intent::CastVote { person: pid(m), choice });
    }
    s.at_secs(20, Intent::CloseVote { counts: None });

    s.after(3, Intent::OpenItem { item: "i2".into() });
    s.turn("p15", 160, "外来车辆长期占用车位，建议临时停车调整为每小时5元，业主车辆不受影响。");
    s.turn("p22", 140, "涨幅过大，影响探亲访友，建议首小时免费、之后每小时4元。");
    s.turn("p14", 120, "建议先做一个月车流统计，再确定收费标准。");
    s.after(1, Intent::OpenVote { motion: "同意临时停车收费调整为每小时5元".into(), mode: VoteMode::Hands, rule: None });
    s.at_secs(90, Intent::CloseVote { counts: Some(Tally { yes: 8, no: 10, abstain: 3 }) });
    s.at_secs(
        40,
        Intent::MarkForRedo { item: "i2".into(), reason: "分歧较大，待车流统计完成后择机再次协商".into() },
    );
    s.at_secs(30, Intent::MarkAttendance { person: "p10".into(), mark: Mark::LeftEarly, note: Some("家中有事".into()) });

    s.after(2, Intent::OpenItem { item: "i3".into() });
    s.turn("p17", 180, "机构有三家长者饭堂运营经验，可提供午餐、晚餐，60岁以上老人优惠价12元。");
    s.turn("p20", 130, "场地需满足餐饮消防和排烟要求，建议先做改造评估。");
    s.turn("p09", 90, "很多独居老人盼望有饭堂，支持尽快设立。");
    s.after(
        1,
        Intent::OpenVote {
            motion: "同意在党群服务中心一楼设立长者饭堂，由社会组织运营，年内完成改造".into(),
            mode: VoteMode::Secret,
            rule: Some(VoteRule::TwoThirds),
        },
    );
    s.at_secs(300, Intent::CloseVote { counts: Some(Tally { yes: 16, no: 2, abstain: 2 }) });

    s.after(3, Intent::EditMinutes { by: RECORDER.into(), text: String::new() }); // replaced below
    s.after(2, Intent::FinalizeMinutes { by: RECORDER.into() });
    s.at_secs(30, Intent::RecordWitness {
        name: "唐晓峰".into(),
        kind: WitnessKind::Lawyer,
        statement: Some("会议程序符合《深圳市基层议事协商工作指引（试行）》。".into()),
    });
    // Signers: chair, recorder, and the members present at the end.
    let mut signers = vec![CHAIR, RECORDER];
    signers.extend(members.iter().filter(|m| **m != CHAIR && **m != "p10"));
    for who in signers {
        if who == "p08" {
            s.at_secs(20, Intent::DeclineSignature {
                person: who.into(),
                reason: "对第二项议题的记录有不同意见，保留意见".into(),
            });
        } else {
            let png = crate::png::scribble(who, 240, 80);
            let b64 = base64::engine::general_purpose::STANDARD.encode(png);
            s.at_secs(20, Intent::Sign { person: who.into(), image_png_base64: b64 });
        }
    }
    s.after(1, Intent::CloseMeeting { by: CHAIR.into() });

    // The recorder's text is the draft generated from the record as it stood.
    let mut state: Option<crate::state::Meeting> = None;
    let mut out = s.out;
    for cmd in out.iter_mut() {
        if let Intent::EditMinutes { text, .. } = &mut cmd.intent {
            if let Some(m) = &state {
                *text = crate::minutes::draft(m);
            }
        }
        if let Ok(d) = crate::decide::decide(state.as_ref(), cmd) {
            for e in &d.events {
                match (&mut state, e) {
                    (None, crate::event::Event::MeetingCreated(setup)) => {
                        state = Some(crate::state::Meeting::create(cmd.meeting, setup, cmd.at))
                    }
                    (Some(m), e) => m.apply(e, cmd.at),
                    _ => {}
                }
            }
        }
    }
    out
}

/// An upcoming meeting, created and noticed, ready to open.
pub fn upcoming_meeting(id: MeetingId, scheduled: Time, created: Time) -> Vec<Command> {
    let mut s = Script::new(id, created);
    let mut st = setup("幸福社区2027年第一季度居民代表会议", scheduled);
    st.agenda = vec![
        item(
            "u1",
            "关于幸福花园小区垃圾分类投放点调整的议题",
            "现有4个投放点中2个靠近住户窗口，夏季异味投诉较多，拟迁至小区东门和北门绿化带旁。",
            "投放点周边住户、物业服务企业、环卫站",
        ),
        item(
            "u2",
            "关于社区篮球场夜间开放时间的议题",
            "篮球场夜间开放至22:30，周边住户反映噪音扰民，青年居民希望延长开放。",
            "周边住户、青年居民、社区体育协会",
        ),
    ];
    s.at_secs(0, Intent::CreateMeeting(st));
    s.at_secs(120, Intent::RecordNotice { published_at: Some(created), invitations_sent_at: Some(created) });
    s.out
}

/// A long scripted meeting: `rounds` speaking turns over three items with
/// attendance changes and votes — roughly 3 hours for rounds = 60 turns/item.
/// Used by the crash test and the latency benchmark.
pub fn long_meeting(id: MeetingId, start: Time, turns_per_item: usize) -> Vec<Command> {
    let mut s = Script::new(id, start - Duration::days(6));
    s.at_secs(0, Intent::CreateMeeting(setup("长时间议事会议（压力测试）", start)));
    s.at_secs(10, Intent::RecordNotice { published_at: Some(s.at), invitations_sent_at: Some(s.at) });
    s.at = start;
    s.at_secs(0, Intent::OpenMeeting { by: CHAIR.into() });
    let members: Vec<&str> = PEOPLE.iter().filter(|p| p.4 == Role::Member).map(|p| p.0).collect();
    for m in &members {
        s.at_secs(3, Intent::MarkAttendance { person: pid(m), mark: Mark::Present, note: None });
    }
    let speakers: Vec<&str> =
        PEOPLE.iter().filter(|p| p.4 != Role::Observer && p.0 != CHAIR).map(|p| p.0).collect();
    for (k, item) in ["i1", "i2", "i3"].iter().enumerate() {
        s.at_secs(30, Intent::OpenItem { item: ItemId::from(*item) });
        for t in 0..turns_per_item {
            let who = speakers[(t * 7 + k) % speakers.len()];
            s.at_secs(2, Intent::AddSpeaker { person: pid(who) });
            s.at_secs(3, Intent::StartTurn { person: None });
            s.at_secs(40, Intent::EndTurn { summary: Some(format!("第{}轮发言要点：意见{}", t + 1, t % 5)) });
            s.at_secs(10, Intent::SummarizeTurn { turn: (t + 1) as u32, summary: format!("补充记录{}", t + 1) });
            // People step out and come back now and then.
            if t % 10 == 5 {
                let m = members[(t / 10 + 3) % members.len()];
                if m != CHAIR {
                    s.at_secs(5, Intent::MarkAttendance { person: pid(m), mark: Mark::LeftEarly, note: None });
                    s.at_secs(5, Intent::MarkAttendance { person: pid(m), mark: Mark::ArrivedLate, note: None });
                }
            }
        }
        s.at_secs(30, Intent::OpenVote { motion: format!("表决事项{}", k + 1), mode: VoteMode::Hands, rule: None });
        s.at_secs(60, Intent::CloseVote { counts: Some(Tally { yes: 15, no: 4, abstain: 2 }) });
    }
    s.out
}

/// Installs the demo community: the roster, the sealed sample meeting held a
/// week before `now`, and an upcoming meeting a week after. Returns their ids.
pub fn install(store: &crate::store::Store, now: Time) -> Result<(MeetingId, MeetingId), crate::store::ApplyError> {
    let people = roster();
    store.record(&crate::community::CommunityCommand { at: now, intent: crate::community::CommunityIntent::ImportPeople { people } })?;
    let sealed = MeetingId::new_random();
    let day = |d: i64| {
        let t = now + Duration::days(d);
        t.date_naive().and_hms_opt(19, 30, 0).and_then(|n| n.and_local_timezone(*t.offset()).single()).unwrap_or(t)
    };
    for cmd in sealed_meeting(sealed, day(-7)) {
        store.apply(&cmd)?;
    }
    let upcoming = MeetingId::new_random();
    for cmd in upcoming_meeting(upcoming, day(7), now) {
        store.apply(&cmd)?;
    }
    Ok((sealed, upcoming))
}
