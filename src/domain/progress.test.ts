import { describe, expect, it } from 'vitest';
import type { ChapterMeta, CourseManifest, OutcomeRating, Question, QuizData, ScenarioData, ScenarioOption } from './course.ts';
import { chapterStatus, continueTarget, courseSummary, emptyProgress, quizBest, quizPassed, type LearnerProgress, type PlanItem, type QuizAttempt } from './progress.ts';
import {
  addTime,
  chooseOption,
  markSectionSeen,
  openAttempt,
  placeRisk,
  removePlanItem,
  restartScenario,
  savePlanItem,
  setResume,
  startAttempt,
  submitAnswer,
} from './progress-updates.ts';
import { hashSeed } from './random.ts';
import type { Answer } from './scoring.ts';

// ---- small builders -------------------------------------------------------------------------------

function chapter(id: string, over: Partial<ChapterMeta> = {}): ChapterMeta {
  return {
    id,
    file: `content/chapters/${id}.mdx`,
    title: id,
    part: 1,
    minutes: 10,
    objectives: ['objective'],
    sections: [],
    quizzes: [],
    scenarios: [],
    matrices: [],
    plans: [],
    ...over,
  };
}
const sections = (...ids: string[]) => ids.map((id) => ({ id, title: id }));
const quizMeta = (id: string) => ({ id, passMark: 80, attempts: 0, maxPoints: 1, questionIds: [] });

function manifest(...chapters: ChapterMeta[]): CourseManifest {
  return {
    id: 'course',
    version: '1.0.0',
    title: 'Course',
    defaultLocale: 'en',
    masteryScore: 80,
    certificateValidityMonths: 12,
    assessment: { questionsPerPart: 1, attempts: 0, refresherQuestionsPerPart: 1 },
    chapters,
    bank: [],
  };
}

/** a finished attempt with the given percentage */
const finished = (n: number, percent: number, passed: boolean): QuizAttempt => ({
  n,
  seed: n,
  startedAt: 0,
  answers: {},
  scores: {},
  latency: {}, answeredAt: {},
  submittedAt: 1,
  score: percent,
  max: 100,
  percent,
  passed,
});
const unfinished = (n: number): QuizAttempt => ({ n, seed: n, startedAt: 0, answers: {}, scores: {}, latency: {}, answeredAt: {} });

function progress(over: Partial<LearnerProgress> = {}): LearnerProgress {
  return { ...emptyProgress('1.0.0'), ...over };
}
const seen = (...ids: string[]) => Object.fromEntries(ids.map((id) => [id, 1]));

// a course of two chapters: intro (two sections, one quiz) and risks (two sections, one quiz, one scenario)
const intro = chapter('intro', { sections: sections('i1', 'i2'), quizzes: [quizMeta('intro-quiz')] });
const risks = chapter('risks', {
  sections: sections('r1', 'r2'),
  quizzes: [quizMeta('risks-quiz')],
  scenarios: [{ id: 'risks-scenario', title: 'S', maxScore: 3, outcomes: [] }],
});
const course = manifest(intro, risks);

// ---- status and summary ---------------------------------------------------------------------------

