// Meetings as the shell would send them, at each step of the flow, for the room's tests.
import type {
  AgendaItemView,
  AttendanceStatus,
  MeetingView,
  ParticipantView,
  PartyGroup,
  PersonRef,
  Role,
  VoteView,
} from '../lib/bindings';

const label = (zh: string, en: string) => ({ zh, en });

const STATUS: Record<AttendanceStatus, [string, string]> = {
  not_called: ['未点名', 'not yet called'],
  present: ['出席', 'present'],
  late: ['迟到', 'arrived late'],
  absent_with_leave: ['请假缺席', 'absent with leave'],
  absent_without_leave: ['缺席', 'absent without leave'],
  left_early: ['早退', 'left early'],
};

const GROUP: Record<PartyGroup, [string, string]> = {
  deputies: ['代表委员', 'Deputies'],
  organisations: ['单位组织', 'Organisations'],
  residents: ['两委及居民代表', "Residents' reps"],
  supporters: ['基层力量', 'Community supporters'],
  experts: ['专家', 'Experts'],
  public: ['社会公众', 'Public'],
};

const PEOPLE: [string, string, PartyGroup, Role][] = [
  ['p1', '李卫东', 'residents', 'member'],
  ['p2', '王秀英', 'residents', 'member'],
  ['p3', '黄志强', 'organisations', 'member'],
  ['p4', '陈建国', 'deputies', 'member'],
  ['p5', '许哲', 'experts', 'member'],
  ['p6', '沈浩', 'public', 'member'],
  ['r1', '谢雨婷', 'supporters', 'attendee'],
  ['o1', '韦佳怡', 'public', 'observer'],
];

export function person(id: string): PersonRef {
  const [, name, group] = PEOPLE.find((p) => p[0] === id)!;
  return { id, name, group, group_label: label(...GROUP[group]) };
}

// Presence as the core reports it for these statuses (`meeting::flow`, tested there): present
// or late; in the room, members present and every 列席 (none is marked away here).
function participants(status: (id: string) => AttendanceStatus): ParticipantView[] {
  const present = (id: string) => ['present', 'late'].includes(status(id));
  return PEOPLE.map(([id, name, group, role]) => ({
    id,
    name,
    group,
    group_label: label(...GROUP[group]),
    two_committees: id === 'p1' || id === 'p2',
    role,
    role_label: label(role, role),
    status: role === 'member' ? status(id) : 'not_called',
    status_label: label(...STATUS[role === 'member' ? status(id) : 'not_called']),
    present: role === 'member' && present(id),
    in_the_room: role === 'attendee' || (role === 'member' && present(id)),
  }));
}

function item(id: string, title: string, over: Partial<AgendaItemView> = {}): AgendaItemView {
  return {
    id,
    title,
    background: `${title}的背景`,
    stakeholders: '3栋业主',
    status: 'pending',
    status_label: label('待议', 'pending'),
    opened_at: null,
    closed_at: null,
    queue: [],
    turns: [],
    vote: null,
    resolution: null,
    deferral_reason: null,
    redo_reason: null,
    may_redo: false,
    ...over,
  };
}

export const MEETING_ID = '11111111-1111-4111-8111-111111111111';

