// 文件签名与核验 (issue 12) through the real binary. Made with the `yishi` tool before the app
// starts: this community's sealed meeting (the documented one) with its profile, its minutes
// exported, then an amendment appended and the minutes exported again; a copy with one byte
// changed; and another installation (the demo community of 莲花二村) with its minutes and its
// certificate. In the app: 核验文件 answers each in a recorder's words — signed and unchanged,
// the record amended since, changed after signing, an issuer not trusted yet; the other
// installation's certificate is read, its name and fingerprint shown, then trusted, and its
// file verifies; this installation's certificate is saved, and a street office's `yishi` trusts
// it and verifies this community's file with no record of its own.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyWithCli, byTestId, cliBinary, documentedIntents, launch } from './harness.mjs';
import { openPath, saveAs } from './dialogs.mjs';
import { at } from './page.mjs';

const MEETING = '11111111-1111-4111-8111-111111111111';
const ISSUER = '幸福社区居民委员会';
const OTHER = '莲花街道莲花二村社区居民委员会';
const VERIFY_DIALOG = '选择要核验的 PDF 文件';
const TRUST_DIALOG = '选择要信任的证书';
const CERT_DIALOG = '导出本机证书';

const root = mkdtempSync(join(tmpdir(), 'yishi-e2e-papers-'));
const dataDir = join(root, 'data');
const other = join(root, 'lianhua2');
const office = join(root, 'office');
const files = join(root, 'files');
const f = (name) => join(files, name);
let app;
/** The other installation's key id, as its `yishi key export` printed it (16 hex digits). */
let otherKey;

const yishi = (dir, ...args) => execFileSync(cliBinary(), ['--data-dir', dir, ...args]).toString();

before(async () => {
  for (const d of [dataDir, other, office, files]) mkdirSync(d, { recursive: true });
  const lines = documentedIntents().filter((l) => l.meeting === MEETING);
  const close = lines.findIndex((l) => l.intent.type === 'close_meeting');
  const amend = lines.findIndex((l) => l.intent.type === 'amend');
  applyWithCli(dataDir, lines.slice(0, close + 1));
  yishi(dataDir, 'profile', '--community', '幸福社区');
  yishi(dataDir, 'export', 'minutes', MEETING, '-o', f('before-amendment.pdf'));
  applyWithCli(dataDir, [lines[amend]]);
  yishi(dataDir, 'export', 'minutes', MEETING, '-o', f('minutes.pdf'));
  const changed = readFileSync(f('minutes.pdf'));
  changed[Math.floor(changed.length / 2)] ^= 0x04;
  writeFileSync(f('changed.pdf'), changed);

  yishi(other, 'demo');
  yishi(other, 'profile', '--community', '莲花街道莲花二村社区');
  yishi(other, 'export', 'minutes', 'held', '-o', f('lianhua2.pdf'));
  otherKey = yishi(other, 'key', 'export', '-o', f('lianhua2.pem')).match(/key ([0-9a-f]{16})/)[1];

  app = await launch({ dataDir });
});
after(async () => {
  await app?.stop();
  rmSync(root, { recursive: true, force: true });
});

const $ = (id, timeout) => byTestId(app.browser, id, timeout);
const click = async (id) => (await at(app.browser, id)).click();
async function until(what, check, timeout = 20000) {
  await app.browser.waitUntil(check, { timeout, interval: 100, timeoutMsg: `timed out: ${what}` });
}

/** 核验文件 on `name`: its verdict and what the panel says. */
async function verify(name) {
  const before = (await app.browser.$('[data-testid="verify-result"]').isExisting())
    ? await (await $('verify-result')).getText()
    : null;
  await click('papers-verify');
  await openPath(app.display, VERIFY_DIALOG, f(name));
  await until(`${name} to be checked`, async () => {
    const r = await app.browser.$('[data-testid="verify-result"]');
    return (await r.isExisting()) && (await r.getText()) !== before && (await r.getText()).includes(name);
  });
  const r = await $('verify-result');
  return { verdict: await r.getAttribute('data-verdict'), text: await (await $('verify-verdict')).getText() };
}

