import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import manifest from 'virtual:course';
import items from 'virtual:course-items';
import type { CourseManifest, Question, ScenarioStep } from './course.ts';
import type { LearnerProgress, PlanItem, QuizAttempt, Round, ScenarioRun } from './progress.ts';
import type { Answer, QuestionScore } from './scoring.ts';
import { hashSeed } from './random.ts';
import { decodeSuspendData, encodeSuspendData, SCORM12_SUSPEND_DATA_LIMIT, suspendCourse, type SuspendOmission } from './suspend-data.ts';
import { worstCaseProgress } from './suspend-data.fixtures.ts';

const course = suspendCourse(manifest, items);
const LEARNER = 'E20260417';
/** half of CMIString4096: room for the course to grow */
const BUDGET = SCORM12_SUSPEND_DATA_LIMIT / 2;

/** What the decoder should give back: the progress without what the encoder said it left out. */
function kept(p: LearnerProgress, omitted: readonly SuspendOmission[]): LearnerProgress {
  const out = structuredClone(p);
  for (const o of omitted) {
    if (o.kind === 'attempt-details') {
      const a = out.quizzes[o.quiz]!.attempts.find((x) => x.n === o.attempt)!;
      a.answers = {};
      a.scores = {};
      a.latency = {};
      a.answeredAt = {};
      delete a.questionIds;
      if (a.submittedAt !== undefined) a.startedAt = a.submittedAt;
    }
    if (o.kind === 'plan-item') out.plans[o.plan] = out.plans[o.plan]!.filter((i) => i.id !== o.item.id);
  }
  return out;
}

const roundTrip = (p: LearnerProgress, options: { learnerId?: string; maxLength?: number } = {}) => {
  const e = encodeSuspendData(p, course, options);
  const d = decodeSuspendData(e.data, course, options);
  if (!d.ok) throw new Error(`not decoded: ${d.reason}`);
  return { e, d };
};

const empty = (over: Partial<LearnerProgress> = {}): LearnerProgress => ({
  courseVersion: manifest.version,
  sectionsSeen: {},
  quizzes: {},
  scenarios: {},
  matrices: {},
  plans: {},
  time: {},
  updatedAt: Date.UTC(2026, 4, 6, 8),
  ...over,
});

const firstQuiz = () => {
  const ch = manifest.chapters.find((c) => c.quizzes.length)!;
  return items.chapters[ch.id]!.quizzes[0]!;
};

const summaryPlan = () => {
  const ch = manifest.chapters.find((c) => c.plans.length)!;
  return ch.plans[0]!;
};

describe('the worst-case learner of the whole course', () => {
  const worst = worstCaseProgress(manifest, items, { learnerId: LEARNER });
  const encoded = encodeSuspendData(worst, course, { learnerId: LEARNER });

  it('fits in half of SCORM 1.2 suspend_data (CMIString4096), plan text included', () => {
    expect(encoded.fits).toBe(true);
    expect(encoded.data.length).toBeLessThanOrEqual(BUDGET);
    expect(encoded.omitted.filter((o) => o.kind !== 'attempt-details')).toEqual([]);
  });

  it('is written in characters every LMS stores unchanged: letters, digits, "-", "_" and "."', () => {
    expect(encoded.data).toMatch(/^[A-Za-z0-9_.-]+$/);
  });

  it('has every chapter, section, quiz, scenario, risk and plan of the course in it', () => {
    const sections = manifest.chapters.flatMap((c) => c.sections.map((s) => s.id));
    expect(Object.keys(worst.sectionsSeen).sort()).toEqual([...sections].sort());
    for (const ch of manifest.chapters) {
      for (const q of ch.quizzes) expect(worst.quizzes[q.id]?.attempts.at(-1)?.passed).toBe(true);
      for (const s of ch.scenarios) expect(worst.scenarios[s.id]?.best?.outcome).toBeDefined();
      for (const m of ch.matrices) expect(Object.keys(worst.matrices[m.id] ?? {})).toHaveLength(m.riskIds.length);
      for (const p of ch.plans) expect(worst.plans[p.id]!.filter((i) => !i.deleted)).toHaveLength(p.areas.length);
    }
    if (manifest.assessmentBank) expect(worst.certificates).toHaveLength(2);
  });

  it('decodes to everything the encoder kept, and says what it kept only as results', () => {
    const d = decodeSuspendData(encoded.data, course, { learnerId: LEARNER });
    expect(d).toMatchObject({ ok: true, sameCourse: true, unmatched: 0 });
    expect(d.ok && d.progress).toStrictEqual(kept(worst, encoded.omitted));
    // older attempts keep their result; the latest, the best and the certified ones keep their answers
    for (const o of encoded.omitted) expect(o.kind).toBe('attempt-details');
    const latest = Object.entries(worst.quizzes).map(([id, q]) => ({ id, n: q.attempts.at(-1)!.n }));
    for (const l of latest) expect(encoded.omitted).not.toContainEqual({ kind: 'attempt-details', quiz: l.id, attempt: l.n });
  });

  it('still fits SCORM 1.2 with a round of re-reading and more attempts in every chapter quiz', () => {
    const more = worstCaseProgress(manifest, items, { learnerId: LEARNER, chapterRounds: 1 });
    const e = encodeSuspendData(more, course, { learnerId: LEARNER });
    expect(e.fits).toBe(true);
    expect(e.data.length).toBeLessThanOrEqual(SCORM12_SUSPEND_DATA_LIMIT);
    expect(e.data.length).toBeGreaterThan(encoded.data.length);
  });
});

