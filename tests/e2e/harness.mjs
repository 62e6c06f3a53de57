// The end-to-end harness: a private X display (Xvfb), tauri-driver on free ports, and a
// WebDriver session that launches the real app binary. Everything started here is stopped by
// `stop()`, tauri-driver with SIGTERM (SIGKILL would orphan WebKitWebDriver).
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { remote } from 'webdriverio';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = process.env.YISHI_E2E_ARTIFACTS ?? join(ROOT, 'artifacts/e2e');

/** The app binary under test: $YISHI_APP_BIN, else the debug build in the cargo target dir. */
/** Windows runs the suite too (the release workflow's CI): no X server there, WebView2's driver. */
const WINDOWS = process.platform === 'win32';

export function appBinary() {
  const bin =
    process.env.YISHI_APP_BIN ??
    join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), WINDOWS ? 'debug/yishi-app.exe' : 'debug/yishi-app');
  if (!existsSync(bin)) throw new Error(`app binary not found: ${bin} (run scripts/e2e.sh)`);
  return resolve(bin);
}

/**
 * The core's `yishi` tool, to check the record the app wrote: $YISHI_CLI_BIN, which
 * scripts/e2e.sh sets. Missing, the check fails rather than being skipped.
 */
export function cliBinary() {
  const bin = process.env.YISHI_CLI_BIN;
  if (!bin || !existsSync(bin)) throw new Error(`the yishi tool is not at YISHI_CLI_BIN (${bin}); run scripts/e2e.sh`);
  return resolve(bin);
}

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

function accepts(port) {
  return new Promise((ok) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      ok(true);
    });
    socket.once('error', () => ok(false));
  });
}

function freeDisplay() {
  for (let n = 90; n < 190; n++) {
    if (!existsSync(`/tmp/.X11-unix/X${n}`) && !existsSync(`/tmp/.X${n}-lock`)) return n;
  }
  throw new Error('no free X display between :90 and :189');
}

async function waitFor(what, check, timeoutMs = 15000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

function exited(child) {
  return child.exitCode !== null || child.signalCode !== null;
}

function stopChild(child, signal = 'SIGTERM', graceMs = 5000) {
  if (!child || exited(child)) return Promise.resolve();
  return new Promise((ok) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      ok();
    }, graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      ok();
    });
    child.kill(signal);
  });
}

/** Pids of the app processes started for this data directory (found by their environment; on
 * Windows, where no process's environment can be read, every yishi-app: the suite runs one at a time). */
function appPids(dataDir) {
  if (WINDOWS) {
    const out = execFileSync('tasklist', ['/FO', 'CSV', '/NH', '/FI', 'IMAGENAME eq yishi-app.exe']).toString();
    return [...out.matchAll(/^"yishi-app\.exe","(\d+)"/gm)].map((m) => Number(m[1]));
  }
  const mark = `YISHI_DATA_DIR=${dataDir}`;
  const pids = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const env = readFileSync(`/proc/${name}/environ`, 'latin1').split('\0');
      const exe = readFileSync(`/proc/${name}/cmdline`, 'latin1').split('\0')[0];
      if (env.includes(mark) && exe.endsWith('yishi-app')) pids.push(Number(name));
    } catch {
      // gone, or not ours to read
    }
  }
  return pids;
}

