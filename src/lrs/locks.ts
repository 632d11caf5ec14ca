/**
 * Cross-tab mutual exclusion for the outbox. The Web Locks API (`navigator.locks`) is shared by every tab of the
 * origin, so "one sender at a time" and "one writer of the queue at a time" hold across tabs. Where it is missing,
 * locks are held within this tab only: two tabs may then both send a statement, which the LRS stores once because
 * every statement carries its id (xAPI 1.0.3 §2.2: a statement id the LRS already holds is not stored again).
 */

export interface Locks {
  /**
   * Runs `fn` holding the lock `name`. With `ifAvailable`, `fn` runs at once with `held = false` when another
   * holder has it, instead of waiting.
   */
  request<T>(name: string, options: { ifAvailable?: boolean }, fn: (held: boolean) => Promise<T>): Promise<T>;
}

interface WebLockManager {
  request(name: string, options: { ifAvailable?: boolean }, fn: (lock: unknown) => Promise<unknown>): Promise<unknown>;
}

/** Locks held within one JavaScript realm (one tab; or, in tests, every simulated tab sharing the instance). */
export function localLocks(): Locks {
  const tails = new Map<string, Promise<void>>();
  return {
    async request(name, { ifAvailable }, fn) {
      if (ifAvailable && tails.has(name)) return fn(false);
      const before = tails.get(name) ?? Promise.resolve();
      let release!: () => void;
      const mine = new Promise<void>((r) => (release = r));
      const tail = before.then(() => mine);
      tails.set(name, tail);
      await before;
      try {
        return await fn(true);
      } finally {
        release();
        if (tails.get(name) === tail) tails.delete(name);
      }
    },
  };
}

/** The browser's Web Locks when it has them, else locks within this tab. */
export function browserLocks(nav: { locks?: unknown } | undefined = globalThis.navigator): Locks {
  const manager = nav?.locks as WebLockManager | undefined;
  if (!manager || typeof manager.request !== 'function') return localLocks();
  return {
    request: <T>(name: string, options: { ifAvailable?: boolean }, fn: (held: boolean) => Promise<T>) =>
      manager.request(name, options, (lock) => fn(lock !== null)) as Promise<T>,
  };
}
