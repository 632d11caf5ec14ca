import { describe, expect, test } from 'vitest';
import { createSearch, type SearchTerm } from '../../src/features/search/search-core.ts';
import { tokenize, type SearchDoc } from '../../src/features/search/tokenize.ts';
import { loadCourse } from './load-course.ts';
import { parseMdx } from './mdx-ast.ts';
import { buildSearchIndex, sectionDocs } from './search-index.ts';

const doc = (section: string, title: string, text: string, chapter = 'ch'): SearchDoc => ({ id: `${chapter}/${section}`, chapter, section, chapterTitle: '章', title, text });

const searchOver = (docs: SearchDoc[], glossary: SearchTerm[] = []) => {
  // through JSON, as the player receives it
  const search = createSearch(JSON.parse(JSON.stringify(buildSearchIndex(docs))), glossary);
  return (q: string) => search(q).hits.map((h) => h.doc.section);
};

describe('the search tokenizer', () => {
  test('splits Chinese into overlapping character pairs and keeps other words whole, folding case and width', () => {
    expect(tokenize('神秘客户')).toEqual(['神秘', '秘客', '客户']);
    expect(tokenize('ＰＤＣＡ循环与ISO9001')).toEqual(['pdca', '循环', '环与', 'iso9001']);
    expect(tokenize('险')).toEqual(['险']);
    expect(tokenize('，。！')).toEqual([]);
  });
});

describe('the search index', () => {
  const docs = [
    doc('a', '服务规范实施要点', '监督手段包括现场巡查、录音录像、神秘客户等多种手段。'),
    doc('b', '考核方法与工具', '服务质量抽查通过电话回访进行。'),
    doc('c', '风险评估与分级', '常用的工具是风险矩阵：把可能性和影响程度结合。'),
    doc('d', '客户关系', '神秘的是，客户总在变。'),
  ];

  test('finds a Chinese word inside text written without spaces, and shows it in context', () => {
    const search = createSearch(buildSearchIndex(docs) as never, []);
    const { hits } = search('神秘客户');
    expect(hits.map((h) => h.doc.section)).toEqual(['a']);
    expect(hits[0]).toMatchObject({ match: '神秘客户', before: '监督手段包括现场巡查、录音录像、', after: '等多种手段。' });
  });

  test('does not find the characters of a word in another order or apart', () => {
    const find = searchOver(docs);
    expect(find('客户神秘')).toEqual([]);
    expect(find('风险矩阵')).toEqual(['c']);
    expect(find('矩阵风险')).toEqual([]);
  });

  test('ranks a section whose title names the words above one that only mentions them', () => {
    const find = searchOver([doc('mention', '总结', '最后提一下考核方法。'), doc('title', '考核方法与工具', '知识测试、现场操作考核。')]);
    expect(find('考核方法')).toEqual(['title', 'mention']);
  });

  test('ranks the words as written above the same character pairs scattered over a section', () => {
    const find = searchOver([doc('scattered', '甲', '风险很高，保险矩形，矩阵图。'), doc('phrase', '乙', '风险矩阵。')]);
    expect(find('风险矩阵')).toEqual(['phrase', 'scattered']);
  });

  test('treats a glossary term’s wordings as one, and puts the section that teaches it first', () => {
    const glossary: SearchTerm[] = [{ id: 'mystery-shopper', term: '神秘客户', aliases: ['神秘顾客'], chapter: 'ch', section: 'teach', definition: '由不公开身份的人员体验服务。' }];
    const find = searchOver([doc('mention', '服务规范实施要点', '神秘客户、神秘客户、神秘客户都是手段。'), doc('teach', '考核方法与工具', '神秘客户：由不公开身份的人员以普通客户身份体验服务。')], glossary);
    expect(find('神秘顾客')).toEqual(['teach', 'mention']);
  });

  test('finds nothing for a query without letters, digits or characters', () => {
    expect(searchOver(docs)('，、 ')).toEqual([]);
  });
});

describe('the indexed sections', () => {
  test('hold a section’s prose, callouts and tables, but not the data of quizzes', () => {
    const tree = parseMdx(
      '<Section id="s1" title="一节">\n\n正文**重点**。\n\n<Callout kind="tip">\n\n提示。\n\n</Callout>\n\n| 甲 | 乙 |\n|---|---|\n| 一 | 二 |\n\n<Quiz id="q">\n<Question id="q1" type="truefalse" answer="true" prompt="问？">\n<Explain>答案解释。</Explain>\n</Question>\n</Quiz>\n\n</Section>\n',
    );
    expect(sectionDocs(tree, { id: 'ch', title: '章' })).toEqual([{ id: 'ch/s1', chapter: 'ch', section: 's1', chapterTitle: '章', title: '一节', text: '正文重点。\n提示。\n甲\n乙\n一\n二' }]);
  });

  test('the course’s search for 神秘顾客 lands first on the section that teaches 神秘客户', () => {
    const c = loadCourse(process.cwd());
    expect(c.problems).toEqual([]);
    const search = createSearch(buildSearchIndex(c.searchDocs) as never, c.glossary);
    const { hits, term } = search('神秘顾客');
    expect(term?.id).toBe('mystery-shopper');
    expect(hits[0]).toMatchObject({ doc: { chapter: 'assessment-incentives', section: 'p8-methods' }, match: '神秘客户' });
    expect(hits.length).toBeGreaterThan(2);
  }, 30_000);
});
