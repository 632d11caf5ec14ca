/**
 * The visual blocks on the real course, in a phone (360 px) and a desktop (1280 px) window: tabs, accordion, steps
 * and flashcards operated by keyboard only; every diagram drawn in the drawing that fits the width, inside the
 * window, with its text alternative; axe-core finds no violation in any block. Each diagram is photographed into
 * /tmp/blocks-shots/ (or BLOCKS_SHOTS) for a person to look at. Printed, every panel, step and card back is shown.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { loadCourse } from '../../scripts/content/load-course.ts';
import { browser, describeFocus, hasFocus, removeProfile, ROOT, serve, tabTo, type Browser, type Server } from './harness.ts';

const course = loadCourse(ROOT).manifest!;
const chapterOfPart = (part: number) => course.chapters.find((c) => c.part === part)!;
const SHOTS = process.env.BLOCKS_SHOTS ?? '/tmp/blocks-shots';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const BLOCKS = ['.blocks-tabs', '.blocks-accordion', '.blocks-steps', '.blocks-cards', '.blocks-diagram'];
const WINDOWS = [
  { name: 'phone', width: 360, height: 780 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;

let server: Server;
before(async () => {
  server = await serve();
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await server.close();
});

async function openChapter(page: Page, part: number): Promise<void> {
  const chapter = chapterOfPart(part);
  await page.goto('about:blank');
  await page.goto(`${server.url}#/chapter/${chapter.id}`);
  await page.getByRole('heading', { level: 1, name: chapter.title, exact: true }).waitFor();
  await page.locator(`#h-${chapter.sections.at(-1)!.id}`).waitFor();
  // the sticky top bar would cover the upper part of the photographs
  await page.addStyleTag({ content: '.topbar { position: static !important; }' });
}

/** Puts the focus on a section's heading (a -1 tab stop), so Tab starts from there and not from the page top. */
async function focusSection(page: Page, sectionId: string): Promise<void> {
  await page.locator(`#h-${sectionId}`).focus();
}

async function press(page: Page, key: string, expected: Locator, what: string): Promise<void> {
  await page.keyboard.press(key);
  assert.ok(await hasFocus(expected), `after ${key}, ${what} has the focus; it is on ${await describeFocus(page)}`);
}

async function assertNoAxeViolations(page: Page, what: string): Promise<void> {
  const present: string[] = [];
  for (const s of BLOCKS) if (await page.locator(s).count()) present.push(s);
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  for (const s of present) builder = builder.include(s);
  const { violations } = await builder.analyze();
  const text = violations.map((v) => `${v.id}: ${v.help}\n    ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join('\n    ')}`).join('\n  ');
  assert.equal(violations.length, 0, `axe found violations in the blocks of ${what}:\n  ${text}`);
}

/** Printed, every tab panel, accordion panel, step and card back of the open chapter is shown, the tab list is not. */
async function assertPrintedExpanded(page: Page, what: string): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  try {
    const hidden = await page.evaluate(() =>
      [...document.querySelectorAll('.blocks-tabpanel, .blocks-accordion-panel, .blocks-step, .blocks-card-back, .blocks-print-title')]
        .filter((el) => getComputedStyle(el).display === 'none')
        .map((el) => el.className),
    );
    assert.deepEqual(hidden, [], `printed, ${what} shows every panel, step and card back`);
    assert.equal(await page.locator('.blocks-tablist').first().isVisible().catch(() => false), false, `printed, ${what} has no tab list`);
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
}

/** Every diagram of the open chapter: the drawing for this width is the one shown, it fits the window, and its text alternative lists the nodes. */
async function checkDiagrams(page: Page, part: number, windowName: string, width: number): Promise<number> {
  const figures = page.locator('figure.blocks-diagram');
  const n = await figures.count();
  for (let i = 0; i < n; i++) {
    const figure = figures.nth(i);
    await figure.scrollIntoViewIfNeeded();
    const facts = await figure.evaluate((el) => {
      const shown = [...el.querySelectorAll('svg')].filter((s) => getComputedStyle(s).display !== 'none');
      const r = el.getBoundingClientRect();
      const svg = shown[0]?.getBoundingClientRect();
      const labels = shown[0] ? [...shown[0].querySelectorAll('text')].map((t) => t.getBoundingClientRect()) : [];
      return {
        shown: shown.map((s) => s.getAttribute('class')),
        left: r.left,
        right: r.right,
        svgRight: svg?.right ?? 0,
        outside: labels.filter((b) => b.left < r.left - 0.5 || b.right > r.right + 0.5).length,
        items: el.querySelectorAll('li').length,
        nodes: shown[0]?.querySelectorAll('g:not(.blocks-fill-center)').length ?? 0,
        vw: document.documentElement.clientWidth,
        fontSize: shown[0]?.querySelector('text') ? parseFloat(getComputedStyle(shown[0].querySelector('text')!).fontSize) * (svg!.width / shown[0].viewBox.baseVal.width) : 0,
      };
    });
    const what = `diagram ${i + 1} of part ${part} at ${width} px`;
    assert.equal(facts.shown.length, 1, `${what}: one drawing is shown, got ${facts.shown.join(', ')}`);
    assert.match(facts.shown[0]!, width < 600 ? /blocks-diagram-narrow/ : /blocks-diagram-wide/, what);
    assert.ok(facts.left >= 0 && facts.right <= facts.vw + 0.5, `${what} sits inside the window (${facts.left}…${facts.right} of ${facts.vw})`);
    assert.equal(facts.outside, 0, `${what}: every text of the drawing is inside the figure`);
    assert.equal(facts.items, facts.nodes, `${what}: the text alternative lists every node`);
    assert.ok(facts.fontSize >= 12, `${what}: the drawing's text is at least 12 px on screen, got ${facts.fontSize.toFixed(1)}`);
    await figure.screenshot({ path: join(SHOTS, `part${part}-diagram${i + 1}-${windowName}-${width}.png`) });
  }
  return n;
}

