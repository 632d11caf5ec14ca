/**
 * Build-time checks of the visual blocks (Tabs, Accordion, Steps, Flashcards, Diagram): their props against zod
 * schemas, and their children. A block renders only its own child elements, so anything else written inside it
 * would silently disappear: that is an error too.
 */
import { z } from 'zod';
import { DIAGRAM_KINDS } from '../../src/features/blocks/diagram-layout.ts';
import type { ContentProblem } from './errors.ts';
import { attr, attrNames, isJsx, lineOf, textOf, walk, type AnyNode, type JsxNode } from './mdx-ast.ts';

export type Report = (node: AnyNode, field: string, message: string, hint?: string) => void;

const text = z.string().trim().min(1);
const CONTAINERS = {
  Tabs: { child: 'Tab', min: 2, max: 8, props: z.strictObject({ title: text.optional() }) },
  Accordion: { child: 'Item', min: 1, max: 20, props: z.strictObject({ level: z.union([z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]).optional() }) },
  Steps: { child: 'Step', min: 2, max: 12, props: z.strictObject({ title: text.optional(), mode: z.enum(['one', 'all']).optional() }) },
  Flashcards: { child: 'Card', min: 1, max: 24, props: z.strictObject({ title: text.optional() }) },
  Diagram: { child: 'Node', min: 2, max: 8, props: z.strictObject({ kind: z.enum(DIAGRAM_KINDS), title: text, center: text.optional() }) },
} as const;
type Container = keyof typeof CONTAINERS;

/** a diagram label or note is drawn inside a shape: longer text goes in the node's explanation */
export const DIAGRAM_TEXT_MAX = 16;

const CHILDREN = {
  Tab: { parent: 'Tabs', props: z.strictObject({ title: text }), content: true },
  Item: { parent: 'Accordion', props: z.strictObject({ title: text, open: z.boolean().optional() }), content: true },
  Step: { parent: 'Steps', props: z.strictObject({ title: text }), content: true },
  Card: { parent: 'Flashcards', props: z.strictObject({ term: text.optional(), glossary: text.optional() }), content: true },
  Node: { parent: 'Diagram', props: z.strictObject({ label: text.max(DIAGRAM_TEXT_MAX), note: text.max(DIAGRAM_TEXT_MAX).optional() }), content: false },
} as const;
type Child = keyof typeof CHILDREN;

export const BLOCK_COMPONENTS = [...Object.keys(CONTAINERS), ...Object.keys(CHILDREN).filter((c) => c !== 'Step')] as const;
const isContainer = (name: string): name is Container => name in CONTAINERS;
const isChild = (name: string): name is Child => name in CHILDREN;

const hints: Record<string, string> = {
  kind: `use one of: ${DIAGRAM_KINDS.join(', ')}`,
  mode: 'use mode="one" (one step at a time) or mode="all"',
  level: 'the heading level of the item titles: level={3} under a section, level={4} under a ### heading',
  open: 'write `open` to show the item open at first',
};

function props(node: JsxNode, schema: z.ZodType, report: Report): Record<string, unknown> | undefined {
  const values: Record<string, unknown> = {};
  for (const name of attrNames(node)) values[name] = attr(node, name);
  const result = schema.safeParse(values);
  if (result.success) return result.data as Record<string, unknown>;
  const tag = `<${node.name}>`;
  const known = Object.keys((schema as z.ZodObject).shape);
  for (const issue of result.error.issues) {
    const key = issue.path[0] === undefined ? undefined : String(issue.path[0]);
    const value = key === undefined ? undefined : values[key];
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) report(node, `${tag} ${k}`, `is not a prop of ${tag}`, known.length ? `its props are: ${known.join(', ')}` : `${tag} takes no props`);
    } else if (key !== undefined && value === undefined) {
      report(node, tag, `is missing "${key}"`, `write ${key}="…"`);
    } else if (issue.code === 'invalid_value' && key === 'kind') {
      report(node, `${tag} kind`, `${JSON.stringify(value)} is not a diagram kind`, hints.kind);
    } else if (issue.code === 'invalid_value' && key === 'mode') {
      report(node, `${tag} mode`, `${JSON.stringify(value)} is not a mode of <Steps>`, hints.mode);
    } else if (key === 'level') {
      report(node, `${tag} level`, `must be a heading level from 2 to 6, got ${JSON.stringify(value)}`, hints.level);
    } else if (issue.code === 'too_big' && typeof value === 'string') {
      report(node, `${tag} ${key}`, `is ${[...value.trim()].length} characters long; at most ${DIAGRAM_TEXT_MAX} fit in the drawing`, 'shorten it, and put the rest in the node\'s text: <Node label="…">explanation</Node>');
    } else if (typeof value === 'string' && value.trim() === '') {
      report(node, `${tag} ${key}`, 'must be a non-empty text', `write ${key}="…"`);
    } else {
      report(node, `${tag} ${key}`, `has an unusable value ${JSON.stringify(value)}`, key ? (hints[key] ?? `write ${key}="…"`) : undefined);
    }
  }
  return undefined;
}

