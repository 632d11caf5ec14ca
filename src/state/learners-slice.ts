/** Learners on the device: who is learning, adding, switching, editing and deleting (with a tombstone). */
import type { StateCreator } from 'zustand';
import { emptyProgress } from '../domain/progress.ts';
import type { AppState, LearnerActions, StoreEnv } from './store.ts';

/** `dropBackup` forgets the backup of unreadable data, which may hold a deleted learner's records. */
export const createLearnersSlice =
  (env: StoreEnv, dropBackup: () => Promise<void>): StateCreator<AppState, [], [], LearnerActions> =>
  (set, get) => ({
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
    const id = env.newId();
    const now = env.now();
    set((s) => ({
      learners: { ...s.learners, [id]: { ...profile, id, createdAt: now } },
      progress: { ...s.progress, [id]: emptyProgress(env.course.version, now) },
      currentLearnerId: id,
    }));
    return id;
  },
  updateLearner: (id, patch) => set((s) => (s.learners[id] ? { learners: { ...s.learners, [id]: { ...s.learners[id]!, ...patch } } } : {})),
  switchLearner: (id) => set((s) => (s.learners[id] ? { currentLearnerId: id } : {})),
  deleteLearner: (id) => {
    // "delete my data" leaves nothing of the learner behind, including an old backup that may hold it
    void dropBackup();
    set((s) => {
      const learners = { ...s.learners };
      const progress = { ...s.progress };
      delete learners[id];
      delete progress[id];
      return { learners, progress, removed: [...(s.removed ?? []), id], currentLearnerId: s.currentLearnerId === id ? Object.keys(learners)[0] : s.currentLearnerId };
    });
  },
  importLearner: async (imported) => {
    // the import rules load with the records page, off the entry chunk
    const { applyImport } = await import('../domain/transfer.ts');
    // one set: the whole learner lands, or (if applying throws) nothing does
    set((s) => {
      // a learner deleted here keeps a tombstone that every merge with storage or another tab honours, so the
      // same id would vanish again at the next write: a learner brought back comes back under a new local id
      const id = s.removed?.includes(imported.learner.id) ? env.newId() : imported.learner.id;
      const learner = id === imported.learner.id ? imported : { ...imported, learner: { ...imported.learner, id } };
      const next = applyImport({ learners: s.learners, progress: s.progress, ...(s.currentLearnerId ? { currentLearnerId: s.currentLearnerId } : {}), ...(s.removed ? { removed: s.removed } : {}) }, learner);
      return { learners: next.learners, progress: next.progress, currentLearnerId: next.currentLearnerId, removed: next.removed };
    });
  },
});
