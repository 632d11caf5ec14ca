import { useEffect } from 'react';
import { readStorageState, requestPersistence } from '../../storage/durability.ts';
import { currentProgress, useStore } from '../../state/store.ts';

/**
 * Once the learner has started, asks the browser (once per page load) to keep the data under storage pressure,
 * and keeps the storage state in the store for the home page to show.
 */
export function useDurability() {
  const started = useStore((s) => currentProgress(s).startedAt !== undefined);
  const set = useStore((s) => s.set);
  useEffect(() => {
    let live = true;
    void (started ? requestPersistence() : readStorageState()).then((durability) => live && set({ durability }));
    return () => void (live = false);
  }, [started, set]);
}
