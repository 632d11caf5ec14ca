/**
 * How the store reaches storage: forgiving reads (migrate, restore, keep a backup of anything unreadable),
 * debounced writes flushed when the page is hidden, merge-on-write so two tabs never overwrite each other,
 * and a broadcast so other tabs pick up the change.
 */
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import course from 'virtual:course';
import { CURRENT_VERSION } from '../domain/migrations.ts';
import type { StoredState } from '../domain/restore.ts';
import { openStorage, QuotaError, type KeyValueStore, type StorageKind } from '../storage/storage.ts';

export interface PersistenceEvents {
  storageKind(kind: StorageKind): void;
  quota(full: boolean): void;
  recovered(): void;
  /** another tab (or a merge) produced a state this tab does not have yet */
  external(state: StoredState): void;
}

const WRITE_DELAY_MS = 120;

// restore, migrations and merging load with the first read, off the entry chunk
const rules = () =>
  Promise.all([import('../domain/restore.ts'), import('../domain/migrations.ts'), import('../domain/merge.ts')]).then(([r, m, g]) => ({
    restoreState: r.restoreState,
    migrate: m.migrate,
    mergeStates: g.mergeStates,
  }));

export function createPersistence(events: PersistenceEvents, open: () => Promise<KeyValueStore> = () => openStorage()) {
  let backend: Promise<KeyValueStore> | undefined;
  const kv = () =>
    (backend ??= open().then((s) => {
      events.storageKind(s.kind);
      return s;
    }));
  let pending: { name: string; value: StorageValue<StoredState> } | undefined;
  /** the write under way: journaled too if the page hides before it lands */
  let inflight: typeof pending;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();
  const channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(`zhixing:${course.id}`) : undefined;

  const journalKey = (name: string) => `${name}:journal`;

  /**
   * The page-hide journal: a hidden page may be discarded before an asynchronous IndexedDB write starts, so the
   * latest state is also written synchronously to localStorage, and folded back in on the next read.
   */
  function writeJournal(name: string, value: StorageValue<StoredState>) {
    try {
      globalThis.localStorage?.setItem(journalKey(name), JSON.stringify(value));
    } catch {
      /* no localStorage or no room: the asynchronous write is all we have */
    }
  }

  function readJournal(name: string): unknown {
    try {
      const j = globalThis.localStorage?.getItem(journalKey(name));
      return j ? (JSON.parse(j) as { state?: unknown }).state : undefined;
    } catch {
      return undefined;
    }
  }

  function clearJournal(name: string) {
    try {
      globalThis.localStorage?.removeItem(journalKey(name));
    } catch {
      /* nothing to clear */
    }
  }

  async function read(name: string): Promise<{ state: StoredState; raw: string } | null> {
    const stored = await readStored(name);
    const journal = readJournal(name);
    if (journal === undefined) return stored;
    const { restoreState, mergeStates } = await rules();
    const j = restoreState(journal, course).state;
    return { state: stored ? mergeStates(j, stored.state) : j, raw: stored?.raw ?? '' };
  }

  async function readStored(name: string): Promise<{ state: StoredState; raw: string } | null> {
    const s = await kv();
    const { restoreState, migrate } = await rules();
    const raw = await s.getItem(name);
    if (raw === null) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      await keepBackup(s, name, raw);
      return { state: restoreState(undefined, course).state, raw };
    }
    const envelope = typeof parsed === 'object' && parsed !== null ? (parsed as { state?: unknown; version?: unknown }) : {};
    const version = typeof envelope.version === 'number' ? envelope.version : 0;
    const report = restoreState(migrate(envelope.state, version), course);
    if (report.damaged) await keepBackup(s, name, raw);
    return { state: report.state, raw };
  }

  async function keepBackup(s: KeyValueStore, name: string, raw: string) {
    try {
      await s.setItem(`${name}:backup`, raw);
    } catch {
      /* no room for a backup: the original stays where it was until the next write */
    }
    events.recovered();
  }

  async function write(name: string, value: StorageValue<StoredState>) {
    const s = await kv();
    const { mergeStates } = await rules();
    const stored = await read(name).catch(() => null);
    const merged = stored ? mergeStates(value.state, stored.state) : value.state;
    const text = JSON.stringify({ state: merged, version: CURRENT_VERSION });
    if (stored?.raw === text) return clearJournal(name);
    try {
      await s.setItem(name, text);
      clearJournal(name);
      events.quota(false);
    } catch (e) {
      if (e instanceof QuotaError) {
        events.quota(true);
        return;
      }
      throw e;
    }
    if (JSON.stringify(merged) !== JSON.stringify(value.state)) events.external(merged);
    channel?.postMessage({ type: 'written', name });
  }

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const job = pending;
    pending = undefined;
    if (job) {
      inflight = job;
      writing = writing
        .then(() => write(job.name, job.value))
        .catch((e) => console.error('progress write failed', e))
        .finally(() => {
          if (inflight === job) inflight = undefined;
        });
    }
    return writing;
  }

  const hide = () => {
    const latest = pending ?? inflight;
    if (latest) writeJournal(latest.name, latest.value);
    void flush();
  };
  if (typeof window !== 'undefined') {
    // a hidden page may be killed without warning: journal synchronously, then write
    window.addEventListener('pagehide', hide);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') hide();
    });
  }

  const storage: PersistStorage<StoredState> = {
    getItem: async (name) => {
      const r = await read(name);
      return r ? { state: r.state, version: CURRENT_VERSION } : null;
    },
    setItem: (name, value) => {
      pending = { name, value };
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), WRITE_DELAY_MS);
    },
    removeItem: async (name) => (await kv()).removeItem(name),
  };

  /** Reads what other tabs wrote and hands it over (merged with what this tab has not written yet). */
  function listen(name: string, mine: () => StoredState) {
    channel?.addEventListener('message', (e: MessageEvent<{ type: string; name: string }>) => {
      if (e.data?.type !== 'written' || e.data.name !== name) return;
      void Promise.all([read(name), rules()]).then(([r, { mergeStates }]) => {
        if (!r) return;
        const local = pending ? mergeStates(pending.value.state, r.state) : r.state;
        // learners deleted in another tab stay deleted: the stored list is the truth for who exists
        const merged = mergeStates(pickLearners(mine(), Object.keys(r.state.learners)), local);
        if (JSON.stringify(merged) !== JSON.stringify(mine())) events.external(merged);
      });
    });
  }

  /** Forgets the backup of unreadable data (it may hold a deleted learner's records). */
  async function dropBackup(name: string) {
    await (await kv()).removeItem(`${name}:backup`);
  }

  return { storage, flush, listen, dropBackup };
}

function pickLearners(s: StoredState, ids: string[]): StoredState {
  const keep = new Set(ids);
  return {
    learners: Object.fromEntries(Object.entries(s.learners).filter(([id]) => keep.has(id))),
    progress: Object.fromEntries(Object.entries(s.progress).filter(([id]) => keep.has(id))),
    ...(s.currentLearnerId && keep.has(s.currentLearnerId) ? { currentLearnerId: s.currentLearnerId } : {}),
  };
}
