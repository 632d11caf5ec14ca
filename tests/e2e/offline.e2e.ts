import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { loadCourse } from '../../scripts/content/load-course.ts';
import { browser, buildVariant, DIST, freePort, removeProfile, ROOT, serve, storedAnswered, waitForStored, type Server } from './harness.ts';

const course = loadCourse(ROOT).manifest!;
const servers: Server[] = [];
after(async () => {
  for (const s of servers) await s.close();
});

/** Waits for the service worker to have precached everything and to control the page. */
async function untilControlled(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
}

async function answerFirstRadioQuestion(page: Page): Promise<string> {
  const q = page.getByRole('group').filter({ has: page.getByRole('radio') }).first();
  const prompt = (await q.locator('.question-prompt').innerText()).trim();
  await q.getByRole('radio').first().check();
  await q.getByRole('button', { name: '提交答案' }).click();
  await q.locator('.verdict').waitFor();
  return prompt;
}

/** Serves the build, visits it in a fresh browser until the service worker controls the page, then runs `visit`. */
async function afterFirstVisit(visit: (s: { page: Page; context: BrowserContext; server: Server }) => Promise<void>): Promise<void> {
  const server = await serve();
  servers.push(server);
  const b = await browser();
  try {
    await b.page.goto(server.url);
    await b.page.getByRole('heading', { level: 1, name: course.title }).waitFor();
    await untilControlled(b.page);
    await visit({ page: b.page, context: b.context, server });
  } finally {
    await b.close();
    removeProfile(b.profile);
  }
}

test('after one visit, every chapter opens and works with the server gone and no network', () =>
  afterFirstVisit(async ({ page, context, server }) => {
    await server.close();
    await context.setOffline(true);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: course.title }).waitFor();
    await page.getByText('离线', { exact: true }).waitFor();
    // every chapter the build produced, each loaded from a fresh navigation (not only those seen online)
    for (const chapter of course.chapters) {
      await page.goto(`${server.url}#/chapter/${chapter.id}`);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: chapter.title }).waitFor();
      const first = chapter.sections[0]!;
      await page.getByRole('heading', { level: 2, name: first.title }).waitFor();
    }
    // answering offline is saved, and still there after a reload, still offline
    await page.goto(`${server.url}#/chapter/intro/intro-quiz-section`);
    const prompt = await answerFirstRadioQuestion(page);
    await page.reload();
    await page.getByRole('group').filter({ hasText: prompt }).locator('.verdict').waitFor();
  }));

test('a new course version is offered, and accepting it reloads into it with progress intact', async () => {
  const port = await freePort();
  const builtB = buildVariant((dir) => {
    const file = join(dir, 'content/course.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^version: .*$/m, 'version: 9.9.9'));
  });
  let server = await serve({ port });
  servers.push(server);
  const b = await browser();
  try {
    const { page } = b;
    await page.goto(`${server.url}#/chapter/intro/intro-quiz-section`);
    await untilControlled(page);
    const prompt = await answerFirstRadioQuestion(page);
    await waitForStored(page, (s) => storedAnswered(s, 'intro-quiz').length > 0, 'the answer to be stored');

    await server.close();
    server = await serve({ port, outDir: builtB });
    servers.push(server);
    await page.goto(`${server.url}#/settings`); // the course version is shown with what the device keeps
    await page.reload();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor({ timeout: 20_000 });
    assert.match(await dialog.innerText(), /新版本/);
    assert.match(await page.locator('.storage-status').innerText(), /课程版本 1\.0\.0/);
    await Promise.all([page.waitForEvent('load'), dialog.getByRole('button', { name: '立即更新' }).click()]);
    await page.locator('.storage-status').getByText('课程版本 9.9.9').waitFor();
    await page.goto(`${server.url}#/chapter/intro/intro-quiz-section`);
    await page.getByRole('group').filter({ hasText: prompt }).locator('.verdict').waitFor();
  } finally {
    await b.close();
    removeProfile(b.profile);
  }
});

test('the built web app manifest makes the course installable: names, icons, colours, standalone, relative start and scope', () => {
  const dist = DIST;
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.webmanifest'), 'utf8')) as Record<string, unknown> & {
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  assert.equal(manifest.lang, 'zh-CN');
  assert.match(String(manifest.name), /规范服务培训/);
  assert.equal(manifest.short_name, '知行');
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  assert.match(String(manifest.theme_color), /^#[0-9a-f]{6}$/i);
  assert.match(String(manifest.background_color), /^#[0-9a-f]{6}$/i);
  for (const size of [192, 512]) {
    const icon = manifest.icons.find((i) => i.sizes === `${size}x${size}` && (i.purpose ?? 'any').includes('any'));
    assert.ok(icon, `a ${size}px icon`);
    const png = readFileSync(join(dist, icon.src));
    // PNG IHDR: width and height are big-endian at bytes 16 and 20
    assert.equal(png.readUInt32BE(16), size);
    assert.equal(png.readUInt32BE(20), size);
  }
  assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'), 'a maskable icon');
  assert.match(readFileSync(join(dist, 'index.html'), 'utf8'), /<link rel="manifest" href="\.\/manifest\.webmanifest">/);
});

test('Chromium finds nothing in the way of installing the course', () =>
  afterFirstVisit(async ({ page, context }) => {
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    assert.deepEqual(installabilityErrors.map((e) => e.errorId), []);
    const manifest = (await cdp.send('Page.getAppManifest')) as { errors: { message: string }[] };
    assert.deepEqual(manifest.errors.map((e) => e.message), []);
  }));

/** Counts every call of navigator.serviceWorker.register, even one that fails. Page-side source (see harness.ts). */
const COUNT_REGISTRATIONS = `(() => {
  const register = ServiceWorkerContainer.prototype.register;
  window.zxRegisterCalls = 0;
  ServiceWorkerContainer.prototype.register = function (...args) { window.zxRegisterCalls++; return register.apply(this, args); };
})()`;

test('inside an LMS launch no service worker is registered: the LMS serves the files', async () => {
  const server = await serve();
  servers.push(server);
  const b = await browser();
  try {
    const { page } = b;
    await b.context.addInitScript({ content: COUNT_REGISTRATIONS });
    const workboxRequests: string[] = [];
    page.on('request', (r) => void (/workbox-window/.test(r.url()) && workboxRequests.push(r.url())));
    const registerCalls = () => page.evaluate('window.zxRegisterCalls') as Promise<number>;

    // src/pwa/register.ts decides before its first await, in the entry module that renders the heading: once the
    // heading is there and the page has loaded, the only way left to a registration is the service-worker
    // client's chunk, which an LMS launch never asks for
    await page.goto(`${server.url}?lms#/`);
    await page.getByRole('heading', { level: 1, name: course.title }).waitFor();
    await page.waitForLoadState('load');
    assert.deepEqual(workboxRequests, [], 'the service-worker client is never loaded');
    assert.equal(await registerCalls(), 0);
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);

    // the same build outside an LMS: the same watch sees the client load and register
    await page.goto(server.url);
    await page.waitForFunction('window.zxRegisterCalls > 0');
    assert.ok(workboxRequests.length > 0, 'outside an LMS the service-worker client is loaded');
  } finally {
    await b.close();
    removeProfile(b.profile);
  }
});
