// Script injection through every free-text field, in the real binary. Payloads that would set
// `window.__xss` or change `document.title` if they ran are typed into every field of the home
// screens (roster names by hand and by CSV, the meeting's title and place, agenda titles,
// backgrounds and stakeholders, the R-SEATS reason, the search boxes), and sent through
// `apply_intent` for every other free-text field of the record (notes, summaries, motions,
// resolutions, reasons, minutes text, witness, amendment, publication place: the documented
// meeting of docs/intents.md with its texts replaced). Each screen that shows them — home,
// meeting card, meeting room, projector — must show them as text, run none of them, and hold no
// element made from them; the exported minutes carry them as text.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { byTestId, documentedIntents, launch } from './harness.mjs';
import { openPath, recordingOpener, saveAs } from './dialogs.mjs';
import { at as visible, setInput as setValue } from './page.mjs';

// Short enough for a name (50 characters at most).
const NAMES = [
  '<img src=x onerror="__xss=1">',
  '"><svg onload=__xss=2>',
  '<script>__xss=3</script>',
  '{{7*7}}${__xss=4}{@html x}',
  'javascript:__xss=5',
];
const CSV_NAMES = ['<b onmouseover="__xss=6">粗</b>', "'><details open ontoggle=__xss=7>"];
const LONG = [
  '<img src=x onerror="window.__xss=11;document.title=\'XSS\'">幸福社区议事会',
  '<script>window.__xss=12;document.title="XSS"</script>',
  '"><svg/onload="window.__xss=13;document.title=\'XSS\'">',
  'javascript:window.__xss=14//',
  '<a href="javascript:window.__xss=15">点此</a>',
  '<iframe srcdoc="<script>parent.__xss=16</script>"></iframe>',
  '{{constructor.constructor(\'window.__xss=17\')()}} ${window.__xss=18} {@html \'<img src=x onerror=window.__xss=19>\'}',
  '<style>body{display:none}</style><details open ontoggle="window.__xss=20">',
];
const TITLE = LONG[0];
const PLACE = LONG[2];

const files = mkdtempSync(join(tmpdir(), 'yishi-e2e-xss-'));
const opener = recordingOpener();
let app;
let created;

before(async () => {
  const csv = '编号,姓名,类别,两委\n' + CSV_NAMES.map((n, i) => `c${i + 1},"${n.replace(/"/g, '""')}",6,否`).join('\n') + '\n';
  writeFileSync(join(files, 'payloads.csv'), csv);
  app = await launch({ env: { PATH: `${opener.bin}:${process.env.HOME}/.cargo/bin:${process.env.PATH}` } });
});
after(async () => {
  await app?.stop();
  rmSync(files, { recursive: true, force: true });
  rmSync(opener.bin, { recursive: true, force: true });
});

/** Nothing ran and nothing was made from a payload, in the current window. */
async function assertClean(where) {
  const { browser } = app;
  const state = await browser.execute(() => ({
    flag: window.__xss ?? null,
    title: document.title,
    injected: [
      ...document.querySelectorAll(
        '[onerror],[onload],[onmouseover],[ontoggle],iframe,details,style:not([data-vite-dev-id]),script:not([src]),a[href^="javascript:"],img[src="x"]',
      ),
    ].map((e) => e.outerHTML.slice(0, 80)),
  }));
  assert.deepEqual(state, { flag: null, title: '议事 Yishi', injected: [] }, where);
}

const at = (id) => visible(app.browser, id);
const setInput = (id, value) => setValue(app.browser, id, value);

