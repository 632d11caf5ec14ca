/**
 * The app's one store, combined from slices and persisted once (see persistence.ts).
 * Learner data is keyed by author-written ids; the stored shape is versioned (domain/migrations.ts).
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import course from 'virtual:course';
import type { LearnerProfile } from '../domain/learner.ts';
import { CURRENT_VERSION } from '../domain/migrations.ts';
import { emptyProgress, type LearnerProgress } from '../domain/progress.ts';
import type { StoredState } from '../domain/restore.ts';
import type { StorageState } from '../storage/durability.ts';
import type { StorageKind } from '../storage/storage.ts';
import { createPersistence } from './persistence.ts';
import { createLearnersSlice } from './learners-slice.ts';
import { createProgressSlice, type ProgressSlice } from './progress-slice.ts';

export const STORE_KEY = `zhixing:${course.id}`;

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
}


export type AppState = PersistedState & SystemState & LearnerActions & ProgressSlice & { set: (p: Partial<SystemState>) => void };

const persistence = createPersistence({
  storageKind: (kind) => useStore.setState({ storageKind: kind }),
  quota: (full) => {
    if (useStore.getState().quotaExceeded !== full) useStore.setState({ quotaExceeded: full });
  },
  recovered: () => useStore.setState({ restoredNotice: 'recovered' }),
  external: (state) => useStore.setState({ learners: state.learners, progress: state.progress, removed: state.removed, currentLearnerId: state.currentLearnerId }),
});

/** Writes pending progress now (tests, and before leaving the page). */
export const flushProgress = () => persistence.flush();

const pick = (s: PersistedState): PersistedState => ({
  learners: s.learners,
  progress: s.progress,
  ...(s.currentLearnerId ? { currentLearnerId: s.currentLearnerId } : {}),
  ...(s.removed?.length ? { removed: s.removed } : {}),
});

export const useStore = create<AppState>()(
  persist(
    (set, get, api) => ({
      learners: {},
      progress: {},
      hydrated: false,
      storageKind: 'pending',
      quotaExceeded: false,
      set: (p) => set(p),
      ...createLearnersSlice(() => persistence.dropBackup(STORE_KEY))(set, get, api),
      ...createProgressSlice(set, get, api),
    }),
    {
      name: STORE_KEY,
      version: CURRENT_VERSION,
      storage: persistence.storage,
      partialize: (s) => pick(s) as AppState,
      merge: (persisted, current) => ({ ...current, ...(persisted as PersistedState) }),
      onRehydrateStorage: () => () => {
        useStore.setState({ hydrated: true });
        useStore.getState().ensureLearner();
        persistence.listen(STORE_KEY, () => pick(useStore.getState()));
      },
    },
  ),
);

export function currentProgress(s: AppState): LearnerProgress {
  const id = s.currentLearnerId;
  return (id && s.progress[id]) || EMPTY;
}
const EMPTY = emptyProgress(course.version);
