import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixtureRecord } from '../exporters/export-builders.ts';
import { scorm12, scorm2004 } from './data-model.ts';
import { fakeApi } from './fake-api.ts';
import { createRuntime } from './runtime.ts';
import { createSession } from './session.ts';

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function session12(initial: Record<string, string> = {}, options: { periodMs?: number } = {}) {
  const lms = fakeApi('scorm12', initial);
  const runtime = createRuntime('scorm12', lms.api);
  runtime.initialize();
  const s = createSession({ runtime, model: scorm12, initialized: true, periodMs: options.periodMs ?? 30_000 });
  return { lms, s };
}

const commits = (calls: string[]) => calls.filter((c) => c === 'LMSCommit' || c === 'Commit').length;

describe('the commit policy', () => {
  it('commits a status change at once', () => {
    const { lms, s } = session12();
    s.update({ 'cmi.core.lesson_status': 'incomplete' });
    expect(lms.committed['cmi.core.lesson_status']).toBe('incomplete');
    s.update({ 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '90' });
    expect(lms.committed).toMatchObject({ 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '90' });
    expect(commits(lms.calls)).toBe(2);
  });

  it('commits other changes periodically while they come, and sends only what changed', () => {
    const { lms, s } = session12({}, { periodMs: 30_000 });
    s.update({ 'cmi.core.lesson_location': 'risk', 'cmi.suspend_data': 'Z1a' });
    expect(commits(lms.calls)).toBe(0);
    vi.advanceTimersByTime(10_000);
    s.update({ 'cmi.core.lesson_location': 'risk/risk-cases', 'cmi.suspend_data': 'Z1a' });
    vi.advanceTimersByTime(20_000);
    expect(commits(lms.calls)).toBe(1);
    expect(lms.committed).toMatchObject({ 'cmi.core.lesson_location': 'risk/risk-cases', 'cmi.suspend_data': 'Z1a' });
    const before = lms.calls.length;
    s.update({ 'cmi.core.lesson_location': 'risk/risk-cases', 'cmi.suspend_data': 'Z1a' });
    vi.advanceTimersByTime(60_000);
    expect(lms.calls.length).toBe(before);
  });

  it('writes an interaction once, under the next index after those the LMS holds', () => {
    const { lms, s } = session12();
    s.known(['quiz/q/1/old'], 3);
    s.interaction('quiz/q/1/old', (n) => ({ [`cmi.interactions.${n}.id`]: 'old' }));
    s.interaction('quiz/q/1/a', (n) => ({ [`cmi.interactions.${n}.id`]: 'a', [`cmi.interactions.${n}.result`]: 'correct' }));
    s.interaction('quiz/q/1/a', (n) => ({ [`cmi.interactions.${n}.id`]: 'again' }));
    s.interaction('quiz/q/1/b', (n) => ({ [`cmi.interactions.${n}.id`]: 'b' }));
    expect(lms.committed).toEqual({ 'cmi.interactions.3.id': 'a', 'cmi.interactions.3.result': 'correct', 'cmi.interactions.4.id': 'b' });
    expect(lms.calls.filter((c) => c.startsWith('LMSSetValue cmi.interactions.3.id')).length).toBe(1);
  });

  it('sends exit, this session’s time and a commit, then finishes, on exit', () => {
    const { lms, s } = session12();
    s.update({ 'cmi.core.lesson_location': 'risk', 'cmi.core.exit': 'suspend' });
    vi.advanceTimersByTime(5_000);
    s.exit(scorm12.sessionTime(s.sessionMs()));
    expect(lms.calls.slice(-2)).toEqual(['LMSCommit', 'LMSFinish']);
    expect(lms.committed).toMatchObject({ 'cmi.core.lesson_location': 'risk', 'cmi.core.exit': 'suspend', 'cmi.core.session_time': '0000:00:05' });
    expect(s.status().terminated).toBe(true);
    s.update({ 'cmi.core.lesson_status': 'passed' });
    expect(lms.calls.at(-1)).toBe('LMSFinish');
  });
});

