// 年度统计 through the real binary (R-FREQ, R-OBSERVE). The documented meeting (docs/intents.md),
// a 居民议事会 held on 2026-11-19, is written with the `yishi` tool. In the app's yearly record
// for 2026 the council shows one meeting in the fourth quarter and the first three quarters as
// missed, each named with the rule; the year before shows the form with nothing held.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyWithCli, byTestId, documentedIntents, launch } from './harness.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'yishi-e2e-compliance-'));
let app;

before(async () => {
  applyWithCli(dataDir, documentedIntents());
  app = await launch({ dataDir });
});
after(async () => {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const $ = (id) => byTestId(app.browser, id);

/** An attribute of each element, in order. */
async function each(elements, read) {
  const out = [];
  for (const e of elements) out.push(await read(e));
  return out;
}

/** Shows the yearly record of `year`, stepping back from this year. */
async function showYear(year) {
  const heading = async () => (await (await $('compliance')).$('h2')).getText();
  for (let y = new Date().getFullYear(); y > year; y--) {
    await (await $('compliance-prev')).click();
  }
  await app.browser.waitUntil(async () => (await heading()).startsWith(`${year}年`), { timeout: 10000 });
}

test('the yearly record counts the council by quarter and names each quarter missed', async () => {
  await (await $('tab-compliance')).click();
  // The tab counts this year's warnings, as many as the page lists.
  await app.browser.waitUntil(async () => (await app.browser.$$('[data-testid="compliance-form"]')).length > 0 || (await app.browser.$$('[data-testid="compliance-none"]')).length > 0);
  const listed = (await app.browser.$$('[data-testid="compliance-warning"]')).length;
  const badge = await app.browser.$$('[data-testid="tab-compliance-attention"]');
  assert.equal(badge.length ? Number(await badge[0].getText()) : 0, listed);
  await showYear(2026);
  const row = await app.browser.$('[data-testid="compliance-form"][data-form="deliberation_council"]');
  await row.waitForExist({ timeout: 10000 });
  const periods = await row.$$('[data-testid="compliance-period"]');
  const held = await each(periods, (p) => p.getAttribute('data-held'));
  assert.deepEqual(held, ['0', '0', '0', '1']);
  const missed = await each(periods, (p) => p.getAttribute('data-missed'));
  assert.deepEqual(missed, ['true', 'true', 'true', 'false']);
  const warnings = await app.browser.$$('[data-testid="compliance-warning"]');
  const texts = await each(warnings, (w) => w.getText());
  assert.deepEqual(
    texts.filter((t) => t.includes('R-FREQ')),
    [1, 2, 3].map((q) => `2026年第${q}季度未召开居（村）民议事会（每季度至少1次，R-FREQ）。`),
  );
  // It offered 2 observer seats (R-OBSERVE): one of the 4 a year.
  assert.equal(await (await $('compliance-observe')).getAttribute('data-observed'), '1');
  await app.shot('85-compliance');

  await (await $('compliance-prev')).click();
  await app.browser.waitUntil(async () => (await (await (await $('compliance')).$('h2')).getText()).startsWith('2025年'));
  const before2026 = await app.browser.$('[data-testid="compliance-form"][data-form="deliberation_council"]');
  await app.browser.waitUntil(async () => {
    const p = await before2026.$$('[data-testid="compliance-period"]');
    return (await each(p, (x) => x.getAttribute('data-held'))).join() === '0,0,0,0';
  });
});
