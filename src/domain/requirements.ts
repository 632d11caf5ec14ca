/**
 * What a certificate needs, and when the final assessment opens, as course.yaml states it (`requirements`,
 * `rounds`, `recertification`, `reading`), with the defaults an author may leave out. Pure.
 */
import type { CourseManifest } from './course.ts';
import { chapterStatus, type LearnerProgress } from './progress.ts';

/** course.yaml settings with every default filled in. */
export interface CourseSettings {
  requirements: { scenarios: boolean; riskMatrix: boolean; assessmentOpens: 'after-chapters' | 'always' };
  reading: { charsPerMinute: number; minSeconds: number };
  rounds: { enabled: boolean; assessmentReread: 'missed-parts' | 'all-chapters' };
  recertification: { withinDays: number };
}

/**
 * Reading-speed ceiling for Chinese text: careful reading of workplace prose runs at about 300–500 characters a
 * minute; 900 is roughly twice that, so nobody who actually reads a section is held back by it.
 */
export const DEFAULT_CHARS_PER_MINUTE = 900;
export const DEFAULT_MIN_SECONDS = 5;
export const DEFAULT_RENEW_WITHIN_DAYS = 30;

export function settingsOf(m: Pick<CourseManifest, 'requirements' | 'reading' | 'rounds' | 'recertification'>): CourseSettings {
  return {
    requirements: {
      scenarios: m.requirements?.scenarios ?? false,
      riskMatrix: m.requirements?.riskMatrix ?? false,
      assessmentOpens: m.requirements?.assessmentOpens ?? 'after-chapters',
    },
    reading: { charsPerMinute: m.reading?.charsPerMinute ?? DEFAULT_CHARS_PER_MINUTE, minSeconds: m.reading?.minSeconds ?? DEFAULT_MIN_SECONDS },
    rounds: { enabled: m.rounds?.enabled ?? true, assessmentReread: m.rounds?.assessmentReread ?? 'missed-parts' },
    recertification: { withinDays: m.recertification?.withinDays ?? DEFAULT_RENEW_WITHIN_DAYS },
  };
}

export type RequirementId = 'chapters' | 'scenarios' | 'risk-matrix' | 'assessment';

export interface Requirement {
  id: RequirementId;
  done: number;
  total: number;
  met: boolean;
}

export function scenarioFinished(p: LearnerProgress, scenarioId: string): boolean {
  const s = p.scenarios[scenarioId];
  return !!(s?.best?.outcome ?? s?.latest.outcome);
}

export function matrixDone(p: LearnerProgress, matrix: { id: string; riskIds: string[] }): boolean {
  const placed = p.matrices[matrix.id] ?? {};
  return matrix.riskIds.every((r) => placed[r] !== undefined);
}

/** A final-assessment attempt that counts for the certificate: a passed final or recertification attempt. */
function passedFormal(p: LearnerProgress, bankId: string): boolean {
  return (p.quizzes[bankId]?.attempts ?? []).some((a) => a.passed === true && a.submittedAt !== undefined && (a.mode ?? 'final') === 'final');
}

/** Each requirement the course sets, with how much of it is done, in the order the learner meets them. */
export function requirements(p: LearnerProgress, m: CourseManifest): Requirement[] {
  const s = settingsOf(m);
  const req = (id: RequirementId, done: number, total: number): Requirement => ({ id, done, total, met: done >= total });
  const out = [req('chapters', m.chapters.filter((c) => chapterStatus(p, c) === 'completed').length, m.chapters.length)];
  if (s.requirements.scenarios) {
    const all = m.chapters.flatMap((c) => c.scenarios);
    out.push(req('scenarios', all.filter((x) => scenarioFinished(p, x.id)).length, all.length));
  }
  if (s.requirements.riskMatrix) {
    const all = m.chapters.flatMap((c) => c.matrices);
    out.push(req('risk-matrix', all.filter((x) => matrixDone(p, x)).length, all.length));
  }
  if (m.assessmentBank) out.push(req('assessment', passedFormal(p, m.assessmentBank.id) ? 1 : 0, 1));
  return out;
}

/** Whether the final assessment may be started: after every chapter by default, or at any time. */
export function assessmentOpen(p: LearnerProgress, m: CourseManifest): boolean {
  if (settingsOf(m).requirements.assessmentOpens === 'always') return true;
  return m.chapters.every((c) => chapterStatus(p, c) === 'completed');
}

/** Every requirement met (the certificate is earned, or was). */
export function requirementsMet(p: LearnerProgress, m: CourseManifest): boolean {
  return requirements(p, m).every((r) => r.met);
}

/**
 * When the requirements other than the assessment were last met: the latest section read, chapter quiz passed and
 * scenario finished. A risk matrix records no time, so it adds none; undefined when a requirement is not met.
 */
export function courseworkDoneAt(p: LearnerProgress, m: CourseManifest): number | undefined {
  const unmet = requirements(p, m).some((r) => r.id !== 'assessment' && !r.met);
  if (unmet) return undefined;
  const s = settingsOf(m);
  const times: number[] = [];
  for (const c of m.chapters) {
    for (const sec of c.sections) times.push(p.sectionsSeen[sec.id] ?? 0);
    for (const q of c.quizzes) {
      const passed = (p.quizzes[q.id]?.attempts ?? []).filter((a) => a.passed && a.submittedAt !== undefined).map((a) => a.submittedAt!);
      if (passed.length) times.push(Math.min(...passed));
    }
    if (s.requirements.scenarios)
      for (const x of c.scenarios) {
        const sc = p.scenarios[x.id];
        const ended = [sc?.best?.endedAt, sc?.latest.endedAt].filter((t): t is number => t !== undefined);
        if (ended.length) times.push(Math.min(...ended));
      }
  }
  return times.length ? Math.max(...times) : 0;
}
