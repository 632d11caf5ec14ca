/**
 * A cmi5 launch against a real LRS: the tests' launcher plays the LMS (fetch URL, LMS.LaunchData, launched) and
 * forwards statements to Learning Locker's statement service. A learner who has done the course is launched,
 * the AU states initialized, completed, passed and, on exit, terminated, in cmi5's order, and returns to the LMS;
 * a Review launch states none of completed, passed or failed.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { loadCourse } from '../../scripts/content/load-course.ts';
import type { CourseManifest } from '../../src/domain/course.ts';
import type { LearnerProgress, QuizAttempt } from '../../src/domain/progress.ts';
import { AU_ID, CMI5_ACTOR, startCmi5Launcher, type Cmi5Launcher } from '../lrs/cmi5-launcher.ts';
import { startLrs, type Lrs, type XapiStatement } from '../lrs/start.ts';
import { browser, removeProfile, ROOT, serve, STORE, until, waitForStored, type Server } from './harness.ts';

const course = loadCourse(ROOT).manifest!;
const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const SESSION_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const MASTERY_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
const verb = (s: XapiStatement) => s.verb.id.split('/').pop()!;

let server: Server;
let lrs: Lrs;
let lms: Cmi5Launcher;
before(async () => {
  [server, lrs] = await Promise.all([serve(), startLrs()]);
  lms = await startCmi5Launcher(lrs);
});
after(async () => {
  await lms?.close();
  await Promise.all([server?.close(), lrs?.close()]);
});

/** Every chapter done and a final assessment passed with 90 %, as stored progress. */
function doneAndPassed(c: CourseManifest, at: number): Partial<LearnerProgress> {
  const attempt = (score: number, max: number, passed: boolean, mode?: QuizAttempt['mode']): QuizAttempt => ({
    n: 1,
    seed: 1,
    startedAt: at - 600_000,
    answers: {},
    scores: {},
    latency: {},
    answeredAt: {},
    submittedAt: at,
    score,
    max,
    percent: (score / max) * 100,
    passed,
    ...(mode ? { mode, questionIds: [] } : {}),
  });
  const p: Partial<LearnerProgress> = { sectionsSeen: {}, quizzes: {}, scenarios: {}, matrices: {}, plans: {}, time: {} };
  for (const ch of c.chapters) {
    for (const s of ch.scenarios) {
      const best = { choices: [], score: s.maxScore, outcome: s.outcomes.find((o) => o.rating === 'good')!.id, endedAt: at };
      p.scenarios![s.id] = { latest: best, best, runs: 1 };
    }
    for (const m of ch.matrices) p.matrices![m.id] = Object.fromEntries(m.riskIds.map((r) => [r, { likelihood: 2, impact: 2 }]));
    for (const plan of ch.plans) p.plans![plan.id] = [{ id: 'i1', area: plan.areas[0]!.id, action: '每季度复习一次客户信息保护规定', measure: '完成学习记录', due: '2027-03-31' }];
    for (const s of ch.sections) p.sectionsSeen![s.id] = at;
    for (const q of ch.quizzes) p.quizzes![q.id] = { attempts: [attempt(1, 1, true)] };
    p.time![ch.id] = 25 * 60_000;
  }
  p.quizzes![c.assessmentBank!.id] = { attempts: [attempt(45, 50, true, 'final')] };
  return p;
}

/** Page-side source text: writes progress into the current learner's stored record. */
const PATCH_RECORD = `({ db: name, objectStore, key, progress }) => new Promise((resolve, reject) => {
  const open = indexedDB.open(name);
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const tx = db.transaction(objectStore, 'readwrite');
    tx.oncomplete = () => { db.close(); resolve(undefined); };
    const store = tx.objectStore(objectStore);
    const get = store.get(key);
    get.onsuccess = () => {
      const data = JSON.parse(get.result);
      const id = data.state.currentLearnerId;
      data.state.progress[id] = Object.assign({}, data.state.progress[id], progress);
      store.put(JSON.stringify(data), key);
    };
  };
})`;

/** A device whose learner has done the course: the app creates the learner, the progress is written while it is closed. */
async function finishedLearner(page: Page): Promise<void> {
  await page.goto(server.url);
  await waitForStored(page, (s) => !!s.currentLearnerId, 'the learner to be stored');
  await page.goto(server.url + 'robots.txt');
  await page.evaluate(`(${PATCH_RECORD})(${JSON.stringify({ ...STORE, progress: doneAndPassed(course, Date.now() - 86_400_000) })})`);
}

