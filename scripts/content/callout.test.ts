import { describe, expect, test } from 'vitest';
import { zhCN } from '../../src/i18n/zh-cn.ts';
import { formatProblems } from './errors.ts';
import { loadCourse } from './load-course.ts';
import { chapter, courseYaml, section, writeCourse } from './test-course.ts';

const check = (callout: string) => {
  const { problems } = loadCourse(writeCourse({ 'course.yaml': courseYaml(['ch-one']), 'chapters/01-one.mdx': chapter({ body: section('ch-one-s1', `${callout}\n\n正文。\n\n</Callout>`) }) }));
  return problems.length ? formatProblems(problems) : 'OK';
};

describe('a callout', () => {
  test('with a title of its own is accepted', () => {
    expect(check('<Callout kind="example" title="一次普通的业务咨询">')).toBe('OK');
  });

  test('whose title repeats the label the player shows is rejected, with the title to write instead', () => {
    expect(check('<Callout kind="example" title="示例：一轮PDCA">')).toMatchInlineSnapshot(`
      "The course content has 1 problem:
        content/chapters/01-one.mdx:12 — <Callout> title repeats the label 「示例」 that the player already shows before it
          hint: write title="一轮PDCA""
    `);
    expect(check('<Callout kind="warning" title="注意">')).toMatch(/repeats the label 「注意」[\s\S]*hint: leave the title out/);
  });

  test('labels are the ones the Chinese interface shows', () => {
    for (const [kind, label] of Object.entries(zhCN.reading.callout)) expect(check(`<Callout kind="${kind}" title="${label}">`)).toMatch(`「${label}」`);
  });
});
