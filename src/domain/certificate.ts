/** The certificate: earned when every chapter is completed and the final assessment passed; valid for N months. */
import type { CourseManifest } from './course.ts';
import { chapterStatus, type LearnerProgress } from './progress.ts';

export type CertificateState = 'none' | 'valid' | 'expiring' | 'expired';

export interface Certificate {
  state: CertificateState;
  issuedAt?: number;
  validUntil?: number;
  /** best final-assessment percentage */
  score?: number;
}

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(epochMs: number, months: number): number {
  const d = new Date(epochMs);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.getTime();
}

const EXPIRING_DAYS = 30;

export function certificate(p: LearnerProgress, m: CourseManifest, now: number): Certificate {
  const bankId = m.assessmentBank?.id;
  const finals = bankId ? (p.quizzes[bankId]?.attempts ?? []).filter((a) => (a.mode ?? 'final') === 'final' && a.passed && a.submittedAt !== undefined) : [];
  const allDone = m.chapters.every((c) => chapterStatus(p, c) === 'completed');
  if (!allDone || (bankId && finals.length === 0)) return { state: 'none' };
  // issued when the last requirement was met
  const times = [
    ...finals.slice(0, 1).map((a) => a.submittedAt!),
    ...m.chapters.flatMap((c) => c.sections.map((s) => p.sectionsSeen[s.id] ?? 0)),
    ...m.chapters.flatMap((c) => c.quizzes.map((q) => Math.min(...(p.quizzes[q.id]?.attempts ?? []).filter((a) => a.passed).map((a) => a.submittedAt ?? Infinity)))),
  ].filter((t) => Number.isFinite(t));
  const issuedAt = Math.max(...times);
  const validUntil = addMonths(issuedAt, m.certificateValidityMonths);
  const state: CertificateState = now >= validUntil ? 'expired' : validUntil - now <= EXPIRING_DAYS * 86_400_000 ? 'expiring' : 'valid';
  const score = finals.length ? Math.max(...finals.map((a) => a.percent ?? 0)) : undefined;
  return { state, issuedAt, validUntil, ...(score !== undefined ? { score } : {}) };
}
