// The community's profile (社区信息, issue 12) through the real binary. A first start asks for
// it: the issuer follows the community's name, the booking channel and venue are typed, and the
// profile is saved in the data folder. The minutes exported then are signed by that issuing
// body (poppler's pdfsig reads the signer's name from the certificate) and the notice says how
// and where to book. 设置与核验 edits it; a bad character is refused naming the field. Put off
// at the first start, a hint stays on the home screen, across a restart, until it is filled.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, applyWithCli, byTestId, documentedIntents, launch } from './harness.mjs';
import { recordingOpener, saveAs } from './dialogs.mjs';
import { at, setInput } from './page.mjs';

const MEETING = '11111111-1111-4111-8111-111111111111';
const COMMUNITY = '莲花街道莲花一村社区';
const ISSUER = '莲花街道莲花一村社区居民委员会';
const BOOKING = '电话 0755-8321 6600；线上：莲花一村社区公众号';
const VENUE = '莲花一村社区党群服务中心一楼服务台';
const SAVE_DIALOG = '保存文件';

const root = mkdtempSync(join(tmpdir(), 'yishi-e2e-profile-'));
const out = join(root, 'out');
mkdirSync(out);
const opener = recordingOpener();
let app;
after(async () => {
  await app?.stop();
  rmSync(root, { recursive: true, force: true });
  rmSync(opener.bin, { recursive: true, force: true });
});

const $ = (id, timeout) => byTestId(app.browser, id, timeout);
const click = async (id) => (await at(app.browser, id)).click();
const value = async (id) => (await $(id)).getValue();
async function until(what, check, timeout = 15000) {
  await app.browser.waitUntil(check, { timeout, interval: 100, timeoutMsg: `timed out: ${what}` });
}
const shown = async (id) => (await app.browser.$(`[data-testid="${id}"]`)).isExisting();
const profileFile = (dataDir) => JSON.parse(readFileSync(join(dataDir, 'community.json'), 'utf8'));

/** Presses an export button of the open meeting card and saves through the dialog. */
async function exportTo(id, file, shot) {
  await click(`export-${id}`);
  await saveAs(app.display, SAVE_DIALOG, file, shot ? () => app.shotRoot(shot) : undefined);
  await until(`export ${id}`, async () => existsSync(file) && (await (await $('export-status')).getAttribute('data-outcome')) === 'saved');
}

test('put off at the first start, a hint stays across a restart until the profile is filled', async () => {
  const dataDir = join(root, 'skipped');
  mkdirSync(dataDir);
  app = await launch({ dataDir });
  await $('profile-first-run');
  await click('profile-skip');
  await $('profile-hint');
  assert.equal(await shown('profile-first-run'), false);
  assert.equal(existsSync(join(dataDir, 'community.json')), false, 'nothing saved');
  await app.stop();

  app = await launch({ dataDir });
  await $('profile-hint');
  assert.equal(await shown('profile-first-run'), false, 'put off: not asked again, only the hint');
  await app.shot('p01-profile-hint');
  await click('profile-hint-open');
  await $('profile-panel');
  assert.equal(await shown('profile-hint'), false, 'the settings have the form themselves');
  await (await $('profile-community')).setValue('莲花街道莲花二村社区');
  await until('the issuer to follow', async () => (await value('profile-issuer')) === '莲花街道莲花二村社区居民委员会');
  await click('profile-save');
  await $('profile-saved');
  await click('tab-meetings');
  await $('home');
  assert.equal(await shown('profile-hint'), false, 'filled: the hint is gone');
  assert.equal(profileFile(dataDir).issuer, '莲花街道莲花二村社区居民委员会');
  await app.stop();
});

test('the first start asks for the community; the issuer follows the name; the profile is saved', async () => {
  const dataDir = join(root, 'data');
  mkdirSync(dataDir);
  const lines = documentedIntents().filter((l) => l.meeting === MEETING);
  const close = lines.findIndex((l) => l.intent.type === 'close_meeting');
  applyWithCli(dataDir, lines.slice(0, close + 1));
  app = await launch({ dataDir, env: { PATH: `${opener.bin}:${process.env.HOME}/.cargo/bin:${process.env.PATH}` } });

  await $('profile-first-run');
  assert.match(await (await $('profile-first-run')).getText(), /请先填写社区信息/);
  await app.shot('p02-first-run');
  await (await $('profile-community')).setValue(COMMUNITY);
  await until('the issuer to follow the name', async () => (await value('profile-issuer')) === ISSUER);
  await (await $('profile-booking')).setValue(BOOKING);
  await (await $('profile-venue')).setValue(VENUE);
  await app.shot('p03-first-run-filled');
  await click('profile-save');
  await until('the form to go', async () => !(await shown('profile-first-run')));
  assert.equal(await shown('profile-hint'), false);
  assert.deepEqual(profileFile(dataDir), { community: COMMUNITY, issuer: ISSUER, booking: BOOKING, booking_venue: VENUE });
});

test('exports made then are signed by the issuing body, and the notice says how and where to book', async () => {
  await click(`[data-testid="meeting-details"][data-meeting="${MEETING}"]`);
  await $('exports');
  const minutes = join(out, 'minutes.pdf');
  await exportTo('minutes', minutes);
  const sig = execFileSync('pdfsig', [minutes]).toString();
  assert.match(sig, new RegExp(`Signer Certificate Common Name: ${ISSUER}`), sig);
  assert.match(sig, /Signature Validation: Signature is Valid\./, sig);
  assert.match(sig, /Total document signed/, sig);

  const notice = join(out, 'notice.pdf');
  await exportTo('notice', notice);
  const text = execFileSync('pdftotext', [notice, '-']).toString().replace(/\n/g, '');
  assert.ok(text.includes(`预约方式：${BOOKING}`), text);
  assert.ok(text.includes(`或到${VENUE}现场预约旁听`), text);
  assert.ok(text.includes(ISSUER), 'the notice is signed at its foot by the issuing body');
  assert.match(execFileSync('pdfsig', [notice]).toString(), new RegExp(`Common Name: ${ISSUER}`));
  // To look at: the notice's booking lines as printed.
  execFileSync('pdftoppm', ['-png', '-r', '70', notice, join(ARTIFACTS, 'p-notice')]);
});

test('设置与核验 edits the profile; a bad character is refused naming the field', async () => {
  await click('tab-settings');
  await $('profile-panel');
  assert.equal(await value('profile-community'), COMMUNITY);
  assert.equal(await value('profile-venue'), VENUE);
  // A right-to-left override hides what a text says: refused at the door, nothing saved.
  await setInput(app.browser, 'profile-venue', `服务台\u202E一楼`);
  await click('profile-save');
  const error = await $('error');
  assert.equal(await error.getAttribute('data-code'), 'bad_character');
  assert.match(await error.getText(), /“预约地点”中含有不能使用的字符/);
  await app.shot('p04-settings-refused');
  assert.equal(profileFile(app.dataDir).booking_venue, VENUE);

  await setInput(app.browser, 'profile-venue', '莲花一村社区党群服务中心二楼');
  await click('profile-save');
  await $('profile-saved');
  assert.equal(profileFile(app.dataDir).booking_venue, '莲花一村社区党群服务中心二楼');
  await app.shot('p05-settings-saved');
  // In English too.
  await click('locale-switch');
  await until('English', async () => (await (await $('profile-panel')).getText()).includes('Community name'));
  await app.shot('p06-settings-en');
  await click('locale-switch');
});