describe('chapterStatus', () => {
  it('is not started before anything has happened in the chapter', () => {
    expect(chapterStatus(progress(), intro)).toBe('not-started');
  });

  it('is not started when only other chapters have progress', () => {
    const p = progress({ sectionsSeen: seen('r1'), quizzes: { 'risks-quiz': { attempts: [finished(1, 90, true)] } }, time: { risks: 5000 } });
    expect(chapterStatus(p, intro)).toBe('not-started');
  });

  it('is in progress once a section has been seen', () => {
    expect(chapterStatus(progress({ sectionsSeen: seen('i1') }), intro)).toBe('in-progress');
  });

  it('is in progress once a quiz attempt has started, time has been spent or a scenario begun', () => {
    expect(chapterStatus(progress({ quizzes: { 'intro-quiz': { attempts: [unfinished(1)] } } }), intro)).toBe('in-progress');
    expect(chapterStatus(progress({ time: { intro: 1000 } }), intro)).toBe('in-progress');
    const scenarios = { 'risks-scenario': { latest: { choices: [{ step: 's', option: 'o', at: 1 }], score: 0 }, runs: 1 } };
    expect(chapterStatus(progress({ scenarios }), risks)).toBe('in-progress');
  });

  it('stays in progress when every section is seen but the quiz is not passed', () => {
    const p = progress({ sectionsSeen: seen('i1', 'i2'), quizzes: { 'intro-quiz': { attempts: [finished(1, 40, false)] } } });
    expect(chapterStatus(p, intro)).toBe('in-progress');
  });

  it('stays in progress when the quiz is passed but a section has not been seen', () => {
    const p = progress({ sectionsSeen: seen('i1'), quizzes: { 'intro-quiz': { attempts: [finished(1, 100, true)] } } });
    expect(chapterStatus(p, intro)).toBe('in-progress');
  });

  it('is completed only when every section is seen and every quiz passed, whichever attempt passed', () => {
    const two = chapter('two', { sections: sections('a'), quizzes: [quizMeta('q1'), quizMeta('q2')] });
    const onePassed = progress({ sectionsSeen: seen('a'), quizzes: { q1: { attempts: [finished(1, 90, true)] } } });
    expect(chapterStatus(onePassed, two)).toBe('in-progress');
    const bothPassed = progress({
      sectionsSeen: seen('a'),
      quizzes: { q1: { attempts: [finished(1, 90, true)] }, q2: { attempts: [finished(1, 50, false), finished(2, 85, true)] } },
    });
    expect(chapterStatus(bothPassed, two)).toBe('completed');
  });

  it('completes a chapter without quizzes once every section is seen', () => {
    const reading = chapter('reading', { sections: sections('a', 'b') });
    expect(chapterStatus(progress({ sectionsSeen: seen('a', 'b') }), reading)).toBe('completed');
  });

  it('ignores a section seen in an older version that the chapter no longer has', () => {
    expect(chapterStatus(progress({ sectionsSeen: seen('i1', 'old') }), intro)).toBe('in-progress');
  });
});

describe('quizPassed and quizBest', () => {
  it('reports a quiz passed when any attempt passed, and the best finished percentage', () => {
    const p = progress({ quizzes: { q: { attempts: [finished(1, 60, false), finished(2, 85, true), unfinished(3)] } } });
    expect(quizPassed(p, 'q')).toBe(true);
    expect(quizBest(p, 'q')).toBe(85);
  });

  it('has no best before the first finished attempt', () => {
    expect(quizBest(progress(), 'q')).toBeUndefined();
    expect(quizBest(progress({ quizzes: { q: { attempts: [unfinished(1)] } } }), 'q')).toBeUndefined();
    expect(quizPassed(progress(), 'q')).toBe(false);
  });
});

