import { describe, expect, test } from 'vitest';
import { buildCompletionRecord, completionSummary, type CompletionRecord } from './completion-record.ts';
import { answerQuiz, finishedLearner, learnerProfile, recordCourse, riskQuiz, T0 } from './completion-record-builders.ts';
import { chooseOption, removePlanItem, restartScenario, savePlanItem } from './progress-updates.ts';
import { emptyProgress, type LearnerProgress } from './progress.ts';

const course = recordCourse();
const build = (progress: LearnerProgress, extra: { now?: number; suspendData?: string } = {}): CompletionRecord =>
  buildCompletionRecord({ ...course, learner: learnerProfile(), progress, now: extra.now ?? T0 + 3_600_000, ...(extra.suspendData !== undefined ? { suspendData: extra.suspendData } : {}) });
const finished = () => {
  const f = finishedLearner();
  return buildCompletionRecord({ ...course, ...f });
};

describe('a learner who has not started', () => {
  test('is not attempted, with unknown success, no score and no interactions', () => {
    const r = build(emptyProgress('1.2.0', T0));
    expect(r).toMatchObject({ completionStatus: 'not-attempted', successStatus: 'unknown', progressMeasure: 0, interactions: [], attempts: [], actionPlan: [], certificate: { state: 'none' } });
    expect(r.score).toBeUndefined();
    expect(r.chapters.map((c) => c.status)).toEqual(['not-started', 'not-started']);
  });

  test('carries the course, the learner and the record settings as the manifest and profile state them', () => {
    const r = build(emptyProgress('1.1.0', T0));
    expect(r.course).toEqual({
      id: 'zhixing-compliance',
      version: '1.2.0',
      title: '规范服务培训',
      organisation: '知行合规培训中心',
      defaultLocale: 'zh-CN',
      masteryScore: 75,
      progressVersion: '1.1.0',
      records: course.manifest.records,
      assessment: { id: 'final-exam', title: '结业考核' },
    });
    expect(r.learner).toEqual({ localId: 'lrn-7f3a', name: '李明', employeeId: 'E1024', department: '客户服务部' });
  });

  test('leaves out an employee id or department that is only blank', () => {
    const r = buildCompletionRecord({ ...course, learner: learnerProfile({ employeeId: '  ', department: '' }), progress: emptyProgress('1.2.0'), now: T0 });
    expect(r.learner).toEqual({ localId: 'lrn-7f3a', name: '李明' });
  });
});

