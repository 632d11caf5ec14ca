import { describe, expect, it } from 'vitest';
import { allowedNow, CMI5, cmi5Context, definedStatements, isoDuration, judge, readLaunchData, sessionIdOf, type Cmi5Event, type Cmi5History, type LaunchData } from './cmi5-rules.ts';

const normal = { launchMode: 'Normal' as const, masteryScore: 0.8 };
const score = (scaled: number) => ({ raw: Math.round(scaled * 50), min: 0, max: 50, scaled });

/** Runs events through the rules, carrying the history, and lists the verbs sent. */
function run(events: Cmi5Event[], launch: Pick<LaunchData, 'launchMode' | 'masteryScore'> = normal, start: Cmi5History = {}) {
  let history = start;
  const sent = [];
  for (const e of events) {
    const r = definedStatements(e, history, launch, 0.5);
    history = r.history;
    sent.push(...r.statements);
  }
  return { sent, verbs: sent.map((s) => s.verb), history };
}

describe('cmi5 defined statements', () => {
  it('starts a session with initialized, once, and ends it with terminated carrying the session duration', () => {
    const { sent, verbs } = run([
      { kind: 'start', at: 1_000 },
      { kind: 'start', at: 2_000 },
      { kind: 'exit', at: 91_500 },
    ]);
    expect(verbs).toEqual(['initialized', 'terminated']);
    expect(sent[0]!.result).toBeUndefined();
    expect(sent[1]!.result).toEqual({ duration: 'PT1M30.5S' });
  });

  it('sends initialized before anything else even when the first event is a completion', () => {
    expect(run([{ kind: 'complete', at: 5, durationMs: 1 }]).verbs).toEqual(['initialized', 'completed']);
  });

  it('sends nothing after terminated', () => {
    const { verbs } = run([{ kind: 'start', at: 0 }, { kind: 'exit', at: 10 }, { kind: 'complete', at: 20, durationMs: 5 }, { kind: 'exit', at: 30 }]);
    expect(verbs).toEqual(['initialized', 'terminated']);
  });

  it('gives completed only completion and duration, and the moveOn category', () => {
    const { sent } = run([{ kind: 'complete', at: 10, durationMs: 3_600_000 }]);
    expect(sent[1]).toEqual({ verb: 'completed', at: 10, moveOn: true, result: { completion: true, duration: 'PT1H' } });
  });

  it('lets the LMS mastery score decide passed or failed, with score, success, duration and the mastery score', () => {
    const pass = run([{ kind: 'judge', at: 10, durationMs: 2_000, score: score(0.8) }]).sent[1]!;
    expect(pass).toEqual({ verb: 'passed', at: 10, moveOn: true, masteryScore: 0.8, result: { score: score(0.8), success: true, duration: 'PT2S' } });
    const fail = run([{ kind: 'judge', at: 10, durationMs: 2_000, score: score(0.78) }]).sent[1]!;
    expect(fail.verb).toBe('failed');
    expect(fail.result?.success).toBe(false);
    // the course's own pass mark applies only when the LMS gives none, and then no mastery score is claimed
    const own = run([{ kind: 'judge', at: 10, durationMs: 0, score: score(0.6) }], { launchMode: 'Normal' }).sent[1]!;
    expect(own.verb).toBe('passed');
    expect(own.masteryScore).toBeUndefined();
  });

  it('sends one of passed or failed per session, never failed after passed, and completed and passed once per registration', () => {
    const first = run([
      { kind: 'judge', at: 1, durationMs: 0, score: score(0.2) },
      { kind: 'judge', at: 2, durationMs: 0, score: score(0.9) },
      { kind: 'complete', at: 3, durationMs: 0 },
      { kind: 'complete', at: 4, durationMs: 0 },
      { kind: 'exit', at: 5 },
    ]);
    expect(first.verbs).toEqual(['initialized', 'failed', 'completed', 'terminated']);
    // the next session of the registration: history keeps completed and passed, not the session's facts
    const next = { completed: first.history.completed, passed: first.history.passed };
    const second = run([{ kind: 'judge', at: 6, durationMs: 0, score: score(0.9) }, { kind: 'judge', at: 7, durationMs: 0, score: score(0.1) }, { kind: 'complete', at: 8, durationMs: 0 }], normal, next);
    expect(second.verbs).toEqual(['initialized', 'passed']);
    const third = run([{ kind: 'judge', at: 9, durationMs: 0, score: score(0.1) }], normal, { completed: true, passed: true });
    expect(third.verbs).toEqual(['initialized']);
  });

  it('sends only initialized and terminated in Browse and Review launches', () => {
    for (const launchMode of ['Browse', 'Review'] as const) {
      const { verbs } = run([{ kind: 'start', at: 0 }, { kind: 'complete', at: 1, durationMs: 1 }, { kind: 'judge', at: 2, durationMs: 1, score: score(1) }, { kind: 'exit', at: 3 }], { launchMode, masteryScore: 0.8 });
      expect(verbs).toEqual(['initialized', 'terminated']);
    }
  });

  it('allows other statements only between initialized and terminated', () => {
    expect(allowedNow({})).toBe(false);
    expect(allowedNow({ initializedAt: 1 })).toBe(true);
    expect(allowedNow({ initializedAt: 1, terminated: true })).toBe(false);
  });
});