describe('courseSummary', () => {
  it('is not started, at zero, for a new learner', () => {
    expect(courseSummary(progress(), course)).toEqual({ status: 'not-started', chaptersCompleted: 0, chapters: 2, percent: 0, timeMs: 0 });
  });

  it('counts sections seen and quizzes passed towards the percentage and chapters completed', () => {
    // 6 units: 4 sections and 2 quizzes; 3 done
    const p = progress({ sectionsSeen: seen('i1', 'i2'), quizzes: { 'intro-quiz': { attempts: [finished(1, 50, false), finished(2, 80, true)] } } });
    expect(courseSummary(p, course)).toMatchObject({ status: 'in-progress', chaptersCompleted: 1, chapters: 2, percent: 50 });
  });

  it('rounds the percentage to a whole number', () => {
    expect(courseSummary(progress({ sectionsSeen: seen('i1') }), course).percent).toBe(17);
  });

  it('adds up the active time of every chapter', () => {
    expect(courseSummary(progress({ time: { intro: 60_000, risks: 30_000 } }), course).timeMs).toBe(90_000);
  });

  it('averages the best finished percentage of each quiz attempted', () => {
    const p = progress({
      quizzes: {
        'intro-quiz': { attempts: [finished(1, 50, false), finished(2, 80, true)] },
        'risks-quiz': { attempts: [finished(1, 55, false), unfinished(2)] },
      },
    });
    expect(courseSummary(p, course).averageScore).toBe(68); // (80 + 55) / 2 = 67.5
  });

  it('has no average score before a quiz is finished', () => {
    expect(courseSummary(progress({ quizzes: { 'intro-quiz': { attempts: [unfinished(1)] } } }), course).averageScore).toBeUndefined();
  });

  it('is completed at 100% when every chapter is completed', () => {
    const p = progress({
      sectionsSeen: seen('i1', 'i2', 'r1', 'r2'),
      quizzes: { 'intro-quiz': { attempts: [finished(1, 100, true)] }, 'risks-quiz': { attempts: [finished(1, 90, true)] } },
    });
    expect(courseSummary(p, course)).toEqual({ status: 'completed', chaptersCompleted: 2, chapters: 2, percent: 100, timeMs: 0, averageScore: 95 });
  });
});

describe('continueTarget', () => {
  it('leads to the first chapter for a new learner', () => {
    expect(continueTarget(progress(), course)).toEqual({ chapter: 'intro' });
  });

  it('leads to the resume point when its chapter still exists', () => {
    expect(continueTarget(progress({ resume: { chapter: 'risks', section: 'r2' } }), course)).toEqual({ chapter: 'risks', section: 'r2' });
  });

  it('leads to the first unfinished chapter when the resume point’s chapter has been removed', () => {
    const p = progress({
      resume: { chapter: 'removed', section: 'x' },
      sectionsSeen: seen('i1', 'i2'),
      quizzes: { 'intro-quiz': { attempts: [finished(1, 100, true)] } },
    });
    expect(continueTarget(p, course)).toEqual({ chapter: 'risks' });
  });

  it('leads to the first chapter when every chapter is completed and there is no resume point', () => {
    const p = progress({
      sectionsSeen: seen('i1', 'i2', 'r1', 'r2'),
      quizzes: { 'intro-quiz': { attempts: [finished(1, 100, true)] }, 'risks-quiz': { attempts: [finished(1, 90, true)] } },
    });
    expect(continueTarget(p, course)).toEqual({ chapter: 'intro' });
  });

  it('leads nowhere in a course without chapters', () => {
    expect(continueTarget(progress(), manifest())).toBeUndefined();
  });
});

// ---- updates --------------------------------------------------------------------------------------

describe('markSectionSeen', () => {
  it('records the time a section was first seen', () => {
    expect(markSectionSeen(progress(), 'i1', 1000).sectionsSeen).toEqual({ i1: 1000 });
  });

  it('keeps the first time and returns the same progress when seen again', () => {
    const p = markSectionSeen(progress(), 'i1', 1000);
    expect(markSectionSeen(p, 'i1', 2000)).toBe(p);
  });

  it('does not change the progress it was given', () => {
    const p = progress();
    markSectionSeen(p, 'i1', 1000);
    expect(p.sectionsSeen).toEqual({});
  });
});

