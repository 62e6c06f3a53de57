// The roster and a new meeting through the real binary, from an empty record: a CSV with bad
// rows is refused by line through the real open dialog and nothing is imported; the corrected
// file (saved by "Excel" in GB18030) is imported whole; a person is added and edited by hand;
// a 居民议事会 is created from the roster with its agenda and notice times; the core's setup
// warnings (R-NOTICE5, R-SEATS) show on it and the R-SEATS reason is recorded. The record is
// then read back with the `yishi` tool on the same data directory.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { byTestId, launch, cliBinary } from './harness.mjs';
import { openPath } from './dialogs.mjs';
import { at, setInput } from './page.mjs';

const IMPORT_DIALOG = '导入名册';
const files = mkdtempSync(join(tmpdir(), 'yishi-e2e-csv-'));

// A file with three bad rows: no name (line 3), a group that does not exist (line 5), an id
// given twice (line 6). Excel's BOM in front.
const BAD = '\ufeff编号,姓名,类别,两委\np01,李卫东,3,是\np02,,3,是\np03,张敏,3,是\np04,刘德明,9,否\np01,赵桂兰,3,否\n';
const PEOPLE = [
  ['p01', '李卫东', '3', '是'],
  ['p02', '王秀英', '3', '是'],
  ['p03', '张敏', '3', '是'],
  ['p04', '刘德明', '3', '否'],
  ['p05', '赵桂兰', '3', '否'],
  ['p06', '陈建国', '①', '否'],
  ['p07', '黄志强', '2', '否'],
  ['p08', '许哲', '专家', '否'],
  ['p09', '谢雨婷', '4', '否'],
  ['p10', '韦佳怡', '6', '否'],
  ['p11', '李娜', '3', '是'],
  ['p12', '郭淑珍', '3', '是'],
];
const GOOD = '编号,姓名,类别,两委\n' + PEOPLE.map((r) => r.join(',')).join('\n') + '\n';

let app;
let createdId;
before(async () => {
  writeFileSync(join(files, 'bad.csv'), BAD);
  // What Excel on a Chinese Windows writes: GB18030, not UTF-8.
  writeFileSync(join(files, 'good.csv'), execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: GOOD }));
  app = await launch();
});
after(async () => {
  await app?.stop();
  rmSync(files, { recursive: true, force: true });
});

async function texts(browser, id) {
  const out = [];
  for (const el of await browser.$$(`[data-testid="${id}"]`)) out.push(await el.getText());
  return out;
}

const pad = (n) => String(n).padStart(2, '0');
const local = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

test('a CSV with bad rows is refused by line, and nothing is imported', async () => {
  const { browser, display } = app;
  await (await byTestId(browser, 'tab-roster')).click();
  await byTestId(browser, 'roster-empty');
  await (await byTestId(browser, 'roster-import')).click();
  await openPath(display, IMPORT_DIALOG, join(files, 'bad.csv'), () => app.shotRoot('20-import-dialog'));
  const rejected = await byTestId(browser, 'import-rejected');
  assert.match(await rejected.getText(), /bad\.csv 中有 3 行有误，未导入任何人员/);
  const lines = [];
  for (const row of await browser.$$('[data-testid="import-error"]')) lines.push(Number(await row.getAttribute('data-line')));
  assert.deepEqual(lines, [3, 5, 6]);
  const messages = await texts(browser, 'import-error');
  assert.match(messages[0], /第 3 行“姓名”/);
  assert.match(messages[1], /R-PARTIES/);
  assert.match(messages[2], /重复/);
  // All rows or none: the two good rows were not stored either.
  await byTestId(browser, 'roster-empty');
  await app.shot('21-import-rejected');
});

test('the corrected file, saved as GB18030 by Excel, is imported whole', async () => {
  const { browser, display } = app;
  await (await byTestId(browser, 'roster-import')).click();
  await openPath(display, IMPORT_DIALOG, join(files, 'good.csv'));
  const ok = await byTestId(browser, 'import-ok');
  assert.match(await ok.getText(), /已从 good\.csv 导入 12 人/);
  assert.deepEqual(await texts(browser, 'roster-name'), PEOPLE.map((p) => p[1]));
  assert.equal(await (await byTestId(browser, 'roster-count')).getText(), '共 12 人');
  await app.shot('22-roster-imported');
});

test('a person is added with the next number and then edited', async () => {
  const { browser } = app;
  await (await byTestId(browser, 'roster-add')).click();
  await (await byTestId(browser, 'person-name')).setValue('欧阳建国');
  await (await byTestId(browser, 'person-group')).selectByAttribute('value', 'experts');
  await app.shot('23-person-form');
  await (await byTestId(browser, 'person-save')).click();
  await browser.waitUntil(async () => (await texts(browser, 'roster-name')).includes('欧阳建国'));
  const row = await browser.$('[data-testid="roster-row"][data-person="p13"]');
  assert.match(await row.getText(), /欧阳建国.*专家学者、专业技术人员/);

  await (await row.$('[data-testid="roster-edit"]')).click();
  assert.equal(await (await byTestId(browser, 'person-id')).getValue(), 'p13');
  const name = await byTestId(browser, 'person-name');
  await name.clearValue();
  await name.setValue('欧阳建华');
  await (await byTestId(browser, 'person-two-committees')).click();
  await (await byTestId(browser, 'person-save')).click();
  await browser.waitUntil(async () => (await texts(browser, 'roster-name')).includes('欧阳建华'));
  assert.equal((await texts(browser, 'roster-name')).length, 13);
  assert.match(await (await browser.$('[data-testid="roster-row"][data-person="p13"]')).getText(), /欧阳建华.*是/s);
  await app.shot('24-roster-edited');
});

