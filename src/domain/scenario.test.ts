import { describe, expect, it } from 'vitest';
import type { OutcomeRating, ScenarioData, ScenarioOption, ScenarioOutcome, ScenarioStep } from './course.ts';
import { maxPathScore, replay } from './scenario.ts';

// ---- small builders -------------------------------------------------------------------------------

const option = (id: string, to: string, score: number): ScenarioOption => ({ id, to, score, text: `option ${id}` });
const step = (id: string, ...options: ScenarioOption[]): ScenarioStep => ({ id, text: [`step ${id}`], options });
const outcome = (id: string, rating: OutcomeRating): ScenarioOutcome => ({ id, rating, title: `outcome ${id}`, text: [] });
const scenario = (start: string, steps: ScenarioStep[], outcomes: ScenarioOutcome[] = []): ScenarioData => ({
  id: 'sc',
  title: 'Scenario',
  start,
  steps,
  outcomes,
  maxScore: 0,
});

/**
 * Three decisions on every path. The greedy path (take the best-scoring option each time: a → c → g)
 * earns 1 + 2 + 2 = 5; the best path (b → e → g) starts with the worse option and earns 0 + 4 + 2 = 6.
 */
const branching = scenario(
  'gift',
  [
    step('gift', option('a', 'ask', 1), option('b', 'report', 0)),
    step('ask', option('c', 'decide', 2), option('d', 'poor', 0)),
    step('report', option('e', 'decide', 4), option('f', 'fair', 1)),
    step('decide', option('g', 'good', 2), option('h', 'poor', -1)),
  ],
  [outcome('good', 'good'), outcome('fair', 'fair'), outcome('poor', 'poor')],
);

describe('maxPathScore', () => {
  it('finds the best path over several decision points, not the greedy one', () => {
    expect(maxPathScore(branching)).toBe(6);
  });

  it('scores a scenario whose options all lead straight to outcomes by its best option', () => {
    expect(maxPathScore(scenario('s', [step('s', option('x', 'end', 3), option('y', 'end', 5))]))).toBe(5);
  });

  it('counts a step reached by two paths once per path', () => {
    // both branches lead into the same final step: the memo must not change the result
    const diamond = scenario('s', [
      step('s', option('l', 'left', 1), option('r', 'right', 2)),
      step('left', option('x', 'end', 1), option('y', 'join', 5)),
      step('right', option('z', 'join', 0)),
      step('join', option('w', 'end', 3)),
    ]);
    expect(maxPathScore(diamond)).toBe(9);
  });

  it('returns null when a path loops back to an earlier step', () => {
    const loop = scenario('s1', [
      step('s1', option('a', 's2', 1)),
      step('s2', option('b', 's3', 1), option('c', 'end', 0)),
      step('s3', option('d', 's1', 1)),
    ]);
    expect(maxPathScore(loop)).toBeNull();
  });

  it('returns null for a step that leads back to itself', () => {
    expect(maxPathScore(scenario('s', [step('s', option('again', 's', 1), option('stop', 'end', 0))]))).toBeNull();
  });

  it('returns null for a loop even when it sits off the best path', () => {
    const sideLoop = scenario('s', [
      step('s', option('best', 'end', 10), option('side', 'x', 0)),
      step('x', option('back', 'y', 0)),
      step('y', option('forth', 'x', 0)),
    ]);
    expect(maxPathScore(sideLoop)).toBeNull();
  });
});

describe('replay', () => {
  it('starts at the start step with no score when there are no choices', () => {
    expect(replay(branching, [])).toEqual({ current: { kind: 'step', id: 'gift' }, score: 0, valid: [] });
  });

  it('follows the choices step by step and adds up their scores', () => {
    const choices = [
      { step: 'gift', option: 'b' },
      { step: 'report', option: 'e' },
    ];
    expect(replay(branching, choices)).toEqual({ current: { kind: 'step', id: 'decide' }, score: 4, valid: choices });
  });

  it('stops at the outcome a choice leads to and drops any choices after it', () => {
    const choices = [
      { step: 'gift', option: 'b' },
      { step: 'report', option: 'f' },
      { step: 'decide', option: 'g' },
    ];
    const walk = replay(branching, choices);
    expect(walk.current).toEqual({ kind: 'outcome', outcome: outcome('fair', 'fair') });
    expect(walk.score).toBe(1);
    expect(walk.valid).toEqual(choices.slice(0, 2));
  });

  it('reaches the best outcome along the best path with the best score', () => {
    const walk = replay(branching, [
      { step: 'gift', option: 'b' },
      { step: 'report', option: 'e' },
      { step: 'decide', option: 'g' },
    ]);
    expect(walk.current).toEqual({ kind: 'outcome', outcome: outcome('good', 'good') });
    expect(walk.score).toBe(maxPathScore(branching));
  });

  it('stops at an option that no longer exists and drops the rest', () => {
    const choices = [
      { step: 'gift', option: 'a' },
      { step: 'ask', option: 'removed' },
      { step: 'decide', option: 'g' },
    ];
    expect(replay(branching, choices)).toEqual({ current: { kind: 'step', id: 'ask' }, score: 1, valid: choices.slice(0, 1) });
  });

  it('stops at a choice made on a step the walk is not on (the content has changed) and drops the rest', () => {
    const choices = [
      { step: 'gift', option: 'a' },
      { step: 'report', option: 'e' },
      { step: 'decide', option: 'g' },
    ];
    expect(replay(branching, choices)).toEqual({ current: { kind: 'step', id: 'ask' }, score: 1, valid: choices.slice(0, 1) });
  });

  it('stops at a step that has been removed from the scenario', () => {
    const s = scenario('s', [step('s', option('a', 'gone', 2))], []);
    const choices = [
      { step: 's', option: 'a' },
      { step: 'gone', option: 'x' },
    ];
    expect(replay(s, choices)).toEqual({ current: { kind: 'step', id: 'gone' }, score: 2, valid: choices.slice(0, 1) });
  });
});