/** Waits for the app of this data directory to exit (it holds the store's lock until then). */
async function appExit(dataDir, timeoutMs = 10000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (appPids(dataDir).length === 0) return;
    await sleep(100);
  }
  for (const pid of appPids(dataDir)) {
    console.error(`e2e: app ${pid} did not exit; killing it`);
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/**
 * Several monitors side by side, as a laptop with a projector: Xvfb has one RandR output
 * whatever its screens, and GTK reads monitors from RandR only, so this runs Xorg with the
 * dummy driver (one RandR output per monitor, placed left to right) and a window manager,
 * without which nothing is made fullscreen. The processes started are added to `started`.
 */
async function startMonitors(display, displayNo, screens, started) {
  const dir = mkdtempSync(join(tmpdir(), 'yishi-xorg-'));
  const width = screens.reduce((sum, [w]) => sum + w, 0);
  const height = Math.max(...screens.map(([, h]) => h));
  const conf = join(dir, 'xorg.conf');
  writeFileSync(
    conf,
    `Section "Device"\n Identifier "dummy"\n Driver "dummy"\n VideoRam ${Math.ceil((width * height * 4) / 1024) + 4096}\nEndSection
Section "Monitor"\n Identifier "monitor"\n HorizSync 5.0-1000.0\n VertRefresh 5.0-200.0\nEndSection
Section "Screen"\n Identifier "screen"\n Device "dummy"\n Monitor "monitor"\n DefaultDepth 24
 SubSection "Display"\n  Depth 24\n  Virtual ${width} ${height}\n EndSubSection\nEndSection\n`,
  );
  const xorg = spawn(
    process.env.YISHI_XORG ?? '/usr/lib/xorg/Xorg',
    [display, '-config', conf, '-logfile', join(dir, 'xorg.log'), '-noreset', '-nolisten', 'tcp', '-novtswitch', '-sharevts'],
    { stdio: 'ignore' },
  );
  started.push(xorg);
  await waitFor('Xorg', () => existsSync(`/tmp/.X11-unix/X${displayNo}`) || exited(xorg));
  if (exited(xorg)) throw new Error(`Xorg ${display} exited; see ${join(dir, 'xorg.log')}`);
  const xrandr = (...args) => execFileSync('xrandr', ['-display', display, ...args], { stdio: 'pipe' });
  let x = 0;
  screens.forEach(([w, h], i) => {
    // A mode of exactly this size (the dummy output does not care about timings).
    const name = `yishi-${w}x${h}`;
    const [ht, vt] = [w + 160, h + 30];
    try {
      xrandr('--newmode', name, ((ht * vt * 60) / 1e6).toFixed(2), ...[w, w + 48, w + 80, ht, h, h + 3, h + 8, vt].map(String));
    } catch {
      // the same size twice: the mode exists already
    }
    xrandr('--addmode', `DUMMY${i}`, name);
    xrandr('--output', `DUMMY${i}`, '--mode', name, '--pos', `${x}x0`, ...(i === 0 ? ['--primary'] : []));
    x += w;
  });
  // The dummy driver connects an output at its first mode set, and GTK reads the cached
  // status without probing: a query probes, so GTK sees every monitor as connected.
  xrandr('--query');
  const wm = spawn('openbox', ['--sm-disable'], { env: { ...process.env, DISPLAY: display }, stdio: 'ignore' });
  started.push(wm);
  // Openbox owns the screen's WM selection once it manages windows.
  await waitFor('the window manager', () => {
    if (exited(wm)) throw new Error('openbox exited');
    try {
      return /_NET_SUPPORTING_WM_CHECK\(WINDOW\)/.test(
        execFileSync('xprop', ['-display', display, '-root', '_NET_SUPPORTING_WM_CHECK'], { stdio: 'pipe' }).toString(),
      );
    } catch {
      return false;
    }
  });
}

/**
 * Starts Xvfb and tauri-driver and opens a WebDriver session on the app. `env` adds to the
 * app's environment (e.g. a PATH where `xdg-open` is a recorder).
 * Returns { browser, display, dataDir, shotRoot(name), shot(name), stop() }.
 */
export async function launch({ width = 1366, height = 768, screens, dataDir, env = {} } = {}) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const application = appBinary();
  dataDir ??= mkdtempSync(join(tmpdir(), 'yishi-e2e-'));

  const displayNo = WINDOWS ? 0 : freeDisplay();
  const display = `:${displayNo}`;
  const xservers = [];
  let driver;
  let browser;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (browser) await browser.deleteSession().catch(() => {});
    await stopChild(driver, 'SIGTERM');
    await appExit(dataDir);
    for (const x of [...xservers].reverse()) await stopChild(x, 'SIGTERM');
  };
  try {
    if (WINDOWS) {
      // The desktop is the runner's own.
    } else if (screens?.length > 1) {
      await startMonitors(display, displayNo, screens, xservers);
    } else {
      const xvfb = spawn('Xvfb', [display, '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp'], {
        stdio: 'ignore',
      });
      xservers.push(xvfb);
      await waitFor('Xvfb', () => existsSync(`/tmp/.X11-unix/X${displayNo}`) || exited(xvfb));
      if (exited(xvfb)) throw new Error(`Xvfb ${display} exited`);
    }

    const port = await freePort();
    const nativePort = await freePort();
    const driverBin = process.env.TAURI_DRIVER ?? 'tauri-driver';
    // Windows: WebView2's driver (msedgedriver) where $TAURI_NATIVE_DRIVER says.
    const native = process.env.TAURI_NATIVE_DRIVER ? ['--native-driver', process.env.TAURI_NATIVE_DRIVER] : [];
    driver = spawn(driverBin, ['--port', String(port), '--native-port', String(nativePort), ...native], {
      env: {
        ...process.env,
        DISPLAY: display,
        YISHI_DATA_DIR: dataDir,
        PATH: `${join(homedir(), '.cargo', 'bin')}${delimiter}${process.env.PATH}`,
        // No accessibility bus under a bare X server: keep GTK from waiting for one.
        NO_AT_BRIDGE: '1',
        // No session bus either: GTK's file chooser keeps its settings in memory instead of
        // warning on every change that dconf cannot be reached.
        GSETTINGS_BACKEND: 'memory',
        ...env,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    // Wait until it accepts connections (its /status would proxy to a WebKitWebDriver that
    // only starts with the session).
    await waitFor('tauri-driver', async () => {
      if (exited(driver)) throw new Error('tauri-driver exited');
      return accepts(port);
    });
    // tauri-driver starts WebKitWebDriver on the native port; on a loaded machine it can take
    // a while to listen, and a session requested before then is refused.
    await waitFor('WebKitWebDriver', async () => {
      if (exited(driver)) throw new Error('tauri-driver exited');
      return accepts(nativePort);
    });

    // tauri-driver starts WebKitWebDriver for the session and connects to it; on a loaded
    // machine the first connect can come too early ("client error (Connect)"). Try again
    // then, a few times, before giving up.
    for (let attempt = 1; ; attempt++) {
      try {
        browser = await remote({
          hostname: '127.0.0.1',
          port,
          logLevel: 'error',
          connectionRetryCount: 0,
          capabilities: {
            'wdio:enforceWebDriverClassic': true,
            'tauri:options': { application },
          },
        });
        break;
      } catch (e) {
        if (attempt >= 3 || !/UND_ERR_SOCKET|ECONNREFUSED|Connect/.test(String(e))) throw e;
        await appExit(dataDir);
        await sleep(1000 * attempt);
      }
    }
  } catch (e) {
    await stop();
    throw e;
  }

  return {
    browser,
    display,
    dataDir,
    /** A screenshot of the current webview, saved as artifacts/e2e/<name>.png. */
    shot: async (name) => {
      const file = join(ARTIFACTS, `${name}.png`);
      // The app draws without GPU compositing (src-tauri/src/main.rs), and then
      // WebKitWebDriver's screenshot waits for the page's next paint: on a still page it
      // never comes. A 1-px mark that changes colour every frame until the shot is taken
      // gives it one; the mark is removed before the test goes on.
      await browser.execute(() => {
        const mark = document.createElement('div');
        mark.id = 'e2e-paint-mark';
        mark.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;pointer-events:none';
        document.body.appendChild(mark);
        let n = 0;
        const tick = () => {
          if (!mark.isConnected) return;
          mark.style.background = n++ % 2 ? 'rgba(0,0,0,0.01)' : 'rgba(0,0,0,0.02)';
          requestAnimationFrame(tick);
        };
        tick();
      });
      try {
        await browser.saveScreenshot(file);
      } finally {
        await browser.execute(() => document.getElementById('e2e-paint-mark')?.remove());
      }
      return file;
    },
    /** A screenshot of the whole X screen (all windows), as a person in the room would see it. */
    shotRoot: (name) => {
      const file = join(ARTIFACTS, `${name}.png`);
      if (WINDOWS) return browser.saveScreenshot(file).then(() => file);
      execFileSync('import', ['-display', display, '-window', 'root', file]);
      return file;
    },
    stop,
  };
}

/**
 * The accepted examples of docs/intents.md (its plain ```json blocks), in order: a whole
 * documented meeting, with the times of each line. Only the meetings' lines: the roster's and
 * the pool's (no `meeting`) are left out, and with them an agenda item's link to the pool
 * (tests/intents_doc.rs applies them all; topics.test.mjs links an agenda to the pool in the app).
 */
export function documentedIntents() {
  const doc = readFileSync(join(ROOT, 'docs/intents.md'), 'utf8');
  const lines = [];
  let keep = false;
  for (const line of doc.split('\n')) {
    if (line.startsWith('```json')) keep = line.trim() === '```json';
    else if (line.startsWith('```')) keep = false;
    else if (keep && line.trim()) lines.push(JSON.parse(line));
  }
  const unlinked = (item) => {
    const { topic: _pool, ...rest } = item;
    return rest;
  };
  return lines
    .filter((l) => l.meeting)
    .map((l) =>
      l.intent.type === 'add_agenda_item' && l.intent.item.topic
        ? { ...l, intent: { ...l.intent, item: unlinked(l.intent.item) } }
        : l,
    );
}

/**
 * Writes commands (`{meeting, at, intent}` objects) into the store at `dataDir` with the
 * `yishi` tool, as a record made earlier would be; the app must not be running on it.
 */
export function applyWithCli(dataDir, commands) {
  const script = join(dataDir, `seed-${process.pid}.jsonl`);
  writeFileSync(script, commands.map((c) => JSON.stringify(c)).join('\n') + '\n');
  try {
    execFileSync(cliBinary(), ['--data-dir', dataDir, 'apply', script, '--quiet']);
  } finally {
    rmSync(script, { force: true });
  }
}

/** Waits for an element by test id and returns it. */
export async function byTestId(browser, id, timeout = 10000) {
  const el = await browser.$(`[data-testid="${id}"]`);
  await el.waitForExist({ timeout });
  return el;
}