test('names with payloads, typed and imported, are shown as text on the roster', async () => {
  const { browser, display } = app;
  await (await byTestId(browser, 'tab-roster')).click();
  for (const [i, name] of NAMES.entries()) {
    await (await at('roster-add')).click();
    // Typed character by character as a person would (WebDriver sends keys).
    await (await at('person-name')).setValue(name);
    if (i < 4) await (await at('person-two-committees')).click();
    await (await at('person-save')).click();
    await browser.waitUntil(async () => (await browser.$$('[data-testid="roster-row"]')).length === i + 1);
  }
  await (await at('roster-import')).click();
  await openPath(display, '导入名册', join(files, 'payloads.csv'));
  await byTestId(browser, 'import-ok');
  const names = [];
  for (const el of await browser.$$('[data-testid="roster-name"]')) names.push(await el.getText());
  assert.deepEqual(names.sort(), [...NAMES, ...CSV_NAMES].map((n) => n.trim()).sort());
  await (await at('roster-filter')).setValue('<img src=x onerror="__xss=9">');
  await assertClean('roster');
  await app.shot('40-xss-roster');
  await (await at('roster-filter')).clearValue();
});

test('a meeting created with payloads in every field shows them as text', async () => {
  const { browser } = app;
  await (await at('new-meeting')).click();
  await byTestId(browser, 'create-meeting');
  await (await at('create-form')).selectByAttribute('value', 'deliberation_council');
  await setInput('create-title', TITLE);
  await setInput('create-place', PLACE);
  const soon = new Date(Date.now() + 10 * 86400e3);
  const pad = (n) => String(n).padStart(2, '0');
  await setInput('create-time', `${soon.getFullYear()}-${pad(soon.getMonth() + 1)}-${pad(soon.getDate())}T19:30`);
  await (await at('create-all-members')).click();
  await (await at('create-chair')).selectByAttribute('value', 'p01');
  await (await at('create-recorder')).selectByAttribute('value', 'p02');
  await (await at('create-add-item')).click();
  const fields = ['create-item-title', 'create-item-background', 'create-item-stakeholders'];
  const items = await browser.$$('[data-testid="create-item"]');
  let k = 3;
  for (const item of items) {
    for (const f of fields) {
      const el = await item.$(`[data-testid="${f}"]`);
      await browser.execute((e) => e.scrollIntoView({ block: 'center' }), el);
      await el.setValue(LONG[k++ % LONG.length]);
    }
  }
  await assertClean('create form');
  await (await at('create-submit')).click();
  const card = await byTestId(browser, 'meeting-card');
  created = await card.getAttribute('data-meeting');
  assert.equal(await (await byTestId(browser, 'card-title')).getText(), TITLE);
  assert.equal(await (await byTestId(browser, 'card-place')).getText(), PLACE);
  assert.equal(await (await byTestId(browser, 'card-chair')).getText(), NAMES[0]);
  const agenda = await (await byTestId(browser, 'card-agenda')).getText();
  assert.ok(agenda.includes(LONG[3]) && agenda.includes(LONG[6].slice(0, 30)), agenda);
  await assertClean('meeting card');

  // R-SEATS: four of the seven seats are 两委; the reason is a payload too.
  await (await at('seats-reason')).setValue(LONG[4]);
  await (await at('seats-reason-save')).click();
  await browser.waitUntil(async () => (await browser.$$('[data-testid="seats-reason-form"]')).length === 0);
  await assertClean('meeting card after the reason');
  await app.shot('41-xss-card');

  await (await at('card-back')).click();
  const list = await byTestId(browser, 'meeting-list');
  assert.ok((await list.getText()).includes(TITLE.slice(0, 40)));
  await assertClean('meeting list');
});

/**
 * The documented meeting (docs/intents.md), every free text replaced by a payload. The app
 * records each intent now, so an action's deadlines move to a future that stays ahead of it.
 */
