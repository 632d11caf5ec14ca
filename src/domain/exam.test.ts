import { describe, expect, it } from 'vitest';
import { attempt, BANK } from './certification-builders.ts';
import { examProgress, examQuestions, missedQuestions, setExamAnswer, startExam, submitExam } from './exam.ts';
import { emptyProgress, type LearnerProgress } from './progress.ts';

const T = { type: 'truefalse', value: true } as const;
const F = { type: 'truefalse', value: false } as const;
const open = (): LearnerProgress => ({ ...emptyProgress('1'), quizzes: { final: { attempts: [attempt(1, { questionIds: ['b1a', 'b2a', 'b2b'], mode: 'final' })] } } });
const quiz = { id: 'final', passMark: 60, questions: BANK };

describe('the final assessment as an exam', () => {
  it('keeps answers unmarked while the paper is open, and lets the learner change them', () => {
    let p = setExamAnswer(open(), 'final', 'b1a', F, 100);
    p = setExamAnswer(p, 'final', 'b1a', T, 200);
    const a = p.quizzes.final!.attempts[0]!;
    expect(a.answers).toEqual({ b1a: T });
    expect(a.answeredAt).toEqual({ b1a: 200 });
    expect(a.scores).toEqual({});
    expect(a.submittedAt).toBeUndefined();
  });

  it('clears an answer, and ignores questions not drawn and a paper already handed in', () => {
    const p = setExamAnswer(open(), 'final', 'b1a', T, 100);
    expect(setExamAnswer(p, 'final', 'b1a', undefined, 200).quizzes.final!.attempts[0]!.answers).toEqual({});
    expect(setExamAnswer(p, 'final', 'b1b', T, 200)).toBe(p);
    const handedIn = submitExam(p, quiz, 300);
    expect(setExamAnswer(handedIn, 'final', 'b2a', T, 400)).toBe(handedIn);
  });

  it('marks the paper only at 交卷, scoring unanswered questions as wrong', () => {
    let p = setExamAnswer(open(), 'final', 'b1a', T, 100);
    p = setExamAnswer(p, 'final', 'b2a', T, 110);
    const a = submitExam(p, quiz, 500).quizzes.final!.attempts[0]!;
    expect(a).toMatchObject({ submittedAt: 500, score: 2, max: 3, passed: true });
    expect(a.percent).toBeCloseTo(66.667, 2);
    expect(a.scores.b2b).toEqual({ score: 0, max: 1, correct: false });
    expect(missedQuestions(examQuestions(BANK, a), a).map((q) => q.id)).toEqual(['b2b']);
  });

  it('shows progress and which questions are still unanswered', () => {
    const p = setExamAnswer(open(), 'final', 'b2a', F, 100);
    const a = p.quizzes.final!.attempts[0]!;
    const questions = examQuestions(BANK, a);
    expect(questions.map((q) => q.id)).toEqual(['b1a', 'b2a', 'b2b']);
    expect(examProgress(questions, a)).toEqual({ answered: 1, total: 3, unanswered: [0, 2] });
  });
});

describe('starting the exam', () => {
  it('notes the course version the attempt is taken on', () => {
    const p = startExam(emptyProgress('1'), 'final', 2, { questionIds: ['b1a'], seed: 7, mode: 'final' }, '1.1.0', 100);
    expect(p.quizzes.final!.attempts[0]).toMatchObject({ n: 1, mode: 'final', courseVersion: '1.1.0', questionIds: ['b1a'], startedAt: 100 });
    expect(startExam(p, 'final', 2, { questionIds: ['b1a'], seed: 8, mode: 'final' }, '1.1.0', 200)).toBe(p);
  });
});
