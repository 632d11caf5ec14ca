/** Pure updates of LearnerProgress: each returns a new object (or the same one when nothing changes). */
import type { QuizData, ScenarioData } from './course.ts';
import type { LearnerProgress, PlanItem, QuizAttempt, ScenarioRun } from './progress.ts';
import { hashSeed } from './random.ts';
import type { Placement } from './risk.ts';
import { recordReread } from './rounds.ts';
import { replay, type ScenarioChoice } from './scenario.ts';
import { attemptsLeft, scoreQuestion, scoreQuiz, type Answer } from './scoring.ts';

export function markSectionSeen(p: LearnerProgress, sectionId: string, now: number): LearnerProgress {
  if (p.sectionsSeen[sectionId] !== undefined) return p;
  return { ...p, sectionsSeen: { ...p.sectionsSeen, [sectionId]: now } };
}

/**
 * A section's reading time on screen was reached: it counts as read (the first time), and as read again for
 * every round of attempts waiting on it (rounds.ts).
 */
export function markSectionRead(p: LearnerProgress, sectionId: string, now: number): LearnerProgress {
  return recordReread(markSectionSeen(p, sectionId, now), sectionId, now);
}

export function setResume(p: LearnerProgress, chapter: string, section?: string): LearnerProgress {
  if (p.resume?.chapter === chapter && p.resume.section === section) return p;
  return { ...p, resume: section ? { chapter, section } : { chapter } };
}

export function addTime(p: LearnerProgress, chapter: string, ms: number): LearnerProgress {
  if (ms <= 0) return p;
  return { ...p, time: { ...p.time, [chapter]: (p.time[chapter] ?? 0) + Math.round(ms) } };
}

/** The attempt in progress (started, not finished), if any. */
export function openAttempt(p: LearnerProgress, quizId: string): QuizAttempt | undefined {
  const last = p.quizzes[quizId]?.attempts.at(-1);
  return last && last.submittedAt === undefined ? last : undefined;
}

/** Starts a new attempt when none is open and attempts remain; the seed fixes this attempt's choice order. */
export function startAttempt(p: LearnerProgress, quiz: Pick<QuizData, 'id' | 'attempts'>, seedBase: string, now: number): LearnerProgress {
  if (openAttempt(p, quiz.id)) return p;
  const attempts = p.quizzes[quiz.id]?.attempts ?? [];
  if (attemptsLeft(attempts.length, quiz.attempts) <= 0) return p;
  const n = attempts.length + 1;
  const attempt: QuizAttempt = { n, seed: hashSeed(`${seedBase}:${quiz.id}:${n}`), startedAt: now, answers: {}, scores: {}, latency: {}, answeredAt: {} };
  return { ...p, quizzes: { ...p.quizzes, [quiz.id]: { attempts: [...attempts, attempt] } } };
}

/** Records one submitted answer in the open attempt; finishes the attempt when every question is answered. */
export function submitAnswer(p: LearnerProgress, quiz: QuizData, questionId: string, answer: Answer, latencyMs: number, now: number): LearnerProgress {
  const open = openAttempt(p, quiz.id);
  const q = quiz.questions.find((x) => x.id === questionId);
  if (!open || !q || open.answers[questionId]) return p;
  let attempt: QuizAttempt = {
    ...open,
    answers: { ...open.answers, [questionId]: answer },
    scores: { ...open.scores, [questionId]: scoreQuestion(q, answer) },
    latency: { ...open.latency, [questionId]: Math.max(0, Math.round(latencyMs)) },
    answeredAt: { ...open.answeredAt, [questionId]: now },
  };
  if (quiz.questions.every((x) => attempt.answers[x.id])) {
    const s = scoreQuiz(quiz, attempt.answers);
    attempt = { ...attempt, submittedAt: now, score: s.score, max: s.max, percent: s.percent, passed: s.passed };
  }
  const attempts = [...p.quizzes[quiz.id]!.attempts.slice(0, -1), attempt];
  return { ...p, quizzes: { ...p.quizzes, [quiz.id]: { attempts } } };
}

export function chooseOption(p: LearnerProgress, s: ScenarioData, choice: ScenarioChoice, now: number): LearnerProgress {
  const prev = p.scenarios[s.id];
  const latest = prev?.latest ?? { choices: [], score: 0 };
  if (latest.outcome) return p;
  const choices = [...latest.choices, { step: choice.step, option: choice.option, at: now }];
  const walk = replay(s, choices);
  if (walk.valid.length !== choices.length) return p;
  const run: ScenarioRun = { choices, score: walk.score };
  if (walk.current.kind === 'outcome') {
    run.outcome = walk.current.outcome.id;
    run.endedAt = now;
  }
  const best = run.outcome && (!prev?.best || run.score > prev.best.score) ? run : prev?.best;
  return { ...p, scenarios: { ...p.scenarios, [s.id]: { latest: run, ...(best ? { best } : {}), runs: (prev?.runs ?? 0) + (prev ? 0 : 1) } } };
}

export function restartScenario(p: LearnerProgress, scenarioId: string): LearnerProgress {
  const prev = p.scenarios[scenarioId];
  if (!prev || prev.latest.choices.length === 0) return p;
  return { ...p, scenarios: { ...p.scenarios, [scenarioId]: { ...prev, latest: { choices: [], score: 0 }, runs: prev.runs + 1 } } };
}

export function placeRisk(p: LearnerProgress, matrixId: string, riskId: string, placement: Placement): LearnerProgress {
  return { ...p, matrices: { ...p.matrices, [matrixId]: { ...p.matrices[matrixId], [riskId]: placement } } };
}

export function savePlanItem(p: LearnerProgress, planId: string, item: PlanItem): LearnerProgress {
  const items = p.plans[planId] ?? [];
  const exists = items.some((i) => i.id === item.id);
  return { ...p, plans: { ...p.plans, [planId]: exists ? items.map((i) => (i.id === item.id ? item : i)) : [...items, item] } };
}

export function removePlanItem(p: LearnerProgress, planId: string, itemId: string): LearnerProgress {
  const tombstone = (i: PlanItem): PlanItem => ({ id: i.id, area: '', action: '', measure: '', due: '', deleted: true });
  return { ...p, plans: { ...p.plans, [planId]: (p.plans[planId] ?? []).map((i) => (i.id === itemId ? tombstone(i) : i)) } };
}

/**
 * Undoes a removal. The removed item stays a tombstone (another tab or device may already hold it, and a tombstone
 * always wins a merge), so the item comes back under a new id, in the place it had.
 */
export function restorePlanItem(p: LearnerProgress, planId: string, removedId: string, item: PlanItem): LearnerProgress {
  const items = p.plans[planId] ?? [];
  const at = items.findIndex((i) => i.id === removedId);
  const next = at < 0 ? [...items, item] : [...items.slice(0, at + 1), item, ...items.slice(at + 1)];
  return { ...p, plans: { ...p.plans, [planId]: next } };
}
