import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browser, readStored, removeProfile, serve, STORE, storedAnswer, storedAnswered, storedProgress, waitForStored, type Server } from './harness.ts';

let server: Server;
before(async () => {
  server = await serve();
});
after(async () => {
  await server.close();
});

const KEY = STORE.key;

/** The quiz question (a fieldset) whose prompt contains `prompt`. */
const question = (page: Page, prompt: string) => page.getByRole('group').filter({ hasText: prompt });

/** Answers a radio question by picking the first choice and submitting; returns the verdict text. */
async function answerFirstChoice(page: Page, prompt: string): Promise<string> {
  const q = question(page, prompt);
  await q.getByRole('radio').first().check();
  await q.getByRole('button', { name: '提交答案' }).click();
  const verdict = q.locator('.verdict');
  await verdict.waitFor();
  return verdict.innerText();
}

/** Waits until the current learner's answer to an intro quiz question is stored. */
const answerStored = (page: Page, questionId: string) =>
  waitForStored(page, (s) => storedAnswer(s, 'intro-quiz', questionId) !== undefined, `the answer to ${questionId} to be stored`);

test('reloading in the middle of a quiz keeps the answers already given', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await page.goto(server.url + '#/chapter/intro/intro-quiz-section');
    const verdict = await answerFirstChoice(page, '建立合规优先的工作理念');
    await answerStored(page, 'intro-q2');
    await page.reload();
    const q = question(page, '建立合规优先的工作理念');
    await q.locator('.verdict').waitFor();
    assert.equal(await q.locator('.verdict').innerText(), verdict);
    assert.equal(await q.getByRole('radio').first().isChecked(), true);
    assert.equal(await question(page, '关于本课程的学习进度').locator('.verdict').count(), 0, 'unanswered questions stay open');
  } finally {
    await b.close();
    removeProfile(b.profile);
  }
});

test('an answer given just before the page goes away is kept', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await page.goto(server.url + '#/chapter/intro/intro-quiz-section');
    const q = question(page, '建立合规优先的工作理念');
    await q.getByRole('radio').first().check();
    await q.getByRole('button', { name: '提交答案' }).click();
    await page.reload(); // no wait for the debounced write
    await question(page, '建立合规优先的工作理念').locator('.verdict').waitFor();
    await answerStored(page, 'intro-q2');
  } finally {
    await b.close();
    removeProfile(b.profile);
  }
});

test('closing and reopening the browser keeps progress, and “continue” lands on the last section read', async () => {
  const first = await browser();
  const profile = first.profile;
  try {
    const { page } = first;
    await page.goto(server.url + '#/chapter/intro/intro-quiz-section');
    await answerFirstChoice(page, '建立合规优先的工作理念');
    await page.goto(server.url + '#/chapter/compliance-overview/p1-system');
    await page.getByRole('heading', { level: 2, name: '合规管理体系构建' }).waitFor();
    await waitForStored(page, (s) => storedProgress(s)?.resume?.section === 'p1-system', 'the resume point p1-system to be stored');
  } finally {
    await first.close();
  }
  const again = await browser({ profile });
  try {
    const { page } = again;
    await page.goto(server.url);
    const cont = page.getByRole('link', { name: '继续：合规管理概述' });
    await cont.click();
    await page.waitForURL(/#\/chapter\/compliance-overview\/p1-system$/);
    const heading = page.getByRole('heading', { level: 2, name: '合规管理体系构建' });
    await page.waitForFunction(() => document.activeElement?.id === 'h-p1-system');
    assert.ok(await heading.isVisible());
    await page.goto(server.url + '#/chapter/intro/intro-quiz-section');
    await question(page, '建立合规优先的工作理念').locator('.verdict').waitFor();
  } finally {
    await again.close();
    removeProfile(profile);
  }
});

test('two tabs of the same learner answering at the same time both keep their answers', async () => {
  const b = await browser();
  try {
    const a = b.page;
    await a.goto(server.url + '#/chapter/intro/intro-quiz-section');
    await waitForStored(a, (s) => storedProgress(s) !== undefined, 'the learner to be stored'); // before the second tab opens
    const c = await b.context.newPage();
    await c.goto(server.url + '#/chapter/compliance-overview/p1-quiz-section');
    await question(a, '建立合规优先的工作理念').waitFor();
    const firstP1 = c.getByRole('group').filter({ has: c.getByRole('radio') }).first();
    const p1Prompt = (await firstP1.locator('.question-prompt').innerText()).trim();
    // both tabs answer before either has seen the other's write
    await Promise.all([answerFirstChoice(a, '建立合规优先的工作理念'), answerFirstChoice(c, p1Prompt)]);
    await answerStored(a, 'intro-q2');
    await waitForStored(a, (s) => storedAnswered(s, 'p1-quiz').length > 0, 'the second tab’s answer to be stored');
    for (const page of [a, c]) {
      await page.reload();
      await page.goto(server.url + '#/chapter/intro/intro-quiz-section');
      await question(page, '建立合规优先的工作理念').locator('.verdict').waitFor();
      await page.goto(server.url + '#/chapter/compliance-overview/p1-quiz-section');
      await question(page, p1Prompt).locator('.verdict').waitFor();
    }
  } finally {
    await b.close();
    removeProfile(b.profile);
  }
});

test('without IndexedDB the course still works, kept in local storage, and a banner says so', async () => {
  const b = await browser();
  try {
    await b.context.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }));
    const { page } = b;
    await page.goto(server.url + '#/chapter/intro/intro-quiz-section');
    await page.locator('[data-banner="ls"]').waitFor();
    assert.match(await page.locator('[data-banner="ls"]').innerText(), /本地存储/);
    await answerFirstChoice(page, '建立合规优先的工作理念');
    await page.waitForFunction((key) => (localStorage.getItem(key) ?? '').includes('intro-q2'), KEY);
    await page.reload();
    await question(page, '建立合规优先的工作理念').locator('.verdict').waitFor();
  } finally {
    await b.close();
    removeProfile(b.profile);
  }
});

