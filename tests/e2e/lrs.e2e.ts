/**
 * Live xAPI to a real LRS (Learning Locker's statement service, in memory on loopback): statements arrive as the
 * learner acts, survive the LRS being down and a reload, arrive exactly once, and one the LRS rejects is shown
 * while the rest still go. The app is pointed at the LRS by the xAPI launch-URL convention.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { LRS_AUTH, startLrs, type Lrs, type XapiStatement } from '../lrs/start.ts';
import { browser, removeProfile, serve, until, type Server } from './harness.ts';

const ANSWERED = 'http://adlnet.gov/expapi/verbs/answered';
const REGISTRATION = 'b4f0c2d6-1a3e-4c5b-8d7f-9e0a1b2c3d4e';
const ACTOR = { objectType: 'Agent', name: '王芳', account: { homePage: 'https://lms.example.cn', name: 'wangfang' } };

let server: Server;
let lrs: Lrs;
before(async () => {
  [server, lrs] = await Promise.all([serve(), startLrs()]);
});
after(async () => {
  await Promise.all([server?.close(), lrs?.close()]);
});

const launchUrl = (path: string, registration = REGISTRATION) =>
  `${server.url}?${new URLSearchParams({ endpoint: lrs.endpoint, auth: LRS_AUTH.valid, actor: JSON.stringify(ACTOR), registration })}#${path}`;

const question = (page: Page, prompt: string) => page.getByRole('group').filter({ hasText: prompt });

async function answer(page: Page, prompt: string, choice: string): Promise<void> {
  const q = question(page, prompt);
  await q.getByRole('radio', { name: choice, exact: true }).check();
  await q.getByRole('button', { name: '提交答案' }).click();
  await q.locator('.verdict').waitFor();
}

const answeredIn = (list: XapiStatement[]) => list.filter((s) => s.verb.id === ANSWERED);
const questionOf = (s: XapiStatement) => s.object.id.split('/').pop();

/** What the records page says about the queue. */
async function counts(page: Page): Promise<string> {
  return page.getByTestId('lrs-counts').innerText();
}

test('answers reach the LRS as they are given, and answers given while it is down arrive once it is back, after a reload, exactly once', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await page.goto(launchUrl('/chapter/intro/intro-quiz-section'));
    await answer(page, '「建立合规优先的工作理念」属于哪一项培训目标的具体要求？', '提升合规意识');
    await answer(page, '本课程每章测验的合格线为60%', '错误');
    const up = await until(
      async () => {
        const got = answeredIn(await lrs.statements({ registration: REGISTRATION, verb: ANSWERED }));
        return got.length === 2 && got;
      },
      { what: 'the LRS to hold both answers', timeout: 15_000 },
    );
    assert.deepEqual(up.map(questionOf).sort(), ['intro-q2', 'intro-q4']);
    for (const s of up) {
      assert.deepEqual(s.actor, ACTOR, 'the LMS actor, not the device learner');
      assert.equal(s.context?.registration, REGISTRATION);
    }

    await lrs.stop();
    await answer(page, '关于本课程的学习进度，下列说法正确的是哪一项？', '小节读过后自动标记为已读，进度存在当前设备上');
    await answer(page, '每章测验提交后都会显示解析', '正确');
    await page.goto(launchUrl('/records'));
    await until(async () => /待发送：[1-9]/.test(await counts(page)), { what: 'the records page to show statements waiting', timeout: 15_000 });
    await page.reload();
    await page.getByTestId('lrs-counts').waitFor();
    assert.match(await counts(page), /待发送：[1-9]/, 'still queued after the reload');

    await lrs.restart();
    // the outbox retries with backoff; "send now" is the learner's way to not wait for it
    await until(
      async () => {
        const send = page.getByRole('button', { name: '立即发送' });
        // the button leaves the page while a send is under way: a missed click is tried again on the next round
        if (await send.isVisible()) await send.click({ timeout: 2_000 }).catch(() => undefined);
        return /待发送：0/.test(await counts(page));
      },
      { what: 'the outbox to drain', timeout: 30_000 },
    );
    const afterRestart = answeredIn(await lrs.statements({ registration: REGISTRATION, verb: ANSWERED }));
    // the restarted LRS starts empty: it holds what was queued while it was down, and nothing sent before is sent again
    assert.deepEqual(afterRestart.map(questionOf).sort(), ['intro-q5', 'intro-q6']);
    const all = [...up, ...afterRestart];
    assert.equal(new Set(all.map((s) => s.id)).size, 4, 'four answers, four statements, each once');
    assert.equal(new Set(all.map(questionOf)).size, 4);
  } finally {
    await b.close();
    removeProfile(b.profile);
  }
});

/** Page-side source text: puts a statement into the device's outbox before the app opens it. */
const SEED_OUTBOX = `({ key, statement }) => new Promise((resolve, reject) => {
  const open = indexedDB.open('zhixing-lrs');
  open.onupgradeneeded = () => open.result.createObjectStore('learners');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const tx = db.transaction('learners', 'readwrite');
    tx.oncomplete = () => { db.close(); resolve(undefined); };
    tx.objectStore('learners').put(JSON.stringify({ v: 1, seq: 1, sentIds: [], sentCount: 0, entries: [
      { id: statement.id, seq: 1, statement, queuedAt: Date.now() - 60000, state: 'pending' },
    ] }), key);
  };
})`;

test('a statement the LRS rejects is shown with the LRS message, and the statements after it still go', async () => {
  const b = await browser();
  try {
    const { page } = b;
    const registration = 'c5a1d3e7-2b4f-4d6c-9e8a-0f1b2c3d4e5f';
    // a statement with a mailbox that is not a mailto: IRI, as an older app version might have queued
    const bad = {
      id: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
      actor: { objectType: 'Agent', mbox: 'wangfang@example.cn' },
      verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } },
      object: { objectType: 'Activity', id: 'https://zhixing.example/xapi/zhixing-compliance/chapters/intro' },
      context: { registration },
      timestamp: new Date(Date.now() - 60_000).toISOString(),
    };
    await page.goto(server.url + 'robots.txt');
    await page.evaluate(`(${SEED_OUTBOX})(${JSON.stringify({ key: `zhixing-lrs:outbox:${lrs.endpoint}`, statement: bad })})`);

    await page.goto(launchUrl('/chapter/intro/intro-quiz-section', registration));
    await answer(page, '「建立合规优先的工作理念」属于哪一项培训目标的具体要求？', '提升合规意识');
    await until(async () => answeredIn(await lrs.statements({ registration, verb: ANSWERED })).length === 1, { what: 'the answer to reach the LRS', timeout: 15_000 });

    await page.goto(launchUrl('/records', registration));
    const rejected = page.getByRole('table', { name: '被 LRS 拒收的记录' });
    await rejected.waitFor();
    const row = await rejected.locator('tbody tr').innerText();
    assert.match(row, /statements\.0\.actor\.mbox/, 'the LRS message names what it rejected');
    assert.match(await counts(page), /被拒收：1/);
    assert.match(await counts(page), /待发送：0/);
    assert.equal((await lrs.statements({ registration })).some((s) => s.id === bad.id), false);
  } finally {
    await b.close();
    removeProfile(b.profile);
  }
});
