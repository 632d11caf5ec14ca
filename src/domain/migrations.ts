/**
 * Versions of the stored learner state. Each entry upgrades the state written by version n to version n + 1;
 * `migrate` runs them in order. After migrating, restoreState() still checks every field, so a migration only
 * has to reshape, never to validate. Shipped versions are frozen under tests/fixtures/persisted/.
 *
 * v1 — { learners, currentLearnerId, progress: { [learnerId]: LearnerProgress } }
 */
export const CURRENT_VERSION = 1;

type Migration = (state: unknown) => unknown;

export const migrations: Record<number, Migration> = {
  // 1: (state) => state,   ← the upgrade from v1 to v2 goes here when v2 ships
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
