/**
 * The course inside an LMS: each built package (SCORM 1.2 and SCORM 2004, unzipped as an LMS would) is launched
 * from a test LMS page whose API is scorm-again's, once in an iframe and once in a window of its own. The learner
 * reads a chapter, answers its quiz, passes the final assessment and leaves; the LMS's data model then holds the
 * status, score, session time, interactions and (1.2) suspend data within 4096 characters. A relaunch on a fresh
 * device with that data resumes at the same place with the same answers. An LMS whose commit fails shows the
 * banner, is retried, and loses nothing.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { after, before, test } from 'node:test';
import { unzipSync } from 'fflate';
import { chromium, type Browser, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import { loadCourse } from '../../scripts/content/load-course.ts';
import { packageCourse } from '../../scripts/package/index.ts';
import type { Question } from '../../src/domain/course.ts';
import type { LearnerProgress } from '../../src/domain/progress.ts';
import { encodeSuspendData, suspendCourse } from '../../src/domain/suspend-data.ts';
import { CHROMIUM, CHROMIUM_ARGS, freePort, ROOT, until, waitForStored } from './harness.ts';
import { coursework } from './seed-progress.ts';

const loaded = loadCourse(ROOT);
const course = loaded.manifest!;
const bank = loaded.bank;
const codec = suspendCourse(course, { chapters: loaded.interactive, bank });
/** the chapter the learner reads and answers in the LMS; the others were done in an earlier session */
const CHAPTER = course.chapters[0]!;
const QUIZ = loaded.interactive[CHAPTER.id]!.quizzes[0]!;
const STUDENT = { id: 'E2048', lms12: 'Wang, Fang', shown: 'Fang Wang' };
const LEARNER_KEY = `lms:${STUDENT.id}`;

type Version = '1.2' | '2004';
type Root = Page | FrameLocator;
type Cmi = Record<string, string>;

const LAUNCH: Record<Version, string> = { '1.2': '/pkg12/index.html?lms=scorm12', '2004': '/pkg2004/index.html?lms=scorm2004' };