describe('setResume, addTime and placeRisk', () => {
  it('sets the resume point and returns the same progress when it is unchanged', () => {
    const p = setResume(progress(), 'intro', 'i2');
    expect(p.resume).toEqual({ chapter: 'intro', section: 'i2' });
    expect(setResume(p, 'intro', 'i2')).toBe(p);
    expect(setResume(p, 'risks').resume).toEqual({ chapter: 'risks' });
  });

  it('adds whole milliseconds of time to a chapter and ignores nothing or less', () => {
    const p = addTime(addTime(progress(), 'intro', 1000.4), 'intro', 500);
    expect(p.time).toEqual({ intro: 1500 });
    expect(addTime(p, 'intro', 0)).toBe(p);
    expect(addTime(p, 'intro', -5)).toBe(p);
  });

  it('places a risk and replaces an earlier placement of the same risk', () => {
    const p = placeRisk(placeRisk(progress(), 'm', 'r1', { likelihood: 1, impact: 1 }), 'm', 'r2', { likelihood: 2, impact: 2 });
    expect(placeRisk(p, 'm', 'r1', { likelihood: 4, impact: 4 }).matrices).toEqual({ m: { r1: { likelihood: 4, impact: 4 }, r2: { likelihood: 2, impact: 2 } } });
  });
});

describe('quiz attempts', () => {
  const q = (id: string, points = 1): Question => ({ id, type: 'truefalse', points, prompt: id, explain: '', answer: true, choices: [], pairs: [] });
  const quiz: QuizData = { id: 'quiz', passMark: 50, attempts: 2, questions: [q('q1'), q('q2', 3)] };
  const yes: Answer = { type: 'truefalse', value: true };
  const no: Answer = { type: 'truefalse', value: false };

  it('starts attempt 1 with a seed from the learner, the quiz and the attempt number', () => {
    const p = startAttempt(progress(), quiz, 'learner-1', 500);
    expect(p.quizzes.quiz!.attempts).toEqual([{ n: 1, seed: hashSeed('learner-1:quiz:1'), startedAt: 500, answers: {}, scores: {}, latency: {}, answeredAt: {} }]);
    expect(openAttempt(p, 'quiz')?.n).toBe(1);
  });

  it('does not start another attempt while one is open', () => {
    const p = startAttempt(progress(), quiz, 'learner-1', 500);
    expect(startAttempt(p, quiz, 'learner-1', 900)).toBe(p);
  });

  it('records an answer with its score, latency and time, and leaves the attempt open until every question is answered', () => {
    let p = startAttempt(progress(), quiz, 'learner-1', 0);
    p = submitAnswer(p, quiz, 'q2', yes, 1234.6, 10);
    const a = openAttempt(p, 'quiz')!;
    expect(a.answers).toEqual({ q2: yes });
    expect(a.scores).toEqual({ q2: { score: 3, max: 3, correct: true } });
    expect(a.latency).toEqual({ q2: 1235 });
    expect(a.answeredAt).toEqual({ q2: 10 });
    expect(a.submittedAt).toBeUndefined();
  });

  it('never records a negative latency', () => {
    const p = submitAnswer(startAttempt(progress(), quiz, 'l', 0), quiz, 'q1', yes, -40, 1);
    expect(openAttempt(p, 'quiz')!.latency.q1).toBe(0);
  });

  it('ignores a second answer to the same question', () => {
    const p = submitAnswer(startAttempt(progress(), quiz, 'l', 0), quiz, 'q1', no, 100, 1);
    expect(submitAnswer(p, quiz, 'q1', yes, 100, 2)).toBe(p);
  });

  it('ignores an answer when no attempt is open or the question is not in the quiz', () => {
    const none = progress();
    expect(submitAnswer(none, quiz, 'q1', yes, 100, 1)).toBe(none);
    const open = startAttempt(progress(), quiz, 'l', 0);
    expect(submitAnswer(open, quiz, 'unknown', yes, 100, 1)).toBe(open);
  });

  it('finishes the attempt with score, percent and pass once every question is answered', () => {
    let p = startAttempt(progress(), quiz, 'l', 0);
    p = submitAnswer(p, quiz, 'q1', no, 100, 1);
    p = submitAnswer(p, quiz, 'q2', yes, 100, 2);
    expect(openAttempt(p, 'quiz')).toBeUndefined();
    expect(p.quizzes.quiz!.attempts[0]).toMatchObject({ n: 1, submittedAt: 2, score: 3, max: 4, percent: 75, passed: true });
    expect(quizPassed(p, 'quiz')).toBe(true);
  });

  it('finishes a failed attempt as not passed and ignores answers after it is finished', () => {
    let p = startAttempt(progress(), quiz, 'l', 0);
    p = submitAnswer(p, quiz, 'q1', yes, 100, 1);
    p = submitAnswer(p, quiz, 'q2', no, 100, 2);
    expect(p.quizzes.quiz!.attempts[0]).toMatchObject({ score: 1, max: 4, percent: 25, passed: false });
    expect(submitAnswer(p, quiz, 'q2', yes, 100, 3)).toBe(p);
  });

  it('starts the next attempt with a new number and seed once the last one is finished', () => {
    let p = startAttempt(progress(), quiz, 'l', 0);
    p = submitAnswer(submitAnswer(p, quiz, 'q1', no, 1, 1), quiz, 'q2', no, 1, 2);
    p = startAttempt(p, quiz, 'l', 3);
    const [first, second] = p.quizzes.quiz!.attempts;
    expect(second).toMatchObject({ n: 2, seed: hashSeed('l:quiz:2'), startedAt: 3 });
    expect(second!.seed).not.toBe(first!.seed);
    expect(first!.passed).toBe(false);
  });

  it('refuses to start an attempt when none remain', () => {
    const p = progress({ quizzes: { quiz: { attempts: [finished(1, 0, false), finished(2, 10, false)] } } });
    expect(startAttempt(p, quiz, 'l', 5)).toBe(p);
  });

  it('always starts another attempt when attempts are unlimited', () => {
    const attempts = Array.from({ length: 20 }, (_, i) => finished(i + 1, 0, false));
    const p = startAttempt(progress({ quizzes: { quiz: { attempts } } }), { ...quiz, attempts: 0 }, 'l', 5);
    expect(p.quizzes.quiz!.attempts).toHaveLength(21);
    expect(openAttempt(p, 'quiz')?.n).toBe(21);
  });
});

