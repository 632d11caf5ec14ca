import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../scripts/content/load-course.ts';
import type { ChapterMeta, CourseManifest } from './course.ts';
import { CURRENT_VERSION, migrate } from './migrations.ts';
import { restoreState } from './restore.ts';

const ROOT = join(import.meta.dirname, '../..');
const realCourse = loadCourse(ROOT).manifest!;
const FIXTURES = join(ROOT, 'tests/fixtures/persisted');

function chapter(patch: Partial<ChapterMeta> = {}): ChapterMeta {
  return {
    id: 'c1', file: 'c1.mdx', title: 'C', part: 1, minutes: 5, objectives: ['o'],
    sections: [{ id: 's1', title: 'S1' }, { id: 's2', title: 'S2' }],
    quizzes: [{ id: 'q', passMark: 80, attempts: 3, maxPoints: 2, questionIds: ['q1', 'q2'] }],
    scenarios: [{ id: 'scn', title: 'S', maxScore: 2, outcomes: [] }],
    matrices: [{ id: 'm', riskIds: ['a', 'b'] }],
    plans: [{ id: 'plan', title: 'P', areas: [] }],
    ...patch,
  };
}
const course = (chapters = [chapter()], version = '2.0.0'): CourseManifest => ({
  id: 't', version, title: 'T', defaultLocale: 'zh-CN', masteryScore: 80, certificateValidityMonths: 12,
  assessment: { questionsPerPart: 1, attempts: 3, refresherQuestionsPerPart: 1 }, chapters, bank: [],
});
const learner = { id: 'l1', name: '甲', createdAt: 1 };

describe('every shipped version of stored progress', () => {
  const files = readdirSync(FIXTURES).filter((f) => /^v\d+\.json$/.test(f));

  it('has a frozen snapshot for the current version', () => {
    expect(files).toContain(`v${CURRENT_VERSION}.json`);
  });

  for (const f of files) {
    it(`migrates ${f} to the current shape with nothing lost`, () => {
      const raw = JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as { state: unknown; version: number };
      const { state, repairs, damaged } = restoreState(migrate(raw.state, raw.version), realCourse);
      expect(repairs).toEqual([]);
      expect(damaged).toBe(false);
      const wang = state.progress['7b0e1f7c-2f4e-4b7a-9d39-1a1f0c2b6e01']!;
      expect(state.learners['7b0e1f7c-2f4e-4b7a-9d39-1a1f0c2b6e01']).toMatchObject({ name: '王芳', employeeId: 'E1024', department: '零售业务部' });
      expect(Object.keys(wang.sectionsSeen)).toEqual(['intro-welcome', 'p3-overview']);
      expect(wang.quizzes['p3-quiz']!.attempts[0]!.answers['p3-q1']).toEqual({ type: 'match', pairs: { a: 'a', b: 'c' } });
      expect(wang.scenarios['p3-scn-id-photos']!.latest.choices).toHaveLength(1);
      expect(wang.matrices['p3-matrix']).toEqual({ a: { likelihood: 4, impact: 4 }, h: { likelihood: 2, impact: 1 } });
      expect(wang.plans['summary-plan']![0]!.action).toBe('每月重读一次合规手册');
      expect(wang.resume).toEqual({ chapter: 'risk-identification', section: 'p3-overview' });
      expect(state.currentLearnerId).toBe('7b0e1f7c-2f4e-4b7a-9d39-1a1f0c2b6e01');
      // v2: every answer and decision knows when it happened (v1's are derived from start + latency)
      expect(wang.quizzes['p3-quiz']!.attempts[0]!.answeredAt).toEqual({ 'p3-q1': 1796000241250 });
      expect(wang.scenarios['p3-scn-id-photos']!.latest.choices[0]!.at).toBe(1796000300000);
    });
  }
});

