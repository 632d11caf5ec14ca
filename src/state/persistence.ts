/**
 * How the store reaches storage: forgiving reads (migrate, restore, keep a backup of anything unreadable),
 * discrete learner actions written at once and continuous ones (active time, the reading position) debounced,
 * writes flushed when the page is hidden, merge-on-write so two tabs never overwrite each other, and a broadcast
 * so other tabs pick up the change.
 *
 * What comes back from storage or another tab is handed to the store as `external`, and the store merges it into
 * its *current* state: a write that started from an older snapshot can never erase what the learner did while it
 * was in flight.
 */
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { sameData } from '../domain/canonical.ts';
import { isContinuousChange } from '../domain/change-kind.ts';
import type { CourseManifest } from '../domain/course.ts';
import { CURRENT_VERSION } from '../domain/migrations.ts';
import type { StoredState } from '../domain/restore.ts';
import { openStorage, QuotaError, type KeyValueStore, type StorageKind } from '../storage/storage.ts';

export interface PersistenceEvents {
  storageKind(kind: StorageKind): void;
  quota(full: boolean): void;
  recovered(): void;
  /** storage or another tab holds something this tab does not have yet: merge it into the current state */
  external(state: StoredState): void;
}

/** What the store needs from its persistence: the zustand storage, and the hooks around it. */
export interface Persistence {
  storage: PersistStorage<StoredState>;
  /** writes whatever is pending now; resolves when it has landed */
  flush(): Promise<void>;
  /** starts picking up what other tabs write */
  listen(name: string): void;
  /** forgets the backup of unreadable data (it may hold a deleted learner's records) */
  dropBackup(name: string): Promise<void>;
  /** stops listening to other tabs and to the page */
  dispose(): void;
}

export type PersistenceFactory = (events: PersistenceEvents) => Persistence;

export interface PersistenceOptions {
  course: CourseManifest;
  open?: () => Promise<KeyValueStore>;
  /** ms a continuous change waits for more before it is written */
  delayMs?: number;
  /** listens to page hide (default: when there is a window) */
  pageEvents?: boolean;
}

const WRITE_DELAY_MS = 120;

// restore, migrations and merging load with the first read, off the entry chunk
const rules = () =>
  Promise.all([import('../domain/restore.ts'), import('../domain/migrations.ts'), import('../domain/merge.ts')]).then(([r, m, g]) => ({
    restoreState: r.restoreState,
    migrate: m.migrate,
    mergeStates: g.mergeStates,
  }));

