import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Choice, Pair, Question, QuestionType } from './course.ts';
import { shuffle } from './random.ts';
import { attemptsLeft, correctAnswer, scoreQuestion, scoreQuiz, type Answer } from './scoring.ts';

// ---- small builders -------------------------------------------------------------------------------

function question(over: Partial<Question> & { type: QuestionType }): Question {
  return { id: 'q', points: 1, prompt: 'prompt', explain: 'explain', choices: [], pairs: [], ...over };
}
const choice = (id: string, correct = false): Choice => ({ id, text: `text ${id}`, correct });
const pair = (id: string): Pair => ({ id, left: `left ${id}`, right: `right ${id}` });
/** choices a..n; the ids listed in `correct` are the keys */
const choices = (ids: string[], correct: string[] = []): Choice[] => ids.map((id) => choice(id, correct.includes(id)));

const single = (choice: string): Answer => ({ type: 'single', choice });
const multiple = (...picked: string[]): Answer => ({ type: 'multiple', choices: picked });
const truefalse = (value: boolean): Answer => ({ type: 'truefalse', value });
const order = (...ids: string[]): Answer => ({ type: 'order', order: ids });
const match = (pairs: Record<string, string>): Answer => ({ type: 'match', pairs });

// ---- example-based --------------------------------------------------------------------------------

describe('single choice', () => {
  const q = question({ type: 'single', points: 2, choices: choices(['a', 'b', 'c'], ['b']) });

  it('earns full marks for the correct choice', () => {
    expect(scoreQuestion(q, single('b'))).toEqual({ score: 2, max: 2, correct: true });
  });

  it('earns nothing for a wrong choice', () => {
    expect(scoreQuestion(q, single('a'))).toEqual({ score: 0, max: 2, correct: false });
  });

  it('earns nothing for a choice id the question does not have', () => {
    expect(scoreQuestion(q, single('zzz')).score).toBe(0);
  });

  it('earns nothing when unanswered or answered with another question type', () => {
    expect(scoreQuestion(q, undefined)).toEqual({ score: 0, max: 2, correct: false });
    expect(scoreQuestion(q, multiple('b')).score).toBe(0);
  });
});

describe('multiple choice, all or nothing', () => {
  const q = question({ type: 'multiple', points: 3, choices: choices(['a', 'b', 'c', 'd'], ['a', 'c']) });

  it('earns full marks for exactly the correct set, in any order', () => {
    expect(scoreQuestion(q, multiple('a', 'c')).score).toBe(3);
    expect(scoreQuestion(q, multiple('c', 'a')).correct).toBe(true);
  });

  it('earns nothing when a correct choice is missing', () => {
    expect(scoreQuestion(q, multiple('a'))).toEqual({ score: 0, max: 3, correct: false });
  });

  it('earns nothing when a wrong choice is picked as well', () => {
    expect(scoreQuestion(q, multiple('a', 'b', 'c')).score).toBe(0);
  });

  it('counts a choice picked twice once', () => {
    expect(scoreQuestion(q, multiple('a', 'a', 'c')).score).toBe(3);
  });

  it('earns nothing for no picks', () => {
    expect(scoreQuestion(q, multiple()).score).toBe(0);
  });
});

