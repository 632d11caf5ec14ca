/**
 * A course that works on a phone and a desktop: tables whose cells never squeeze a word, quiz boxes that enclose
 * their questions, a risk matrix completed by tapping (phone) and by keyboard (desktop), an action plan item edited
 * and a removal undone, and a PIN that guards switching to a learner.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { loadCourse } from '../../scripts/content/load-course.ts';
import { browser, ROOT, serve, waitForStored, type Server } from './harness.ts';
import { coursework, seedProgress } from './seed-progress.ts';

const { manifest } = loadCourse(ROOT);
const course = manifest!;
let server: Server;
before(async () => {
  server = await serve();
});
after(async () => {
  await server.close();
});

const PHONE = { width: 360, height: 760 };
const DESKTOP = { width: 1280, height: 900 };

async function axeClean(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  assert.equal(violations.length, 0, `${what}: ${violations.map((v) => `${v.id} ${v.nodes[0]?.target}`).join('; ')}`);
}

/** Cells narrower than the longest word (Intl.Segmenter's words: 学习中, Completed, 2027-03-31) they hold. */
const squeezedCells = (page: Page) =>
  page.evaluate(() => {
    const seg = new Intl.Segmenter(document.documentElement.lang, { granularity: 'word' });
    const out: string[] = [];
    const probe = document.createElement('span');
    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
    document.body.append(probe);
    for (const cell of document.querySelectorAll<HTMLElement>('main table td, main table th')) {
      const text = cell.innerText.trim();
      // a phone's stacked table keeps its header row for screen readers only, one pixel wide
      const head = cell.closest('thead');
      if (!text || (head && head.getBoundingClientRect().width <= 1)) continue;
      const style = getComputedStyle(cell);
      probe.style.font = style.font;
      const words = [...seg.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
      const widest = Math.max(0, ...words.map((w) => ((probe.textContent = w), probe.getBoundingClientRect().width)));
      const inner = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (inner + 1 < widest) out.push(`「${text.slice(0, 20)}」 ${Math.round(inner)} < ${Math.round(widest)} px`);
    }
    probe.remove();
    return out;
  });

test('at 360 px and 1280 px no record or learner table squeezes a word, in Chinese and in English', async () => {
  for (const viewport of [PHONE, DESKTOP]) {
    const b = await browser({ viewport });
    try {
      const { page } = b;
      await seedProgress(page, server.url, coursework(course, Date.UTC(2026, 10, 1)), { name: '张小明', employeeId: 'E1024', department: '零售业务部' });
      for (const lang of ['zh-CN', 'en']) {
        if (lang === 'en') await page.evaluate(() => localStorage.setItem('zhixing:locale', 'en'));
        await page.goto(server.url + '#/records');
        await page.locator('main.records table').first().waitFor();
        await page.locator('main.records td').first().waitFor();
        assert.deepEqual(await squeezedCells(page), [], `the records page at ${viewport.width} px [${lang}]`);
        await page.goto(server.url + '#/');
        await page.locator('.learners-table td').first().waitFor();
        assert.deepEqual(await squeezedCells(page), [], `the learner panel at ${viewport.width} px [${lang}]`);
      }
    } finally {
      await b.close();
    }
  }
});

test('on a phone a quiz box encloses its question, whose kind it names', async () => {
  const b = await browser({ viewport: PHONE });
  try {
    const { page } = b;
    await page.goto(server.url + '#/chapter/intro/intro-quiz-section');
    const group = page.locator('fieldset.question').first();
    await group.waitFor();
    const box = (await group.boundingBox())!;
    const legend = (await group.locator('legend').boundingBox())!;
    assert.ok(legend.y >= box.y + 1 && legend.y + legend.height <= box.y + box.height, `the question (${legend.y}) sits inside its box (${box.y})`);
    assert.match(await group.locator('legend').innerText(), /单选题|多选题|判断题|排序题|配对题/);
  } finally {
    await b.close();
  }
});

test('the risk matrix is completed by tapping on a phone and by keyboard on a desktop', async () => {
  const matrix = course.chapters.flatMap((c) => c.matrices)[0]!;
  const chapter = course.chapters.find((c) => c.matrices.some((m) => m.id === matrix.id))!;
  for (const [viewport, how] of [[PHONE, 'tap'], [DESKTOP, 'keyboard']] as const) {
    const b = await browser({ viewport });
    try {
      const { page } = b;
      await page.goto(`${server.url}#/chapter/${chapter.id}`);
      const m = page.locator('.risk-matrix');
      await m.waitFor();
      const letters = matrix.riskIds.map((_, i) => String.fromCharCode(65 + i));
      for (const letter of letters) {
        if (how === 'tap') {
          await m.getByRole('button', { name: `在矩阵中放置 ${letter}` }).click();
          await m.locator('.risk-item').filter({ has: page.getByRole('button', { name: `在矩阵中放置 ${letter}` }) }).getByRole('button', { name: /：放置风险 .，可能性 2（/ }).first().click();
        } else {
          // the matrix beside the list places the next unplaced risk: focus a cell, Enter
          const cell = m.locator('.matrix-side').getByRole('button', { name: new RegExp(`：放置风险 ${letter}，可能性 3（`) }).first();
          await cell.focus();
          await page.keyboard.press('Enter');
        }
        await m.getByText(new RegExp(`风险 ${letter} 已放在`)).waitFor();
      }
      await m.getByText(`已评估 ${letters.length}/${letters.length} 项`).waitFor();
      await waitForStored(page, (s) => Object.keys(Object.values(s.progress)[0]?.matrices[matrix.id] ?? {}).length === letters.length, 'every placement stored');
      // the reference answer shows now, and 查看结果 is gone
      assert.equal(await page.getByRole('button', { name: '查看结果' }).count(), 0);
      assert.equal(await page.getByText('先完成上面的练习').count(), 0);
      await axeClean(page, `the completed matrix (${how})`);
    } finally {
      await b.close();
    }
  }
});

test('on a phone an action plan item is edited in place and an accidental removal undone', async () => {
  const b = await browser({ viewport: PHONE });
  try {
    const { page } = b;
    const summary = course.chapters.find((c) => c.plans.length > 0)!;
    await page.goto(`${server.url}#/chapter/${summary.id}`);
    const plan = page.getByRole('region', { name: summary.plans[0]!.title });
    await plan.waitFor();
    const add = plan.getByRole('form', { name: '添加行动项' });
    await add.getByLabel('行动内容').fill('每周复盘一次客户信息的保管情况');
    await add.getByLabel('完成时间').fill(`${new Date().getFullYear() + 1}-03-31`);
    await add.getByRole('button', { name: '添加到计划' }).click();
    await plan.getByRole('button', { name: '修改：每周复盘一次客户信息的保管情况' }).click();
    const edit = plan.getByRole('form', { name: /^修改行动项/ });
    await edit.getByLabel('行动内容').fill('每周复盘一次客户信息的保管情况，当天上报');
    await edit.getByRole('button', { name: '保存修改' }).click();
    await plan.getByText('每周复盘一次客户信息的保管情况，当天上报').waitFor();
    await plan.getByRole('button', { name: /^删除：/ }).click();
    await plan.getByRole('button', { name: '撤销删除' }).click();
    await plan.getByText('每周复盘一次客户信息的保管情况，当天上报').waitFor();
    await waitForStored(page, (s) => (Object.values(Object.values(s.progress)[0]?.plans ?? {})[0] ?? []).filter((i) => !i.deleted).length === 1, 'the restored item stored');
    await axeClean(page, 'the action plan after an undo');
  } finally {
    await b.close();
  }
});

test('a PIN guards switching to a learner on a shared device', async () => {
  const b = await browser({ viewport: PHONE });
  try {
    const { page } = b;
    await page.goto(server.url);
    await page.getByRole('textbox', { name: '姓名' }).fill('李明');
    await page.getByRole('button', { name: '保存' }).click();
    const panel = page.getByRole('region', { name: '学员' });
    await panel.getByRole('button', { name: '设置 PIN' }).click();
    await panel.getByLabel('新 PIN（4–6 位数字）').fill('2580');
    await panel.getByLabel('再输入一次新 PIN').fill('2580');
    await panel.getByRole('button', { name: '保存 PIN' }).click();
    await panel.getByText('已设置 PIN。').waitFor();
    await panel.getByRole('button', { name: '添加新学员' }).click();
    await panel.getByLabel('姓名（必填）').fill('王芳');
    await panel.getByRole('button', { name: '添加新学员' }).click();
    await panel.getByText('当前学员：王芳').waitFor();
    await panel.getByRole('button', { name: '切换到 李明' }).click();
    await panel.getByLabel('输入“李明”的 PIN').fill('1111');
    await panel.getByRole('button', { name: '切换', exact: true }).click();
    await panel.getByText('PIN 不正确。').waitFor();
    await panel.getByText('当前学员：王芳').waitFor();
    await axeClean(page, 'the PIN prompt with an error');
    await panel.getByLabel('输入“李明”的 PIN').fill('2580');
    await panel.getByRole('button', { name: '切换', exact: true }).click();
    await panel.getByText('当前学员：李明').waitFor();
  } finally {
    await b.close();
  }
});
