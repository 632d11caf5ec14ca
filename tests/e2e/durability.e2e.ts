/**
 * Durable at once: a discrete learner action is in IndexedDB before the browser can die. Each test acts in the
 * real UI, lets 50 ms pass, kills the whole browser with SIGKILL (no pagehide, no visibilitychange, so no page-hide
 * journal either), starts Chromium again on the same profile and origin, and finds the action there: in the
 * stored record and on the page.
 */
import assert from 'node:assert/strict';
import { after, before, test, type TestContext } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { loadCourse } from '../../scripts/content/load-course.ts';
import { browser, killBrowser, removeProfile, ROOT, serve, STORE, storedAnswer, storedProgress, storedState, waitForStored, type Server } from './harness.ts';

const loaded = loadCourse(ROOT);
const intro = loaded.interactive['intro']!;

/** How long the browser lives after the action: the bound for "written at once". */
const KILL_AFTER_MS = 50;
/**
 * A kill later than this after the click cannot tell a write at once from the old 120 ms debounce: on a loaded
 * machine the news of the click can reach the test late, and such a run is repeated (at most ATTEMPTS runs).
 */
const TOO_LATE_MS = 100;
const ATTEMPTS = 3;

/** Tells zxCommitted the wall-clock time of every committed put to the progress record. Page-side source (see harness.ts). */
const WATCH_COMMITS = `(() => {
  const cfg = ${JSON.stringify(STORE)};
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (value, key) {
    if (this.name === cfg.objectStore && key === cfg.key) this.transaction.addEventListener('complete', () => window.zxCommitted(Date.now()));
    return put.apply(this, arguments);
  };
})()`;

let server: Server;
before(async () => {
  server = await serve(); // one server: the same origin, so the restarted browser reads the same IndexedDB
});
after(async () => {
  await server.close();
});

/**
 * Opens `hash` in a fresh profile, lets `prepare` get the action ready and return the control whose click is the
 * action, clicks it, kills the browser KILL_AFTER_MS after the click reached the page, and hands a browser
 * restarted on the same profile to `check`. The page reports its click time itself (wall clock, which this
 * process shares), so the time the test runner takes to hear back does not lengthen the browser's life.
 */
async function killedAfter(t: TestContext, hash: string, prepare: (page: Page) => Promise<Locator>, check: (page: Page) => Promise<void>): Promise<void> {
  const lives: number[] = [];
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const first = await browser();
    const { profile } = first;
    let killed = false;
    try {
      const { page } = first;
      await page.goto(server.url + hash);
      // the learner exists in storage before the action, so what the kill can lose is the action alone
      await waitForStored(page, (s) => storedProgress(s) !== undefined, 'the learner to be stored');
      const control = await prepare(page);
      let clicked!: (at: number) => void;
      const clickedAt = new Promise<number>((r) => (clicked = r));
      await page.exposeBinding('zxClicked', (_source, at: number) => clicked(at));
      await control.evaluate((el) => el.addEventListener('click', () => (window as unknown as { zxClicked(at: number): void }).zxClicked(Date.now()), { capture: true, once: true }));
      // for the report only: when the page saw its write committed, if the news arrives before the kill
      const commits: number[] = [];
      await page.exposeBinding('zxCommitted', (_source, at: number) => void commits.push(at));
      await page.evaluate(WATCH_COMMITS);
      const clicking = control.click().catch(() => undefined); // may never hear back: the browser is killed
      const at = await clickedAt;
      // the browser's remaining life after the action, not a wait for the app
      await new Promise((r) => setTimeout(r, Math.max(0, at + KILL_AFTER_MS - Date.now())));
      killed = true;
      const life = (await killBrowser(first)) - at;
      lives.push(life);
      await clicking;
      const committed = commits.filter((c) => c >= at).map((c) => `${c - at} ms`);
      t.diagnostic(`run ${attempt}: the browser was killed ${life} ms after the click reached the page; writes committed after the click, as heard before the kill: ${committed.join(', ') || 'none'}`);
      if (life > TOO_LATE_MS) continue;
      const again = await browser({ profile });
      try {
        await again.page.goto(server.url + hash);
        await check(again.page);
        return;
      } finally {
        await again.close();
      }
    } finally {
      if (!killed) await first.close();
      removeProfile(profile);
    }
  }
  assert.fail(`in ${ATTEMPTS} runs the browser was never killed within ${TOO_LATE_MS} ms of the click (${lives.join(', ')} ms): the machine is too busy to tell`);
}

test('an answer is kept when the browser is killed 50 ms after 提交答案 is clicked', async (t) => {
  const quiz = intro.quizzes[0]!;
  const q = quiz.questions.find((x) => x.type === 'single')!;
  const right = q.choices.find((c) => c.correct)!;
  const box = (page: Page) => page.locator('fieldset.question').filter({ has: page.locator('.question-prompt').getByText(q.prompt, { exact: true }) });
  await killedAfter(
    t,
    '#/chapter/intro/intro-quiz-section',
    async (page) => {
      await box(page).getByRole('radio', { name: right.text, exact: true }).check();
      return box(page).getByRole('button', { name: '提交答案' });
    },
    async (page) => {
      await box(page).waitFor();
      const state = await storedState(page);
      assert.deepEqual(state && storedAnswer(state, quiz.id, q.id), { type: 'single', choice: right.id }, 'the answer is in IndexedDB');
      await box(page).locator('.feedback .verdict.correct').waitFor({ timeout: 10_000 });
      assert.ok(await box(page).getByRole('radio', { name: right.text, exact: true }).isChecked(), 'the answer given is shown checked');
    },
  );
});

test('a scenario choice is kept when the browser is killed 50 ms after it is made', async (t) => {
  const chapter = loaded.manifest!.chapters.find((c) => loaded.interactive[c.id]!.scenarios.length > 0)!;
  const scenario = loaded.interactive[chapter.id]!.scenarios[0]!;
  const start = scenario.steps.find((s) => s.id === scenario.start)!;
  const option = start.options.find((o) => o.feedback) ?? start.options[0]!;
  const region = (page: Page) => page.getByRole('region', { name: scenario.title });
  await killedAfter(
    t,
    `#/chapter/${chapter.id}`,
    async (page) => region(page).getByRole('button', { name: option.text, exact: true }),
    async (page) => {
      await region(page).waitFor();
      const state = await storedState(page);
      const latest = state && storedProgress(state)?.scenarios[scenario.id]?.latest;
      assert.deepEqual(latest?.choices.map((c) => [c.step, c.option]), [[start.id, option.id]], 'the choice is in IndexedDB');
      if (option.feedback) await region(page).locator('.scenario-feedback .feedback-box').getByText(option.feedback).waitFor();
    },
  );
});
