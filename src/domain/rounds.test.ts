import { describe, expect, it } from 'vitest';
import { assessed, attempt, BANK, manifest } from './certification-builders.ts';
import { emptyProgress, type LearnerProgress } from './progress.ts';
import { markSectionRead } from './progress-updates.ts';
import { assessmentRereadSections, attemptsAllowed, openRound, recordReread, roundState } from './rounds.ts';

const failed = (n: number, at = n * 1000) => attempt(n, { submittedAt: at, percent: 0, passed: false });
const withAttempts = (...attempts: ReturnType<typeof attempt>[]): LearnerProgress => ({ ...emptyProgress('1'), quizzes: { q: { attempts } } });
const SECTIONS = ['s1', 's2'];

describe('rounds after the allowed attempts run out', () => {
  it('are not opened while attempts remain, after a pass, for a quiz with unlimited attempts, or with nothing to re-read', () => {
    const one = withAttempts(failed(1));
    expect(openRound(one, 'q', 2, one.quizzes.q!.attempts, SECTIONS, 5000)).toBe(one);
    const passed = withAttempts(failed(1), attempt(2, { submittedAt: 2000, passed: true }));
    expect(openRound(passed, 'q', 2, passed.quizzes.q!.attempts, SECTIONS, 5000)).toBe(passed);
    expect(openRound(one, 'q', 0, one.quizzes.q!.attempts, SECTIONS, 5000)).toBe(one);
    const spent = withAttempts(failed(1), failed(2));
    expect(openRound(spent, 'q', 2, spent.quizzes.q!.attempts, [], 5000)).toBe(spent);
  });

  it('tell the learner what to re-read once every attempt has failed, and record the round', () => {
    const p = withAttempts(failed(1), failed(2));
    const counted = p.quizzes.q!.attempts;
    expect(roundState(p, 'q', 2, counted, true)).toEqual({ kind: 'exhausted' });
    const opened = openRound(p, 'q', 2, counted, SECTIONS, 5000);
    expect(opened.rounds).toEqual({ q: [{ n: 2, openedAt: 5000, sections: SECTIONS, read: {} }] });
    expect(roundState(opened, 'q', 2, counted, true)).toMatchObject({ kind: 'locked', remaining: SECTIONS });
    // asking twice does not open a second round
    expect(openRound(opened, 'q', 2, counted, SECTIONS, 6000)).toBe(opened);
  });

  it('unlock a new allowance once every named section has been read again', () => {
    const p = withAttempts(failed(1), failed(2));
    const counted = p.quizzes.q!.attempts;
    let next = openRound(p, 'q', 2, counted, SECTIONS, 5000);
    next = recordReread(next, 's1', 6000);
    expect(roundState(next, 'q', 2, counted, true)).toMatchObject({ kind: 'locked', remaining: ['s2'] });
    next = recordReread(next, 's2', 7000);
    expect(next.rounds!.q![0]).toMatchObject({ read: { s1: 6000, s2: 7000 }, unlockedAt: 7000 });
    expect(attemptsAllowed(2, next.rounds!.q!)).toBe(4);
    expect(roundState(next, 'q', 2, counted, true)).toEqual({ kind: 'open', left: 2 });
  });

  it('do not count a reading from before the round was opened', () => {
    const p = openRound(withAttempts(failed(1), failed(2)), 'q', 2, [failed(1), failed(2)], SECTIONS, 5000);
    expect(recordReread(p, 's1', 4000)).toBe(p);
  });

  it('follow one another: the next round opens only when the unlocked one is used up too', () => {
    let p = openRound(withAttempts(failed(1), failed(2)), 'q', 2, [failed(1), failed(2)], ['s1'], 5000);
    p = recordReread(p, 's1', 6000);
    p = { ...p, quizzes: { q: { attempts: [failed(1), failed(2), failed(3, 7000)] } } };
    expect(openRound(p, 'q', 2, p.quizzes.q!.attempts, ['s1'], 8000)).toBe(p);
    p = { ...p, quizzes: { q: { attempts: [failed(1), failed(2), failed(3, 7000), failed(4, 8000)] } } };
    const third = openRound(p, 'q', 2, p.quizzes.q!.attempts, ['s1'], 9000);
    expect(third.rounds!.q!.map((r) => r.n)).toEqual([2, 3]);
  });

  it('are not offered when the course turns them off or an LMS sets the attempt rules', () => {
    const p = openRound(withAttempts(failed(1), failed(2)), 'q', 2, [failed(1), failed(2)], SECTIONS, 5000);
    expect(roundState(p, 'q', 2, p.quizzes.q!.attempts, false)).toEqual({ kind: 'exhausted' });
  });

  it('ask for the chapters of the parts missed in the final assessment, or for every chapter', () => {
    const m = manifest();
    const last = assessed(2, 5000, ['b2a']);
    expect(assessmentRereadSections(m, 'missed-parts', BANK, last)).toEqual(['two-s1', 'two-s2']);
    expect(assessmentRereadSections(m, 'all-chapters', BANK, last)).toEqual(['one-s1', 'one-s2', 'two-s1', 'two-s2']);
  });
});

describe('reading a section', () => {
  it('marks it read once and counts it for a waiting round each time the round asks for it', () => {
    const p = openRound({ ...withAttempts(failed(1), failed(2)), sectionsSeen: { s1: 100 } }, 'q', 2, [failed(1), failed(2)], ['s1'], 5000);
    const read = markSectionRead(p, 's1', 6000);
    expect(read.sectionsSeen.s1).toBe(100);
    expect(read.rounds!.q![0]).toMatchObject({ read: { s1: 6000 }, unlockedAt: 6000 });
  });
});