describe('attempts', () => {
  const quiz = firstQuiz();
  const t0 = Date.UTC(2026, 4, 4, 9);
  const attempt = (n: number, percent: number, withAnswers = true): QuizAttempt => {
    const q = quiz.questions[0]!;
    const answer: Answer | undefined = q.type === 'truefalse' ? { type: 'truefalse', value: true } : q.type === 'single' ? { type: 'single', choice: q.choices[0]!.id } : undefined;
    return {
      n,
      seed: 1000 + n,
      startedAt: t0 + n * 600_000,
      answers: withAnswers && answer ? { [q.id]: answer } : {},
      scores: withAnswers ? { [q.id]: { score: 0, max: q.points, correct: false } } : {},
      latency: withAnswers ? { [q.id]: 12_000 } : {},
      answeredAt: withAnswers ? { [q.id]: t0 + n * 600_000 + 12_000 } : {},
      submittedAt: t0 + n * 600_000 + 60_000,
      score: percent / 10,
      max: 10,
      percent,
      passed: percent >= quiz.passMark,
    };
  };

  it('keep the answers of the latest and the best attempt; older ones keep their number, result and submission time', () => {
    const p = empty({ quizzes: { [quiz.id]: { attempts: [attempt(1, 90), attempt(2, 40), attempt(3, 60)] } } });
    const { e, d } = roundTrip(p);
    expect(e.omitted).toEqual([{ kind: 'attempt-details', quiz: quiz.id, attempt: 2 }]);
    const back = d.ok ? d.progress.quizzes[quiz.id]!.attempts : [];
    expect(back.map((a) => a.n)).toEqual([1, 2, 3]);
    expect(back[1]).toStrictEqual({ ...attempt(2, 40, false), startedAt: attempt(2, 40).submittedAt });
    expect(back[0]).toStrictEqual(attempt(1, 90));
    expect(back[2]).toStrictEqual(attempt(3, 60));
  });

  it('write a seed the player derived from the learner id in one bit, and refuse data of another learner', () => {
    const seeded = (n: number) => ({ ...attempt(n, 50), seed: hashSeed(`${LEARNER}:${quiz.id}:${n}`) });
    const p = empty({ quizzes: { [quiz.id]: { attempts: [seeded(1)] } } });
    const plain = encodeSuspendData(p, course).data;
    const derived = encodeSuspendData(p, course, { learnerId: LEARNER }).data;
    expect(derived.length).toBeLessThan(plain.length);
    expect(decodeSuspendData(derived, course, { learnerId: LEARNER })).toMatchObject({ ok: true, progress: p });
    expect(decodeSuspendData(derived, course, { learnerId: 'E0001' })).toEqual({ ok: false, reason: 'other-learner' });
  });
});