test('a file of this community: signed and unchanged, the record amended since, changed after signing', async () => {
  await click('tab-settings');
  await $('papers-panel');
  assert.equal(await (await $('trusted-none')).isExisting(), true);
  await app.shot('k01-papers');

  const ok = await verify('minutes.pdf');
  assert.equal(ok.verdict, 'valid');
  assert.equal(ok.text, `签名有效：由“${ISSUER}”签发，签发后未被改动。`);
  await app.shot('k02-verified');

  const earlier = await verify('before-amendment.pdf');
  assert.equal(earlier.verdict, 'amended_since');
  assert.match(earlier.text, /此文件生成后，会议记录又追加了 1 条（其中更正 1 条）/);
  await app.shot('k03-amended-since');

  const changed = await verify('changed.pdf');
  assert.equal(changed.verdict, 'changed');
  assert.equal(changed.text, '文件在签名之后被改动过，不能作为正式文本。');
  await app.shot('k04-changed');
});

test('another installation’s file: not trusted until its certificate is, after its name and fingerprint are shown', async () => {
  const unknown = await verify('lianhua2.pdf');
  assert.equal(unknown.verdict, 'unknown_issuer');
  assert.match(unknown.text, new RegExp(`由“${OTHER}”签发，但本机尚未信任该单位的证书`));

  await click('papers-pick');
  await openPath(app.display, TRUST_DIALOG, f('lianhua2.pem'));
  const preview = await $('trust-preview');
  assert.equal(await (await $('trust-name')).getText(), OTHER);
  const fp = await (await $('trust-fingerprint')).getText();
  assert.ok(fp.replace(/\s/g, '').startsWith(otherKey), `${fp} begins with ${otherKey}`);
  assert.ok(!existsSync(join(dataDir, 'trusted-issuers.json')), 'nothing trusted before it is confirmed');
  await app.shot('k05-trust-preview');
  const keyId = await preview.getAttribute('data-key-id');

  await click('trust-confirm');
  await $('trust-done');
  await until('the list', async () => (await app.browser.$$('[data-testid="trusted-issuer"]')).length === 1);
  assert.equal(await (await $('trusted-issuer')).getAttribute('data-key-id'), keyId);
  assert.deepEqual(JSON.parse(readFileSync(join(dataDir, 'trusted-issuers.json'), 'utf8')).issuers, { [keyId]: OTHER });

  const trusted = await verify('lianhua2.pdf');
  assert.equal(trusted.verdict, 'valid');
  assert.equal(trusted.text, `签名有效：由“${OTHER}”签发，签发后未被改动。`);
  await app.shot('k06-trusted-verified');
});

test('this installation’s certificate is saved, and a street office verifies the community’s file with it', async () => {
  const cert = f('xingfu.pem');
  await click('papers-export-cert');
  await saveAs(app.display, CERT_DIALOG, cert);
  await $('cert-saved');
  assert.equal(await (await $('cert-path')).getText(), cert);
  assert.match(readFileSync(cert, 'utf8'), /^-----BEGIN CERTIFICATE-----\n/);
  const shown = await (await $('this-certificate')).getAttribute('data-key-id');
  await app.shot('k07-certificate-saved');

  // The street office: no record, no key of its own.
  assert.match(yishi(office, 'key', 'trust', cert), new RegExp(`已信任 / trusted: ${ISSUER}  密钥 key ${shown.slice(0, 16)}`));
  const verified = yishi(office, 'verify', f('minutes.pdf'));
  assert.match(verified, new RegExp(`由已信任的签发者“${ISSUER}”签发，签名后未被改动`));
  assert.match(verified, /通过 \/ VERIFIED/);
});