describe('a learner who finished the course', () => {
  test('is completed and passed, scored by the best final attempt', () => {
    const r = finished();
    expect(r.completionStatus).toBe('completed');
    expect(r.successStatus).toBe('passed');
    expect(r.progressMeasure).toBe(1);
    expect(r.score).toEqual({ raw: 3, min: 0, max: 4, scaled: 0.75, percent: 75, attempt: 2 });
  });

  test('keeps first launch, last access and the total active time', () => {
    const r = finished();
    expect(r.time).toEqual({ firstLaunch: T0, lastAccess: Date.UTC(2026, 2, 2, 0, 2), totalActiveMs: 44 * 60_000 + 12_500 });
    expect(r.resume).toEqual({ chapter: 'summary', section: 'summary-review' });
  });

  test('gives each chapter its status, best quiz score, time and the moment it was completed', () => {
    const [risk, summary] = finished().chapters;
    expect(risk).toMatchObject({ id: 'risk', status: 'completed', sectionsSeen: 2, sections: 2, score: { raw: 7, max: 7, scaled: 1, passed: true }, timeMs: 38 * 60_000 + 12_500 });
    // completed when the second attempt's last answer passed the quiz, after both sections were seen
    expect(risk!.completedAt).toBe(T0 + 25 * 60_000);
    expect(risk!.scenarios).toEqual([{ id: 'gift-case', title: '供应商的红包', runs: 2, outcome: { id: 'good-end', rating: 'good', title: '处理得当' }, score: 4, maxScore: 4, endedAt: T0 + 31 * 60_000 + 30_000 }]);
    expect(summary).toMatchObject({ status: 'completed', completedAt: T0 + 40 * 60_000 });
    expect(summary!.score).toBeUndefined();
  });

  test('lists every answered question of every attempt and every decision of the best and latest runs, in time order', () => {
    const r = finished();
    const kinds = r.interactions.map((i) => i.kind);
    expect(kinds.filter((k) => k === 'chapter-question')).toHaveLength(10);
    expect(kinds.filter((k) => k === 'assessment-question')).toHaveLength(8);
    expect(kinds.filter((k) => k === 'scenario-decision')).toHaveLength(4);
    const times = r.interactions.map((i) => i.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(r.interactions.map((i) => i.key)).size).toBe(r.interactions.length);
  });

  test('records each question with its response, correct response, result, weight, latency, time, part and source', () => {
    const first = finished().interactions.filter((i) => i.source.kind === 'quiz' && i.source.attempt === 1);
    const byId = Object.fromEntries(first.map((i) => [i.id, i]));
    expect(byId['risk-gift']).toMatchObject({ type: 'choice', questionType: 'single', response: { type: 'choice', ids: ['accept'] }, correct: [{ type: 'choice', ids: ['decline'] }], result: 'incorrect', score: 0, weight: 1, latencyMs: 45_000, at: T0 + 11 * 60_000, part: 1, source: { kind: 'quiz', chapterId: 'risk', quizId: 'risk-quiz', attempt: 1 } });
    // partial credit: one right pick, one wrong pick out of two keys
    expect(byId['risk-signals']).toMatchObject({ result: 'incorrect', score: 0, weight: 2 });
    expect(byId['risk-steps']).toMatchObject({ type: 'sequencing', response: { type: 'sequencing', ids: ['record', 'listen', 'resolve', 'follow'] }, correct: [{ type: 'sequencing', ids: ['listen', 'record', 'resolve', 'follow'] }] });
    expect(byId['risk-terms']).toMatchObject({
      type: 'matching',
      choices: [{ id: 'kyc', text: 'KYC' }, { id: 'aml', text: 'AML' }],
      targets: [{ id: 'kyc', text: '了解你的客户' }, { id: 'aml', text: '反洗钱' }],
      response: { type: 'matching', pairs: [['kyc', 'aml'], ['aml', 'kyc']] },
      correct: [{ type: 'matching', pairs: [['kyc', 'kyc'], ['aml', 'aml']] }],
    });
    expect(byId['risk-report']).toMatchObject({ type: 'true-false', response: { type: 'true-false', value: true }, result: 'correct' });
  });

  test('marks a partly right answer as partial, with the points it earned', () => {
    let p = emptyProgress('1.2.0', T0);
    p = answerQuiz(p, riskQuiz, { 'risk-signals': { type: 'multiple', choices: ['relative'] } }, T0);
    expect(build(p).interactions[0]).toMatchObject({ id: 'risk-signals', result: 'partial', score: 1, weight: 2 });
  });

  test('counts a decision on a best path as correct, any other as incorrect, timed from the decision before', () => {
    const decisions = finished().interactions.filter((i) => i.kind === 'scenario-decision');
    expect(decisions.map((d) => [d.source.kind === 'scenario' && d.source.run, d.id, d.response, d.result])).toEqual([
      ['best', 'offer', { type: 'choice', ids: ['refuse'] }, 'correct'],
      ['best', 'record', { type: 'choice', ids: ['report'] }, 'correct'],
      ['latest', 'offer', { type: 'choice', ids: ['refuse'] }, 'correct'],
      ['latest', 'record', { type: 'choice', ids: ['drop'] }, 'incorrect'],
    ]);
    expect(decisions[0]).toMatchObject({ correct: [{ type: 'choice', ids: ['refuse'] }], score: 2, weight: 2, part: 1, description: '供应商在节前递来一个红包。' });
    expect(decisions[0]!.latencyMs).toBeUndefined();
    expect(decisions[1]!.latencyMs).toBe(90_000);
  });

  test('lists a finished run once when it is both the best and the latest', () => {
    let p = emptyProgress('1.2.0', T0);
    const s = course.items.chapters.risk!.scenarios[0]!;
    p = chooseOption(p, s, { step: 'offer', option: 'take' }, T0);
    expect(build(p).interactions.map((i) => [i.key, i.source.kind === 'scenario' && i.source.run])).toEqual([[`scenario/gift-case/${T0}/1/offer`, 'best']]);
  });

  test('keeps the keys of a run’s decisions when the latest run becomes the best', () => {
    const s = course.items.chapters.risk!.scenarios[0]!;
    let p = emptyProgress('1.2.0', T0);
    p = chooseOption(p, s, { step: 'offer', option: 'take' }, T0);
    p = restartScenario(p, s.id);
    p = chooseOption(p, s, { step: 'offer', option: 'refuse' }, T0 + 60_000);
    const open = build(p).interactions.filter((i) => i.source.kind === 'scenario' && i.source.run === 'latest').map((i) => i.key);
    p = chooseOption(p, s, { step: 'record', option: 'report' }, T0 + 120_000);
    const done = build(p).interactions.filter((i) => i.source.kind === 'scenario' && i.source.run === 'best').map((i) => i.key);
    expect(open).toEqual([`scenario/gift-case/${T0 + 60_000}/1/offer`]);
    expect(done).toEqual([...open, `scenario/gift-case/${T0 + 60_000}/2/record`]);
  });

  test('lists the assessment attempts with their mode, score and results by part', () => {
    const [a1, a2] = finished().attempts;
    expect(a1).toMatchObject({ n: 1, mode: 'final', questions: 4, passed: false, score: { raw: 2, max: 4, percent: 50 }, courseVersion: '1.2.0' });
    expect(a2).toMatchObject({ n: 2, passed: true, submittedAt: Date.UTC(2026, 2, 2), parts: [{ part: 1, score: 2, max: 2, percent: 100 }, { part: 10, score: 1, max: 2, percent: 50 }] });
  });

  test('takes the certificate standing from the certificate rules and keeps the issued history', () => {
    const r = finished();
    expect(r.certificate).toMatchObject({ state: 'valid', issuedAt: Date.UTC(2026, 2, 2), validUntil: Date.UTC(2027, 2, 2), score: 75 });
    expect(r.certificates.map((c) => c.number)).toEqual(['ZC-2026-7K4Q9M2XAD']);
  });

  test('gives the action plan with its area labels and without removed items', () => {
    let { progress } = finishedLearner();
    progress = savePlanItem(progress, 'my-plan', { id: 'plan-3', area: 'team', action: '临时', measure: '', due: '2026-06-01' });
    progress = removePlanItem(progress, 'my-plan', 'plan-3');
    const r = build(progress);
    expect(r.actionPlan.map((i) => [i.itemId, i.areaLabel, i.done])).toEqual([
      ['plan-1', '工作习惯', false],
      ['plan-2', '团队协作', true],
    ]);
  });
});