export function createPersistence(events: PersistenceEvents, options: PersistenceOptions): Persistence {
  const { course } = options;
  const open = options.open ?? (() => openStorage());
  const delay = options.delayMs ?? WRITE_DELAY_MS;
  let backend: Promise<KeyValueStore> | undefined;
  const kv = () =>
    (backend ??= open().then((s) => {
      events.storageKind(s.kind);
      return s;
    }));
  let pending: { name: string; value: StorageValue<StoredState> } | undefined;
  /** the write under way: journaled too if the page hides before it lands */
  let inflight: typeof pending;
  /** the last state handed to setItem, to tell a discrete change from a continuous one */
  let lastQueued: StoredState | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let writing: Promise<void> = Promise.resolve();
  /**
   * What storage holds, as this tab last wrote it. When storage still holds exactly that text, the next write
   * merges with it without parsing and restoring it again: the write path stays short for a discrete action.
   */
  let known: { name: string; state: StoredState; raw: string } | undefined;
  /** what an early write (putNow) replaced when it was not what this tab knew: merged in by the next write */
  const overwritten: string[] = [];
  /** the storage backend once open, and the merge rules once loaded: an early write needs both at once */
  let ready: { kv: KeyValueStore; mergeStates: (mine: StoredState, stored: StoredState) => StoredState } | undefined;
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
    // a read that fails is never taken for "nothing stored": writing then would erase another tab's work
    ready = { kv: s, mergeStates };
    const same = !overwritten.length && known?.name === name && readJournal(name) === undefined && (await s.getItem(name)) === known.raw;
    const stored = same && known ? known : await read(name);
    let merged = stored ? mergeStates(value.state, stored.state) : value.state;
    // another tab's write that an early write replaced: its data joins this write
    for (const text of overwritten.splice(0)) {
      const { restoreState, migrate } = await rules();
      try {
        const env = JSON.parse(text) as { state?: unknown; version?: number };
        merged = mergeStates(merged, restoreState(migrate(env.state, env.version ?? 0), course).state);
      } catch {
        /* unreadable: the backup of the read path keeps such data */
      }
    }
    const text = JSON.stringify({ state: merged, version: CURRENT_VERSION });
    if (stored?.raw === text) return clearJournal(name);
    known = undefined;
    try {
      await s.setItem(name, text);
      known = { name, state: merged, raw: text };
      clearJournal(name);
      events.quota(false);
    } catch (e) {
      if (e instanceof QuotaError) {
        events.quota(true);
        return;
      }
      throw e;
    }
    // storage held something this snapshot lacked (another tab's work): the store merges it into what it has now
    if (!sameData(merged, value.state)) events.external(merged);
    channel?.postMessage({ type: 'written', name });
  }

  /** Chains one write; it takes whatever is pending when its turn comes, so queued changes coalesce. */
  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!pending) return writing;
    writing = writing
      .then(async () => {
        const job = pending;
        pending = undefined;
        if (!job) return;
        inflight = job;
        try {
          await write(job.name, job.value);
          failures = 0;
        } catch (e) {
          // kept and tried again (a newer pending state supersedes it): a failed write never drops an action
          pending ??= job;
          failures++;
          console.error('progress write failed', e);
          if (!retry) retry = setTimeout(() => ((retry = undefined), void flush()), Math.min(30_000, delay * 2 ** failures));
        } finally {
          if (inflight === job) inflight = undefined;
        }
      });
    return writing;
  }

  const hide = () => {
    const latest = pending ?? inflight;
    if (latest) writeJournal(latest.name, latest.value);
    void flush();
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') hide();
  };
  const pageEvents = options.pageEvents ?? typeof window !== 'undefined';
  if (pageEvents) {
    // a hidden page may be killed without warning: journal synchronously, then write
    window.addEventListener('pagehide', hide);
    document.addEventListener('visibilitychange', onVisibility);
  }

  const storage: PersistStorage<StoredState> = {
    getItem: async (name) => {
      const r = await read(name);
      return r ? { state: r.state, version: CURRENT_VERSION } : null;
    },
    setItem: (name, value) => {
      const continuous = isContinuousChange(lastQueued, value.state);
      lastQueued = value.state;
      pending = { name, value };
      if (!continuous) {
        // a discrete action is durable at once: no debounce between the learner's click and the write
        writeNow(name, value);
        void flush();
        return;
      }
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), delay);
    },
    removeItem: async (name) => (await kv()).removeItem(name),
  };

  /**
   * The early write: from inside the learner's click, this tab's state merged with what it last wrote is put and
   * committed at once. The regular write that follows checks storage, merges and tells the store as always; if the
   * early write replaced another tab's newer data, that data is merged back in by it.
   */
  function writeNow(name: string, value: StorageValue<StoredState>) {
    if (!ready || known?.name !== name) return;
    const base = known;
    const merged = ready.mergeStates(value.state, base.state);
    const text = JSON.stringify({ state: merged, version: CURRENT_VERSION });
    const put = ready.kv.putNow?.(name, text);
    if (!put) return;
    known = { name, state: merged, raw: text };
    put.then(
      (before) => {
        if (before !== base.raw && before !== null) {
          overwritten.push(before);
          known = undefined;
          pending ??= { name, value };
          void flush();
          return;
        }
        clearJournal(name);
        if (!sameData(merged, value.state)) events.external(merged);
        channel?.postMessage({ type: 'written', name });
      },
      () => {
        // the regular write tries again and reports a full quota
        known = undefined;
      },
    );
  }

  /** Reads what other tabs wrote and hands it to the store, which merges it into its current state. */
  function listen(name: string) {
    channel?.addEventListener('message', (e: MessageEvent<{ type: string; name: string }>) => {
      if (e.data?.type !== 'written' || e.data.name !== name) return;
      void read(name).then((r) => {
        if (r) events.external(r.state);
      });
    });
  }

  async function dropBackup(name: string) {
    await (await kv()).removeItem(`${name}:backup`);
  }

  function dispose() {
    channel?.close();
    if (retry) clearTimeout(retry);
    if (pageEvents) {
      window.removeEventListener('pagehide', hide);
      document.removeEventListener('visibilitychange', onVisibility);
    }
  }

  return { storage, flush, listen, dropBackup, dispose };
}

/** A persistence that keeps nothing: for tests and previews that must not touch the device's storage. */
export function nullPersistence(): PersistenceFactory {
  return (events) => {
    queueMicrotask(() => events.storageKind('memory'));
    return {
      storage: { getItem: async () => null, setItem: () => undefined, removeItem: async () => undefined },
      flush: async () => undefined,
      listen: () => undefined,
      dropBackup: async () => undefined,
      dispose: () => undefined,
    };
  };
}
