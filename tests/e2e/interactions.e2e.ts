/**
 * Keyboard-only use of the real course's interactions: after navigating by URL, every action is a key press
 * (Tab, Shift+Tab, Space, Enter, arrow keys). Answers come from content/chapters/03-risk-identification.mdx.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { describeFocus, hasFocus, pickRadio as pickRadioWith, sessionPerFile, tabTo, waitForFocus } from './harness.ts';

const session = sessionPerFile();

const CHAPTER = '#/chapter/risk-identification';

/** What has the focus, for failure messages. */
async function assertFocused(page: Page, target: Locator, what: string): Promise<void> {
  assert.ok(await hasFocus(target), `${what} has the focus (it is on ${await describeFocus(page)})`);
}

/** The quiz question (a fieldset) whose prompt contains `prompt`. */
const question = (page: Page, prompt: string) => page.getByRole('group').filter({ hasText: prompt });

/** Tabs into a radio group, checks `answer` with Space and the arrow keys, and keeps the focus on it. */
async function pickRadio(page: Page, group: Locator, answer: string): Promise<void> {
  await pickRadioWith(page, group, answer);
  await assertFocused(page, group.getByRole('radio', { name: answer, exact: true }), `the radio 「${answer}」`);
}

/** Tabs to each checkbox to tick and presses Space. */
async function tickBoxes(page: Page, group: Locator, answers: string[]): Promise<void> {
  for (const answer of answers) {
    const box = group.getByRole('checkbox', { name: answer, exact: true });
    await tabTo(page, box);
    await page.keyboard.press('Space');
    assert.ok(await box.isChecked(), `「${answer}」 is ticked`);
  }
}

/** Tabs to a select and moves its selection to `answer` with the arrow keys (the list stays closed). */
async function selectWithArrows(page: Page, select: Locator, answer: string): Promise<void> {
  await tabTo(page, select);
  const options = (await select.locator('option').allTextContents()).map((t) => t.trim());
  const want = options.indexOf(answer);
  assert.ok(want >= 0, `the select offers 「${answer}」`);
  for (let i = 0; i < options.length; i++) {
    const at = await select.evaluate((s: HTMLSelectElement) => s.selectedIndex);
    if (at === want) break;
    await page.keyboard.press(at < want ? 'ArrowDown' : 'ArrowUp');
  }
  assert.equal(await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent), answer);
}

/** Reorders an ordering question with its 上移 buttons, pressed with Enter. */
async function arrange(page: Page, group: Locator, target: string[]): Promise<void> {
  const texts = async () => (await group.locator('.order-text').allTextContents()).map((t) => t.trim());
  for (let i = 0; i < target.length; i++) {
    const item = target[i]!;
    let at = (await texts()).indexOf(item);
    if (at <= i) continue;
    const up = group.getByRole('button', { name: `上移：${item}` });
    await tabTo(page, up);
    for (; at > i; at--) await page.keyboard.press('Enter');
    // the moved item keeps the focus: 上移 when it can still move up, else its 下移
    const stillUp = at > 0;
    await assertFocused(page, group.getByRole('button', { name: `${stillUp ? '上移' : '下移'}：${item}` }), `a move button of 「${item}」`);
  }
  assert.deepEqual(await texts(), target);
}

/** Tabs to the question's submit button, presses Enter and returns the feedback once it appears. */
async function submit(page: Page, group: Locator): Promise<string> {
  const button = group.getByRole('button', { name: '提交答案' });
  await tabTo(page, button);
  await page.keyboard.press('Enter');
  const verdict = group.locator('.feedback .verdict');
  await verdict.waitFor();
  await assertFocused(page, button, 'the submit button just pressed');
  return (await group.locator('.feedback').innerText()).trim();
}

test('with the keyboard only, a learner answers every kind of question in the chapter quiz and passes', async () => {
  const { page } = session;
  await page.goto(session.url + CHAPTER + '/p3-quiz-section');
  await assertFocused(page, page.getByRole('heading', { level: 2, name: '本章测验' }), 'the quiz section heading');

  // match: a select per risk
  const q1 = question(page, '请把每种具体风险与它所属的合规风险类型配对');
  for (const [left, right] of [
    ['刑事责任风险', '法律法规风险'],
    ['资质认证风险', '行业规范风险'],
    ['文化冲突风险', '内部制度风险'],
    ['操作失误风险', '运营与执行风险'],
    ['声誉损害风险', '客户投诉风险'],
  ] as const) {
    await selectWithArrows(page, q1.getByRole('combobox', { name: left }), right);
  }
  const f1 = await submit(page, q1);
  assert.match(f1, /回答正确/);
  assert.match(f1, /得分 2\/2/);
  assert.match(f1, /五类合规风险各有三种典型表现/);

  // single choice: a radio group
  const q2 = question(page, '哪一种强调业务部门的主体责任');
  await pickRadio(page, q2, '合规风险自评');
  assert.match(await submit(page, q2), /回答正确/);

  // true/false
  const q3 = question(page, '内外部审计与监督具有独立性和专业性');
  await pickRadio(page, q3, '正确');
  assert.match(await submit(page, q3), /回答正确/);

  // multiple choice: Space on each correct checkbox
  const q4 = question(page, '评估风险发生可能性时，需要考虑哪些因素');
  await tickBoxes(page, q4, ['历史数据', '当前控制措施', '外部环境变化']);
  assert.match(await submit(page, q4), /回答正确/);

  const q5 = question(page, '可能性为2、影响程度为4');
  await pickRadio(page, q5, '较高');
  assert.match(await submit(page, q5), /回答正确/);

  const q6 = question(page, '风险评估做完一次后');
  await pickRadio(page, q6, '错误');
  assert.match(await submit(page, q6), /回答正确/);

  const q7 = question(page, '下列哪些属于「建立预警机制」');
  await tickBoxes(page, q7, ['构建风险预警指标体系', '设定预警阈值', '与业务系统紧密结合，实现自动化监控']);
  assert.match(await submit(page, q7), /回答正确/);

  // ordering: 上移 buttons pressed with Enter
  const q8 = question(page, '请按PDCA循环的顺序排列');
  await arrange(page, q8, ['计划：根据评估结果确定目标和措施', '执行：落实防范措施', '检查：评估措施的有效性', '处理：固化有效做法，遗留问题转入下一轮循环']);
  assert.match(await submit(page, q8), /回答正确/);

  // the last question: answered wrongly, with Shift+Tab back from the submit button to the radios
  const q9 = question(page, '主管决定「开一次培训会就够了」');
  await tabTo(page, q9.getByRole('button', { name: '提交答案' }));
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Space');
  const wrong = q9.getByRole('radio', { name: '培训是最有效的手段，足够解决问题' });
  for (let i = 0; i < 3 && !(await wrong.isChecked()); i++) await page.keyboard.press('ArrowUp');
  assert.ok(await wrong.isChecked());
  const f9 = await submit(page, q9);
  assert.match(f9, /回答错误/);
  assert.match(f9, /培训只是五项措施之一/);
  assert.match(f9, /风险防范要建立多层次、全方位的体系/);

  // 8 of 9 questions right, 9 of 10 points: passed with 90%
  await page.getByText('通过！得分 90%（及格线 80%）').waitFor();
  assert.match(await page.locator('.quiz-result').innerText(), /还可以再作答 2 次/);
});

