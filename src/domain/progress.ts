/**
 * A learner's progress: pure data keyed by author-written ids, and the rules that derive status from it.
 * Stored as is; see restore.ts for reading it back forgivingly.
 */
import type { ChapterMeta, CourseManifest } from './course.ts';
import type { Placement } from './risk.ts';
import type { TimedChoice } from './scenario.ts';
import type { Answer, QuestionScore } from './scoring.ts';

export interface QuizAttempt {
  /** 1-based attempt number */
  n: number;
  seed: number;
  startedAt: number;
  /** submitted answers by question id */
  answers: Record<string, Answer>;
  scores: Record<string, QuestionScore>;
  /** ms from the question being shown (or the previous answer) to its submission */
  latency: Record<string, number>;
  /** question id → when its answer was submitted (epoch ms); stored from schema v2 on */
  answeredAt: Record<string, number>;
  submittedAt?: number;
  score?: number;
  max?: number;
  percent?: number;
  passed?: boolean;
  /** final assessment only: the questions drawn for this attempt, and whether it was a refresher */
  questionIds?: string[];
  /** final: counts for the certificate; recertification: the formal refresher that renews it; refresher: practice */
  mode?: 'final' | 'refresher' | 'recertification';
  /** final assessment only: the course version the attempt was taken on (the certificate states it) */
  courseVersion?: string;
}

/** A new round of attempts after the allowed ones were used up without a pass: unlocked by re-reading `sections`. */
export interface Round {
  /** the round's number: 2 is the first round after the first allowance */
  n: number;
  openedAt: number;
  sections: string[];
  /** section id → when it was read again in this round */
  read: Record<string, number>;
  unlockedAt?: number;
}

/** A certificate as issued: kept for good, so a course update or a renewal never rewrites it. */
export interface IssuedCertificate {
  /** 1 for the first certificate, then one more per renewal */
  n: number;
  number: string;
  issuedAt: number;
  /** yyyy-mm-dd in the learner's local calendar */
  issuedOn: string;
  /** the last valid day, yyyy-mm-dd in the learner's local calendar */
  validUntil: string;
  courseVersion: string;
  /** percent of the attempt that earned it */
  score: number;
  /** the assessment attempt (n) that earned it */
  attempt: number;
  kind: 'initial' | 'renewal';
}

export interface QuizProgress {
  attempts: QuizAttempt[];
}

export interface ScenarioRun {
  choices: TimedChoice[];
  score: number;
  outcome?: string;
  endedAt?: number;
}

export interface ScenarioProgress {
  /** the run in progress or last finished */
  latest: ScenarioRun;
  /** the best finished run */
  best?: ScenarioRun;
  runs: number;
}

export interface PlanItem {
  id: string;
  area: string;
  action: string;
  measure: string;
  /** ISO date yyyy-mm-dd */
  due: string;
  done?: boolean;
  /** removed by the learner: kept as an empty tombstone so another tab's copy cannot bring it back */
  deleted?: boolean;
}

export interface LearnerProgress {
  courseVersion: string;
  /** section id → first time seen (epoch ms) */
  sectionsSeen: Record<string, number>;
  quizzes: Record<string, QuizProgress>;
  scenarios: Record<string, ScenarioProgress>;
  /** matrix id → risk id → placement */
  matrices: Record<string, Record<string, Placement>>;
  plans: Record<string, PlanItem[]>;
  /** chapter id → active ms */
  time: Record<string, number>;
  resume?: { chapter: string; section?: string };
  /** quiz id (or the assessment bank id) → rounds opened after the allowed attempts ran out */
  rounds?: Record<string, Round[]>;
  /** every certificate issued, oldest first */
  certificates?: IssuedCertificate[];
  startedAt?: number;
  updatedAt: number;
}

export function emptyProgress(courseVersion: string, now = 0): LearnerProgress {
  return { courseVersion, sectionsSeen: {}, quizzes: {}, scenarios: {}, matrices: {}, plans: {}, time: {}, updatedAt: now };
}

export type Status = 'not-started' | 'in-progress' | 'completed';

export function quizPassed(p: LearnerProgress, quizId: string): boolean {
  return (p.quizzes[quizId]?.attempts ?? []).some((a) => a.passed === true);
}

/** Best finished attempt's percentage, or undefined before the first finished attempt. */
export function quizBest(p: LearnerProgress, quizId: string): number | undefined {
  const done = (p.quizzes[quizId]?.attempts ?? []).filter((a) => a.percent !== undefined);
  return done.length ? Math.max(...done.map((a) => a.percent!)) : undefined;
}

/** A chapter is completed when every section has been seen and every quiz in it passed. */
export function chapterStatus(p: LearnerProgress, ch: ChapterMeta): Status {
  const seen = ch.sections.filter((s) => p.sectionsSeen[s.id] !== undefined).length;
  const passed = ch.quizzes.filter((q) => quizPassed(p, q.id)).length;
  if (seen === ch.sections.length && passed === ch.quizzes.length) return 'completed';
  const touched =
    seen > 0 ||
    ch.quizzes.some((q) => (p.quizzes[q.id]?.attempts.length ?? 0) > 0) ||
    ch.scenarios.some((s) => p.scenarios[s.id]) ||
    (p.time[ch.id] ?? 0) > 0;
  return touched ? 'in-progress' : 'not-started';
}

export function sectionsSeenIn(p: LearnerProgress, ch: ChapterMeta): number {
  return ch.sections.filter((s) => p.sectionsSeen[s.id] !== undefined).length;
}

export interface CourseSummary {
  status: Status;
  chaptersCompleted: number;
  chapters: number;
  /** 0–100, by sections seen and quizzes passed */
  percent: number;
  timeMs: number;
  /** average of best quiz percentages over quizzes attempted */
  averageScore?: number;
}

export function courseSummary(p: LearnerProgress, m: CourseManifest): CourseSummary {
  const statuses = m.chapters.map((c) => chapterStatus(p, c));
  const done = statuses.filter((s) => s === 'completed').length;
  let units = 0;
  let got = 0;
  const scores: number[] = [];
  for (const c of m.chapters) {
    units += c.sections.length + c.quizzes.length;
    got += sectionsSeenIn(p, c) + c.quizzes.filter((q) => quizPassed(p, q.id)).length;
    for (const q of c.quizzes) {
      const best = quizBest(p, q.id);
      if (best !== undefined) scores.push(best);
    }
  }
  const status: Status = done === m.chapters.length ? 'completed' : statuses.some((s) => s !== 'not-started') ? 'in-progress' : 'not-started';
  return {
    status,
    chaptersCompleted: done,
    chapters: m.chapters.length,
    percent: units ? Math.round((got / units) * 100) : 0,
    timeMs: Object.values(p.time).reduce((s, t) => s + t, 0),
    ...(scores.length ? { averageScore: Math.round(scores.reduce((s, x) => s + x, 0) / scores.length) } : {}),
  };
}

/** Where "continue" leads: the resume point, else the first chapter not completed. */
export function continueTarget(p: LearnerProgress, m: CourseManifest): { chapter: string; section?: string } | undefined {
  if (p.resume && m.chapters.some((c) => c.id === p.resume!.chapter)) return p.resume;
  const next = m.chapters.find((c) => chapterStatus(p, c) !== 'completed') ?? m.chapters[0];
  return next ? { chapter: next.id } : undefined;
}
