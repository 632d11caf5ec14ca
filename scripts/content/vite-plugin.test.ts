import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { courseContent, type ContentBuildError } from './vite-plugin.ts';
import { chapter, courseYaml, section, writeCourse } from './test-course.ts';

function buildStart(root: string): string {
  const plugin = courseContent({ root });
  const ctx = {
    error: (e: ContentBuildError): never => {
      throw new Error(e.message);
    },
  };
  try {
    (plugin.buildStart as unknown as (this: typeof ctx) => void).call(ctx);
    return 'built';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('the build', () => {
  test('fails on bad content with the same located messages as the content check', () => {
    const root = writeCourse({ 'course.yaml': courseYaml(['ch-one', 'ch-gone']), 'chapters/01-one.mdx': chapter() });
    expect(buildStart(root)).toMatchInlineSnapshot(`
      "The course content has 1 problem:
        content/course.yaml:13 — chapters: ch-gone is an unknown chapter: no file in content/chapters has this id
          hint: chapter ids found: ch-one"
    `);
  });

  test('goes ahead on good content, and hands each chapter its extracted data', async () => {
    const root = writeCourse({ 'course.yaml': courseYaml(['ch-one']), 'chapters/01-one.mdx': chapter() });
    expect(buildStart(root)).toBe('built');
    const plugin = courseContent({ root });
    const load = plugin.load as unknown as (this: unknown, id: string) => string;
    const resolve = plugin.resolveId as unknown as (id: string) => string | undefined;
    // virtual:course awaits the manifest's data, a chunk of its own outside the entry's static imports
    expect(load.call({ error: () => undefined }, '\0virtual:course')).toContain('await import("virtual:course-manifest")');
    expect(resolve('virtual:course-manifest')).toBe('\0virtual:course-manifest');
    const manifest = load.call({ error: () => undefined }, '\0virtual:course-manifest');
    expect(manifest).toContain('"id":"ch-one"');
  });

  test('exposes the answer key of every chapter and the bank as its own module, apart from the manifest', () => {
    const quiz = `<Quiz id="q-quiz" passMark={80}>\n\n<Question id="q1" type="single" prompt="问题？">\n<Choice id="a" correct>对</Choice>\n<Choice id="b">错</Choice>\n<Explain>因为。</Explain>\n</Question>\n\n</Quiz>`;
    const root = writeCourse({ 'course.yaml': courseYaml(['ch-one']), 'chapters/01-one.mdx': chapter({ body: section('ch-one-s1', quiz) }) });
    expect(buildStart(root)).toBe('built');
    const plugin = courseContent({ root });
    const resolve = plugin.resolveId as unknown as (id: string) => string | undefined;
    const load = plugin.load as unknown as (this: unknown, id: string) => string;
    expect(resolve('virtual:course-items')).toBe('\0virtual:course-items');
    const items = JSON.parse(load.call({ error: () => undefined }, '\0virtual:course-items').replace(/^export default /, '').replace(/;$/, '')) as {
      chapters: Record<string, { quizzes: { questions: { id: string; choices: { correct: boolean }[] }[] }[] }>;
      bank: unknown[];
    };
    expect(Object.keys(items.chapters)).toEqual(['ch-one']);
    const questions = items.chapters['ch-one']!.quizzes.flatMap((q) => q.questions);
    expect(questions.length).toBeGreaterThan(0);
    expect(questions.some((q) => q.choices.some((c) => c.correct))).toBe(true);
    // the manifest itself never carries the key
    expect(load.call({ error: () => undefined }, '\0virtual:course-manifest')).not.toContain('"correct"');
  });

  test('an error in a chapter reaches the dev overlay with its file, line and location', () => {
    const bad = chapter({ body: section('ch-one-s1', '<Quiz id="q-quiz">\n\n<Question id="q1" type="single" prompt="问题？">\n  <Choice id="a">对</Choice>\n  <Explain>因为。</Explain>\n</Question>\n\n</Quiz>') });
    const root = writeCourse({ 'course.yaml': courseYaml(['ch-one']), 'chapters/01-one.mdx': bad });
    const plugin = courseContent({ root });
    const file = join(root, 'content/chapters/01-one.mdx');
    let thrown: ContentBuildError | undefined;
    const ctx = {
      error: (e: ContentBuildError): never => {
        thrown = e;
        throw new Error(e.message);
      },
    };
    const transform = plugin.transform as unknown as (this: typeof ctx, code: string, id: string) => unknown;
    expect(() => transform.call(ctx, bad, file)).toThrow();
    const line = bad.split('\n').findIndex((l) => l.startsWith('<Question')) + 1;
    expect(thrown).toMatchObject({ id: file, loc: { file, line, column: 0 }, plugin: 'zhixing:course-content' });
    expect(thrown!.message).toContain(`content/chapters/01-one.mdx:${line}`);
  });
});
