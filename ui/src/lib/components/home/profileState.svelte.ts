// The community's profile as the chair's window knows it: read once at start, replaced by what
// the shell answers when it is saved. `undefined` until read; `null`: none saved yet, and the
// home screen asks for it (or, once the chair chose 以后再填, keeps a hint until it is filled).
import { getProfile, toBackendError, type BackendError, type ProfileView } from '../../backend';

const SKIPPED_KEY = 'yishi.profileSkipped';

function storedSkip(): boolean {
  try {
    return globalThis.localStorage?.getItem(SKIPPED_KEY) === '1';
  } catch {
    return false;
  }
}

export class CommunityProfile {
  profile = $state<ProfileView | null | undefined>(undefined);
  skipped = $state(storedSkip());
  error = $state<BackendError | null>(null);

  async refresh(): Promise<void> {
    try {
      this.profile = await getProfile();
      this.error = null;
    } catch (e) {
      this.error = toBackendError(e);
    }
  }

  saved(p: ProfileView): void {
    this.profile = p;
  }

  /** 以后再填: the first-run form gives way to a hint on the home screen. */
  skip(): void {
    this.skipped = true;
    try {
      globalThis.localStorage?.setItem(SKIPPED_KEY, '1');
    } catch {
      // storage unavailable: skipped for this window only
    }
  }

  reset(): void {
    this.profile = undefined;
    this.skipped = storedSkip();
    this.error = null;
  }
}

export const community = new CommunityProfile();
