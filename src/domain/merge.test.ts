import { describe, expect, it } from 'vitest';
import { mergeProgress, mergeStates } from './merge.ts';
import { emptyProgress, type LearnerProgress } from './progress.ts';
import { chooseOption, removePlanItem, restartScenario, savePlanItem } from './progress-updates.ts';
import type { ScenarioData } from './course.ts';

const p = (patch: Partial<LearnerProgress> = {}): LearnerProgress => ({ ...emptyProgress('1.0.0'), ...patch });

const scenario: ScenarioData = {
  id: 'scn',
  title: 'S',
  start: 's1',
  maxScore: 2,
  steps: [
    { id: 's1', text: [], options: [{ id: 'a', to: 's2', score: 1, text: 'A' }] },
    { id: 's2', text: [], options: [{ id: 'b', to: 'end', score: 1, text: 'B' }] },
  ],
  outcomes: [{ id: 'end', rating: 'good', title: 'E', text: [] }],
};

describe('merging two copies of a learner’s progress', () => {
  it('keeps sections seen in either copy, with the earliest time', () => {
    const m = mergeProgress(p({ sectionsSeen: { a: 5, b: 2 } }), p({ sectionsSeen: { a: 3, c: 1 } }));
    expect(m.sectionsSeen).toEqual({ a: 3, b: 2, c: 1 });
  });

  it('unites the answers two tabs gave in the same open attempt', () => {
    const attempt = (answers: Record<string, string>) => ({
      n: 1,
      seed: 1,
      startedAt: 0,
      answers: Object.fromEntries(Object.entries(answers).map(([q, c]) => [q, { type: 'single' as const, choice: c }])),
      scores: {},
      latency: {}, answeredAt: {},
    });
    const m = mergeProgress(p({ quizzes: { quiz: { attempts: [attempt({ q1: 'a' })] } } }), p({ quizzes: { quiz: { attempts: [attempt({ q2: 'b' })] } } }));
    expect(Object.keys(m.quizzes.quiz!.attempts[0]!.answers).sort()).toEqual(['q1', 'q2']);
  });

  it('keeps a finished attempt over an unfinished copy of it', () => {
    const open = { n: 1, seed: 1, startedAt: 0, answers: {}, scores: {}, latency: {}, answeredAt: {} };
    const done = { ...open, submittedAt: 9, percent: 100, passed: true };
    expect(mergeProgress(p({ quizzes: { q: { attempts: [open] } } }), p({ quizzes: { q: { attempts: [done] } } })).quizzes.q!.attempts).toEqual([done]);
  });

  it('does not undo a scenario restart with the longer path of the run before it', () => {
    const finished = chooseOption(chooseOption(p(), scenario, { step: 's1', option: 'a' }, 1), scenario, { step: 's2', option: 'b' }, 2);
    const restarted = restartScenario(finished, 'scn');
    const m = mergeProgress(restarted, finished);
    expect(m.scenarios.scn!.latest.choices).toEqual([]);
    expect(m.scenarios.scn!.best?.score).toBe(2);
  });

  it('does not bring back an action-plan item removed in one copy', () => {
    const item = { id: 'i1', area: 'k', action: '学习', measure: '', due: '2027-01-01' };
    const withItem = savePlanItem(p(), 'plan', item);
    const removed = removePlanItem(withItem, 'plan', 'i1');
    expect(mergeProgress(withItem, removed).plans.plan!.every((i) => i.deleted)).toBe(true);
    expect(mergeProgress(removed, withItem).plans.plan!.every((i) => i.deleted)).toBe(true);
  });

  it('never counts the same time twice', () => {
    expect(mergeProgress(p({ time: { c: 100 } }), p({ time: { c: 70, d: 5 } })).time).toEqual({ c: 100, d: 5 });
  });

  it('keeps learners deleted on this device deleted', () => {
    const learner = { id: 'x', name: '甲', createdAt: 0 };
    const merged = mergeStates({ learners: {}, progress: {}, removed: ['x'] }, { learners: { x: learner }, progress: { x: p() } });
    expect(merged.learners).toEqual({});
    expect(merged.progress).toEqual({});
  });
});

describe('merging the certificate path', () => {
  const cert = (n: number, attempt: number) => ({ n, number: `N${n}`, issuedAt: n, issuedOn: '2026-01-01', validUntil: '2027-01-01', courseVersion: '1', score: 90, attempt, kind: n === 1 ? ('initial' as const) : ('renewal' as const) });

  it('unites the re-readings of a round from two tabs and keeps the unlock', () => {
    const a = p({ rounds: { q: [{ n: 2, openedAt: 10, sections: ['s1', 's2'], read: { s1: 20 } }] } });
    const b = p({ rounds: { q: [{ n: 2, openedAt: 10, sections: ['s1', 's2'], read: { s2: 30 }, unlockedAt: 30 }] } });
    expect(mergeProgress(a, b).rounds).toEqual({ q: [{ n: 2, openedAt: 10, sections: ['s1', 's2'], read: { s1: 20, s2: 30 }, unlockedAt: 30 }] });
  });

  it('keeps every certificate of either copy, once', () => {
    const a = p({ certificates: [cert(1, 1)] });
    const b = p({ certificates: [cert(1, 1), cert(2, 4)] });
    expect(mergeProgress(a, b).certificates).toEqual([cert(1, 1), cert(2, 4)]);
  });
});
