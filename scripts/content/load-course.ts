/**
 * Loads the whole course from a content folder: course.yaml, chapters/*.mdx and assessment.mdx.
 * Returns the manifest and every problem found; callers decide whether problems are fatal (they are, at build).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ChapterInteractive, ChapterMeta, CourseManifest, Question } from '../../src/domain/course.ts';
import { bankFrontmatterSchema, courseSchema, frontmatterSchema } from '../../src/domain/course.schema.ts';
import { compareVersions } from '../../src/domain/course-version.ts';
import type { ContentProblem } from './errors.ts';
import { extractMdx, IdRegistry, schemaProblems, type Replacement } from './extract.ts';
import type { GlossaryEntry } from '../../src/features/glossary/glossary-types.ts';
import type { SearchDoc } from '../../src/features/search/tokenize.ts';
import { checkGlossaryCards } from './blocks.ts';
import { linkTerms, loadGlossary, resolveGlossary } from './glossary.ts';
import { sectionDocs } from './search-index.ts';

export interface LoadedCourse {
  manifest: CourseManifest | undefined;
  interactive: Record<string, ChapterInteractive>;
  bank: Question[];
  /** per MDX file (absolute path): the replacements the build applies to its source */
  replacements: Map<string, Replacement[]>;
  problems: ContentProblem[];
  /** content/glossary.yaml, checked against the chapters */
  glossary: GlossaryEntry[];
  /** every chapter section's prose, in course order: the search index is built from it */
  searchDocs: SearchDoc[];
}

