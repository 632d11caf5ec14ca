/**
 * The search tokenizer, shared by the build (which indexes the course) and the player (which reads queries).
 * Chinese has no spaces between words, so a run of Han characters is indexed as its overlapping character
 * bigrams (神秘客户 → 神秘, 秘客, 客户): any word of two or more characters is then found without a dictionary,
 * and the build and the browser cannot disagree about where words end. Other letters and digits form words.
 * NFKC folds full-width forms (ＰＤＣＡ, ９００１) into the ASCII a learner types.
 */
const RUNS = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;

export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of normalizeText(text).matchAll(RUNS)) {
    if (m[1]) {
      const chars = [...m[1]];
      if (chars.length === 1) out.push(chars[0]!);
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
    } else if (m[2]) out.push(m[2]);
  }
  return out;
}

/** A section of the course as the index holds it. */
export interface SearchDoc {
  /** `<chapter id>/<section id>` */
  id: string;
  chapter: string;
  section: string;
  chapterTitle: string;
  title: string;
  /** the section's prose, blocks separated by newlines */
  text: string;
}

/** The options the index is built and loaded with: they must be the same on both sides. */
export const SEARCH_OPTIONS = {
  fields: ['title', 'text'],
  storeFields: [] as string[],
  tokenize,
  processTerm: (t: string) => t,
};
