/** Parsing MDX into an mdast tree with positions, and reading JSX attributes as authors write them. */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';

export type JsxNode = MdxJsxFlowElement | MdxJsxTextElement;
export type AnyNode = Root | RootContent;

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

export function parseMdx(source: string): Root {
  return parser.parse(source);
}

export function isJsx(node: AnyNode, name?: string): node is JsxNode {
  return (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && (name === undefined || node.name === name);
}

export type AttrValue = string | number | boolean | undefined;

/**
 * Reads an attribute: `a="x"` → "x", `a={2}` → 2, `a={true}` / bare `a` → true.
 * Only literal expressions are allowed: content is data, not code.
 */
export function attr(node: JsxNode, name: string): AttrValue {
  for (const a of node.attributes) {
    if (a.type !== 'mdxJsxAttribute' || a.name !== name) continue;
    if (a.value === null || a.value === undefined) return true;
    if (typeof a.value === 'string') return a.value;
    const raw = a.value.value.trim();
    if (raw === 'true') return true;
    if (raw === 'false') return false;
    if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
    const quoted = /^(["'])(.*)\1$/s.exec(raw);
    if (quoted) return quoted[2];
    return `{${raw}}`;
  }
  return undefined;
}

export function attrNames(node: JsxNode): string[] {
  return node.attributes.flatMap((a) => (a.type === 'mdxJsxAttribute' ? [a.name] : []));
}

export function lineOf(node: AnyNode): number | undefined {
  return node.position?.start.line;
}

/** Depth-first walk; `visit` returns false to skip a node's children. */
export function walk(node: AnyNode, visit: (n: AnyNode, parent: AnyNode | undefined) => boolean | void, parent?: AnyNode): void {
  if (visit(node, parent) === false) return;
  if ('children' in node) for (const child of node.children as AnyNode[]) walk(child, visit, node);
}

/** Plain text of a node, with JSX children of the given names left out. */
export function textOf(node: AnyNode, skip: ReadonlySet<string> = new Set()): string {
  if (isJsx(node) && node.name && skip.has(node.name)) return '';
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return '\n';
  if ('children' in node) return (node.children as AnyNode[]).map((c) => textOf(c, skip)).join('');
  return '';
}

/** Paragraph texts of a node (block children become separate paragraphs), skipping some JSX children. */
export function paragraphsOf(node: AnyNode, skip: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const children = 'children' in node ? (node.children as AnyNode[]) : [];
  let inline = '';
  for (const c of children) {
    if (isJsx(c) && c.name && skip.has(c.name)) continue;
    if (c.type === 'paragraph' || c.type === 'heading' || c.type === 'list' || c.type === 'blockquote') {
      if (inline.trim()) out.push(inline.trim());
      inline = '';
      if (c.type === 'list') {
        for (const item of c.children) {
          const t = textOf(item, skip).trim();
          if (t) out.push('• ' + t);
        }
      } else {
        const t = textOf(c, skip).trim();
        if (t) out.push(t);
      }
    } else {
      inline += textOf(c, skip);
    }
  }
  if (inline.trim()) out.push(inline.trim());
  return out.map((p) => p.replace(/\s*\n\s*/g, ''));
}
