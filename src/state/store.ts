/**
 * The app's one store, combined from slices and persisted once through the storage adapter.
 * Learner data is keyed by author-written ids; the shape is versioned (see persist `version` / `migrate`).
 */
import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import type { LearnerProfile } from '../domain/learner.ts';
import { emptyProgress, type LearnerProgress } from '../domain/progress.ts';
import { openStorage, QuotaError, type KeyValueStore, type StorageKind } from '../storage/storage.ts';
import course from 'virtual:course';
import { createProgressSlice, type ProgressSlice } from './progress-slice.ts';

export const STORE_VERSION = 1;
export const STORE_KEY = `zhixing:${course.id}`;

export interface PersistedState {
  learners: Record<string, LearnerProfile>;
  currentLearnerId?: string;
  progress: Record<string, LearnerProgress>;
}

export interface SystemState {
  hydrated: boolean;
  storageKind: StorageKind | 'pending';
  /** a write failed for lack of space: shown as a banner, data stays in memory */
  quotaExceeded: boolean;
  restoredNotice?: 'recovered';
}

export interface LearnerActions {
  ensureLearner(): string;
  updateLearner(id: string, patch: Partial<Omit<LearnerProfile, 'id' | 'createdAt'>>): void;
  addLearner(profile: Omit<LearnerProfile, 'id' | 'createdAt'>): string;
  switchLearner(id: string): void;
  deleteLearner(id: string): void;
}

export type AppState = PersistedState & SystemState & LearnerActions & ProgressSlice & { set: (p: Partial<SystemState>) => void };

let storeBackend: Promise<KeyValueStore> | undefined;
export function storageBackend(): Promise<KeyValueStore> {
  return (storeBackend ??= openStorage());
}

const newId = () => (globalThis.crypto?.randomUUID?.() ?? `l-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`);

const adapter: StateStorage = {
  getItem: async (name) => {
    const s = await storageBackend();
    useStore.setState({ storageKind: s.kind });
    return s.getItem(name);
  },
  setItem: async (name, value) => {
    const s = await storageBackend();
    try {
      await s.setItem(name, value);
      if (useStore.getState().quotaExceeded) useStore.setState({ quotaExceeded: false });
    } catch (e) {
      if (e instanceof QuotaError) useStore.setState({ quotaExceeded: true });
      else throw e;
    }
  },
  removeItem: async (name) => (await storageBackend()).removeItem(name),
};

export const useStore = create<AppState>()(
  persist(
    (set, get, api) => ({
      learners: {},
      progress: {},
      hydrated: false,
      storageKind: 'pending',
      quotaExceeded: false,
      set: (p) => set(p),
      ensureLearner: () => {
        const { currentLearnerId, learners } = get();
        if (currentLearnerId && learners[currentLearnerId]) return currentLearnerId;
        const first = Object.keys(learners)[0];
        if (first) {
          set({ currentLearnerId: first });
          return first;
        }
        return get().addLearner({ name: '' });
      },
      addLearner: (profile) => {
        const id = newId();
        set((s) => ({
          learners: { ...s.learners, [id]: { ...profile, id, createdAt: Date.now() } },
          progress: { ...s.progress, [id]: emptyProgress(course.version, Date.now()) },
          currentLearnerId: id,
        }));
        return id;
      },
      updateLearner: (id, patch) =>
        set((s) => (s.learners[id] ? { learners: { ...s.learners, [id]: { ...s.learners[id]!, ...patch } } } : {})),
      switchLearner: (id) => set((s) => (s.learners[id] ? { currentLearnerId: id } : {})),
      deleteLearner: (id) =>
        set((s) => {
          const learners = { ...s.learners };
          const progress = { ...s.progress };
          delete learners[id];
          delete progress[id];
          return { learners, progress, currentLearnerId: s.currentLearnerId === id ? undefined : s.currentLearnerId };
        }),
      ...createProgressSlice(set, get, api),
    }),
    {
      name: STORE_KEY,
      version: STORE_VERSION,
      storage: createJSONStorage(() => adapter),
      partialize: (s): PersistedState => ({ learners: s.learners, currentLearnerId: s.currentLearnerId, progress: s.progress }),
      onRehydrateStorage: () => () => {
        useStore.setState({ hydrated: true });
        useStore.getState().ensureLearner();
      },
    },
  ),
);

export function currentProgress(s: AppState): LearnerProgress {
  const id = s.currentLearnerId;
  return (id && s.progress[id]) || EMPTY;
}
const EMPTY = emptyProgress(course.version);
