// A whole meeting through the real binary, driven as a chair would drive it: the demo's
// upcoming meeting is opened, the roll called by keyboard, an item read and opened, two
// speakers heard with summaries (the chair refused under R-NEUTRAL), a named vote that passes,
// a show-of-hands vote on the next item that fails, the minutes finalized, every signer's
// signature drawn on the pad with pointer actions (one declines), and the record sealed.
// The record is then read back with the `yishi` tool, and the projector's text checked along
// the way. Every step is photographed into artifacts/e2e/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { byTestId, launch, cliBinary } from './harness.mjs';

let app;
let meetingId;
let chairWindow;
let projectorWindow;

before(async () => {
  app = await launch();
});
after(async () => {
  await app?.stop();
});

const $ = (id) => byTestId(app.browser, id);
const text = async (id) => (await $(id)).getText();

async function until(what, check, timeout = 10000) {
  await app.browser.waitUntil(check, { timeout, interval: 100, timeoutMsg: `timed out: ${what}` });
}

async function roomAttr(name) {
  return (await $('room')).getAttribute(`data-${name}`);
}

/** Waits until the room has no intent in flight. */
async function settled() {
  await until('the room to settle', async () => (await roomAttr('busy')) === 'false');
}

/** Brings an element into view inside the room's scrolling step, as the chair would scroll. */
async function inView(el) {
  await el.scrollIntoView({ block: 'nearest' });
  return el;
}

async function click(id) {
  await (await inView(await $(id))).click();
  await settled();
}

async function type(id, value) {
  await (await inView(await $(id))).setValue(value);
}

async function keys(...k) {
  for (const key of k) {
    await app.browser.keys(key);
  }
  await settled();
}

/** What the projector shows now (then back to the chair's window). */
async function projectorText(shotName) {
  const { browser } = app;
  await browser.switchToWindow(projectorWindow);
  const el = await byTestId(browser, 'projector');
  const t = await el.getText();
  if (shotName) await app.shot(shotName);
  await browser.switchToWindow(chairWindow);
  return t;
}

/** Draws a signature on the pad: strokes of pointer moves relative to the pad's centre. */
async function drawSignature(pad, seed) {
  const { width, height } = await pad.getSize();
  const strokes = [
    [[-0.38, 0.05], [-0.3, -0.25], [-0.24, 0.2], [-0.16, -0.18], [-0.08, 0.22], [0.0, -0.1]],
    [[0.06, -0.2], [0.14, 0.25], [0.22, -0.22], [0.3, 0.18], [0.38, -0.05]],
  ];
  for (const stroke of strokes) {
    const at = ([x, y], i) => ({
      origin: pad,
      x: Math.round(x * width + ((seed * 7 + i * 3) % 9) - 4),
      y: Math.round(y * height + ((seed * 5 + i) % 7) - 3),
    });
    let action = app.browser.action('pointer', { parameters: { pointerType: 'mouse' } }).move({ ...at(stroke[0], 0), duration: 0 }).down({ button: 0 });
    stroke.slice(1).forEach((p, i) => {
      action = action.move({ ...at(p, i + 1), duration: 40 });
    });
    await action.up({ button: 0 }).perform();
  }
}

test('the demo meeting opens in the room at its first step', async () => {
  const { browser } = app;
  await (await $('demo')).click();
  await $('meeting-list');
  const items = await browser.$$('[data-testid="meeting-item"]');
  let upcoming;
  for (const i of items) if ((await i.getAttribute('data-phase')) === 'setup') upcoming = i;
  await upcoming.click();
  await $('room');
  meetingId = await roomAttr('meeting');
  assert.equal(await roomAttr('where'), 'open');
  assert.equal(await roomAttr('viewing'), 'open');
  assert.match(await text('room-quorum'), /出席 0 人 \/ 应到 22 人/);
  await app.shot('20-room-open');

  // The projector, opened now, follows the meeting from here on.
  chairWindow = await browser.getWindowHandle();
  await (await $('open-projector')).click();
  await until('the projector window', async () => (await browser.getWindowHandles()).length === 2);
  projectorWindow = (await browser.getWindowHandles()).find((h) => h !== chairWindow);
  assert.match(await projectorText('21-projector-before'), /幸福社区2027年第一季度居民代表会议/);
});

