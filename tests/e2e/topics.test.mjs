// The topic pool through the real binary (R-TOPIC, R-ESCALATE, R-30DAYS). On the demo
// community: topics are collected (a blank one refused naming the field and the rule), shown
// urgent first, one decided; the sealed demo meeting's failed parking item is escalated to the
// street; a new meeting's agenda takes a topic from the pool, which then shows it on that
// agenda. The `yishi` tool on the same data reads the pool and the link in the record.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { byTestId, cliBinary, launch } from './harness.mjs';
import { at, setInput } from './page.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'yishi-e2e-topics-'));
let app;
let created;

before(async () => {
  execFileSync(cliBinary(), ['--data-dir', dataDir, 'demo']);
  app = await launch({ dataDir });
});
after(async () => {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const $ = (id) => byTestId(app.browser, id);
const click = async (id) => (await at(app.browser, id)).click();
const type = async (id, value) => (await at(app.browser, id)).setValue(value);
const pad = (n) => String(n).padStart(2, '0');
const local = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

async function until(what, check, timeout = 10000) {
  await app.browser.waitUntil(check, { timeout, interval: 100, timeoutMsg: `timed out: ${what}` });
}

async function titles() {
  const out = [];
  for (const el of await app.browser.$$('[data-testid="topic"] .title')) out.push(await el.getText());
  return out;
}

/** The pool entry with this title. */
async function entry(title) {
  for (const el of await app.browser.$$('[data-testid="topic"]')) {
    if ((await (await el.$('.title')).getText()) === title) return el;
  }
  throw new Error(`no topic "${title}" in the pool`);
}

test('topics are collected urgent first; a blank one is refused; one is decided', async () => {
  await click('tab-topics');
  await $('topics-empty');
  await click('topic-add');
  await click('topic-submit');
  const error = await $('error');
  await until('the refusal', async () => (await error.getAttribute('data-code')) === 'empty');
  assert.match(await error.getText(), /“标题”不能为空（R-TOPIC）/);

  await type('topic-title', '小区绿化补种');
  await click('topic-submit');
  await until('one topic', async () => (await app.browser.$$('[data-testid="topic"]')).length === 1);
  await click('topic-add');
  await type('topic-title', '楼道杂物清理');
  await type('topic-background', '3栋、5栋楼道堆放杂物，存在消防隐患');
  await click('topic-urgent');
  await click('topic-submit');
  await until('two topics', async () => (await app.browser.$$('[data-testid="topic"]')).length === 2);
  assert.deepEqual(await titles(), ['楼道杂物清理', '小区绿化补种'], 'urgent first (先急后缓)');

  await (await (await entry('楼道杂物清理')).$('[data-testid="topic-decide"]')).click();
  await until('decided', async () => (await (await entry('楼道杂物清理')).getAttribute('data-status')) === 'decided');
  assert.match(await (await entry('楼道杂物清理')).getText(), /确定于 \d{4}-\d{2}-\d{2}/);
  await app.shot('90-topic-pool');
});

test('the sealed demo meeting’s failed item is escalated to the street, keeping the link', async () => {
  await click('tab-meetings');
  const sealed = await at(app.browser, '[data-testid="meeting-item"][data-phase="sealed"]');
  const id = await sealed.getAttribute('data-meeting');
  await click(`[data-testid="meeting-details"][data-meeting="${id}"]`);
  const row = await at(app.browser, '[data-testid="escalate-item"][data-item="i2"]');
  await (await row.$('[data-testid="escalate-street"]')).click();
  assert.match(await (await $('escalate-done')).getText(), /已加入议题池：关于调整小区临时停车收费标准的议题/);

  await click('card-back');
  await click('tab-topics');
  await until('three topics', async () => (await app.browser.$$('[data-testid="topic"]')).length === 3);
  const up = await entry('关于调整小区临时停车收费标准的议题');
  const text = await up.getText();
  assert.ok(text.includes('街道协商') && text.includes('社区（村）上报'), text);
  assert.ok((await (await up.$('[data-testid="topic-escalated-from"]')).getText()).includes('幸福社区'), text);
});

test('a new meeting takes a topic from the pool; the pool shows it on that agenda', async () => {
  const { browser } = app;
  await click('new-meeting');
  await $('create-form');
  await (await at(browser, 'create-pick-topic')).selectByAttribute('value', await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="create-pick-topic"] option')].find((o) => o.textContent.includes('楼道杂物清理')).value,
  ));
  const items = await browser.$$('[data-testid="create-item"]');
  assert.equal(items.length, 1);
  assert.equal(await (await items[0].$('[data-testid="create-item-title"]')).getValue(), '楼道杂物清理');
  assert.equal(await (await items[0].$('[data-testid="create-item-from-pool"]')).getText(), '来自议题池');

  await type('create-title', '幸福社区居民代表会议（楼道整治）');
  await setInput(browser, 'create-time', local(new Date(Date.now() + 7 * 86400e3)));
  await type('create-place', '社区党群服务中心');
  for (const [id, role] of Object.entries({ p01: 'member', p02: 'member', p03: 'member', p09: 'attendee' })) {
    const select = await browser.$(`[data-testid="create-person"][data-person="${id}"] [data-testid="create-role"]`);
    await browser.execute((e) => e.scrollIntoView({ block: 'center' }), select);
    await select.selectByAttribute('value', role);
  }
  await (await at(browser, 'create-chair')).selectByAttribute('value', 'p01');
  await (await at(browser, 'create-recorder')).selectByAttribute('value', 'p09');
  await click('create-submit');
  const card = await $('meeting-card');
  created = await card.getAttribute('data-meeting');

  await click('card-back');
  await click('tab-topics');
  // The pool loads when the tab opens.
  await until('the pool', async () => (await app.browser.$$('[data-testid="topic"]')).length === 3);
  const taken = await entry('楼道杂物清理');
  await until('scheduled', async () => (await taken.getAttribute('data-status')) === 'scheduled');
  assert.match(await (await taken.$('[data-testid="topic-meeting"]')).getText(), /幸福社区居民代表会议（楼道整治）/);
  await app.shot('91-topic-on-agenda');
});

test('the yishi tool reads the pool and the link in the record', async () => {
  await app.stop(); // the app holds the store while it runs
  const pool = execFileSync(cliBinary(), ['--data-dir', dataDir, 'topics']).toString();
  const lines = pool.trim().split('\n');
  assert.ok(lines[0].startsWith('【急】楼道杂物清理（社区（村）协商，居民提议）— 已列入会议议程：'), pool);
  assert.ok(pool.includes('关于调整小区临时停车收费标准的议题（街道协商，社区（村）上报）— 待确定'), pool);
  const events = execFileSync(cliBinary(), ['--data-dir', dataDir, 'events', created]).toString();
  const first = JSON.parse(events.split('\n')[0]);
  const item = JSON.stringify(first).match(/"topic":\{"id":"(t-[^"]+)","decided_at":"[^"]+"\}/);
  assert.ok(item, `the agenda item keeps the topic and its decision time: ${events.slice(0, 400)}`);
});
