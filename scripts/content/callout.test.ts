import { describe, expect, test } from 'vitest';
import { zhCNMore } from '../../src/i18n/zh-cn-more.ts';
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
    for (const [kind, label] of Object.entries(zhCNMore.reading.callout)) expect(check(`<Callout kind="${kind}" title="${label}">`)).toMatch(`「${label}」`);
  });
});

const matrixCourse = (matrixAttrs: string, calloutAttrs: string) =>
  loadCourse(writeCourse({
    'course.yaml': courseYaml(['ch-one']),
    'chapters/01-one.mdx': chapter({ body: section('ch-one-s1', `<RiskMatrix id="m1" title="定级"${matrixAttrs}>\n  <Risk id="a" likelihood={2} impact={3}>某风险</Risk>\n</RiskMatrix>\n\n<Callout kind="tip" title="参考思路"${calloutAttrs}>\n\n答案。\n\n</Callout>`) }),
  }));

describe('a risk matrix’s scale words and its held-back reference answer', () => {
  test('are accepted when the scales name four levels and the callout waits for a matrix of its chapter', () => {
    const { problems, manifest } = matrixCourse(' likelihoodScale="很少发生|偶尔发生|较常发生|经常发生" impactScale="轻微|一般|较重|严重"', ' revealAfter="m1"');
    expect(problems).toEqual([]);
    expect(manifest).toBeDefined();
  });

  test('are rejected with the file, line and what to write when a scale has the wrong number of words or the callout names no matrix', () => {
    const { problems } = matrixCourse(' likelihoodScale="很少|偶尔|经常"', ' revealAfter="m2"');
    expect(formatProblems(problems)).toMatchInlineSnapshot(`
      "The course content has 2 problems:
        content/chapters/01-one.mdx:12 — <RiskMatrix id="m1"> likelihoodScale must name the 4 levels, lowest first, separated by |, got 3 word(s)
          hint: write likelihoodScale="很少发生|偶尔发生|较常发生|经常发生"
        content/chapters/01-one.mdx:16 — <Callout> revealAfter names "m2", which is no risk matrix of this chapter
          hint: write revealAfter="m1""
    `);
  });
});
