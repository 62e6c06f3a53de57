// The community's profile and the papers panel with the shell mocked at IPC: the first start's
// form (the issuer follows the name until edited; what is sent; a refusal naming the field),
// putting it off leaves a hint, the settings form starts from what was saved; a checked PDF's
// verdict in a recorder's words, and a certificate trusted only after its name and fingerprint
// were shown.
import { beforeEach, describe, expect, test } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { mockIPC } from '@tauri-apps/api/mocks';
import ProfileStatus from './ProfileStatus.svelte';
import ProfilePanel from './ProfilePanel.svelte';
import PapersPanel from './PapersPanel.svelte';
import { community } from './profileState.svelte';
import type { PapersView, ProfileView, VerifyOutcome } from '../../bindings';

type Call = { cmd: string; args: Record<string, unknown> };

function shell(answers: Record<string, (args: Record<string, unknown>) => unknown>) {
  const calls: Call[] = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    return answers[cmd] ? answers[cmd](a) : null;
  });
  return calls;
}

const suggest = (a: Record<string, unknown>) => (String(a.community).trim() ? `${String(a.community).trim()}居民委员会` : '');
const saved: ProfileView = {
  community: '莲花街道莲花一村社区',
  issuer: '莲花街道莲花一村社区居民委员会',
  booking: '电话 0755-8321 6600',
  booking_venue: '社区党群服务中心一楼',
};
const KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const papers: PapersView = { this: { name: saved.issuer, key_id: KEY }, trusted: [] };

beforeEach(() => community.reset());

describe('the community profile', () => {
  test('asked at the first start: the issuer follows the name, and what is typed is what is sent', async () => {
    const calls = shell({ get_profile: () => null, suggest_issuer: suggest, save_profile: (a) => ({ ...saved, ...(a.profile as object) }) });
    render(ProfileStatus, { part: 'welcome', onopen: () => {} });
    await screen.findByTestId('profile-first-run');
    const name = screen.getByTestId('profile-community') as HTMLInputElement;
    await fireEvent.input(name, { target: { value: '莲花街道莲花一村社区' } });
    await waitFor(() => expect((screen.getByTestId('profile-issuer') as HTMLInputElement).value).toBe('莲花街道莲花一村社区居民委员会'));
    // Edited by hand, the issuer no longer follows the name.
    await fireEvent.input(screen.getByTestId('profile-issuer'), { target: { value: '莲花一村社区党委' } });
    await fireEvent.input(name, { target: { value: '莲花一村社区' } });
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'suggest_issuer').length).toBe(2));
    expect((screen.getByTestId('profile-issuer') as HTMLInputElement).value).toBe('莲花一村社区党委');
    await fireEvent.input(screen.getByTestId('profile-booking'), { target: { value: '电话 0755-8321 6600' } });
    await fireEvent.click(screen.getByTestId('profile-save'));
    await waitFor(() => expect(screen.queryByTestId('profile-first-run')).toBeNull());
    expect(calls.find((c) => c.cmd === 'save_profile')?.args).toEqual({
      profile: { community: '莲花一村社区', issuer: '莲花一村社区党委', booking: '电话 0755-8321 6600', booking_venue: '' },
    });
    expect(screen.queryByTestId('profile-hint')).toBeNull();
  });

  test('a refusal names the field; put off, a hint stays that leads to the settings', async () => {
    let opened = 0;
    shell({
      get_profile: () => null,
      suggest_issuer: suggest,
      save_profile: () => {
        throw { code: 'bad_character', rule: null, message_zh: '“社区名称”中含有不能使用的字符 U+202E', message_en: 'the community name: contains U+202E' };
      },
    });
    render(ProfileStatus, { part: 'welcome', onopen: () => {} });
    render(ProfileStatus, { part: 'hint', onopen: () => opened++ });
    await screen.findByTestId('profile-first-run');
    expect(screen.queryByTestId('profile-hint')).toBeNull();
    await fireEvent.input(screen.getByTestId('profile-community'), { target: { value: '莲花\u202E社区' } });
    await fireEvent.click(screen.getByTestId('profile-save'));
    expect((await screen.findByTestId('error')).textContent).toContain('“社区名称”中含有不能使用的字符');
    await fireEvent.click(screen.getByTestId('profile-skip'));
    await screen.findByTestId('profile-hint');
    expect(screen.queryByTestId('profile-first-run')).toBeNull();
    expect(localStorage.getItem('yishi.profileSkipped')).toBe('1');
    await fireEvent.click(screen.getByTestId('profile-hint-open'));
    expect(opened).toBe(1);
  });

  test('the settings form starts from what was saved', async () => {
    shell({ get_profile: () => saved, suggest_issuer: suggest });
    render(ProfilePanel);
    await screen.findByTestId('profile-form');
    expect((screen.getByTestId('profile-community') as HTMLInputElement).value).toBe(saved.community);
    expect((screen.getByTestId('profile-issuer') as HTMLInputElement).value).toBe(saved.issuer);
    expect((screen.getByTestId('profile-venue') as HTMLInputElement).value).toBe(saved.booking_venue);
    expect(screen.queryByTestId('profile-skip')).toBeNull();
  });
});

