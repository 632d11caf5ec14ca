import { describe, expect, it, vi } from 'vitest';
import { readStorageState, requestPersistence } from './durability.ts';

const manager = (persisted: boolean, grant: boolean) => {
  let state = persisted;
  return {
    persisted: vi.fn(async () => state),
    persist: vi.fn(async () => (state = grant)),
    estimate: vi.fn(async () => ({ usage: 2048, quota: 1_000_000 })),
  };
};

describe('storage durability', () => {
  it('asks the browser to keep the data when it does not yet, and reports the answer', async () => {
    const m = manager(false, true);
    expect(await requestPersistence(m)).toEqual({ persisted: true, usage: 2048, quota: 1_000_000 });
    expect(m.persist).toHaveBeenCalledTimes(1);
  });

  it('does not ask again when the data is already kept', async () => {
    const m = manager(true, true);
    await requestPersistence(m);
    expect(m.persist).not.toHaveBeenCalled();
  });

  it('reports a refusal as not persisted, and says nothing it cannot know', async () => {
    expect((await requestPersistence(manager(false, false))).persisted).toBe(false);
    expect(await readStorageState(undefined)).toEqual({});
  });
});
