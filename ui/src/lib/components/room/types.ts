import type { Intent } from '../../bindings';

/** Hands an intent to the core; resolves true when accepted (a refusal is shown by the room). */
export type Act = (intent: Intent) => Promise<boolean>;

/** A line of the shortcuts bar: the keys and what they do. */
export type Shortcut = [keys: string[], label: string];
