import course from 'virtual:course';
import items from 'virtual:course-items';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { correctAnswer } from '../domain/scoring.ts';
import type { QuizData } from '../domain/course.ts';
import { emptyProgress, type LearnerProgress } from '../domain/progress.ts';
import { setResume, startAttempt, submitAnswer } from '../domain/progress-updates.ts';
import { encodeSuspendData, suspendCourse } from '../domain/suspend-data.ts';
import { fakeApi, type FakeApi } from '../lms/fake-api.ts';
import { openLms } from '../lms/launch.ts';
import { lmsLink } from '../lms/status.ts';
import { nullPersistence } from '../state/persistence.ts';
import { createAppStore, currentProgress, type AppStore } from '../state/store.ts';
import { adoptLmsLearner, launchInLms } from './lms-launch.ts';
import { linkLms } from './lms-link.ts';

const KEY = 'lms:E2048';
const CHAPTER = course.chapters[0]!;
const QUIZ: QuizData = items.chapters[CHAPTER.id]!.quizzes[0]!;
const codec = suspendCourse(course, items);

const rightAnswer = correctAnswer;

const answered = (p: LearnerProgress, n: number, at: number) => {
  let out = startAttempt(p, QUIZ, KEY, at);
  QUIZ.questions.slice(0, n).forEach((q, i) => (out = submitAnswer(out, QUIZ, q.id, rightAnswer(q), 5000, at + (i + 1) * 1000)));
  return out;
};

