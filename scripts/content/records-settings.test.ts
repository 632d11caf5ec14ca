import { describe, expect, test } from 'vitest';
import { formatProblems } from './errors.ts';
import { loadCourse } from './load-course.ts';
import { chapter, courseYaml, writeCourse } from './test-course.ts';

const load = (extra: string) => loadCourse(writeCourse({ 'course.yaml': courseYaml(['ch-one'], extra), 'chapters/01-one.mdx': chapter() }));

describe('the records block in course.yaml', () => {
  test('is carried into the manifest as written', () => {
    const { problems, manifest } = load(['records:', '  activityBase: https://training.acme.cn/xapi/test-course', '  actorHomePage: https://hr.acme.cn'].join('\n'));
    expect(problems).toEqual([]);
    expect(manifest?.records).toEqual({ activityBase: 'https://training.acme.cn/xapi/test-course', actorHomePage: 'https://hr.acme.cn' });
  });

  test('rejects an activity base that is not a web address or ends in a slash, naming the line', () => {
    const text = formatProblems(load(['records:', '  activityBase: training/xapi', '  actorHomePage: https://hr.acme.cn/'].join('\n')).problems);
    expect(text).toContain('content/course.yaml:13 — course.records.activityBase must be an absolute http(s) address');
    const slash = formatProblems(load(['records:', '  activityBase: https://training.acme.cn/xapi/', '  actorHomePage: https://hr.acme.cn'].join('\n')).problems);
    expect(slash).toContain('course.records.activityBase must not end with "/"');
  });

  test('rejects an actor home page with spaces, and a field it does not know, naming their lines', () => {
    const text = formatProblems(load(['records:', '  activityBase: https://training.acme.cn/x', '  actorHomePage: https://hr acme.cn', '  lrs: https://lrs.acme.cn'].join('\n')).problems);
    expect(text).toContain('course.records.actorHomePage must be an absolute http(s) address');
    expect(text).toContain('content/course.yaml:16 — course.lrs is not a known field');
  });
});