describe('multiple choice with partial credit', () => {
  // three keys out of five: each right pick earns a third, each wrong pick takes a third away
  const q = question({ type: 'multiple', partial: true, points: 3, choices: choices(['a', 'b', 'c', 'd', 'e'], ['a', 'b', 'c']) });

  it('earns a share of the points for each right pick', () => {
    expect(scoreQuestion(q, multiple('a'))).toEqual({ score: 1, max: 3, correct: false });
    expect(scoreQuestion(q, multiple('a', 'b'))).toEqual({ score: 2, max: 3, correct: false });
  });

  it('earns full marks and counts as correct when every key and nothing else is picked', () => {
    expect(scoreQuestion(q, multiple('a', 'b', 'c'))).toEqual({ score: 3, max: 3, correct: true });
  });

  it('takes a share away for each wrong pick', () => {
    expect(scoreQuestion(q, multiple('a', 'b', 'c', 'd'))).toEqual({ score: 2, max: 3, correct: false });
    expect(scoreQuestion(q, multiple('a', 'b', 'd')).score).toBe(1);
  });

  it('never goes below zero when wrong picks outnumber right ones', () => {
    expect(scoreQuestion(q, multiple('a', 'd', 'e')).score).toBe(0);
    expect(scoreQuestion(q, multiple('d', 'e')).score).toBe(0);
  });

  it('does not count an id the question does not have as a wrong pick', () => {
    expect(scoreQuestion(q, multiple('a', 'b', 'gone')).score).toBe(2);
  });

  it('rounds a share that is not a whole number to three decimals', () => {
    const q1 = question({ type: 'multiple', partial: true, points: 1, choices: choices(['a', 'b', 'c', 'd'], ['a', 'b', 'c']) });
    expect(scoreQuestion(q1, multiple('a')).score).toBe(0.333);
    expect(scoreQuestion(q1, multiple('a', 'b')).score).toBe(0.667);
  });
});

describe('true / false', () => {
  it('earns full marks when the value matches the answer, either way round', () => {
    expect(scoreQuestion(question({ type: 'truefalse', answer: true }), truefalse(true)).correct).toBe(true);
    expect(scoreQuestion(question({ type: 'truefalse', answer: false }), truefalse(false)).correct).toBe(true);
  });

  it('earns nothing when the value is the opposite of the answer', () => {
    expect(scoreQuestion(question({ type: 'truefalse', answer: true }), truefalse(false)).score).toBe(0);
    expect(scoreQuestion(question({ type: 'truefalse', answer: false }), truefalse(true)).score).toBe(0);
  });
});

describe('ordering, all or nothing', () => {
  const q = question({ type: 'order', points: 2, choices: choices(['first', 'second', 'third', 'fourth']) });

  it('earns full marks for the authored order', () => {
    expect(scoreQuestion(q, order('first', 'second', 'third', 'fourth'))).toEqual({ score: 2, max: 2, correct: true });
  });

  it('earns nothing when any two items are swapped', () => {
    expect(scoreQuestion(q, order('first', 'third', 'second', 'fourth')).score).toBe(0);
  });

  it('earns nothing when an item is missing or an extra one is added', () => {
    expect(scoreQuestion(q, order('first', 'second', 'third')).score).toBe(0);
    expect(scoreQuestion(q, order('first', 'second', 'third', 'fourth', 'fifth')).score).toBe(0);
  });
});

describe('matching, a share per pair', () => {
  const q = question({ type: 'match', points: 2, pairs: ['p1', 'p2', 'p3', 'p4'].map(pair) });

  it('earns full marks when every left side is matched to its own right side', () => {
    expect(scoreQuestion(q, match({ p1: 'p1', p2: 'p2', p3: 'p3', p4: 'p4' }))).toEqual({ score: 2, max: 2, correct: true });
  });

  it('earns a share of the points for each pair matched right', () => {
    expect(scoreQuestion(q, match({ p1: 'p1', p2: 'p2', p3: 'p4', p4: 'p3' }))).toEqual({ score: 1, max: 2, correct: false });
    expect(scoreQuestion(q, match({ p1: 'p1', p2: 'p3', p3: 'p4', p4: 'p2' })).score).toBe(0.5);
  });

  it('counts a left side left unmatched as wrong', () => {
    expect(scoreQuestion(q, match({ p1: 'p1', p2: 'p2', p3: 'p3' })).score).toBe(1.5);
  });

  it('earns nothing when nothing is matched right', () => {
    expect(scoreQuestion(q, match({ p1: 'p2', p2: 'p1' })).score).toBe(0);
  });

  it('earns nothing for a question without pairs rather than dividing by zero', () => {
    expect(scoreQuestion(question({ type: 'match', points: 1 }), match({}))).toEqual({ score: 0, max: 1, correct: false });
  });
});

