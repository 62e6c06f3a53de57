// The home screen through the real binary: it starts, shows real text in Simplified Chinese,
// switches to English, and opens the projector window, which cannot call any command.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, launch } from './harness.mjs';

let app;
before(async () => {
  app = await launch();
});
after(async () => {
  await app?.stop();
});

test('the home screen shows the app in Simplified Chinese', async () => {
  const { browser } = app;
  await byTestId(browser, 'home');
  assert.equal(await (await byTestId(browser, 'app-name')).getText(), '议事');
  assert.equal(await (await byTestId(browser, 'open-projector')).getText(), '打开投影');
  const dataDir = await (await byTestId(browser, 'data-dir')).getText();
  assert.ok(dataDir.includes(app.dataDir), `data dir shown: ${dataDir}`);
  await app.shot('01-home-zh');
});

test('the chair can switch to English', async () => {
  const { browser } = app;
  await (await byTestId(browser, 'locale-switch')).click();
  await browser.waitUntil(async () => (await (await byTestId(browser, 'app-name')).getText()) === 'Yishi');
  assert.equal(await (await byTestId(browser, 'open-projector')).getText(), 'Open projector');
  await app.shot('02-home-en');
  await (await byTestId(browser, 'locale-switch')).click();
  await browser.waitUntil(async () => (await (await byTestId(browser, 'app-name')).getText()) === '议事');
});

test('the projector opens and can only listen', async () => {
  const { browser } = app;
  const chair = await browser.getWindowHandle();
  await (await byTestId(browser, 'open-projector')).click();
  await browser.waitUntil(async () => (await browser.getWindowHandles()).length === 2, {
    timeout: 10000,
    timeoutMsg: 'projector window did not open',
  });
  const projector = (await browser.getWindowHandles()).find((h) => h !== chair);
  await browser.switchToWindow(projector);
  await byTestId(browser, 'projector');
  assert.match(await (await byTestId(browser, 'projector')).getText(), /议事/);

  // The projector's capability grants no command: an app command is refused by the shell.
  const outcome = await browser.executeAsync((done) => {
    window.__TAURI_INTERNALS__
      .invoke('app_info')
      .then(() => done('allowed'), (e) => done(`refused: ${e}`));
  });
  assert.match(outcome, /^refused/, outcome);
  await app.shot('03-projector');
  app.shotRoot('04-screen');

  // Opening it again focuses the same window instead of making another.
  await browser.switchToWindow(chair);
  await (await byTestId(browser, 'open-projector')).click();
  await new Promise((r) => setTimeout(r, 500));
  assert.equal((await browser.getWindowHandles()).length, 2);
});