describe('action-plan text that cannot fit', () => {
  const plan = summaryPlan();
  const item = (id: string, action: string): PlanItem => ({ id, area: plan.areas[0]!.id, action, measure: '每周一次', due: '2026-09-30' });

  it('is left out whole and reported, while the shorter entries after it are kept', () => {
    const long = item('i1', '写'.repeat(600));
    const short = item('i2', '学习合规手册');
    const p = empty({ plans: { [plan.id]: [item('i0', '练习投诉处理话术'), long, short] } });
    const { e, d } = roundTrip(p, { maxLength: 600 });
    expect(e.fits).toBe(true);
    expect(e.data.length).toBeLessThanOrEqual(600);
    expect(e.omitted).toEqual([{ kind: 'plan-item', plan: plan.id, item: long }]);
    expect(d.ok && d.progress.plans[plan.id]).toEqual([item('i0', '练习投诉处理话术'), short]);
  });

  it('is kept in full when it fits', () => {
    const p = empty({ plans: { [plan.id]: [item('i1', '写'.repeat(600))] } });
    const { e, d } = roundTrip(p);
    expect(e.omitted).toEqual([]);
    expect(d.ok && d.progress).toStrictEqual(p);
  });
});

describe('another version of the course', () => {
  const worst = worstCaseProgress(manifest, items, { learnerId: LEARNER });
  const encoded = encodeSuspendData(worst, course, { learnerId: LEARNER });

  /** the course with one section added to a chapter: that chapter's part no longer matches */
  function withSectionAdded(chapterId: string): CourseManifest {
    return {
      ...manifest,
      chapters: manifest.chapters.map((c) => (c.id === chapterId ? { ...c, sections: [...c.sections, { id: `${c.id}-added`, title: 'added' }] } : c)),
    };
  }

  it('keeps every chapter whose ids still match and leaves out the changed one', () => {
    const changed = manifest.chapters[1]!;
    const other = suspendCourse(withSectionAdded(changed.id), items);
    const d = decodeSuspendData(encoded.data, other, { learnerId: LEARNER });
    expect(d).toMatchObject({ ok: true, sameCourse: false, unmatched: 1 });
    if (!d.ok) return;
    const expected = kept(worst, encoded.omitted);
    for (const s of changed.sections) expect(d.progress.sectionsSeen[s.id]).toBeUndefined();
    for (const q of changed.quizzes) expect(d.progress.quizzes[q.id]).toBeUndefined();
    expect(d.progress.rounds?.[changed.quizzes[0]?.id ?? '']).toBeUndefined();
    for (const ch of manifest.chapters.filter((c) => c !== changed)) {
      for (const s of ch.sections) expect(d.progress.sectionsSeen[s.id]).toBe(expected.sectionsSeen[s.id]);
      for (const q of ch.quizzes) expect(d.progress.quizzes[q.id]).toStrictEqual(expected.quizzes[q.id]);
      for (const s of ch.scenarios) expect(d.progress.scenarios[s.id]).toStrictEqual(expected.scenarios[s.id]);
    }
    if (manifest.assessmentBank) expect(d.progress.quizzes[manifest.assessmentBank.id]).toStrictEqual(expected.quizzes[manifest.assessmentBank.id]);
    expect(d.progress.resume).toStrictEqual(expected.resume);
    expect(d.progress.certificates).toStrictEqual(expected.certificates);
  });

  it('leaves out the assessment when a question of the bank changed', () => {
    if (!manifest.assessmentBank) return;
    const bank: Question[] = items.bank.map((q, i) => (i === 0 ? { ...q, id: `${q.id}-v2` } : q));
    const d = decodeSuspendData(encoded.data, suspendCourse(manifest, { ...items, bank }), { learnerId: LEARNER });
    expect(d).toMatchObject({ ok: true, sameCourse: false, unmatched: 1 });
    expect(d.ok && d.progress.quizzes[manifest.assessmentBank.id]).toBeUndefined();
    expect(d.ok && Object.keys(d.progress.sectionsSeen)).toHaveLength(Object.keys(worst.sectionsSeen).length);
  });
});

