import { describe, expect, test } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import ProjectorRoom from './ProjectorRoom.svelte';
import { rollCall, signing, speaking, voted, voting } from '../../../test/projector-fixtures';

describe('projector', () => {
  test('during the roll call: title and the full quorum bar', () => {
    render(ProjectorRoom, { meeting: rollCall() });
    expect(screen.getByTestId('projector-title').textContent).toBe('幸福社区居民议事会');
    expect(screen.getByTestId('quorum-counts').textContent).toBe('出席 3 人 / 应到 6 人');
    expect(screen.getByTestId('quorum-status').textContent).toBe('未达法定人数');
  });

  test('the current item, the speaker with the countdown, and who is next', () => {
    render(ProjectorRoom, { meeting: speaking({ turn: true, ago: 130 }) });
    expect(screen.getByTestId('projector-item').textContent).toBe('加装电梯');
    expect(screen.getByTestId('projector-speaker-name').textContent).toBe('黄志强');
    const countdown = screen.getByTestId('countdown');
    expect(countdown.dataset.over).toBe('true');
    expect(countdown.textContent).toContain('已超时');
    expect(screen.getByTestId('countdown-time').textContent).toBe('+0:10');
    expect(screen.getByTestId('projector-current').textContent).toContain('下一位：许哲');
  });

  test('an open item with nobody speaking shows who is next; a failed vote says so', () => {
    const r = render(ProjectorRoom, { meeting: speaking() });
    expect(screen.getByTestId('projector-next').textContent).toBe('下一位：许哲');
    expect(screen.queryByTestId('projector-speaker')).toBeNull();
    r.unmount();
    const m = voted();
    const vote = { ...m.last!.vote!, outcome: { ...m.last!.vote!.outcome!, passed: false } };
    render(ProjectorRoom, { meeting: { ...m, phase: 'sealed', items: [{ ...m.items[0], passed: false, resolution: null }], last: { ...m.last!, vote } } });
    const failed = screen.getByTestId('projector-closed').querySelector('strong.failed');
    expect(failed?.textContent).toBe('未通过');
  });

  test('a vote in progress, then its result with bars and the resolution', async () => {
    const r = render(ProjectorRoom, { meeting: voting() });
    expect(screen.getByTestId('projector-voting').textContent).toContain('同意3栋加装电梯');
    await r.rerender({ meeting: voted() });
    expect(screen.getByTestId('vote-verdict').textContent).toBe('通过');
    expect(screen.getByTestId('count-yes').textContent).toBe('3');
    expect(screen.getByTestId('vote-explain').textContent).toContain('故通过');
    expect(screen.getByTestId('projector-resolution').textContent).toContain('同意3栋加装电梯');
  });

  test('signing and the end; never a control', async () => {
    const r = render(ProjectorRoom, { meeting: signing() });
    expect(screen.getByTestId('projector-signing').textContent).toContain('2 / 3');
    expect(document.querySelectorAll('button, input, textarea, select, a').length).toBe(0);
    await r.rerender({ meeting: { ...signing(), phase: 'sealed' } });
    const end = screen.getByTestId('projector-closed').textContent!;
    expect(end).toContain('会议结束');
    expect(end).toContain('通过');
    expect(end).toContain('同意3栋加装电梯');
    expect(end).toContain('延期');
    expect(document.querySelectorAll('button, input, textarea, select, a').length).toBe(0);
  });
});