test('a meeting is created from the roster and shows the core’s setup warnings', async () => {
  const { browser } = app;
  await (await byTestId(browser, 'new-meeting')).click();
  await byTestId(browser, 'create-meeting');
  // Community level (the default); the street forms are not offered for it (R-FORMS).
  const forms = await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="create-form"] option')].map((o) => o.value),
  );
  assert.ok(forms.includes('deliberation_council') && !forms.includes('symposium'), forms.join());
  await (await at(browser, 'create-level-street')).click();
  const street = await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="create-form"] option')].map((o) => o.value),
  );
  assert.deepEqual(street, [
    'symposium',
    'democratic_consultation',
    'public_consultation',
    'thematic_deliberation',
    'public_hearing',
    'coordination',
  ]);
  await (await at(browser, 'create-level-community')).click();
  await (await at(browser, 'create-form')).selectByAttribute('value', 'deliberation_council');

  await (await at(browser, 'create-title')).setValue('幸福社区居民议事会（加装电梯）');
  const now = new Date();
  await setInput(browser, 'create-time', local(new Date(now.getTime() + 3 * 86400e3)));
  await (await at(browser, 'create-place')).setValue('幸福社区党群服务中心三楼');

  // Five 两委 members, two other members and one 列席 (who holds a seat; the observer does
  // not): 3 of 8 seats, below half (R-SEATS).
  const roles = { p01: 'member', p02: 'member', p03: 'member', p11: 'member', p12: 'member', p04: 'member', p05: 'member', p09: 'attendee', p10: 'observer' };
  for (const [id, role] of Object.entries(roles)) {
    const select = await browser.$(`[data-testid="create-person"][data-person="${id}"] [data-testid="create-role"]`);
    // Clear of the table's sticky header.
    await browser.execute((e) => e.scrollIntoView({ block: 'center' }), select);
    await select.selectByAttribute('value', role);
  }
  assert.equal(await (await at(browser, 'create-counts')).getText(), '协商成员 7 人 · 列席 1 人 · 旁听 1 人');
  await (await at(browser, 'create-chair')).selectByAttribute('value', 'p01');
  await (await at(browser, 'create-recorder')).selectByAttribute('value', 'p09');
  const seats = await at(browser, 'create-observer-seats');
  await seats.clearValue();
  await seats.setValue('3');
  await (await at(browser, 'create-vote-rule')).selectByAttribute('value', 'more_than_half');
  const turn = await at(browser, 'create-turn-limit');
  await turn.clearValue();
  await turn.setValue('2');

  await (await at(browser, 'create-item-title')).setValue('关于3栋加装电梯的议题');
  await (await at(browser, 'create-item-background')).setValue('3栋为七层住宅，无电梯。');
  await (await at(browser, 'create-item-stakeholders')).setValue('3栋全体业主、物业');
  await (await at(browser, 'create-add-item')).click();
  const titles = await browser.$$('[data-testid="create-item-title"]');
  await browser.execute((e) => e.scrollIntoView({ block: 'center' }), titles[1]);
  await titles[1].setValue('关于停车收费的议题');
  // Notice published today: fewer than 5 days before the meeting (R-NOTICE5).
  await setInput(browser, 'create-published', local(now));
  await browser.execute(() => window.scrollTo(0, 0));
  await app.shot('25-create-form-top');
  const scrollTo = (id, block) =>
    browser.execute((id, block) => document.querySelector(`[data-testid="${id}"]`).scrollIntoView({ block }), id, block);
  await scrollTo('create-counts', 'start');
  await app.shot('26-create-form-people');
  await scrollTo('create-vote-rule', 'start');
  await app.shot('26-create-form-agenda');
  await browser.execute(() => window.scrollTo(0, document.body.scrollHeight));
  await app.shot('26-create-form-bottom');

  await (await at(browser, 'create-submit')).click();
  const card = await byTestId(browser, 'meeting-card');
  createdId = await card.getAttribute('data-meeting');
  assert.equal(await (await byTestId(browser, 'card-title')).getText(), '幸福社区居民议事会（加装电梯）');
  assert.equal(await (await byTestId(browser, 'card-phase')).getAttribute('data-phase'), 'setup');
  assert.equal(await (await byTestId(browser, 'card-chair')).getText(), '李卫东');
  const codes = [];
  for (const w of await browser.$$('[data-testid="setup-warning"]')) codes.push(`${await w.getAttribute('data-rule')} ${await w.getAttribute('data-code')}`);
  assert.deepEqual(codes.sort(), ['R-NOTICE5 notice_short', 'R-SEATS seats_below_half']);
  assert.match(await card.getText(), /37%/);
  await app.shot('27-meeting-card-warnings');
  await browser.execute(() => document.querySelector('[data-testid="notice-form"]').scrollIntoView({ block: 'end' }));
  await app.shot('27-meeting-card-checks');

  // R-SEATS: the reason is recorded; the warning stays, saying a reason is on record.
  await (await at(browser, 'seats-reason')).setValue('本议题涉及两委成员所在楼栋，需两委成员到会说明');
  await (await at(browser, 'seats-reason-save')).click();
  await browser.waitUntil(async () =>
    (await browser.$$('[data-testid="setup-warning"][data-code="seats_below_half_reasoned"]')).length === 1,
  );
  assert.equal((await browser.$$('[data-testid="seats-reason-form"]')).length, 0);
  await app.shot('28-meeting-card-reasoned');

  // R-OBSERVE: residents book the 3 observer seats; a fourth is refused; a cancellation frees one.
  for (const [name, online] of [['赵敏', true], ['孙丽', false], ['钱多多', true]]) {
    await (await at(browser, 'booking-name')).setValue(name);
    if (online) await (await at(browser, 'booking-online')).click();
    await (await at(browser, 'booking-submit')).click();
    await browser.waitUntil(async () => (await browser.$$('[data-testid="booking"]')).length >= 1 && (await (await at(browser, 'booking-name')).getValue()) === '');
  }
  assert.equal(await (await at(browser, 'bookings-seats')).getAttribute('data-left'), '0');
  await (await at(browser, 'booking-name')).setValue('周强');
  await (await at(browser, 'booking-submit')).click();
  const full = await byTestId(browser, 'error');
  await browser.waitUntil(async () => (await full.getAttribute('data-code')) === 'observer_seats_full');
  assert.match(await full.getText(), /本次会议的 3 个旁听席位已约满（R-OBSERVE）/);
  await (await at(browser, '[data-testid="booking"][data-no="2"] [data-testid="booking-cancel"]')).click();
  await (await at(browser, 'booking-cancel-reason')).setValue('临时有事');
  await (await at(browser, 'booking-cancel-confirm')).click();
  await browser.waitUntil(async () => (await (await at(browser, 'bookings-seats')).getAttribute('data-left')) === '1');
  await (await at(browser, 'booking-submit')).click(); // 周强 is still typed in
  await browser.waitUntil(async () => (await browser.$$('[data-testid="booking"]')).length === 4);
  await browser.execute(() => document.querySelector('[data-testid="bookings"]').scrollIntoView({ block: 'center' }));
  await app.shot('28b-meeting-card-bookings');

  // Back on the list, it is among the upcoming meetings.
  await (await at(browser, 'card-back')).click();
  const upcoming = await browser.$('[data-testid="meeting-group"][data-group="upcoming"]');
  assert.match(await upcoming.getText(), /幸福社区居民议事会（加装电梯）/);
  await app.shot('29-home-upcoming');
});