for (const win of WINDOWS) {
  test(`at ${win.width} px: tabs, accordion, steps and flashcards work by keyboard, diagrams fit and axe finds nothing`, async () => {
    let b: Browser | undefined;
    try {
      b = await browser({ viewport: { width: win.width, height: win.height } });
      const { page } = b;

      // Tabs (part 1, the four trends): roving tabindex, arrows wrap, Home/End, Tab goes to the panel
      await openChapter(page, 1);
      await focusSection(page, 'p1-trends');
      const tablist = page.getByRole('tablist', { name: '国内外合规管理的四大趋势' });
      const tabs = tablist.getByRole('tab');
      await tabTo(page, tabs.nth(0));
      await press(page, 'ArrowRight', tabs.nth(1), 'the second tab');
      assert.equal(await tabs.nth(1).getAttribute('aria-selected'), 'true');
      await page.getByRole('tabpanel', { name: '合规科技应用增加' }).waitFor();
      await press(page, 'ArrowLeft', tabs.nth(0), 'the first tab');
      await press(page, 'ArrowLeft', tabs.nth(3), 'the last tab (wrapping)');
      await press(page, 'Home', tabs.nth(0), 'the first tab');
      await press(page, 'End', tabs.nth(3), 'the last tab');
      await press(page, 'Tab', page.getByRole('tabpanel', { name: '数据合规要求提高' }), 'the selected panel');

      // Accordion (part 1, the five elements): Enter opens, Space closes
      await focusSection(page, 'p1-system');
      const culture = page.getByRole('button', { name: '1. 合规文化建设——根基' });
      await tabTo(page, culture);
      assert.equal(await culture.getAttribute('aria-expanded'), 'false');
      await page.keyboard.press('Enter');
      const panel = page.getByRole('region', { name: '1. 合规文化建设——根基' });
      await panel.waitFor();
      assert.match(await panel.innerText(), /整个体系的根基/);
      assert.equal(await culture.getAttribute('aria-expanded'), 'true');
      await page.keyboard.press('Space');
      await page.getByRole('region', { name: '1. 合规文化建设——根基' }).waitFor({ state: 'detached' });
      await assertNoAxeViolations(page, 'part 1');
      await assertPrintedExpanded(page, 'part 1');
      assert.equal(await checkDiagrams(page, 1, win.name, win.width), 1);

      // Steps (part 7, the complaint stages): next by keyboard, position announced, then all at once
      await openChapter(page, 7);
      await focusSection(page, 'p7-complaints');
      const steps = page.locator('.blocks-steps').filter({ has: page.getByText('四个阶段逐一看') });
      const next = steps.getByRole('button', { name: '下一步' });
      await tabTo(page, next);
      await page.keyboard.press('Enter');
      await steps.locator('[aria-live="polite"]').filter({ hasText: '第 2 步，共 4 步问题分析与判断' }).waitFor();
      assert.ok(await hasFocus(next), 'the focus stays on 下一步');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await steps.getByText('第 4 步，共 4 步').waitFor();
      await page.waitForFunction(() => document.activeElement?.classList.contains('blocks-step-title'));
      assert.match(await page.evaluate(() => document.activeElement?.textContent ?? ''), /客户满意度提升/, 'at the last step the focus goes to the step shown');
      const all = steps.getByRole('button', { name: '显示全部步骤' });
      await tabTo(page, all);
      await page.keyboard.press('Space');
      assert.equal(await steps.locator('.blocks-steps-list > li:visible').count(), 4, 'every step is shown');
      await assertNoAxeViolations(page, 'part 7');
      await assertPrintedExpanded(page, 'part 7');
      assert.equal(await checkDiagrams(page, 7, win.name, win.width), 1);

      // Flashcards (part 6, four industries): Enter turns over and the live region reads the back, Space turns back
      await openChapter(page, 6);
      await focusSection(page, 'p6-overview');
      const card = page.getByRole('button', { name: /^金融行业/ });
      await tabTo(page, card);
      await page.keyboard.press('Enter');
      assert.equal(await card.getAttribute('aria-expanded'), 'true');
      await page.locator('.blocks-cards [aria-live="polite"]').filter({ hasText: '「金融行业」已翻到背面：重点是客户资金安全和信息保护' }).waitFor();
      await page.getByText('重点是客户资金安全和信息保护', { exact: true }).waitFor();
      await assertNoAxeViolations(page, 'part 6 with a card turned');
      await page.keyboard.press('Space');
      assert.equal(await card.getAttribute('aria-expanded'), 'false');
      await assertPrintedExpanded(page, 'part 6');

      // every other part: its blocks pass axe, its diagrams fit
      const diagrams: Record<number, number> = { 2: 1, 3: 2, 4: 1, 5: 0, 8: 0, 9: 1 };
      for (const [part, count] of Object.entries(diagrams)) {
        await openChapter(page, Number(part));
        await assertNoAxeViolations(page, `part ${part}`);
        assert.equal(await checkDiagrams(page, Number(part), win.name, win.width), count, `part ${part} has ${count} diagram(s)`);
      }
    } finally {
      if (b) {
        await b.close();
        removeProfile(b.profile);
      }
    }
  });
}
