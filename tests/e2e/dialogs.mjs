// The native file dialogs the shell opens (GTK, through the dialog plugin) driven the way a
// person would: find the dialog window on the test's X display, type a path, press Enter.
// And a recording `xdg-open`, so a test sees what the opener plugin asked the desktop to open
// without a PDF viewer starting.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

function xdotool(display, args) {
  return execFileSync('xdotool', args, { env: { ...process.env, DISPLAY: display } }).toString().trim();
}

/** Waits for a visible window whose name matches `name` (a regex) and returns its id. */
export async function waitForDialog(display, name, timeoutMs = 15000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const ids = xdotool(display, ['search', '--onlyvisible', '--name', name]);
      if (ids) {
        const id = ids.split('\n').pop();
        // Let GTK finish laying out and focus its entry.
        await sleep(400);
        return id;
      }
    } catch {
      // xdotool exits 1 while there is no such window
    }
    await sleep(100);
  }
  throw new Error(`no dialog "${name}" on ${display}`);
}

async function typeInto(display, id, keys, text) {
  // No window manager under Xvfb: focus the dialog directly.
  xdotool(display, ['windowfocus', '--sync', id]);
  xdotool(display, ['key', '--clearmodifiers', keys]);
  await sleep(150);
  // ASCII in runs up to each "/" (then a pause: GTK reads the folder to complete from while
  // typing goes on); a character outside ASCII on its own, slowly: xdotool binds it to a spare
  // key first, and a key typed at once after that could be dropped.
  for (const run of text.match(/[\x00-\x7f]*?\/|[\x00-\x7f]+|[^\x00-\x7f]/gu) ?? []) {
    const ascii = /^[\x00-\x7f]+$/.test(run);
    xdotool(display, ['type', '--delay', ascii ? '15' : '120', run]);
    await sleep(ascii && !run.endsWith('/') ? 0 : 120);
  }
  await sleep(250);
}

/** In a save dialog: replace the suggested name with `path` (absolute, ASCII), then save. */
export async function saveAs(display, name, path, beforeEnter) {
  const id = await waitForDialog(display, name);
  await typeInto(display, id, 'ctrl+a', path);
  if (beforeEnter) await beforeEnter();
  xdotool(display, ['key', 'Return']);
}

/** In an open dialog: type `path` into the location entry (Ctrl+L), then open. */
export async function openPath(display, name, path, beforeEnter) {
  const id = await waitForDialog(display, name);
  await typeInto(display, id, 'ctrl+l', path);
  if (beforeEnter) await beforeEnter();
  xdotool(display, ['key', 'Return']);
}

/**
 * Presses a key in the focused window (e.g. Delete to drop the inline completion GTK's
 * location entry selects after a typed folder path, so Enter chooses that folder).
 */
export function pressKey(display, key) {
  xdotool(display, ['key', key]);
}

/** Closes the dialog without choosing anything (Escape). */
export async function dismiss(display, name) {
  const id = await waitForDialog(display, name);
  xdotool(display, ['windowfocus', '--sync', id]);
  xdotool(display, ['key', 'Escape']);
}

/**
 * A directory with an `xdg-open` that appends its argument to a log instead of starting a
 * viewer. Returns { bin, log, opened() }; put `bin` first on the app's PATH.
 */
export function recordingOpener() {
  const bin = mkdtempSync(join(tmpdir(), 'yishi-e2e-bin-'));
  const log = join(bin, 'opened.log');
  writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$1" >> '${log}'\n`);
  chmodSync(join(bin, 'xdg-open'), 0o755);
  return {
    bin,
    log,
    opened: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []),
  };
}
