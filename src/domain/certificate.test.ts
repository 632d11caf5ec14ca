import { describe, expect, it } from 'vitest';
import { addMonths, certificate } from './certificate.ts';
import type { CourseManifest } from './course.ts';
import { emptyProgress, type LearnerProgress, type QuizAttempt } from './progress.ts';

const DAY = 86_400_000;
const m: CourseManifest = {
  id: 'c', version: '1', title: 'C', defaultLocale: 'zh-CN', masteryScore: 80, certificateValidityMonths: 12,
  assessment: { questionsPerPart: 1, attempts: 3, refresherQuestionsPerPart: 1 },
  chapters: [{ id: 'ch', file: '', title: '', part: 1, minutes: 1, objectives: [], sections: [{ id: 's', title: '' }], quizzes: [{ id: 'q', passMark: 80, attempts: 3, maxPoints: 1, questionIds: ['x'] }], scenarios: [], matrices: [], plans: [] }],
  bank: [], assessmentBank: { id: 'fa', title: 'FA', file: '' },
};
const passed = (at: number, extra: Partial<QuizAttempt> = {}): QuizAttempt => ({ n: 1, seed: 1, startedAt: 0, answers: {}, scores: {}, latency: {}, answeredAt: {}, submittedAt: at, percent: 90, passed: true, ...extra });
const done = (assessedAt?: number): LearnerProgress => ({
  ...emptyProgress('1'),
  sectionsSeen: { s: 1000 },
  quizzes: { q: { attempts: [passed(2000)] }, ...(assessedAt ? { fa: { attempts: [passed(assessedAt)] } } : {}) },
});

describe('the certificate', () => {
  it('is not issued before every chapter is completed and the final assessment passed', () => {
    expect(certificate(emptyProgress('1'), m, 0).state).toBe('none');
    expect(certificate(done(), m, 5000).state).toBe('none');
  });

  it('is issued when the last requirement was met, valid for the configured months', () => {
    const issued = Date.UTC(2026, 0, 31);
    const c = certificate(done(issued), m, issued + DAY);
    expect(c).toMatchObject({ state: 'valid', issuedAt: issued, validUntil: Date.UTC(2027, 0, 31), score: 90 });
  });

  it('is expiring in its last 30 days and expired after, so a refresher is due', () => {
    const issued = Date.UTC(2026, 0, 1);
    expect(certificate(done(issued), m, Date.UTC(2026, 11, 15)).state).toBe('expiring');
    expect(certificate(done(issued), m, Date.UTC(2027, 0, 2)).state).toBe('expired');
  });

  it('adds calendar months and clamps to the end of shorter months', () => {
    expect(new Date(addMonths(Date.UTC(2026, 0, 31), 1)).toISOString().slice(0, 10)).toBe('2026-02-28');
    expect(new Date(addMonths(Date.UTC(2028, 0, 31), 1)).toISOString().slice(0, 10)).toBe('2028-02-29');
    expect(new Date(addMonths(Date.UTC(2026, 5, 15), 12)).toISOString().slice(0, 10)).toBe('2027-06-15');
  });
});