let server: Server;
let url = '';
/** one browser for the file; each launch gets a context of its own, a fresh device */
let chrome: Browser;
const opened: BrowserContext[] = [];

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json', '.woff2': 'font/woff2', '.png': 'image/png', '.xml': 'application/xml' };

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhixing-lms-'));
  const written = await packageCourse({ releaseDir: dir, buildDir: join(dir, 'build') });
  const unzip = (suffix: string, to: string) => {
    const zip = written.find((w) => w.path.endsWith(suffix));
    assert.ok(zip, `the ${suffix} package was written`);
    for (const [name, data] of Object.entries(unzipSync(readFileSync(zip.path)))) {
      if (name.endsWith('/')) continue;
      const file = join(dir, to, name);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, data);
    }
  };
  unzip('-scorm12.zip', 'pkg12');
  unzip('-scorm2004.zip', 'pkg2004');
  const files: Record<string, string> = {
    '/': join(ROOT, 'tests/e2e/lms-host/index.html'),
    '/host.js': join(ROOT, 'tests/e2e/lms-host/host.js'),
    '/scorm-again.js': join(ROOT, 'node_modules/scorm-again/dist/scorm-again.js'),
  };
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = files[path] ?? (/^\/pkg(12|2004)\//.test(path) ? join(dir, normalize(path).replace(/^\/+/, '')) : undefined);
    try {
      const body = readFileSync(file ?? '');
      res.writeHead(200, { 'content-type': TYPES[extname(file!)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  const port = await freePort();
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  url = `http://127.0.0.1:${port}/`;
  chrome = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  for (const c of opened) await c.close().catch(() => undefined);
  await chrome?.close();
  await new Promise((done) => server?.close(done));
});

/** The earlier session's work as the LMS holds it: every chapter done but CHAPTER, whose sections were read. */
function earlierSession(): string {
  const at = Date.now() - 86_400_000;
  const p = { courseVersion: course.version, updatedAt: at, startedAt: at - 3_600_000, ...coursework(course, at, { except: [CHAPTER.id], plan: false }) } as LearnerProgress;
  for (const s of CHAPTER.sections) p.sectionsSeen[s.id] = at;
  p.time[CHAPTER.id] = 25 * 60_000;
  const encoded = encodeSuspendData(p, codec, { learnerId: LEARNER_KEY });
  assert.ok(encoded.fits);
  return encoded.data;
}

interface Launched {
  host: Page;
  app: Root;
}

/** A fresh device opens the test LMS, which launches the package in an iframe or a new window. */
async function launch(version: Version, mode: 'iframe' | 'window', prior: Cmi, failCommits = 0): Promise<Launched> {
  const context = await chrome.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  opened.push(context);
  const host = await context.newPage();
  host.on('pageerror', (e) => console.error('[page error]', e.message));
  host.on('console', (m) => {
    if (m.type() === 'error') console.error('[host]', m.text());
  });
  await host.goto(url);
  const popup = mode === 'window' ? host.waitForEvent('popup') : undefined;
  await host.evaluate(({ version, mode, launch, prior, failCommits }) => (window as unknown as { startLms(o: unknown): void }).startLms({ version, mode, launch, prior, failCommits }), {
    version,
    mode,
    launch: LAUNCH[version],
    prior,
    failCommits,
  });
  const app: Root = popup ? await popup : host.frameLocator('iframe[title="Course"]');
  return { host, app };
}

const cmi = (host: Page) => host.evaluate(() => (window as unknown as { cmiData(): Cmi }).cmiData());
const committed = (host: Page) => host.evaluate(() => (window as unknown as { lastCommitted: Cmi }).lastCommitted);
const calls = (host: Page) => host.evaluate(() => (window as unknown as { lmsCalls: string[] }).lmsCalls);

async function waitForCmi(host: Page, check: (c: Cmi) => boolean, what: string): Promise<Cmi> {
  let last: Cmi = {};
  return until(async () => ((last = await cmi(host)), check(last) && last), { what, timeout: 15_000, last: () => JSON.stringify(last).slice(0, 2000) });
}

const fieldset = (app: Root, q: Question) => app.locator('fieldset.question').filter({ has: app.locator('.question-prompt', { hasText: q.prompt }) });

/** Sets a question's controls (chapter quiz or exam) to the right answer. */
async function answerRight(box: ReturnType<Root['locator']>, q: Question): Promise<void> {
  if (q.type === 'single') await box.getByRole('radio', { name: q.choices.find((c) => c.correct)!.text, exact: true }).check();
  else if (q.type === 'truefalse') await box.getByRole('radio', { name: q.answer ? '正确' : '错误', exact: true }).check();
  else if (q.type === 'multiple') {
    for (const c of q.choices) if (c.correct) await box.getByRole('checkbox', { name: c.text, exact: true }).check();
  } else if (q.type === 'match') {
    for (const p of q.pairs) await box.getByRole('combobox', { name: p.left, exact: true }).selectOption({ label: p.right });
  } else if (q.type === 'order') {
    for (const [i, c] of q.choices.entries()) {
      const texts = (await box.locator('.order-text').allTextContents()).map((x) => x.trim());
      for (let at = texts.indexOf(c.text); at > i; at--) await box.getByRole('button', { name: `上移：${c.text}` }).click();
    }
    const keep = box.getByRole('button', { name: '就按这个顺序' });
    if (await keep.count()) await keep.click();
  }
}

/** The learner's visit: greeted by the LMS's name, reads CHAPTER, answers its quiz, passes the final assessment. */
async function learn(app: Root): Promise<void> {
  await app.getByText(new RegExp(`^${STUDENT.shown}，欢迎`)).waitFor();
  assert.equal(await app.getByRole('textbox', { name: '姓名' }).count(), 0, 'no profile prompt inside an LMS');
  await app.locator(`a[href="#/chapter/${CHAPTER.id}"]`).first().click();
  await app.locator(`#h-${CHAPTER.sections[0]!.id}`).waitFor();
  for (const q of QUIZ.questions) {
    const box = fieldset(app, q);
    await answerRight(box, q);
    await box.getByRole('button', { name: '提交答案' }).click();
    await box.locator('.verdict.correct').waitFor();
  }
  await app.locator('a.brand').click();
  await app.getByRole('link', { name: '进入结业考核' }).click();
  await app.getByRole('button', { name: '开始考核' }).click();
  for (;;) {
    const prompt = (await app.locator('.exam-question .question-prompt').innerText()).trim();
    const q = bank.find((x) => x.prompt === prompt);
    assert.ok(q, `the bank has the question 「${prompt}」`);
    await answerRight(app.locator('.exam-question'), q);
    await app.locator('.exam-map-item[aria-current="step"].answered').waitFor();
    const next = app.getByRole('button', { name: '下一题' });
    if (!(await next.count())) break;
    await next.click();
  }
  const review = app.getByRole('heading', { level: 2, name: '检查答卷' });
  if (!(await review.count())) await app.getByRole('button', { name: '检查答卷' }).click();
  await app.getByRole('button', { name: '交卷', exact: true }).click();
  await app.getByRole('dialog', { name: '确认交卷？' }).getByRole('button', { name: '确认交卷' }).click();
  await app.getByRole('heading', { level: 2, name: '考核结果' }).waitFor();
}

async function exit(host: Page, finish: string): Promise<Cmi> {
  await host.evaluate(() => (window as unknown as { exitCourse(): void }).exitCourse());
  await until(async () => (await calls(host)).includes(finish), { what: `${finish} to be called` });
  return cmi(host);
}

const interactionIds = (c: Cmi) => Object.keys(c).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k)).map((k) => c[k]!);

/** A relaunch on a fresh device, with what the LMS kept: it resumes where the learner was, with their answers. */
async function relaunchResumes(version: Version, mode: 'iframe' | 'window', prior: Cmi, location: string): Promise<void> {
  const { host, app } = await launch(version, mode, prior);
  await app.getByText(new RegExp(`^${STUDENT.shown}，欢迎`)).waitFor();
  assert.match(await app.locator('.assessment-card').innerText(), /最好成绩 \d+%/, 'the final assessment’s result is back');
  // the LMS's location is where "continue" leads (a certified learner's home page leads to the certificate instead)
  const [chapter, section] = location.split('/');
  await waitForStored(host, (s) => s.currentLearnerId === LEARNER_KEY && s.progress[LEARNER_KEY]?.resume?.chapter === chapter && s.progress[LEARNER_KEY]?.resume?.section === section, 'the resume point from the LMS');
  await app.locator(`a[href="#/chapter/${CHAPTER.id}"]`).first().click();
  for (const q of QUIZ.questions) await fieldset(app, q).locator('.verdict.correct').waitFor();
  // inside an LMS no service worker is registered: the LMS serves the files
  const frame = 'mainFrame' in app ? app : host.frames().find((f) => f.url().includes('/pkg'));
  assert.ok(frame, 'the course frame');
  assert.equal(await frame.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)), 0);
  await exit(host, version === '1.2' ? 'LMSFinish' : 'Terminate');
}