describe('migrate', () => {
  it('runs each step from the stored version up to the target, in order', () => {
    const steps = { 1: (s: unknown) => [...(s as string[]), 'to2'], 2: (s: unknown) => [...(s as string[]), 'to3'] };
    expect(migrate(['v1'], 1, steps, 3)).toEqual(['v1', 'to2', 'to3']);
    expect(migrate(['v2'], 2, steps, 3)).toEqual(['v2', 'to3']);
  });

  it('dates v1 answers from the attempt start and the latencies before them, never after the attempt ended', () => {
    const v1 = {
      learners: { l1: learner },
      progress: {
        l1: {
          updatedAt: 9000,
          quizzes: {
            q: {
              attempts: [
                { n: 1, startedAt: 1000, answers: { q2: {}, q1: {} }, latency: { q2: 300, q1: 200 } },
                { n: 2, startedAt: 2000, submittedAt: 2100, answers: { q1: {}, q2: {} }, latency: { q1: 50, q2: 900 } },
              ],
            },
          },
          scenarios: {
            open: { latest: { choices: [{ step: 's', option: 'o' }] } },
            done: { latest: { endedAt: 7000, choices: [{ step: 's', option: 'o' }] }, best: { endedAt: 6000, choices: [{ step: 's', option: 'p' }] } },
          },
        },
      },
    };
    const v2 = migrate(v1, 1) as { progress: { l1: { quizzes: { q: { attempts: { answeredAt: unknown }[] } }; scenarios: Record<string, { latest: { choices: { at: number }[] }; best?: { choices: { at: number }[] } }> } } };
    const [first, second] = v2.progress.l1.quizzes.q.attempts;
    expect(first!.answeredAt).toEqual({ q2: 1300, q1: 1500 });
    expect(second!.answeredAt).toEqual({ q1: 2050, q2: 2100 });
    expect(v2.progress.l1.scenarios.open!.latest.choices[0]!.at).toBe(9000);
    expect(v2.progress.l1.scenarios.done!.latest.choices[0]!.at).toBe(7000);
    expect(v2.progress.l1.scenarios.done!.best!.choices[0]!.at).toBe(6000);
  });

  it('leaves damaged v1 data for restore to repair, without throwing', () => {
    for (const raw of [null, 'x', { progress: 3 }, { progress: { l1: 'x' } }, { progress: { l1: { quizzes: { q: 'x' }, scenarios: { s: 7 } } } }])
      expect(() => restoreState(migrate(raw, 1), course())).not.toThrow();
  });

  it('passes state from a newer version through untouched, for restore to check', () => {
    expect(migrate({ x: 1 }, 99)).toEqual({ x: 1 });
  });
});