describe('cmi5 details', () => {
  it('writes durations in ISO 8601 to hundredths of a second', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(1_234)).toBe('PT1.23S');
    expect(isoDuration(3_660_000)).toBe('PT1H1M');
    expect(isoDuration(-5)).toBe('PT0S');
  });

  it('passes a score equal to the mastery score despite floating point', () => {
    expect(judge(0.7 + 0.1, 0.8)).toBe('passed');
    expect(judge(0.79996, 0.8)).toBe('passed');
    expect(judge(0.79994, 0.8)).toBe('failed');
    // and the statement reports the score as judged, never below the mastery score it passed
    const passed = definedStatements({ kind: 'judge', at: 1, durationMs: 0, score: { raw: 4, min: 0, max: 5, scaled: 0.79996 } }, {}, normal, 0.5).statements[1]!;
    expect(passed.verb).toBe('passed');
    expect(passed.result?.score?.scaled).toBe(0.8);
  });

  it('reads LMS.LaunchData forgivingly', () => {
    expect(readLaunchData({ launchMode: 'Review', moveOn: 'CompletedAndPassed', masteryScore: 0.75, returnURL: 'https://lms/x', contextTemplate: { extensions: { [CMI5.sessionId]: 's-1' } } })).toEqual({
      launchMode: 'Review',
      moveOn: 'CompletedAndPassed',
      masteryScore: 0.75,
      returnURL: 'https://lms/x',
      contextTemplate: { extensions: { [CMI5.sessionId]: 's-1' } },
    });
    expect(readLaunchData({ launchMode: 'Teach', masteryScore: 80, contextTemplate: [] })).toEqual({ launchMode: 'Normal', moveOn: 'NotApplicable', contextTemplate: {} });
    expect(sessionIdOf(readLaunchData(null))).toBeUndefined();
  });

  it('builds a defined statement context from the template with the cmi5 category, moveOn and session id; an allowed one without the category', () => {
    const launch = readLaunchData({ contextTemplate: { contextActivities: { grouping: [{ id: 'https://pub/au-1' }] }, extensions: { [CMI5.sessionId]: 'old' } } });
    const session = { registration: 'a5b5c5d5-0000-4000-8000-000000000001', sessionId: 's-2' };
    expect(cmi5Context(launch, session, { moveOn: true, masteryScore: 0.8 })).toEqual({
      registration: session.registration,
      contextActivities: { grouping: [{ id: 'https://pub/au-1' }], category: [{ id: CMI5.category }, { id: CMI5.moveOnCategory }] },
      extensions: { [CMI5.sessionId]: 's-2', [CMI5.masteryScore]: 0.8 },
    });
    const allowed = cmi5Context(launch, session, undefined, { contextActivities: { parent: [{ id: 'https://c/ch' }], category: [{ id: CMI5.category }] } });
    expect(allowed.contextActivities).toEqual({ grouping: [{ id: 'https://pub/au-1' }], parent: [{ id: 'https://c/ch' }] });
    expect(allowed.extensions).toEqual({ [CMI5.sessionId]: 's-2' });
    // the template is not changed by building a context from it
    expect(launch.contextTemplate.extensions).toEqual({ [CMI5.sessionId]: 'old' });
  });
});