export function loadCourse(root: string, contentDir = 'content'): LoadedCourse {
  const problems: ContentProblem[] = [];
  const dir = join(root, contentDir);
  const rel = (p: string) => relative(root, p).split('\\').join('/');
  const out: LoadedCourse = { manifest: undefined, interactive: {}, bank: [], replacements: new Map(), problems, glossary: [], searchDocs: [] };
  const coursePath = join(dir, 'course.yaml');
  const courseFile = rel(coursePath);
  if (!existsSync(coursePath)) {
    problems.push({ file: courseFile, message: 'is missing', hint: 'create content/course.yaml (see content/AUTHORING.md)' });
    return out;
  }
  const courseText = readFileSync(coursePath, 'utf8');
  let courseRaw: unknown;
  try {
    courseRaw = parseYaml(courseText);
  } catch (e) {
    problems.push({ file: courseFile, message: `is not valid YAML: ${(e as Error).message.split('\n')[0]}` });
    return out;
  }
  const course = courseSchema.safeParse(courseRaw);
  if (!course.success) problems.push(...schemaProblems(courseFile, 'course', courseText, 0, course.error));

  const ids = new IdRegistry();
  const glossary = loadGlossary(root, contentDir, problems);
  const chaptersDir = join(dir, 'chapters');
  const files = existsSync(chaptersDir) ? readdirSync(chaptersDir).filter((f) => f.endsWith('.mdx')).sort() : [];
  const chapters = new Map<string, ChapterMeta>();
  for (const f of files) {
    const abs = join(chaptersDir, f);
    const file = rel(abs);
    const source = readFileSync(abs, 'utf8');
    const parsed = extractMdx(file, source, ids, problems);
    if (!parsed) continue;
    const fm = frontmatterSchema.safeParse(parsed.frontmatter ?? {});
    if (!fm.success) {
      problems.push(...schemaProblems(file, 'frontmatter', parsed.frontmatterText, parsed.frontmatterLine, fm.error));
      continue;
    }
    const { id, title, part, minutes, objectives } = fm.data;
    ids.claim(id, { kind: 'chapter', file, line: parsed.frontmatterLine + 1 }, problems);
    if (chapters.has(id)) continue;
    if (parsed.sections.length === 0)
      problems.push({ file, field: `chapter "${id}"`, message: 'has no <Section>', hint: 'wrap the chapter text in <Section id="…" title="…"> elements' });
    const { quizzes, scenarios, matrices, plans } = parsed.interactive;
    chapters.set(id, {
      id,
      file,
      title,
      part,
      minutes,
      objectives,
      sections: parsed.sections,
      quizzes: quizzes.map((q) => ({
        id: q.id,
        passMark: q.passMark,
        attempts: q.attempts,
        maxPoints: q.questions.reduce((s, x) => s + x.points, 0),
        questionIds: q.questions.map((x) => x.id),
      })),
      scenarios: scenarios.map((s) => ({ id: s.id, title: s.title, maxScore: s.maxScore, outcomes: s.outcomes.map((o) => ({ id: o.id, rating: o.rating, title: o.title })) })),
      matrices: matrices.map((m) => ({ id: m.id, riskIds: m.risks.map((r) => r.id) })),
      plans: plans.map((p) => ({ id: p.id, title: p.title, areas: p.areas })),
    });
    out.interactive[id] = parsed.interactive;
    out.replacements.set(abs, [...parsed.replacements, ...linkTerms(file, source, parsed.tree, glossary.terms, problems)]);
    checkGlossaryCards(file, parsed.tree, new Set(glossary.terms.map((t) => t.id)), problems);
    out.searchDocs.push(...sectionDocs(parsed.tree, { id, title }));
  }

  const bankPath = join(dir, 'assessment.mdx');
  let bankInfo: { id: string; title: string } | undefined;
  if (existsSync(bankPath)) {
    const file = rel(bankPath);
    const parsed = extractMdx(file, readFileSync(bankPath, 'utf8'), ids, problems, true);
    if (parsed) {
      const fm = bankFrontmatterSchema.safeParse(parsed.frontmatter ?? {});
      if (!fm.success) problems.push(...schemaProblems(file, 'frontmatter', parsed.frontmatterText, parsed.frontmatterLine, fm.error));
      else {
        bankInfo = { id: fm.data.id, title: fm.data.title };
        ids.claim(fm.data.id, { kind: 'assessment', file, line: parsed.frontmatterLine + 1 }, problems);
      }
      out.bank = parsed.bank;
      out.replacements.set(bankPath, []);
    }
  }

  if (!course.success) return out;
  const listed = course.data.chapters;
  const courseLines = courseText.split('\n');
  const lineOfListed = (chapterId: string) => {
    const i = courseLines.findIndex((l) => new RegExp(`^\\s*-\\s*${chapterId}\\s*$`).test(l));
    return i >= 0 ? i + 1 : undefined;
  };
  const seen = new Set<string>();
  for (const c of listed) {
    if (seen.has(c)) problems.push({ file: courseFile, line: lineOfListed(c), field: `chapters: ${c}`, message: 'is listed twice', hint: 'list each chapter once' });
    seen.add(c);
    if (!chapters.has(c))
      problems.push({
        file: courseFile,
        line: lineOfListed(c),
        field: `chapters: ${c}`,
        message: 'is an unknown chapter: no file in content/chapters has this id',
        hint: chapters.size ? `chapter ids found: ${[...chapters.keys()].join(', ')}` : 'add the chapter file, or remove the line',
      });
  }
  for (const [cid, meta] of chapters)
    if (!seen.has(cid))
      problems.push({ file: meta.file, line: 2, field: 'frontmatter.id', message: `"${cid}" is not listed in course.yaml`, hint: 'add it to `chapters:` in content/course.yaml where it belongs in the teaching order' });

  // changes: each entry names a released version (not a future one) and chapters the course has
  const lineOfChange = (version: string) => {
    const i = courseLines.findIndex((l) => new RegExp(`^\\s*-?\\s*version\\s*:\\s*["']?${version.replace(/\./g, '\\.')}["']?\\s*$`).test(l));
    return i >= 0 ? i + 1 : undefined;
  };
  const versionsSeen = new Set<string>();
  for (const change of course.data.changes ?? []) {
    const line = lineOfChange(change.version);
    if (versionsSeen.has(change.version)) problems.push({ file: courseFile, line, field: `changes: ${change.version}`, message: 'is listed twice', hint: 'list each version once, with every chapter it changed' });
    versionsSeen.add(change.version);
    if (compareVersions(change.version, course.data.version) > 0)
      problems.push({ file: courseFile, line, field: `changes: ${change.version}`, message: `is newer than the course version (${course.data.version})`, hint: 'raise `version:` when you release the change' });
    for (const c of change.chapters)
      if (!chapters.has(c))
        problems.push({ file: courseFile, line, field: `changes: ${change.version}: ${c}`, message: 'is an unknown chapter', hint: chapters.size ? `chapter ids found: ${[...chapters.keys()].join(', ')}` : 'use a chapter id from content/chapters' });
  }

  const bankMeta = out.bank.map((q) => ({ id: q.id, part: q.part ?? 0, points: q.points }));
  if (existsSync(bankPath)) {
    const parts = new Set([...chapters.values()].map((c) => c.part));
    for (const part of parts) {
      const n = bankMeta.filter((q) => q.part === part).length;
      if (n < course.data.assessment.questionsPerPart)
        problems.push({ file: rel(bankPath), field: `part ${part}`, message: `has ${n} question(s), fewer than questionsPerPart (${course.data.assessment.questionsPerPart})`, hint: `add questions with part={${part}}` });
    }
    for (const q of bankMeta)
      if (!parts.has(q.part)) problems.push({ file: rel(bankPath), field: `<Question id="${q.id}"> part`, message: `is ${q.part}, but no chapter teaches part ${q.part}`, hint: 'every bank question tests a part the chapters teach' });
  }

  out.manifest = {
    ...course.data,
    chapters: listed.flatMap((c) => chapters.get(c) ?? []),
    bank: bankMeta,
    ...(bankInfo ? { assessmentBank: { ...bankInfo, file: rel(bankPath) } } : {}),
  };
  out.glossary = resolveGlossary(glossary, out.manifest.chapters, problems);
  const order = new Map(listed.map((c, i) => [c, i]));
  out.searchDocs = out.searchDocs.filter((d) => order.has(d.chapter)).sort((a, b) => order.get(a.chapter)! - order.get(b.chapter)!);
  return out;
}