/** a page whose hide and visibility the test fires */
function fakePage() {
  const target = new EventTarget();
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
  return {
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
    dispatchEvent: target.dispatchEvent.bind(target),
    document: doc,
    hide() {
      doc.visibilityState = 'hidden';
      doc.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

const disposers: (() => void)[] = [];
afterEach(() => {
  for (const d of disposers.splice(0)) d();
  vi.useRealTimers();
});

async function launched(lms: FakeApi) {
  const launch = openLms(lms.kind === 'scorm12' ? { API: lms.api } : { API_1484_11: lms.api })!;
  const store: AppStore = createAppStore({ course, persistence: nullPersistence() });
  adoptLmsLearner(store, launch);
  const page = fakePage();
  const link = await linkLms(store, launch, { settleMs: 0, page: page as never });
  disposers.push(() => (link.dispose(), store.dispose()));
  return { store, page, launch };
}

const settle = () => new Promise((r) => setTimeout(r, 20));
const ids = (data: Record<string, string>) => Object.keys(data).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k)).sort().map((k) => data[k]);

describe('the course inside an LMS', () => {
  it('takes the LMS’s mastery score over course.yaml’s, and keeps course.yaml’s when the LMS has none', () => {
    const mine = { ...course, masteryScore: 80 };
    launchInLms(mine, { API: fakeApi('scorm12', { 'cmi.student_data.mastery_score': '90' }).api });
    expect(mine.masteryScore).toBe(90);
    launchInLms(mine, { API_1484_11: fakeApi('scorm2004', { 'cmi.scaled_passing_score': '0.57' }).api });
    expect(mine.masteryScore).toBe(57);
    launchInLms(mine, { API: fakeApi('scorm12').api });
    expect(mine.masteryScore).toBe(57);
    expect(launchInLms(mine, {})).toBeUndefined();
  });

  it('takes the learner from the LMS: the current learner has the LMS’s id and name, and no other learner is made', async () => {
    const { store } = await launched(fakeApi('scorm12', { 'cmi.core.student_id': 'E2048', 'cmi.core.student_name': 'Wang, Fang' }));
    const s = store.getState();
    expect(s.currentLearnerId).toBe(KEY);
    expect(s.learners[KEY]).toMatchObject({ name: 'Fang Wang', employeeId: 'E2048' });
    expect(Object.keys(s.learners)).toEqual([KEY]);
  });

  it('resumes from the LMS’s suspend data and location, and writes only the answers the LMS does not hold yet', async () => {
    const t = Date.now() - 60_000;
    // updatedAt older than the answers: the answers the suspend data holds count as written all the same
    const before = { ...setResume(answered(emptyProgress(course.version, t), 2, t), CHAPTER.id), updatedAt: t };
    const suspend = encodeSuspendData(before, codec, { learnerId: KEY }).data;
    const section = CHAPTER.sections[1]!.id;
    const lms = fakeApi('scorm12', {
      'cmi.core.student_id': 'E2048',
      'cmi.core.student_name': 'Wang, Fang',
      'cmi.core.lesson_location': `${CHAPTER.id}/${section}`,
      'cmi.suspend_data': suspend,
      'cmi.interactions.0.id': QUIZ.questions[0]!.id,
      'cmi.interactions.1.id': QUIZ.questions[1]!.id,
    });
    const { store } = await launched(lms);
    const p = currentProgress(store.getState());
    expect(p.resume).toEqual({ chapter: CHAPTER.id, section });
    expect(Object.keys(p.quizzes[QUIZ.id]!.attempts[0]!.answers)).toEqual(QUIZ.questions.slice(0, 2).map((q) => q.id));
    expect(lms.calls.filter((c) => c.startsWith('LMSSetValue cmi.interactions.')).length).toBe(0);

    const q = QUIZ.questions[2]!;
    store.getState().updateProgress((x, now) => submitAnswer(x, QUIZ, q.id, rightAnswer(q), 4000, now));
    await settle();
    expect(lms.committed['cmi.interactions.2.id']).toBe(q.id);
    expect(lms.committed['cmi.interactions.2.result']).toBe('correct');
    expect(ids(lms.committed)).toEqual([QUIZ.questions[0]!.id, QUIZ.questions[1]!.id, q.id]);
    expect(lms.committed['cmi.core.lesson_status']).toBe('incomplete');
    expect(lms.committed['cmi.suspend_data']!.length).toBeLessThanOrEqual(4096);
  });

  it('commits when the page is hidden, and finishes with exit = suspend and this session’s time when it goes', async () => {
    const lms = fakeApi('scorm2004', { 'cmi.learner_id': 'E2048', 'cmi.learner_name': 'Wang Fang' });
    const { store, page } = await launched(lms);
    store.getState().updateProgress((x) => setResume(x, CHAPTER.id, CHAPTER.sections[0]!.id));
    await settle();
    expect(lms.committed['cmi.location']).toBeUndefined();
    page.hide();
    expect(lms.committed['cmi.location']).toBe(`${CHAPTER.id}/${CHAPTER.sections[0]!.id}`);
    page.dispatchEvent(new Event('pagehide'));
    expect(lms.calls.slice(-2)).toEqual(['Commit', 'Terminate']);
    expect(lms.committed).toMatchObject({ 'cmi.exit': 'suspend', 'cmi.completion_status': 'incomplete', 'cmi.success_status': 'unknown' });
    expect(lms.committed['cmi.session_time']).toMatch(/^PT\d+(\.\d+)?S$/);
  });

  it('says when action-plan text is too long for 1.2’s suspend data, and keeps it on the device', async () => {
    const plan = course.chapters.flatMap((c) => c.plans)[0];
    if (!plan) return expect(course.chapters.some((c) => c.plans.length)).toBe(false);
    const long = '合规'.repeat(2500);
    const { store } = await launched(fakeApi('scorm12', { 'cmi.core.student_id': 'E2048', 'cmi.core.student_name': 'Wang, Fang' }));
    store.getState().updateProgress((x) => ({ ...x, plans: { ...x.plans, [plan.id]: [{ id: 'i1', area: plan.areas[0]!.id, action: long, measure: long, due: '2027-03-31' }] } }));
    await settle();
    expect(lmsLink()?.status().keptLocally).toBe(1);
    expect(currentProgress(store.getState()).plans[plan.id]![0]!.action).toBe(long);
  });
});
