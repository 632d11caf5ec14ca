import { afterEach, describe, expect, it, vi } from 'vitest';
import course from 'virtual:course';
import { emptyProgress, type LearnerProgress } from '../domain/progress.ts';
import { markSectionSeen, setResume } from '../domain/progress-updates.ts';
import type { StoredState } from '../domain/restore.ts';
import { memoryStore, QuotaError, type KeyValueStore } from '../storage/storage.ts';
import { createPersistence, type PersistenceEvents } from './persistence.ts';
import { createAppStore, type AppStore } from './store.ts';

const NAME = 'zhixing:test';
const learner = (id: string) => ({ id, name: id, createdAt: 1 });
const chapter = course.chapters[0]!;
const section = chapter.sections[0]!.id;
const sectionB = chapter.sections[1]!.id;

function state(patch: Partial<StoredState> = {}, seen: Record<string, number> = {}): StoredState {
  return { learners: { l1: learner('l1') }, currentLearnerId: 'l1', progress: { l1: { ...emptyProgress(course.version), sectionsSeen: seen } }, ...patch };
}

function events(): PersistenceEvents & { log: string[]; merged: StoredState[] } {
  const log: string[] = [];
  const merged: StoredState[] = [];
  return {
    log,
    merged,
    storageKind: (k) => log.push(`kind:${k}`),
    quota: (full) => log.push(`quota:${full}`),
    recovered: () => log.push('recovered'),
    external: (s) => {
      log.push('external');
      merged.push(s);
    },
  };
}

const persistenceOn = (kv: KeyValueStore, ev = events(), delayMs?: number) =>
  createPersistence(ev, { course, open: async () => kv, pageEvents: false, ...(delayMs !== undefined ? { delayMs } : {}) });

const stored = async (kv: KeyValueStore, name = NAME) => JSON.parse((await kv.getItem(name))!) as { state: StoredState; version: number };

/** A key-value store whose writes wait until the test lets them through. */
function gatedStore() {
  const inner = memoryStore();
  let gate: Promise<void> | undefined;
  let open: (() => void) | undefined;
  let arrived: (() => void) | undefined;
  let waiting: Promise<void> = Promise.resolve();
  const kv: KeyValueStore = {
    ...inner,
    setItem: async (k, v) => {
      if (gate) {
        arrived?.();
        await gate;
      }
      return inner.setItem(k, v);
    },
  };
  return {
    kv,
    hold() {
      gate = new Promise((r) => (open = r));
      waiting = new Promise((r) => (arrived = r));
    },
    /** resolves once a write is waiting at the gate */
    held: () => waiting,
    release() {
      gate = undefined;
      open?.();
    },
  };
}

async function hydratedStore(kv: KeyValueStore, delayMs?: number): Promise<AppStore> {
  let t = 1_000;
  const store = createAppStore({ course, persistence: (ev) => createPersistence(ev, { course, open: async () => kv, pageEvents: false, ...(delayMs !== undefined ? { delayMs } : {}) }), now: () => ++t });
  await vi.waitFor(() => expect(store.getState().hydrated).toBe(true));
  return store;
}

const seenIn = (s: StoredState) => Object.keys(Object.values(s.progress)[0]?.sectionsSeen ?? {}).sort();

afterEach(() => {
  vi.useRealTimers();
});

