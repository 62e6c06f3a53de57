// Backups and repair (数据安全) through the real binary. The documented meeting (docs/intents.md)
// is written with the `yishi` tool up to its last signature. In the app: the home screen warns
// that nothing is backed up; a backup folder whose path has Chinese characters and spaces is
// chosen through the shell's own folder dialog and backed up to at once; 立即备份 shows its
// progress to the end and the home screen the time on this computer's clock; an unplugged
// folder is named in the chair's language; sealing the meeting in the room backs it up on its
// own. Then a byte of the meeting's journal file is flipped: while the app runs, the doctor
// names the damage by meeting and position and 修复 — pressed, never on its own — restores it;
// flipped again with the app closed, the next start names the damaged meeting on the home
// screen, which leads to the repair, and the meeting reads again. Last, another data folder (a
// new computer) is restored from the backup folder. The folders and the record are checked on
// disk and with the `yishi` tool.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyWithCli, byTestId, cliBinary, documentedIntents, launch } from './harness.mjs';
import { openPath, pressKey } from './dialogs.mjs';
import { at } from './page.mjs';

const MEETING = '11111111-1111-4111-8111-111111111111';
const TITLE = '幸福社区居民议事会';
const CHOOSE_DIALOG = '选择备份文件夹';
const RESTORE_DIALOG = '选择要恢复的备份';

const root = mkdtempSync(join(tmpdir(), 'yishi-e2e-backup-'));
const dataDir = join(root, 'data');
// A USB stick's folder as a community worker names it.
const folder = join(root, '社区 U盘', '议事 备份');
const unplugged = join(root, 'unplugged');
let app;
/** Events of the sealed meeting, as its automatic backup recorded them. */
let sealedEvents;

before(async () => {
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(folder, { recursive: true });
  const lines = documentedIntents().filter((l) => l.meeting === MEETING);
  const close = lines.findIndex((l) => l.intent.type === 'close_meeting');
  applyWithCli(dataDir, lines.slice(0, close));
  app = await launch({ dataDir });
});
after(async () => {
  await app?.stop();
  rmSync(root, { recursive: true, force: true });
});

const $ = (id, timeout) => byTestId(app.browser, id, timeout);
const click = async (id) => (await at(app.browser, id)).click();
const text = async (id) => (await $(id)).getText();
const attr = async (id, name) => (await $(id)).getAttribute(name);

async function until(what, check, timeout = 15000) {
  await app.browser.waitUntil(check, { timeout, interval: 100, timeoutMsg: `timed out: ${what}` });
}

/** The finished backups in the folder, oldest first, each with its manifest. */
function backups(dir = folder) {
  return readdirSync(dir)
    .filter((n) => n.startsWith('yishi-backup-'))
    .sort()
    .map((name) => {
      const manifest = join(dir, name, 'manifest.json');
      assert.ok(existsSync(manifest), `${name} has its manifest.json`);
      return { name, manifest: JSON.parse(readFileSync(manifest, 'utf8')) };
    });
}