test('SCORM 1.2 in an iframe: status, score, session time, interactions and suspend data in the LMS; a relaunch in a new window resumes', async (t) => {
  const { host, app } = await launch('1.2', 'iframe', {
    'cmi.core.student_id': STUDENT.id,
    'cmi.core.student_name': STUDENT.lms12,
    'cmi.core.lesson_location': CHAPTER.id,
    'cmi.suspend_data': earlierSession(),
    'cmi.core.entry': 'resume',
  });
  await learn(app);
  await waitForCmi(host, (c) => c['cmi.core.lesson_status'] === 'passed', 'the LMS to hold passed before the learner leaves');
  const c = await exit(host, 'LMSFinish');
  assert.equal(c['cmi.core.lesson_status'], 'passed');
  assert.ok(Number(c['cmi.core.score.raw']) >= course.masteryScore, `score ${c['cmi.core.score.raw']}`);
  assert.equal(c['cmi.core.score.max'], '100');
  assert.match(c['cmi.core.session_time'] ?? '', /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
  assert.ok((c['cmi.suspend_data'] ?? '').length > 0 && c['cmi.suspend_data']!.length <= 4096, `suspend data of ${c['cmi.suspend_data']?.length} characters`);
  const ids = interactionIds(c);
  t.diagnostic(`SCORM 1.2: suspend_data ${c['cmi.suspend_data']!.length} characters, ${ids.length} interactions, session_time ${c['cmi.core.session_time']}`);
  for (const q of QUIZ.questions) assert.ok(ids.includes(q.id), `interaction ${q.id} written`);
  assert.ok(ids.length >= QUIZ.questions.length + 2, `${ids.length} interactions`);
  assert.equal(new Set(Object.keys(c).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k))).size, ids.length);
  const n = Object.keys(c).find((k) => c[k] === QUIZ.questions[0]!.id)!.split('.')[2];
  assert.equal(c[`cmi.interactions.${n}.result`], 'correct');
  assert.ok(c['cmi.core.lesson_location']);
  const callsMade = await calls(host);
  assert.equal(callsMade.filter((x) => x === 'LMSFinish').length, 1);
  assert.ok(callsMade.filter((x) => x === 'LMSCommit').length >= 2, 'committed while learning, not only at the end');

  await relaunchResumes(
    '1.2',
    'window',
    {
      'cmi.core.student_id': STUDENT.id,
      'cmi.core.student_name': STUDENT.lms12,
      'cmi.core.lesson_location': c['cmi.core.lesson_location']!,
      'cmi.core.lesson_status': c['cmi.core.lesson_status']!,
      'cmi.suspend_data': c['cmi.suspend_data']!,
      'cmi.core.entry': 'resume',
    },
    c['cmi.core.lesson_location']!,
  );
});

