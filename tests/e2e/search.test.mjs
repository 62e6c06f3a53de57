// 搜索 on the home screen, through the real binary: a word typed in the search box finds the
// demo's sealed meeting with the word marked in its passage; a click opens that meeting's room;
// an amendment appended there is found by its words when the chair searches again (the index
// catches up with what the app wrote); words found nowhere are said so.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, launch } from './harness.mjs';
import { at } from './page.mjs';

let app;
let sealed;

before(async () => {
  app = await launch();
});
after(async () => {
  await app?.stop();
});

const $ = (id) => byTestId(app.browser, id);

async function until(what, check, timeout = 15000) {
  await app.browser.waitUntil(check, { timeout, interval: 100, timeoutMsg: `timed out: ${what}` });
}

/** Types `words` into the home search box and waits for the answer to them. */
async function search(words) {
  const input = await $('search-input');
  await input.setValue(words);
  await (await $('search-submit')).click();
  await until(`the answer to ${words}`, async () => {
    const busy = await app.browser.$$('[data-testid="search-busy"]');
    const done = (await app.browser.$$('[data-testid="search-hit"]')).length + (await app.browser.$$('[data-testid="search-none"]')).length;
    return busy.length === 0 && done > 0;
  });
  return app.browser.$$('[data-testid="search-hit"]');
}

test('a word typed in the home search box finds the meeting, the word marked in its passage', async () => {
  await (await $('demo')).click();
  await $('meeting-list');
  sealed = await (await at(app.browser, '[data-testid="meeting-item"][data-phase="sealed"]')).getAttribute('data-meeting');
  const hits = await search('电梯');
  assert.equal(hits.length, 1);
  assert.equal(await hits[0].getAttribute('data-meeting'), sealed);
  assert.equal(await hits[0].getAttribute('data-field'), 'agenda');
  const passage = await hits[0].$('[data-testid="search-passage"]');
  assert.equal(await passage.getText(), '议题：关于幸福花园3栋、5栋加装电梯的议题');
  const marks = await passage.$$('mark');
  assert.equal(marks.length, 1);
  assert.equal(await marks[0].getText(), '电梯');
  assert.match(await (await $('search-count')).getText(), /找到 1 个会议/);
  await app.shot('90-search-hit');
});

test('clicking the result opens the meeting', async () => {
  const [hit] = await app.browser.$$('[data-testid="search-hit"]');
  await hit.click();
  const room = await $('room');
  assert.equal(await room.getAttribute('data-meeting'), sealed);
  assert.equal(await (await $('meeting-title')).getText(), '幸福社区2026年第四季度居民代表会议');
  await app.shot('91-search-opened');
});

// Markup in a record is text everywhere: in the passage found too.
const PAYLOAD = '<img src=x onerror="window.__xss=1">';

test('an amendment made in the app is found by its words, its markup shown as text', async () => {
  await (await at(app.browser, 'amend-start')).click();
  await (await at(app.browser, 'amend-text')).setValue(`长者饭堂入口增设无障碍坡道${PAYLOAD}。`);
  await (await at(app.browser, 'amend-reason')).setValue('记录遗漏');
  await (await at(app.browser, 'amend-review')).click();
  await (await at(app.browser, 'amend-confirm')).click();
  await until('the amendment to be listed', async () => (await app.browser.$$('[data-testid="amendment"]')).length === 1);
  await (await $('back')).click();
  await $('meeting-list');
  const hits = await search('无障碍坡道');
  assert.equal(hits.length, 1);
  assert.equal(await hits[0].getAttribute('data-meeting'), sealed);
  assert.equal(await hits[0].getAttribute('data-field'), 'amendment');
  assert.equal(await (await hits[0].$('mark')).getText(), '无障碍坡道');
  assert.ok((await hits[0].getText()).includes(PAYLOAD), await hits[0].getText());
  assert.equal((await hits[0].$$('img')).length, 0);
  assert.equal(await app.browser.execute(() => window.__xss), null);
});

test('words found nowhere are said so', async () => {
  const hits = await search('火箭发射');
  assert.equal(hits.length, 0);
  assert.equal(await (await $('search-none')).getText(), '没有找到包含“火箭发射”的会议。');
  await (await $('search-clear')).click();
  assert.equal(await (await $('search-input')).getValue(), '');
});
