import { describe, expect, test } from 'vitest';
import { checkCourse } from './check-course.ts';
import { formatProblem } from './errors.ts';
import { bank, chapter, choice, courseYaml, option, outcome, question, quiz, scenario, section, step, writeCourse } from './test-course.ts';

/** Four single-choice questions whose key is never longer than the distractors, and rotates position. */
const singles = (prefix: string, part = -1) =>
  [0, 1, 2, 3].map((k) =>
    question({ id: `${prefix}s${k}`, part, choices: ['甲方案', '乙方案', '丙方案', '丁方案'].map((t, i) => choice(String.fromCharCode(97 + i), t, { correct: i === k })) }),
  );
const trueFalse = (prefix: string, answers: string[], part = -1) => answers.map((a, i) => question({ id: `${prefix}t${i}`, type: 'truefalse', answer: a, prompt: `陈述${i}。`, part }));
/** Multiple choice with 1, 2 and 2 of 4 options correct. */
const multiples = (prefix: string, part = -1) =>
  [[0], [1, 2], [0, 3]].map((keys, n) =>
    question({ id: `${prefix}m${n}`, type: 'multiple', part, choices: ['做法一', '做法二', '做法三', '做法四'].map((t, i) => choice(String.fromCharCode(97 + i), t, { correct: keys.includes(i) })) }),
  );

const goodScenario = scenario('scn', [
  step('start', [option({ id: 'a', to: 's2', score: 2 }), option({ id: 'b', to: 'end-poor', score: 0 })], true),
  step('s2', [option({ id: 'a', to: 'end-good', score: 2 }), option({ id: 'b', to: 'end-fair', score: 1 })]),
  outcome('end-good', 'good'),
  outcome('end-fair', 'fair'),
  outcome('end-poor', 'poor'),
]);

const goodBank = () => bank([...singles('f', 1), ...trueFalse('f', ['true', 'false', 'true'], 1), ...multiples('f', 1)]);

function course({ questions = [...singles('q'), ...trueFalse('q', ['true', 'false', 'false', 'true']), ...multiples('q')], scn = goodScenario, bankText = goodBank() } = {}) {
  return {
    'course.yaml': courseYaml(['ch-one']),
    'chapters/01-one.mdx': chapter({ body: section('ch-one-s1', `${quiz('q-quiz', questions)}\n\n${scn}`) }),
    'assessment.mdx': bankText,
  };
}

function check(files: Record<string, string>): string {
  const { problems, warnings } = checkCourse(writeCourse(files));
  const lines = [...warnings.map((w) => 'warning ' + formatProblem(w)), ...problems.map((p) => 'error ' + formatProblem(p))];
  return lines.length ? lines.join('\n') : 'OK';
}