describe('quiz scoring', () => {
  const q1 = question({ id: 'q1', type: 'single', points: 57, choices: choices(['a', 'b'], ['a']) });
  const q2 = question({ id: 'q2', type: 'truefalse', points: 43, answer: true });

  it('sums points, gives the percentage and reports each question', () => {
    const s = scoreQuiz({ questions: [q1, q2], passMark: 50 }, { q1: single('a'), q2: truefalse(false) });
    expect(s.score).toBe(57);
    expect(s.max).toBe(100);
    expect(s.percent).toBe(57);
    expect(s.perQuestion).toEqual({ q1: { score: 57, max: 57, correct: true }, q2: { score: 0, max: 43, correct: false } });
  });

  it('passes exactly at the pass mark, even where the percentage is not exact in floating point', () => {
    // 57 / 100 * 100 is 56.99999999999999 in floating point
    expect(scoreQuiz({ questions: [q1, q2], passMark: 57 }, { q1: single('a') }).passed).toBe(true);
  });

  it('fails just below the pass mark', () => {
    expect(scoreQuiz({ questions: [q1, q2], passMark: 57.5 }, { q1: single('a') }).passed).toBe(false);
    expect(scoreQuiz({ questions: [q1, q2], passMark: 58 }, { q1: single('a') }).passed).toBe(false);
  });

  it('passes a two-thirds score at a pass mark of two thirds rounded to three decimals', () => {
    const three = ['x', 'y', 'z'].map((id) => question({ id, type: 'truefalse', answer: true }));
    const s = scoreQuiz({ questions: three, passMark: 66.667 }, { x: truefalse(true), y: truefalse(true), z: truefalse(false) });
    expect(s.percent).toBe(66.667);
    expect(s.passed).toBe(true);
  });

  it('scores unanswered questions as zero', () => {
    const s = scoreQuiz({ questions: [q1, q2], passMark: 0 }, {});
    expect(s).toMatchObject({ score: 0, max: 100, percent: 0 });
  });

  it('passes with full marks at a pass mark of 100 and fails a pass mark above what is possible', () => {
    const all = { q1: single('a'), q2: truefalse(true) };
    expect(scoreQuiz({ questions: [q1, q2], passMark: 100 }, all)).toMatchObject({ percent: 100, passed: true });
    expect(scoreQuiz({ questions: [q1, q2], passMark: 101 }, all).passed).toBe(false);
  });

  it('never passes a quiz worth no points', () => {
    expect(scoreQuiz({ questions: [], passMark: 0 }, {})).toMatchObject({ score: 0, max: 0, percent: 0, passed: false });
  });
});

describe('attempts left', () => {
  it('counts down from the attempts allowed and stops at zero', () => {
    expect(attemptsLeft(0, 3)).toBe(3);
    expect(attemptsLeft(2, 3)).toBe(1);
    expect(attemptsLeft(3, 3)).toBe(0);
    expect(attemptsLeft(5, 3)).toBe(0);
  });

  it('is unlimited when zero attempts are allowed', () => {
    expect(attemptsLeft(0, 0)).toBe(Infinity);
    expect(attemptsLeft(1000, 0)).toBe(Infinity);
  });
});

describe('the correct answer', () => {
  it('is the answer that scores full marks for each question type', () => {
    const qs = [
      question({ type: 'single', points: 2, choices: choices(['a', 'b', 'c'], ['c']) }),
      question({ type: 'multiple', points: 2, choices: choices(['a', 'b', 'c'], ['a', 'c']) }),
      question({ type: 'multiple', partial: true, points: 2, choices: choices(['a', 'b', 'c'], ['b']) }),
      question({ type: 'truefalse', points: 2, answer: false }),
      question({ type: 'truefalse', points: 2, answer: true }),
      question({ type: 'order', points: 2, choices: choices(['x', 'y', 'z']) }),
      question({ type: 'match', points: 2, pairs: ['l', 'm', 'n'].map(pair) }),
    ];
    for (const q of qs) expect(scoreQuestion(q, correctAnswer(q))).toEqual({ score: 2, max: 2, correct: true });
  });

  it('spells out the keys by id', () => {
    expect(correctAnswer(question({ type: 'multiple', choices: choices(['a', 'b', 'c'], ['a', 'c']) }))).toEqual(multiple('a', 'c'));
    expect(correctAnswer(question({ type: 'order', choices: choices(['x', 'y']) }))).toEqual(order('x', 'y'));
    expect(correctAnswer(question({ type: 'match', pairs: [pair('l'), pair('m')] }))).toEqual(match({ l: 'l', m: 'm' }));
  });
});