const pad = (n) => String(n).padStart(2, '0');
/** An instant on this computer's clock, as the app shows it. */
function local(rfc3339) {
  const d = new Date(rfc3339);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

test('the home screen warns that nothing is backed up; a folder is chosen and backed up to at once', async () => {
  const status = await $('backup-status');
  assert.equal(await status.getAttribute('data-warning'), 'not_set');
  assert.match(await status.getText(), /尚未设置备份：记录只保存在这台电脑上/);
  assert.equal(await text('care-open'), '设置备份');
  await app.shot('b01-home-not-backed-up');

  await click('care-open');
  await $('care');
  assert.equal(await text('backup-folder'), '尚未选择');
  await click('backup-choose');
  await openPath(app.display, CHOOSE_DIALOG, folder, () => app.shotRoot('b02-choose-folder-dialog'));
  await until('the folder to be kept', async () => (await text('backup-folder')) === folder);
  // A folder without a backup of today gets one at once.
  await until('the first backup', async () => (await attr('backup-status', 'data-last')) !== '' && (await attr('backup-status', 'data-running')) === '');
  const made = backups();
  assert.equal(made.length, 1);
  assert.deepEqual(made[0].manifest.meetings.map((m) => [m.id, m.title]), [[MEETING, TITLE]]);
  assert.equal(await attr('backup-last', 'data-created-at'), made[0].manifest.created_at);
  // The setting is the core's, in the data folder.
  assert.equal(JSON.parse(readFileSync(join(dataDir, 'backup.json'), 'utf8')).to, folder);
});

test('立即备份 shows its progress to the end, and the home screen the time on this computer’s clock', async () => {
  await click('backup-now');
  await until('the progress to finish', async () => (await attr('care-progress', 'data-finished')) === 'true');
  const progress = await $('care-progress');
  assert.equal(await progress.getAttribute('data-job'), 'backup');
  assert.equal(await progress.getAttribute('data-done'), await progress.getAttribute('data-total'));
  assert.ok(Number(await progress.getAttribute('data-total')) >= 1);
  assert.match(await progress.getText(), /备份完成/);
  const all = backups();
  assert.equal(all.length, 2);
  const newest = all[1];
  assert.match(await text('backup-made'), new RegExp(`手动备份完成：1 个会议，\\d+ KB，保存为 ${newest.name}`));
  assert.match(await text('backup-last'), new RegExp(`${local(newest.manifest.created_at)}（今天），1 个会议`));
  await app.shot('b03-backup-done');

  await click('tab-meetings');
  const status = await $('backup-status');
  assert.equal(await status.getAttribute('data-warning'), 'none');
  assert.equal(await text('backup-status-text'), `已备份 · 上次备份：${local(newest.manifest.created_at)}（今天）`);
  await app.shot('b04-home-backed-up');
  // In English too.
  await click('locale-switch');
  assert.match(await text('backup-status'), new RegExp(`Backed up · last backup: ${local(newest.manifest.created_at)} \\(today\\)`));
  await click('locale-switch');
});

test('a folder that cannot be reached is named in the chair’s language, and the home screen says so', async () => {
  renameSync(folder, unplugged);
  try {
    // The status is read again when the chair moves between tabs.
    await click('care-open');
    await until('the panel to warn', async () => (await attr('backup-status', 'data-warning')) === 'unreachable');
    assert.match(await text('backup-warning'), /找不到备份文件夹 .*议事 备份。如果它在 U 盘上，请插好 U 盘。/);
    assert.equal(await (await $('backup-now')).isEnabled(), false);
    await click('tab-meetings');
    assert.match(await text('backup-status-text'), /找不到备份文件夹 .*议事 备份。如果它在 U 盘上，请插好 U 盘。/);
    await app.shot('b05-home-unplugged');
  } finally {
    renameSync(unplugged, folder);
  }
  // Plugged in again: the status says so at the next look.
  await click('tab-roster');
  await click('tab-meetings');
  await until('the warning to go', async () => (await attr('backup-status', 'data-warning')) === 'none');
});

test('sealing the meeting in the room backs it up on its own', async () => {
  const before = backups();
  const events = before.at(-1).manifest.meetings[0].events;
  await click(`[data-testid="meeting-item"][data-meeting="${MEETING}"]`);
  await $('room');
  if ((await attr('room', 'data-viewing')) !== 'seal') await click('step-seal');
  await click('close-meeting');
  await $('sealed');
  assert.equal(await text('meeting-phase'), '已结束并封存');
  await until('an automatic backup', async () => backups().length === before.length + 1, 20000);
  const sealed = backups().at(-1).manifest.meetings.find((m) => m.id === MEETING);
  assert.ok(sealed.events > events, `the backup holds the seal: ${sealed.events} events after ${events}`);
  sealedEvents = sealed.events;
  const toast = await $('backup-toast');
  await until('the room to say it was backed up', async () => (await toast.getAttribute('data-state')) === 'done');
  assert.match(await toast.getText(), /会议已封存，并已自动备份/);
  await app.shot('b06-sealed-backed-up');
  // The backup verifies on its own.
  execFileSync(cliBinary(), ['backup', '--check', join(folder, backups().at(-1).name)]);
  await click('backup-toast-close');
  await click('back');
});

const journal = join(dataDir, 'journal', `${MEETING}.yj`);

/** Flips a byte in the middle of the meeting's journal file (past its 8-byte header); returns the bytes. */
function flipAByte() {
  const bytes = readFileSync(journal);
  const at = Math.floor(bytes.length / 2);
  assert.ok(at > 8, 'past the 8-byte header');
  bytes[at] ^= 0xff;
  writeFileSync(journal, bytes);
  return bytes;
}

/** The doctor's damage list: one item, the meeting's journal, named by title and position. */
async function damageNamed() {
  await until('the doctor to check', async () => (await app.browser.$$('[data-testid="damage"]')).length > 0, 30000);
  const items = await app.browser.$$('[data-testid="damage"]');
  assert.equal(items.length, 1);
  assert.equal(await items[0].getAttribute('data-meeting'), MEETING);
  assert.equal(await items[0].getAttribute('data-kind'), 'journal_damaged');
  const position = await items[0].getAttribute('data-position');
  assert.equal(await items[0].getText(), `“${TITLE}”：日志文件自第 ${position} 个事件起损坏`);
}

/** Presses 修复 and checks the report: every event, the seal included, from the store's copy. */
async function repairFromTheStore(shot) {
  await click('doctor-repair');
  const repair = await $('repair', 30000);
  assert.equal(await repair.getAttribute('data-from'), 'store');
  assert.equal(await repair.getAttribute('data-missing'), '0');
  assert.equal(await repair.getText(), `“${TITLE}”：已用这台电脑上存储中的副本重写日志文件，共 ${sealedEvents} 个事件。`);
  await $('doctor-intact');
  if (shot) await app.shot(shot);
  // The damaged file is kept aside.
  assert.ok(readdirSync(join(dataDir, 'damaged')).some((n) => n.includes(MEETING)));
}

async function meetingReads() {
  await click('tab-meetings');
  assert.equal((await app.browser.$$('[data-testid="health-damage"]')).length, 0);
  await click(`[data-testid="meeting-item"][data-meeting="${MEETING}"]`);
  assert.equal(await text('meeting-title'), TITLE);
  assert.equal(await text('meeting-phase'), '已结束并封存');
  await click('back');
}

test('a byte flipped on disk is named by the doctor, and repaired only when asked', async () => {
  const bytes = flipAByte();
  await click('care-open');
  await damageNamed();
  assert.match(await text('doctor-backup'), /将使用的备份：/);
  await app.shot('b07-doctor-damage');
  // Nothing was repaired on its own: the journal is as damaged as it was left.
  assert.deepEqual(readFileSync(journal), bytes);
  await repairFromTheStore('b08-doctor-repaired');
  await meetingReads();
});

test('damage found at the next start is named on the home screen, which leads to the repair', async () => {
  await app.stop();
  app = null;
  flipAByte();
  const backupsBefore = backups().length;
  app = await launch({ dataDir });
  const damage = await $('health-damage', 30000);
  assert.match(await damage.getText(), new RegExp(`检查发现 1 个会议的记录有损坏：“${TITLE}”。`));
  await app.shot('b09-home-damage');
  await click('health-open');
  // The doctor comes first.
  assert.equal(await attr('care', 'data-first'), 'doctor');
  await damageNamed();
  await app.shot('b10-doctor-at-start');
  await repairFromTheStore();
  // No backup was attempted from the damaged record at start-up (the newest is of today).
  assert.equal(backups().length, backupsBefore);
  await meetingReads();
  await app.stop();
  app = null;
  const env = { ...process.env, YISHI_DATA_DIR: dataDir };
  execFileSync(cliBinary(), ['verify'], { env });
  execFileSync(cliBinary(), ['doctor'], { env });
});

test('another computer is restored from the backup folder', async () => {
  await app?.stop();
  const fresh = join(root, 'new computer');
  mkdirSync(fresh);
  app = await launch({ dataDir: fresh });
  await $('demo');
  await click('care-open');
  await click('restore');
  // The folder of backups (the newest is used). GTK completes a typed folder's contents
  // inline: Delete drops that, so Enter chooses the folder itself.
  await openPath(app.display, RESTORE_DIALOG, `${folder}/`, () => pressKey(app.display, 'Delete'));
  const result = await $('restore-result', 30000).catch(async (e) => {
    await app.shotRoot('b-fail-restore');
    throw e;
  });
  assert.match(await result.getText(), /已从备份恢复：.*（今天），1 个会议。这台电脑上原有的记录没有被覆盖。/);
  const restored = await app.browser.$$('[data-testid="restored-meeting"]');
  assert.equal(restored.length, 1);
  assert.equal(await restored[0].getAttribute('data-meeting'), MEETING);
  assert.equal(await restored[0].getText(), `“${TITLE}”`);
  assert.equal(await attr('care-progress', 'data-job'), 'restore');
  assert.equal(await attr('care-progress', 'data-finished'), 'true');
  await app.shot('b11-restored');
  await click('tab-meetings');
  const item = await at(app.browser, `[data-testid="meeting-item"][data-meeting="${MEETING}"]`);
  assert.equal(await item.getAttribute('data-phase'), 'sealed');
  await app.stop();
  app = null;
  execFileSync(cliBinary(), ['verify'], { env: { ...process.env, YISHI_DATA_DIR: fresh } });
});

// The store's read model is written out every few seconds, so after a power cut it can lack the
// last intents (the journal has them; the next start catches up). If the journal is also damaged
// before its end, the catch-up cannot run: the repair must take the backup made after the seal,
// the longest copy holding the head the read model recorded, not the read model's shorter copy.
test(
  'after a power cut right after sealing, a damaged journal is repaired with the seal the backup holds',
  async () => {
    await app?.stop();
    const dir = join(root, 'power cut');
    const usb = join(root, 'power cut USB');
    mkdirSync(dir);
    mkdirSync(usb);
    const lines = documentedIntents().filter((l) => l.meeting === MEETING);
    applyWithCli(dir, lines.slice(0, lines.findIndex((l) => l.intent.type === 'close_meeting')));
    writeFileSync(join(dir, 'backup.json'), JSON.stringify({ to: usb, keep: 10 }));
    app = await launch({ dataDir: dir });
    // No backup there yet: one is made at start-up.
    await until('the start-up backup', async () => backups(usb).length === 1, 30000);
    await click(`[data-testid="meeting-item"][data-meeting="${MEETING}"]`);
    await $('room');
    if ((await attr('room', 'data-viewing')) !== 'seal') await click('step-seal');
    await click('close-meeting');
    await $('sealed');
    await until('the seal’s backup', async () => backups(usb).length === 2, 20000);
    const events = backups(usb)[1].manifest.meetings[0].events;
    // The power goes.
    await app.stop();
    app = null;
    const file = join(dir, 'journal', `${MEETING}.yj`);
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    writeFileSync(file, bytes);
    app = await launch({ dataDir: dir });
    await click((await $('health-damage', 30000)) && 'health-open');
    await until('the doctor to check', async () => (await app.browser.$$('[data-testid="damage"]')).length > 0, 30000);
    await click('doctor-repair');
    const repair = await $('repair', 30000);
    assert.match(await repair.getText(), new RegExp(`共 ${events} 个事件`));
    await app.stop();
    app = null;
    const shown = JSON.parse(execFileSync(cliBinary(), ['show', MEETING, '--json'], { env: { ...process.env, YISHI_DATA_DIR: dir } }).toString());
    assert.equal(shown.phase, 'sealed');
  },
);