function documentedWithPayloads() {
  const lines = documentedIntents();
  const TEXT = new Set([
    'title', 'place', 'background', 'stakeholders', 'reason', 'note', 'summary', 'motion', 'resolution', 'text',
    'statement', 'department', 'requirements', 'rectification',
  ]);
  // Names (at most 50 characters), and `by` where it is a name rather than a person id.
  const NAME = new Set(['name', 'leader']);
  const namedBy = new Set(['amend', 'evaluate_action']);
  let n = 0;
  const swap = (v, key, type) => {
    if (Array.isArray(v)) return v.map((x) => swap(x, undefined, type));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swap(x, k, type)]));
    if (typeof v === 'string' && TEXT.has(key)) return LONG[n++ % LONG.length];
    if (typeof v === 'string' && (NAME.has(key) || (key === 'by' && namedBy.has(type)))) return NAMES[n++ % NAMES.length];
    if (typeof v === 'string' && (key === 'due' || key === 'feedback_by')) return '2099-12-31T18:00:00+08:00';
    return v;
  };
  return lines.map((l) => ({ meeting: l.meeting, intent: swap(l.intent, undefined, l.intent.type) }));
}

test('every other free-text field, through apply_intent, is shown as text in the room and on the projector', async () => {
  const { browser } = app;
  const commands = documentedWithPayloads();
  assert.ok(commands.length > 30);
  for (const c of commands) {
    const r = await browser.executeAsync((c, done) => {
      window.__TAURI_INTERNALS__
        .invoke('apply_intent', { meeting: c.meeting, intent: c.intent })
        .then(() => done('ok'), (e) => done(`refused ${JSON.stringify(e)}`));
    }, c);
    assert.equal(r, 'ok', `${c.intent.type}: ${r}`);
  }
  await assertClean('after the documented meeting');

  // Its room, the card of the payload meeting, and the projector showing each.
  const docMeeting = commands[0].meeting;
  for (const id of [docMeeting, created]) {
    const back = await browser.$('[data-testid="back"]');
    if (await back.isExisting()) await back.click();
    await (await byTestId(browser, 'tab-meetings')).click();
    await (await at(`[data-testid="meeting-item"][data-meeting="${id}"]`)).click();
    const title = await byTestId(browser, 'meeting-title');
    assert.ok(LONG.includes(await title.getText()), await title.getText());
    if (id === docMeeting) {
      // Its last step lists the action (R-IMPLEMENT) with the payloads as text.
      const action = commands.find((c) => c.intent.type === 'assign_action').intent;
      const shown = await (await byTestId(browser, 'actions')).getText();
      for (const p of [action.leader, action.requirements]) assert.ok(shown.includes(p), `actions show ${p}`);
    }
    await assertClean(`meeting room ${id}`);
  }
  await app.shot('42-xss-room');

  const chair = await browser.getWindowHandle();
  await (await byTestId(browser, 'open-projector')).click();
  await browser.waitUntil(async () => (await browser.getWindowHandles()).length === 2);
  await browser.switchToWindow((await browser.getWindowHandles()).find((h) => h !== chair));
  const projected = await byTestId(browser, 'projector-title');
  assert.equal(await projected.getText(), TITLE);
  await assertClean('projector');
  await app.shot('43-xss-projector');
  await browser.switchToWindow(chair);
});

test('the sealed payload meeting exports minutes that carry the payloads as text', async () => {
  const { browser, display } = app;
  const docMeeting = documentedWithPayloads()[0].meeting;
  await (await byTestId(browser, 'back')).click();
  await (await at(`[data-testid="meeting-details"][data-meeting="${docMeeting}"]`)).click();
  await (await at('export-minutes')).click();
  const file = join(files, 'minutes.pdf');
  await saveAs(display, '保存文件', file);
  await browser.waitUntil(async () => {
    const s = await browser.$('[data-testid="export-status"]');
    return (await s.isExisting()) && (await s.getAttribute('data-outcome')) === 'saved';
  });
  const text = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, '');
  for (const p of ['<script>window.__xss=12', 'javascript:window.__xss=14', '<imgsrc=xonerror=']) {
    assert.ok(text.includes(p), `minutes carry ${p}`);
  }
  await assertClean('after export');
  await app.shot('44-xss-exported');
});
