/**
 * Records that travel: a learner answers a chapter quiz and walks a case study through the interface, downloads
 * every format from the records page and each file holds what happened; then, on a fresh browser profile (another
 * device), the transfer file is imported through the page and the same progress shows.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { loadCourse } from '../../scripts/content/load-course.ts';
import type { Question } from '../../src/domain/course.ts';
import { browser, removeProfile, ROOT, sessionPerFile, storedProgress, until, waitForStored } from './harness.ts';

const loaded = loadCourse(ROOT);
const course = loaded.manifest!;
const session = sessionPerFile();
const NAME = '王芳';
const EMPLOYEE = 'E2048';
const CHAPTER = course.chapters.find((c) => c.id === 'risk-identification')!;
const QUIZ = loaded.interactive[CHAPTER.id]!.quizzes[0]!;
const SCENARIO = loaded.interactive[CHAPTER.id]!.scenarios[0]!;
const QUIZ_SECTION = CHAPTER.sections.find((s) => s.id.endsWith('quiz-section'))!.id;
const SCENARIO_SECTION = CHAPTER.sections.find((s) => s.id === 'p3-prevention')!.id;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const questionBox = (page: Page, q: Question) => page.locator('fieldset.question').filter({ has: page.locator('.question-prompt', { hasText: q.prompt }) });

/** Sets a chapter-quiz question's controls to the right answer and submits it. */
async function answerRight(page: Page, q: Question): Promise<void> {
  const box = questionBox(page, q);
  if (q.type === 'single') await box.getByRole('radio', { name: q.choices.find((c) => c.correct)!.text, exact: true }).check();
  else if (q.type === 'truefalse') await box.getByRole('radio', { name: q.answer ? '正确' : '错误', exact: true }).check();
  else if (q.type === 'multiple') for (const c of q.choices.filter((x) => x.correct)) await box.getByRole('checkbox', { name: c.text, exact: true }).check();
  else if (q.type === 'match') for (const p of q.pairs) await box.getByRole('combobox', { name: p.left, exact: true }).selectOption({ label: p.right });
  else if (q.type === 'order')
    for (const [i, c] of q.choices.entries()) {
      const texts = (await box.locator('.order-text').allTextContents()).map((x) => x.trim());
      for (let at = texts.indexOf(c.text); at > i; at--) await box.getByRole('button', { name: `上移：${c.text}` }).click();
    }
  await box.getByRole('button', { name: '提交答案' }).click();
  await box.locator('.verdict').waitFor();
}

/** Walks the scenario taking each step's first option (the content's best path starts there) to an outcome. */
async function walkScenario(page: Page): Promise<number> {
  const region = page.getByRole('region', { name: SCENARIO.title });
  const steps = new Map(SCENARIO.steps.map((s) => [s.id, s]));
  let n = 0;
  for (let step = steps.get(SCENARIO.start); step; n++) {
    const option = step.options[0]!;
    await region.getByRole('button', { name: option.text.slice(0, 20) }).first().click();
    step = steps.get(option.to);
    if (step) await region.getByRole('heading', { name: `第 ${n + 2} 个决策` }).waitFor();
  }
  await region.getByRole('heading', { name: /^结局：/ }).waitFor();
  return n;
}

