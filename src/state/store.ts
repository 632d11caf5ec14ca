/**
 * The app's store: slices combined and persisted once. It is made by `createAppStore` with its course manifest
 * and its persistence passed in, so the app, an LMS runtime, an LRS outbox and tests each plug in what they need;
 * React components reach it through `StoreProvider` and `useStore`.
 * Learner data is keyed by author-written ids; the stored shape is versioned (domain/migrations.ts).
 */
import { createContext, createElement, useContext, type ReactNode } from 'react';
import { useStore as useZustand } from 'zustand';
import { persist } from 'zustand/middleware';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CourseManifest } from '../domain/course.ts';
import type { LearnerProfile } from '../domain/learner.ts';
import { CURRENT_VERSION } from '../domain/migrations.ts';
import { emptyProgress, type LearnerProgress } from '../domain/progress.ts';
import type { StoredState } from '../domain/restore.ts';
import type { ImportedLearner } from '../domain/transfer.ts';
import type { StorageState } from '../storage/durability.ts';
import type { StorageKind } from '../storage/storage.ts';
import { createLearnersSlice } from './learners-slice.ts';
import { nullPersistence, type Persistence, type PersistenceFactory } from './persistence.ts';
import { createProgressSlice, type ProgressSlice } from './progress-slice.ts';

export type PersistedState = StoredState;

export interface SystemState {
  hydrated: boolean;
  storageKind: StorageKind | 'pending';
  /** a write failed for lack of space: shown as a banner, data stays in memory */
  quotaExceeded: boolean;
  restoredNotice?: 'recovered';
  /** a new app version is waiting; apply() reloads into it */
  update?: { apply(): Promise<void> };
  durability?: StorageState;
}

export interface LearnerActions {
  ensureLearner(): string;
  updateLearner(id: string, patch: Partial<Omit<LearnerProfile, 'id' | 'createdAt'>>): void;
  addLearner(profile: Omit<LearnerProfile, 'id' | 'createdAt'>): string;
  switchLearner(id: string): void;
  deleteLearner(id: string): void;
  /** applies a learner read from a transfer file whole, in one write, and makes them current */
  importLearner(imported: ImportedLearner): Promise<void>;
}

export type AppState = PersistedState & SystemState & LearnerActions & ProgressSlice & { set: (p: Partial<SystemState>) => void };

/** What the slices need from outside: the course, the clock and new ids (injected, so tests control them). */
export interface StoreEnv {
  course: CourseManifest;
  now(): number;
  newId(): string;
}

export interface StoreOptions extends Partial<Omit<StoreEnv, 'course'>> {
  course: CourseManifest;
  /** where learner data is kept; default: nowhere (tests, previews) */
  persistence?: PersistenceFactory;
}

export type AppStore = StoreApi<AppState> & {
  /** writes pending progress now (before leaving the page, before an update reloads) */
  flush(): Promise<void>;
  /** stops listening to other tabs and the page (a store that is replaced, in tests) */
  dispose(): void;
  readonly key: string;
  readonly course: CourseManifest;
};

export const storeKey = (course: Pick<CourseManifest, 'id'>) => `zhixing:${course.id}`;

const randomId = () => globalThis.crypto?.randomUUID?.() ?? `l-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

const pick = (s: PersistedState): PersistedState => ({
  learners: s.learners,
  progress: s.progress,
  ...(s.currentLearnerId ? { currentLearnerId: s.currentLearnerId } : {}),
  ...(s.removed?.length ? { removed: s.removed } : {}),
});

export function createAppStore(options: StoreOptions): AppStore {
  const env: StoreEnv = { course: options.course, now: options.now ?? Date.now, newId: options.newId ?? randomId };
  const key = storeKey(options.course);
  // the merge rules load with the first read; `external` only ever fires after one
  let mergeStates: ((mine: StoredState, stored: StoredState) => StoredState) | undefined;
  void import('../domain/merge.ts').then((m) => (mergeStates = m.mergeStates));

  const persistence: Persistence = (options.persistence ?? nullPersistence())({
    storageKind: (kind) => store.setState({ storageKind: kind }),
    quota: (full) => {
      if (store.getState().quotaExceeded !== full) store.setState({ quotaExceeded: full });
    },
    recovered: () => store.setState({ restoredNotice: 'recovered' }),
    // merged into what the store holds *now*, never swapped in for it: nothing done meanwhile is lost
    external: (incoming) => {
      const apply = (merge: NonNullable<typeof mergeStates>) =>
        store.setState((s) => {
          const merged = merge(pick(s), incoming);
          return { learners: merged.learners, progress: merged.progress, removed: merged.removed, currentLearnerId: merged.currentLearnerId };
        });
      if (mergeStates) apply(mergeStates);
      else void import('../domain/merge.ts').then((m) => apply(m.mergeStates));
    },
  });

  let readTries = 0;
  const store = createStore<AppState>()(
    persist(
      (set, get, api) => ({
        learners: {},
        progress: {},
        hydrated: false,
        storageKind: 'pending',
        quotaExceeded: false,
        set: (p) => set(p),
        ...createLearnersSlice(env, () => persistence.dropBackup(key))(set, get, api),
        ...createProgressSlice(env)(set, get, api),
      }),
      {
        name: key,
        version: CURRENT_VERSION,
        storage: persistence.storage,
        partialize: (s) => pick(s) as AppState,
        // what storage holds joins what the learner may already have done in this page
        merge: (persisted, current) => {
          const stored = persisted as PersistedState | undefined;
          if (!stored) return current;
          const merged = mergeStates ? mergeStates(pick(current), stored) : stored;
          return { ...current, ...merged };
        },
        onRehydrateStorage: () => (_state, error) => {
          // a read that failed is tried again before the learner is shown an empty course: their data is there
          if (error && readTries++ < 3) {
            setTimeout(() => void store.persist.rehydrate(), 100 * readTries);
            return;
          }
          if (store.getState().hydrated) return;
          store.setState({ hydrated: true });
          store.getState().ensureLearner();
          persistence.listen(key);
        },
      },
    ),
  );
  return Object.assign(store, { flush: () => persistence.flush(), dispose: () => persistence.dispose(), key, course: options.course });
}

const StoreContext = createContext<AppStore | null>(null);

export function StoreProvider({ store, children }: { store: AppStore; children?: ReactNode }) {
  return createElement(StoreContext.Provider, { value: store }, children);
}

/** The store this part of the page runs on. */
export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore needs a <StoreProvider> around the app');
  return store;
}

/** Reads a slice of the store and re-renders when it changes. */
export function useStore<T>(selector: (s: AppState) => T): T {
  return useZustand(useAppStore(), selector);
}

const EMPTY = emptyProgress('');

export function currentProgress(s: AppState): LearnerProgress {
  const id = s.currentLearnerId;
  return (id && s.progress[id]) || EMPTY;
}
