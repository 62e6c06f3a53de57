// 街道汇总 (issue 13) through the real binary. Made with the `yishi` tool before the app starts:
// a community (the demo of 莲花一村社区) exports its year's sealed meetings into a bundle and its
// certificate, after it escalated a failed item to the street and assigned an action to a
// resolution that is overdue by now; an amendment is appended there and a second bundle exported; another community
// (莲花二村社区) exports a bundle whose issuer the street office never trusts; the street office
// trusts the first community's certificate. In the app at the street office: the bundle is
// imported through the open dialog, the progress ends, the meeting appears in the list marked
// as received and its card offers nothing that would be refused, the overview shows the
// community's year, the matter it escalated and its overdue action, which opens the meeting; the untrusted bundle is refused with the core's words and leads to where
// certificates are trusted; the later bundle extends the meeting, and importing it again
// changes nothing. In the app at the community: nothing sealed since a date is said without a
// dialog; the year's bundle is saved through the save dialog, and another street office's
// `yishi` imports it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyWithCli, byTestId, cliBinary, launch } from './harness.mjs';
import { openPath, saveAs, waitForDialog } from './dialogs.mjs';
import { at, setInput } from './page.mjs';

const YEAR = new Date().getFullYear();
// The certificate names the issuing body; the records are shown under the community's name.
const LIANHUA1 = '莲花一村社区居民委员会';
const COMMUNITY = '莲花一村社区';
const LIANHUA2 = '莲花二村社区居民委员会';
const IMPORT_DIALOG = '选择社区数据包';
const EXPORT_DIALOG = '导出给街道的数据包';

const root = mkdtempSync(join(tmpdir(), 'yishi-e2e-archive-'));
const community = join(root, 'lianhua1');
const office = join(root, 'office');
const other = join(root, 'lianhua2');
const files = join(root, 'files');
const f = (name) => join(files, name);
let app;
/** The demo's sealed meeting at the community. */
let sealed;

const yishi = (dir, ...args) => execFileSync(cliBinary(), ['--data-dir', dir, ...args]).toString();

before(async () => {
  for (const d of [community, office, other, files]) mkdirSync(d, { recursive: true });
  sealed = yishi(community, 'demo').match(/sealed sample meeting: ([0-9a-f-]{36})/)[1];
  yishi(community, 'profile', '--community', '莲花一村社区');
  // The day after the meeting: its failed item escalated to the street (R-ESCALATE), and an
  // action on its first resolution due two days later, overdue by now (R-IMPLEMENT).
  const held = JSON.parse(yishi(community, 'list', '--json')).find((m) => m.id === sealed);
  const day = (n) => new Date(Date.parse(held.scheduled_at) + n * 86_400_000).toISOString();
  applyWithCli(community, [
    { at: day(1), intent: { type: 'escalate_item', meeting: sealed, item: 'i2', to: 'street', id: 't-street-parking' } },
    {
      meeting: sealed,
      at: day(1),
      intent: { type: 'assign_action', item: 'i1', leader: '黄志明', department: '社区工作站', requirements: '组织加装电梯', due: day(3), feedback_by: day(2) },
    },
  ]);
  assert.ok(Date.parse(day(3)) < Date.now(), 'the action is overdue by now');
  yishi(community, 'bundle', 'export', '--since', `${YEAR}-01-01`, '-o', f('lianhua1.yishi'));
  yishi(community, 'key', 'export', '-o', f('lianhua1.pem'));
  // A correction after the first bundle went: the next bundle carries it.
  const amend = { type: 'amend', by: '谢雨婷', reason: '笔误', text: '第二项议题表决时间应为19:55' };
  applyWithCli(community, [{ meeting: sealed, at: new Date().toISOString(), intent: amend }]);
  yishi(community, 'bundle', 'export', '--since', `${YEAR}-01-01`, '-o', f('lianhua1-amended.yishi'));

  yishi(other, 'demo');
  yishi(other, 'profile', '--community', '莲花二村社区');
  yishi(other, 'bundle', 'export', '--since', `${YEAR}-01-01`, '-o', f('lianhua2.yishi'));

  yishi(office, 'profile', '--community', '莲花街道办事处');
  yishi(office, 'key', 'trust', f('lianhua1.pem'));
  app = await launch({ dataDir: office });
});
after(async () => {
  await app?.stop();
  rmSync(root, { recursive: true, force: true });
});

const $ = (id, timeout) => byTestId(app.browser, id, timeout);
const click = async (id) => (await at(app.browser, id)).click();
/** The elements of a test id, as a plain array (webdriverio's own array maps asynchronously). */
const $$ = async (id) => Array.from(await app.browser.$$(`[data-testid="${id}"]`));
async function until(what, check, timeout = 30000) {
  await app.browser.waitUntil(check, { timeout, interval: 100, timeoutMsg: `timed out: ${what}` });
}