/** A meeting in setup: nobody called, nothing open. */
export function setupMeeting(): MeetingView {
  return {
    id: MEETING_ID,
    title: '幸福社区居民议事会',
    place: '社区党群服务中心',
    scheduled_at: '2026-11-19T19:30:00+08:00',
    level: 'community',
    level_label: label('社区（村）协商', 'community level'),
    form: 'resident_representatives',
    form_label: label('居民代表会议', "residents' representatives meeting"),
    phase: 'setup',
    phase_label: label('筹备中', 'in preparation'),
    chair: 'p1',
    chair_name: '李卫东',
    recorder: 'r1',
    recorder_name: '谢雨婷',
    quorum: { present: 0, expected: 6, required: 4, met: false },
    current_item: null,
    step: 'open',
    next: { rule: 'R-OPEN', action: { code: 'open_meeting', name: '李卫东' } },
    running_turn: null,
    vote_open: false,
    agenda: [item('a1', '加装电梯'), item('a2', '停车收费')],
    participants: participants(() => 'not_called'),
    warnings: [],
    record_head: 'ab'.repeat(32),
    turn_limit_secs: 120,
    vote_rule: 'half_or_more',
    vote_rule_label: label('到会成员半数以上（含半数）通过', 'half or more of members present (a tie passes)'),
    opened_at: null,
    closed_at: null,
    adjourned: null,
    speaking_time: (Object.keys(GROUP) as PartyGroup[]).map((group) => ({
      group,
      group_label: label(...GROUP[group]),
      turns: group === 'organisations' ? 1 : 0,
      seconds: group === 'organisations' ? 150 : 0,
    })),
    minutes: { text: null, edited_at: null, draft: '幸福社区居民议事会\n议题1：加装电梯', finalized_at: null },
    signers: [],
    witnesses: [],
    notice: { published_at: null, invitations_sent_at: null },
    amendments: [],
    publications: [],
    publish_warning: null,
    received_from: null,
    actions: [],
    observer_seats: 2,
    bookings: [],
  };
}

/** Opened, the roll being called: p1–p3 present, the rest not yet called. */
export function rollCall(): MeetingView {
  const m = setupMeeting();
  return {
    ...m,
    phase: 'in_session',
    phase_label: label('会议进行中', 'in session'),
    opened_at: '2026-11-19T19:30:00.000+08:00',
    participants: participants((id) => (['p1', 'p2', 'p3'].includes(id) ? 'present' : 'not_called')),
    quorum: { present: 3, expected: 6, required: 4, met: false },
    step: 'roll',
    next: { rule: 'R-ROLL', action: { code: 'call_roll', count: 3 } },
  };
}

/** The roll call short of the quorum, adjourned by the chair (R-QUORUM): the minutes are next. */
export function adjourned(): MeetingView {
  return {
    ...rollCall(),
    adjourned: { at: '2026-11-19T19:40:00.000+08:00', present: 3, expected: 6, note: null },
    step: 'minutes',
    next: { rule: 'R-MINUTES', action: { code: 'finalize_minutes', name: '谢雨婷' } },
  };
}

/** Everyone present, item a1 open with a queue; `turn` adds a running turn started `ago` s before now. */
export function speaking(opts: { turn?: boolean; ago?: number } = {}): MeetingView {
  const m = rollCall();
  const started = new Date(Date.now() - (opts.ago ?? 10) * 1000).toISOString();
  return {
    ...m,
    participants: participants(() => 'present'),
    quorum: { present: 6, expected: 6, required: 4, met: true },
    current_item: 'a1',
    step: 'speak',
    next: opts.turn
      ? { rule: 'R-SPEAK', action: { code: 'end_turn', name: '黄志强' } }
      : { rule: 'R-SPEAK', action: { code: 'next_speaker', name: '许哲' } },
    running_turn: opts.turn ? 2 : null,
    agenda: [
      item('a1', '加装电梯', {
        status: 'open',
        status_label: label('正在协商', 'open'),
        opened_at: '2026-11-19T19:35:00.000+08:00',
        queue: [person('p5')],
        turns: [
          { no: 1, person: person('p4'), started_at: '2026-11-19T19:36:00.000+08:00', ended_at: '2026-11-19T19:38:30.000+08:00', seconds: 150, summary: '支持加装' },
          ...(opts.turn ? [{ no: 2, person: person('p3'), started_at: started, ended_at: null, seconds: null, summary: null }] : []),
        ],
      }),
      item('a2', '停车收费'),
    ],
  };
}

function vote(over: Partial<VoteView>): VoteView {
  return {
    motion: '同意3栋加装电梯',
    mode: 'named',
    mode_label: label('记名表决', 'named vote'),
    rule: 'half_or_more',
    rule_label: label('到会成员半数以上（含半数）通过', 'half or more of members present (a tie passes)'),
    eligible: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'].map(person),
    ballots: [],
    running: { yes: 0, no: 0, abstain: 0 },
    opened_at: '2026-11-19T19:45:00.000+08:00',
    closed_at: null,
    tally: null,
    outcome: null,
    ...over,
  };
}

