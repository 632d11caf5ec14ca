/** Progress actions: every change is a pure update of the current learner's LearnerProgress. */
import type { StateCreator } from 'zustand';
import type { LearnerProgress } from '../domain/progress.ts';
import { emptyProgress } from '../domain/progress.ts';
import type { AppState, StoreEnv } from './store.ts';

export interface ProgressSlice {
  /** applies a pure update to the current learner's progress */
  updateProgress(fn: (p: LearnerProgress, now: number) => LearnerProgress): void;
}

export const createProgressSlice =
  (env: StoreEnv): StateCreator<AppState, [], [], ProgressSlice> =>
  (set) => ({
    updateProgress: (fn) =>
      set((s) => {
        const id = s.currentLearnerId;
        if (!id) return {};
        const now = env.now();
        const prev = s.progress[id] ?? emptyProgress(env.course.version, now);
        const next = fn(prev, now);
        if (next === prev) return {};
        return { progress: { ...s.progress, [id]: { ...next, startedAt: next.startedAt ?? now, updatedAt: now } } };
      }),
  });
