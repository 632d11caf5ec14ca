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

/** `<Choice>`: a wrong choice gets teaching feedback unless `feedback` is set to '' */
export function choice(id: string, text: string, { correct = false, feedback }: { correct?: boolean; feedback?: string } = {}): string {
  feedback ??= correct ? '' : `${text}不对。`;
  return `  <Choice id="${id}"${correct ? ' correct' : ''}${feedback ? ` feedback="${feedback}"` : ''}>${text}</Choice>`;
}

export function question({ id = 'q1', type = 'single', prompt = '问题？', answer = '', part = -1, choices = [] as string[] } = {}): string {
  const attrs = [`id="${id}"`, `type="${type}"`, ...(answer ? [`answer="${answer}"`] : []), ...(part >= 0 ? [`part={${part}}`] : []), `prompt="${prompt}"`];
  return `<Question ${attrs.join(' ')}>\n${choices.join('\n')}${choices.length ? '\n' : ''}  <Explain>因为。</Explain>\n</Question>`;
}

export function quiz(id: string, questions: string[]): string {
  return `<Quiz id="${id}">\n\n${questions.join('\n\n')}\n\n</Quiz>`;
}

export function bank(questions: string[]): string {
  return `---\nid: final-test\ntitle: 考核\n---\n\n${questions.join('\n\n')}\n`;
}

export function option({ id = '', to, score = 0 }: { id?: string; to: string; score?: number }): string {
  return `  <Option${id ? ` id="${id}"` : ''} to="${to}" score={${score}} feedback="反馈。">选择${to}</Option>`;
}

export function step(id: string, options: string[], start = false): string {
  return `<Step id="${id}"${start ? ' start' : ''}>\n  情况。\n${options.join('\n')}\n</Step>`;
}

export function outcome(id: string, rating: 'good' | 'fair' | 'poor'): string {
  return `<Outcome id="${id}" rating="${rating}" title="结局">复盘。</Outcome>`;
}

export function scenario(id: string, parts: string[]): string {
  return `<Scenario id="${id}" title="案例">\n\n${parts.join('\n\n')}\n\n</Scenario>`;
}
