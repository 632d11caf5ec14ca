import { describe, expect, test } from 'vitest';
import { formatProblems } from './errors.ts';
import { loadCourse } from './load-course.ts';
import { parseMdx, walk } from './mdx-ast.ts';
import { chapter, courseYaml, section, writeCourse } from './test-course.ts';

/** A glossary.yaml from term entries written as YAML lines. */
const glossaryYaml = (...terms: string[][]) => ['terms:', ...terms.flatMap((lines) => lines.map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`)))].join('\n') + '\n';

const term = ({ id = 'mystery-shopper', text = '神秘客户', part = 1, section: sec = 'ch-one-s1', aliases = '' } = {}) => [
  `id: ${id}`,
  `term: ${text}`,
  ...(aliases ? [`aliases: [${aliases}]`] : []),
  `part: ${part}`,
  ...(sec ? [`section: ${sec}`] : []),
  'definition: 由不公开身份的人员以普通客户身份体验服务。',
];

function course(glossary: string, body = section('ch-one-s1')) {
  return loadCourse(writeCourse({ 'course.yaml': courseYaml(['ch-one']), 'chapters/01-one.mdx': chapter({ body }), 'glossary.yaml': glossary }));
}

const check = (glossary: string, body?: string) => {
  const { problems } = course(glossary, body);
  return problems.length ? formatProblems(problems) : 'OK';
};

/** The chapter source after the build's replacements (the glossary links among them). */
function built(glossary: string, body: string): string {
  const root = writeCourse({ 'course.yaml': courseYaml(['ch-one']), 'chapters/01-one.mdx': chapter({ body }), 'glossary.yaml': glossary });
  const c = loadCourse(root);
  expect(c.problems).toEqual([]);
  const reps = [...c.replacements.values()][0] ?? [];
  let src = chapter({ body });
  for (const r of [...reps].sort((a, b) => b.start - a.start)) src = src.slice(0, r.start) + r.text + src.slice(r.end);
  // the links keep the markdown around them: no bold or emphasis marker is left over as text
  const texts: string[] = [];
  walk(parseMdx(src), (n) => void (n.type === 'text' && texts.push(n.value)));
  expect(texts.join('')).not.toMatch(/[*_]/);
  return src.slice(src.indexOf('<Section'));
}

describe('the glossary check', () => {
  test('accepts a well-formed glossary and hands the player each term with the chapter and section that teach it', () => {
    const c = course(glossaryYaml(term({ aliases: '神秘顾客' })));
    expect(c.problems).toEqual([]);
    expect(c.glossary).toEqual([
      { id: 'mystery-shopper', term: '神秘客户', aliases: ['神秘顾客'], part: 1, chapter: 'ch-one', section: 'ch-one-s1', definition: '由不公开身份的人员以普通客户身份体验服务。' },
    ]);
  });

  test('rejects a term with a missing or malformed field, naming the line', () => {
    const bad = ['id: Mystery_Shopper', 'term: ""', 'part: 12', 'definition: 短', 'colour: red'];
    expect(check(glossaryYaml(term({ id: 'ok-term', text: '合规' }), bad))).toMatchInlineSnapshot(`
      "The course content has 5 problems:
        content/glossary.yaml:7 — glossary.terms[1].id must be kebab-case: lowercase letters, digits and single hyphens
        content/glossary.yaml:8 — glossary.terms[1].term is empty: write the term as the chapters write it
        content/glossary.yaml:9 — glossary.terms[1].part must be a whole number from 0 to 10
        content/glossary.yaml:10 — glossary.terms[1].definition is too short to be a definition: write at least one sentence
        content/glossary.yaml:11 — glossary.terms[1].colour is not a known field
          hint: a term has id, term, aliases, part, section and definition"
    `);
  });

  test('rejects a duplicate id and a wording two terms share', () => {
    expect(check(glossaryYaml(term(), term({ text: '暗访' }), term({ id: 'other', text: '检查', aliases: '神秘客户' })))).toMatchInlineSnapshot(`
      "The course content has 2 problems:
        content/glossary.yaml:7 — term id "mystery-shopper" is already used by the term at line 2
          hint: give each term its own id
        content/glossary.yaml:12 — term "other" writes "神秘客户", which is already the term or an alias of "mystery-shopper"
          hint: each wording links to one term: remove the repeat"
    `);
  });

  test('rejects a part no chapter teaches and a section that is not in the term’s part', () => {
    expect(check(glossaryYaml(term({ part: 4 }), term({ id: 'gone', text: '暗访', section: 'no-such-section' })))).toMatchInlineSnapshot(`
      "The course content has 2 problems:
        content/glossary.yaml:2 — term "mystery-shopper" part is 4, but no chapter teaches part 4
          hint: parts the chapters teach: 1
        content/glossary.yaml:7 — term "gone" section "no-such-section" is not a section of any chapter
          hint: use the id of the <Section> that teaches the term"
    `);
  });

  test('rejects a glossary that is not valid YAML', () => {
    expect(check('terms:\n  - id: a\n   term: b\n')).toMatchInlineSnapshot(`
      "The course content has 1 problem:
        content/glossary.yaml:3 — is not valid YAML: Sequence item without - indicator at line 3, column 1:
          hint: check the indentation: each term starts with "  - id: …""
    `);
  });

  test('rejects a <Term> whose id the glossary does not define, and one without id or text', () => {
    const body = section('ch-one-s1', '请注意<Term id="mystery">神秘客户</Term>和<Term>暗访</Term>，以及<Term id="mystery-shopper"></Term>。');
    expect(check(glossaryYaml(term()), body)).toMatchInlineSnapshot(`
      "The course content has 3 problems:
        content/chapters/01-one.mdx:12 — <Term id="mystery"> is not a term in the glossary
          hint: did you mean: mystery-shopper?
        content/chapters/01-one.mdx:12 — <Term> is missing "id"
          hint: write <Term id="…">text</Term> with an id from content/glossary.yaml
        content/chapters/01-one.mdx:12 — <Term id="mystery-shopper"> has no text
          hint: write the words the term links from between <Term …> and </Term>"
    `);
  });

  test('rejects any <Term> in a course without a glossary', () => {
    const { problems } = loadCourse(
      writeCourse({ 'course.yaml': courseYaml(['ch-one']), 'chapters/01-one.mdx': chapter({ body: section('ch-one-s1', '<Term id="x">词</Term>') }) }),
    );
    expect(formatProblems(problems)).toContain('<Term id="x"> is not a term in the glossary');
  });
});

describe('linking terms from the chapters', () => {
  const g = glossaryYaml(term({ aliases: '神秘顾客' }), term({ id: 'compliance', text: '合规', section: '' }), term({ id: 'compliance-management', text: '合规管理', section: '' }));

  test('links the first use of each term in a chapter, by its term or an alias, the longest wording first', () => {
    const body = section('ch-one-s1', '合规管理要求合规。\n\n有时请**神秘顾客**来体验，神秘客户看到的是真实表现。');
    expect(built(g, body)).toContain('有时请<Term id="mystery-shopper">**神秘顾客**</Term>来体验');
  });

  test('never puts a link where it would break bold text: a term at one end of a bold text links at its next use', () => {
    const body = section('ch-one-s1', '通过**神秘客户、电话回访**等方式；**合规管理要点**；神秘客户和合规管理。');
    expect(built(g, body)).toMatchInlineSnapshot(`
      "<Section id="ch-one-s1" title="小节">

      通过**神秘客户、电话回访**等方式；**合规管理要点**；<Term id="mystery-shopper">神秘客户</Term>和<Term id="compliance-management">合规管理</Term>。

      </Section>
      "
    `);
  });

  test('leaves headings, links, code, interactive elements and explicitly linked terms alone', () => {
    const body = section(
      'ch-one-s1',
      [
        '### 合规管理',
        '[合规](https://example.org) 与 `合规管理`',
        '<Term id="compliance">合规要求</Term>',
        '<RiskMatrix id="m" title="神秘客户矩阵">\n<Risk id="r" likelihood={1} impact={1}>神秘客户</Risk>\n</RiskMatrix>',
        '最后才是合规管理和神秘客户。',
      ].join('\n\n'),
    );
    expect(built(g, body)).toMatchInlineSnapshot(`
      "<Section id="ch-one-s1" title="小节">

      ### 合规管理

      [合规](https://example.org) 与 \`合规管理\`

      <Term id="compliance">合规要求</Term>

      <RiskMatrix id="m" />

      最后才是<Term id="compliance-management">合规管理</Term>和<Term id="mystery-shopper">神秘客户</Term>。

      </Section>
      "
    `);
  });
});
