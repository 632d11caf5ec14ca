/** Builders for the records page's tests: real coursework on the real course, made by the domain's own updates. */
import type { CourseItems, CourseManifest } from '../../domain/course.ts';
import { chooseOption, markSectionSeen, startAttempt, submitAnswer } from '../../domain/progress-updates.ts';
import { emptyProgress, type LearnerProgress } from '../../domain/progress.ts';
import { correctAnswer } from '../../domain/scoring.ts';

const MIN = 60_000;

/** The answer that earns every point of a question (the one the quiz shows once it is over). */
export const rightAnswer = correctAnswer;

/**
 * The first chapter that has a quiz and a scenario: every section read, the quiz answered right, the scenario
 * walked to an outcome taking each step's first option. Starts at `at`, one step a minute.
 */
export function courseworkIn(manifest: CourseManifest, items: CourseItems, at: number, base: LearnerProgress = { ...emptyProgress(manifest.version, at), startedAt: at }) {
  const chapter = manifest.chapters.find((c) => c.quizzes.length > 0 && c.scenarios.length > 0)!;
  const content = items.chapters[chapter.id]!;
  let p = base;
  let t = at;
  for (const s of chapter.sections) p = markSectionSeen(p, s.id, (t += MIN));
  const quiz = content.quizzes[0]!;
  p = startAttempt(p, quiz, 'records-test', (t += MIN));
  for (const q of quiz.questions) p = submitAnswer(p, quiz, q.id, rightAnswer(q), 20_000, (t += MIN));
  const scenario = content.scenarios[0]!;
  const steps = new Map(scenario.steps.map((s) => [s.id, s]));
  for (let step = steps.get(scenario.start); step; ) {
    const option = step.options[0]!;
    p = chooseOption(p, scenario, { step: step.id, option: option.id }, (t += MIN));
    step = steps.get(option.to);
  }
  return { progress: { ...p, updatedAt: t }, chapter, quiz, scenario, end: t };
}
