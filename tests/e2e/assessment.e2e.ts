import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { loadCourse } from '../../scripts/content/load-course.ts';
import { ROOT, sessionPerFile } from './harness.ts';

const course = loadCourse(ROOT).manifest!;
const session = sessionPerFile();

/** Gives some answer to any question type, through the UI, and submits it. */
async function answerSomehow(q: Locator, last: boolean): Promise<void> {
  if (await q.getByRole('radio').count()) await q.getByRole('radio').first().check();
  else if (await q.getByRole('checkbox').count()) await q.getByRole('checkbox').first().check();
  else if (await q.getByRole('combobox').count()) {
    const selects = q.getByRole('combobox');
    for (let i = 0; i < (await selects.count()); i++) await selects.nth(i).selectOption({ index: 1 });
  }
  await q.getByRole('button', { name: '提交答案' }).click();
  // the last answer finishes the attempt: the questions give way to the result
  if (!last) await q.locator('.verdict').waitFor();
}

async function answerAll(page: Page): Promise<number> {
  const questions = page.locator('fieldset.question');
  const n = await questions.count();
  for (let i = 0; i < n; i++) await answerSomehow(questions.nth(i), i === n - 1);
  return n;
}

test('a learner takes the final assessment: a part-balanced draw, a result by part, and a refresher aimed at weak parts', async () => {
  const { page } = session;
  await page.goto(session.url);
  await page.getByRole('link', { name: '进入结业考核' }).click();
  await page.getByRole('heading', { level: 1, name: course.assessmentBank!.title }).waitFor();
  await page.getByRole('button', { name: '开始考核' }).click();
  const parts = new Set(course.bank.map((q) => q.part)).size;
  await page.locator('fieldset.question').first().waitFor();
  assert.equal(await page.locator('fieldset.question').count(), parts * course.assessment.questionsPerPart);

  // the draw survives a reload
  const firstPrompt = await page.locator('.question-prompt').first().innerText();
  await page.reload();
  assert.equal(await page.locator('.question-prompt').first().innerText(), firstPrompt);

  await answerAll(page);
  const result = page.getByRole('heading', { level: 2, name: '考核结果' });
  await result.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'assessment-result');
  assert.equal(await page.locator('.part-results tbody tr').count(), parts);

  await page.getByRole('button', { name: '开始复习测验' }).click();
  await page.locator('fieldset.question').first().waitFor();
  const refresher = await page.locator('fieldset.question').count();
  assert.ok(refresher >= parts * course.assessment.refresherQuestionsPerPart, 'every part is asked about');
  await answerAll(page);
  await page.getByRole('heading', { level: 2, name: '复习测验结果' }).waitFor();

  await page.goto(session.url);
  assert.match(await page.locator('.assessment-card').innerText(), /最好成绩 \d+%/);
});

test('the action plan a learner writes appears in their training record, with the assessment result', async () => {
  const { page } = session;
  await page.goto(`${session.url}#/chapter/summary/summary-action-plan`);
  const plan = page.getByRole('region', { name: '我的合规行动计划' });
  await plan.getByRole('textbox', { name: '行动内容' }).fill('每季度复习一次客户信息保护规定');
  await plan.getByRole('textbox', { name: '衡量标准' }).fill('完成学习记录');
  await plan.getByLabel('完成时间').fill('2027-03-31');
  await plan.getByRole('button', { name: '添加到计划' }).click();
  await plan.getByText('每季度复习一次客户信息保护规定').waitFor();

  await page.goto(session.url);
  await page.getByRole('link', { name: '我的学习记录与证书' }).click();
  await page.getByRole('heading', { level: 1, name: '我的学习记录' }).waitFor();
  const record = page.getByRole('region', { name: '个人合规行动计划' });
  await record.getByRole('cell', { name: '每季度复习一次客户信息保护规定' }).waitFor();
  assert.match(await page.getByRole('region', { name: '结业考核' }).innerText(), /最好成绩 \d+%/);
  assert.match(await page.getByRole('region', { name: '结业证书' }).innerText(), /完成全部章节并通过结业考核后/);
});
