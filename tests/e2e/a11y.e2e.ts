import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { loadCourse } from '../../scripts/content/load-course.ts';
import { browser, removeProfile, ROOT, serve, type Browser, type Server } from './harness.ts';

const course = loadCourse(ROOT).manifest!;
let server: Server;
let b: Browser;
before(async () => {
  server = await serve();
  b = await browser();
});
after(async () => {
  await b.close();
  removeProfile(b.profile);
  await server.close();
});

async function scan(page: Page, what: string) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  for (const v of r.violations) console.log(what, v.id, v.impact, v.help, v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' :: ' + n.failureSummary?.replace(/\n/g, ' ')).join('\n   '));
}

test('scan', async () => {
  const { page } = b;
  for (const lang of ['zh', 'en']) {
    await page.goto(server.url);
    await page.locator('#learner-heading').waitFor();
    if (lang === 'en') { await page.getByRole('button', { name: '切换为英文界面' }).click(); await page.getByRole('button', { name: 'Switch the interface to Chinese' }).waitFor(); }
    await scan(page, lang + ' home');
    for (const c of course.chapters) {
      await page.goto(server.url + '#/chapter/' + c.id);
      await page.locator('#h-' + c.sections[0]!.id).waitFor();
      await scan(page, lang + ' ' + c.id);
    }
    await page.goto(server.url + '#/no/such');
    await page.locator('h1').waitFor();
    await scan(page, lang + ' 404');
  }
});