/** Imports `name` through the open dialog; resolves to the panel's answer (result or refusal). */
async function importBundle(name) {
  const marker = await app.browser.execute(() => {
    const el = document.querySelector('[data-testid="archive-import-result"], [data-testid="archive-import-refused"]');
    return el ? el.textContent : null;
  });
  await click('archive-import-button');
  await openPath(app.display, IMPORT_DIALOG, f(name));
  let answer;
  await until(`${name} to be imported or refused`, async () => {
    answer = await app.browser.execute(() => {
      const el = document.querySelector('[data-testid="archive-import-result"], [data-testid="archive-import-refused"]');
      const busy = document.querySelector('[data-testid="archive-import-button"]')?.disabled;
      return el && !busy ? { id: el.dataset.testid, text: el.textContent, code: el.dataset.code ?? null } : null;
    });
    return answer !== null && (answer.text !== marker || answer.text.includes(name));
  });
  return answer;
}

const kinds = async () =>
  Promise.all((await $$('archive-import-meeting')).map(async (li) => [await li.getAttribute('data-meeting'), await li.getAttribute('data-kind'), await li.getText()]));

test('the street office imports a community’s bundle: progress to the end, the meeting listed as received, the community in the overview', async () => {
  await click('tab-archive');
  await $('archive-overview');
  await $('archive-none-received');
  await app.shot('a01-archive-office');

  const answer = await importBundle('lianhua1.yishi');
  assert.equal(answer.id, 'archive-import-result', answer.text);
  const result = await $('archive-import-result');
  assert.equal(await result.getAttribute('data-community'), COMMUNITY);
  assert.match(await result.getText(), new RegExp(`已导入“${COMMUNITY}”的数据包 lianhua1.yishi`));
  const arrived = await kinds();
  assert.equal(arrived.length, 1);
  assert.deepEqual(arrived[0].slice(0, 2), [sealed, 'new']);
  assert.match(arrived[0][2], /新收到（\d+ 条记录）/);
  assert.match(await result.getText(), /随附签名文件 2 份/);
  const bar = await (await $('archive-import')).$('[data-testid="archive-progress"]');
  assert.equal(await bar.getAttribute('data-finished'), 'true');
  assert.equal(await bar.getText(), '完成');
  // The overview counts what came in: the office's own record first, then the community.
  await until('the community in the overview', async () => (await $$('archive-community')).length === 2);
  const cards = await $$('archive-community');
  assert.deepEqual(
    await Promise.all(cards.map(async (c) => [await c.getAttribute('data-own'), await c.getAttribute('data-community')])),
    [
      ['true', '莲花街道办事处'],
      ['false', COMMUNITY],
    ],
  );
  assert.match(await cards[1].getText(), /收到的记录/);
  assert.match(await cards[1].getText(), /共 1 次会议/);
  assert.ok((await cards[1].$$('[data-testid="archive-period"][data-held="1"]')).length >= 1, 'the meeting counted in its period');
  await app.shot('a02-imported');
  // The matter escalated, from the community, where it stands; the action overdue.
  const escalated = await $('archive-escalated');
  assert.match(await escalated.getText(), new RegExp(`来自 ${COMMUNITY}`));
  assert.equal(await escalated.getAttribute('data-status'), 'proposed');
  const overdue = await $('archive-overdue');
  assert.equal(await overdue.getAttribute('data-meeting'), sealed);
  assert.match(await overdue.getText(), new RegExp(`第 1 项\\s+${COMMUNITY}，应于 \\d{4}-\\d{2}-\\d{2} 完成`));
  await at(app.browser, 'archive-overview');
  await app.shot('a02-overview');
  assert.match(await result.getText(), /上报街道的事项 1 项已加入本机议题池/);

  // The overdue action opens its meeting.
  await click('archive-overdue-open');
  assert.equal(await (await $('meeting-card')).getAttribute('data-meeting'), sealed);
  await $('card-received');
  await click('card-back');

  const mark = await $('meeting-received');
  assert.equal(await mark.getAttribute('data-community'), COMMUNITY);
  assert.equal(await mark.getText(), `收自 ${COMMUNITY}`);
  await app.shot('a03-list-received');
  await click(`[data-testid="meeting-details"][data-meeting="${sealed}"]`);
  const card = await $('card-received');
  assert.match(await card.getText(), /在本机只读/);
  await $('exports');
  assert.equal(await (await app.browser.$('[data-testid="after-seal"]')).isExisting(), false, 'no form the record would refuse');
  await app.shot('a04-card-received');
  await click('card-back');
});

