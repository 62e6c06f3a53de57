// 预约旁听 (R-OBSERVE) on a meeting being prepared: seats left, each booking and cancellation
// sent as exactly its intent, cancelled bookings kept and marked; no form once the meeting opened.
import { expect, test, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import Bookings from './Bookings.svelte';
import { meetingView } from '../../../test/fixtures';
import type { Intent, MeetingView } from '../../bindings';

const setup: MeetingView = {
  ...meetingView,
  phase: 'setup',
  observer_seats: 2,
  bookings: [
    { no: 1, name: '赵敏', contact: '138****0021', online: true, at: '2026-11-12T10:00:00.000+08:00', cancelled_reason: null },
    { no: 2, name: '孙丽', contact: '', online: false, at: '2026-11-12T15:30:00.000+08:00', cancelled_reason: '临时有事' },
  ],
};
const input = (id: string, value: string) => fireEvent.input(screen.getByTestId(id), { target: { value } });

test('seats left, a booking and a cancellation, each exactly its intent', async () => {
  const sent: Intent[] = [];
  const act = vi.fn(async (i: Intent) => {
    sent.push(i);
    return true;
  });
  render(Bookings, { meeting: setup, act });
  expect(screen.getByTestId('bookings-seats').textContent?.trim()).toBe('旁听席位 2 个，已预约 1 人，剩余 1 个（R-OBSERVE）。');
  const [first, second] = screen.getAllByTestId('booking');
  expect(first.textContent).toContain('线上预约');
  expect(second.textContent).toContain('已取消：临时有事');
  expect(within(second).queryByTestId('booking-cancel')).toBeNull();

  await input('booking-name', '周强');
  await fireEvent.click(screen.getByTestId('booking-online'));
  await fireEvent.click(screen.getByTestId('booking-submit'));
  await waitFor(() => expect(sent).toEqual([{ type: 'book_observer', name: '周强', contact: '', online: true }]));
  expect((screen.getByTestId('booking-name') as HTMLInputElement).value).toBe('');
  expect((screen.getByTestId('booking-online') as HTMLInputElement).checked).toBe(false);

  await fireEvent.click(within(first).getByTestId('booking-cancel'));
  await input('booking-cancel-reason', '改为线上旁听');
  await fireEvent.click(screen.getByTestId('booking-cancel-confirm'));
  await waitFor(() => expect(sent[1]).toEqual({ type: 'cancel_booking', booking: 1, reason: '改为线上旁听' }));
});

test('once the meeting has opened the bookings are listed without forms', () => {
  render(Bookings, { meeting: { ...setup, phase: 'in_session' }, act: vi.fn() });
  expect(screen.getAllByTestId('booking')).toHaveLength(2);
  expect(screen.queryByTestId('booking-form')).toBeNull();
  expect(screen.queryByTestId('booking-cancel')).toBeNull();
});