/** Clicks a download button and returns the file's name and text (BOM kept). */
async function download(page: Page, label: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
  const bytes = readFileSync((await file.path())!);
  return { name: file.suggestedFilename(), text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

const rowsOf = async (table: Locator) => (await table.locator('tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
const chaptersTable = (page: Page) => page.getByRole('region', { name: '各章情况' }).locator('table');
const scenariosTable = (page: Page) => page.getByRole('region', { name: '情景案例' }).locator('table');

test('a quiz and a case study done in the interface download in every format, and the transfer file restores them on another device', async () => {
  const { page } = session;
  await page.goto(session.url);
  await page.getByRole('textbox', { name: '姓名' }).fill(NAME);
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByText(`${NAME}，欢迎参加培训`).waitFor();
  await page.getByRole('button', { name: '修改我的信息' }).click();
  await page.getByRole('textbox', { name: '工号（选填）' }).fill(EMPLOYEE);
  await page.getByRole('button', { name: '保存' }).click();
  await waitForStored(page, (s) => Object.values(s.learners).some((l) => l.name === NAME && l.employeeId === EMPLOYEE), 'the learner’s profile to be stored');

  await page.goto(`${session.url}#/chapter/${CHAPTER.id}/${QUIZ_SECTION}`);
  for (const q of QUIZ.questions) await answerRight(page, q);
  await page.getByText(/通过！得分 100%/).waitFor();
  await page.goto(`${session.url}#/chapter/${CHAPTER.id}/${SCENARIO_SECTION}`);
  const decisions = await walkScenario(page);
  await waitForStored(page, (s) => {
    const p = storedProgress(s);
    return !!p?.quizzes[QUIZ.id]?.attempts[0]?.submittedAt && !!p.scenarios[SCENARIO.id]?.latest.outcome;
  }, 'the quiz and the scenario to be stored');

  await page.goto(`${session.url}#/records`);
  await page.getByRole('heading', { name: '下载我的学习记录' }).waitFor();
  const chapterRow = chaptersTable(page).getByRole('row', { name: new RegExp(CHAPTER.title) });
  assert.match(await chapterRow.innerText(), /100% ✓/);

  const files: Record<string, { name: string; text: string }> = {};
  for (const [kind, label] of [
    ['scorm12', 'SCORM 1.2 数据（JSON）'],
    ['scorm2004', 'SCORM 2004 数据（JSON）'],
    ['xapi', 'xAPI 语句（JSON）'],
    ['summary', '汇总表（CSV，用于电子表格）'],
    ['interactions', '答题与决策明细（CSV，用于电子表格）'],
    ['transfer', '迁移文件，用于另一台设备（JSON）'],
  ] as const) {
    files[kind] = await download(page, label);
    assert.match(files[kind].name, new RegExp(`^${course.id}_${NAME}-${EMPLOYEE}_\\d{4}-\\d{2}-\\d{2}_${kind}\\.(json|csv)$`), `the ${kind} file's name`);
  }
  const interactions = QUIZ.questions.length + decisions;

  const scorm12 = JSON.parse(files.scorm12!.text) as { values: Record<string, string> };
  assert.equal(scorm12.values['cmi.core.lesson_status'], 'incomplete');
  const ids12 = Object.entries(scorm12.values).filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k));
  assert.equal(ids12.length, interactions, 'every answer and decision is a SCORM 1.2 interaction');
  for (const [k] of ids12) assert.ok(['correct', 'wrong', 'unanticipated', 'neutral'].includes(scorm12.values[k.replace(/id$/, 'result')]!) || /^\d/.test(scorm12.values[k.replace(/id$/, 'result')]!), `${k}'s result is in 1.2's vocabulary`);
  for (const q of QUIZ.questions) assert.ok(ids12.some(([, v]) => v.includes(q.id)), `SCORM 1.2 holds question ${q.id}`);

  const scorm2004 = JSON.parse(files.scorm2004!.text) as { values: Record<string, string> };
  assert.equal(scorm2004.values['cmi.completion_status'], 'incomplete');
  assert.equal(scorm2004.values['cmi.success_status'], 'unknown');
  assert.equal(Object.keys(scorm2004.values).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k)).length, interactions);
  assert.match(scorm2004.values['cmi.total_time'] ?? scorm2004.values['cmi.session_time'] ?? '', /^P/, 'an ISO 8601 duration');

  const xapi = JSON.parse(files.xapi!.text) as { id: string; actor: { account?: { homePage: string; name: string } }; verb: { id: string }; object: { id: string } }[];
  const verbs = xapi.map((s) => s.verb.id.split('/').pop());
  assert.equal(verbs[0], 'initialized');
  assert.equal(verbs.filter((v) => v === 'answered').length, interactions, 'one answered statement per interaction');
  for (const s of xapi) {
    assert.match(s.id, UUID);
    assert.ok(s.object.id.startsWith(course.records!.activityBase!), `${s.object.id} is under the course's activity base`);
    assert.deepEqual(s.actor.account, { homePage: course.records!.actorHomePage, name: EMPLOYEE });
  }
  assert.deepEqual((JSON.parse((await download(page, 'xAPI 语句（JSON）')).text) as { id: string }[]).map((s) => s.id), xapi.map((s) => s.id), 'downloading again gives the same statement ids');

  assert.ok(files.summary!.text.startsWith('\uFEFF'), 'the summary CSV starts with a BOM');
  assert.ok(files.summary!.text.includes(NAME) && files.summary!.text.includes(EMPLOYEE));
  assert.ok(files.interactions!.text.startsWith('\uFEFF'), 'the interactions CSV starts with a BOM');
  assert.equal(files.interactions!.text.trimEnd().split(/\r\n/).length, 1 + interactions, 'a header and one line per interaction');

  const transfer = JSON.parse(files.transfer!.text) as { type: string; course: { id: string }; digest: { algorithm: string; value: string }; learner: { name: string } };
  assert.equal(transfer.type, 'zhixing-transfer');
  assert.equal(transfer.course.id, course.id);
  assert.match(transfer.digest.value, /^[0-9a-f]{64}$/);
  const shown = { chapters: await rowsOf(chaptersTable(page)), scenarios: await rowsOf(scenariosTable(page)) };

  // another device: a fresh profile imports the file through the records page
  const other = await browser();
  try {
    const p2 = other.page;
    await p2.goto(`${session.url}#/records`);
    await p2.getByRole('heading', { name: '下载我的学习记录' }).waitFor();
    assert.notDeepEqual(await rowsOf(chaptersTable(p2)), shown.chapters, 'the new device starts without the records');
    await p2.getByLabel('迁移文件（.json）').setInputFiles({ name: files.transfer!.name, mimeType: 'application/json', buffer: Buffer.from(files.transfer!.text) });
    await p2.getByRole('status').filter({ hasText: new RegExp(`已导入 ${NAME} 的学习记录（导出于 .+）。当前学员已切换为 ${NAME}。`) }).waitFor();
    const same = JSON.stringify(shown.chapters);
    await until(async () => JSON.stringify(await rowsOf(chaptersTable(p2))) === same, { what: 'the other device to show the same chapters', last: () => same });
    assert.deepEqual(await rowsOf(chaptersTable(p2)), shown.chapters, 'the same chapters on the other device');
    assert.deepEqual(await rowsOf(scenariosTable(p2)), shown.scenarios, 'the same case studies on the other device');
    await waitForStored(p2, (s) => s.learners[s.currentLearnerId ?? '']?.name === NAME && !!storedProgress(s)?.quizzes[QUIZ.id], 'the imported learner to be stored');
    await p2.reload();
    await p2.getByRole('heading', { name: '下载我的学习记录' }).waitFor();
    assert.deepEqual(await rowsOf(chaptersTable(p2)), shown.chapters, 'the imported records survive a reload');
  } finally {
    await other.close();
    removeProfile(other.profile);
  }
});
