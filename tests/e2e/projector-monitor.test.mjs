// The projector on a second monitor, as a laptop (1366×768) with a projector (1920×1080) to its
// right: the projector window opens fullscreen on the monitor the chair's window is not on,
// and if the chair has moved onto the big screen, on the laptop's. Run on Xorg with one RandR
// output per monitor and a window manager (harness `screens`), as a real desktop has.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { byTestId, launch } from './harness.mjs';

const LAPTOP = [1366, 768];
const PROJECTOR = [1920, 1080];

let app;
let chair;
before(async () => {
  app = await launch({ screens: [LAPTOP, PROJECTOR] });
  chair = await app.browser.getWindowHandle();
  await byTestId(app.browser, 'home');
});
after(async () => {
  await app?.stop();
});

/** Opens the projector from the chair's window; returns its window handle, switched to. */
async function openProjector() {
  const { browser } = app;
  await browser.switchToWindow(chair);
  await (await byTestId(browser, 'open-projector')).click();
  await browser.waitUntil(async () => (await browser.getWindowHandles()).length === 2, {
    timeout: 10000,
    timeoutMsg: 'projector window did not open',
  });
  const handle = (await browser.getWindowHandles()).find((h) => h !== chair);
  await browser.switchToWindow(handle);
  await byTestId(browser, 'projector');
  return handle;
}

/** The projector's page area and place on the desktop once the window manager has settled. */
async function settledPlace(expected) {
  const { browser } = app;
  let place;
  await browser
    .waitUntil(
      async () => {
        place = await browser.execute(() => ({
          x: window.screenX,
          y: window.screenY,
          width: window.innerWidth,
          height: window.innerHeight,
        }));
        return JSON.stringify(place) === JSON.stringify(expected);
      },
      { timeout: 5000, interval: 100 },
    )
    .catch(() => {});
  return place;
}

/** Closes the projector as the chair would: Alt+F4 on it, handled by the window manager. */
async function closeProjector() {
  const { browser } = app;
  const xdotool = (...args) => execFileSync('xdotool', args, { env: { ...process.env, DISPLAY: app.display } });
  const [projectorX11] = xdotool('search', '--name', '投影$').toString().trim().split('\n');
  xdotool('windowactivate', '--sync', projectorX11, 'key', '--clearmodifiers', 'alt+F4');
  await browser.waitUntil(async () => (await browser.getWindowHandles()).length === 1, {
    timeout: 10000,
    timeoutMsg: 'projector window did not close',
  });
  await browser.switchToWindow(chair);
}

test('the projector fills the second monitor, without a frame, and the chair stays on the laptop', async () => {
  const { browser } = app;
  await openProjector();
  // The whole projector screen is page: fullscreen, no title bar or border.
  const full = { x: LAPTOP[0], y: 0, width: PROJECTOR[0], height: PROJECTOR[1] };
  assert.deepEqual(await settledPlace(full), full);
  app.shotRoot('projector-second-monitor');

  await browser.switchToWindow(chair);
  const chairRect = await browser.getWindowRect();
  assert.ok(chairRect.x + chairRect.width <= LAPTOP[0], `chair window on the laptop: ${JSON.stringify(chairRect)}`);
  await closeProjector();
});

test('with the chair moved onto the big screen, the projector takes the laptop screen', async () => {
  const { browser } = app;
  await browser.setWindowRect(LAPTOP[0] + 100, 50, 1366, 768);
  await browser.waitUntil(async () => (await browser.getWindowRect()).x >= LAPTOP[0], {
    timeout: 5000,
    timeoutMsg: 'the chair window did not move to the projector screen',
  });
  await openProjector();
  const full = { x: 0, y: 0, width: LAPTOP[0], height: LAPTOP[1] };
  assert.deepEqual(await settledPlace(full), full);
  app.shotRoot('projector-laptop-monitor');
  await closeProjector();
});
