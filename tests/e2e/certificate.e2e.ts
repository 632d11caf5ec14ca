/**
 * The path to a certificate, as a new hire walks it and as the yearly refresher renews it: the final assessment
 * stays closed until the chapters are done; a chapter quiz's attempts run out and re-reading unlocks a new round;
 * the exam is failed, retaken, reviewed and handed in; the certificate prints alone on the first A4 page; and
 * 11.5 months later (the browser clock moved on) the refresher is offered, passed, and a new certificate issued.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { loadCourse } from '../../scripts/content/load-course.ts';
import type { Question } from '../../src/domain/course.ts';
import { readingTimes } from '../../src/domain/reading.ts';
import { ROOT, sessionPerFile, storedProgress, waitForStored } from './harness.ts';
import { coursework, PLAN_ACTION, seedProgress } from './seed-progress.ts';

const loaded = loadCourse(ROOT);
const course = loaded.manifest!;
const bank = loaded.bank;
const session = sessionPerFile();
const DAY = 86_400_000;
/** 09:00 in Beijing on 2 December 2026: the day the new hire finishes */
const START = Date.parse('2026-12-02T01:00:00Z');
const NAME = '王芳';
const FIRST = course.chapters[0]!;
const reading = readingTimes(course);

const fieldset = (page: Page, q: Question) => page.locator('fieldset.question').filter({ has: page.locator('.question-prompt', { hasText: q.prompt }) });

/** Answers a chapter-quiz question (one submit each), right or wrong. */
async function answerQuizQuestion(page: Page, q: Question, right: boolean): Promise<void> {
  const box = fieldset(page, q);
  await answerControls(page, box, q, right);
  await box.getByRole('button', { name: '提交答案' }).click();
  await box.locator('.verdict').waitFor();
}

/** Sets the controls of a question (chapter quiz or exam) to the right answer or a wrong one. */
async function answerControls(page: Page, box: Locator, q: Question, right: boolean): Promise<void> {
  if (q.type === 'single') {
    const choice = q.choices.find((c) => c.correct === right)!;
    await box.getByRole('radio', { name: choice.text, exact: true }).check();
  } else if (q.type === 'truefalse') {
    await box.getByRole('radio', { name: (q.answer === right) ? '正确' : '错误', exact: true }).check();
  } else if (q.type === 'multiple') {
    for (const c of q.choices) if (right ? c.correct : !c.correct) await box.getByRole('checkbox', { name: c.text, exact: true }).check();
    if (!right && q.choices.every((c) => c.correct)) await box.getByRole('checkbox').first().check();
  } else if (q.type === 'match') {
    const rights = q.pairs.map((p) => p.right);
    for (const [i, p] of q.pairs.entries()) await box.getByRole('combobox', { name: p.left, exact: true }).selectOption({ label: right ? p.right : rights[(i + 1) % rights.length]! });
  } else if (q.type === 'order') {
    if (!right) {
      // the exam counts an untouched order only once the learner keeps it; a chapter quiz submits it as shown
      const keep = box.getByRole('button', { name: '就按这个顺序' });
      if (await keep.count()) await keep.click();
      return;
    }
    for (const [i, c] of q.choices.entries()) {
      const texts = (await box.locator('.order-text').allTextContents()).map((x) => x.trim());
      for (let at = texts.indexOf(c.text); at > i; at--) await box.getByRole('button', { name: `上移：${c.text}` }).click();
    }
  }
}

/** Answers the exam's questions one at a time, going forward, until none is left unanswered; returns the prompts met. */
async function answerExam(page: Page, right: boolean, stopAfter = Infinity): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < stopAfter; i++) {
    const prompt = (await page.locator('.exam-question .question-prompt').innerText()).trim();
    seen.push(prompt);
    const q = bank.find((x) => x.prompt === prompt);
    assert.ok(q, `the bank has the question 「${prompt}」`);
    await answerControls(page, page.locator('.exam-question'), q, right);
    await page.locator('.exam-map-item[aria-current="step"].answered').waitFor();
    const next = page.getByRole('button', { name: '下一题' });
    if (!(await next.count())) break;
    await next.click();
  }
  return seen;
}

async function handIn(page: Page): Promise<void> {
  const review = page.getByRole('heading', { level: 2, name: '检查答卷' });
  if (!(await review.count())) await page.getByRole('button', { name: '检查答卷' }).click();
  await review.waitFor();
  await page.getByRole('button', { name: '交卷', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '确认交卷？' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: '确认交卷' }).click();
}

/** Visits a section and keeps it on screen (the browser clock runs on) until it counts as read. */
async function readSection(page: Page, chapterId: string, sectionId: string): Promise<void> {
  await page.goto(`${session.url}#/chapter/${chapterId}/${sectionId}`);
  await page.locator(`#h-${sectionId}`).waitFor();
  await page.clock.runFor((reading[sectionId] ?? 5_000) + 2_000);
  await page.locator(`#s-${sectionId}[data-read="yes"]`).waitFor({ timeout: 10_000 });
}

