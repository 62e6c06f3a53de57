// A meeting that cannot go ahead, through the real binary: an 议事会 where 两委 members hold
// most seats is refused at the opening until the chair records why it proceeds (R-SEATS);
// then too few members come and the chair adjourns for lack of quorum (R-QUORUM). The record
// is read back with the `yishi` tool. The meeting is written beforehand with `yishi apply` on
// the data directory the app then opens.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { byTestId, launch, cliBinary } from './harness.mjs';

const MEETING = '55555555-5555-4555-8555-555555555555';
const cli = cliBinary();
let app;
let dataDir;

/** Six members, four of them 两委, and a 列席: others hold 3 of 7 seats (42 %), below R-SEATS' half. */
function seed() {
  dataDir = mkdtempSync(join(tmpdir(), 'yishi-e2e-adjourn-'));
  const member = (id, name, group, twoCommittees) => ({ id, name, group, two_committees: twoCommittees, role: 'member' });
  const create = {
    meeting: MEETING,
    at: '2026-11-01T09:00:00+08:00',
    intent: {
      type: 'create_meeting',
      level: 'community',
      form: 'deliberation_council',
      title: '和平社区议事会（人数不足示例）',
      place: '和平社区党群服务中心',
      scheduled_at: '2026-12-01T19:30:00+08:00',
      chair: 'p1',
      recorder: 'r1',
      observer_seats: 2,
      participants: [
        member('p1', '周建华', 'residents', true),
        member('p2', '吴丽萍', 'residents', true),
        member('p3', '郑国强', 'residents', true),
        member('p4', '孙美玲', 'residents', true),
        member('p5', '钱志远', 'public', false),
        member('p6', '冯晓梅', 'organisations', false),
        { id: 'r1', name: '何静', group: 'supporters', two_committees: false, role: 'attendee' },
      ],
      agenda: [{ id: 'a1', title: '社区广场夜间照明', background: '广场东侧路灯损坏', stakeholders: '周边居民' }],
    },
  };
  const file = join(dataDir, 'seed.jsonl');
  writeFileSync(file, JSON.stringify(create) + '\n');
  execFileSync(cli, ['apply', file], { env: { ...process.env, YISHI_DATA_DIR: dataDir } });
}

before(async () => {
  seed();
  app = await launch({ dataDir });
});
after(async () => {
  await app?.stop();
});

const $ = (id) => byTestId(app.browser, id);
const text = async (id) => (await $(id)).getText();
const roomAttr = async (name) => (await $('room')).getAttribute(`data-${name}`);

async function until(what, check, timeout = 10000) {
  await app.browser.waitUntil(check, { timeout, interval: 100, timeoutMsg: `timed out: ${what}` });
}

async function settled() {
  await until('the room to settle', async () => (await roomAttr('busy')) === 'false');
}

async function click(id) {
  const el = await $(id);
  await el.scrollIntoView({ block: 'nearest' });
  await el.click();
  await settled();
}

test('an 议事会 below half opens only once the chair has recorded why (R-SEATS)', async () => {
  const { browser } = app;
  await (await $('meeting-item')).click();
  await $('room');
  assert.equal(await roomAttr('meeting'), MEETING);
  const warnings = await browser.$$('[data-testid="warning"][data-rule="R-SEATS"]');
  assert.equal(warnings.length, 1);
  assert.match(await warnings[0].getText(), /42%/);

  await click('open-meeting');
  const error = await $('error');
  assert.equal(await error.getAttribute('data-code'), 'seats_below_half');
  assert.match(await error.getText(), /R-SEATS/);
  assert.equal(await roomAttr('where'), 'open', 'the refused opening changed nothing');
  await app.shot('50-seats-refused');

  await (await $('seats-reason')).setValue('居民代表因台风停工未能到场，经街道同意照常召开');
  await click('seats-reason-save');
  await until('the reason recorded', async () => (await browser.$$('[data-testid="seats-reason"]')).length === 0);
  await click('open-meeting');
  await until('roll call', async () => (await roomAttr('viewing')) === 'roll');
});

test('too few members come: the chair adjourns for lack of quorum (R-QUORUM)', async () => {
  const { browser } = app;
  // 6 members: 2 present, 1 on leave, 3 absent — 2 × 3 < 6 × 2.
  for (const k of ['p', 'p', 'l', 'a', 'a', 'a']) await browser.keys(k);
  await settled();
  await until('everyone called', async () => (await text('not-called')) === '未点名 0 人');
  assert.equal(await text('quorum-counts'), '出席 2 人 / 应到 6 人');
  assert.equal(await text('quorum-status'), '未达法定人数');
  await app.shot('51-roll-no-quorum');

  await click('adjourn');
  await until('the meeting is adjourned', async () => (await roomAttr('where')) === 'minutes');
  assert.equal((await browser.$$('[data-testid="adjourn"]')).length, 0);
  assert.equal(await text('meeting-phase'), '已休会（人数不足）');
  // The items were never reached: those steps say so instead of showing a tick.
  for (const s of ['agenda', 'speak', 'vote']) assert.match(await text(`step-${s}`), /休会，未进行/);
  // No item can be opened any more; the minutes are next.
  await until('the minutes step', async () => (await roomAttr('viewing')) === 'minutes');
  await $('minutes-step');
  assert.match(await (await $('minutes-text')).getValue(), /不足法定人数，会议休会/);
  await app.shot('52-adjourned-minutes');
});

test('the yishi tool reads the reason and the adjournment from the record', async () => {
  await app.stop(); // the app holds the store's lock
  const env = { ...process.env, YISHI_DATA_DIR: dataDir };
  const record = JSON.parse(execFileSync(cli, ['show', MEETING, '--json'], { env }).toString());
  assert.equal(record.seats_reason, '居民代表因台风停工未能到场，经街道同意照常召开');
  assert.ok(record.opened_at);
  assert.equal(record.adjourned.present, 2);
  assert.equal(record.adjourned.expected, 6);
  assert.equal(record.quorum.met, false);
  execFileSync(cli, ['verify'], { env });
  app = null;
});
