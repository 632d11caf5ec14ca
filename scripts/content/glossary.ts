/**
 * The course glossary (content/glossary.yaml): its schema and checks, the links from a chapter's prose to the
 * terms it uses (the first use of each term in a chapter becomes a <Term>, so authors need not mark it up), and
 * the check that every explicit <Term id> names a defined term.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Root } from 'mdast';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { idPattern } from '../../src/domain/course.schema.ts';
import type { ChapterMeta } from '../../src/domain/course.ts';
import type { GlossaryEntry } from '../../src/features/glossary/glossary-types.ts';
import type { ContentProblem } from './errors.ts';
import type { Replacement } from './extract.ts';
import { attr, isJsx, lineOf, textOf, walk, type AnyNode } from './mdx-ast.ts';

const idRule = z.string({ error: 'is required and must be a text id' }).regex(idPattern, 'must be kebab-case: lowercase letters, digits and single hyphens');
const text = (what: string) => z.string({ error: `is required: write the ${what}` }).trim().min(1, `is empty: write the ${what}`);

export const glossaryTermSchema = z.strictObject({
  id: idRule,
  term: text('term as the chapters write it'),
  aliases: z.array(text('alias')).optional(),
  part: z
    .number({ error: (iss) => (iss.input === undefined ? 'is required: the part (0–10) that teaches the term' : 'must be a number: the part (0–10) that teaches the term') })
    .int('must be a whole number from 0 to 10')
    .min(0, 'must be a whole number from 0 to 10')
    .max(10, 'must be a whole number from 0 to 10'),
  section: idRule.optional(),
  definition: text('definition').pipe(z.string().min(10, 'is too short to be a definition: write at least one sentence')),
});

export const glossarySchema = z.strictObject({
  terms: z.array(glossaryTermSchema, { error: 'is required: a list of terms' }),
});

export type GlossaryTermSource = z.infer<typeof glossaryTermSchema>;

export interface LoadedGlossary {
  file: string;
  terms: GlossaryTermSource[];
  /** the line of each term's `- id:` entry */
  lines: Map<string, number>;
}

/**
 * Reads and checks content/glossary.yaml. A course without one has an empty glossary (then any <Term> is an
 * error). Problems are located by line.
 */
export function loadGlossary(root: string, contentDir: string, problems: ContentProblem[]): LoadedGlossary {
  const abs = join(root, contentDir, 'glossary.yaml');
  const file = relative(root, abs).split('\\').join('/');
  const out: LoadedGlossary = { file, terms: [], lines: new Map() };
  if (!existsSync(abs)) return out;
  const source = readFileSync(abs, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    problems.push({ file, line: e.linePos?.[0].line, message: `is not valid YAML: ${e.message.split('\n')[0]}`, hint: 'check the indentation: each term starts with "  - id: …"' });
    return out;
  }
  const lineAt = (path: (string | number)[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range) return lineCounter.linePos(range[0]).line;
    }
    return undefined;
  };
  const parsed = glossarySchema.safeParse(doc.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
      const where = (extra: string[] = []) => ['glossary', ...path, ...extra].map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
      if (issue.code === 'unrecognized_keys') {
        for (const k of issue.keys) problems.push({ file, line: lineAt([...path, k]), field: where([k]), message: 'is not a known field', hint: 'a term has id, term, aliases, part, section and definition' });
      } else problems.push({ file, line: lineAt(path), field: where(), message: issue.message });
    }
    return out;
  }
  const ids = new Map<string, number>();
  const texts = new Map<string, string>();
  parsed.data.terms.forEach((t, i) => {
    const line = lineAt(['terms', i]);
    if (ids.has(t.id)) {
      problems.push({ file, line, field: `term id "${t.id}"`, message: `is already used by the term at line ${ids.get(t.id)}`, hint: 'give each term its own id' });
      return;
    }
    ids.set(t.id, line ?? 0);
    for (const s of [t.term, ...(t.aliases ?? [])]) {
      const owner = texts.get(s);
      if (owner !== undefined)
        problems.push({ file, line, field: `term "${t.id}"`, message: `writes "${s}", which ${owner === t.id ? 'it already lists' : `is already the term or an alias of "${owner}"`}`, hint: 'each wording links to one term: remove the repeat' });
      else texts.set(s, t.id);
    }
    out.terms.push(t);
    if (line !== undefined) out.lines.set(t.id, line);
  });
  return out;
}

/**
 * Checks what the glossary says about the course: the part is one the chapters teach, and the section (if
 * named) is a section of a chapter of that part. Returns the entries the player reads.
 */
export function resolveGlossary(g: LoadedGlossary, chapters: ChapterMeta[], problems: ContentProblem[]): GlossaryEntry[] {
  const parts = new Set(chapters.map((c) => c.part));
  return g.terms.flatMap((t): GlossaryEntry[] => {
    const line = g.lines.get(t.id);
    if (!parts.has(t.part)) {
      problems.push({ file: g.file, line, field: `term "${t.id}" part`, message: `is ${t.part}, but no chapter teaches part ${t.part}`, hint: `parts the chapters teach: ${[...parts].sort((a, b) => a - b).join(', ')}` });
      return [];
    }
    const base = { id: t.id, term: t.term, aliases: t.aliases ?? [], part: t.part, definition: t.definition };
    if (t.section === undefined) {
      const first = chapters.find((c) => c.part === t.part);
      return [{ ...base, ...(first ? { chapter: first.id } : {}) }];
    }
    const owner = chapters.find((c) => c.sections.some((s) => s.id === t.section));
    if (!owner) {
      problems.push({ file: g.file, line, field: `term "${t.id}" section`, message: `"${t.section}" is not a section of any chapter`, hint: 'use the id of the <Section> that teaches the term' });
      return [];
    }
    if (owner.part !== t.part) {
      problems.push({ file: g.file, line, field: `term "${t.id}" section`, message: `"${t.section}" is in part ${owner.part} (${owner.file}), not part ${t.part}`, hint: `write part: ${owner.part}, or name a section of part ${t.part}` });
      return [];
    }
    return [{ ...base, chapter: owner.id, section: t.section }];
  });
}

