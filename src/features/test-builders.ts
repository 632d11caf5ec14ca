/**
 * Small builders for component tests: course data with sensible defaults, a chapter context around it,
 * and a store reset to one fresh learner.
 */
import { createElement, type ReactNode } from 'react';
import type {
  ActionPlanData,
  ChapterInteractive,
  ChapterMeta,
  Choice,
  Pair,
  Question,
  QuizData,
  RiskMatrixData,
  ScenarioData,
  ScenarioOption,
  ScenarioOutcome,
  ScenarioStep,
} from '../domain/course.ts';
import type { LearnerProgress } from '../domain/progress.ts';
import { emptyProgress } from '../domain/progress.ts';
import { maxPathScore } from '../domain/scenario.ts';
import course from 'virtual:course';
import { createAppStore, currentProgress, StoreProvider, type AppStore } from '../state/store.ts';
import { ChapterContext } from '../ui/chapter-context.ts';

export function choice(c: Partial<Choice> & Pick<Choice, 'id'>): Choice {
  return { text: `选项 ${c.id}`, correct: false, ...c };
}

export function pair(p: Pick<Pair, 'id' | 'left' | 'right'>): Pair {
  return { ...p };
}

export function question(q: Partial<Question> & Pick<Question, 'id' | 'type'>): Question {
  return { points: 1, prompt: `题目 ${q.id}`, explain: `解析 ${q.id}`, choices: [], pairs: [], ...q };
}

export function quiz(q: Partial<QuizData> & Pick<QuizData, 'questions'>): QuizData {
  return { id: 'q-quiz', passMark: 80, attempts: 3, ...q };
}

export function option(o: Partial<ScenarioOption> & Pick<ScenarioOption, 'id' | 'to'>): ScenarioOption {
  return { score: 0, text: `选择 ${o.id}`, ...o };
}

export function step(s: Partial<ScenarioStep> & Pick<ScenarioStep, 'id' | 'options'>): ScenarioStep {
  return { text: [`情景 ${s.id}`], ...s };
}

export function outcome(o: Partial<ScenarioOutcome> & Pick<ScenarioOutcome, 'id' | 'rating'>): ScenarioOutcome {
  return { title: `结局 ${o.id}`, text: [`复盘 ${o.id}`], ...o };
}

/** A scenario; the maximum score is computed from the steps like the content build does. */
export function scenario(s: Partial<ScenarioData> & Pick<ScenarioData, 'steps' | 'outcomes'>): ScenarioData {
  const start = s.start ?? s.steps[0]!.id;
  return { id: 's-scn', title: '情景演练', start, maxScore: maxPathScore({ start, steps: s.steps }) ?? 0, ...s };
}

export function riskMatrix(m: Partial<RiskMatrixData> & Pick<RiskMatrixData, 'risks'>): RiskMatrixData {
  return { id: 'm-matrix', title: '给这些风险定级', ...m };
}

export function actionPlan(p: Partial<ActionPlanData> = {}): ActionPlanData {
  return {
    id: 'p-plan',
    title: '我的合规行动计划',
    areas: [
      { id: 'knowledge', label: '知识学习' },
      { id: 'skills', label: '技能提升' },
    ],
    ...p,
  };
}

export function interactive(i: Partial<ChapterInteractive>): ChapterInteractive {
  return { quizzes: [], scenarios: [], matrices: [], plans: [], ...i };
}

export function chapterMeta(c: Partial<ChapterMeta> = {}): ChapterMeta {
  return {
    id: 'test-chapter',
    file: 'content/chapters/99-test.mdx',
    title: '测试章节',
    part: 1,
    minutes: 5,
    objectives: ['测试'],
    sections: [],
    quizzes: [],
    scenarios: [],
    matrices: [],
    plans: [],
    ...c,
  };
}

/** Wraps children in the test's store and a chapter holding the given interactive data. */
export function inChapter(data: Partial<ChapterInteractive>, children: ReactNode): ReactNode {
  return withStore(createElement(ChapterContext.Provider, { value: { chapter: chapterMeta(), interactive: interactive(data) } }, children));
}

let store: AppStore | undefined;

/** The test's store: the real store, kept nowhere, so tests never see each other's writes. */
export function testStore(): AppStore {
  return (store ??= createAppStore({ course }));
}

export function withStore(children: ReactNode): ReactNode {
  return createElement(StoreProvider, { store: testStore() }, children);
}

export const LEARNER_ID = 'learner-1';

/** Starts a fresh store with one learner with empty progress, and returns that learner's id. */
export function resetStore(): string {
  store = createAppStore({ course });
  store.setState({
    learners: { [LEARNER_ID]: { id: LEARNER_ID, name: '测试学员', createdAt: 0 } },
    currentLearnerId: LEARNER_ID,
    progress: { [LEARNER_ID]: emptyProgress('test', 0) },
    quotaExceeded: false,
  });
  return LEARNER_ID;
}

/** The current learner's progress, read from the real store. */
export function progress(): LearnerProgress {
  return currentProgress(testStore().getState());
}
