// After the seal, through the real binary (R-SIGN, R-PUBLISH): the demo's sealed meeting is
// opened, an empty reason is refused by the core, an amendment is appended after the
// confirmation step, a notice-board publication is recorded, and both are listed in the room
// and on the meeting's card. The record is then read back with the `yishi` tool on the same
// data: the amendment and the publication are there, every chain verifies, and the minutes PDF
// prints the amendment as appended after sealing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { byTestId, launch, cliBinary } from './harness.mjs';
import { at } from './page.mjs';

const REASON = '笔误';
const TEXT = '议题一表决结果中“弃权2票”应为“弃权2票（含1人中途离场）”。';
const BOARD = '幸福花园东门公示栏';

let app;
let meetingId;
const out = mkdtempSync(join(tmpdir(), 'yishi-e2e-after-'));

before(async () => {
  app = await launch();
});
after(async () => {
  await app?.stop();
  rmSync(out, { recursive: true, force: true });
});

const $ = (id) => byTestId(app.browser, id);
const text = async (id) => (await $(id)).getText();

async function until(what, check, timeout = 10000) {
  await app.browser.waitUntil(check, { timeout, interval: 100, timeoutMsg: `timed out: ${what}` });
}

/** Waits until the room has no intent in flight. */
async function settled() {
  await until('the room to settle', async () => (await (await $('room')).getAttribute('data-busy')) === 'false');
}

async function click(id) {
  await (await at(app.browser, id)).click();
}

async function type(id, value) {
  await (await at(app.browser, id)).setValue(value);
}

test('the demo’s sealed meeting opens at its last step, with nothing appended yet', async () => {
  const { browser } = app;
  await (await $('demo')).click();
  await $('meeting-list');
  const item = await at(browser, '[data-testid="meeting-item"][data-phase="sealed"]');
  meetingId = await item.getAttribute('data-meeting');
  await item.click();
  await $('room');
  assert.equal(await (await $('room')).getAttribute('data-viewing'), 'seal');
  await $('sealed');
  assert.equal(await text('no-amendments'), '尚无更正。');
  assert.equal(await text('no-publications'), '尚未登记公示。');
  await app.shot('70-sealed-room');
});

test('an empty reason is refused by the core, as the core words it', async () => {
  await click('amend-start');
  assert.ok((await (await $('amend-by')).getValue()).length > 0, 'the recorder by default');
  await type('amend-text', TEXT);
  await click('amend-review');
  await click('amend-confirm');
  await settled();
  const error = await $('error');
  assert.equal(await error.getAttribute('data-code'), 'empty');
  assert.match(await error.getText(), /“理由”不能为空/);
  assert.match(await error.getText(), /R-SIGN/, 'the field and the rule of the intent are named');
  // Back at the form with what was typed; nothing was written.
  assert.equal(await (await $('amend-text')).getValue(), TEXT);
  assert.equal((await app.browser.$$('[data-testid="amendment"]')).length, 0);
  await app.shot('71-amend-refused');
});

test('an amendment is appended after a confirmation and listed as appended after sealing', async () => {
  await type('amend-reason', REASON);
  await click('amend-review');
  const confirmation = await $('amend-confirmation');
  assert.match(await confirmation.getText(), /永久追加/);
  await app.shot('72-amend-confirm');
  await click('amend-confirm');
  await settled();
  await $('amend-done');
  const [a] = await app.browser.$$('[data-testid="amendment"]');
  const shown = await a.getText();
  assert.match(shown, /更正1/);
  assert.match(shown, /封存后追加/);
  assert.match(shown, new RegExp(`理由：${REASON}`));
  assert.ok(shown.includes(TEXT), shown);
  assert.equal((await app.browser.$$('[data-testid="error"]')).length, 0);
});

test('a publication on the notice board is recorded and listed; the online channel comes next', async () => {
  assert.equal(await (await $('publish-channel-notice_board')).isSelected(), true);
  await type('publish-place', BOARD);
  await click('publish-submit');
  await settled();
  await $('publish-done');
  const [p] = await app.browser.$$('[data-testid="publication"]');
  assert.equal(await p.getAttribute('data-channel'), 'notice_board');
  assert.match(await p.getText(), new RegExp(`线下公示栏[\\s\\S]*${BOARD}[\\s\\S]*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}`));
  // The poster is the next step, right below.
  await at(app.browser, 'export-poster-a4');
  await (await $('after-seal')).scrollIntoView({ block: 'start' });
  await app.shot('73-after-seal-room');
});

test('the meeting’s card lists the same, below the exports', async () => {
  const { browser } = app;
  await click('back');
  await (await at(browser, `[data-testid="meeting-details"][data-meeting="${meetingId}"]`)).click();
  await $('meeting-card');
  await $('after-seal');
  assert.equal((await browser.$$('[data-testid="amendment"]')).length, 1);
  assert.equal((await browser.$$('[data-testid="publication"]')).length, 1);
  assert.equal(await (await $('publish-channel-online')).isSelected(), true);
  await app.shot('74-after-seal-card');
});

test('the yishi tool reads the amendment and the publication; the chain verifies; the minutes print them', async () => {
  const bin = cliBinary();
  await app.stop(); // the app holds the store's lock
  const env = { ...process.env, YISHI_DATA_DIR: app.dataDir };
  const record = JSON.parse(execFileSync(bin, ['show', meetingId, '--json'], { env }).toString());
  assert.equal(record.phase, 'sealed');
  assert.equal(record.amendments.length, 1);
  const [a] = record.amendments;
  assert.equal(a.no, 1);
  assert.equal(a.reason, REASON);
  assert.equal(a.text, TEXT);
  assert.ok(a.by.length > 0);
  assert.equal(record.publications.length, 1);
  assert.equal(record.publications[0].channel, 'notice_board');
  assert.equal(record.publications[0].place, BOARD);
  execFileSync(bin, ['verify'], { env }); // exits non-zero if a chain is broken

  const pdf = join(out, 'minutes.pdf');
  execFileSync(bin, ['export', 'minutes', meetingId, '-o', pdf], { env });
  const printed = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, '');
  assert.ok(printed.includes('封存后追加的更正'), 'the amendments section');
  assert.ok(printed.includes(TEXT.replace(/\s+/g, '')), 'the amendment text');
  assert.ok(printed.includes(BOARD), 'the publication');
  app = null;
});
