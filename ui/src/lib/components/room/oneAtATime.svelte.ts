import type { Act } from './types';

/**
 * One intent at a time: a second press while the first is on its way sends nothing (an
 * appended record must not be appended twice). `busy` is reactive, for disabling buttons.
 */
export function oneAtATime(act: () => Act) {
  let busy = $state(false);
  return {
    get busy() {
      return busy;
    },
    async send(intent: Parameters<Act>[0]): Promise<boolean> {
      if (busy) return false;
      busy = true;
      try {
        return await act()(intent);
      } finally {
        busy = false;
      }
    },
  };
}
