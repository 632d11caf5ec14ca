/**
 * Review mode, for trainers checking a chapter in one pass: quizzes show their answer keys, scenarios every branch
 * with its score and where it leads, risk matrices the trainer's ratings, each with the author-written ids. Off
 * by default; turned on from the trainer page and remembered on this device (localStorage: it belongs to the
 * device, not to a learner's progress). A component test sets it with the provider instead.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';

export const REVIEW_KEY = 'zhixing:review-mode';

const listeners = new Set<() => void>();

const storage = (): Storage | undefined => {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage disabled: review mode stays off
  }
};

export function reviewModeStored(): boolean {
  try {
    return storage()?.getItem(REVIEW_KEY) === 'on';
  } catch {
    return false;
  }
}

export function setReviewMode(on: boolean): void {
  try {
    if (on) storage()?.setItem(REVIEW_KEY, 'on');
    else storage()?.removeItem(REVIEW_KEY);
  } catch {
    /* not kept (storage full or refused): it still applies until the page is reloaded */
  }
  memory = on;
  for (const l of listeners) l();
}

let memory: boolean | undefined;
const read = () => memory ?? reviewModeStored();

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  // another tab turned it on or off
  const onStorage = (e: StorageEvent) => {
    if (e.key === REVIEW_KEY) {
      memory = undefined;
      onChange();
    }
  };
  globalThis.addEventListener?.('storage', onStorage);
  return () => {
    listeners.delete(onChange);
    globalThis.removeEventListener?.('storage', onStorage);
  };
}

/** Set by a provider (tests, a preview) over what the device remembers. */
export const ReviewModeContext = createContext<boolean | undefined>(undefined);

export function useReviewMode(): boolean {
  const forced = useContext(ReviewModeContext);
  const stored = useSyncExternalStore(subscribe, read, () => false);
  return forced ?? stored;
}