describe('persistence', () => {
  it('merges with what another tab stored in the meantime, and hands the difference to the store', async () => {
    const kv = memoryStore();
    const ev = events();
    const p = persistenceOn(kv, ev);
    await kv.setItem(NAME, JSON.stringify({ state: state({}, { [sectionB]: 5 }), version: 2 }));
    p.storage.setItem(NAME, { state: state({}, { [section]: 7 }), version: 2 });
    await p.flush();
    expect((await stored(kv)).state.progress.l1!.sectionsSeen).toEqual({ [section]: 7, [sectionB]: 5 });
    expect(ev.merged.at(-1)!.progress.l1!.sectionsSeen).toEqual({ [section]: 7, [sectionB]: 5 });
  });

  it('tells the store nothing when storage adds nothing, whatever the order of the keys it wrote', async () => {
    const kv = memoryStore();
    const ev = events();
    const p = persistenceOn(kv, ev);
    const mine = state({}, { [section]: 7 });
    const p1 = mine.progress.l1!;
    // the same progress with its keys in another order, as a merge writes them
    const reordered = { ...mine, progress: { l1: { resume: { chapter: chapter.id }, startedAt: 3, ...p1 } } };
    await kv.setItem(NAME, JSON.stringify({ state: { ...mine, progress: { l1: { ...p1, startedAt: 3, resume: { chapter: chapter.id } } } }, version: 2 }));
    p.storage.setItem(NAME, { state: reordered, version: 2 });
    await p.flush();
    expect(ev.log).not.toContain('external');
  });

  it('keeps an action taken while a write is in flight, in memory and in storage (the lost-update race)', async () => {
    const { kv, hold, held, release } = gatedStore();
    const store = await hydratedStore(kv);
    const act = (fn: (p: LearnerProgress, now: number) => LearnerProgress) => store.getState().updateProgress(fn);
    await store.flush(); // the new learner is stored
    // the chapter page sets the resume point before anything else has happened, so the learner's progress
    // holds its keys in another order than a merge writes them
    act((p) => setResume(p, chapter.id, section));
    hold();
    act((p, now) => markSectionSeen(p, section, now));
    const first = store.flush();
    await held(); // the first write is under way, its snapshot taken
    act((p, now) => markSectionSeen(p, sectionB, now));
    release();
    await first;
    await store.flush();
    const expected = [section, sectionB].sort();
    expect(seenIn(store.getState())).toEqual(expected);
    expect(seenIn((await stored(kv, store.key)).state)).toEqual(expected);
  });

  it('writes a discrete action at once, with no debounce, and lets continuous time wait for it', async () => {
    const kv = memoryStore();
    const writes = vi.spyOn(kv, 'setItem');
    const store = await hydratedStore(kv, 60_000);
    await store.flush();
    writes.mockClear();
    store.getState().updateProgress((p) => ({ ...p, time: { ...p.time, [chapter.id]: 5_000 } }));
    await new Promise((r) => setTimeout(r, 50));
    expect(writes).not.toHaveBeenCalled();
    store.getState().updateProgress((p, now) => markSectionSeen(p, section, now));
    await vi.waitFor(() => expect(writes).toHaveBeenCalled(), { timeout: 2_000 });
    await store.flush();
    const p = Object.values((await stored(kv, store.key)).state.progress)[0]!;
    expect(p.sectionsSeen[section]).toBeDefined();
    expect(p.time[chapter.id]).toBe(5_000);
  });

  it('never takes a failed read for an empty store: it keeps the action and writes it when storage answers', async () => {
    const inner = memoryStore();
    await inner.setItem(NAME, JSON.stringify({ state: { ...state({}, { [sectionB]: 5 }), learners: { l1: learner('l1'), other: learner('other') } }, version: 2 }));
    let failing = true;
    const kv: KeyValueStore = { ...inner, getItem: async (k) => (failing ? Promise.reject(new Error('read failed')) : inner.getItem(k)) };
    const p = persistenceOn(kv, events(), 5);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    p.storage.setItem(NAME, { state: state({}, { [section]: 7 }), version: 2 });
    await p.flush();
    // nothing was overwritten: the other tab's learner is still there
    expect(Object.keys((await stored(inner)).state.learners)).toEqual(['l1', 'other']);
    failing = false;
    await vi.waitFor(async () => expect((await stored(inner)).state.progress.l1!.sectionsSeen).toEqual({ [section]: 7, [sectionB]: 5 }));
    expect(Object.keys((await stored(inner)).state.learners).sort()).toEqual(['l1', 'other']);
    error.mockRestore();
  });

  it('turns a full quota into state, not an exception, and clears it when a write succeeds again', async () => {
    let full = true;
    const inner = memoryStore();
    const kv: KeyValueStore = { ...inner, setItem: async (k, v) => (full ? Promise.reject(new QuotaError(new Error('full'))) : inner.setItem(k, v)) };
    const ev = events();
    const p = persistenceOn(kv, ev);
    p.storage.setItem(NAME, { state: state(), version: 2 });
    await p.flush();
    expect(ev.log).toContain('quota:true');
    full = false;
    p.storage.setItem(NAME, { state: state({}, { [section]: 1 }), version: 2 });
    await p.flush();
    expect(ev.log.at(-1)).toBe('quota:false');
  });

  it('keeps a backup of unreadable data and reports the recovery', async () => {
    const kv = memoryStore();
    await kv.setItem(NAME, '{not json');
    const ev = events();
    const p = persistenceOn(kv, ev);
    const read = await p.storage.getItem(NAME);
    expect(read?.state.learners).toEqual({});
    expect(await kv.getItem(`${NAME}:backup`)).toBe('{not json');
    expect(ev.log).toContain('recovered');
  });

  it('folds back the page-hide journal when the asynchronous write never landed', async () => {
    const kv = memoryStore();
    const p = createPersistence(events(), { course, open: async () => kv, delayMs: 60_000 });
    // a continuous change waits for its debounce; the page hides first
    p.storage.setItem(NAME, { state: state({}, { [section]: 3 }), version: 2 });
    p.storage.setItem(NAME, { state: { ...state({}, { [section]: 3 }) }, version: 2 });
    window.dispatchEvent(new Event('pagehide'));
    expect(localStorage.getItem(`${NAME}:journal`)).toContain(section);
    // a fresh page: the store never got the write, the journal has it
    await p.flush();
    await kv.removeItem(NAME);
    localStorage.setItem(`${NAME}:journal`, JSON.stringify({ state: state({}, { [section]: 3 }), version: 2 }));
    const again = persistenceOn(kv);
    const read = await again.storage.getItem(NAME);
    expect(read?.state.progress.l1?.sectionsSeen).toEqual({ [section]: 3 });
    localStorage.clear();
  });

  it('reports which storage it ended up with', async () => {
    const ev = events();
    const p = persistenceOn(memoryStore(), ev);
    await p.storage.getItem(NAME);
    expect(ev.log).toContain('kind:memory');
  });
});

