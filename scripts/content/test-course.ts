/** Builders for small courses on disk, used by the content-check tests. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function chapter({ id = 'ch-one', title = '第一章', part = 1, minutes = 10, objectives = ['目标一'], extraFront = '', body = '' } = {}, omit: string[] = []): string {
  const fields: Record<string, string> = {
    id: `id: ${id}`,
    title: `title: ${title}`,
    part: `part: ${part}`,
    minutes: `minutes: ${minutes}`,
    objectives: `objectives:\n${objectives.map((o) => `  - ${o}`).join('\n')}`,
  };
  const front = Object.entries(fields)
    .filter(([k]) => !omit.includes(k))
    .map(([, v]) => v)
    .join('\n');
  return `---\n${front}${extraFront ? '\n' + extraFront : ''}\n---\n\n${body || section(`${id}-s1`)}\n`;
}

export function section(id: string, inner = '正文。'): string {
  return `<Section id="${id}" title="小节">\n\n${inner}\n\n</Section>`;
}

export function courseYaml(chapters: string[], extra = ''): string {
  return [
    'id: test-course',
    'version: 1.0.0',
    'title: 测试课程',
    'defaultLocale: zh-CN',
    'masteryScore: 80',
    'certificateValidityMonths: 12',
    'assessment:',
    '  questionsPerPart: 1',
    '  attempts: 3',
    '  refresherQuestionsPerPart: 1',
    'chapters:',
    ...chapters.map((c) => `  - ${c}`),
    extra,
  ].join('\n');
}

/** Writes a course folder and returns its root (the folder that holds content/). */
export function writeCourse(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'zhixing-course-'));
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, 'content', path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, text);
  }
  return root;
}
