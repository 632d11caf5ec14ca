/**
 * Where learner data lives. The only module that imports localforage.
 * Chain: IndexedDB (durable) → localStorage (durable, small) → memory (lost when the tab closes).
 */

export type StorageKind = 'indexeddb' | 'localstorage' | 'memory';

export interface KeyValueStore {
  readonly kind: StorageKind;
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
  /**
   * Writes at once, from inside the caller's event handler, and commits without waiting for this page's event
   * loop (IDBTransaction.commit): a busy page (a long render after a click) cannot delay durability. Resolves
   * with what the key held just before. Only where the backend can; undefined until it is ready.
   */
  putNow?(key: string, value: string): Promise<string | null> | undefined;
}

/** Thrown by setItem when the browser refuses the write for lack of space. */
export class QuotaError extends Error {
  constructor(cause: unknown) {
    super('storage quota exceeded', { cause });
    this.name = 'QuotaError';
  }
}

function isQuota(e: unknown): boolean {
  const err = e as { name?: string; code?: number } | null;
  return !!err && (err.name === 'QuotaExceededError' || err.name === 'NS_ERROR_DOM_QUOTA_REACHED' || err.code === 22);
}

async function guard<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    throw isQuota(e) ? new QuotaError(e) : e;
  }
}

export function memoryStore(): KeyValueStore {
  const m = new Map<string, string>();
  return {
    kind: 'memory',
    getItem: async (k) => m.get(k) ?? null,
    setItem: async (k, v) => void m.set(k, v),
    removeItem: async (k) => void m.delete(k),
  };
}

function localStorageStore(ls: Storage): KeyValueStore {
  return {
    kind: 'localstorage',
    getItem: async (k) => ls.getItem(k),
    setItem: (k, v) => guard(async () => ls.setItem(k, v)),
    removeItem: async (k) => ls.removeItem(k),
  };
}

async function indexedDbStore(name: string): Promise<KeyValueStore> {
  // loaded on demand: keeps the entry chunk small; the home page renders while it arrives
  const { default: localforage } = await import('localforage');
  const db = localforage.createInstance({ name, storeName: 'learners', driver: localforage.INDEXEDDB });
  // a second connection to the same database and object store, for writes that cannot wait (see putNow)
  let raw: IDBDatabase | undefined;
  const openRaw = () => {
    const req = indexedDB.open(name);
    req.onsuccess = () => {
      const conn = req.result;
      if (!conn.objectStoreNames.contains('learners')) return conn.close();
      // never block an upgrade localforage asks for
      conn.onversionchange = () => {
        conn.close();
        raw = undefined;
      };
      raw = conn;
    };
  };
  return {
    kind: 'indexeddb',
    getItem: (k) => db.getItem<string>(k),
    setItem: (k, v) => guard(async () => {
      await db.setItem(k, v);
      if (!raw) openRaw();
    }),
    removeItem: (k) => db.removeItem(k),
    putNow: (k, v) => {
      if (!raw) return undefined;
      let tx: IDBTransaction;
      try {
        tx = raw.transaction('learners', 'readwrite');
      } catch {
        raw = undefined;
        return undefined;
      }
      const store = tx.objectStore('learners');
      const before = store.get(k);
      store.put(v, k);
      tx.commit?.();
      return new Promise<string | null>((resolve, reject) => {
        tx.oncomplete = () => resolve(typeof before.result === 'string' ? before.result : null);
        tx.onerror = tx.onabort = () => reject(isQuota(tx.error) ? new QuotaError(tx.error) : tx.error ?? new Error('write aborted'));
      });
    },
  };
}

async function works(store: KeyValueStore): Promise<boolean> {
  try {
    const probe = '__zhixing_probe__';
    await store.setItem(probe, '1');
    const ok = (await store.getItem(probe)) === '1';
    await store.removeItem(probe);
    return ok;
  } catch {
    return false;
  }
}

/** Opens the most durable store this browser allows. Never throws: the last resort is memory. */
export async function openStorage(name = 'zhixing', env: { indexedDB?: unknown; localStorage?: Storage } = globalThis): Promise<KeyValueStore> {
  if (env.indexedDB) {
    try {
      const idb = await indexedDbStore(name);
      if (await works(idb)) return idb;
    } catch {
      /* IndexedDB blocked (private mode, policy): fall through */
    }
  }
  try {
    if (env.localStorage) {
      const ls = localStorageStore(env.localStorage);
      if (await works(ls)) return ls;
    }
  } catch {
    /* localStorage access can throw when storage is disabled */
  }
  return memoryStore();
}
