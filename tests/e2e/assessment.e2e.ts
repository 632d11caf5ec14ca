import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { loadCourse } from '../../scripts/content/load-course.ts';
import { ROOT, sessionPerFile } from './harness.ts';
import { coursework, seedProgress } from './seed-progress.ts';

const course = loadCourse(ROOT).manifest!;
const session = sessionPerFile();

/** Hands the open paper in (as it stands) after the review and the confirmation. */
async function handIn(page: Page): Promise<void> {
  await page.getByRole('button', { name: '检查答卷' }).click();
  await page.getByRole('button', { name: '交卷', exact: true }).click();
  await page.getByRole('dialog', { name: '确认交卷？' }).getByRole('button', { name: '确认交卷' }).click();
}

test('a learner takes the final assessment: a part-balanced draw, a result by part, and practice aimed at weak parts', async () => {
  const { page } = session;
  await seedProgress(page, session.url, coursework(course, Date.now() - 86_400_000, { plan: false }));
  await page.goto(session.url);
  await page.getByRole('link', { name: '进入结业考核' }).click();
  await page.getByRole('heading', { level: 1, name: course.assessmentBank!.title }).waitFor();
  await page.getByRole('button', { name: '开始考核' }).click();
  const parts = new Set(course.bank.map((q) => q.part)).size;
  const total = parts * course.assessment.questionsPerPart;
  await page.getByText(`第 1 题，共 ${total} 题 · 已答 0 题`).waitFor();
  assert.equal(await page.locator('.exam-map-item').count(), total);

  // the draw survives a reload
  const firstPrompt = await page.locator('.question-prompt').first().innerText();
  await page.reload();
  await page.getByText(`第 1 题，共 ${total} 题 · 已答 0 题`).waitFor();
  assert.equal(await page.locator('.question-prompt').first().innerText(), firstPrompt);

  await handIn(page);
  await page.getByRole('heading', { level: 2, name: '考核结果' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'assessment-result');
  assert.equal(await page.locator('.part-results tbody tr').count(), parts);

  await page.getByRole('button', { name: '开始练习' }).click();
  await page.getByText(/^第 1 题，共 \d+ 题 · 已答 0 题$/).waitFor();
  const practice = await page.locator('.exam-map-item').count();
  assert.ok(practice >= parts * course.assessment.refresherQuestionsPerPart, 'every part is asked about');
  await handIn(page);
  await page.getByRole('heading', { level: 2, name: '练习结果' }).waitFor();

  await page.goto(session.url);
  assert.match(await page.locator('.assessment-card').innerText(), /最好成绩 \d+%/);
});

test('the action plan a learner writes appears in their training record, with the assessment result', async () => {
  const { page } = session;
  await page.goto(`${session.url}#/chapter/summary/summary-action-plan`);
  const plan = page.getByRole('region', { name: '我的合规行动计划' });
  await plan.getByRole('textbox', { name: '行动内容' }).fill('每季度复习一次客户信息保护规定');
  await plan.getByRole('textbox', { name: '衡量标准' }).fill('完成学习记录');
  await plan.getByLabel('完成时间').fill(`${new Date().getFullYear() + 1}-03-31`);
  await plan.getByRole('button', { name: '添加到计划' }).click();
  await plan.getByText('每季度复习一次客户信息保护规定').waitFor();

  await page.goto(session.url);
  await page.getByRole('link', { name: '我的学习记录与证书' }).click();
  await page.getByRole('heading', { level: 1, name: '我的学习记录' }).waitFor();
  const record = page.getByRole('region', { name: '个人合规行动计划' });
  await record.getByRole('cell', { name: '每季度复习一次客户信息保护规定' }).waitFor();
  assert.match(await page.getByRole('region', { name: '结业考核' }).innerText(), /考核记录[\s\S]*结业考核\t[^\n]*\d+%/);
  assert.match(await page.getByRole('region', { name: '结业证书' }).innerText(), /满足以下全部要求后/);
});