/** A vote open on a1, named by default. */
export function voting(mode: 'named' | 'hands' = 'named'): MeetingView {
  const m = speaking();
  const v = vote(
    mode === 'named'
      ? { ballots: [{ person: 'p1', choice: 'yes' }], running: { yes: 1, no: 0, abstain: 0 } }
      : { mode: 'hands', mode_label: label('举手表决', 'show of hands') },
  );
  return {
    ...m,
    step: 'vote',
    next: mode === 'named'
      ? { rule: 'R-VOTE', action: { code: 'cast_ballots', count: 5 } }
      : { rule: 'R-VOTE', action: { code: 'close_vote' } },
    vote_open: true,
    agenda: [{ ...m.agenda[0], queue: [], vote: v }, m.agenda[1]],
  };
}

/** a1 closed by a vote that passed at an exact half; a2 pending. */
export function voted(): MeetingView {
  const m = speaking();
  const v = vote({
    closed_at: '2026-11-19T19:46:00.000+08:00',
    ballots: [],
    running: { yes: 3, no: 2, abstain: 1 },
    tally: { yes: 3, no: 2, abstain: 1 },
    outcome: {
      passed: true,
      present: 6,
      required_yes: 3,
      not_voting: 0,
      exact_half: true,
      text: label(
        '依“到会成员半数以上（含半数）通过”规则，到会成员 6 人，至少需 3 票同意；结果：通过。同意票恰好为到会成员的半数：“半数以上”含本数，故通过。',
        'Rule: half or more. Result: passed. Yes votes are exactly half of those present: "half or more" includes half, so it passes.',
      ),
    },
  });
  return {
    ...m,
    current_item: null,
    step: 'agenda',
    next: { rule: 'R-AGENDA', action: { code: 'open_item', item: 'a2', title: '停车收费' } },
    agenda: [
      {
        ...m.agenda[0],
        status: 'voted',
        status_label: label('已表决', 'voted'),
        closed_at: '2026-11-19T19:46:00.000+08:00',
        queue: [],
        vote: v,
        resolution: v.motion,
      },
      m.agenda[1],
    ],
  };
}

/** Every item closed: the minutes are next. */
export function minutes(): MeetingView {
  const m = voted();
  return {
    ...m,
    step: 'minutes',
    next: { rule: 'R-MINUTES', action: { code: 'finalize_minutes', name: '谢雨婷' } },
    agenda: [
      m.agenda[0],
      { ...m.agenda[1], status: 'deferred', status_label: label('延期', 'deferred'), closed_at: '2026-11-19T19:50:00.000+08:00', deferral_reason: '需先征求意见', may_redo: true },
    ],
  };
}

/** Minutes finalized: p1 signed, r1 declined, p2 pending. */
export function signing(): MeetingView {
  const m = minutes();
  return {
    ...m,
    phase: 'signing',
    phase_label: label('签字确认中', 'collecting signatures'),
    step: 'sign',
    next: { rule: 'R-SIGN', action: { code: 'collect_signatures', count: 1 } },
    minutes: { ...m.minutes, text: '会议记录正文', edited_at: '2026-11-19T20:10:00.000+08:00', finalized_at: '2026-11-19T20:12:00.000+08:00' },
    signers: [
      { person: person('p1'), state: 'signed', at: '2026-11-19T20:13:00.000+08:00', reason: null, image_sha256: 'cd'.repeat(32) },
      { person: person('r1'), state: 'declined', at: '2026-11-19T20:13:30.000+08:00', reason: '有异议', image_sha256: null },
      { person: person('p2'), state: 'pending', at: null, reason: null, image_sha256: null },
    ],
  };
}

/** Everyone signed or declined, the meeting closed: the record is sealed. */
export function sealed(): MeetingView {
  const m = signing();
  return {
    ...m,
    phase: 'sealed',
    phase_label: label('已结束并封存', 'closed and sealed'),
    step: 'seal',
    next: null,
    closed_at: '2026-11-19T20:20:00.000+08:00',
    signers: m.signers.map((s) => (s.state === 'pending' ? { ...s, state: 'signed', at: '2026-11-19T20:14:00.000+08:00', image_sha256: 'ef'.repeat(32) } : s)),
  };
}
