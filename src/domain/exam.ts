/**
 * The final assessment answered as an exam: answers are kept (and may be changed) while the attempt is open, and
 * nothing is scored until the learner hands the paper in (交卷). Unanswered questions score nothing. Pure.
 */
import { startAssessment, type AssessmentMode } from './assessment.ts';
import type { Question, QuizData } from './course.ts';
import type { LearnerProgress, QuizAttempt } from './progress.ts';
import { scoreQuiz, type Answer } from './scoring.ts';

/**
 * Starts an attempt (see startAssessment: none while one is open, final attempts within `allowed`), noting the
 * course version it is taken on, which a certificate it earns will state.
 */
export function startExam(p: LearnerProgress, bankId: string, allowed: number, draw: { questionIds: string[]; seed: number; mode: AssessmentMode }, courseVersion: string, now: number): LearnerProgress {
  const next = startAssessment(p, bankId, allowed, draw, now);
  if (next === p) return p;
  const attempts = next.quizzes[bankId]!.attempts;
  return { ...next, quizzes: { ...next.quizzes, [bankId]: { attempts: [...attempts.slice(0, -1), { ...attempts.at(-1)!, courseVersion }] } } };
}

function openExam(p: LearnerProgress, bankId: string): QuizAttempt | undefined {
  const last = p.quizzes[bankId]?.attempts.at(-1);
  return last && last.submittedAt === undefined ? last : undefined;
}

function replaceLast(p: LearnerProgress, bankId: string, attempt: QuizAttempt): LearnerProgress {
  const attempts = p.quizzes[bankId]!.attempts;
  return { ...p, quizzes: { ...p.quizzes, [bankId]: { attempts: [...attempts.slice(0, -1), attempt] } } };
}

/**
 * Sets (or, with `undefined`, clears) the answer to one drawn question of the open attempt. Unlike a chapter
 * quiz's submitAnswer, a second answer replaces the first: the paper is not marked before 交卷.
 */
export function setExamAnswer(p: LearnerProgress, bankId: string, questionId: string, answer: Answer | undefined, now: number): LearnerProgress {
  const open = openExam(p, bankId);
  if (!open || !(open.questionIds ?? []).includes(questionId)) return p;
  const answers = { ...open.answers };
  const answeredAt = { ...open.answeredAt };
  if (answer) {
    answers[questionId] = answer;
    answeredAt[questionId] = now;
  } else {
    if (!(questionId in answers)) return p;
    delete answers[questionId];
    delete answeredAt[questionId];
  }
  return replaceLast(p, bankId, { ...open, answers, answeredAt });
}

/** Hands the open attempt in: every drawn question is scored (unanswered ones as wrong) and the attempt finished. */
export function submitExam(p: LearnerProgress, quiz: Pick<QuizData, 'id' | 'passMark' | 'questions'>, now: number): LearnerProgress {
  const open = openExam(p, quiz.id);
  if (!open) return p;
  const drawn = new Set(open.questionIds ?? quiz.questions.map((q) => q.id));
  const questions = quiz.questions.filter((q) => drawn.has(q.id));
  const s = scoreQuiz({ questions, passMark: quiz.passMark }, open.answers);
  return replaceLast(p, quiz.id, { ...open, scores: s.perQuestion, submittedAt: now, score: s.score, max: s.max, percent: s.percent, passed: s.passed });
}

/** The drawn questions of an attempt in the order drawn (ids the bank no longer has are left out). */
export function examQuestions(bank: readonly Question[], attempt: Pick<QuizAttempt, 'questionIds'> | undefined): Question[] {
  if (!attempt?.questionIds) return [];
  const byId = new Map(bank.map((q) => [q.id, q]));
  return attempt.questionIds.flatMap((id) => byId.get(id) ?? []);
}

/** Whether an answer is complete enough to count as given (a multiple choice with nothing picked is not). */
export function isAnswered(q: Question, a: Answer | undefined): boolean {
  if (!a || a.type !== q.type) return false;
  if (a.type === 'multiple') return a.choices.length > 0;
  if (a.type === 'match') return q.pairs.every((x) => a.pairs[x.id]);
  return true;
}

export interface ExamProgress {
  answered: number;
  total: number;
  /** indexes (0-based) of the questions not yet answered */
  unanswered: number[];
}

export function examProgress(questions: readonly Question[], attempt: Pick<QuizAttempt, 'answers'>): ExamProgress {
  const unanswered = questions.flatMap((q, i) => (isAnswered(q, attempt.answers[q.id]) ? [] : [i]));
  return { answered: questions.length - unanswered.length, total: questions.length, unanswered };
}

/** The questions of a finished attempt that did not earn full marks, in the order asked. */
export function missedQuestions(questions: readonly Question[], attempt: Pick<QuizAttempt, 'scores'>): Question[] {
  return questions.filter((q) => !attempt.scores[q.id]?.correct);
}