describe('scenario runs', () => {
  const option = (id: string, to: string, score: number): ScenarioOption => ({ id, to, score, text: id });
  const outcome = (id: string, rating: OutcomeRating) => ({ id, rating, title: id, text: [] });
  const sc: ScenarioData = {
    id: 'sc',
    title: 'Scenario',
    start: 's1',
    steps: [
      { id: 's1', text: [], options: [option('good', 's2', 2), option('bad', 'poor', 0)] },
      { id: 's2', text: [], options: [option('finish', 'great', 1)] },
    ],
    outcomes: [outcome('great', 'good'), outcome('poor', 'poor')],
    maxScore: 3,
  };

  it('starts the first run with the first choice', () => {
    const p = chooseOption(progress(), sc, { step: 's1', option: 'good' }, 10);
    expect(p.scenarios.sc).toEqual({ latest: { choices: [{ step: 's1', option: 'good', at: 10 }], score: 2 }, runs: 1 });
  });

  it('ignores a choice that does not fit where the run is', () => {
    const p = progress();
    expect(chooseOption(p, sc, { step: 's2', option: 'finish' }, 10)).toBe(p);
    expect(chooseOption(p, sc, { step: 's1', option: 'missing' }, 10)).toBe(p);
  });

  it('ends the run at an outcome and keeps it as the best run', () => {
    let p = chooseOption(progress(), sc, { step: 's1', option: 'good' }, 10);
    p = chooseOption(p, sc, { step: 's2', option: 'finish' }, 20);
    // each decision keeps when it was taken
    const run = { choices: [{ step: 's1', option: 'good', at: 10 }, { step: 's2', option: 'finish', at: 20 }], score: 3, outcome: 'great', endedAt: 20 };
    expect(p.scenarios.sc).toEqual({ latest: run, best: run, runs: 1 });
  });

  it('ignores further choices once the run has ended', () => {
    const p = chooseOption(progress(), sc, { step: 's1', option: 'bad' }, 10);
    expect(chooseOption(p, sc, { step: 's1', option: 'good' }, 20)).toBe(p);
  });

  it('restarts with an empty latest run, counts the run and keeps the best', () => {
    let p = chooseOption(progress(), sc, { step: 's1', option: 'good' }, 10);
    p = chooseOption(p, sc, { step: 's2', option: 'finish' }, 20);
    const best = p.scenarios.sc!.best;
    p = restartScenario(p, 'sc');
    expect(p.scenarios.sc).toEqual({ latest: { choices: [], score: 0 }, best, runs: 2 });
  });

  it('keeps the better earlier run as best when a later run ends worse, and the later one as latest', () => {
    let p = chooseOption(progress(), sc, { step: 's1', option: 'good' }, 10);
    p = chooseOption(p, sc, { step: 's2', option: 'finish' }, 20);
    p = chooseOption(restartScenario(p, 'sc'), sc, { step: 's1', option: 'bad' }, 30);
    expect(p.scenarios.sc!.best).toMatchObject({ score: 3, outcome: 'great', endedAt: 20 });
    expect(p.scenarios.sc!.latest).toMatchObject({ score: 0, outcome: 'poor', endedAt: 30 });
    expect(p.scenarios.sc!.runs).toBe(2);
  });

  it('replaces the best run when a later run ends better', () => {
    let p = chooseOption(progress(), sc, { step: 's1', option: 'bad' }, 10);
    p = restartScenario(p, 'sc');
    p = chooseOption(p, sc, { step: 's1', option: 'good' }, 20);
    expect(p.scenarios.sc!.best).toMatchObject({ score: 0, outcome: 'poor' }); // unfinished runs never become best
    p = chooseOption(p, sc, { step: 's2', option: 'finish' }, 30);
    expect(p.scenarios.sc!.best).toMatchObject({ score: 3, outcome: 'great', endedAt: 30 });
  });

  it('does nothing when restarting a scenario not begun or already restarted', () => {
    const none = progress();
    expect(restartScenario(none, 'sc')).toBe(none);
    const restarted = restartScenario(chooseOption(none, sc, { step: 's1', option: 'bad' }, 10), 'sc');
    expect(restartScenario(restarted, 'sc')).toBe(restarted);
  });
});

