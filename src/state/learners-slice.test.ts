import { afterEach, describe, expect, test, vi } from 'vitest';
import course from 'virtual:course';
import { markSectionSeen } from '../domain/progress-updates.ts';
import { emptyProgress } from '../domain/progress.ts';
import type { StoredState } from '../domain/restore.ts';
import type { ImportedLearner } from '../domain/transfer.ts';
import { memoryStore, type KeyValueStore } from '../storage/storage.ts';
import { createPersistence } from './persistence.ts';
import { createAppStore, type AppStore } from './store.ts';

const section = course.chapters[0]!.sections[0]!.id;
const T = Date.UTC(2026, 2, 1);

const imported = (): ImportedLearner => ({
  learner: { id: 'moved-1', name: '王芳', employeeId: 'E2048', createdAt: T },
  progress: markSectionSeen({ ...emptyProgress(course.version, T), startedAt: T }, section, T + 60_000),
  courseVersion: course.version,
  exportedAt: new Date(T + 120_000).toISOString(),
  repairs: [],
});

const stores: AppStore[] = [];
async function storeOn(kv: KeyValueStore): Promise<AppStore> {
  const store = createAppStore({ course, persistence: (ev) => createPersistence(ev, { course, open: async () => kv, pageEvents: false }) });
  stores.push(store);
  await vi.waitFor(() => expect(store.getState().hydrated).toBe(true));
  return store;
}
afterEach(async () => {
  for (const s of stores.splice(0)) {
    await s.flush();
    s.dispose();
  }
});

describe('importing a learner from a transfer file', () => {
  test('adds the learner whole, makes them current and drops the unused learner of a new device', async () => {
    const store = await storeOn(memoryStore());
    const first = store.getState().currentLearnerId!;
    await store.getState().importLearner(imported());
    const s = store.getState();
    expect(s.currentLearnerId).toBe('moved-1');
    expect(s.learners['moved-1']).toEqual(imported().learner);
    expect(s.progress['moved-1']!.sectionsSeen).toEqual({ [section]: T + 60_000 });
    expect(s.learners[first]).toBeUndefined();
  });

  test('is written to storage like every other change, so a reload finds the learner', async () => {
    const kv = memoryStore();
    const store = await storeOn(kv);
    await store.getState().importLearner(imported());
    await store.flush();
    const saved = JSON.parse((await kv.getItem(store.key))!) as { state: StoredState };
    expect(saved.state.currentLearnerId).toBe('moved-1');
    expect(saved.state.progress['moved-1']!.sectionsSeen).toEqual({ [section]: T + 60_000 });
    const reloaded = await storeOn(kv);
    expect(reloaded.getState().learners['moved-1']?.name).toBe('王芳');
  });

  test('joins a copy already on the device, keeping what either holds', async () => {
    const store = await storeOn(memoryStore());
    await store.getState().importLearner(imported());
    const other = course.chapters[0]!.sections[1]!.id;
    store.getState().updateProgress((p, now) => markSectionSeen(p, other, now));
    await store.getState().importLearner(imported());
    expect(Object.keys(store.getState().progress['moved-1']!.sectionsSeen).sort()).toEqual([section, other].sort());
  });

  test('brings back a learner deleted on this device earlier (under a new local id, past the tombstone), and storage keeps them', async () => {
    const kv = memoryStore();
    const store = await storeOn(kv);
    await store.getState().importLearner(imported());
    await store.flush();
    store.getState().deleteLearner('moved-1');
    store.getState().ensureLearner();
    await store.flush();
    await store.getState().importLearner(imported());
    await store.flush();
    const back = store.getState().currentLearnerId!;
    expect(store.getState().learners[back]).toMatchObject({ name: '王芳', employeeId: 'E2048' });
    expect(store.getState().progress[back]!.sectionsSeen).toEqual({ [section]: T + 60_000 });
    const reloaded = await storeOn(kv);
    expect(reloaded.getState().learners[back]?.name).toBe('王芳');
  });
});