// ---- property-based -------------------------------------------------------------------------------

/** distinct short ids; short enough never to collide with Object.prototype names */
const ids = (minLength: number, maxLength = 7) => fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength, maxLength });
/** whole and half points, as authors write them */
const points = fc.integer({ min: 0, max: 40 }).map((n) => n / 2);
/** mostly ids of the question, sometimes an id it does not have */
const pickFrom = (known: string[]) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) });
/** a permutation of the given items */
const permutation = <T>(items: T[]) => fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length });

const singleQ = fc
  .record({ ids: ids(2), points })
  .chain(({ ids, points }) =>
    fc.record({
      q: fc.nat(ids.length - 1).map((k) => question({ type: 'single', points, choices: choices(ids, [ids[k]!]) })),
      answer: pickFrom(ids).map(single),
    }),
  );

const multipleQ = fc
  .record({ ids: ids(2), points, partial: fc.boolean() })
  .chain(({ ids, points, partial }) =>
    fc.record({
      q: fc
        .subarray(ids, { minLength: 1 })
        .map((keys) => question({ type: 'multiple', points, partial, choices: choices(ids, keys) })),
      answer: fc.array(pickFrom(ids), { maxLength: ids.length + 2 }).map((picked) => multiple(...picked)),
    }),
  );

const truefalseQ = fc.record({
  q: fc.record({ points, answer: fc.boolean() }).map(({ points, answer }) => question({ type: 'truefalse', points, answer })),
  answer: fc.boolean().map(truefalse),
});

const orderQ = fc
  .record({ ids: ids(1), points })
  .chain(({ ids, points }) =>
    fc.record({
      q: fc.constant(question({ type: 'order', points, choices: choices(ids) })),
      answer: fc.oneof(permutation(ids), fc.array(pickFrom(ids), { maxLength: ids.length + 1 })).map((o) => order(...o)),
    }),
  );

const matchQ = fc
  .record({ ids: ids(1), points })
  .chain(({ ids, points }) =>
    fc.record({
      q: fc.constant(question({ type: 'match', points, pairs: ids.map(pair) })),
      answer: fc
        .array(fc.tuple(fc.constantFrom(...ids), pickFrom(ids)), { maxLength: ids.length })
        .map((entries) => match(Object.fromEntries(entries))),
    }),
  );

const anyQ = fc.oneof(singleQ, multipleQ, truefalseQ, orderQ, matchQ);