test('the record holds the meeting as created (read with the yishi tool)', async () => {
  const dataDir = app.dataDir;
  await app.stop();
  const cli = cliBinary();
  const snap = JSON.parse(execFileSync(cli, ['--data-dir', dataDir, 'show', createdId, '--json']).toString());
  const m = snap;
  assert.equal(m.title, '幸福社区居民议事会（加装电梯）');
  assert.equal(m.level, 'community');
  assert.equal(m.form, 'deliberation_council');
  assert.equal(m.place, '幸福社区党群服务中心三楼');
  assert.equal(m.chair, 'p01');
  assert.equal(m.recorder, 'p09');
  assert.equal(m.observer_seats, 3);
  assert.equal(m.vote_rule, 'more_than_half');
  assert.equal(m.turn_limit_secs, 120);
  assert.deepEqual(m.agenda.map((i) => [i.id, i.title]), [
    ['i1', '关于3栋加装电梯的议题'],
    ['i2', '关于停车收费的议题'],
  ]);
  assert.equal(m.agenda[0].stakeholders, '3栋全体业主、物业');
  const roles = Object.fromEntries(m.participants.map((p) => [p.id, p.role]));
  assert.deepEqual(roles, { p01: 'member', p02: 'member', p03: 'member', p04: 'member', p05: 'member', p09: 'attendee', p10: 'observer', p11: 'member', p12: 'member' });
  assert.ok(m.notice.published_at, 'notice recorded');
  assert.equal(m.seats_reason, '本议题涉及两委成员所在楼栋，需两委成员到会说明');
  assert.deepEqual(
    m.bookings.map((b) => [b.name, b.online, b.cancelled?.reason ?? null]),
    [['赵敏', true, null], ['孙丽', false, '临时有事'], ['钱多多', true, null], ['周强', false, null]],
  );
  const roster = execFileSync(cli, ['--data-dir', dataDir, 'roster']).toString();
  assert.match(roster, /欧阳建华/);
});