/** The text of one page of a PDF (pdftotext from poppler-utils). */
function pdfText(pdf: Buffer, pageNo?: number): string {
  const file = join(mkdtempSync(join(tmpdir(), 'zhixing-pdf-')), 'record.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [...(pageNo ? ['-f', String(pageNo), '-l', String(pageNo)] : []), '-layout', file, '-'], { encoding: 'utf8' });
}

const squash = (s: string) => s.replace(/\s+/g, '');

test('a new hire earns the certificate by the course’s rules, prints it alone on a page, and renews it with the refresher 11.5 months later', async () => {
  const { page } = session;
  await page.clock.install({ time: START });
  await page.goto(session.url);
  await page.getByRole('textbox', { name: '姓名' }).fill(NAME);
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByText(`${NAME}，欢迎参加培训`).waitFor();
  await waitForStored(page, (s) => Object.values(s.learners).some((l) => l.name === NAME), 'the learner’s name to be stored');
  await seedProgress(page, session.url, coursework(course, START - DAY, { except: [FIRST.id] }), { employeeId: 'E1024', department: '零售业务部' });

  // the final assessment stays closed while a chapter is not done, and says what the certificate needs
  await page.goto(session.url + '#/assessment');
  await page.getByText('完成全部章节后才能参加结业考核。').waitFor();
  assert.equal(await page.getByRole('button', { name: '开始考核' }).count(), 0, 'no way to start the final assessment yet');
  const reqs = page.getByRole('list', { name: '获得证书的要求' });
  await reqs.getByText(`已完成 ${course.chapters.length - 1}/${course.chapters.length} 章`).waitFor();
  await reqs.getByText(/已完成情景案例 (\d+)\/\1 个/).waitFor();

  // the first chapter's quiz: every attempt fails, so a new round asks for the chapter to be read again
  const quiz = loaded.interactive[FIRST.id]!.quizzes[0]!;
  const quizSection = FIRST.sections.find((s) => s.id === `${quiz.id}-section`) ?? FIRST.sections.at(-1)!;
  await page.goto(`${session.url}#/chapter/${FIRST.id}/${quizSection.id}`);
  for (let attempt = 1; attempt <= quiz.attempts; attempt++) {
    if (attempt > 1) await page.locator('.quiz-result').getByRole('button', { name: '重新作答' }).click();
    for (const q of quiz.questions) await answerQuizQuestion(page, q, false);
  }
  const notice = page.locator('.quiz-result .round-notice');
  await notice.getByText('已用完全部作答次数').waitFor();
  await notice.getByText(`重新阅读本章以下 ${FIRST.sections.length} 个小节后，可开始第 2 轮作答：`).waitFor();
  assert.equal(await page.locator('.quiz-result').getByRole('button', { name: '重新作答' }).count(), 0);
  const stored = await waitForStored(page, (s) => !!storedProgress(s)?.rounds?.[quiz.id]?.length, 'the round to be recorded');
  assert.deepEqual(storedProgress(stored)!.rounds![quiz.id]![0]!.sections, FIRST.sections.map((s) => s.id));

  // a section that merely scrolls past does not count; one kept on screen for its reading time does
  const longest = [...FIRST.sections].sort((a, b) => (b.chars ?? 0) - (a.chars ?? 0))[0]!;
  await page.goto(`${session.url}#/chapter/${FIRST.id}/${longest.id}`);
  await page.locator(`#h-${longest.id}`).waitFor();
  await page.clock.runFor(Math.round(reading[longest.id]! / 2));
  assert.equal(await page.locator(`#s-${longest.id}`).getAttribute('data-read'), 'no', 'half the reading time is not enough');
  for (const s of FIRST.sections) await readSection(page, FIRST.id, s.id);

  // the new round is open: the quiz is passed, and with it the chapter
  await page.goto(`${session.url}#/chapter/${FIRST.id}/${quizSection.id}`);
  await page.locator('.quiz-result').getByRole('button', { name: '重新作答' }).click();
  for (const q of quiz.questions) await answerQuizQuestion(page, q, true);
  await page.locator('.quiz-result').getByText(/^通过！/).waitFor();

  // the exam: opened now; handed in blank it fails, with the missed questions, their answers and the chapters to review
  await page.goto(session.url + '#/assessment');
  await reqs.getByText(`已完成 ${course.chapters.length}/${course.chapters.length} 章`).waitFor();
  await page.getByRole('button', { name: '开始考核' }).click();
  const total = new Set(bank.map((q) => q.part)).size * course.assessment.questionsPerPart;
  await page.getByText(`第 1 题，共 ${total} 题 · 已答 0 题`).waitFor();
  await handIn(page);
  await page.getByRole('heading', { level: 2, name: '考核结果' }).waitFor();
  await page.getByText(/^未通过：得分 0%/).waitFor();
  assert.equal(await page.locator('.missed-question').count(), total, 'every question is listed as missed');
  assert.match(await page.locator('.missed-question').first().innerText(), /正确答案：[\s\S]+解析：/);
  assert.ok((await page.locator('.review-links a').count()) > 0, 'links back to the chapters of the parts missed');

  // the retake: answers survive a reload mid-way; the review before 交卷 shows nothing unanswered; it passes
  await page.getByRole('button', { name: '再考一次' }).click();
  await page.getByText(`第 1 题，共 ${total} 题 · 已答 0 题`).waitFor();
  const firstHalf = await answerExam(page, true, Math.floor(total / 2));
  await waitForStored(page, (s) => Object.keys(storedProgress(s)?.quizzes[course.assessmentBank!.id]?.attempts.at(-1)?.answers ?? {}).length >= firstHalf.length, 'the answers to be stored');
  await page.reload();
  await page.getByText(`第 ${firstHalf.length + 1} 题，共 ${total} 题 · 已答 ${firstHalf.length} 题`).waitFor();
  await page.getByRole('button', { name: '第 1 题（已答）' }).click();
  assert.equal((await page.locator('.exam-question .question-prompt').innerText()).trim(), firstHalf[0], 'the same draw after the reload');
  await page.getByRole('button', { name: `第 ${firstHalf.length + 1} 题（未答）` }).click();
  await answerExam(page, true);
  await page.getByRole('button', { name: '检查答卷' }).click();
  await page.getByText('全部题目均已作答。', { exact: true }).waitFor();
  await handIn(page);
  await page.getByText(/^通过！得分 100%/).waitFor();

  // the certified learner's home page leads to the certificate
  await page.goto(session.url);
  await page.getByRole('link', { name: '查看我的证书' }).click();
  await page.getByRole('heading', { level: 1, name: '我的学习记录' }).waitFor();
  const cert = page.locator('article.certificate');
  const number = (await cert.locator('.cert-number').innerText()).trim();
  const validUntil = (await cert.locator('.cert-valid-until').innerText()).trim();
  assert.match(number, /^ZC-2026-[0-9A-Z]{10}$/);
  assert.equal(validUntil, '2027年12月2日', 'valid for 12 months from the Beijing day it was earned');
  assert.match(await cert.innerText(), /E1024[\s\S]*零售业务部/);

  // printed: the whole certificate on the first A4 page, the action plan on the second, nothing twice; printed
  // once the record (built with the lazily loaded answer key) is on the page, as a learner sees it before printing
  await page.getByRole('region', { name: '个人合规行动计划' }).getByRole('cell', { name: PLAN_ACTION }).waitFor();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const first = squash(pdfText(pdf, 1));
  for (const text of [NAME, number, '结业证书', course.organisation!, '验证码']) assert.ok(first.includes(squash(text)), `page 1 shows ${text}: ${first.slice(0, 400)}`);
  // the PDF's text lists Latin digits apart from the CJK 年月日 around them (two faces): the date's digits are on page 1
  const digits = (s: string) => s.replace(/\D/g, '');
  assert.ok(digits(first).includes(digits(validUntil)) && /年月日|年.*月.*日/.test(first), `page 1 shows ${validUntil}: ${first.slice(0, 400)}`);
  assert.ok(!first.includes(PLAN_ACTION), 'the action plan is not on the certificate’s page');
  assert.ok(squash(pdfText(pdf, 2)).includes(PLAN_ACTION), 'the action plan is on the second page');
  assert.equal(squash(pdfText(pdf)).split(PLAN_ACTION).length - 1, 1, 'the action plan is printed once');

  // 11.5 months later: the refresher is offered, passed, and a new certificate issued, the old one kept
  await page.clock.setSystemTime(START + 350 * DAY);
  await page.goto(session.url);
  await page.reload();
  await page.getByText(/你的证书将于 2027年12月2日 到期（还有 \d+ 天）/).waitFor();
  await page.getByRole('link', { name: '参加复训考核' }).click();
  await page.getByRole('button', { name: '开始复训考核' }).click();
  await page.getByText(/^第 1 题，共 \d+ 题 · 已答 0 题$/).waitFor();
  await answerExam(page, true);
  await handIn(page);
  await page.getByRole('heading', { level: 2, name: '复训考核结果' }).waitFor();
  await page.getByText(/^通过！/).waitFor();

  await page.goto(session.url + '#/records');
  const renewed = (await cert.locator('.cert-number').innerText()).trim();
  assert.notEqual(renewed, number, 'a new certificate number');
  assert.equal((await cert.locator('.cert-valid-until').innerText()).trim(), '2028年11月17日', 'valid for 12 months from the pass date');
  const history = page.getByRole('region', { name: '证书记录' });
  assert.equal(await history.locator('tbody tr').count(), 2);
  await history.getByRole('rowheader', { name: number }).waitFor();
  await history.getByRole('rowheader', { name: renewed }).waitFor();
});
