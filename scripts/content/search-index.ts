/**
 * The course search index, built at build time: one document per chapter section (its prose: paragraphs,
 * headings, list items, table cells, callouts), indexed by MiniSearch with the player's own tokenizer and
 * handed to the player as a lazily loaded module (precached by the service worker with every other chunk).
 */
import type { Root } from 'mdast';
import MiniSearch from 'minisearch';
import { SEARCH_OPTIONS, type SearchDoc } from '../../src/features/search/tokenize.ts';
import { INTERACTIVE } from './extract.ts';
import { attr, isJsx, textOf, walk } from './mdx-ast.ts';

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** The searchable text of each top-level <Section> of a chapter. */
export function sectionDocs(tree: Root, chapter: { id: string; title: string }): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const node of tree.children) {
    if (!isJsx(node, 'Section')) continue;
    const section = attr(node, 'id');
    const title = attr(node, 'title');
    if (typeof section !== 'string' || typeof title !== 'string') continue;
    const blocks: string[] = [];
    walk(node, (n) => {
      if (isJsx(n) && n.name && INTERACTIVE.has(n.name)) return false;
      if (!BLOCKS.has(n.type)) return true;
      const t = textOf(n, INTERACTIVE).replace(/\s+/g, ' ').trim();
      if (t) blocks.push(t);
      return false;
    });
    docs.push({ id: `${chapter.id}/${section}`, chapter: chapter.id, section, chapterTitle: chapter.title, title, text: blocks.join('\n') });
  }
  return docs;
}

export interface SearchIndexData {
  docs: SearchDoc[];
  /** MiniSearch's serialised index (MiniSearch.loadJS with SEARCH_OPTIONS reads it back) */
  index: unknown;
}

export function buildSearchIndex(docs: SearchDoc[]): SearchIndexData {
  const search = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  search.addAll(docs);
  return { docs, index: search.toJSON() };
}