describe('the store on a device whose first read fails', () => {
  it('tries the read again before showing the learner an empty course', async () => {
    const inner = memoryStore();
    const seed = createAppStore({ course, persistence: (ev) => createPersistence(ev, { course, open: async () => inner, pageEvents: false }) });
    await vi.waitFor(() => expect(seed.getState().hydrated).toBe(true));
    const id = seed.getState().currentLearnerId!;
    seed.getState().updateProgress((p, now) => markSectionSeen(p, section, now));
    await seed.flush();
    seed.dispose();
    let failures = 2;
    const kv: KeyValueStore = { ...inner, getItem: async (k) => (failures-- > 0 ? Promise.reject(new Error('read failed')) : inner.getItem(k)) };
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const store = await hydratedStore(kv);
    expect(store.getState().currentLearnerId).toBe(id);
    expect(Object.keys(store.getState().learners)).toEqual([id]);
    expect(store.getState().progress[id]!.sectionsSeen[section]).toBeDefined();
    store.dispose();
    error.mockRestore();
  });
});

describe('the early write of a discrete action', () => {
  /** a store that can write at once, as IndexedDB does with IDBTransaction.commit */
  function committingStore() {
    const inner = memoryStore();
    const kv: KeyValueStore = {
      ...inner,
      putNow: (k, v) => {
        const before = inner.getItem(k);
        const done = before.then(async (b) => {
          await inner.setItem(k, v);
          return b;
        });
        return done;
      },
    };
    return { kv, inner };
  }

  it("puts the action at once and merges back another tab's write that it replaced", async () => {
    const { kv, inner } = committingStore();
    const puts = vi.spyOn(kv, 'putNow');
    const store = await hydratedStore(kv, 60_000);
    const id = store.getState().currentLearnerId!;
    store.getState().updateProgress((p, now) => markSectionSeen(p, section, now));
    await store.flush();
    // another tab writes a learner of its own, unannounced
    const theirs = JSON.parse((await inner.getItem(store.key))!) as { state: StoredState; version: number };
    theirs.state.learners.other = learner('other');
    theirs.state.progress.other = { ...emptyProgress(course.version), sectionsSeen: { [sectionB]: 9 } };
    await inner.setItem(store.key, JSON.stringify(theirs));
    puts.mockClear();
    store.getState().updateProgress((p, now) => markSectionSeen(p, sectionB, now));
    expect(puts).toHaveBeenCalledTimes(1); // from inside the action, before any await
    await vi.waitFor(async () => {
      await store.flush();
      const now = (await stored(inner, store.key)).state;
      expect(now.learners.other).toBeDefined();
      expect(now.progress.other!.sectionsSeen[sectionB]).toBe(9);
      expect(Object.keys(now.progress[id]!.sectionsSeen).sort()).toEqual([section, sectionB].sort());
    });
    store.dispose();
  });
});