test('the chair opens the meeting and the room moves to the roll call', async () => {
  await click('open-meeting');
  await until('roll call', async () => (await roomAttr('viewing')) === 'roll');
  assert.equal(await text('meeting-phase'), '会议进行中');
  await $('roll-call');
  assert.equal(await text('not-called'), '未点名 22 人');
  assert.equal(await (await $('quorum')).getAttribute('data-met'), 'false');
  await app.shot('22-roll-empty');
});

test('roll call by keyboard: one key per member, a late arrival by click; quorum shown', async () => {
  const { browser } = app;
  // 22 members: 17 present (P), 2 on leave (L), 3 absent (A).
  await keys(...Array(17).fill('p'), 'l', 'l', 'a', 'a', 'a');
  await until('everyone called', async () => (await text('not-called')) === '未点名 0 人');
  assert.match(await text('quorum-counts'), /^出席 17 人 \/ 应到 22 人$/);
  // A late arrival: one of the absent members comes in.
  const absent = await browser.$$('[data-testid="roll-person"][data-status="absent_without_leave"]');
  await (await absent[0].$('[data-testid="mark-arrived"]')).click();
  await settled();
  await until('18 present', async () => (await text('quorum-counts')) === '出席 18 人 / 应到 22 人');
  assert.equal(await text('quorum-status'), '已达法定人数');
  assert.equal(await (await $('quorum')).getAttribute('data-met'), 'true');
  assert.match(await text('room-quorum'), /已达法定人数/);
  const late = await browser.$$('[data-testid="roll-person"][data-status="late"]');
  assert.equal(late.length, 1);
  await app.shot('23-roll-quorum');
  // The same screen in English, for a look at the other locale's lengths.
  await (await $('locale-switch')).click();
  await until('English', async () => (await text('step-roll')).includes('Roll call'));
  await app.shot('23b-roll-quorum-en');
  await (await $('locale-switch')).click();
  await until('Chinese', async () => (await text('step-roll')).includes('清点人数'));
  assert.match(await projectorText('24-projector-quorum'), /出席 18 人 \/ 应到 22 人[\s\S]*已达法定人数|已达法定人数[\s\S]*出席 18 人/);
});

test('the chair reads the first item and opens it', async () => {
  await click('next-step');
  assert.equal(await roomAttr('viewing'), 'agenda');
  assert.match(await text('reading-title'), /垃圾分类/);
  await app.shot('25-agenda-read');
  await click('open-item');
  await until('speakers step', async () => (await roomAttr('viewing')) === 'speak');
  assert.match(await text('speak-item'), /垃圾分类/);
  assert.match(await projectorText(), /垃圾分类/);
});

test('the chair may not speak (R-NEUTRAL); two speakers are heard with summaries', async () => {
  const { browser } = app;
  // The chair (李卫东, p01) is refused by the core, with the rule.
  await (await browser.$('[data-testid="add-speaker-person"][data-person="p01"]')).click();
  await settled();
  const error = await $('error');
  assert.equal(await error.getAttribute('data-code'), 'chair_may_not_speak');
  assert.match(await error.getText(), /R-NEUTRAL/);
  await app.shot('26-chair-refused');

  await (await browser.$('[data-testid="add-speaker-person"][data-person="p15"]')).click();
  await (await browser.$('[data-testid="add-speaker-person"][data-person="p20"]')).click();
  await settled();
  const queued = await browser.$$('[data-testid="queued"]');
  assert.equal(queued.length, 2);
  assert.equal((await browser.$$('[data-testid="error"]')).length, 0, 'the refusal is cleared');

  // N: the head of the queue takes the floor.
  await keys('n');
  await until('first speaker', async () => (await text('speaker-name')) === '黄志强');
  await sleep(1200);
  assert.match(await text('countdown-time'), /^2:5\d$/);
  await type('turn-summary', '物业支持调整投放点，建议同步增设洗手池。');
  await app.shot('27-speaker-1');
  const proj = await projectorText('28-projector-speaker');
  assert.match(proj, /正在发言/);
  assert.match(proj, /黄志强/);
  assert.match(proj, /下一位：许哲/);
  await click('end-turn');

  await (await $('next-speaker')).click();
  await settled();
  await until('second speaker', async () => (await text('speaker-name')) === '许哲');
  await type('turn-summary', '新投放点距住户窗口应不少于10米，并加装除臭设施。');
  await click('end-turn');
  await until('two turns', async () => (await browser.$$('[data-testid="turn"]')).length === 2);
  const summaries = [];
  for (const input of await browser.$$('[data-testid="turn-summary-edit"]')) summaries.push(await input.getValue());
  // Newest first: the turn just ended is the one a summary is most often corrected on.
  assert.deepEqual(summaries, ['新投放点距住户窗口应不少于10米，并加装除臭设施。', '物业支持调整投放点，建议同步增设洗手池。']);
  const groups = await text('group-time');
  assert.match(groups, /单位组织\s*1 次/);
  assert.match(groups, /专家\s*1 次/);
  await app.shot('29-speakers-done');
});