describe('action plan items', () => {
  const item = (id: string, action = `do ${id}`): PlanItem => ({ id, area: 'gifts', action, measure: 'measure', due: '2025-01-31' });

  it('adds new items in order', () => {
    const p = savePlanItem(savePlanItem(progress(), 'plan', item('a')), 'plan', item('b'));
    expect(p.plans.plan).toEqual([item('a'), item('b')]);
  });

  it('updates an item with the same id in place', () => {
    let p = savePlanItem(savePlanItem(progress(), 'plan', item('a')), 'plan', item('b'));
    p = savePlanItem(p, 'plan', { ...item('a', 'changed'), done: true });
    expect(p.plans.plan).toEqual([{ ...item('a', 'changed'), done: true }, item('b')]);
  });

  it('removes an item and leaves the others and other plans alone', () => {
    let p = savePlanItem(savePlanItem(progress(), 'plan', item('a')), 'plan', item('b'));
    p = savePlanItem(p, 'other', item('a'));
    p = removePlanItem(p, 'plan', 'a');
    expect(p.plans.plan!.filter((i) => !i.deleted)).toEqual([item('b')]);
    expect(p.plans.other).toEqual([item('a')]);
  });

  it('leaves an empty tombstone for a removed item, so another tab cannot bring it back', () => {
    const p = removePlanItem(savePlanItem(progress(), 'plan', item('a')), 'plan', 'a');
    expect(p.plans.plan).toEqual([{ id: 'a', area: '', action: '', measure: '', due: '', deleted: true }]);
  });

  it('tolerates removing an item that does not exist', () => {
    expect(removePlanItem(progress(), 'plan', 'missing').plans).toEqual({ plan: [] });
  });
});
