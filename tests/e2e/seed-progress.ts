/**
 * Stored progress for browser tests that start further along the course: every chapter done but the ones named,
 * every scenario walked and matrix filled, and an action plan. Written into the app's IndexedDB record from a
 * same-origin page where the app is not running (so it cannot write over it), then read back by the app's own
 * forgiving restore, as any stored progress is.
 */
import type { Page } from 'playwright-core';
import type { CourseManifest } from '../../src/domain/course.ts';
import type { LearnerProfile } from '../../src/domain/learner.ts';
import type { LearnerProgress, QuizAttempt } from '../../src/domain/progress.ts';
import { STORE, waitForStored } from './harness.ts';

export const PLAN_ACTION = '每季度复习一次客户信息保护规定';

export function coursework(course: CourseManifest, at: number, { except = [] as string[], plan = true } = {}): Partial<LearnerProgress> {
  const passed: QuizAttempt = { n: 1, seed: 1, startedAt: at - 60_000, answers: {}, scores: {}, latency: {}, answeredAt: {}, submittedAt: at, score: 1, max: 1, percent: 100, passed: true };
  const p: Partial<LearnerProgress> = { sectionsSeen: {}, quizzes: {}, scenarios: {}, matrices: {}, plans: {}, time: {} };
  for (const c of course.chapters) {
    for (const s of c.scenarios) {
      const best = { choices: [], score: s.maxScore, outcome: s.outcomes.find((o) => o.rating === 'good')!.id, endedAt: at };
      p.scenarios![s.id] = { latest: best, best, runs: 1 };
    }
    for (const m of c.matrices) p.matrices![m.id] = Object.fromEntries(m.riskIds.map((r) => [r, { likelihood: 2, impact: 2 }]));
    if (plan) for (const x of c.plans) p.plans![x.id] = [{ id: 'i1', area: x.areas[0]!.id, action: PLAN_ACTION, measure: '完成学习记录', due: '2027-03-31' }];
    if (except.includes(c.id)) continue;
    for (const s of c.sections) p.sectionsSeen![s.id] = at;
    for (const q of c.quizzes) p.quizzes![q.id] = { attempts: [passed] };
    p.time![c.id] = 25 * 60_000;
  }
  return p;
}

/** Page-side source text (the test runner's transpiler would otherwise wrap inner functions in a helper the page lacks). */
const PATCH_RECORD = `({ db: name, objectStore, key, progress, profile }) => new Promise((resolve, reject) => {
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
      Object.assign(data.state.learners[id], profile);
      data.state.progress[id] = Object.assign({}, data.state.progress[id], progress);
      store.put(JSON.stringify(data), key);
    };
  };
})`;

/**
 * Opens the app (which creates the learner), waits for the record to be stored, and writes `progress` and `profile`
 * into the current learner's record. Leaves the page on robots.txt: the caller navigates on.
 */
export async function seedProgress(page: Page, url: string, progress: Partial<LearnerProgress>, profile: Partial<Omit<LearnerProfile, 'id'>> = {}): Promise<void> {
  if (!page.url().startsWith(url)) await page.goto(url);
  await waitForStored(page, (s) => !!s.currentLearnerId, 'the learner to be stored');
  await page.goto(url + 'robots.txt');
  await page.evaluate(`(${PATCH_RECORD})(${JSON.stringify({ ...STORE, progress, profile })})`);
}