/** The elements a container holds: its own children, also when written on one line (inside a paragraph). */
function contents(node: JsxNode): { own: JsxNode[]; stray: AnyNode[] } {
  const own: JsxNode[] = [];
  const stray: AnyNode[] = [];
  const child = CONTAINERS[node.name as Container].child;
  for (const c of node.children as AnyNode[]) {
    if (isJsx(c, child)) own.push(c);
    else if (c.type === 'paragraph') {
      for (const p of c.children as AnyNode[]) {
        if (isJsx(p, child)) own.push(p);
        else if (!(p.type === 'text' && p.value.trim() === '')) stray.push(p);
      }
    } else stray.push(c);
  }
  return { own, stray };
}

/**
 * Checks a block container and its children; returns the child elements it checked, so the walk over the chapter
 * can tell a `<Tab>` in its `<Tabs>` from one astray.
 */
export function checkBlock(node: JsxNode, report: Report): JsxNode[] {
  const name = node.name as Container;
  const spec = CONTAINERS[name];
  const tag = `<${name}>`;
  const p = props(node, spec.props, report);
  const { own, stray } = contents(node);
  if (stray.length) {
    const first = stray[0]!;
    const what = isJsx(first) ? `<${first.name}>` : 'text';
    report(first, tag, `holds ${what} outside its <${spec.child}>s, which would not be shown`, `put it inside a <${spec.child}>, or before or after the ${tag}`);
  }
  if (own.length === 0) report(node, tag, `has no <${spec.child}>`, `add ${childExample(spec.child)}`);
  else if (own.length < spec.min) report(node, tag, `has only ${own.length} <${spec.child}>`, `a ${tag} needs at least ${spec.min}; for a single item write the text without the ${tag}`);
  else if (own.length > spec.max) report(node, tag, `has ${own.length} <${spec.child}>s, more than the ${spec.max} it can show well`, `split it in two, or keep the ${spec.max} that matter most`);
  for (const c of own) {
    const cs = CHILDREN[c.name as Child];
    const cp = props(c, cs.props, report);
    // a card drawn from the glossary takes its term and explanation from there (checked by checkGlossaryCards)
    const fromGlossary = c.name === 'Card' && attr(c, 'glossary') !== undefined;
    if (c.name === 'Card' && cp && cp.term === undefined && !fromGlossary) report(c, '<Card>', 'is missing "term"', 'write term="…", or glossary="…" with a term id from content/glossary.yaml');
    if (cs.content && !fromGlossary && textOf(c).trim() === '' && !(c.children as AnyNode[]).some((k) => isJsx(k))) {
      report(c, `<${c.name}>`, 'has no content', `write what it shows between <${c.name} …> and </${c.name}>`);
    }
  }
  if (name === 'Diagram' && p) {
    if (p.kind === 'hub' && p.center === undefined) report(node, `${tag} center`, 'is required for kind="hub"', 'name what the parts hang from: center="…"');
    if (p.center !== undefined && p.kind !== 'hub' && p.kind !== 'cycle') report(node, `${tag} center`, `does not apply to kind="${String(p.kind)}"`, 'center is drawn by kind="cycle" and kind="hub" only');
  }
  return own;
}

function childExample(child: string): string {
  const key = child === 'Card' ? 'term' : child === 'Node' ? 'label' : 'title';
  return child === 'Node' ? '<Node label="…" /> elements (at least 2)' : `<${child} ${key}="…">…</${child}> elements`;
}

/** The problem of a block child found outside its container (a scenario's <Step> is checked with its scenario). */
export function strayChild(node: JsxNode, report: Report): void {
  const name = node.name as Child;
  const where = name === 'Step' ? '<Steps> (a process) or <Scenario> (a case study)' : `<${CHILDREN[name].parent}>`;
  report(node, `<${name}>`, `must sit inside ${where}`);
}

export { isChild as isBlockChild, isContainer as isBlockContainer };

/** Cards drawn from the glossary (`<Card glossary="id" />`) must name a term content/glossary.yaml defines. */
export function checkGlossaryCards(file: string, tree: AnyNode, termIds: ReadonlySet<string>, problems: ContentProblem[]): void {
  walk(tree, (n) => {
    if (!isJsx(n, 'Card')) return true;
    const id = attr(n, 'glossary');
    if (typeof id === 'string' && id.trim() && !termIds.has(id.trim())) {
      problems.push({ file, line: lineOf(n), field: `<Card glossary="${id}">`, message: 'is not a term in the glossary', hint: termIds.size ? `use an id from content/glossary.yaml, e.g. ${[...termIds].slice(0, 4).join(', ')}` : 'the course has no content/glossary.yaml' });
    }
    return false;
  });
}
