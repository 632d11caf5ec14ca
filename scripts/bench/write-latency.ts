/**
 * Progress write latency: from a click on a question's 提交答案 button to the moment the answer is durably in
 * IndexedDB (the database "zhixing", store "learners", key "zhixing:<course id>" that the app persists through
 * zustand persist → localforage). Driven through the real UI of the built app, in Chromium.
 *
 * Each sample: the bench picks an answer for the next unanswered question (outside the timing), then, inside the
 * page, notes performance.now(), clicks 提交答案 and polls the stored record with read transactions until it holds
 * one more answer than before. IndexedDB orders a read after an overlapping write that was created earlier, so the
 * first read that sees the answer marks the write's commit. When a quiz attempt is used up the bench presses
 * 重新作答 (not timed) and, once a quiz has no attempts left, moves on to the next chapter's quiz.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Locator, type Page } from 'playwright-core';
import { browser, removeProfile, ROOT } from '../../tests/e2e/harness.ts';
import { median, percentile, spreadOf, type ModuleResult } from './figures.ts';
import { using, withTimeout } from './util.ts';

export const STORE = { db: 'zhixing', objectStore: 'learners', key: 'zhixing:zhixing-compliance' };

/** Installed in the page as window.__zxBench. Plain JS in a string: functions compiled by tsx cannot be serialised safely. */
const PROBE = `(() => {
  const cfg = ${JSON.stringify(STORE)};
  let db;
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const open = () => new Promise((res, rej) => {
    const req = indexedDB.open(cfg.db);
    req.onsuccess = () => { const d = req.result; d.onversionchange = () => { d.close(); db = undefined; }; res(d); };
    req.onerror = () => rej(req.error);
  });
  const read = async () => {
    db = db || await open();
    return new Promise((res, rej) => {
      const req = db.transaction(cfg.objectStore, 'readonly').objectStore(cfg.objectStore).get(cfg.key);
      req.onsuccess = () => res(req.result);
      req.onerror = () => rej(req.error);
    });
  };
  const counts = async () => {
    const raw = await read();
    if (typeof raw !== 'string') return { learner: false, answers: 0, attempts: 0 };
    const state = JSON.parse(raw).state || {};
    let answers = 0, attempts = 0;
    for (const p of Object.values(state.progress || {}))
      for (const q of Object.values(p.quizzes || {}))
        for (const a of q.attempts || []) { attempts++; answers += Object.keys(a.answers || {}).length; }
    return { learner: !!state.currentLearnerId, answers, attempts };
  };
  const until = async (test, timeoutMs) => {
    const t0 = performance.now();
    for (;;) {
      const c = await counts();
      if (test(c)) return { c, ms: performance.now() - t0 };
      if (performance.now() - t0 > timeoutMs) throw new Error('timed out waiting for IndexedDB: ' + JSON.stringify(c));
    }
  };
  window.__zxBench = {
    async ready() {
      const t0 = performance.now();
      while (!(await indexedDB.databases()).some((d) => d.name === cfg.db)) {
        if (performance.now() - t0 > 20000) throw new Error('the app never created IndexedDB "' + cfg.db + '"');
        await sleep(50);
      }
      return (await until((c) => c.learner, 20000)).c;
    },
    counts,
    async timeClick(button) {
      const before = (await counts()).answers;
      const t0 = performance.now();
      button.click();
      await until((c) => c.answers > before, 10000);
      return performance.now() - t0;
    },
    async clickAndSettle(button) {
      const before = (await counts()).attempts;
      button.click();
      await until((c) => c.attempts > before, 10000);
    },
  };
})()`;

/** window.__zxBench, for typing the (anonymous, so safely serialisable) arrow functions handed to evaluate */
interface Probed {
  __zxBench: { timeClick(b: Element): Promise<number>; clickAndSettle(b: Element): Promise<void> };
}

async function install(page: Page) {
  if (!(await page.evaluate('!!window.__zxBench'))) await page.evaluate(PROBE);
  await page.evaluate('window.__zxBench.ready()');
}

