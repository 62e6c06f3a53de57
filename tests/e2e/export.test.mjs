// Exports through the real binary: the chair presses a button, the shell renders the document
// with the core, shows the save dialog (driven here like a person would: type a path, Enter),
// writes the file atomically and asks the desktop to open a PDF (a recording `xdg-open` stands
// in for the viewer). The files are checked with poppler's tools and, after the app has
// stopped, with `yishi verify` against the same record.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { byTestId, launch, cliBinary } from './harness.mjs';
import { dismiss, recordingOpener, saveAs } from './dialogs.mjs';
import { at } from './page.mjs';

const SAVE_DIALOG = '保存文件';
const out = mkdtempSync(join(tmpdir(), 'yishi-e2e-out-'));
const opener = recordingOpener();

let app;
const meetings = {};
before(async () => {
  app = await launch({
    env: { PATH: `${opener.bin}:${process.env.HOME}/.cargo/bin:${process.env.PATH}` },
  });
});
after(async () => {
  await app?.stop();
  rmSync(out, { recursive: true, force: true });
  rmSync(opener.bin, { recursive: true, force: true });
});

const pdftotext = (file) => execFileSync('pdftotext', ['-layout', file, '-']).toString();
const pdfinfo = (file) => execFileSync('pdfinfo', [file]).toString();


/** Presses an export button, saves to `file` through the dialog, waits for the outcome. */
async function exportTo(id, file, shot) {
  const { browser, display } = app;
  const before = (await browser.$$('[data-testid="export-status"]')).length ? await (await byTestId(browser, 'export-status')).getText() : '';
  await (await at(browser, `[data-testid="export-${id}"]`)).click();
  await saveAs(display, SAVE_DIALOG, file, shot ? () => app.shotRoot(shot) : undefined);
  await browser.waitUntil(
    async () => {
      const s = await browser.$('[data-testid="export-status"]');
      return (await s.isExisting()) && (await s.getAttribute('data-outcome')) === 'saved' && (await s.getText()) !== before;
    },
    { timeout: 20000, timeoutMsg: `export ${id} did not finish` },
  );
  return byTestId(browser, 'export-status');
}

async function openCard(phase) {
  const { browser } = app;
  const back = await browser.$('[data-testid="card-back"]');
  if (await back.isExisting()) await back.click();
  const item = await at(browser, `[data-testid="meeting-item"][data-phase="${phase}"]`);
  const id = await item.getAttribute('data-meeting');
  const title = await (await item.$('.title')).getText();
  await (await at(browser, `[data-testid="meeting-details"][data-meeting="${id}"]`)).click();
  await byTestId(browser, 'exports');
  meetings[phase] = { id, title };
  return meetings[phase];
}

test('the sealed demo meeting: minutes PDF saved, opened for printing, with its title', async () => {
  const { browser } = app;
  await (await byTestId(browser, 'demo')).click();
  await byTestId(browser, 'meeting-list');
  const { title } = await openCard('sealed');
  assert.equal((await browser.$$('[data-testid="export-draft-note"]')).length, 0);
  await app.shot('30-export-panel-sealed');

  const file = join(out, 'minutes.pdf');
  const status = await exportTo('minutes', file, '31-save-dialog');
  assert.equal(await status.getAttribute('data-draft'), 'false');
  assert.match(await status.getText(), /已保存 minutes\.pdf/);
  assert.match(await status.getText(), /已在系统的 PDF 查看器中打开/);
  assert.equal(await (await byTestId(browser, 'export-path')).getText(), file);
  assert.ok(existsSync(file));
  const text = pdftotext(file);
  assert.ok(text.includes(title), 'the minutes carry the meeting title');
  assert.ok(!text.includes('草稿'), 'a sealed record is not a draft');
  assert.deepEqual(opener.opened(), [file]);
  // Only the file: no temporary file left beside it.
  assert.deepEqual(readdirSync(out), ['minutes.pdf']);
  await app.shot('32-export-saved');
});

test('poster on A3, notice and online text of the sealed meeting', async () => {
  const { title } = meetings.sealed;
  const a3 = join(out, 'poster-a3.pdf');
  await exportTo('poster-a3', a3);
  assert.match(pdfinfo(a3), /Page size:\s+841\.89 x 1190\.55 pts \(A3\)/);
  assert.ok(pdftotext(a3).replace(/\s+/g, '').includes(title.replace(/\s+/g, '')));

  // The issuing body, typed once, signs the A4 poster (the A3 one above has a line to stamp).
  await (await at(app.browser, '[data-testid="export-issuer"]')).setValue('幸福社区居民委员会');
  const a4 = join(out, 'poster-a4.pdf');
  await exportTo('poster-a4', a4);
  assert.match(pdfinfo(a4), /\(A4\)/);
  assert.ok(pdftotext(a4).replace(/\s+/g, '').includes('幸福社区居民委员会'), 'the issuer is printed');
  assert.ok(!pdftotext(a3).includes('居民委员会'));

  const notice = join(out, 'notice.pdf');
  await exportTo('notice', notice);
  assert.ok(pdftotext(notice).includes('会议通知'));

  const md = join(out, 'results.md');
  const status = await exportTo('text', md);
  assert.match(await status.getText(), /复制全文/);
  assert.ok(readFileSync(md, 'utf8').includes(title));
  // The text file is not sent to a viewer; the three PDFs were.
  assert.deepEqual(opener.opened(), [join(out, 'minutes.pdf'), a3, a4, notice]);
});

test('closing the save dialog saves nothing', async () => {
  const { browser, display } = app;
  const files = readdirSync(out).sort();
  await (await at(browser, '[data-testid="export-notice"]')).click();
  await dismiss(display, SAVE_DIALOG);
  await browser.waitUntil(async () => (await (await byTestId(browser, 'export-status')).getAttribute('data-outcome')) === 'cancelled');
  assert.equal(await (await byTestId(browser, 'export-status')).getText(), '已取消，未保存文件。');
  assert.deepEqual(readdirSync(out).sort(), files);
});

test('an unsealed meeting exports its minutes as a watermarked draft', async () => {
  const { browser } = app;
  const { title } = await openCard('setup');
  assert.match(await (await byTestId(browser, 'export-draft-note')).getText(), /草稿/);
  const file = join(out, 'draft.pdf');
  const status = await exportTo('minutes', file);
  assert.equal(await status.getAttribute('data-draft'), 'true');
  assert.match(await status.getText(), /（草稿）/);
  const text = pdftotext(file);
  assert.ok(text.includes(title));
  assert.ok(text.includes('草稿'), 'the draft watermark is in the text');
  await app.shot('33-export-draft');
});

test('the exported files verify against the record (yishi verify)', async () => {
  const dataDir = app.dataDir;
  await app.stop();
  const cli = cliBinary();
  for (const f of ['minutes.pdf', 'poster-a3.pdf', 'poster-a4.pdf', 'notice.pdf', 'draft.pdf']) {
    const r = execFileSync(cli, ['--data-dir', dataDir, 'verify', join(out, f)]).toString();
    assert.ok(r.length > 0, `${f}: ${r}`);
  }
});
