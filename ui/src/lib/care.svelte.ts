// 数据安全 as the chair's window knows it: the backup status, a backup or restore under way,
// the backup just made, and the record's health. One instance for the window, kept up to date
// from the shell's answers and events (Chair.svelte forwards them), read by the home screen's
// status line, the 数据安全 tab and the room's notice.
import {
  backupStatus,
  storeHealth,
  toBackendError,
  type AppEvent,
  type BackendError,
  type BackupStatus,
  type CareJob,
  type HealthView,
  type MadeBackup,
} from './backend';

export type Progress = { job: CareJob; done: number; total: number };

export class Care {
  status = $state<BackupStatus | null>(null);
  health = $state<HealthView | null>(null);
  /** The latest progress of a backup or restore (kept, full, once it has finished). */
  progress = $state<Progress | null>(null);
  /** The backup the shell last reported made. */
  made = $state<MadeBackup | null>(null);
  error = $state<BackendError | null>(null);
  /** The chair has seen the store's notices on the doctor screen: the home screen stops pointing at them. */
  noticesSeen = $state(false);
  /** The room's notice of the last automatic backup was closed. */
  toastClosed = $state(false);

  /** Asks the shell for the backup status and the record's health. */
  async refresh(): Promise<void> {
    const seen = this.changes;
    try {
      const [status, health] = await Promise.all([backupStatus(), storeHealth()]);
      // An event since the question was asked tells more than this answer.
      if (status && this.changes === seen) this.status = status;
      if (health) this.health = health;
      this.error = null;
    } catch (e) {
      this.error = toBackendError(e);
    }
  }

  /** Takes in an event of the shell's. */
  handle(e: AppEvent): void {
    switch (e.kind) {
      case 'care_progress':
        this.progress = { job: e.job, done: e.done, total: e.total };
        break;
      case 'backup_changed':
        this.changes++;
        this.status = e.status;
        if (e.made) {
          this.made = e.made;
          this.toastClosed = false;
          if (this.progress?.job === 'backup') this.progress = { ...this.progress, done: this.progress.total };
        } else if (e.status.failure && !e.status.running) {
          this.toastClosed = false;
        }
        break;
      case 'health_changed':
        this.health = e.health;
        break;
    }
  }

  /** Forgets everything (a test's fresh start). */
  reset(): void {
    this.status = null;
    this.health = null;
    this.progress = null;
    this.made = null;
    this.error = null;
    this.noticesSeen = false;
    this.toastClosed = false;
  }

  /** Counts the shell's status events, so an answer older than one is not taken over it. */
  private changes = 0;

  /**
   * Before asking the shell for something that may start a backup: progress from nothing.
   * Returns a function that takes the shell's answer, unless an event has told more since
   * (a small backup can finish before the command's answer arrives).
   */
  starting(job: CareJob): (status: BackupStatus) => void {
    this.made = null;
    this.progress = { job, done: 0, total: 0 };
    const seen = this.changes;
    return (status) => {
      if (this.changes !== seen) return;
      this.status = status;
      // Nothing started (the folder has today's backup) and nothing reported: no progress.
      if (!status.running && this.progress?.total === 0) this.progress = null;
    };
  }
}

export const care = new Care();
