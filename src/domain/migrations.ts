/**
 * Versions of the stored learner state. Each entry upgrades the state written by version n to version n + 1;
 * `migrate` runs them in order. After migrating, restoreState() still checks every field, so a migration only
 * has to reshape, never to validate. Shipped versions are frozen under tests/fixtures/persisted/.
 *
 * v1 — { learners, currentLearnerId, progress: { [learnerId]: LearnerProgress } }
 * v2 — every submitted answer and every scenario decision carries when it happened:
 *      QuizAttempt.answeredAt { [questionId]: epoch ms }, ScenarioRun.choices[].at
 */
export const CURRENT_VERSION = 2;

type Migration = (state: unknown) => unknown;
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * v1 kept no per-answer times. Answers were stored in the order they were given, each with its latency from the
 * previous one, so an answer's time is the attempt's start plus the latencies up to it (capped at the attempt's
 * submission). A decision's time is its run's end, or the progress's last update for a run still open.
 */
function v1ToV2(state: unknown): unknown {
  if (!isObj(state) || !isObj(state.progress)) return state;
  const progress: Obj = {};
  for (const [id, p] of Object.entries(state.progress)) {
    if (!isObj(p)) {
      progress[id] = p;
      continue;
    }
    const updatedAt = num(p.updatedAt) ?? 0;
    const quizzes: Obj = {};
    for (const [qid, q] of Object.entries(isObj(p.quizzes) ? p.quizzes : {})) {
      if (!isObj(q) || !Array.isArray(q.attempts)) {
        quizzes[qid] = q;
        continue;
      }
      const attempts = q.attempts.map((a: unknown) => {
        if (!isObj(a) || isObj(a.answeredAt)) return a;
        const start = num(a.startedAt) ?? 0;
        const end = num(a.submittedAt) ?? Infinity;
        const latency = isObj(a.latency) ? a.latency : {};
        let t = start;
        const answeredAt: Record<string, number> = {};
        for (const questionId of Object.keys(isObj(a.answers) ? a.answers : {})) {
          t += num(latency[questionId]) ?? 0;
          answeredAt[questionId] = Math.min(t, end);
        }
        return { ...a, answeredAt };
      });
      quizzes[qid] = { ...q, attempts };
    }
    const scenarios: Obj = {};
    for (const [sid, sc] of Object.entries(isObj(p.scenarios) ? p.scenarios : {})) {
      if (!isObj(sc)) {
        scenarios[sid] = sc;
        continue;
      }
      const timed = (r: unknown) => {
        if (!isObj(r) || !Array.isArray(r.choices)) return r;
        const at = num(r.endedAt) ?? updatedAt;
        return { ...r, choices: r.choices.map((c: unknown) => (isObj(c) && num(c.at) === undefined ? { ...c, at } : c)) };
      };
      scenarios[sid] = { ...sc, latest: timed(sc.latest), ...(sc.best !== undefined ? { best: timed(sc.best) } : {}) };
    }
    progress[id] = { ...p, quizzes, scenarios };
  }
  return { ...state, progress };
}

export const migrations: Record<number, Migration> = {
  1: v1ToV2,
};

/** Upgrades a stored state from `version` to CURRENT_VERSION. A newer or unknown version is passed through to restore. */
export function migrate(state: unknown, version: number, steps: Record<number, Migration> = migrations, target = CURRENT_VERSION): unknown {
  let s = state;
  for (let v = Math.max(0, Math.floor(version)); v < target; v++) {
    const step = steps[v];
    if (step) s = step(s);
  }
  return s;
}
