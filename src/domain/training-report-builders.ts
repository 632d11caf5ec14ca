/**
 * Builders for the training-report tests, the bench and the browser test: learners who work through a course with
 * the same progress updates the player uses, their answers drawn from a seeded model — each learner has an ability,
 * each question an ease, and a learner answers correctly with a probability that rises with both. One question of
 * the course can be made to discriminate the wrong way (the weaker learners get it right).
 */
import { assessmentQuiz, drawQuestions, startAssessment } from './assessment.ts';
import { fixedOffsetCalendar, issueCertificates } from './certificate.ts';
import { buildCompletionRecord, type CompletionRecord } from './completion-record.ts';
import type { CourseItems, CourseManifest, Question, QuizData, ScenarioData } from './course.ts';
import type { LearnerProfile } from './learner.ts';
import { addTime, chooseOption, markSectionSeen, placeRisk, startAttempt, submitAnswer } from './progress-updates.ts';
import { emptyProgress, type LearnerProgress } from './progress.ts';
import { hashSeed, prng } from './random.ts';
import { replay } from './scenario.ts';
import { correctAnswer, type Answer } from './scoring.ts';

export const DEPARTMENTS = ['客户服务部', '营业部', '风险管理部', '综合办公室'] as const;

/** 2026-03-01 08:00 in China (UTC+8) */
export const START = Date.UTC(2026, 2, 1, 0, 0, 0);
const MIN = 60_000;

/** A wrong answer of the question's type (the first wrong choice of a seeded pick). */
export function wrongAnswer(q: Question, rand: () => number): Answer {
  switch (q.type) {
    case 'single': {
      const wrong = q.choices.filter((c) => !c.correct);
      return { type: 'single', choice: wrong[Math.floor(rand() * wrong.length)]?.id ?? q.choices[0]!.id };
    }
    case 'multiple': {
      const right = q.choices.filter((c) => c.correct).map((c) => c.id);
      const wrong = q.choices.filter((c) => !c.correct).map((c) => c.id);
      return { type: 'multiple', choices: wrong.length ? [...right.slice(1), wrong[Math.floor(rand() * wrong.length)]!] : right.slice(1) };
    }
    case 'truefalse':
      return { type: 'truefalse', value: q.answer !== true };
    case 'order': {
      const ids = q.choices.map((c) => c.id);
      return { type: 'order', order: [ids[1]!, ids[0]!, ...ids.slice(2)] };
    }
    case 'match': {
      const ids = q.pairs.map((p) => p.id);
      return { type: 'match', pairs: Object.fromEntries(ids.map((id, k) => [id, ids[(k + 1) % ids.length]!])) };
    }
  }
}

export interface LearnerModel {
  ability: number;
  /** 'none': never opened; 'some': read half the chapters; 'all': did all the coursework and sat the final */
  stage: 'none' | 'some' | 'all';
}

export interface SimulationOptions {
  /** a question id weaker learners answer right more often than stronger ones */
  inverted?: string;
  /** a question id every learner gets wrong */
  impossible?: string;
}

/** The ease of a question, 0.15–0.95, from its id: the same in every run. */
export const easeOf = (id: string) => 0.15 + (hashSeed(`ease:${id}`) % 1000) / 1250;

/** The chance that a learner of this ability answers the question right. */
export function chanceRight(q: Pick<Question, 'id'>, ability: number, o: SimulationOptions): number {
  if (q.id === o.impossible) return 0;
  if (q.id === o.inverted) return 1 - ability;
  return Math.min(1, Math.max(0, 0.2 + 0.8 * ability * (0.5 + easeOf(q.id))));
}

function answerAll(p: LearnerProgress, quiz: QuizData, ability: number, rand: () => number, at: number, o: SimulationOptions): LearnerProgress {
  quiz.questions.forEach((q, k) => {
    const a = rand() < chanceRight(q, ability, o) ? correctAnswer(q) : wrongAnswer(q, rand);
    p = submitAnswer(p, quiz, q.id, a, 20_000 + Math.floor(rand() * 40_000), at + (k + 1) * MIN);
  });
  return p;
}