test('SCORM 2004 in a new window: completion, success, scaled score, ISO 8601 session time and interactions; a relaunch in an iframe resumes', async () => {
  const { host, app } = await launch('2004', 'window', {
    'cmi.learner_id': STUDENT.id,
    'cmi.learner_name': STUDENT.shown,
    'cmi.location': CHAPTER.id,
    'cmi.suspend_data': earlierSession(),
    'cmi.entry': 'resume',
  });
  await learn(app);
  await waitForCmi(host, (c) => c['cmi.success_status'] === 'passed', 'the LMS to hold passed before the learner leaves');
  const c = await exit(host, 'Terminate');
  assert.equal(c['cmi.completion_status'], 'completed');
  assert.equal(c['cmi.success_status'], 'passed');
  assert.ok(Number(c['cmi.score.scaled']) >= course.masteryScore / 100, `scaled ${c['cmi.score.scaled']}`);
  assert.match(c['cmi.session_time'] ?? '', /^PT(\d+H)?(\d+M)?(\d+(\.\d+)?S)?$/);
  assert.notEqual(c['cmi.session_time'], 'PT');
  assert.equal(c['cmi.exit'], 'normal');
  const ids = interactionIds(c);
  for (const q of QUIZ.questions) assert.ok(ids.includes(q.id), `interaction ${q.id} written`);
  const n = Object.keys(c).find((k) => /^cmi\.interactions\.\d+\.id$/.test(k) && c[k] === QUIZ.questions[0]!.id)!.split('.')[2];
  assert.equal(c[`cmi.interactions.${n}.result`], 'correct');
  assert.ok(c[`cmi.interactions.${n}.learner_response`]);

  await relaunchResumes(
    '2004',
    'iframe',
    {
      'cmi.learner_id': STUDENT.id,
      'cmi.learner_name': STUDENT.shown,
      'cmi.location': c['cmi.location']!,
      'cmi.completion_status': c['cmi.completion_status']!,
      'cmi.success_status': c['cmi.success_status']!,
      'cmi.suspend_data': c['cmi.suspend_data']!,
      'cmi.entry': 'resume',
    },
    c['cmi.location']!,
  );
});

test('an LMS whose commit fails: the banner shows, the commit is retried, and nothing is lost once it answers', async () => {
  const { host, app } = await launch('1.2', 'iframe', { 'cmi.core.student_id': STUDENT.id, 'cmi.core.student_name': STUDENT.lms12, 'cmi.suspend_data': earlierSession() }, 1000);
  await app.getByText(new RegExp(`^${STUDENT.shown}，欢迎`)).waitFor();
  await app.locator(`a[href="#/chapter/${CHAPTER.id}"]`).first().click();
  const [q1, q2] = QUIZ.questions;
  for (const q of [q1!, q2!]) {
    const box = fieldset(app, q);
    await answerRight(box, q);
    await box.getByRole('button', { name: '提交答案' }).click();
    await box.locator('.verdict.correct').waitFor();
  }
  const banner = app.locator('[data-banner="lms-failing"]');
  await banner.waitFor({ timeout: 15_000 });
  assert.match(await banner.innerText(), /与学习平台（LMS）的连接失败，正在重试。不会丢失任何内容/);
  const failed = (await calls(host)).filter((x) => x === 'LMSCommit failed').length;
  assert.ok(failed >= 3, `${failed} failed commits before the banner`);
  assert.deepEqual(interactionIds(await committed(host)), [], 'nothing committed while the LMS fails');

  // the LMS answers again: the learner's "try again" sends everything at once
  await host.evaluate(() => ((window as unknown as { failCommits: number }).failCommits = 0));
  await banner.getByRole('button', { name: '立即重试' }).click();
  await app.locator('[data-banner="lms-back"]').waitFor();
  assert.equal(await banner.count(), 0);
  const okCommits = (await calls(host)).filter((x) => x === 'LMSCommit').length;
  assert.ok(okCommits >= 1);
  assert.deepEqual(interactionIds(await committed(host)).sort(), [q1!.id, q2!.id].sort(), 'both answers committed once the LMS answers');
  const c = await exit(host, 'LMSFinish');
  const ids = interactionIds(c);
  assert.deepEqual(ids.sort(), [q1!.id, q2!.id].sort(), 'each answer written once');
  assert.equal(c['cmi.core.lesson_status'], 'incomplete');
  assert.equal(c['cmi.core.exit'], 'suspend');
  assert.ok(c['cmi.suspend_data']);
});
