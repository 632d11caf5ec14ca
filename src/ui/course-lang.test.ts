import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import course from 'virtual:course';
import { COURSE_LANG } from './course-lang.ts';

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx$/.test(e.name) && !/\.test\./.test(e.name) ? [join(dir, e.name)] : []));

test('course text is marked with the course’s own language, from its manifest', () => {
  expect(COURSE_LANG).toBe(course.defaultLocale);
});

test('no component hard-codes the course’s language', () => {
  const hardCoded = sources(join(process.cwd(), 'src')).filter((f) => /lang="zh-CN"/.test(readFileSync(f, 'utf8')));
  expect(hardCoded).toEqual([]);
});