function walkScenario(p: LearnerProgress, s: ScenarioData, ability: number, rand: () => number, at: number): LearnerProgress {
  let t = at;
  for (let guard = 0; guard < 50; guard++) {
    const walk = replay(s, p.scenarios[s.id]?.latest.choices ?? []);
    if (walk.current.kind !== 'step') break;
    const id = walk.current.id;
    const step = s.steps.find((x) => x.id === id);
    if (!step) break;
    const best = [...step.options].sort((a, b) => b.score - a.score)[0]!;
    const option = rand() < ability ? best : step.options[Math.floor(rand() * step.options.length)]!;
    t += MIN;
    p = chooseOption(p, s, { step: step.id, option: option.id }, t);
  }
  return p;
}

/** One learner's progress through the course, by the model. */
export function simulateProgress(m: CourseManifest, items: CourseItems, learnerId: string, model: LearnerModel, seed: number, o: SimulationOptions = {}): LearnerProgress {
  const rand = prng(seed);
  let p: LearnerProgress = { ...emptyProgress(m.version, START), startedAt: START };
  if (model.stage === 'none') return p;
  let t = START + Math.floor(rand() * 20) * 24 * 60 * MIN;
  const chapters = model.stage === 'all' ? m.chapters : m.chapters.slice(0, Math.ceil(m.chapters.length / 2));
  for (const ch of chapters) {
    const content = items.chapters[ch.id];
    for (const s of ch.sections) p = markSectionSeen(p, s.id, (t += 3 * MIN));
    for (const quiz of content?.quizzes ?? []) {
      p = startAttempt(p, quiz, learnerId, (t += MIN));
      p = answerAll(p, quiz, model.ability, rand, t, o);
      t += (quiz.questions.length + 1) * MIN;
      // a learner who did all the coursework retakes a failed quiz until it passes, answering from the feedback
      if (model.stage === 'all' && !p.quizzes[quiz.id]?.attempts.some((a) => a.passed)) {
        p = startAttempt(p, quiz, learnerId, (t += MIN));
        p = answerAll(p, quiz, 1, () => 0, t, {});
        t += (quiz.questions.length + 1) * MIN;
      }
    }
    for (const s of content?.scenarios ?? []) p = walkScenario(p, s, model.ability, rand, (t += MIN));
    for (const mx of content?.matrices ?? []) for (const r of mx.risks) p = placeRisk(p, mx.id, r.id, { likelihood: r.likelihood, impact: r.impact });
    p = addTime(p, ch.id, (ch.minutes * 0.6 + rand() * ch.minutes) * MIN);
  }
  const bankId = m.assessmentBank?.id;
  if (model.stage === 'all' && bankId && items.bank.length) {
    const drawn = drawQuestions(items.bank, m.assessment, seed, 'final');
    p = startAssessment(p, bankId, m.assessment.attempts, { questionIds: drawn.map((q) => q.id), seed, mode: 'final' }, (t += 10 * MIN));
    p = answerAll(p, assessmentQuiz(bankId, drawn, m.masteryScore, m.assessment.attempts), model.ability, rand, t, o);
    t += (drawn.length + 1) * MIN;
    p = issueCertificates(p, m, learnerId, fixedOffsetCalendar(480));
  }
  return { ...p, updatedAt: t };
}

export interface SimulatedLearner {
  learner: LearnerProfile;
  progress: LearnerProgress;
}

/** `n` learners with spread abilities: 5% never start, 15% do half the chapters, the rest everything. */
export function simulatedLearners(m: CourseManifest, items: CourseItems, n: number, o: SimulationOptions = {}, seed = 1): SimulatedLearner[] {
  const rand = prng(seed);
  return Array.from({ length: n }, (_, i): SimulatedLearner => {
    const id = `lrn-${String(i + 1).padStart(5, '0')}`;
    const r = rand();
    const model: LearnerModel = { ability: rand(), stage: r < 0.05 ? 'none' : r < 0.2 ? 'some' : 'all' };
    const learner: LearnerProfile = { id, name: `学员${i + 1}`, employeeId: `E${10000 + i}`, department: DEPARTMENTS[i % DEPARTMENTS.length]!, createdAt: START };
    return { learner, progress: simulateProgress(m, items, id, model, hashSeed(`${seed}:${id}`), o) };
  });
}

/** Their completion records, as the trainer's device builds them from imported files. */
export function simulatedRecords(m: CourseManifest, items: CourseItems, n: number, o: SimulationOptions = {}, seed = 1, now = START + 90 * 24 * 60 * MIN): CompletionRecord[] {
  return simulatedLearners(m, items, n, o, seed).map(({ learner, progress }) => buildCompletionRecord({ manifest: m, items, learner, progress, now }));
}