test('a named vote passes', async () => {
  const { browser } = app;
  await keys('v');
  assert.equal(await roomAttr('viewing'), 'vote');
  await type('vote-motion', '同意将2个投放点迁至小区东门和北门绿化带旁');
  await (await $('vote-mode-named')).click();
  await app.shot('30-vote-form');
  await click('open-vote');
  await until('ballots', async () => (await browser.$$('[data-testid="ballot"]')).length === 18);
  assert.equal(await text('vote-present'), '到会成员 18 人');
  // 12 yes, 3 no, 2 abstain, 1 does not vote: Y/N/A on each row in turn.
  await keys(...Array(12).fill('y'), 'n', 'n', 'n', 'a', 'a');
  await until('17 ballots', async () => /已表决 17 \/ 18 人/.test(await text('vote-running')));
  await app.shot('31-vote-named');
  await click('close-vote');
  await until('result', async () => (await browser.$$('[data-testid="vote-verdict"]')).length === 1);
  assert.equal(await text('vote-verdict'), '通过');
  const explain = await text('vote-explain');
  assert.match(explain, /到会成员半数以上（含半数）通过/);
  assert.match(explain, /到会成员 18 人，至少需 9 票同意/);
  assert.match(explain, /未投票 1 人，按不同意计/);
  await app.shot('32-vote-passed');
  const proj = await projectorText('33-projector-result');
  assert.match(proj, /通过/);
  assert.match(proj, /决议/);
  assert.match(proj, /同意将2个投放点迁至小区东门和北门绿化带旁/);
});

test('on the next item, a show-of-hands vote fails', async () => {
  const { browser } = app;
  await click('next-step'); // next item
  assert.equal(await roomAttr('viewing'), 'agenda');
  assert.match(await text('reading-title'), /篮球场/);
  await click('open-item');
  await until('speakers step', async () => (await roomAttr('viewing')) === 'speak');
  await click('next-step'); // straight to the vote
  await type('vote-motion', '同意篮球场夜间开放时间延长至23:00');
  await (await $('vote-mode-hands')).click();
  await click('open-vote');
  await $('counters');
  await type('count-input-yes', '6');
  await type('count-input-no', '9');
  // Abstentions with the + button.
  const plus = await browser.$$('[data-testid="counters"] .counter-abstain button');
  await plus[1].click();
  await plus[1].click();
  await app.shot('34-vote-hands');
  await click('close-vote');
  await until('result', async () => (await browser.$$('[data-testid="vote-verdict"]')).length === 1);
  assert.equal(await text('vote-verdict'), '未通过');
  assert.equal(await text('count-yes'), '6');
  assert.equal(await text('count-no'), '9');
  assert.equal(await text('count-abstain'), '2');
  assert.match(await text('vote-explain'), /至少需 9 票同意；结果：未通过/);
  // R-REDO: the failed matter is marked to be deliberated again.
  await type('redo-reason', '待征求周边住户意见后择机再议');
  await click('mark-redo');
  await $('redo-marked');
  await app.shot('35-vote-failed');
  assert.match(await projectorText('36-projector-failed'), /未通过/);
});

test('the minutes are drafted from the record, edited and finalized', async () => {
  await click('next-step');
  assert.equal(await roomAttr('viewing'), 'minutes');
  const draft = await (await $('minutes-text')).getValue();
  assert.match(draft, /议题1：关于幸福花园小区垃圾分类投放点调整的议题/);
  assert.match(draft, /黄志强（单位组织）发言：物业支持调整投放点/);
  assert.match(draft, /表决（记名表决）/);
  await (await $('minutes-text')).addValue('\n记录人补充：会议秩序良好。');
  assert.equal(await text('minutes-state'), '有未保存的修改');
  await app.shot('37-minutes');
  await click('minutes-finalize');
  await until('signing', async () => (await roomAttr('viewing')) === 'sign');
  assert.equal(await text('meeting-phase'), '签字确认中');
});

