/**
 * Merging two copies of the same learner's progress (two tabs, or a tab and what another tab stored).
 * Nothing a learner did in either copy is lost: sets are united, attempts merged answer by answer.
 */
import type { LearnerProgress, PlanItem, QuizAttempt, Round, ScenarioProgress } from './progress.ts';
import type { StoredState } from './restore.ts';

function mergeAttempt(a: QuizAttempt, b: QuizAttempt): QuizAttempt {
  // a finished attempt wins as a whole: its score was computed from a complete set of answers
  if (a.submittedAt !== undefined && b.submittedAt === undefined) return a;
  if (b.submittedAt !== undefined && a.submittedAt === undefined) return b;
  if (a.submittedAt !== undefined && b.submittedAt !== undefined) return a.submittedAt <= b.submittedAt ? a : b;
  return {
    ...a,
    answers: { ...b.answers, ...a.answers },
    scores: { ...b.scores, ...a.scores },
    latency: { ...b.latency, ...a.latency },
    answeredAt: { ...b.answeredAt, ...a.answeredAt },
  };
}

function mergeScenario(a: ScenarioProgress, b: ScenarioProgress): ScenarioProgress {
  // a restart starts a new run: the copy on the later run is the current one, even with fewer choices so far
  const latest = a.runs !== b.runs ? (a.runs > b.runs ? a : b).latest : a.latest.choices.length >= b.latest.choices.length ? a.latest : b.latest;
  const best = !a.best ? b.best : !b.best ? a.best : a.best.score >= b.best.score ? a.best : b.best;
  return { latest, ...(best ? { best } : {}), runs: Math.max(a.runs, b.runs) };
}

/** Rounds by number: re-readings united, the earliest unlock kept. */
function mergeRounds(a: Round[], b: Round[]): Round[] {
  const byN = new Map<number, Round>(b.map((r) => [r.n, r]));
  for (const r of a) {
    const o = byN.get(r.n);
    if (!o) byN.set(r.n, r);
    else {
      const unlocked = [r.unlockedAt, o.unlockedAt].filter((t): t is number => t !== undefined);
      byN.set(r.n, { ...r, openedAt: Math.min(r.openedAt, o.openedAt), read: mergeRecords(r.read, o.read, Math.min), ...(unlocked.length ? { unlockedAt: Math.min(...unlocked) } : {}) });
    }
  }
  return [...byN.values()].sort((x, y) => x.n - y.n);
}

function mergeRecords<T>(a: Record<string, T>, b: Record<string, T>, both: (x: T, y: T) => T): Record<string, T> {
  const out: Record<string, T> = { ...b, ...a };
  for (const k of Object.keys(a)) if (k in b) out[k] = both(a[k]!, b[k]!);
  return out;
}

export function mergeProgress(a: LearnerProgress, b: LearnerProgress): LearnerProgress {
  const newer = a.updatedAt >= b.updatedAt ? a : b;
  const merged: LearnerProgress = {
    courseVersion: newer.courseVersion,
    sectionsSeen: mergeRecords(a.sectionsSeen, b.sectionsSeen, Math.min),
    quizzes: mergeRecords(a.quizzes, b.quizzes, (x, y) => {
      const byN = new Map<number, QuizAttempt>();
      for (const at of [...y.attempts, ...x.attempts]) {
        const prev = byN.get(at.n);
        byN.set(at.n, prev ? mergeAttempt(at, prev) : at);
      }
      return { attempts: [...byN.values()].sort((p, q) => p.n - q.n) };
    }),
    scenarios: mergeRecords(a.scenarios, b.scenarios, mergeScenario),
    matrices: mergeRecords(a.matrices, b.matrices, (x, y) => ({ ...y, ...x })),
    plans: mergeRecords(a.plans, b.plans, (x, y) => {
      // a removed item is a tombstone on either side: it stays removed
      const other = new Map(y.map((i: PlanItem) => [i.id, i]));
      const mine = x.map((i) => (other.get(i.id)?.deleted ? other.get(i.id)! : i));
      const ids = new Set(x.map((i) => i.id));
      return [...mine, ...y.filter((i) => !ids.has(i.id))];
    }),
    // both copies counted from the same base: the larger total is the truer one (never double count)
    time: mergeRecords(a.time, b.time, Math.max),
    updatedAt: Math.max(a.updatedAt, b.updatedAt),
  };
  const started = [a.startedAt, b.startedAt].filter((x): x is number => x !== undefined);
  if (started.length) merged.startedAt = Math.min(...started);
  if (newer.resume ?? a.resume ?? b.resume) merged.resume = newer.resume ?? a.resume ?? b.resume;
  const rounds = mergeRecords(a.rounds ?? {}, b.rounds ?? {}, mergeRounds);
  if (Object.keys(rounds).length) merged.rounds = rounds;
  // a certificate is the same in both copies when it rests on the same attempt (it is derived from it)
  const certificates = [...new Map([...(b.certificates ?? []), ...(a.certificates ?? [])].map((c) => [c.attempt, c])).values()].sort((x, y) => x.n - y.n);
  if (certificates.length) merged.certificates = certificates;
  return merged;
}

/** Merges what this tab holds (`mine`) with what storage holds (`stored`): learners united, progress merged. */
export function mergeStates(mine: StoredState, stored: StoredState): StoredState {
  const removed = [...new Set([...(stored.removed ?? []), ...(mine.removed ?? [])])];
  const learners = Object.fromEntries(Object.entries({ ...stored.learners, ...mine.learners }).filter(([id]) => !removed.includes(id)));
  const progress: StoredState['progress'] = {};
  for (const id of Object.keys(learners)) {
    const x = mine.progress[id];
    const y = stored.progress[id];
    const p = x && y ? mergeProgress(x, y) : (x ?? y);
    if (p) progress[id] = p;
  }
  const out: StoredState = { learners, progress };
  if (removed.length) out.removed = removed;
  const current = [mine.currentLearnerId, stored.currentLearnerId].find((id) => id && learners[id]);
  if (current) out.currentLearnerId = current;
  return out;
}