describe('a failing LMS', () => {
  it('is tried again with backoff, shown after a few failures, and loses nothing', () => {
    const { lms, s } = session12();
    lms.fail('commit', 4);
    s.update({ 'cmi.core.lesson_status': 'incomplete' });
    expect(s.status()).toMatchObject({ failing: false, failures: 1, queued: 1 });
    s.update({ 'cmi.core.lesson_status': 'completed' });
    s.interaction('quiz/q/1/a', (n) => ({ [`cmi.interactions.${n}.id`]: 'a' }));
    vi.advanceTimersByTime(1000);
    expect(s.status().failures).toBe(2);
    vi.advanceTimersByTime(2000);
    expect(s.status()).toMatchObject({ failing: true, failures: 3, lastError: { call: 'commit', code: 101, diagnostic: 'diagnostic 101' } });
    vi.advanceTimersByTime(3999);
    expect(s.status().failures).toBe(3);
    vi.advanceTimersByTime(1);
    expect(s.status().failures).toBe(4);
    vi.advanceTimersByTime(8000);
    expect(s.status()).toMatchObject({ failing: false, recovered: true, failures: 0, queued: 0 });
    expect(lms.committed).toEqual({ 'cmi.core.lesson_status': 'completed', 'cmi.interactions.0.id': 'a' });
  });

  it('keeps what was set before a failed commit queued, and sends it again', () => {
    const { lms, s } = session12();
    lms.fail('commit', 1);
    s.update({ 'cmi.core.lesson_status': 'incomplete', 'cmi.core.lesson_location': 'risk' });
    expect(lms.committed).toEqual({});
    expect(s.retry()).toBe(true);
    expect(lms.committed).toEqual({ 'cmi.core.lesson_status': 'incomplete', 'cmi.core.lesson_location': 'risk' });
  });

  it('can be tried again at once by the learner', () => {
    const { lms, s } = session12();
    lms.fail('set', 3);
    s.update({ 'cmi.core.lesson_status': 'incomplete' });
    vi.advanceTimersByTime(3000);
    expect(s.status().failing).toBe(true);
    expect(s.retry()).toBe(true);
    expect(s.status().failing).toBe(false);
    expect(lms.committed['cmi.core.lesson_status']).toBe('incomplete');
  });

  it('leaves out a value the LMS refuses as such, and sends the rest', () => {
    const lms = fakeApi('scorm2004');
    const runtime = createRuntime('scorm2004', lms.api);
    const s = createSession({ runtime, model: scorm2004, initialized: false });
    lms.fail('set', 1, 406);
    s.update({ 'cmi.score.scaled': 'bad', 'cmi.completion_status': 'incomplete' });
    expect(lms.calls[0]).toBe('Initialize');
    expect(lms.committed).toEqual({ 'cmi.completion_status': 'incomplete' });
    expect(s.status().refused).toEqual([expect.objectContaining({ element: 'cmi.score.scaled', value: 'bad', error: expect.objectContaining({ code: 406 }) })]);
    expect(s.status().failing).toBe(false);
  });

  it('initialises on a later try when the launch could not', () => {
    const lms = fakeApi('scorm12');
    const runtime = createRuntime('scorm12', lms.api);
    lms.fail('initialize', 1);
    const s = createSession({ runtime, model: scorm12, initialized: false });
    s.update({ 'cmi.core.lesson_status': 'incomplete' });
    expect(s.status().failures).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(lms.committed['cmi.core.lesson_status']).toBe('incomplete');
  });
});

describe('the values written', () => {
  it('come from the exporters’ mappers, less what the LMS owns', () => {
    const r = fixtureRecord();
    const v12 = scorm12.state(r);
    expect(v12['cmi.core.lesson_status']).toBe('passed');
    expect(v12['cmi.core.score.raw']).toBeDefined();
    for (const owned of ['cmi.core.student_id', 'cmi.core.student_name', 'cmi.core.total_time', 'cmi.student_data.mastery_score']) expect(v12).not.toHaveProperty(owned);
    expect(Object.keys(v12).some((k) => k.startsWith('cmi.interactions.'))).toBe(false);
    const v2004 = scorm2004.state(r);
    expect(v2004).toMatchObject({ 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed', 'cmi.exit': 'normal' });
    for (const owned of ['cmi.learner_id', 'cmi.learner_name', 'cmi.total_time', 'cmi.scaled_passing_score']) expect(v2004).not.toHaveProperty(owned);
  });

  it('say a launched course is at least incomplete, as SCORM 1.2 allows no “not attempted” from the course', () => {
    const r = fixtureRecord({ completionStatus: 'not-attempted', successStatus: 'unknown' });
    expect(scorm12.state(r)['cmi.core.lesson_status']).toBe('incomplete');
    expect(scorm2004.state(r)['cmi.completion_status']).toBe('incomplete');
    expect(scorm12.state(r)['cmi.core.exit']).toBe('suspend');
  });

  it('write an interaction with its id first, at the index given', () => {
    const i = fixtureRecord().interactions[0]!;
    expect(Object.keys(scorm12.interaction(i, 7, 'zh-CN'))[0]).toBe('cmi.interactions.7.id');
    expect(Object.keys(scorm2004.interaction(i, 7, 'zh-CN'))[0]).toBe('cmi.interactions.7.id');
  });

  it('write this session’s time in each version’s notation', () => {
    expect(scorm12.sessionTime(3_725_000)).toEqual({ 'cmi.core.session_time': '0001:02:05' });
    expect(scorm2004.sessionTime(3_725_000)).toEqual({ 'cmi.session_time': 'PT1H2M5S' });
  });
});