describe('a record built from progress that no longer fits the content', () => {
  test('leaves out answers to questions that were removed or whose type changed', () => {
    const { progress } = finishedLearner();
    const attempts = progress.quizzes['risk-quiz']!.attempts.map((a) => ({ ...a, answers: { ...a.answers, 'gone-question': { type: 'single' as const, choice: 'x' }, 'risk-report': { type: 'single' as const, choice: 'yes' } } }));
    const r = build({ ...progress, quizzes: { ...progress.quizzes, 'risk-quiz': { attempts } } });
    const ids = r.interactions.filter((i) => i.kind === 'chapter-question').map((i) => i.id);
    expect(ids).not.toContain('gone-question');
    expect(ids).not.toContain('risk-report');
    expect(ids).toHaveLength(8);
  });

  test('keeps only the decisions that can still be replayed over the scenario', () => {
    const { progress } = finishedLearner();
    const latest = { ...progress.scenarios['gift-case']!.latest };
    latest.choices = [latest.choices[0]!, { step: 'record', option: 'vanished', at: T0 }];
    const r = build({ ...progress, scenarios: { 'gift-case': { ...progress.scenarios['gift-case']!, latest } } });
    expect(r.interactions.filter((i) => i.source.kind === 'scenario' && i.source.run === 'latest').map((i) => i.id)).toEqual(['offer']);
  });
});

describe('building a record', () => {
  test('passes suspend data through when given, and has none otherwise', () => {
    expect(build(emptyProgress('1.2.0'), { suspendData: 'v1|abc' }).suspendData).toBe('v1|abc');
    expect('suspendData' in build(emptyProgress('1.2.0'))).toBe(false);
  });

  test('gives the same record for the same input and leaves the progress untouched', () => {
    const f = finishedLearner();
    const before = JSON.stringify(f.progress);
    expect(JSON.stringify(buildCompletionRecord({ ...course, ...f }))).toBe(JSON.stringify(buildCompletionRecord({ ...course, ...f })));
    expect(JSON.stringify(f.progress)).toBe(before);
  });

  test('takes the first launch from the earliest thing done when progress has no start time', () => {
    const p = answerQuiz(emptyProgress('1.2.0', T0 + 5_000), riskQuiz, { 'risk-gift': { type: 'single', choice: 'decline' } }, T0 + 10_000);
    expect(build(p).time.firstLaunch).toBe(T0 + 10_000);
  });

  test('is failed once a final attempt is finished below the mastery score and none passed', () => {
    const { progress } = finishedLearner();
    const attempts = progress.quizzes['final-exam']!.attempts.slice(0, 1);
    const r = build({ ...progress, quizzes: { ...progress.quizzes, 'final-exam': { attempts } }, certificates: [] });
    expect(r.successStatus).toBe('failed');
    expect(r.score).toMatchObject({ raw: 2, attempt: 1 });
  });

  test('does not let a refresher set the course score', () => {
    const { progress } = finishedLearner();
    const attempts = progress.quizzes['final-exam']!.attempts;
    const refresher = { ...attempts[1]!, n: 3, mode: 'refresher' as const, score: 4, percent: 100 };
    const r = build({ ...progress, quizzes: { ...progress.quizzes, 'final-exam': { attempts: [...attempts, refresher] } } });
    expect(r.score).toMatchObject({ raw: 3, attempt: 2 });
    expect(r.attempts.map((a) => a.mode)).toEqual(['final', 'final', 'refresher']);
  });
});

describe('the summary a list of learners shows', () => {
  test('says what the full record says about status, score and time, without the answer key', () => {
    for (const progress of [emptyProgress('1.2.0', T0), finishedLearner().progress]) {
      const r = build(progress);
      const s = completionSummary(course.manifest, progress);
      expect(s).toMatchObject({ completionStatus: r.completionStatus, successStatus: r.successStatus, progressMeasure: r.progressMeasure, totalActiveMs: r.time.totalActiveMs, chapters: r.chapters.length });
      expect(s.score).toEqual(r.score);
      expect(s.chaptersCompleted).toBe(r.chapters.filter((c) => c.status === 'completed').length);
    }
  });
});