describe('scoring properties', () => {
  it('scores any answer to any question between zero and the question’s points', () => {
    fc.assert(
      fc.property(anyQ, ({ q, answer }) => {
        const s = scoreQuestion(q, answer);
        expect(s.max).toBe(q.points);
        expect(s.score).toBeGreaterThanOrEqual(0);
        expect(s.score).toBeLessThanOrEqual(s.max);
        if (s.correct) expect(s.score).toBe(s.max);
      }),
    );
  });

  it('scores an answer of the wrong type as zero', () => {
    fc.assert(
      fc.property(anyQ, anyQ, (a, b) => {
        fc.pre(a.q.type !== b.q.type);
        expect(scoreQuestion(a.q, b.answer).score).toBe(0);
      }),
    );
  });

  it('gives full marks to the correct answer of any question', () => {
    fc.assert(
      fc.property(anyQ, ({ q }) => {
        expect(scoreQuestion(q, correctAnswer(q))).toEqual({ score: q.points, max: q.points, correct: true });
      }),
    );
  });

  it('scores a quiz between zero and its total points, with a percentage from 0 to 100', () => {
    fc.assert(
      fc.property(fc.array(anyQ, { maxLength: 6 }), fc.integer({ min: 0, max: 100 }), (items, passMark) => {
        const questions = items.map(({ q }, i) => ({ ...q, id: `q${i}` }));
        const answers = Object.fromEntries(items.map(({ answer }, i) => [`q${i}`, answer]));
        const s = scoreQuiz({ questions, passMark }, answers);
        expect(s.score).toBeGreaterThanOrEqual(0);
        expect(s.score).toBeLessThanOrEqual(s.max + 1e-9);
        expect(s.percent).toBeGreaterThanOrEqual(0);
        expect(s.percent).toBeLessThanOrEqual(100);
        expect(s.passed).toBe(s.max > 0 && s.percent >= passMark - 1e-9);
      }),
    );
  });

  it('scores a choice answer the same whatever order the choices are listed in', () => {
    fc.assert(
      fc.property(
        fc.oneof(singleQ, multipleQ).chain(({ q, answer }) => fc.record({ q: fc.constant(q), answer: fc.constant(answer), listed: permutation(q.choices) })),
        ({ q, answer, listed }) => {
          expect(scoreQuestion({ ...q, choices: listed }, answer)).toEqual(scoreQuestion(q, answer));
        },
      ),
    );
  });

  it('scores a match answer the same whatever order the pairs are listed in', () => {
    fc.assert(
      fc.property(
        matchQ.chain(({ q, answer }) => fc.record({ q: fc.constant(q), answer: fc.constant(answer), listed: permutation(q.pairs) })),
        ({ q, answer, listed }) => {
          expect(scoreQuestion({ ...q, pairs: listed }, answer)).toEqual(scoreQuestion(q, answer));
        },
      ),
    );
  });

  it('scores an ordering the learner builds the same whichever shuffled order the items were displayed in', () => {
    fc.assert(
      fc.property(
        orderQ.chain(({ q }) =>
          fc.record({
            q: fc.constant(q),
            arranged: permutation(q.choices.map((c) => c.id)),
            seedA: fc.nat(),
            seedB: fc.nat(),
          }),
        ),
        ({ q, arranged, seedA, seedB }) => {
          // the learner moves displayed items into place; what is submitted is the ids at each place
          const submit = (seed: number) => {
            const displayed = shuffle(
              q.choices.map((c) => c.id),
              seed,
            );
            const places = arranged.map((id) => displayed.indexOf(id));
            return order(...places.map((i) => displayed[i]!));
          };
          const a = scoreQuestion(q, submit(seedA));
          expect(scoreQuestion(q, submit(seedB))).toEqual(a);
          expect(a.correct).toBe(arranged.every((id, i) => q.choices[i]!.id === id));
        },
      ),
    );
  });

  it('scores the same matches the same whichever shuffled order the right sides were displayed in', () => {
    fc.assert(
      fc.property(
        matchQ.chain(({ q }) => {
          const pairIds = q.pairs.map((p) => p.id);
          return fc.record({
            q: fc.constant(q),
            // for each left side, the pair id whose right side the learner means to pick
            meant: fc.array(fc.constantFrom(...pairIds), { minLength: pairIds.length, maxLength: pairIds.length }),
            seedA: fc.nat(),
            seedB: fc.nat(),
          });
        }),
        ({ q, meant, seedA, seedB }) => {
          const submit = (seed: number) => {
            const rights = shuffle(
              q.pairs.map((p) => p.id),
              seed,
            );
            // the learner clicks a displayed position; the answer records the id shown there
            return match(Object.fromEntries(q.pairs.map((p, i) => [p.id, rights[rights.indexOf(meant[i]!)]!])));
          };
          const a = scoreQuestion(q, submit(seedA));
          expect(scoreQuestion(q, submit(seedB))).toEqual(a);
          const right = q.pairs.filter((p, i) => meant[i] === p.id).length;
          expect(a.score).toBeCloseTo((q.points * right) / q.pairs.length, 3);
        },
      ),
    );
  });
});
