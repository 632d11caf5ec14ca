/**
 * Searching the course: the build's MiniSearch index read back, queries tokenized like the course text, and each
 * hit given the place of its match in the section's text (for the snippet and the highlight on the page).
 */
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { normalizeText, SEARCH_OPTIONS, tokenize, type SearchDoc } from './tokenize.ts';

export interface SearchIndexData {
  docs: SearchDoc[];
  index: AsPlainObject;
}

/** A glossary term as search reads it: its wordings are synonyms, its section ranks first. */
export interface SearchTerm {
  id: string;
  term: string;
  aliases: string[];
  chapter?: string;
  section?: string;
  definition: string;
}

export interface SearchHit {
  doc: SearchDoc;
  score: number;
  /** the words as the section writes them, or '' when only the title matched */
  match: string;
  /** the text around the match */
  before: string;
  after: string;
}

export interface SearchResult {
  hits: SearchHit[];
  /** the glossary term the query names (by its term or an alias), if any */
  term?: SearchTerm;
}

const BEFORE = 24;
const AFTER = 60;

function snippet(doc: SearchDoc, variants: string[], tokens: string[]): Pick<SearchHit, 'match' | 'before' | 'after'> & { exact: boolean } {
  const lower = doc.text.toLowerCase();
  let at = -1;
  let len = 0;
  let exact = false;
  for (const v of variants) {
    const i = lower.indexOf(v.toLowerCase());
    if (i >= 0 && (at < 0 || i < at)) [at, len, exact] = [i, v.length, true];
  }
  if (at < 0) {
    // the words apart (every bigram is there, not in one place): show where the first one is
    for (const tk of tokens) {
      const i = lower.indexOf(tk);
      if (i >= 0) {
        [at, len] = [i, tk.length];
        break;
      }
    }
  }
  if (at < 0) return { match: '', before: '', after: doc.text.slice(0, AFTER).replace(/\n/g, ' '), exact };
  const start = Math.max(0, at - BEFORE);
  const end = Math.min(doc.text.length, at + len + AFTER);
  const flat = (s: string) => s.replace(/\n/g, ' ');
  return {
    match: doc.text.slice(at, at + len),
    before: (start > 0 ? '…' : '') + flat(doc.text.slice(start, at)),
    after: flat(doc.text.slice(at + len, end)) + (end < doc.text.length ? '…' : ''),
    exact,
  };
}

export function createSearch(data: SearchIndexData, glossary: readonly SearchTerm[]): (query: string, limit?: number) => SearchResult {
  const index = MiniSearch.loadJS<SearchDoc>(data.index, SEARCH_OPTIONS);
  const docs = new Map(data.docs.map((d) => [d.id, d]));
  return (query, limit = 40) => {
    const q = query.trim();
    const tokens = tokenize(q);
    if (tokens.length === 0) return { hits: [] };
    const nq = normalizeText(q);
    // a term's wordings are synonyms: 神秘顾客 finds the sections that write 神秘客户
    const term = glossary.find((g) => [g.term, ...g.aliases].some((w) => normalizeText(w) === nq));
    const variants = [...new Set([q, ...(term ? [term.term, ...term.aliases] : [])])];
    const teaching = term?.chapter && term.section ? `${term.chapter}/${term.section}` : undefined;
    const scores = new Map<string, number>();
    for (const v of variants) {
      const found = index.search(v, {
        combineWith: 'AND',
        boost: { title: 2 },
        // a single character matches the words that begin with it
        prefix: (t) => [...t].length === 1,
        // the section the glossary says teaches the term comes first
        boostDocument: (id) => (id === teaching ? 4 : 1),
      });
      for (const r of found) scores.set(String(r.id), Math.max(scores.get(String(r.id)) ?? 0, r.score));
    }
    const hits = [...scores].flatMap(([id, score]): (SearchHit & { exact: boolean })[] => {
      const doc = docs.get(id);
      if (!doc) return [];
      const s = snippet(doc, variants, tokens);
      // the words as written, in one place, rank above the same bigrams scattered over a section
      return [{ doc, ...s, score: s.exact ? score * 2 : score }];
    });
    hits.sort((a, b) => b.score - a.score);
    return { hits: hits.slice(0, limit).map(({ exact: _exact, ...h }) => h), ...(term ? { term } : {}) };
  };
}
