// What the shell sends the projector (src-tauri/src/projector.rs) at each step of the flow.
import type { ProjectorItem, ProjectorView } from '../lib/bindings';
import { MEETING_ID, person, voted as votedMeeting } from './room-fixtures';

const label = (zh: string, en: string) => ({ zh, en });

function item(no: number, title: string, over: Partial<ProjectorItem> = {}): ProjectorItem {
  return { no, title, status: 'pending', status_label: label('待议', 'pending'), passed: null, resolution: null, ...over };
}

/** Opened, the roll being called: 3 of 6 present. */
export function rollCall(): ProjectorView {
  return {
    id: MEETING_ID,
    title: '幸福社区居民议事会',
    phase: 'in_session',
    phase_label: label('会议进行中', 'in session'),
    quorum: { present: 3, expected: 6, required: 4, met: false },
    turn_limit_secs: 120,
    items: [item(1, '加装电梯'), item(2, '停车收费')],
    current: null,
    last: null,
    signed: 0,
    signers: 0,
  };
}

/** Item 1 open; `turn` adds a speaker who started `ago` s before now; p5 is next. */
export function speaking(opts: { turn?: boolean; ago?: number } = {}): ProjectorView {
  const started = new Date(Date.now() - (opts.ago ?? 10) * 1000).toISOString();
  return {
    ...rollCall(),
    quorum: { present: 6, expected: 6, required: 4, met: true },
    items: [item(1, '加装电梯', { status: 'open', status_label: label('正在协商', 'open') }), item(2, '停车收费')],
    current: {
      no: 1,
      title: '加装电梯',
      turn: opts.turn ? { person: person('p3'), started_at: started } : null,
      next: person('p5'),
      vote: null,
    },
  };
}

/** A named vote open on item 1. */
export function voting(): ProjectorView {
  const m = speaking();
  return { ...m, current: { ...m.current!, next: null, vote: { motion: '同意3栋加装电梯', mode_label: label('记名表决', 'named vote') } } };
}

/** Item 1 carried at an exact half; its result stays up. */
export function voted(): ProjectorView {
  const v = votedMeeting().agenda[0].vote!;
  const m = speaking();
  return {
    ...m,
    items: [item(1, '加装电梯', { status: 'voted', status_label: label('已表决', 'voted'), passed: true, resolution: v.motion }), item(2, '停车收费')],
    current: null,
    last: { no: 1, title: '加装电梯', status: 'voted', vote: v, deferral_reason: null, resolution: v.motion },
  };
}

/** Signing: two of three done. */
export function signing(): ProjectorView {
  const m = voted();
  return {
    ...m,
    phase: 'signing',
    phase_label: label('签字确认中', 'collecting signatures'),
    items: [m.items[0], item(2, '停车收费', { status: 'deferred', status_label: label('延期', 'deferred') })],
    signed: 2,
    signers: 3,
  };
}
