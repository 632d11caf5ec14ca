import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatProblems } from './errors.ts';
import { loadCourse } from './load-course.ts';
import { chapter, courseYaml, section, writeCourse } from './test-course.ts';

/** The content check's report on one chapter whose first section holds `inner`. */
function check(inner: string): string {
  const { problems } = loadCourse(writeCourse({ 'course.yaml': courseYaml(['ch-one']), 'chapters/01-one.mdx': chapter({ body: section('ch-one-s1', inner) }) }));
  return problems.length ? formatProblems(problems) : 'OK';
}

describe('the content check of the visual blocks', () => {
  test('accepts each block written as documented, children on their own lines or on one line', () => {
    expect(check([
      '<Tabs title="四类来源">\n<Tab title="法律法规">\n\n国家制定的法律。\n\n</Tab>\n<Tab title="监管规定">监管机构的规定。</Tab>\n</Tabs>',
      '<Accordion level={3}>\n<Item title="合规手册" open>\n\n最基础的合规文件。\n\n</Item>\n</Accordion>',
      '<Steps title="投诉处理" mode="all">\n<Step title="投诉接收">倾听、记录。</Step>\n<Step title="问题分析">判断性质。</Step>\n</Steps>',
      '<Flashcards>\n<Card term="第一道防线">业务部门。</Card>\n</Flashcards>',
      '<Diagram kind="cycle" title="PDCA循环" center="PDCA">\n<Node label="计划" note="Plan" />\n<Node label="执行">按计划落实。</Node>\n<Node label="检查" />\n<Node label="处理" />\n</Diagram>',
      '<Diagram kind="hub" title="合规管理信息系统" center="信息系统">\n<Node label="风险监测" />\n<Node label="培训学习" />\n</Diagram>',
    ].join('\n\n'))).toBe('OK');
  });

  test('rejects an unknown diagram kind, naming the kinds there are', () => {
    expect(check('<Diagram kind="venn" title="图">\n<Node label="甲" />\n<Node label="乙" />\n</Diagram>')).toMatchInlineSnapshot(`
      "The course content has 1 problem:
        content/chapters/01-one.mdx:12 — <Diagram> kind "venn" is not a diagram kind
          hint: use one of: cycle, pyramid, flow, hub"
    `);
  });

  test('rejects a diagram with fewer than two nodes, or none', () => {
    expect(check('<Diagram kind="flow" title="流程">\n<Node label="甲" />\n</Diagram>\n\n<Diagram kind="pyramid" title="层级">\n</Diagram>')).toMatchInlineSnapshot(`
      "The course content has 2 problems:
        content/chapters/01-one.mdx:12 — <Diagram> has only 1 <Node>
          hint: a <Diagram> needs at least 2; for a single item write the text without the <Diagram>
        content/chapters/01-one.mdx:16 — <Diagram> has no <Node>
          hint: add <Node label="…" /> elements (at least 2)"
    `);
  });

  test('rejects a diagram without a title, a hub without a centre, and a label too long to draw', () => {
    expect(check('<Diagram kind="hub">\n<Node label="甲" />\n<Node label="这是一个远远超过十六个字的很长很长的节点标签" />\n</Diagram>')).toMatchInlineSnapshot(`
      "The course content has 2 problems:
        content/chapters/01-one.mdx:12 — <Diagram> is missing "title"
          hint: write title="…"
        content/chapters/01-one.mdx:14 — <Node> label is 22 characters long; at most 16 fit in the drawing
          hint: shorten it, and put the rest in the node's text: <Node label="…">explanation</Node>"
    `);
  });

  test('rejects Tabs with no Tab, and text inside Tabs that no tab would show', () => {
    expect(check('<Tabs>\n\n这段文字不在任何选项卡里。\n\n</Tabs>')).toMatchInlineSnapshot(`
      "The course content has 2 problems:
        content/chapters/01-one.mdx:14 — <Tabs> holds text outside its <Tab>s, which would not be shown
          hint: put it inside a <Tab>, or before or after the <Tabs>
        content/chapters/01-one.mdx:12 — <Tabs> has no <Tab>
          hint: add <Tab title="…">…</Tab> elements"
    `);
  });

  test('rejects an empty title, an empty tab and a prop the block does not have', () => {
    expect(check('<Tabs colour="red">\n<Tab title="">内容</Tab>\n<Tab title="乙">\n</Tab>\n</Tabs>')).toMatchInlineSnapshot(`
      "The course content has 3 problems:
        content/chapters/01-one.mdx:12 — <Tabs> colour is not a prop of <Tabs>
          hint: its props are: title
        content/chapters/01-one.mdx:13 — <Tab> title must be a non-empty text
          hint: write title="…"
        content/chapters/01-one.mdx:14 — <Tab> has no content
          hint: write what it shows between <Tab …> and </Tab>"
    `);
  });

  test('rejects a card without a term, a steps mode that does not exist and an accordion heading level out of range', () => {
    expect(check([
      '<Flashcards>\n<Card>解释。</Card>\n</Flashcards>',
      '<Steps mode="some">\n<Step title="一">甲</Step>\n<Step title="二">乙</Step>\n</Steps>',
      '<Accordion level={9}>\n<Item title="一">甲</Item>\n</Accordion>',
    ].join('\n\n'))).toMatchInlineSnapshot(`
      "The course content has 3 problems:
        content/chapters/01-one.mdx:13 — <Card> is missing "term"
          hint: write term="…", or glossary="…" with a term id from content/glossary.yaml
        content/chapters/01-one.mdx:16 — <Steps> mode "some" is not a mode of <Steps>
          hint: use mode="one" (one step at a time) or mode="all"
        content/chapters/01-one.mdx:21 — <Accordion> level must be a heading level from 2 to 6, got 9
          hint: the heading level of the item titles: level={3} under a section, level={4} under a ### heading"
    `);
  });

  test('rejects a block child outside its block, and a Step outside both Steps and Scenario', () => {
    expect(check('<Tab title="甲">内容</Tab>\n\n<Node label="乙" />\n\n<Step title="一">甲</Step>')).toMatchInlineSnapshot(`
      "The course content has 3 problems:
        content/chapters/01-one.mdx:12 — <Tab> must sit inside <Tabs>
        content/chapters/01-one.mdx:14 — <Node> must sit inside <Diagram>
        content/chapters/01-one.mdx:16 — <Step> must sit inside <Steps> (a process) or <Scenario> (a case study)"
    `);
  });

  test('accepts every example of the visual blocks in the authoring guide', () => {
    const guide = readFileSync(join(import.meta.dirname, '../../content/AUTHORING.md'), 'utf8');
    const blocksPart = guide.slice(guide.indexOf('## 视觉组件 Visual blocks'), guide.indexOf('\n## ', guide.indexOf('## 视觉组件 Visual blocks') + 1));
    const examples = [...blocksPart.matchAll(/```mdx\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(examples).toHaveLength(6);
    // the glossary ids the examples use, defined as in content/glossary.yaml
    const terms = ['three-lines-of-defence', 'compliance-liaison'].map((id) => `  - id: ${id}\n    term: 术语${id.length}\n    part: 1\n    definition: 培训材料对这个术语的定义，至少十个字。\n`).join('');
    for (const example of examples) {
      const body = section('ch-one-s1', example);
      const { problems } = loadCourse(writeCourse({ 'course.yaml': courseYaml(['ch-one']), 'glossary.yaml': `terms:\n${terms}`, 'chapters/01-one.mdx': chapter({ body }) }));
      expect(problems.length ? formatProblems(problems) : 'OK').toBe('OK');
    }
  });

  test('accepts a card drawn from the glossary and rejects one naming a term the glossary does not define', () => {
    const glossary = 'terms:\n  - id: pdca-cycle\n    term: PDCA循环\n    part: 1\n    definition: 计划、执行、检查、处理四个环节循环往复的持续改进方法。\n';
    const body = section('ch-one-s1', '<Flashcards>\n<Card glossary="pdca-cycle" />\n<Card glossary="no-such-term" />\n</Flashcards>');
    const { problems } = loadCourse(writeCourse({ 'course.yaml': courseYaml(['ch-one']), 'glossary.yaml': glossary, 'chapters/01-one.mdx': chapter({ body }) }));
    expect(formatProblems(problems)).toMatchInlineSnapshot(`
      "The course content has 1 problem:
        content/chapters/01-one.mdx:14 — <Card glossary="no-such-term"> is not a term in the glossary
          hint: use an id from content/glossary.yaml, e.g. pdca-cycle"
    `);
  });
});
