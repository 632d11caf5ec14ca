/**
 * The final assessment: a seeded, part-balanced draw from the question bank, results by part, and refreshers
 * aimed at the learner's weak parts. Pure.
 */
import type { CourseManifest, Question, QuizData } from './course.ts';
import type { LearnerProgress, QuizAttempt } from './progress.ts';
import { quizBest } from './progress.ts';
import { hashSeed, shuffle } from './random.ts';
import { attemptsLeft } from './scoring.ts';

/** final: counts for the certificate; recertification: the formal refresher that renews it; refresher: practice on weak parts */
export type AssessmentMode = 'final' | 'refresher' | 'recertification';

export interface DrawSettings {
  questionsPerPart: number;
  refresherQuestionsPerPart: number;
}

/**
 * Draws questions part by part (parts in ascending order; within a part, a seeded shuffle). A refresher draws
 * `questionsPerPart` from each weak part and `refresherQuestionsPerPart` from the others.
 */
export function drawQuestions(bank: readonly Question[], settings: DrawSettings, seed: number, mode: AssessmentMode = 'final', weak: ReadonlySet<number> = new Set()): Question[] {
  const parts = [...new Set(bank.map((q) => q.part ?? 0))].sort((a, b) => a - b);
  return parts.flatMap((part) => {
    const pool = bank.filter((q) => (q.part ?? 0) === part);
    const n = mode !== 'final' && !weak.has(part) ? settings.refresherQuestionsPerPart : settings.questionsPerPart;
    return shuffle(pool, seed ^ hashSeed(`part:${part}`)).slice(0, n);
  });
}

export function assessmentSeed(learnerId: string, bankId: string, attempt: number): number {
  return hashSeed(`${learnerId}:${bankId}:${attempt}`);
}

/** The drawn questions of an attempt, as a quiz the scoring engine can score. */
export function assessmentQuiz(bankId: string, questions: Question[], masteryScore: number, attempts: number): QuizData {
  return { id: bankId, passMark: masteryScore, attempts, questions };
}

export function startAssessment(
  p: LearnerProgress,
  bankId: string,
  allowed: number,
  draw: { questionIds: string[]; seed: number; mode: AssessmentMode },
  now: number,
): LearnerProgress {
  const attempts = p.quizzes[bankId]?.attempts ?? [];
  const last = attempts.at(-1);
  if (last && last.submittedAt === undefined) return p;
  // refreshers do not use up final attempts
  const finals = attempts.filter((a) => (a.mode ?? 'final') === 'final').length;
  if (draw.mode === 'final' && attemptsLeft(finals, allowed) <= 0) return p;
  const attempt: QuizAttempt = { n: attempts.length + 1, seed: draw.seed, startedAt: now, answers: {}, scores: {}, latency: {}, answeredAt: {}, questionIds: draw.questionIds, mode: draw.mode };
  return { ...p, quizzes: { ...p.quizzes, [bankId]: { attempts: [...attempts, attempt] } } };
}

export interface PartResult {
  part: number;
  score: number;
  max: number;
  percent: number;
}

/** Scores by part for a finished or open attempt. */
export function resultsByPart(questions: readonly Question[], attempt: Pick<QuizAttempt, 'scores'>): PartResult[] {
  const byPart = new Map<number, { score: number; max: number }>();
  for (const q of questions) {
    const part = q.part ?? 0;
    const r = byPart.get(part) ?? { score: 0, max: 0 };
    r.score += attempt.scores[q.id]?.score ?? 0;
    r.max += q.points;
    byPart.set(part, r);
  }
  return [...byPart.entries()]
    .sort(([a], [b]) => a - b)
    .map(([part, r]) => ({ part, ...r, percent: r.max ? Math.round((r.score / r.max) * 100) : 0 }));
}

/**
 * Weak parts: below the mastery score in the last finished assessment attempt; before any attempt, the parts whose
 * chapter quiz best score is below its pass mark.
 */
export function weakParts(p: LearnerProgress, m: CourseManifest, bank: readonly Question[], bankId: string): Set<number> {
  const done = (p.quizzes[bankId]?.attempts ?? []).filter((a) => a.submittedAt !== undefined);
  const last = done.at(-1);
  if (last) {
    const ids = new Set(last.questionIds ?? Object.keys(last.answers));
    return new Set(resultsByPart(bank.filter((q) => ids.has(q.id)), last).filter((r) => r.percent < m.masteryScore).map((r) => r.part));
  }
  const weak = new Set<number>();
  for (const c of m.chapters)
    for (const q of c.quizzes) {
      const best = quizBest(p, q.id);
      if (best !== undefined && best < q.passMark) weak.add(c.part);
    }
  return weak;
}

export function assessmentPassed(p: LearnerProgress, bankId: string): boolean {
  return (p.quizzes[bankId]?.attempts ?? []).some((a) => a.passed === true);
}