describe('what the course does not have', () => {
  it('is dropped and reported', () => {
    const quiz = firstQuiz();
    const q = quiz.questions.find((x) => x.type === 'single') ?? quiz.questions[0]!;
    const wrong: Answer = { type: 'single', choice: 'no-such-choice' };
    const p = empty({
      sectionsSeen: { 'no-such-section': Date.UTC(2026, 4, 1) },
      quizzes: { [quiz.id]: { attempts: [{ n: 1, seed: 7, startedAt: Date.UTC(2026, 4, 1), answers: { [q.id]: wrong }, scores: {}, latency: {}, answeredAt: {} }] } },
      time: { 'no-such-chapter': 60_000 },
    });
    const { e, d } = roundTrip(p);
    expect(e.omitted.map((o) => (o.kind === 'not-in-course' ? o.what : o.kind)).sort()).toEqual(
      [`${quiz.id} attempt 1: the answer to ${q.id}`, 'section no-such-section', 'time in chapter no-such-chapter'].sort(),
    );
    expect(d.ok && d.progress.sectionsSeen).toEqual({});
    expect(d.ok && d.progress.quizzes[quiz.id]!.attempts[0]!.answers).toEqual({});
  });
});

describe('data that is not ours', () => {
  const good = encodeSuspendData(worstCaseProgress(manifest, items), course).data;

  it('is refused, never thrown: empty, another format, damaged', () => {
    expect(decodeSuspendData('', course)).toEqual({ ok: false, reason: 'empty' });
    expect(decodeSuspendData(undefined, course)).toEqual({ ok: false, reason: 'empty' });
    expect(decodeSuspendData('{"progress":1}', course)).toEqual({ ok: false, reason: 'other-format' });
    expect(decodeSuspendData('Z1"quoted"', course)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('cut short anywhere decodes to a valid result or a refusal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: good.length }), (cut) => {
        const d = decodeSuspendData(good.slice(0, cut), course);
        expect(typeof d.ok).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Generated progress over the real course

const sec = fc.integer({ min: 1_700_000_000, max: 1_900_000_000 }).map((s) => s * 1000);
const dur = fc.integer({ min: 0, max: 50_000 }).map((s) => s * 1000);
const score = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20_000 }).map((m) => m / 1000));
const text = fc.string({ unit: 'binary', maxLength: 12 });
const date = fc.oneof(fc.integer({ min: 0, max: 100_000 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10)), fc.constant(''), text);

function answerFor(q: Question): fc.Arbitrary<Answer> {
  const choices = q.choices.map((c) => c.id);
  const pairs = q.pairs.map((p) => p.id);
  switch (q.type) {
    case 'single':
      return fc.constantFrom(...choices).map((choice) => ({ type: 'single', choice }));
    case 'truefalse':
      return fc.boolean().map((value) => ({ type: 'truefalse', value }));
    case 'multiple':
      return fc.array(fc.constantFrom(...choices), { maxLength: choices.length + 1 }).map((c) => ({ type: 'multiple', choices: c }));
    case 'order':
      return fc.array(fc.constantFrom(...choices), { maxLength: choices.length + 1 }).map((order) => ({ type: 'order', order }));
    case 'match':
      return fc.array(fc.tuple(fc.constantFrom(...pairs), fc.constantFrom(...pairs)), { maxLength: pairs.length }).map((l) => ({ type: 'match', pairs: Object.fromEntries(l) }));
  }
}

const questionScore = (q: Question): fc.Arbitrary<QuestionScore> =>
  fc.oneof(
    fc.constant({ score: 0, max: q.points, correct: false }),
    fc.constant({ score: q.points, max: q.points, correct: true }),
    fc.record({ score, max: score, correct: fc.boolean() }),
  );

const optional = <T,>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

/** An attempt over these questions: any subset answered, any of the four records missing, results optional. */
function attemptOf(questions: Question[], n: number, isBank: boolean): fc.Arbitrary<QuizAttempt> {
  const rec = <T,>(per: (q: Question) => fc.Arbitrary<T>) =>
    fc.subarray(questions).chain((qs) => (qs.length ? fc.tuple(...qs.map(per)) : fc.constant([] as T[])).map((vals) => Object.fromEntries(qs.map((q, i) => [q.id, vals[i]!]))));
  return fc
    .record({
      // numbers as the player gives them, or renumbered (unique within the quiz all the same)
      n: fc.constantFrom(n, n + 10),
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      startedAt: sec,
      answers: rec(answerFor),
      scores: rec(questionScore),
      latency: rec(() => dur),
      answeredAt: rec(() => sec),
      submittedAt: optional(sec),
      score: optional(score),
      max: optional(score),
      percent: optional(score),
      passed: optional(fc.boolean()),
      questionIds: isBank ? optional(fc.subarray(questions.map((q) => q.id))) : fc.constant(undefined),
      mode: optional(fc.constantFrom('final' as const, 'refresher' as const, 'recertification' as const)),
      courseVersion: optional(fc.oneof(fc.constant(manifest.version), text)),
    })
    .map((a) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as unknown as QuizAttempt);
}

/** `count` values from `make(i)`, one each */
const listOf = <T,>(max: number, make: (i: number) => fc.Arbitrary<T>): fc.Arbitrary<T[]> =>
  fc.integer({ min: 0, max }).chain((count) => (count ? fc.tuple(...Array.from({ length: count }, (_, i) => make(i))) : fc.constant([] as T[])));

const quizOf = (questions: Question[], isBank: boolean): fc.Arbitrary<{ attempts: QuizAttempt[] }> =>
  listOf(4, (i) => attemptOf(questions, i + 1, isBank)).map((attempts) => ({ attempts }));

function runOf(s: (typeof items.chapters)[string]['scenarios'][number]): fc.Arbitrary<ScenarioRun> {
  const steps = new Map(s.steps.map((st) => [st.id, st]));
  return fc
    .record({ picks: fc.array(fc.nat(), { maxLength: 8 }), times: fc.array(sec, { minLength: 8, maxLength: 8 }), score, ended: optional(sec), end: fc.boolean() })
    .map(({ picks, times, score, ended, end }) => {
      const choices: ScenarioRun['choices'] = [];
      let at: string | undefined = s.start;
      for (const [i, pick] of picks.entries()) {
        const step: ScenarioStep | undefined = at === undefined ? undefined : steps.get(at);
        if (!step || !step.options.length) break;
        const o: ScenarioStep['options'][number] = step.options[pick % step.options.length]!;
        choices.push({ step: step.id, option: o.id, at: times[i]! });
        at = o.to;
      }
      const outcome = end && at !== undefined && s.outcomes.some((o) => o.id === at) ? at : undefined;
      return { choices, score, ...(outcome ? { outcome } : {}), ...(ended !== undefined ? { endedAt: ended } : {}) };
    });
}

const someOf = <T,>(entries: [string, fc.Arbitrary<T>][]): fc.Arbitrary<Record<string, T>> =>
  fc.subarray(entries).chain((picked) => (picked.length ? fc.tuple(...picked.map(([, a]) => a)) : fc.constant([] as T[])).map((vals) => Object.fromEntries(picked.map(([id], i) => [id, vals[i]!]))));

const sections = manifest.chapters.flatMap((c) => c.sections.map((s) => s.id));
const roundOf = (n: number): fc.Arbitrary<Round> =>
  fc
    .record({ openedAt: sec, sections: fc.oneof(fc.subarray(sections), fc.shuffledSubarray(sections)), read: someOf(sections.map((s) => [s, sec])), unlockedAt: optional(sec) })
    .map((r) => ({ n, openedAt: r.openedAt, sections: r.sections, read: r.read, ...(r.unlockedAt !== undefined ? { unlockedAt: r.unlockedAt } : {}) }));

const bankId = manifest.assessmentBank?.id;
const progress: fc.Arbitrary<LearnerProgress> = fc
  .record({
    courseVersion: fc.oneof(fc.constant(manifest.version), text),
    sectionsSeen: someOf(sections.map((s) => [s, sec])),
    quizzes: someOf([
      ...manifest.chapters.flatMap((c) => (items.chapters[c.id]?.quizzes ?? []).map((q): [string, fc.Arbitrary<{ attempts: QuizAttempt[] }>] => [q.id, quizOf(q.questions, false)])),
      ...(bankId ? [[bankId, quizOf(items.bank, true)] as [string, fc.Arbitrary<{ attempts: QuizAttempt[] }>]] : []),
    ]),
    scenarios: someOf(
      manifest.chapters.flatMap((c) =>
        (items.chapters[c.id]?.scenarios ?? []).map((s): [string, fc.Arbitrary<LearnerProgress['scenarios'][string]>] => [
          s.id,
          fc.record({ latest: runOf(s), best: optional(runOf(s)), runs: fc.integer({ min: 0, max: 9 }) }).map((x) => (x.best ? x : { latest: x.latest, runs: x.runs })),
        ]),
      ),
    ),
    matrices: someOf(
      manifest.chapters.flatMap((c) =>
        c.matrices.map((m): [string, fc.Arbitrary<Record<string, { likelihood: number; impact: number }>>] => [
          m.id,
          someOf(m.riskIds.map((r) => [r, fc.record({ likelihood: fc.integer({ min: 1, max: 4 }), impact: fc.integer({ min: 1, max: 4 }) })])),
        ]),
      ),
    ),
    plans: someOf(
      manifest.chapters.flatMap((c) =>
        c.plans.map((pl): [string, fc.Arbitrary<PlanItem[]>] => [
          pl.id,
          fc.array(
            fc
              .record({
                id: fc.oneof(text, fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }).map((t) => `i${t.toString(36)}`)),
                area: fc.oneof(fc.constantFrom(...pl.areas.map((a) => a.id)), text),
                action: text,
                measure: text,
                due: date,
                done: optional(fc.boolean()),
                deleted: optional(fc.boolean()),
              })
              .map((i) => Object.fromEntries(Object.entries(i).filter(([, v]) => v !== undefined)) as unknown as PlanItem),
            { maxLength: 4 },
          ),
        ]),
      ),
    ),
    time: someOf(manifest.chapters.map((c) => [c.id, dur])),
    resume: optional(fc.constantFrom(...manifest.chapters).chain((c) => fc.option(fc.constantFrom(...c.sections.map((s) => s.id)), { nil: undefined }).map((section) => ({ chapter: c.id, ...(section ? { section } : {}) })))),
    rounds: optional(
      someOf(
        [...manifest.chapters.flatMap((c) => c.quizzes.map((q) => q.id)), ...(bankId ? [bankId] : [])].map((id) => [
          id,
          listOf(2, (i) => roundOf(i + 2)),
        ]),
      ),
    ),
    certificates: optional(
      fc.array(
        fc.record({
          n: fc.integer({ min: 1, max: 5 }),
          number: text,
          issuedAt: sec,
          issuedOn: date,
          validUntil: date,
          courseVersion: fc.oneof(fc.constant(manifest.version), text),
          score,
          attempt: fc.integer({ min: 1, max: 9 }),
          kind: fc.constantFrom('initial' as const, 'renewal' as const),
        }),
        { maxLength: 3 },
      ),
    ),
    startedAt: optional(sec),
    updatedAt: sec,
  })
  .map((p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as unknown as LearnerProgress);

describe('generated progress', () => {
  it('decodes to exactly what was encoded, less only what the encoder reports as left out', () => {
    fc.assert(
      fc.property(progress, fc.boolean(), (p, withLearner) => {
        const options = { maxLength: 100_000, ...(withLearner ? { learnerId: LEARNER } : {}) };
        const { e, d } = roundTrip(p, options);
        expect(e.omitted.filter((o) => o.kind !== 'attempt-details')).toEqual([]);
        expect(d.ok && d.progress).toStrictEqual(kept(p, e.omitted));
        expect(d).toMatchObject({ sameCourse: true, unmatched: 0 });
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('encodes what it decoded to the same data', () => {
    fc.assert(
      fc.property(progress, (p) => {
        const once = encodeSuspendData(p, course, { maxLength: 100_000 }).data;
        const d = decodeSuspendData(once, course);
        expect(d.ok && encodeSuspendData(d.progress, course, { maxLength: 100_000 }).data).toBe(once);
      }),
      { numRuns: 30 },
    );
  }, 60_000);
});
