import { describe, expect, it } from 'vitest';
import { assessed, chapterMeta, courseworkDone, manifest, withAssessment } from './certification-builders.ts';
import { emptyProgress } from './progress.ts';
import { assessmentOpen, courseworkDoneAt, requirements, requirementsMet, settingsOf } from './requirements.ts';

const withScenario = manifest({
  requirements: { scenarios: true, riskMatrix: true },
  chapters: [
    chapterMeta('one', 1, { scenarios: [{ id: 'scn', title: '案例', maxScore: 2, outcomes: [{ id: 'end', rating: 'good', title: '好' }] }], matrices: [{ id: 'mx', riskIds: ['a', 'b'] }] }),
    chapterMeta('two', 2),
  ],
});

describe('the requirements of a certificate', () => {
  it('are every chapter and the final assessment by default, counted as the learner goes', () => {
    const m = manifest();
    expect(requirements(emptyProgress('1'), m)).toEqual([
      { id: 'chapters', done: 0, total: 2, met: false },
      { id: 'assessment', done: 0, total: 1, met: false },
    ]);
    const p = withAssessment(courseworkDone(m, 5000), m, assessed(1, 9000));
    expect(requirementsMet(p, m)).toBe(true);
  });

  it('add every scenario finished and every risk placed when course.yaml asks for them', () => {
    const done = courseworkDone(withScenario, 5000);
    expect(requirements(done, withScenario).map((r) => [r.id, r.done, r.total])).toEqual([
      ['chapters', 2, 2],
      ['scenarios', 0, 1],
      ['risk-matrix', 0, 1],
      ['assessment', 0, 1],
    ]);
    const walked = {
      ...done,
      scenarios: { scn: { latest: { choices: [], score: 2, outcome: 'end', endedAt: 7000 }, runs: 1 } },
      matrices: { mx: { a: { likelihood: 1, impact: 1 }, b: { likelihood: 2, impact: 2 } } },
    };
    expect(requirements(walked, withScenario).filter((r) => r.id !== 'assessment').every((r) => r.met)).toBe(true);
    // the latest dated requirement: the scenario, finished after the coursework
    expect(courseworkDoneAt(walked, withScenario)).toBe(7000);
  });

  it('do not count a practice refresher as the final assessment passed', () => {
    const m = manifest();
    const p = withAssessment(courseworkDone(m, 5000), m, assessed(1, 9000, [], 'refresher'));
    expect(requirements(p, m).find((r) => r.id === 'assessment')?.met).toBe(false);
  });

  it('open the final assessment only once every chapter is completed, unless course.yaml opens it always', () => {
    const m = manifest();
    const half = { ...courseworkDone(m, 5000), sectionsSeen: { 'one-s1': 1, 'one-s2': 1 } };
    expect(assessmentOpen(emptyProgress('1'), m)).toBe(false);
    expect(assessmentOpen(half, m)).toBe(false);
    expect(assessmentOpen(courseworkDone(m, 5000), m)).toBe(true);
    expect(assessmentOpen(emptyProgress('1'), manifest({ requirements: { assessmentOpens: 'always' } }))).toBe(true);
  });

  it('fill in defaults an author leaves out', () => {
    expect(settingsOf(manifest())).toEqual({
      requirements: { scenarios: false, riskMatrix: false, assessmentOpens: 'after-chapters' },
      reading: { charsPerMinute: 900, minSeconds: 5 },
      rounds: { enabled: true, assessmentReread: 'missed-parts' },
      recertification: { withinDays: 30 },
    });
  });
});