test('a bundle whose issuer is not trusted is refused with what is wrong, nothing imported, and leads to trusting it', async () => {
  await click('tab-archive');
  const answer = await importBundle('lianhua2.yishi');
  assert.equal(answer.id, 'archive-import-refused', answer.text);
  assert.equal(answer.code, 'bundle_untrusted');
  const refused = await $('archive-import-refused');
  const text = await refused.getText();
  assert.match(text, new RegExp(`签发者“${LIANHUA2}”（密钥 [0-9a-f]{16}）尚未被本机信任`));
  assert.match(text, /设置与核验/);
  assert.match(text, /未导入任何内容。/);
  await until('the overview', async () => (await $$('archive-community')).length === 2);
  await app.shot('a05-untrusted');

  await click('archive-to-trust');
  await $('papers-panel');
  // The community trusted before is listed there; this one is not.
  const keys = await Promise.all((await $$('trusted-issuer')).map((i) => i.getText()));
  assert.deepEqual(keys.map((k) => k.split(' ')[0]), [LIANHUA1]);
  await click('tab-meetings');
  await until('the list', async () => (await $$('meeting-item')).length === 1);
});

test('a later bundle extends the meeting held by its amendment; the same bundle again changes nothing', async () => {
  await click('tab-archive');
  let answer = await importBundle('lianhua1-amended.yishi');
  assert.equal(answer.id, 'archive-import-result', answer.text);
  let arrived = await kinds();
  assert.deepEqual(arrived.map((a) => a.slice(0, 2)), [[sealed, 'extended']]);
  assert.match(arrived[0][2], /追加了 1 条记录/);
  await app.shot('a06-extended');

  answer = await importBundle('lianhua1-amended.yishi');
  assert.equal(answer.id, 'archive-import-result', answer.text);
  arrived = await kinds();
  assert.deepEqual(arrived.map((a) => a.slice(0, 2)), [[sealed, 'unchanged']]);
  assert.match(arrived[0][2], /本机已有，未改变/);
  await at(app.browser, 'archive-overview');
  await app.shot('a06-overview');
  // The same in English: the panel's own words switch, the core's counts stay.
  await click('locale-switch');
  await until('English', async () => /Communities in \d{4}/.test(await (await $('archive-overview')).getText()));
  assert.match(await (await $('archive-import-meeting')).getText(), /held already, unchanged/);
  await app.shot('a06-overview-en');
  await click('locale-switch');
});

test('a community exports its year for the street office through the save dialog; nothing sealed is said without one', async () => {
  await app.stop();
  app = await launch({ dataDir: community });
  await click('tab-archive');
  assert.equal(await (await $('archive-since')).getValue(), `${YEAR}-01-01`);

  await setInput(app.browser, 'archive-since', `${YEAR + 1}-01-01`);
  await click('archive-export-button');
  const nothing = await $('archive-export-nothing');
  assert.match(await nothing.getText(), new RegExp(`${YEAR + 1}-01-01 以来本社区没有已签字封存的会议`));
  await assert.rejects(waitForDialog(app.display, EXPORT_DIALOG, 1500), /no dialog/);

  await setInput(app.browser, 'archive-since', `${YEAR}-01-01`);
  const file = f('from-app.yishi');
  await click('archive-export-button');
  await saveAs(app.display, EXPORT_DIALOG, file);
  const saved = await $('archive-export-saved', 30000);
  assert.equal(await saved.getAttribute('data-count'), '1');
  assert.equal(await (await $('archive-export-path')).getText(), file);
  assert.match(await saved.getText(), new RegExp(`已把 1 次会议导出到 from-app.yishi（\\d+ KB），签发单位：${LIANHUA1}。`));
  assert.equal(await (await $('archive-export-meeting')).getAttribute('data-meeting'), sealed);
  assert.equal(await (await (await $('archive-export')).$('[data-testid="archive-progress"]')).getAttribute('data-finished'), 'true');
  assert.ok(statSync(file).size > 10_000);
  await app.shot('a07-exported');

  // Another street office, with the community's certificate trusted, takes the file in.
  const street = join(root, 'office2');
  mkdirSync(street);
  yishi(street, 'key', 'trust', f('lianhua1.pem'));
  const out = yishi(street, 'bundle', 'import', file);
  assert.match(out, new RegExp(`${sealed}  .*新收到`));
  assert.match(out, new RegExp(`已导入 / imported from ${COMMUNITY}：1 次会议 meetings，2 份文件 documents`));
});
