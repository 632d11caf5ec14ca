/**
 * What kind of change a new stored state is over the previous one. A discrete learner action (an answer, a
 * choice, a section read, a plan item, a learner added, switched or deleted) is written at once; continuous
 * things (active time ticking, the reading position moving) may wait for a debounce. Stores update immutably,
 * so unchanged parts keep their identity and the comparison is by reference: cheap, and never wrong in the
 * safe direction (anything unrecognised counts as discrete).
 */
import type { LearnerProgress } from './progress.ts';
import type { StoredState } from './restore.ts';

/** fields of LearnerProgress that change continuously while a learner reads (startedAt comes with the first of them) */
const CONTINUOUS: ReadonlySet<string> = new Set<keyof LearnerProgress>(['time', 'updatedAt', 'resume', 'startedAt']);

export function isContinuousChange(prev: StoredState | undefined, next: StoredState): boolean {
  if (!prev) return false;
  if (prev.learners !== next.learners || prev.currentLearnerId !== next.currentLearnerId || prev.removed !== next.removed) return false;
  if (prev.progress === next.progress) return true;
  const ids = new Set([...Object.keys(prev.progress), ...Object.keys(next.progress)]);
  for (const id of ids) {
    const a = prev.progress[id];
    const b = next.progress[id];
    if (a === b) continue;
    if (!a || !b) return false;
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)]))
      if (!CONTINUOUS.has(k) && (a as unknown as Record<string, unknown>)[k] !== (b as unknown as Record<string, unknown>)[k]) return false;
  }
  return true;
}
