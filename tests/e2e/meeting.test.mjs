// The first real screen through the real binary: an empty record offers the demo community;
// opening it lists its meetings; a meeting opens with its title and quorum; the projector
// shows the same meeting. Then the record is checked with the `yishi` tool on the same data.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { byTestId, launch, cliBinary } from './harness.mjs';

let app;
before(async () => {
  app = await launch();
});
after(async () => {
  await app?.stop();
});

async function text(browser, id) {
  return (await byTestId(browser, id)).getText();
}

test('an empty record offers the demo community', async () => {
  const { browser } = app;
  const demo = await byTestId(browser, 'demo');
  assert.equal(await demo.getText(), '打开演示社区');
  await app.shot('10-empty-home');
});

test('the demo community lists its meetings', async () => {
  const { browser } = app;
  await (await byTestId(browser, 'demo')).click();
  await byTestId(browser, 'meeting-list');
  const items = await browser.$$('[data-testid="meeting-item"]');
  assert.equal(items.length, 2);
  const phases = [];
  for (const i of items) phases.push(await i.getAttribute('data-phase'));
  assert.deepEqual(phases.sort(), ['sealed', 'setup']);
  const text = await (await byTestId(browser, 'meeting-list')).getText();
  assert.match(text, /已结束并封存/);
  assert.match(text, /筹备中/);
  await app.shot('11-demo-list');
});

test('opening a meeting shows its title and quorum', async () => {
  const { browser } = app;
  const items = await browser.$$('[data-testid="meeting-item"]');
  let upcoming;
  for (const i of items) if ((await i.getAttribute('data-phase')) === 'setup') upcoming = i;
  const listed = await upcoming.$('.title').getText();
  await upcoming.click();
  assert.equal(await text(browser, 'meeting-title'), listed);
  assert.equal(await text(browser, 'meeting-phase'), '筹备中');
  // Nobody has been called yet: 0 present, quorum not met (R-QUORUM).
  // The room's header carries the quorum line (the full bar is on the roll-call step).
  const quorum = await byTestId(browser, 'room-quorum');
  assert.match(await quorum.getText(), /出席 0 人 \/ 应到 \d+ 人/);
  assert.match(await quorum.getText(), /未达法定人数/);
  assert.equal(await quorum.getAttribute('data-met'), 'false');
  await app.shot('12-meeting');

  // The projector opens on the same meeting.
  const chair = await browser.getWindowHandle();
  await (await byTestId(browser, 'open-projector')).click();
  await browser.waitUntil(async () => (await browser.getWindowHandles()).length === 2, {
    timeout: 10000,
    timeoutMsg: 'projector window did not open',
  });
  const projector = (await browser.getWindowHandles()).find((h) => h !== chair);
  await browser.switchToWindow(projector);
  assert.equal(await text(browser, 'projector-title'), listed);
  assert.match(await text(browser, 'quorum-counts'), /^出席 0 人/);
  await app.shot('13-projector-meeting');
  app.shotRoot('14-screen-meeting');
  await browser.switchToWindow(chair);
});

test('the record is readable by the yishi tool on the same data directory', async () => {
  const bin = cliBinary();
  // The app holds the store's lock while it runs: stop it first.
  await app.stop();
  const env = { ...process.env, YISHI_DATA_DIR: app.dataDir };
  const list = JSON.parse(execFileSync(bin, ['list', '--json'], { env }).toString());
  assert.equal(list.length, 2);
  assert.deepEqual(list.map((m) => m.phase).sort(), ['sealed', 'setup']);
  execFileSync(bin, ['verify'], { env }); // exits non-zero if a chain is broken
  app = null;
});