describe('the item-quality rules', () => {
  test('stay quiet on a course without test-taking cues, and measure it', () => {
    const root = writeCourse(course());
    const { problems, warnings, figures } = checkCourse(root);
    expect([...problems, ...warnings]).toEqual([]);
    expect(figures?.scopes.find((s) => s.scope === 'q-quiz')).toMatchObject({ single: 4, keyLongest: 0, trueFalse: 4, trueAnswers: 2, multiple: 3, allButOne: 0, correctCounts: { 1: 1, 2: 2 } });
    expect(figures?.bankPerPart).toEqual({ 1: 10 });
  });

  test('warn at each single-choice question whose key is the longest option, and fail a quiz where that is too common', () => {
    const longKey = (id: string) => question({ id, choices: [choice('a', '甲'), choice('b', '乙'), choice('c', '按规定的流程逐级上报并留存记录', { correct: true })] });
    const questions = [longKey('l1'), longKey('l2'), ...singles('q').slice(0, 2), ...trueFalse('q', ['true', 'false'])];
    expect(check(course({ questions }))).toMatchInlineSnapshot(`
      "warning content/chapters/01-one.mdx:14 — <Question id="l1"> has its key "c" as the longest option (15 characters, the longest other 1)
          hint: make a distractor as specific as the key, or the key shorter
      warning content/chapters/01-one.mdx:21 — <Question id="l2"> has its key "c" as the longest option (15 characters, the longest other 1)
          hint: make a distractor as specific as the key, or the key shorter
      error content/chapters/01-one.mdx:12 — <Quiz id="q-quiz"> has the key as the longest option in 2 of 4 single-choice questions (50%), more than 40%
          hint: a learner who picks the longest option should gain nothing: see the warnings above
      error content/chapters/01-one.mdx:12 — <Quiz id="q-quiz"> has keys 4.5× as long as the distractors on average, more than 1.15×
          hint: write distractors as specific as the keys
      error content/chapters — the chapter quizzes together has the key as the longest option in 2 of 4 single-choice questions (50%), more than 40%
          hint: a learner who picks the longest option should gain nothing: see the warnings above
      error content/chapters — the chapter quizzes together has keys 4.5× as long as the distractors on average, more than 1.15×
          hint: write distractors as specific as the keys"
    `);
  });

  test('fail true/false items that are nearly all false', () => {
    expect(check(course({ questions: [...singles('q'), ...trueFalse('q', ['false', 'false', 'false', 'false', 'true'])] }))).toMatchInlineSnapshot(`
      "error content/chapters/01-one.mdx:12 — <Quiz id="q-quiz"> has 1 true and 4 false statements, fewer than 35% of one kind
          hint: balance true and false statements, so that always answering one way does not pass
      error content/chapters — the chapter quizzes together has 1 true and 4 false statements, fewer than 35% of one kind
          hint: balance true and false statements, so that always answering one way does not pass"
    `);
  });

  test('warn at wrong choices and false statements with absolute words, and fail when they are too common', () => {
    const extreme = question({ id: 'x1', choices: [choice('a', '一律拒绝'), choice('b', '完全不必处理'), choice('c', '及时上报', { correct: true })] });
    const falseAbsolute = question({ id: 'x2', type: 'truefalse', answer: 'false', prompt: '所有投诉都由客服处理。' });
    expect(check(course({ questions: [extreme, falseAbsolute, ...singles('q'), ...trueFalse('q', ['true', 'false'])] }))).toMatchInlineSnapshot(`
      "warning content/chapters/01-one.mdx:15 — <Question id="x1"> choice "a" is a wrong choice with the absolute word 「一律」: an extreme is ruled out by common sense
          hint: draw the distractor from a neighbouring list of the deck, or a half-truth
      warning content/chapters/01-one.mdx:16 — <Question id="x1"> choice "b" is a wrong choice with the absolute word 「完全」: an extreme is ruled out by common sense
          hint: draw the distractor from a neighbouring list of the deck, or a half-truth
      warning content/chapters/01-one.mdx:21 — <Question id="x2"> is a false statement with the absolute word 「所有」: the extreme gives the answer away
          hint: make the false statement a half-truth or a rule from the wrong place
      error content/chapters/01-one.mdx:12 — <Quiz id="q-quiz"> has absolute words in 3 of 16 wrong choices and false statements (19%), more than 10%
          hint: see the warnings above
      error content/chapters — the chapter quizzes together has absolute words in 3 of 16 wrong choices and false statements (19%), more than 10%
          hint: see the warnings above"
    `);
  });

  test('warn at multiple-choice questions where all options but one are correct, and fail when that is the habit', () => {
    const allButOne = (id: string) => question({ id, type: 'multiple', choices: ['做法一', '做法二', '做法三', '做法四'].map((t, i) => choice(String.fromCharCode(97 + i), t, { correct: i < 3 })) });
    expect(check(course({ questions: [...singles('q'), ...trueFalse('q', ['true', 'false']), allButOne('m1'), allButOne('m2'), multiples('q')[0]!] }))).toMatchInlineSnapshot(`
      "warning content/chapters/01-one.mdx:54 — <Question id="m1"> has 3 of 4 options correct: the one odd option gives the answer away
          hint: vary the number of correct options, with plausible wrong ones
      warning content/chapters/01-one.mdx:62 — <Question id="m2"> has 3 of 4 options correct: the one odd option gives the answer away
          hint: vary the number of correct options, with plausible wrong ones
      error content/chapters/01-one.mdx:12 — <Quiz id="q-quiz"> has all or all but one option correct in 2 of 3 multiple-choice questions (67%), more than 34%
          hint: vary the number of correct options
      error content/chapters — the chapter quizzes together has all or all but one option correct in 2 of 3 multiple-choice questions (67%), more than 34%
          hint: vary the number of correct options"
    `);
  });

  test('fail a wrong choice that has no feedback, pointing at the choice', () => {
    const silent = question({ id: 'n1', choices: [choice('a', '甲方案', { feedback: '' }), choice('b', '乙方案', { correct: true })] });
    expect(check(course({ questions: [silent, ...singles('q'), ...trueFalse('q', ['true', 'false'])] }))).toMatchInlineSnapshot(`
      "warning content/chapters/01-one.mdx:15 — <Question id="n1"> choice "a" is a wrong choice without feedback
          hint: add feedback="…" that says why it is wrong
      error content/chapters/01-one.mdx:12 — <Quiz id="q-quiz"> has 1 wrong choice(s) without feedback, more than 0
          hint: every wrong choice says why it is wrong: see the warnings above"
    `);
  });

  test('fail scenario options without an explicit id, naming the id they have now', () => {
    const scn = scenario('scn', [step('start', [option({ to: 'end-good', score: 1 }), option({ id: 'b', to: 'end-poor' })], true), outcome('end-good', 'good'), outcome('end-poor', 'poor')]);
    expect(check(course({ scn }))).toMatchInlineSnapshot(`
      "warning content/chapters/01-one.mdx:92 — <Option to="end-good"> in <Step id="start"> has no id, so its id is its target
          hint: write id="end-good" to keep learners' saved paths; re-pointing \`to\` then keeps them too
      error content/chapters/01-one.mdx:88 — <Scenario id="scn"> has 1 option(s) without an id, more than 0
          hint: give every <Option> an explicit id"
    `);
  });

  test('fail a poor ending that outscores a good one, and a good ending reached through a poor decision', () => {
    const scn = scenario('scn', [
      step('start', [option({ id: 'a', to: 's2', score: 2 }), option({ id: 'b', to: 's2', score: 0 }), option({ id: 'c', to: 'end-poor', score: 5 })], true),
      step('s2', [option({ id: 'a', to: 'end-good', score: 2 })]),
      outcome('end-good', 'good'),
      outcome('end-poor', 'poor'),
    ]);
    expect(check(course({ scn }))).toMatchInlineSnapshot(`
      "warning content/chapters/01-one.mdx:104 — <Outcome id="end-poor"> is rated poor but a path to it scores 5, while a path to the good outcome "end-good" scores 2
          hint: a better-rated ending must score more than every path to a worse one: adjust the scores or the ratings
      warning content/chapters/01-one.mdx:102 — <Outcome id="end-good"> is rated good but is reached after a poor decision: option "b" in <Step id="start"> (score 0)
          hint: lead poor decisions to a step or ending that deals with their consequences
      error content/chapters/01-one.mdx:88 — <Scenario id="scn"> has 2 outcome rating(s) that contradict the path scores, more than 0
          hint: see the warnings above"
    `);
  });

  test('fail a bank part with fewer than ten questions', () => {
    expect(check(course({ bankText: bank([...singles('f', 1), ...trueFalse('f', ['true', 'false'], 1)]) }))).toMatchInlineSnapshot(`
      "error content/assessment.mdx — part 1 has 6 bank question(s), fewer than 10
          hint: add questions with part={1}, so retakes and refreshers do not repeat the same items"
    `);
  });
});
