// R-PUBLISH through the real binary: a street meeting's result must be published on the notice
// board and online within 3 days. The documented meeting (docs/intents.md), held at street
// level and closed on 2026-11-19 with only a notice-board publication the next day, is written
// with the `yishi` tool; opened in the app more than 3 days later, its room warns that the
// online publication is missing, naming the deadline and the rule. Recorded now, it is late:
// the warning says so instead.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyWithCli, byTestId, cliBinary, documentedIntents, launch } from './harness.mjs';
import { at } from './page.mjs';

const MEETING = '11111111-1111-4111-8111-111111111111';
const dataDir = mkdtempSync(join(tmpdir(), 'yishi-e2e-publish-'));
let app;

/** The documented meeting's intents, its level and form changed to a street 民主协商会. */
function streetMeeting() {
  return documentedIntents()
    .filter((l) => l.meeting === MEETING)
    // R-SEATS belongs to the community 议事会 form only.
    .filter((l) => l.intent.type !== 'record_seats_reason')
    .map((l) =>
      l.intent.type === 'create_meeting'
        ? { ...l, intent: { ...l.intent, level: 'street', form: 'democratic_consultation' } }
        : l,
    );
}

before(async () => {
  applyWithCli(dataDir, streetMeeting());
  app = await launch({ dataDir });
});
after(async () => {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const $ = (id) => byTestId(app.browser, id);

test('a street result not published online within 3 days: the room warns, naming the rule', async () => {
  const { browser } = app;
  // The home list says so before the meeting is opened.
  const item = await at(browser, `[data-testid="meeting-item"][data-meeting="${MEETING}"]`);
  const tag = await item.$('[data-testid="meeting-publish-overdue"]');
  assert.equal(await tag.getText(), '公示逾期（R-PUBLISH）');
  await app.shot('74b-list-publish-overdue');
  await item.click();
  await $('room');
  assert.equal(await (await $('room')).getAttribute('data-viewing'), 'seal');
  const warning = await $('publish-warning');
  assert.equal(await warning.getAttribute('data-rule'), 'R-PUBLISH');
  assert.equal(await warning.getAttribute('data-code'), 'publish_overdue');
  const text = await warning.getText();
  // Closed 2026-11-19 20:15 (+08:00): due 3 days later; the notice board was on time.
  assert.ok(text.includes('2026-11-22 20:15'), text);
  assert.ok(text.includes('尚未登记：线上公开') && !text.includes('线下公示栏'), text);
  assert.ok(text.includes('R-PUBLISH'), text);
  // Beside the seal, above the fold, a pointer to it.
  assert.equal(await (await $('seal-publish-late')).getText(), '公示逾期（R-PUBLISH）：见下方“公示记录”。');
  await app.shot('75-publish-overdue');
});

test('recorded now, the online publication is late, and the warning says so', async () => {
  const { browser } = app;
  await (await at(browser, 'publish-channel-online')).click();
  await (await at(browser, 'publish-place')).setValue('街道公众号');
  await (await at(browser, 'publish-submit')).click();
  await $('publish-done');
  await browser.waitUntil(
    async () => (await (await $('publish-warning')).getAttribute('data-code')) === 'publish_late',
    { timeout: 10000, timeoutMsg: 'the warning did not turn to late' },
  );
  const text = await (await $('publish-warning')).getText();
  assert.ok(text.includes('逾期才公开：线上公开'), text);
  assert.equal((await browser.$$('[data-testid="publication"]')).length, 2);
  await app.shot('76-publish-late');

  // Published, though late: the list no longer flags it.
  await (await $('back')).click();
  const item = await at(browser, `[data-testid="meeting-item"][data-meeting="${MEETING}"]`);
  await browser.waitUntil(async () => (await item.$$('[data-testid="meeting-publish-overdue"]')).length === 0, {
    timeout: 10000,
    timeoutMsg: 'the list still flags the meeting',
  });
});

test('the yishi tool on the same data says the same', async () => {
  // The app holds the store while it runs.
  await app.stop();
  const shown = execFileSync(cliBinary(), ['--data-dir', dataDir, 'show', MEETING]).toString();
  assert.ok(shown.includes('公示 / published: 线上公开，街道公众号'), shown);
  assert.ok(shown.includes('逾期才公开：线上公开（R-PUBLISH）'), shown);
});