test('every signer signs on the pad with pointer actions, one declines', async () => {
  const { browser } = app;
  const signers = await browser.$$('[data-testid="signer"]');
  // The chair, the recorder (列席) and the 18 members present.
  assert.equal(signers.length, 19);
  let n = 0;
  for (;;) {
    const pending = await browser.$$('[data-testid="signer"][data-state="pending"]');
    if (pending.length === 0) break;
    const who = await pending[0].getAttribute('data-person');
    await pending[0].click();
    if (n === 5) {
      await type('decline-reason', '对第二项表决结果有保留意见');
      await click('decline');
    } else {
      const pad = await $('signature-pad');
      await drawSignature(pad, n);
      await until('ink on the pad', async () => Number(await pad.getAttribute('data-strokes')) === 2);
      if (n === 0) await app.shot('38-signature-drawn');
      await click('sign-confirm');
    }
    await until(`${who} recorded`, async () =>
      (await (await browser.$(`[data-testid="signer"][data-person="${who}"]`)).getAttribute('data-state')) !== 'pending',
    );
    n++;
  }
  assert.match(await text('sign-progress'), /已签 18 人 · 拒签 1 人 · 待签 0 人/);
  // A lawyer witnesses.
  await (await browser.$('[data-testid="witness"] summary')).click();
  await type('witness-name', '唐晓峰');
  await type('witness-statement', '会议程序符合工作指引');
  await click('witness-add');
  await app.shot('39-signed');
  assert.match(await projectorText('40-projector-signing'), /正在签字确认/);
});

test('the chair closes the meeting and the record is sealed', async () => {
  await click('next-step');
  assert.equal(await roomAttr('viewing'), 'seal');
  await click('close-meeting');
  await $('sealed');
  assert.equal(await text('meeting-phase'), '已结束并封存');
  await app.shot('41-sealed');
  const proj = await projectorText('42-projector-closed');
  assert.match(proj, /会议结束/);
  assert.match(proj, /同意将2个投放点迁至小区东门和北门绿化带旁/);
  app.shotRoot('43-screen-sealed');
});

test('the yishi tool reads the sealed record the app wrote', async () => {
  const bin = cliBinary();
  await app.stop(); // the app holds the store's lock
  const env = { ...process.env, YISHI_DATA_DIR: app.dataDir };
  const record = JSON.parse(execFileSync(bin, ['show', meetingId, '--json'], { env }).toString());
  assert.equal(record.phase, 'sealed');
  assert.ok(record.closed_at);
  const [first, second] = record.agenda;
  assert.equal(first.status, 'voted');
  assert.equal(first.vote.mode, 'named');
  assert.equal(first.vote.outcome.passed, true);
  assert.deepEqual(first.vote.tally, { yes: 12, no: 3, abstain: 2 });
  assert.equal(first.turns.length, 2);
  assert.equal(first.turns[0].summary, '物业支持调整投放点，建议同步增设洗手池。');
  assert.equal(second.status, 'voted');
  assert.equal(second.vote.mode, 'hands');
  assert.equal(second.vote.outcome.passed, false);
  assert.deepEqual(second.vote.tally, { yes: 6, no: 9, abstain: 2 });
  assert.ok(second.redo_reason);
  assert.match(record.minutes.text, /记录人补充：会议秩序良好。/);
  const signed = record.signatures.filter((s) => s.kind === 'signed');
  const declined = record.signatures.filter((s) => s.kind === 'declined');
  assert.equal(signed.length, 18);
  assert.equal(declined.length, 1);
  for (const s of signed) {
    assert.match(s.image_sha256, /^[0-9a-f]{64}$/);
    assert.ok(s.image_bytes > 500, `a drawn signature, not a blank: ${s.image_bytes} bytes`);
  }
  assert.equal(record.witnesses[0].name, '唐晓峰');
  assert.deepEqual(record.pending_signers, []);
  execFileSync(bin, ['verify'], { env });
  app = null;
});