describe('file signatures and verification', () => {
  const checked = (over: Partial<Extract<VerifyOutcome, { outcome: 'checked' }>>): VerifyOutcome => ({
    outcome: 'checked',
    file_name: '纪要.pdf',
    verdict: 'valid',
    signer: saved.issuer,
    later_events: 0,
    later_amendments: 0,
    lines_zh: ['文件签名有效'],
    lines_en: ['signature valid'],
    ...over,
  });

  test('a checked PDF is answered in a recorder’s words', async () => {
    let answer = checked({});
    shell({ papers_status: () => papers, get_profile: () => saved, verify_document: () => answer });
    render(PapersPanel);
    await fireEvent.click(await screen.findByTestId('papers-verify'));
    expect((await screen.findByTestId('verify-verdict')).textContent).toBe(`签名有效：由“${saved.issuer}”签发，签发后未被改动。`);
    answer = checked({ verdict: 'amended_since', later_events: 2, later_amendments: 1 });
    await fireEvent.click(screen.getByTestId('papers-verify'));
    await waitFor(() => expect(screen.getByTestId('verify-result').dataset.verdict).toBe('amended_since'));
    expect(screen.getByTestId('verify-verdict').textContent).toContain('会议记录又追加了 2 条（其中更正 1 条）');
    answer = checked({ verdict: 'changed' });
    await fireEvent.click(screen.getByTestId('papers-verify'));
    await waitFor(() => expect(screen.getByTestId('verify-verdict').textContent).toBe('文件在签名之后被改动过，不能作为正式文本。'));
    answer = checked({ verdict: 'unknown_issuer', signer: '莲花二村社区居民委员会' });
    await fireEvent.click(screen.getByTestId('papers-verify'));
    await waitFor(() => expect(screen.getByTestId('verify-verdict').textContent).toContain('由“莲花二村社区居民委员会”签发，但本机尚未信任'));
  });

  test('a certificate is trusted only once its name and fingerprint were shown', async () => {
    const other = { name: '莲花二村社区居民委员会', key_id: 'ff'.repeat(32) };
    const calls = shell({
      papers_status: () => papers,
      get_profile: () => saved,
      pick_certificate: () => ({ outcome: 'read', file_name: 'lianhua2.pem', issuer: other, trusted_as: null, own: false }),
      trust_certificate: () => ({ ...papers, trusted: [other] }),
    });
    render(PapersPanel);
    await screen.findByTestId('trusted-none');
    await fireEvent.click(screen.getByTestId('papers-pick'));
    expect((await screen.findByTestId('trust-name')).textContent).toBe(other.name);
    expect(screen.getByTestId('trust-fingerprint').textContent).toBe('ffff '.repeat(16).trim());
    expect(calls.some((c) => c.cmd === 'trust_certificate')).toBe(false);
    await fireEvent.click(screen.getByTestId('trust-confirm'));
    await screen.findByTestId('trust-done');
    expect(calls.find((c) => c.cmd === 'trust_certificate')?.args).toEqual({ keyId: other.key_id });
    expect(screen.getAllByTestId('trusted-issuer').map((e) => e.dataset.keyId)).toEqual([other.key_id]);
  });
});
