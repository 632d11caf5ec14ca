import { describe, expect, it } from 'vitest';
import { isContinuousChange } from './change-kind.ts';
import { emptyProgress } from './progress.ts';
import { addTime, markSectionSeen, setResume } from './progress-updates.ts';
import type { StoredState } from './restore.ts';

const base = (): StoredState => ({ learners: { l1: { id: 'l1', name: '甲', createdAt: 0 } }, currentLearnerId: 'l1', progress: { l1: emptyProgress('1') } });
const withProgress = (s: StoredState, p: StoredState['progress'][string]): StoredState => ({ ...s, progress: { ...s.progress, l1: p } });

describe('the kind of a change', () => {
  it('is continuous when only active time, the reading position or the update time moved', () => {
    const s = base();
    const p = s.progress.l1!;
    expect(isContinuousChange(s, withProgress(s, { ...addTime(p, 'c', 1000), updatedAt: 5 }))).toBe(true);
    expect(isContinuousChange(s, withProgress(s, setResume(p, 'c', 's')))).toBe(true);
  });

  it('is discrete for a section read, a learner added or switched, and for a first write', () => {
    const s = base();
    expect(isContinuousChange(s, withProgress(s, markSectionSeen(s.progress.l1!, 's1', 3)))).toBe(false);
    expect(isContinuousChange(s, { ...s, learners: { ...s.learners } })).toBe(false);
    expect(isContinuousChange(s, { ...s, currentLearnerId: 'l2' })).toBe(false);
    expect(isContinuousChange(s, { ...s, removed: ['x'] })).toBe(false);
    expect(isContinuousChange(undefined, s)).toBe(false);
  });

  it("is discrete when a learner's progress appears or disappears", () => {
    const s = base();
    expect(isContinuousChange(s, { ...s, progress: {} })).toBe(false);
    expect(isContinuousChange(s, { ...s, progress: { ...s.progress, l2: emptyProgress('1') } })).toBe(false);
  });
});
