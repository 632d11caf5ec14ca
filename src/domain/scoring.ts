/** Scoring every question type, and quizzes. Pure: scoring reads the course data, never the page. */
import type { Question, QuizData } from './course.ts';

export type Answer =
  | { type: 'single'; choice: string }
  | { type: 'multiple'; choices: string[] }
  | { type: 'truefalse'; value: boolean }
  | { type: 'order'; order: string[] }
  /** left pair id → the pair id whose right side the learner matched to it */
  | { type: 'match'; pairs: Record<string, string> };

export interface QuestionScore {
  score: number;
  max: number;
  correct: boolean;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export function scoreQuestion(q: Question, answer: Answer | undefined): QuestionScore {
  const max = q.points;
  const result = (fraction: number): QuestionScore => {
    const f = Math.min(1, Math.max(0, fraction));
    return { score: round(max * f), max, correct: f === 1 };
  };
  if (!answer || answer.type !== q.type) return result(0);
  switch (answer.type) {
    case 'single':
      return result(q.choices.some((c) => c.correct && c.id === answer.choice) ? 1 : 0);
    case 'truefalse':
      return result(q.answer === answer.value ? 1 : 0);
    case 'multiple': {
      const picked = new Set(answer.choices);
      const keys = q.choices.filter((c) => c.correct).map((c) => c.id);
      const hits = keys.filter((k) => picked.has(k)).length;
      const misses = [...picked].filter((p) => !keys.includes(p) && q.choices.some((c) => c.id === p)).length;
      if (!q.partial) return result(hits === keys.length && misses === 0 ? 1 : 0);
      // partial credit: each right pick earns a share, each wrong pick takes one away, never below zero
      return result((hits - misses) / keys.length);
    }
    case 'order': {
      const key = q.choices.map((c) => c.id);
      return result(key.length === answer.order.length && key.every((k, i) => answer.order[i] === k) ? 1 : 0);
    }
    case 'match': {
      if (q.pairs.length === 0) return result(0);
      const right = q.pairs.filter((p) => answer.pairs[p.id] === p.id).length;
      return result(right / q.pairs.length);
    }
  }
}

export interface QuizScore {
  score: number;
  max: number;
  /** 0–100 */
  percent: number;
  passed: boolean;
  perQuestion: Record<string, QuestionScore>;
}

export function scoreQuiz(quiz: Pick<QuizData, 'questions' | 'passMark'>, answers: Readonly<Record<string, Answer>>): QuizScore {
  const perQuestion: Record<string, QuestionScore> = {};
  let score = 0;
  let max = 0;
  for (const q of quiz.questions) {
    const s = scoreQuestion(q, answers[q.id]);
    perQuestion[q.id] = s;
    score += s.score;
    max += s.max;
  }
  const percent = max > 0 ? round((score / max) * 100) : 0;
  return { score: round(score), max, percent, passed: max > 0 && percent + 1e-9 >= quiz.passMark, perQuestion };
}

/** Whether another attempt may start: `allowed` 0 means unlimited. */
export function attemptsLeft(used: number, allowed: number): number {
  return allowed === 0 ? Infinity : Math.max(0, allowed - used);
}

/** The answer that scores full marks: shown to the learner once the quiz is over. */
export function correctAnswer(q: Question): Answer {
  switch (q.type) {
    case 'single':
      return { type: 'single', choice: q.choices.find((c) => c.correct)?.id ?? '' };
    case 'multiple':
      return { type: 'multiple', choices: q.choices.filter((c) => c.correct).map((c) => c.id) };
    case 'truefalse':
      return { type: 'truefalse', value: q.answer === true };
    case 'order':
      return { type: 'order', order: q.choices.map((c) => c.id) };
    case 'match':
      return { type: 'match', pairs: Object.fromEntries(q.pairs.map((p) => [p.id, p.id])) };
  }
}
