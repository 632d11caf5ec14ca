import { describe, expect, test } from 'vitest';
import { formatProblems } from './errors.ts';
import { loadCourse } from './load-course.ts';
import { chapter, courseYaml, writeCourse } from './test-course.ts';

const load = (extra: string) => loadCourse(writeCourse({ 'course.yaml': courseYaml(['ch-one'], extra), 'chapters/01-one.mdx': chapter() }));

describe('the lrs block in course.yaml', () => {
  test('is carried into the manifest as written', () => {
    const { problems, manifest } = load(['lrs:', '  endpoint: https://lrs.acme.cn/xapi/', '  tokenUrl: /training/lrs-token'].join('\n'));
    expect(problems).toEqual([]);
    expect(manifest?.lrs).toEqual({ endpoint: 'https://lrs.acme.cn/xapi/', tokenUrl: '/training/lrs-token' });
  });

  test('rejects an endpoint that is not a web address, and a credential written into the file, naming their lines', () => {
    const text = formatProblems(load(['lrs:', '  endpoint: lrs.acme.cn/xapi', '  password: hunter2'].join('\n')).problems);
    expect(text).toContain('course.lrs.endpoint must be an absolute http(s) address');
    expect(text).toMatch(/course\.yaml:\d+ — course\.(lrs\.)?password is not a known field/);
  });
});

describe('the cmi5 block in course.yaml', () => {
  test('carries the AU moveOn into the manifest and rejects one cmi5 does not define', () => {
    expect(load(['cmi5:', '  moveOn: CompletedOrPassed'].join('\n')).manifest?.cmi5).toEqual({ moveOn: 'CompletedOrPassed' });
    const text = formatProblems(load(['cmi5:', '  moveOn: Finished'].join('\n')).problems);
    expect(text).toContain('course.cmi5.moveOn must be one of Passed, Completed, CompletedAndPassed, CompletedOrPassed, NotApplicable');
  });
});