test('with no storage at all the course works in memory and warns that progress will be lost', async () => {
  const b = await browser();
  try {
    await b.context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('denied', 'SecurityError');
        },
      });
    });
    const { page } = b;
    await page.goto(server.url + '#/chapter/intro/intro-quiz-section');
    await page.locator('[data-banner="mem"]').waitFor();
    assert.match(await page.locator('[data-banner="mem"]').innerText(), /进度将会丢失/);
    await answerFirstChoice(page, '建立合规优先的工作理念');
  } finally {
    await b.close();
    removeProfile(b.profile);
  }
});

test('damaged stored data is recovered as far as possible, a backup kept, and the learner told', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await page.goto(server.url + '#/chapter/intro/intro-quiz-section');
    await answerFirstChoice(page, '建立合规优先的工作理念');
    await answerStored(page, 'intro-q2');
    // leave the app (so it cannot write over the damage), then damage the record from a same-origin page:
    // one learner's quiz data becomes garbage, and a removed section is added
    await page.goto(server.url + 'robots.txt');
    await page.evaluate(
      (key) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('zhixing');
          open.onsuccess = () => {
            const tx = open.result.transaction('learners', 'readwrite');
            tx.oncomplete = () => open.result.close();
            const store = tx.objectStore('learners');
            const get = store.get(key);
            get.onsuccess = () => {
              const data = JSON.parse(get.result as string);
              const id = data.state.currentLearnerId;
              data.state.progress[id].quizzes['intro-quiz'].attempts.push('garbage');
              data.state.progress[id].sectionsSeen['no-such-section'] = 'yesterday';
              const put = store.put(JSON.stringify(data), key);
              put.onsuccess = () => resolve();
              put.onerror = () => reject(put.error);
            };
          };
          open.onerror = () => reject(open.error);
        }),
      KEY,
    );
    await page.goto(server.url + '#/chapter/intro/intro-quiz-section');
    await page.locator('[data-banner="rec"]').waitFor();
    await question(page, '建立合规优先的工作理念').locator('.verdict').waitFor();
    assert.match(await readStored(page, KEY + ':backup'), /garbage/, 'the original data is kept as a backup');
    // the live record is rewritten without the damaged parts (by the next write, which may come a moment later)
    await waitForStored(page, (s) => !/garbage|no-such-section/.test(JSON.stringify(s)), 'the damaged parts to be gone from the live record');
    // now wholly unreadable
    await page.goto(server.url + 'robots.txt');
    await page.evaluate(
      (key) =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open('zhixing');
          open.onsuccess = () => {
            const tx = open.result.transaction('learners', 'readwrite');
            tx.objectStore('learners').put('{not json', key);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
          };
        }),
      KEY,
    );
    await page.goto(server.url + '#/chapter/intro');
    await page.locator('[data-banner="rec"]').waitFor();
    await page.getByRole('heading', { level: 1, name: '导言' }).waitFor();
  } finally {
    await b.close();
    removeProfile(b.profile);
  }
});
