/**
 * Builders for the domain tests of the certificate path: a small course (chapters with sections, a quiz, and
 * optionally a scenario and a matrix; a bank tagged by part) and the progress of a learner who has done it.
 */
import type { ChapterMeta, CourseManifest, Question } from './course.ts';
import { emptyProgress, type LearnerProgress, type QuizAttempt } from './progress.ts';
import type { Answer } from './scoring.ts';

export function chapterMeta(id: string, part: number, extra: Partial<ChapterMeta> = {}): ChapterMeta {
  return {
    id,
    file: `content/chapters/${id}.mdx`,
    title: id,
    part,
    minutes: 10,
    objectives: [],
    sections: [{ id: `${id}-s1`, title: '一', chars: 900 }, { id: `${id}-s2`, title: '二', chars: 90 }],
    quizzes: [{ id: `${id}-quiz`, passMark: 80, attempts: 2, maxPoints: 1, questionIds: [`${id}-q1`] }],
    scenarios: [],
    matrices: [],
    plans: [],
    ...extra,
  };
}

export function bankQuestion(id: string, part: number): Question {
  return { id, type: 'truefalse', answer: true, points: 1, part, prompt: id, explain: '', choices: [], pairs: [] };
}

/** Two parts, two bank questions each. */
export const BANK: Question[] = [bankQuestion('b1a', 1), bankQuestion('b1b', 1), bankQuestion('b2a', 2), bankQuestion('b2b', 2)];

export function manifest(extra: Partial<CourseManifest> = {}): CourseManifest {
  return {
    id: 'test-course',
    version: '1.0.0',
    title: '测试课程',
    defaultLocale: 'zh-CN',
    masteryScore: 75,
    certificateValidityMonths: 12,
    assessment: { questionsPerPart: 2, attempts: 2, refresherQuestionsPerPart: 1 },
    chapters: [chapterMeta('one', 1), chapterMeta('two', 2)],
    bank: BANK.map((q) => ({ id: q.id, part: q.part!, points: q.points })),
    assessmentBank: { id: 'final', title: '结业考核', file: 'content/assessment.mdx' },
    ...extra,
  };
}

export function attempt(n: number, extra: Partial<QuizAttempt> = {}): QuizAttempt {
  return { n, seed: n, startedAt: 0, answers: {}, scores: {}, latency: {}, answeredAt: {}, ...extra };
}

const TRUE: Answer = { type: 'truefalse', value: true };
const FALSE: Answer = { type: 'truefalse', value: false };

/** A finished assessment attempt over the whole bank (pass mark 75: one wrong answer of four still passes); `wrong` are the ids answered wrongly. */
export function assessed(n: number, at: number, wrong: string[] = [], mode: QuizAttempt['mode'] = 'final', courseVersion = '1.0.0'): QuizAttempt {
  const ids = BANK.map((q) => q.id);
  const right = ids.filter((id) => !wrong.includes(id)).length;
  const percent = (right / ids.length) * 100;
  return attempt(n, {
    startedAt: at - 1000,
    questionIds: ids,
    answers: Object.fromEntries(ids.map((id) => [id, wrong.includes(id) ? FALSE : TRUE])),
    scores: Object.fromEntries(ids.map((id) => [id, { score: wrong.includes(id) ? 0 : 1, max: 1, correct: !wrong.includes(id) }])),
    submittedAt: at,
    score: right,
    max: ids.length,
    percent,
    passed: percent >= 75,
    mode,
    courseVersion,
  });
}

/** A learner who has read every section and passed every chapter quiz, by `at`. */
export function courseworkDone(m: CourseManifest, at: number): LearnerProgress {
  const p = emptyProgress(m.version);
  for (const c of m.chapters) {
    for (const s of c.sections) p.sectionsSeen[s.id] = at - 1000;
    for (const q of c.quizzes) p.quizzes[q.id] = { attempts: [attempt(1, { submittedAt: at, percent: 100, passed: true })] };
  }
  return p;
}

export function withAssessment(p: LearnerProgress, m: CourseManifest, ...attempts: QuizAttempt[]): LearnerProgress {
  const id = m.assessmentBank!.id;
  return { ...p, quizzes: { ...p.quizzes, [id]: { attempts: [...(p.quizzes[id]?.attempts ?? []), ...attempts] } } };
}