/** The AU's statements of a registration (the launcher's "launched" left out), in timestamp order. */
async function auStatements(registration: string): Promise<XapiStatement[]> {
  const all = await lrs.statements({ registration });
  return all.filter((s) => verb(s) !== 'launched').sort((a, b) => a.timestamp.localeCompare(b.timestamp));
}

async function exitToLms(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出课程并返回学习平台' }).click();
  await page.waitForURL(lms.returnURL, { timeout: 15_000 });
}

test('a cmi5 launch states initialized, completed, passed and terminated in order, by the LMS rules, and returns to the LMS', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await finishedLearner(page);
    const launch = await lms.launch(`${server.url}#/records`, { masteryScore: 0.8 });
    await page.goto(launch.url);
    await page.getByRole('button', { name: '退出课程并返回学习平台' }).waitFor();
    await until(async () => (await auStatements(launch.registration)).some((s) => verb(s) === 'passed'), { what: 'passed to reach the LRS', timeout: 20_000 });
    // a reload inside the session neither fetches the token again nor restarts the session
    await page.reload();
    await exitToLms(page);

    const stated = await until(
      async () => {
        const list = await auStatements(launch.registration);
        return list.some((s) => verb(s) === 'terminated') && list;
      },
      { what: 'terminated to reach the LRS', timeout: 15_000 },
    );
    const defined = stated.filter((s) => s.context?.contextActivities?.category?.some((c) => c.id === CMI5_CATEGORY));
    assert.deepEqual(defined.map(verb), ['initialized', 'completed', 'passed', 'terminated']);
    assert.equal(stated[0] && verb(stated[0]), 'initialized', 'initialized comes first');
    assert.equal(verb(stated.at(-1)!), 'terminated', 'terminated comes last');
    for (const s of stated) {
      assert.equal(s.context?.extensions?.[SESSION_EXT], launch.sessionId, `${verb(s)} carries the session id`);
      assert.deepEqual(s.actor, CMI5_ACTOR);
    }
    for (const s of defined) assert.equal(s.object.id, AU_ID);
    const [initialized, completed, passed, terminated] = defined;
    const moveOn = (s: XapiStatement) => !!s.context?.contextActivities?.category?.some((c) => c.id === MOVEON_CATEGORY);
    assert.equal(initialized!.result, undefined);
    assert.deepEqual(Object.keys(completed!.result ?? {}).sort(), ['completion', 'duration']);
    assert.deepEqual(Object.keys(passed!.result ?? {}).sort(), ['duration', 'score', 'success']);
    assert.equal(passed!.result?.success, true);
    assert.equal(passed!.result?.score?.scaled, 0.9);
    assert.equal(passed!.context?.extensions?.[MASTERY_EXT], 0.8, 'passed by the LMS mastery score, and says so');
    assert.deepEqual(Object.keys(terminated!.result ?? {}), ['duration']);
    assert.deepEqual([initialized, completed, passed, terminated].map((s) => moveOn(s!)), [false, true, true, false]);
    assert.deepEqual([...lms.fetches.values()], [1], 'the fetch URL is POSTed once');
  } finally {
    await b.close();
    removeProfile(b.profile);
  }
});

test('a Review launch states initialized and terminated only: none of completed, passed or failed', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await finishedLearner(page);
    const launch = await lms.launch(`${server.url}#/records`, { launchMode: 'Review', masteryScore: 0.8 });
    await page.goto(launch.url);
    await page.getByText('当前为回顾模式').waitFor();
    await until(async () => (await auStatements(launch.registration)).some((s) => verb(s) === 'initialized'), { what: 'initialized to reach the LRS', timeout: 20_000 });
    await exitToLms(page);
    const stated = await until(
      async () => {
        const list = await auStatements(launch.registration);
        return list.some((s) => verb(s) === 'terminated') && list;
      },
      { what: 'terminated to reach the LRS', timeout: 15_000 },
    );
    assert.deepEqual(stated.map(verb), ['initialized', 'terminated']);
  } finally {
    await b.close();
    removeProfile(b.profile);
  }
});