/** Picks an answer for the question (any answer will do: we time the write, not the score). */
async function prepareAnswer(q: Locator) {
  const radios = q.locator('input[type=radio]');
  if (await radios.count()) return radios.first().check();
  const boxes = q.locator('input[type=checkbox]');
  if (await boxes.count()) return boxes.first().check();
  const selects = q.locator('select');
  for (let i = 0, n = await selects.count(); i < n; i++) await selects.nth(i).selectOption({ index: 1 });
  // order questions: the shown order is already a complete answer
}

async function waitForQuiz(page: Page) {
  await page.locator('section.quiz').first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(300); // let the chapter's own first write (resume point) land before timing
}

/** The app's write debounce, if it still declares one the way src/state/persistence.ts does today: context for the reader. */
function writeDelayNote(): string[] {
  const file = join(ROOT, 'src/state/persistence.ts');
  const m = existsSync(file) ? /WRITE_DELAY_MS\s*=\s*(\d+)/.exec(readFileSync(file, 'utf8')) : null;
  return m ? [`The app debounces progress writes (WRITE_DELAY_MS = ${m[1]} ms in src/state/persistence.ts), so that delay is the floor of every sample.`] : [];
}

export async function measureWriteLatency(url: string, opts: { samples: number }): Promise<ModuleResult> {
  const times: number[] = [];
  const chapters = new Set<string>();
  let retries = 0;
  await using(
    () => browser(),
    async (b) => {
      await b.close();
      removeProfile(b.profile);
    },
    async ({ page }) => {
      page.setDefaultTimeout(15_000);
      await page.goto(`${url}#/chapter/intro`);
      await waitForQuiz(page);
      await install(page);
      const submitName = '提交答案';
      while (times.length < opts.samples) {
        chapters.add(new URL(page.url()).hash);
        const open = page
          .locator('section.quiz fieldset.question')
          .filter({ has: page.getByRole('button', { name: submitName, exact: true }).and(page.locator('[aria-disabled="false"]')) })
          .first();
        if (await open.count()) {
          await prepareAnswer(open);
          const button = open.getByRole('button', { name: submitName, exact: true });
          const ms = await withTimeout(button.evaluate((b) => (window as unknown as Probed).__zxBench.timeClick(b)), 20_000, 'answer write');
          if (typeof ms !== 'number' || !Number.isFinite(ms)) throw new Error(`bad sample: ${String(ms)}`);
          times.push(ms);
          continue;
        }
        const retry = page.locator('section.quiz').getByRole('button', { name: '重新作答' });
        if (await retry.count()) {
          await retry.first().evaluate((b) => (window as unknown as Probed).__zxBench.clickAndSettle(b));
          retries++;
          await page.waitForTimeout(100);
          continue;
        }
        const next = page.locator('a[rel="next"]');
        if (!(await next.count())) throw new Error(`ran out of quiz questions after ${times.length} samples`);
        const heading = await page.getByRole('heading', { level: 1 }).innerText();
        await next.click();
        await page.getByRole('heading', { level: 1 }).filter({ hasNotText: heading }).waitFor();
        await waitForQuiz(page);
        await install(page);
      }
    },
  );
  const p95 = percentile(times, 95);
  return {
    figures: [
      { name: 'write-latency/median', value: median(times), unit: 'ms', spread: spreadOf(times, { p95 }), headline: true },
      { name: 'write-latency/p95', value: p95, unit: 'ms', spread: spreadOf(times, { p95 }), headline: true },
    ],
    method: [
      `${times.length} answers submitted through the UI of the built app (Chromium, fresh profile), in quizzes of ${[...chapters].join(', ')}; ${retries} untimed 重新作答 presses in between.`,
      'Each sample runs from the click on 提交答案 (performance.now() just before it) to the first IndexedDB read transaction that sees the new answer in zhixing/learners/"zhixing:zhixing-compliance".',
      'It includes the React event handler and re-render, the persistence layer (serialising, merging with what is stored) and the localforage write commit. No CPU throttling: this machine, as is.',
      ...writeDelayNote(),
    ],
  };
}
