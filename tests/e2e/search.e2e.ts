/**
 * Search and the glossary on the real course: after one visit, with the server gone and the network off, a search
 * for 神秘顾客 lands on the section that teaches it with the match highlighted; a glossary term in a chapter opens
 * by keyboard at 360 px, stays inside the window and closes with Escape; the search and glossary pages have no
 * axe violation on a phone or a desktop. Screenshots go to /tmp/search-shots/ (or SEARCH_SHOTS).
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { loadCourse } from '../../scripts/content/load-course.ts';
import { browser, describeFocus, hasFocus, removeProfile, ROOT, serve, tabTo, until, type Browser, type Server } from './harness.ts';

const course = loadCourse(ROOT).manifest!;
const SHOTS = process.env.SEARCH_SHOTS ?? '/tmp/search-shots';
mkdirSync(SHOTS, { recursive: true });
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const PHONE = { width: 360, height: 780 };

const servers: Server[] = [];
const browsers: Browser[] = [];
after(async () => {
  for (const b of browsers) {
    await b.close();
    removeProfile(b.profile);
  }
  for (const s of servers) await s.close();
});

async function open(viewport?: { width: number; height: number }): Promise<{ page: Page; server: Server; b: Browser }> {
  const server = await serve();
  servers.push(server);
  const b = await browser(viewport ? { viewport } : {});
  browsers.push(b);
  return { page: b.page, server, b };
}

async function assertNoAxeViolations(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const detail = violations.map((v) => `  ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    at ${n.target.join(' ')}`).join('\n')}`).join('\n');
  assert.equal(violations.length, 0, `axe found ${violations.length} kind(s) of violation on ${what}:\n${detail}`);
}

/** The ranges of the search highlight on the page, as text, with whether the first is inside the window. */
const highlighted = (page: Page) =>
  page.evaluate(() => {
    const h = CSS.highlights.get('zx-search');
    if (!h) return null;
    const ranges = [...h] as Range[];
    const r = ranges[0]?.getBoundingClientRect();
    return {
      texts: ranges.map((x) => x.toString()),
      sections: ranges.map((x) => x.startContainer.parentElement?.closest('section.course-section')?.id),
      inView: !!r && r.top >= 0 && r.bottom <= window.innerHeight,
    };
  });

test('offline, a search for 神秘顾客 lands on the section that teaches it, with the match highlighted', async () => {
  const { page, server, b } = await open();
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1, name: course.title }).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  await server.close();
  await b.context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: course.title }).waitFor();

  // the header's entry point, by keyboard
  const entry = page.getByRole('link', { name: '搜索', exact: true });
  await tabTo(page, entry);
  await page.keyboard.press('Enter');
  const field = page.getByRole('searchbox', { name: '搜索词语或短语' });
  await until(() => hasFocus(field), { what: 'the search field has the focus', last: () => 'elsewhere' });
  await page.keyboard.type('神秘顾客');
  const status = page.getByRole('status').filter({ hasText: /“神秘顾客”找到 \d+ 个小节/ });
  await status.waitFor({ timeout: 15_000 });
  const results = page.getByRole('list', { name: '搜索结果' });
  const first = results.getByRole('link').first();
  assert.match(await first.innerText(), /合规考核与激励 · 考核方法与工具/);
  assert.equal(await results.getByRole('listitem').first().locator('mark').innerText(), '神秘客户');
  await page.screenshot({ path: join(SHOTS, 'search-desktop.png') });

  await tabTo(page, first);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 2, name: '考核方法与工具' }).waitFor();
  assert.match(page.url(), /#\/chapter\/assessment-incentives\/p8-methods\?hl=/);
  const marks = await until(async () => {
    const h = await highlighted(page);
    return h && h.inView ? h : false;
  }, { what: 'the match is highlighted and scrolled into view', timeout: 10_000, last: () => 'no highlight in view' });
  assert.ok(marks.texts.length >= 1 && marks.texts.every((t) => t === '神秘客户'), `highlighted: ${marks.texts.join(', ')}`);
  assert.ok(marks.sections.every((s) => s === 's-p8-methods'), `highlighted in: ${marks.sections.join(', ')}`);
  await page.getByRole('status').filter({ hasText: '已在本节标出“神秘客户”' }).waitFor();
  await page.screenshot({ path: join(SHOTS, 'highlight-desktop.png') });
});

test('a glossary term opens by keyboard at 360 px, stays inside the window, and Escape closes it', async () => {
  const { page, server } = await open(PHONE);
  const chapter = course.chapters.find((c) => c.id === 'risk-identification')!;
  await page.goto(`${server.url}#/chapter/${chapter.id}/p3-assessment`);
  await page.getByRole('heading', { level: 2, name: '风险评估与分级' }).waitFor();
  const trigger = page.locator('#s-p3-assessment').getByRole('button', { name: '风险矩阵', exact: true });
  // the build's links keep the markdown around them: no bold marker shows as text
  assert.ok(!(await page.locator('main').innerText()).includes('**'), 'a "**" shows in the chapter text');
  await tabTo(page, trigger, { max: 400 });
  assert.equal(await trigger.getAttribute('aria-expanded'), 'false');
  await page.keyboard.press('Enter');
  const panel = page.getByRole('group', { name: '“风险矩阵”的定义' });
  await panel.waitFor();
  assert.equal(await trigger.getAttribute('aria-expanded'), 'true');
  assert.match(await panel.innerText(), /把可能性作为一个坐标/);
  const box = (await panel.boundingBox())!;
  assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `the definition spans ${box.x}–${box.x + box.width} px of ${PHONE.width}`);
  await page.screenshot({ path: join(SHOTS, 'term-phone.png') });
  await assertNoAxeViolations(page, 'a chapter with a definition open at 360 px');
  await page.keyboard.press('Tab');
  assert.ok(await hasFocus(panel.getByRole('link', { name: '打开术语表' })), `focus after Tab: ${await describeFocus(page)}`);
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'hidden' });
  assert.ok(await hasFocus(trigger), `focus after Escape: ${await describeFocus(page)}`);
  assert.equal(await trigger.getAttribute('aria-expanded'), 'false');

  // the definition's link opens the term on the glossary page
  await page.keyboard.press('Space');
  await panel.getByRole('link', { name: '打开术语表' }).click();
  const dt = page.locator('#term-risk-matrix');
  await until(() => hasFocus(dt), { what: 'the term on the glossary page has the focus', last: () => 'elsewhere' });
});

for (const [name, viewport] of [['phone', PHONE], ['desktop', { width: 1280, height: 900 }]] as const) {
  test(`the glossary and search pages have no axe violation (${name})`, async () => {
    const { page, server } = await open(viewport);
    await page.goto(`${server.url}#/glossary`);
    await page.getByRole('heading', { level: 1, name: '术语表' }).waitFor();
    assert.ok((await page.locator('.glossary-list dt').count()) >= 20);
    await assertNoAxeViolations(page, `the glossary page (${name})`);
    await page.screenshot({ path: join(SHOTS, `glossary-${name}.png`) });
    await page.goto(`${server.url}#/search?q=${encodeURIComponent('风险矩阵')}`);
    await page.getByRole('list', { name: '搜索结果' }).waitFor({ timeout: 15_000 });
    await assertNoAxeViolations(page, `the search page with results (${name})`);
    await page.screenshot({ path: join(SHOTS, `search-${name}.png`) });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= viewport.width, `the search page is ${width} px wide in a ${viewport.width} px window`);
  });
}
