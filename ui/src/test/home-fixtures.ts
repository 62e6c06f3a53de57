import type { MeetingListItem, PersonView, SetupOptions } from '../lib/bindings';
import { listItem } from './fixtures';

const label = (zh: string, en: string) => ({ zh, en });

export const setupOptions: SetupOptions = {
  levels: [
    {
      level: 'street',
      label: label('街道协商', 'street level'),
      forms: [
        { form: 'symposium', label: label('座谈会', 'symposium') },
        { form: 'democratic_consultation', label: label('民主协商会', 'democratic consultation') },
      ],
    },
    {
      level: 'community',
      label: label('社区（村）协商', 'community level'),
      forms: [
        { form: 'residents_assembly', label: label('居民会议', 'residents’ assembly') },
        { form: 'deliberation_council', label: label('居（村）民议事会', 'residents’ council') },
      ],
    },
  ],
  groups: [
    { group: 'deputies', label: label('党代表、人大代表、政协委员', 'deputies'), short: label('代表委员', 'Deputies') },
    { group: 'residents', label: label('两委成员及居（村）民代表', 'residents'), short: label('两委及居民代表', 'Residents') },
    { group: 'experts', label: label('专家学者、专业技术人员', 'experts'), short: label('专家', 'Experts') },
  ],
  roles: [
    { role: 'member', label: label('协商成员', 'member') },
    { role: 'attendee', label: label('列席', 'non-voting attendee') },
    { role: 'observer', label: label('旁听', 'observer') },
  ],
  vote_rules: [
    { rule: 'half_or_more', label: label('到会成员半数以上（含半数）通过', 'half or more') },
    { rule: 'more_than_half', label: label('到会成员过半数通过', 'more than half') },
  ],
  default_vote_rule: 'half_or_more',
  default_turn_limit_secs: 180,
};

const person = (id: string, name: string, two = false): PersonView => ({
  id,
  name,
  group: 'residents',
  group_label: label('两委成员及居（村）民代表', 'residents'),
  two_committees: two,
});

export const roster: PersonView[] = [person('p01', '李卫东', true), person('p02', '王秀英', true), person('p03', '刘德明')];

export const meetings: MeetingListItem[] = [
  { ...listItem, id: 'a', title: '下月的会', scheduled_at: '2026-12-20T19:30:00+08:00', phase: 'setup' },
  { ...listItem, id: 'b', title: '明天的会', scheduled_at: '2026-12-01T19:30:00+08:00', phase: 'setup' },
  { ...listItem, id: 'c', title: '正在开的会', phase: 'in_session' },
  { ...listItem, id: 'd', title: '签字中的会', phase: 'signing' },
  { ...listItem, id: 'e', title: '去年的会', scheduled_at: '2025-11-19T19:30:00+08:00', phase: 'sealed' },
  { ...listItem, id: 'f', title: '上月的会', scheduled_at: '2026-10-19T19:30:00+08:00', phase: 'sealed' },
];
