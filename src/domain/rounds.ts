/**
 * No dead ends: when a quiz's allowed attempts (or the final assessment's) are used up without a pass, re-reading
 * what the course names unlocks a new round of the same number of attempts (course.yaml `rounds`). Each round is
 * kept in the learner's progress, so the record shows it. Inside an LMS the LMS's attempt rules apply instead and
 * no rounds are offered (the caller passes `enabled: false`). Pure.
 */
import type { ChapterMeta, CourseManifest, Question } from './course.ts';
import type { LearnerProgress, QuizAttempt, Round } from './progress.ts';

export function roundsOf(p: LearnerProgress, quizId: string): Round[] {
  return p.rounds?.[quizId] ?? [];
}

/** Attempts allowed so far: the quiz's allowance once, and again for every unlocked round. 0 means unlimited. */
export function attemptsAllowed(perRound: number, rounds: readonly Round[]): number {
  if (perRound === 0) return 0;
  return perRound * (1 + rounds.filter((r) => r.unlockedAt !== undefined).length);
}

export type RoundState =
  /** attempts remain (or the quiz is passed) */
  | { kind: 'open'; left: number }
  /** every attempt used; the next round needs these sections re-read */
  | { kind: 'locked'; round: Round; remaining: string[] }
  /** every attempt used and rounds are off (an LMS decides, or the course says so) */
  | { kind: 'exhausted' };

/**
 * Where a quiz stands. `counted` are the attempts that use up the allowance (for the final assessment, the
 * final-mode ones); an open attempt still counts as used.
 */
export function roundState(p: LearnerProgress, quizId: string, perRound: number, counted: readonly QuizAttempt[], enabled: boolean): RoundState {
  const rounds = roundsOf(p, quizId);
  const allowed = attemptsAllowed(perRound, rounds);
  if (allowed === 0) return { kind: 'open', left: Infinity };
  const left = Math.max(0, allowed - counted.length);
  if (left > 0 || counted.some((a) => a.passed)) return { kind: 'open', left };
  const pending = rounds.at(-1);
  if (enabled && pending && pending.unlockedAt === undefined) return { kind: 'locked', round: pending, remaining: pending.sections.filter((s) => pending.read[s] === undefined) };
  return { kind: 'exhausted' };
}

/**
 * Opens the next round when the allowance is used up without a pass and no round is waiting: the learner is then
 * told to re-read `sections`. Returns the same object when nothing changes.
 */
export function openRound(p: LearnerProgress, quizId: string, perRound: number, counted: readonly QuizAttempt[], sections: readonly string[], now: number): LearnerProgress {
  const rounds = roundsOf(p, quizId);
  const allowed = attemptsAllowed(perRound, rounds);
  if (allowed === 0 || counted.length < allowed || counted.some((a) => a.passed)) return p;
  if (counted.some((a) => a.submittedAt === undefined)) return p;
  const last = rounds.at(-1);
  if (last && last.unlockedAt === undefined) return p;
  // nothing the course could ask to re-read (a chapter without sections): no round, the attempts stay used up
  if (sections.length === 0) return p;
  const round: Round = { n: rounds.length + 2, openedAt: now, sections: [...new Set(sections)], read: {} };
  return { ...p, rounds: { ...p.rounds, [quizId]: [...rounds, round] } };
}

/** A section was read (its reading time reached): every waiting round that asks for it counts it, and unlocks when complete. */
export function recordReread(p: LearnerProgress, sectionId: string, now: number): LearnerProgress {
  if (!p.rounds) return p;
  let changed = false;
  const next: Record<string, Round[]> = {};
  for (const [quizId, rounds] of Object.entries(p.rounds)) {
    next[quizId] = rounds.map((r) => {
      if (r.unlockedAt !== undefined || !r.sections.includes(sectionId) || r.read[sectionId] !== undefined || now < r.openedAt) return r;
      changed = true;
      const read = { ...r.read, [sectionId]: now };
      return r.sections.every((s) => read[s] !== undefined) ? { ...r, read, unlockedAt: now } : { ...r, read };
    });
  }
  return changed ? { ...p, rounds: next } : p;
}

/** The sections a chapter quiz's next round asks to re-read: the whole chapter. */
export function chapterRereadSections(chapter: Pick<ChapterMeta, 'sections'>): string[] {
  return chapter.sections.map((s) => s.id);
}

/**
 * The sections the final assessment's next round asks to re-read: the chapters of the parts missed in the last
 * attempt (course.yaml `rounds.assessmentReread: missed-parts`, the default), or every chapter.
 */
export function assessmentRereadSections(m: CourseManifest, mode: 'missed-parts' | 'all-chapters', bank: readonly Question[], last: QuizAttempt | undefined): string[] {
  if (mode === 'all-chapters' || !last) return m.chapters.flatMap(chapterRereadSections);
  const byId = new Map(bank.map((q) => [q.id, q]));
  const missed = new Set<number>();
  for (const id of last.questionIds ?? Object.keys(last.answers)) {
    const q = byId.get(id);
    if (q && !last.scores[id]?.correct) missed.add(q.part ?? 0);
  }
  return m.chapters.filter((c) => missed.has(c.part)).flatMap(chapterRereadSections);
}
