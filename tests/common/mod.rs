//! Shared helpers for the core's integration tests: a meeting simulated in
//! memory through the same `decide` + fold the store uses.
#![allow(dead_code)]

use yishi::agenda::AgendaItemSpec;
use yishi::ids::{MeetingId, Time};
use yishi::intent::{Command, Intent};
use yishi::people::{PartyGroup, Participant, Role};
use yishi::setup::{Form, Level, MeetingSetup};
use yishi::state::Meeting;
use yishi::vote::VoteRule;
use yishi::{decide, Event, Refusal};

pub fn t(s: &str) -> Time {
    chrono::DateTime::parse_from_rfc3339(s).expect("test time")
}

pub fn person(id: &str, group: PartyGroup, two: bool, role: Role) -> Participant {
    Participant { id: id.into(), name: format!("成员{id}"), group, two_committees: two, role }
}

/// `members` voting members m1..mN (m1 chairs), recorder r1 (列席), observer o1.
pub fn setup(members: usize) -> MeetingSetup {
    let mut participants: Vec<Participant> = (1..=members)
        .map(|i| {
            let group = PartyGroup::ALL[i % 6];
            person(&format!("m{i}"), group, i <= 2, Role::Member)
        })
        .collect();
    participants.push(person("r1", PartyGroup::Supporters, false, Role::Attendee));
    participants.push(person("o1", PartyGroup::Public, false, Role::Observer));
    MeetingSetup {
        level: Level::Community,
        form: Form::ResidentRepresentatives,
        online: false,
        title: "测试会议".into(),
        place: "会议室".into(),
        scheduled_at: t("2026-11-19T19:30:00+08:00"),
        chair: "m1".into(),
        recorder: "r1".into(),
        participants,
        observer_seats: 2,
        vote_rule: VoteRule::HalfOrMore,
        turn_limit_secs: 120,
        agenda: ["a", "b", "c"]
            .iter()
            .map(|id| AgendaItemSpec {
                id: (*id).into(),
                title: format!("议题{id}"),
                background: String::new(),
                stakeholders: String::new(),
                redo_of: None,
                topic: None,
            })
            .collect(),
    }
}

/// A meeting driven intent by intent, in memory.
pub struct Sim {
    pub id: MeetingId,
    pub state: Option<Meeting>,
    pub clock: Time,
}

impl Sim {
    pub fn empty() -> Sim {
        Sim { id: MeetingId::new_random(), state: None, clock: t("2026-11-10T09:00:00+08:00") }
    }

    pub fn created(setup: MeetingSetup) -> Sim {
        let mut s = Sim::empty();
        s.ok(Intent::CreateMeeting(setup));
        s
    }

    /// Created, opened by the chair, and `present` of the members marked present.
    pub fn in_session(members: usize, present: usize) -> Sim {
        let mut s = Sim::created(setup(members));
        s.clock = t("2026-11-19T19:30:00+08:00");
        s.ok(Intent::OpenMeeting { by: "m1".into() });
        for i in 1..=present {
            s.ok(Intent::MarkAttendance {
                person: format!("m{i}").as_str().into(),
                mark: yishi::roll::Mark::Present,
                note: None,
            });
        }
        s
    }

    pub fn meeting(&self) -> &Meeting {
        self.state.as_ref().expect("meeting exists")
    }

    pub fn run(&mut self, intent: Intent) -> Result<Vec<Event>, Refusal> {
        self.clock += chrono::Duration::seconds(30);
        let cmd = Command { meeting: self.id, at: self.clock, intent };
        let before = self.state.clone();
        let d = decide(self.state.as_ref(), &cmd)?;
        assert_eq!(before, self.state, "decide must not change state");
        for e in &d.events {
            match (&mut self.state, e) {
                (None, Event::MeetingCreated(setup)) => self.state = Some(Meeting::create(self.id, setup, cmd.at)),
                (Some(m), e) => m.apply(e, cmd.at),
                (None, _) => panic!("first event must create the meeting"),
            }
        }
        Ok(d.events)
    }

    #[track_caller]
    pub fn ok(&mut self, intent: Intent) -> Vec<Event> {
        let shown = format!("{intent:?}");
        match self.run(intent) {
            Ok(e) => e,
            Err(r) => panic!("refused {shown}: {}", r.message(yishi::i18n::Locale::En)),
        }
    }

    /// Asserts the intent is refused with `code`, changing nothing; returns the refusal.
    #[track_caller]
    pub fn refused(&mut self, intent: Intent, code: &str) -> Refusal {
        let before = self.state.clone();
        let shown = format!("{intent:?}");
        match self.run(intent) {
            Ok(_) => panic!("accepted, expected refusal {code}: {shown}"),
            Err(r) => {
                assert_eq!(r.code(), code, "{shown}: {}", r.message(yishi::i18n::Locale::En));
                assert_eq!(before, self.state, "a refusal changes nothing");
                r
            }
        }
    }
}

pub fn png_b64() -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(yishi::png::scribble("x", 60, 20))
}

/// Runs the `yishi` tool on the store at `data`; asserts it succeeded and returns its stdout.
#[track_caller]
pub fn yishi(data: &std::path::Path, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_yishi")).arg("--data-dir").arg(data).args(args).output().unwrap();
    assert!(out.status.success(), "yishi {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}