test('with the keyboard only, a learner walks the chapter scenario to its good outcome, the focus following each step', async () => {
  const { page } = session;
  await page.goto(session.url + CHAPTER + '/p3-prevention');
  await assertFocused(page, page.getByRole('heading', { level: 2, name: '风险防范措施' }), 'the section heading');
  const scenario = page.getByRole('region', { name: '巡检中发现的「方便做法」' });
  const feedback = scenario.locator('.scenario-feedback');

  const path: [option: RegExp, feedback: RegExp][] = [
    [/^记下发现的时间、涉及人员和具体做法/, /巡检发现的问题要记录下来/],
    [/^可能性3、影响程度4，风险等级为高/, /乘积12，属于高等级/],
    [/^修订操作规范，让证件核实只在业务系统内完成/, /五项措施配合使用/],
    [/^按计划复查措施的效果和预警数据/, /形成PDCA闭环/],
  ];
  for (const [n, [option, said]] of path.entries()) {
    const button = scenario.getByRole('button', { name: option });
    await tabTo(page, button);
    await page.keyboard.press(n % 2 === 0 ? 'Enter' : 'Space');
    await feedback.getByText(said).waitFor();
    if (n < path.length - 1) await assertFocused(page, scenario.getByRole('heading', { name: `第 ${n + 2} 个决策` }), `the heading of decision ${n + 2}`);
  }

  const outcome = scenario.getByRole('heading', { name: /结局：识别、评估、防范、改进形成闭环/ });
  await assertFocused(page, outcome, 'the outcome heading');
  assert.match(await outcome.innerText(), /妥善/);
  assert.match(await scenario.locator('.scenario-score').innerText(), /本次得分 8\/8/);
  assert.match(await scenario.innerText(), /复盘：这项风险最终走完了「识别—评估—防范—改进」的完整闭环/);

  // the summary of the path opens with the keyboard too
  const summary = scenario.locator('summary');
  await tabTo(page, summary);
  await page.keyboard.press('Enter');
  assert.equal(await scenario.locator('details').evaluate((d: HTMLDetailsElement) => d.open), true);
  assert.equal(await scenario.locator('details li').count(), 4);
});

// Continues from the good outcome reached above (same browser profile). Each step is taken as soon as the last
// one shows: a write landing meanwhile must never bring the previous run back.
test('with the keyboard only, a learner restarts the scenario and a poor second run keeps the best score', async () => {
  const { page } = session;
  await page.goto(session.url + CHAPTER + '/p3-prevention');
  const scenario = page.getByRole('region', { name: '巡检中发现的「方便做法」' });
  await scenario.getByRole('heading', { name: /结局：识别、评估、防范、改进形成闭环/ }).waitFor();

  await tabTo(page, scenario.getByRole('button', { name: '重新开始' }));
  await page.keyboard.press('Enter');
  await waitForFocus(page, scenario.getByRole('heading', { name: '第 1 个决策' }), 'the first decision');

  const options = [/^既然大家都这么做/, /^让团队成员先把聊天记录删掉/, /^坚持说自己不知情/];
  const outcome = scenario.getByRole('heading', { name: /结局：风险扩大/ });
  for (const [n, option] of options.entries()) {
    await tabTo(page, scenario.getByRole('button', { name: option }));
    await page.keyboard.press('Enter');
    const last = n === options.length - 1;
    await waitForFocus(page, last ? outcome : scenario.getByRole('heading', { name: `第 ${n + 2} 个决策` }), last ? 'the poor outcome heading' : `the heading of decision ${n + 2}`);
  }
  assert.match(await outcome.innerText(), /欠妥/);
  const score = await scenario.locator('.scenario-score').innerText();
  assert.match(score, /本次得分 0\/8/);
  assert.match(score, /最好成绩 8\/8/);
});
