/** Branching scenarios: path scores and walking rules. Pure. */
import type { ScenarioData, ScenarioOutcome } from './course.ts';

/**
 * The best score any path from the start can earn, or null when a path loops back
 * on itself (a scenario must always end in an outcome).
 */
export function maxPathScore(s: Pick<ScenarioData, 'start' | 'steps'>): number | null {
  const steps = new Map(s.steps.map((st) => [st.id, st]));
  const memo = new Map<string, number>();
  const onPath = new Set<string>();
  const best = (id: string): number | null => {
    const step = steps.get(id);
    if (!step) return 0; // an outcome
    if (memo.has(id)) return memo.get(id)!;
    if (onPath.has(id)) return null;
    onPath.add(id);
    let max = -Infinity;
    for (const o of step.options) {
      const rest = best(o.to);
      if (rest === null) return null;
      max = Math.max(max, o.score + rest);
    }
    onPath.delete(id);
    const value = max === -Infinity ? 0 : max;
    memo.set(id, value);
    return value;
  };
  return best(s.start);
}

/** One decision: the step the learner was on and the option they took. */
export interface ScenarioChoice {
  step: string;
  option: string;
}

/** A decision as stored: when it was taken (epoch ms), for records and statements. */
export interface TimedChoice extends ScenarioChoice {
  at: number;
}

export interface ScenarioWalk {
  /** the current step id, or the outcome when the walk has ended */
  current: { kind: 'step'; id: string } | { kind: 'outcome'; outcome: ScenarioOutcome };
  score: number;
  /** the choices that could be replayed (a choice that no longer exists in the scenario ends the replay) */
  valid: ScenarioChoice[];
}

/** Replays a learner's choices over the scenario, tolerating choices that no longer fit the content. */
export function replay(s: ScenarioData, choices: readonly ScenarioChoice[]): ScenarioWalk {
  const steps = new Map(s.steps.map((st) => [st.id, st]));
  const outcomes = new Map(s.outcomes.map((o) => [o.id, o]));
  let at = s.start;
  let score = 0;
  const valid: ScenarioChoice[] = [];
  for (const c of choices) {
    const step = steps.get(at);
    if (!step || c.step !== at) break;
    const option = step.options.find((o) => o.id === c.option);
    if (!option) break;
    valid.push(c);
    score += option.score;
    at = option.to;
    const outcome = outcomes.get(at);
    if (outcome) return { current: { kind: 'outcome', outcome }, score, valid };
  }
  return { current: { kind: 'step', id: at }, score, valid };
}
