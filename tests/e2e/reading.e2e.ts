/**
 * Reading a long chapter on a phone: a reload lands where the learner was, and the outline with the chapter's
 * progress stays one tap away at the top of the screen.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browser, until, serve, type Server } from './harness.ts';

let server: Server;
before(async () => {
  server = await serve();
});
after(async () => {
  await server.close();
});

const PHONE = { width: 360, height: 740 };

async function chapterReady(page: Page): Promise<void> {
  await page.locator('#h-p3-prevention').waitFor();
  await page.locator('.chapter-nav').waitFor();
}

/** How far the window is below a section heading's top. */
const pastHeading = (page: Page, id: string) => page.evaluate((h) => Math.round(-document.getElementById(h)!.getBoundingClientRect().top), id);

test('a reload in the middle of a long chapter lands at the same place in the text', async () => {
  const b = await browser({ viewport: PHONE });
  try {
    const { page } = b;
    await page.goto(server.url + '#/chapter/risk-identification');
    await chapterReady(page);
    // into the fourth section, 300 px past its heading
    await page.evaluate(() => window.scrollTo({ top: window.scrollY + document.getElementById('h-p3-assessment')!.getBoundingClientRect().top + 300, behavior: 'instant' }));
    const before = await pastHeading(page, 'h-p3-assessment');
    await until(async () => (await page.evaluate(() => sessionStorage.getItem('zhixing:reading-place')))?.includes('p3-assessment'), { what: 'the reading place to be kept' });
    await page.reload();
    await chapterReady(page);
    const after = await until(async () => {
      const px = await pastHeading(page, 'h-p3-assessment');
      return Math.abs(px - before) <= 2 ? px : undefined;
    }, { what: `the window ${before} px past the heading again`, last: () => 'still elsewhere' });
    assert.ok(Math.abs(after - before) <= 2);
    assert.ok(before > 200, 'the test scrolled into the section');
  } finally {
    await b.close();
  }
});

test('on a phone the outline stays at the top with the chapter’s progress, and opens and closes with a tap', async () => {
  const b = await browser({ viewport: PHONE });
  try {
    const { page } = b;
    await page.goto(server.url + '#/chapter/risk-identification');
    await chapterReady(page);
    await page.evaluate(() => window.scrollTo({ top: document.body.scrollHeight / 2, behavior: 'instant' }));
    const nav = page.getByRole('navigation', { name: '本章目录' });
    const box = await nav.boundingBox();
    assert.ok(box && Math.abs(box.y) <= 1 && box.height < 120, `the outline bar sits at the top of the screen, small: ${JSON.stringify(box)}`);
    assert.match(await nav.innerText(), /已读 \d+\/6 节/);
    const list = nav.getByRole('list');
    assert.equal(await list.isVisible(), false);
    const toggle = nav.getByRole('button', { name: '展开目录' });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await toggle.tap().catch(() => toggle.click()); // a touch where the context has touch, a click otherwise
    await list.waitFor();
    assert.equal(await nav.getByRole('button', { name: '收起目录' }).getAttribute('aria-expanded'), 'true');
    await nav.getByRole('link', { name: '风险防范措施' }).click();
    await page.waitForURL(/#\/chapter\/risk-identification\/p3-prevention$/);
    await list.waitFor({ state: 'hidden' });
    // the section heading is below the bar, not under it
    const heading = await page.locator('#h-p3-prevention').boundingBox();
    const bar = await nav.boundingBox();
    assert.ok(heading && bar && heading.y >= bar.y + bar.height - 1, `the heading (${heading?.y}) is below the outline bar (${bar && bar.y + bar.height})`);
  } finally {
    await b.close();
  }
});
