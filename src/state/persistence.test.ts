import { describe, expect, it } from 'vitest';
import course from 'virtual:course';
import { emptyProgress } from '../domain/progress.ts';
import type { StoredState } from '../domain/restore.ts';
import { memoryStore, QuotaError, type KeyValueStore } from '../storage/storage.ts';
import { createPersistence, type PersistenceEvents } from './persistence.ts';

const NAME = 'zhixing:test';
const learner = (id: string) => ({ id, name: id, createdAt: 1 });
const chapter = course.chapters[0]!;
const section = chapter.sections[0]!.id;

function state(patch: Partial<StoredState> = {}, seen: Record<string, number> = {}): StoredState {
  return { learners: { l1: learner('l1') }, currentLearnerId: 'l1', progress: { l1: { ...emptyProgress(course.version), sectionsSeen: seen } }, ...patch };
}

function events(): PersistenceEvents & { log: string[] } {
  const log: string[] = [];
  return {
    log,
    storageKind: (k) => log.push(`kind:${k}`),
    quota: (full) => log.push(`quota:${full}`),
    recovered: () => log.push('recovered'),
    external: () => log.push('external'),
  };
}

describe('persistence', () => {
  it('writes after a short delay, merging with what another tab stored in the meantime', async () => {
    const kv = memoryStore();
    const ev = events();
    const p = createPersistence(ev, async () => kv);
    const sectionOther = chapter.sections[1]!.id;
    await kv.setItem(NAME, JSON.stringify({ state: state({}, { [sectionOther]: 5 }), version: 1 }));
    p.storage.setItem(NAME, { state: state({}, { [section]: 7 }), version: 1 });
    expect(JSON.parse((await kv.getItem(NAME))!).state.progress.l1.sectionsSeen).toEqual({ [sectionOther]: 5 });
    await p.flush();
    expect(JSON.parse((await kv.getItem(NAME))!).state.progress.l1.sectionsSeen).toEqual({ [section]: 7, [sectionOther]: 5 });
    expect(ev.log).toContain('external'); // this tab learns of the other tab's section too
  });

  it('turns a full quota into state, not an exception, and clears it when a write succeeds again', async () => {
    let full = true;
    const inner = memoryStore();
    const kv: KeyValueStore = { ...inner, setItem: async (k, v) => (full ? Promise.reject(new QuotaError(new Error('full'))) : inner.setItem(k, v)) };
    const ev = events();
    const p = createPersistence(ev, async () => kv);
    p.storage.setItem(NAME, { state: state(), version: 1 });
    await p.flush();
    expect(ev.log).toContain('quota:true');
    full = false;
    p.storage.setItem(NAME, { state: state({}, { [section]: 1 }), version: 1 });
    await p.flush();
    expect(ev.log.at(-1)).toBe('quota:false');
  });

  it('keeps a backup of unreadable data and reports the recovery', async () => {
    const kv = memoryStore();
    await kv.setItem(NAME, '{not json');
    const ev = events();
    const p = createPersistence(ev, async () => kv);
    const read = await p.storage.getItem(NAME);
    expect(read?.state.learners).toEqual({});
    expect(await kv.getItem(`${NAME}:backup`)).toBe('{not json');
    expect(ev.log).toContain('recovered');
  });

  it('folds back the page-hide journal when the asynchronous write never landed', async () => {
    const kv = memoryStore();
    const p = createPersistence(events(), async () => kv);
    p.storage.setItem(NAME, { state: state({}, { [section]: 3 }), version: 1 });
    document.dispatchEvent(new Event('visibilitychange')); // jsdom's page is "visible": nothing journaled yet
    window.dispatchEvent(new Event('pagehide'));
    expect(localStorage.getItem(`${NAME}:journal`)).toContain(section);
    // a fresh page: the store never got the write, the journal has it
    await kv.removeItem(NAME);
    const again = createPersistence(events(), async () => kv);
    const read = await again.storage.getItem(NAME);
    expect(read?.state.progress.l1?.sectionsSeen).toEqual({ [section]: 3 });
    localStorage.clear();
  });

  it('reports which storage it ended up with', async () => {
    const ev = events();
    const p = createPersistence(ev, async () => memoryStore());
    await p.storage.getItem(NAME);
    expect(ev.log).toContain('kind:memory');
  });
});
