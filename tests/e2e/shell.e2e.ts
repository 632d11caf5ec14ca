import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sessionPerFile } from './harness.ts';

const session = sessionPerFile();

test('a learner opens the course, reads the introduction by its table of contents, switches language and reloads a deep link', async () => {
  const { page } = session;
  await page.goto(session.url);
  await page.getByRole('heading', { level: 1, name: '规范服务培训' }).waitFor();
  const chapters = page.getByRole('list').filter({ has: page.getByRole('link', { name: /导言/ }) });
  assert.equal(await chapters.getByRole('listitem').count(), 11);

  await page.getByRole('link', { name: /导言/ }).first().click();
  await page.getByRole('heading', { level: 1, name: '导言' }).waitFor();
  assert.match(page.url(), /#\/chapter\/intro$/);

  const toc = page.getByRole('navigation', { name: '本章目录' });
  const second = toc.getByRole('link').nth(1);
  const title = (await second.innerText()).trim();
  await second.click();
  const heading = page.getByRole('heading', { level: 2, name: title });
  await heading.waitFor();
  assert.ok(await heading.evaluate((h) => h === document.activeElement), 'the section heading has focus');
  assert.match(page.url(), /#\/chapter\/intro\/[a-z0-9-]+$/);

  await page.getByRole('button', { name: '切换为英文界面' }).click();
  await page.getByRole('navigation', { name: 'In this chapter' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.getByRole('button', { name: 'Switch the interface to Chinese' }).click();
  await page.getByRole('navigation', { name: '本章目录' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');

  await page.reload();
  await page.getByRole('heading', { level: 1, name: '导言' }).waitFor();
  await page.getByRole('heading', { level: 2, name: title }).waitFor();
});

test('an unknown address shows the not-found page with a way home', async () => {
  const { page } = session;
  await page.goto(session.url + '#/no/such/page');
  await page.getByRole('heading', { level: 1, name: '页面不存在' }).waitFor();
  await page.getByRole('link', { name: '返回课程首页' }).click();
  await page.getByRole('heading', { level: 1, name: '规范服务培训' }).waitFor();
});