describe('restoring stored data', () => {
  it('never throws on garbage and starts afresh, saying the data was unreadable', () => {
    for (const raw of [undefined, null, 42, 'text', [], { learners: 'x', progress: 7 }]) {
      const r = restoreState(raw, course());
      expect(r.state.learners).toEqual({});
    }
    expect(restoreState('text', course()).damaged).toBe(true);
  });

  it('fills defaults for missing fields of a learner’s progress', () => {
    const { state } = restoreState({ learners: { l1: learner }, progress: { l1: {} } }, course());
    expect(state.progress.l1).toEqual({ courseVersion: '2.0.0', sectionsSeen: {}, quizzes: {}, scenarios: {}, matrices: {}, plans: {}, time: {}, updatedAt: 0 });
  });

  it('keeps progress on ids the new course version still has and drops the rest, without calling it damage', () => {
    const stored = {
      learners: { l1: learner },
      progress: {
        l1: {
          courseVersion: '1.0.0',
          sectionsSeen: { s1: 10, gone: 11 },
          quizzes: { q: { attempts: [{ n: 1, seed: 1, startedAt: 0, answers: { q1: { type: 'single', choice: 'a' }, removed: { type: 'single', choice: 'b' } }, scores: {}, latency: {} }] }, old: { attempts: [] } },
          time: { c1: 100, c0: 5 },
          resume: { chapter: 'c1', section: 'gone' },
        },
      },
    };
    const { state, repairs, damaged } = restoreState(stored, course());
    const p = state.progress.l1!;
    expect(p.courseVersion).toBe('2.0.0');
    expect(p.sectionsSeen).toEqual({ s1: 10 });
    expect(Object.keys(p.quizzes)).toEqual(['q']);
    expect(Object.keys(p.quizzes.q!.attempts[0]!.answers)).toEqual(['q1']);
    expect(p.time).toEqual({ c1: 100 });
    expect(p.resume).toEqual({ chapter: 'c1' });
    expect(repairs.length).toBeGreaterThan(0);
    expect(damaged).toBe(false);
  });

  it('drops unreadable parts, keeps the rest, and reports the data as damaged', () => {
    const stored = {
      learners: { l1: learner, l2: 'nonsense' },
      currentLearnerId: 'l2',
      progress: { l1: { sectionsSeen: { s1: 'yesterday', s2: 3 }, quizzes: { q: { attempts: ['x', { n: 1, answers: { q1: { type: 'single' } } }] } }, matrices: { m: { a: { likelihood: 2, impact: 3 }, b: 'high' } } } },
    };
    const { state, damaged } = restoreState(stored, course());
    expect(Object.keys(state.learners)).toEqual(['l1']);
    expect(state.currentLearnerId).toBeUndefined();
    expect(state.progress.l1!.sectionsSeen).toEqual({ s2: 3 });
    expect(state.progress.l1!.quizzes.q!.attempts).toHaveLength(1);
    expect(state.progress.l1!.quizzes.q!.attempts[0]!.answers).toEqual({});
    expect(state.progress.l1!.matrices.m).toEqual({ a: { likelihood: 2, impact: 3 } });
    expect(damaged).toBe(true);
  });
});

describe('restoring the certificate path', () => {
  const stored = (progress: unknown) => restoreState({ learners: { l1: learner }, progress: { l1: progress } }, course());
  const cert = { n: 1, number: 'T-2026-ABCDEFGHJK', issuedAt: 5, issuedOn: '2026-03-03', validUntil: '2027-03-03', courseVersion: '1.0.0', score: 90, attempt: 2, kind: 'initial' };

  it('keeps rounds, dropping removed sections from what is left to re-read', () => {
    const r = stored({ rounds: { q: [{ n: 2, openedAt: 10, sections: ['s1', 'gone'], read: { gone: 11 } }], gone: [{ n: 2, openedAt: 1, sections: [], read: {} }] } });
    expect(r.state.progress.l1!.rounds).toEqual({ q: [{ n: 2, openedAt: 10, sections: ['s1'], read: {} }] });
  });

  it('unlocks a round whose every remaining section was removed from the course', () => {
    const r = stored({ rounds: { q: [{ n: 2, openedAt: 10, sections: ['gone'], read: {} }, 'garbage'] } });
    expect(r.state.progress.l1!.rounds!.q).toEqual([{ n: 2, openedAt: 10, sections: [], read: {}, unlockedAt: 10 }]);
    expect(r.damaged).toBe(true);
  });

  it('keeps every issued certificate, whatever the course now holds, and drops only unreadable ones', () => {
    const r = stored({ certificates: [cert, { ...cert, n: 2, issuedOn: 'yesterday' }] });
    expect(r.state.progress.l1!.certificates).toEqual([cert]);
  });

  it('keeps the course version and the recertification mode of an assessment attempt', () => {
    const m = { ...course(), assessmentBank: { id: 'fa', title: 'FA', file: '' }, bank: [{ id: 'b1', part: 1, points: 1 }] };
    const r = restoreState({ learners: { l1: learner }, progress: { l1: { quizzes: { fa: { attempts: [{ n: 1, seed: 1, startedAt: 1, answers: {}, mode: 'recertification', courseVersion: '1.0.0' }] } } } } }, m);
    expect(r.state.progress.l1!.quizzes.fa!.attempts[0]).toMatchObject({ mode: 'recertification', courseVersion: '1.0.0' });
  });
});
