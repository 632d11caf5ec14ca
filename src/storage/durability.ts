/** Asking the browser to keep our data under storage pressure, and reading how much room there is. */

export interface StorageState {
  /** true: the browser will not evict the data on its own; false: it may; undefined: cannot tell */
  persisted?: boolean;
  usage?: number;
  quota?: number;
}

type StorageManagerLike = Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>;

const manager = (): StorageManagerLike | undefined => (typeof navigator !== 'undefined' ? navigator.storage : undefined);

export async function readStorageState(m = manager()): Promise<StorageState> {
  if (!m) return {};
  const [persisted, estimate] = await Promise.all([m.persisted?.().catch(() => undefined), m.estimate?.().catch(() => undefined)]);
  return { ...(persisted !== undefined ? { persisted } : {}), ...(estimate?.usage !== undefined ? { usage: estimate.usage } : {}), ...(estimate?.quota !== undefined ? { quota: estimate.quota } : {}) };
}

/** Asks once for persistent storage (navigator.storage.persist); resolves to the resulting state. */
export async function requestPersistence(m = manager()): Promise<StorageState> {
  if (!m?.persist) return readStorageState(m);
  try {
    const already = await m.persisted?.();
    if (!already) await m.persist();
  } catch {
    /* the browser declined to say: report what it tells us below */
  }
  return readStorageState(m);
}
