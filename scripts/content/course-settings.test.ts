import { describe, expect, test } from 'vitest';
import { formatProblems } from './errors.ts';
import { loadCourse } from './load-course.ts';
import { chapter, courseYaml, section, writeCourse } from './test-course.ts';

const load = (extra: string, body?: string) => loadCourse(writeCourse({ 'course.yaml': courseYaml(['ch-one'], extra), 'chapters/01-one.mdx': chapter(body ? { body } : {}) }));

describe('the certificate settings in course.yaml', () => {
  test('are carried into the manifest as written', () => {
    const { problems, manifest } = load(
      ['organisation: 知行合规培训中心', 'requirements:', '  scenarios: true', '  assessmentOpens: always', 'reading:', '  charsPerMinute: 600', 'rounds:', '  assessmentReread: all-chapters', 'recertification:', '  withinDays: 45', 'changes:', '  - version: 1.0.0', '    chapters: [ch-one]'].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(manifest).toMatchObject({
      organisation: '知行合规培训中心',
      requirements: { scenarios: true, assessmentOpens: 'always' },
      reading: { charsPerMinute: 600 },
      rounds: { assessmentReread: 'all-chapters' },
      recertification: { withinDays: 45 },
      changes: [{ version: '1.0.0', chapters: ['ch-one'] }],
    });
  });

  test('reject an unknown opening rule and an implausible reading speed, naming the line', () => {
    const { problems } = load(['requirements:', '  assessmentOpens: sometimes', 'reading:', '  charsPerMinute: 5000'].join('\n'));
    expect(formatProblems(problems)).toContain('content/course.yaml:13 — course.requirements.assessmentOpens must be "after-chapters" or "always"');
    expect(formatProblems(problems)).toContain('content/course.yaml:15 — course.reading.charsPerMinute must be at most 2000');
  });

  test('reject a change listed for a future version or an unknown chapter, naming the line of the version', () => {
    const { problems } = load(['changes:', '  - version: 1.2.0', '    chapters: [ch-two]'].join('\n'));
    expect(formatProblems(problems)).toMatchInlineSnapshot(`
      "The course content has 2 problems:
        content/course.yaml:14 — changes: 1.2.0 is newer than the course version (1.0.0)
          hint: raise \`version:\` when you release the change
        content/course.yaml:14 — changes: 1.2.0: ch-two is an unknown chapter
          hint: chapter ids found: ch-one"
    `);
  });
});

describe('section reading length', () => {
  test('counts the prose characters of a section, without whitespace or the text of a quiz inside it', () => {
    const quiz = '<Quiz id="q-quiz">\n\n<Question id="q1" type="truefalse" answer="true" prompt="很长很长的问题文字？">\n<Explain>因为。</Explain>\n</Question>\n\n</Quiz>';
    const { manifest, problems } = load('', section('ch-one-s1', `合规 管理\n\n是**每个人**的事。\n\n${quiz}`));
    expect(problems).toEqual([]);
    expect(manifest!.chapters[0]!.sections[0]!.chars).toBe('合规管理是每个人的事。'.length);
  });
});