/**
 * Where terms are linked automatically: prose, also inside tabs, accordion items and process steps; not headings,
 * links, code, the data of interactive elements, or flashcards and diagrams (a card turns over on a click).
 */
const PROSE_ELEMENTS = new Set(['Section', 'Callout', 'KeyPoints', 'Tabs', 'Tab', 'Accordion', 'Item', 'Steps', 'Step']);
const NOT_PROSE = new Set(['heading', 'link', 'linkReference', 'inlineCode', 'code', 'yaml', 'html', 'definition']);

/**
 * Checks a chapter's explicit <Term>s and links the first use of every other term in it. `source` is the file's
 * text; the links are returned as replacements of the build (like the interactive elements').
 */
export function linkTerms(file: string, source: string, tree: Root, terms: readonly GlossaryTermSource[], problems: ContentProblem[]): Replacement[] {
  const byId = new Map(terms.map((t) => [t.id, t]));
  const linked = new Set<string>();
  walk(tree, (n) => {
    if (!isJsx(n, 'Term')) return true;
    const id = attr(n, 'id');
    const at = lineOf(n);
    if (typeof id !== 'string' || !id) {
      problems.push({ file, line: at, field: '<Term>', message: 'is missing "id"', hint: 'write <Term id="…">text</Term> with an id from content/glossary.yaml' });
    } else if (!byId.has(id)) {
      const near = terms.filter((t) => t.id.includes(id) || id.includes(t.id) || t.term === textOf(n).trim()).map((t) => t.id);
      problems.push({
        file,
        line: at,
        field: `<Term id="${id}">`,
        message: 'is not a term in the glossary',
        hint: near.length ? `did you mean: ${near.join(', ')}?` : 'add the term to content/glossary.yaml, or use the id of a term defined there',
      });
    } else linked.add(id);
    if (!textOf(n).trim()) problems.push({ file, line: at, field: `<Term id="${String(id)}">`, message: 'has no text', hint: 'write the words the term links from between <Term …> and </Term>' });
    return false;
  });
  // longest wording first, so 合规管理体系 wins over 合规管理 where both start
  const needles = terms.flatMap((t) => [t.term, ...(t.aliases ?? [])].map((s) => ({ s, id: t.id }))).sort((a, b) => b.s.length - a.s.length);
  // by first character: a chapter has some 40 000 characters to try
  const byFirst = new Map<string, typeof needles>();
  for (const x of needles) byFirst.set(x.s[0]!, [...(byFirst.get(x.s[0]!) ?? []), x]);
  const out: Replacement[] = [];
  const visit = (n: AnyNode, parent?: AnyNode): void => {
    if (NOT_PROSE.has(n.type)) return;
    if (isJsx(n)) {
      if (!n.name || !PROSE_ELEMENTS.has(n.name)) return;
    }
    if (n.type === 'text') {
      const start = n.position?.start.offset;
      const end = n.position?.end.offset;
      // a text whose source differs from its value (escapes, entities) is left as it is
      if (start === undefined || end === undefined || source.slice(start, end) !== n.value) return;
      const value = n.value;
      // CommonMark: a ** or _ next to a "<" and a letter on its other side no longer opens or closes emphasis, so a
      // link at the very start or end of a bold text would break the bold. A whole bold term is wrapped bold and
      // all (<Term>**合规**</Term>); a term touching only one end of a bold text waits for its next use.
      const emphasis = parent && (parent.type === 'strong' || parent.type === 'emphasis' || parent.type === 'delete') ? parent : undefined;
      const siblings = emphasis ? emphasis.children : [];
      for (let i = 0; i < value.length; ) {
        const hit = byFirst.get(value[i]!)?.find((x) => !linked.has(x.id) && value.startsWith(x.s, i));
        if (!hit) {
          i++;
          continue;
        }
        const end = i + hit.s.length;
        const atStart = !!emphasis && siblings[0] === n && i === 0;
        const atEnd = !!emphasis && siblings.at(-1) === n && end === value.length;
        if (atStart || atEnd) {
          const es = emphasis?.position?.start.offset;
          const ee = emphasis?.position?.end.offset;
          if (!(atStart && atEnd && siblings.length === 1 && es !== undefined && ee !== undefined)) {
            i++;
            continue;
          }
          linked.add(hit.id);
          out.push({ start: es, end: ee, text: `<Term id="${hit.id}">${source.slice(es, ee)}</Term>` });
          i = end;
          continue;
        }
        linked.add(hit.id);
        out.push({ start: start + i, end: start + end, text: `<Term id="${hit.id}">${hit.s}</Term>` });
        i = end;
      }
      return;
    }
    if ('children' in n) for (const c of n.children as AnyNode[]) visit(c, n);
  };
  for (const c of tree.children) if (isJsx(c, 'Section')) visit(c);
  return out;
}
