import { cpSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkCourse } from './content/check-course.ts';
import { formatProblems } from './content/errors.ts';
import { scaffoldChapter } from './new-chapter.ts';

/** A copy of the real course in a temporary folder, so the scaffold never touches content/. */
function courseCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'zhixing-new-chapter-'));
  cpSync(join(process.cwd(), 'content'), join(root, 'content'), { recursive: true });
  return root;
}

// each test checks a copy of the whole course, as npm run check:content does
describe('npm run new:chapter', { timeout: 60_000 }, () => {
  test('writes a chapter that passes the content check as it is, and lists it in course.yaml after its part', () => {
    const root = courseCopy();
    const before = readFileSync(join(root, 'content/course.yaml'), 'utf8');
    const file = scaffoldChapter(root, { id: 'risk-warning', title: '风险预警', part: 3 });
    expect(file).toBe(join('content', 'chapters', '03-risk-warning.mdx'));
    const checked = checkCourse(root);
    expect(checked.problems.length ? formatProblems(checked.problems) : 'OK').toBe('OK');
    const chapter = checked.loaded.manifest!.chapters.find((c) => c.id === 'risk-warning')!;
    expect(chapter).toMatchObject({ title: '风险预警', part: 3, quizzes: [{ id: 'risk-warning-quiz', questionIds: ['risk-warning-q1'] }] });
    const ids = checked.loaded.manifest!.chapters.map((c) => c.id);
    expect(ids.indexOf('risk-warning')).toBe(ids.indexOf('risk-identification') + 1);
    // the file's comments and layout are kept: the only change is the one new line
    const after = readFileSync(join(root, 'content/course.yaml'), 'utf8');
    expect(after.replace('  - risk-warning\n', '')).toBe(before);
  });

  test('refuses an id that is taken or not kebab-case, and a part out of range, writing nothing', () => {
    const root = courseCopy();
    const files = () => readdirSync(join(root, 'content/chapters')).sort();
    const yaml = () => readFileSync(join(root, 'content/course.yaml'), 'utf8');
    const [beforeFiles, beforeYaml] = [files(), yaml()];
    expect(() => scaffoldChapter(root, { id: 'summary', title: '总结', part: 10 })).toThrow('a chapter "summary" is already listed in content/course.yaml: choose another id');
    expect(() => scaffoldChapter(root, { id: 'Risk_Warning', title: '风险预警', part: 3 })).toThrow('"Risk_Warning" is not a valid chapter id: use kebab-case');
    expect(() => scaffoldChapter(root, { id: 'risk-warning', title: '风险预警', part: 11 })).toThrow('the part must be a whole number from 0 (introduction) to 10 (summary)');
    expect(() => scaffoldChapter(root, { id: 'risk-warning', title: '<b>预警</b>', part: 3 })).toThrow('MDX reads them as markup');
    expect([files(), yaml()]).toEqual([beforeFiles, beforeYaml]);
  });

  test('a chapter in a part before every listed chapter goes first; a title with a colon is quoted', () => {
    const root = courseCopy();
    scaffoldChapter(root, { id: 'welcome', title: '欢迎: 开始之前', part: 0 });
    const checked = checkCourse(root);
    expect(checked.problems).toEqual([]);
    const ids = checked.loaded.manifest!.chapters.map((c) => [c.id, c.title]);
    expect(ids.slice(0, 2)).toEqual([['intro', expect.any(String)], ['welcome', '欢迎: 开始之前']]);
  });
});
