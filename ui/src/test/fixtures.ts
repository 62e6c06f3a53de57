import type { MeetingListItem, MeetingView } from '../lib/bindings';

const label = (zh: string, en: string) => ({ zh, en });

export const listItem: MeetingListItem = {
  id: '11111111-1111-4111-8111-111111111111',
  title: '幸福社区居民议事会',
  level: 'community',
  level_label: label('社区（村）协商', 'community level'),
  form: 'deliberation_council',
  form_label: label('居（村）民议事会', 'residents’ council'),
  scheduled_at: '2026-11-19T19:30:00+08:00',
  phase: 'setup',
  phase_label: label('筹备中', 'in preparation'),
};

export const meetingView: MeetingView = {
  id: listItem.id,
  title: listItem.title,
  place: '社区党群服务中心',
  scheduled_at: listItem.scheduled_at,
  level: 'community',
  level_label: listItem.level_label,
  form: 'deliberation_council',
  form_label: listItem.form_label,
  phase: 'in_session',
  phase_label: label('会中', 'in session'),
  chair: 'p1',
  chair_name: '李卫东',
  recorder: 'r1',
  recorder_name: '谢雨婷',
  quorum: { present: 14, expected: 21, required: 14, met: true },
  current_item: 'a1',
  agenda: [
    {
      id: 'a1',
      title: '加装电梯',
      background: '',
      stakeholders: '',
      status: 'open',
      status_label: label('进行中', 'open'),
    },
  ],
  participants: [],
  warnings: [
    { rule: 'R-NOTICE5', code: 'notice_short', message_zh: '公告不足5天', message_en: 'Notice short' },
  ],
  record_head: 'ab'.repeat(32),
};
