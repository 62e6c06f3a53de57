// Carrying out the result through the real binary (R-IMPLEMENT, R-EVALUATE). The documented
// meeting (docs/intents.md) is written with the `yishi` tool: its canteen resolution carried
// out, reopened for rectification and passed; and an action on its parking resolution due on
// 2026-11-25 with nothing reported. In the app the home list flags the meeting, the room shows
// each action's state and the overdue warning; the chair's refused blank leader names the field
// and the rule; the overdue action is reported done, evaluated, and a new action assigned. The
// `yishi` tool on the same data reads it all back.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyWithCli, byTestId, cliBinary, documentedIntents, launch } from './harness.mjs';
import { at } from './page.mjs';

const MEETING = '11111111-1111-4111-8111-111111111111';
const dataDir = mkdtempSync(join(tmpdir(), 'yishi-e2e-implement-'));
let app;

const overdueAction = {
  meeting: MEETING,
  at: '2026-11-20T09:30:00+08:00',
  intent: {
    type: 'assign_action',
    item: 'a2',
    leader: '陈志强（物业经理）',
    department: '幸福花园物业服务中心',
    requirements: '按每小时5元调整临时停车收费并在出入口公示',
    due: '2026-11-25T18:00:00+08:00',
    feedback_by: '2026-11-22T18:00:00+08:00',
  },
};

before(async () => {
  applyWithCli(dataDir, [...documentedIntents().filter((l) => l.meeting === MEETING), overdueAction]);
  app = await launch({ dataDir });
});
after(async () => {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const $ = (id) => byTestId(app.browser, id);
const click = async (id) => (await at(app.browser, id)).click();
const type = async (id, value) => (await at(app.browser, id)).setValue(value);
const action = (no) => at(app.browser, `[data-testid="action"][data-no="${no}"]`);

async function until(what, check, timeout = 10000) {
  await app.browser.waitUntil(check, { timeout, interval: 100, timeoutMsg: `timed out: ${what}` });
}

test('the list flags the overdue action, and the room shows every action’s state', async () => {
  const item = await at(app.browser, `[data-testid="meeting-item"][data-meeting="${MEETING}"]`);
  const tag = await item.$('[data-testid="meeting-action-overdue"]');
  assert.equal(await tag.getText(), '落实逾期（R-IMPLEMENT）');
  await item.click();
  await $('room');
  assert.equal(await (await $('seal-action-overdue')).getText(), '落实逾期（R-IMPLEMENT）：见下方“落实与评议”。');

  // Action 1 (the canteen): done, reopened for rectification, done again, passed.
  const first = await action(1);
  assert.equal(await first.getAttribute('data-status'), 'satisfactory');
  const history = await first.getText();
  assert.ok(history.includes('长者饭堂') && history.includes('责任领导：黄志明（社区党委副书记）'), history);
  assert.ok(history.includes('需整改：用餐区通道过窄，轮椅无法通行，两周内整改'), history);
  assert.equal((await first.$$('[data-testid="action-progress"]')).length, 3);
  assert.equal((await first.$$('[data-testid="implement-warning"]')).length, 0);

  // Action 2 (parking): due 2026-11-25, nothing reported.
  const second = await action(2);
  assert.equal(await second.getAttribute('data-status'), 'open');
  const warning = await second.$('[data-testid="implement-warning"]');
  assert.equal(await warning.getAttribute('data-code'), 'action_overdue');
  assert.equal(await warning.getText(), '第 2 项落实事项已过完成时间 2026-11-25，尚未办结（R-IMPLEMENT）。');
  await app.browser.execute((e) => e.scrollIntoView({ block: 'center' }), second);
  await app.shot('80-actions-overdue');
});

test('a blank leader is refused naming the field and the rule; nothing is recorded', async () => {
  await click('assign-start');
  await type('assign-requirements', '每月统计外来车辆占用车位情况并公示');
  await click('assign-submit');
  const error = await $('error');
  await until('the refusal', async () => (await error.getAttribute('data-code')) === 'empty');
  assert.match(await error.getText(), /“责任领导（实施人）”不能为空（R-IMPLEMENT）/);
  assert.equal((await app.browser.$$('[data-testid="action"]')).length, 2);
  // The form keeps what was typed; now with a leader the action is recorded, due in a month.
  assert.equal(await (await $('assign-requirements')).getValue(), '每月统计外来车辆占用车位情况并公示');
  const items = await app.browser.execute(() =>
    [...document.querySelectorAll('[data-testid="assign-item"] option')].map((o) => o.value),
  );
  assert.deepEqual(items, ['a2', 'a3'], 'only the items that reached a resolution');
  await type('assign-leader', '黄志明');
  await click('assign-submit');
  await until('action 3', async () => (await app.browser.$$('[data-testid="action"]')).length === 3);
  assert.equal(await (await action(3)).getAttribute('data-status'), 'open');
});

test('the overdue action is reported done and evaluated: the warnings go', async () => {
  const second = await action(2);
  await (await second.$('[data-testid="report-start"]')).click();
  await type('report-note', '已在出入口公示新收费标准，12月1日起执行');
  await click('report-done');
  await click('report-submit');
  await until('action 2 done', async () => (await (await action(2)).getAttribute('data-status')) === 'done');
  assert.equal((await (await action(2)).$$('[data-testid="implement-warning"]')).length, 0);
  await until('the seal step pointer to go', async () => (await app.browser.$$('[data-testid="seal-action-overdue"]')).length === 0);

  await (await (await action(2)).$('[data-testid="evaluate-start"]')).click();
  await type('evaluate-by', '居务监督委员会');
  await click('evaluate-satisfactory');
  await click('evaluate-submit');
  await until('action 2 evaluated', async () => (await (await action(2)).getAttribute('data-status')) === 'satisfactory');
  await app.browser.execute((e) => e.scrollIntoView({ block: 'center' }), await action(3));
  await app.shot('81-actions-evaluated');

  await click('back');
  const item = await at(app.browser, `[data-testid="meeting-item"][data-meeting="${MEETING}"]`);
  await until('the list to stop flagging', async () => (await item.$$('[data-testid="meeting-action-overdue"]')).length === 0);
});

test('the yishi tool on the same data reads the actions back', async () => {
  await app.stop(); // the app holds the store while it runs
  const shown = execFileSync(cliBinary(), ['--data-dir', dataDir, 'show', MEETING]).toString();
  assert.ok(shown.includes('落实 2 / action 2：停车收费——陈志强（物业经理），幸福花园物业服务中心，完成时间 2026-11-25'), shown);
  assert.ok(shown.includes('已在出入口公示新收费标准，12月1日起执行（办结 / done）'), shown);
  assert.ok(shown.includes('（居务监督委员会）：评议通过'), shown);
  assert.ok(shown.includes('落实 3 / action 3：停车收费——黄志明'), shown);
  assert.ok(!shown.includes('R-IMPLEMENT'), `nothing overdue any more:\n${shown}`);
  const listed = execFileSync(cliBinary(), ['--data-dir', dataDir, 'list']).toString();
  assert.ok(!listed.includes('落实逾期'), listed);
});
