/**
 * `npm run new:chapter -- --id <kebab-id> --title <标题> --part <0–10> [--minutes N]`: writes
 * content/chapters/NN-<id>.mdx (NN: the part, two digits) with valid frontmatter, one section and one quiz the
 * trainer rewrites, and registers the id in content/course.yaml after the last chapter of the same or an earlier
 * part. Asks for what is missing when run in a terminal. course.yaml is edited through the `yaml` package's
 * Document API, so its comments and layout stay as the trainer wrote them.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isSeq, parseDocument } from 'yaml';
import { idPattern } from '../src/domain/course.schema.ts';

export interface ChapterSpec {
  id: string;
  title: string;
  part: number;
  minutes?: number;
}

/** A request the scaffold refuses; the message says what to do instead. */
export class ScaffoldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScaffoldError';
  }
}

const frontmatterOf = (text: string) => /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
const fieldOf = (front: string, name: string) => new RegExp(`^${name}:\\s*(.+?)\\s*$`, 'm').exec(front)?.[1];

/** A YAML plain scalar when it reads back the same, else a double-quoted one (JSON strings are valid YAML). */
const yamlText = (s: string) => (/^[\p{L}（(]/u.test(s) && !/: | #|[:#]$/.test(s) ? s : JSON.stringify(s));

/** The chapter's text: the ids are derived from the chapter id, so they are unique in the course. */
export function chapterText({ id, title, part, minutes = 10 }: ChapterSpec): string {
  const q = `${id}-q1`;
  return `---
id: ${id}
title: ${yamlText(title)}
part: ${part}
minutes: ${minutes}
objectives:
  - 说出本章要求员工在工作中做到的一项合规要点
---

<Section id="${id}-intro" title="${title}概述">

本章讲解「${title}」。先用一两段话说明本章解决什么问题、与员工的日常工作有什么关系，再分小节展开。

### 本章要点

- 每个小节用一个 \`<Section id="…" title="…">\` 包起来；id 一旦发布就不要再改，学员的进度按 id 保存。
- 题目、选项、案例的 id 同样不要改；改写文字不影响学员记录。

<Quiz id="${id}-quiz" passMark={80}>

<Question id="${q}" type="single" prompt="学完本章后，遇到与本章内容有关的情况，首先应当怎么做？">
  <Choice id="a" correct>按本章讲解的要求办理</Choice>
  <Choice id="b" feedback="凭个人经验处理，可能偏离企业的合规要求。">凭个人以往的经验处理</Choice>
  <Choice id="c" feedback="同事的做法不是合规依据，应以制度要求为准。">照身边同事的做法处理</Choice>
  <Explain>本章讲解的要求就是处理这类情况的依据。</Explain>
</Question>

</Quiz>

</Section>
`;
}

/** Where the id goes: after the last listed chapter whose part is at most the new one's, else first. */
function insertAt(listed: string[], parts: Map<string, number>, part: number): number {
  let at = 0;
  listed.forEach((id, i) => {
    if ((parts.get(id) ?? Number.POSITIVE_INFINITY) <= part) at = i + 1;
  });
  return at;
}

/** Writes the chapter and registers it; returns the new file's path relative to `root`. */
export function scaffoldChapter(root: string, spec: ChapterSpec): string {
  const { id, title, part } = spec;
  if (!idPattern.test(id)) throw new ScaffoldError(`"${id}" is not a valid chapter id: use kebab-case, lowercase letters, digits and single hyphens (e.g. "risk-warning")`);
  if (!title.trim() || /[\r\n]/.test(title)) throw new ScaffoldError('the title must be one line of text (e.g. --title "风险预警")');
  if (!Number.isInteger(part) || part < 0 || part > 10) throw new ScaffoldError(`the part must be a whole number from 0 (introduction) to 10 (summary), not "${String(part)}"`);
  if (/[<>{}"]/.test(title)) throw new ScaffoldError('the title must not hold < > { } or ": MDX reads them as markup; write it plainly');

  const dir = join(root, 'content', 'chapters');
  const yamlPath = join(root, 'content', 'course.yaml');
  const doc = parseDocument(readFileSync(yamlPath, 'utf8'));
  const seq = doc.get('chapters', true);
  if (!isSeq(seq)) throw new ScaffoldError(`${relative(root, yamlPath)} has no "chapters:" list to register the chapter in`);
  const listed = seq.items.map((n) => String((n as { value?: unknown }).value ?? n));
  if (listed.includes(id)) throw new ScaffoldError(`a chapter "${id}" is already listed in content/course.yaml: choose another id`);

  const parts = new Map<string, number>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.mdx'))) {
    const front = frontmatterOf(readFileSync(join(dir, name), 'utf8'));
    const fileId = fieldOf(front, 'id');
    if (fileId === id || name.replace(/^\d+-/, '').replace(/\.mdx$/, '') === id) throw new ScaffoldError(`content/chapters/${name} already holds a chapter "${id}": choose another id`);
    if (fileId) parts.set(fileId, Number(fieldOf(front, 'part')));
  }
  const file = join(dir, `${String(part).padStart(2, '0')}-${id}.mdx`);
  if (existsSync(file)) throw new ScaffoldError(`${relative(root, file)} already exists`);

  writeFileSync(file, chapterText({ ...spec, title: title.trim() }));
  seq.items.splice(insertAt(listed, parts, part), 0, doc.createNode(id));
  writeFileSync(yamlPath, doc.toString());
  return relative(root, file);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { id: { type: 'string' }, title: { type: 'string' }, part: { type: 'string' }, minutes: { type: 'string' }, root: { type: 'string' } } });
  const missing = (['id', 'title', 'part'] as const).filter((k) => values[k] === undefined);
  if (missing.length) {
    if (!process.stdin.isTTY) throw new ScaffoldError(`missing ${missing.map((k) => `--${k}`).join(', ')} (e.g. npm run new:chapter -- --id risk-warning --title 风险预警 --part 3)`);
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const prompts = { id: '章节 id chapter id (kebab-case, e.g. risk-warning): ', title: '标题 title: ', part: '所属部分 part (0 intro, 1–9, 10 summary): ' };
    for (const k of missing) values[k] = (await rl.question(prompts[k])).trim();
    rl.close();
  }
  const root = values.root ?? process.cwd();
  const part = Number(values.part);
  const minutes = values.minutes === undefined ? undefined : Number(values.minutes);
  if (minutes !== undefined && (!Number.isInteger(minutes) || minutes < 1)) throw new ScaffoldError('--minutes must be a whole number of minutes, 1 or more');
  const file = scaffoldChapter(root, { id: values.id!, title: values.title!, part, ...(minutes !== undefined ? { minutes } : {}) });
  console.log(`Wrote ${file} and added "${values.id}" to content/course.yaml.\nNext: write the chapter, then run npm run check:content (or npm run dev to preview it).`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  main().catch((e: unknown) => {
    console.error(e instanceof ScaffoldError ? `new:chapter: ${e.message}` : e);
    process.exit(1);
  });
