// The words of 数据安全, from the catalogs: damage by meeting and position, what the store did on
// its own, each repair, a backup's time on this computer's clock. The shell sends the facts
// (kinds, titles, counts); the sentences are the UI's, in the chair's language.
import type {
  BackupTrigger,
  DamageView,
  JournalRef,
  LastBackup,
  MeetingRef,
  StoreNotice,
  RepairView,
} from '../../bindings';
import { t, type MessageKey } from '../../i18n/index.svelte';
import { daysAgo, localDateTime } from '../../format';

/** A meeting by its title; by its id when the store has no title for it. */
export function meetingName(m: MeetingRef): string {
  return m.title ? t('care.meeting', { title: m.title }) : t('care.meetingId', { id: m.id });
}

function journalName(j: JournalRef): string {
  if (j.meeting) return t('care.journal.meeting', { meeting: meetingName(j.meeting) });
  if (j.list === 'roster') return t('care.journal.roster');
  if (j.list === 'topics') return t('care.journal.topics');
  if (j.list === 'archive') return t('care.journal.archive');
  return j.name;
}

const DAMAGE: Record<DamageView['kind'], MessageKey> = {
  altered: 'care.damage.altered',
  unlinked: 'care.damage.unlinked',
  gap: 'care.damage.gap',
  unreadable: 'care.damage.unreadable',
  head_mismatch: 'care.damage.headMismatch',
  index_missing: 'care.damage.indexMissing',
  journal_damaged: 'care.damage.journalDamaged',
  journal_missing: 'care.damage.journalMissing',
  journal_behind: 'care.damage.journalBehind',
};

/** What is wrong, without the meeting's name: "日志文件自第 12 个事件起损坏". */
export function damageText(d: DamageView): string {
  return t(DAMAGE[d.kind], { position: d.position });
}

export function noticeText(n: StoreNotice): string {
  switch (n.kind) {
    case 'rebuilt':
      return t('care.notice.rebuilt', { aside: n.aside });
    case 'caught_up':
      return t('care.notice.caughtUp', { meeting: meetingName(n.meeting), events: n.events });
    case 'tail_set_aside':
      return t('care.notice.tailSetAside', { journal: journalName(n.journal), bytes: n.bytes, aside: n.aside });
    case 'copy_restored':
      return t('care.notice.copyRestored', { meeting: meetingName(n.meeting) });
    case 'journaled':
      return t('care.notice.journaled', { meetings: n.meetings });
    case 'behind':
      return t('care.notice.behind', { meeting: meetingName(n.meeting) });
    case 'list_damaged':
      return t('care.notice.listDamaged', { journal: journalName(n.journal), offset: n.offset });
    case 'list_migrated':
      return t('care.notice.listMigrated', { journal: journalName(n.journal), entries: n.entries });
    case 'list_repaired': {
      const done = t(n.from_backup ? 'care.notice.listRepairedFromBackup' : 'care.notice.listRepaired', {
        journal: journalName(n.journal),
        entries: n.entries,
      });
      return n.lost_from == null ? done : done + t('care.notice.listLost', { from: n.lost_from });
    }
  }
}

/** What a repair did, after the meeting's name. */
export function repairText(r: RepairView): string {
  if (!r.from) return t('care.repair.none');
  const key: MessageKey =
    r.from === 'store' ? 'care.repair.fromStore' : r.from === 'journal' ? 'care.repair.fromJournal' : 'care.repair.fromBackup';
  const done = t(key, { events: r.events });
  return r.missing > 0 ? done + t('care.repair.missing', { missing: r.missing }) : done;
}

const TRIGGER: Record<BackupTrigger, MessageKey> = {
  manual: 'care.trigger.manual',
  sealed: 'care.trigger.sealed',
  daily: 'care.trigger.daily',
  chosen: 'care.trigger.chosen',
};

export function triggerText(trigger: BackupTrigger): string {
  return t(TRIGGER[trigger]);
}

/** "2026-05-03 14:05（今天）" — on this computer's clock, with how long ago in days. */
export function whenText(rfc3339: string, now: Date = new Date()): string {
  const days = daysAgo(rfc3339, now);
  const ago = days === 0 ? t('care.today') : days === 1 ? t('care.yesterday') : t('care.daysAgo', { n: days });
  return t('care.when', { time: localDateTime(rfc3339), ago });
}

/** "2026-05-03 14:05（今天），12 个会议" */
export function backupText(b: LastBackup): string {
  return t('care.backupOf', { when: whenText(b.created_at), meetings: b.meetings });
}
