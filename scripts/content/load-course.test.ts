import { describe, expect, test } from 'vitest';
import { formatProblems } from './errors.ts';
import { loadCourse } from './load-course.ts';
import { chapter, courseYaml, section, writeCourse } from './test-course.ts';

function check(files: Record<string, string>): string {
  const { problems } = loadCourse(writeCourse(files));
  return problems.length ? formatProblems(problems) : 'OK';
}

const quizWith = (questions: string, attrs = '') =>
  chapter({ body: section('ch-one-s1', `<Quiz id="q-quiz"${attrs}>\n\n${questions}\n\n</Quiz>`) });

const question = (inner: string, attrs = 'type="single"', id = 'q1') => `<Question id="${id}" ${attrs} prompt="问题？">\n${inner}\n<Explain>因为。</Explain>\n</Question>`;

const scenarioWith = (inner: string) => chapter({ body: section('ch-one-s1', `<Scenario id="scn" title="案例">\n\n${inner}\n\n</Scenario>`) });

describe('the content check', () => {
  test('accepts a well-formed course and builds its manifest', () => {
    const root = writeCourse({ 'course.yaml': courseYaml(['ch-one']), 'chapters/01-one.mdx': chapter() });
    const { problems, manifest } = loadCourse(root);
    expect(problems).toEqual([]);
    expect(manifest?.chapters.map((c) => [c.id, c.sections.map((s) => s.id)])).toEqual([['ch-one', ['ch-one-s1']]]);
  });

  test('rejects a chapter with a missing frontmatter field, naming the file, line and field', () => {
    expect(check({ 'course.yaml': courseYaml(['ch-one']), 'chapters/01-one.mdx': chapter({}, ['minutes']) })).toMatchInlineSnapshot(`
      "The course content has 2 problems:
        content/chapters/01-one.mdx:1 — frontmatter.minutes is required: the estimated minutes to complete the chapter
        content/course.yaml:12 — chapters: ch-one is an unknown chapter: no file in content/chapters has this id
          hint: add the chapter file, or remove the line"
    `);
  });

  test('rejects a frontmatter field of the wrong kind or an unknown field', () => {
    expect(check({ 'course.yaml': courseYaml(['ch-one']), 'chapters/01-one.mdx': chapter({ part: 12, extraFront: 'level: 3' }) })).toMatchInlineSnapshot(`
      "The course content has 3 problems:
        content/chapters/01-one.mdx:4 — frontmatter.part must be between 0 and 10
        content/chapters/01-one.mdx:8 — frontmatter.level is not a known field
          hint: check the spelling; AUTHORING.md lists every field
        content/course.yaml:12 — chapters: ch-one is an unknown chapter: no file in content/chapters has this id
          hint: add the chapter file, or remove the line"
    `);
  });

  test('rejects an unknown chapter listed in course.yaml', () => {
    expect(check({ 'course.yaml': courseYaml(['ch-one', 'ch-missing']), 'chapters/01-one.mdx': chapter() })).toMatchInlineSnapshot(`
      "The course content has 1 problem:
        content/course.yaml:13 — chapters: ch-missing is an unknown chapter: no file in content/chapters has this id
          hint: chapter ids found: ch-one"
    `);
  });

  test('rejects a chapter file that course.yaml does not list', () => {
    expect(
      check({ 'course.yaml': courseYaml(['ch-one']), 'chapters/01-one.mdx': chapter(), 'chapters/02-two.mdx': chapter({ id: 'ch-two' }) }),
    ).toMatchInlineSnapshot(`
      "The course content has 1 problem:
        content/chapters/02-two.mdx:2 — frontmatter.id "ch-two" is not listed in course.yaml
          hint: add it to \`chapters:\` in content/course.yaml where it belongs in the teaching order"
    `);
  });

  test('rejects a duplicate id anywhere in the course, pointing at both places', () => {
    expect(
      check({
        'course.yaml': courseYaml(['ch-one', 'ch-two']),
        'chapters/01-one.mdx': chapter(),
        'chapters/02-two.mdx': chapter({ id: 'ch-two', body: section('ch-one-s1') }),
      }),
    ).toMatchInlineSnapshot(`
      "The course content has 1 problem:
        content/chapters/02-two.mdx:10 — section id "ch-one-s1" is already used by a section at content/chapters/01-one.mdx:10
          hint: ids must be unique in the whole course; prefix them with the chapter prefix (e.g. "p3-…")"
    `);
  });

  test('rejects a question with no correct answer, and a single-choice question with two', () => {
    const text = check({
      'course.yaml': courseYaml(['ch-one']),
      'chapters/01-one.mdx': quizWith(
        question('<Choice id="a">甲</Choice>\n<Choice id="b">乙</Choice>') + '\n\n' + question('<Choice id="a" correct>甲</Choice>\n<Choice id="b" correct>乙</Choice>', 'type="single"', 'q2'),
      ),
    });
    expect(text).toMatchInlineSnapshot(`
      "The course content has 2 problems:
        content/chapters/01-one.mdx:14 — <Question id="q1"> has no correct answer
          hint: mark the right choice with \`correct\`
        content/chapters/01-one.mdx:20 — <Question id="q2"> is single-choice but has 2 correct choices
          hint: mark exactly one choice \`correct\`, or use type="multiple""
    `);
  });

  test('rejects a quiz whose pass mark cannot be reached', () => {
    const text = check({
      'course.yaml': courseYaml(['ch-one']),
      'chapters/01-one.mdx': quizWith(question('<Choice id="a" correct>甲</Choice>\n<Choice id="b">乙</Choice>'), ' passMark={120}'),
    });
    expect(text).toMatchInlineSnapshot(`
      "The course content has 1 problem:
        content/chapters/01-one.mdx:12 — <Quiz id="q-quiz"> passMark is 120%, which can never be reached
          hint: the pass mark is a percentage of the quiz points: use 0–100"
    `);
  });

  test('rejects an option leading to a step that does not exist', () => {
    const text = check({
      'course.yaml': courseYaml(['ch-one']),
      'chapters/01-one.mdx': scenarioWith('<Step id="s1" start>\n  开始。\n  <Option to="nowhere">走</Option>\n</Step>\n\n<Outcome id="end" rating="good" title="好">复盘。</Outcome>'),
    });
    expect(text).toMatchInlineSnapshot(`
      "The course content has 1 problem:
        content/chapters/01-one.mdx:16 — <Option to="nowhere"> leads to a step that does not exist in <Scenario id="scn">
          hint: known steps and outcomes: s1, end"
    `);
  });

  test('rejects a step that no path reaches, and a scenario with no outcome', () => {
    const unreachable = check({
      'course.yaml': courseYaml(['ch-one']),
      'chapters/01-one.mdx': scenarioWith(
        '<Step id="s1" start>\n  开始。\n  <Option to="end">走</Option>\n</Step>\n\n<Step id="lost">\n  孤立。\n  <Option to="end">走</Option>\n</Step>\n\n<Outcome id="end" rating="good" title="好">复盘。</Outcome>',
      ),
    });
    expect(unreachable).toMatchInlineSnapshot(`
      "The course content has 1 problem:
        content/chapters/01-one.mdx:19 — <Step id="lost"> cannot be reached from the start step of <Scenario id="scn">
          hint: lead an <Option to="…"> to it, or remove it"
    `);
    const noOutcome = check({
      'course.yaml': courseYaml(['ch-one']),
      'chapters/01-one.mdx': scenarioWith('<Step id="s1" start>\n  开始。\n  <Option to="s1">再来</Option>\n</Step>'),
    });
    expect(noOutcome).toMatchInlineSnapshot(`
      "The course content has 1 problem:
        content/chapters/01-one.mdx:12 — <Scenario id="scn"> has no <Outcome>
          hint: a scenario ends in outcomes: add <Outcome id="…" rating="good|fair|poor" title="…">"
    `);
  });

  test('reports MDX syntax errors with the line and a hint', () => {
    const text = check({ 'course.yaml': courseYaml(['ch-one']), 'chapters/01-one.mdx': chapter({ body: '<Section id="x" title="t">\n\n比较 {a 的值\n\n</Section>' }) });
    expect(text).toContain('content/chapters/01-one.mdx:');
    expect(text).toContain('is not valid MDX');
  });
});
