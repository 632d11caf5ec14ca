/**
 * The worst-case learner for the suspend-data budget, generated from the course it is given (never from fixed ids or
 * counts: chapters and questions change). Everything a learner can leave behind is there, at its widest: every
 * section seen, every chapter quiz's allowance of attempts used (the last one passed; `chapterRounds` adds rounds of
 * re-reading and further attempts) with every question answered (every choice of a multiple choice, full orders and
 * matchings, partial scores), the final assessment's allowance failed, a round re-reading every chapter, the next
 * allowance passed, a refresher and a recertification with two certificates, every scenario walked several times
 * with the latest and the best run on different, long paths, every risk placed, a written action plan (one item per
 * area with a 20-character action and a 12-character measure, and a removed one), the resume point and the time in
 * every chapter.
 */
import { drawQuestions } from './assessment.ts';
import { certificateNumber } from './certificate.ts';
import type { CourseItems, CourseManifest, Question, ScenarioData } from './course.ts';
import type { LearnerProgress, PlanItem, QuizAttempt, Round, ScenarioRun } from './progress.ts';
import { hashSeed, shuffle } from './random.ts';
import type { Answer, QuestionScore } from './scoring.ts';
import { scoreQuestion } from './scoring.ts';

const MINUTE = 60_000;

/** A plan entry's text: Chinese, as learners write here, `n` characters long. */
const PHRASE = '每月复习一次合规手册并整理工作中遇到的风险点，与主管确认后更新部门操作清单，按时完成培训考核';
const cjk = (n: number, shift: number) => Array.from({ length: n }, (_, i) => [...PHRASE][(i + shift) % [...PHRASE].length]).join('');

/** The answer that takes the most room: the last choice, every choice in reverse, full orders and matchings. */
function widestAnswer(q: Question, correct: boolean): Answer {
  const choices = q.choices.map((c) => c.id);
  switch (q.type) {
    case 'single':
      return { type: 'single', choice: correct ? (q.choices.find((c) => c.correct)?.id ?? choices[0]!) : choices.at(-1)! };
    case 'multiple':
      return { type: 'multiple', choices: correct ? q.choices.filter((c) => c.correct).map((c) => c.id) : [...choices].reverse() };
    case 'truefalse':
      return { type: 'truefalse', value: correct ? q.answer === true : q.answer !== true };
    case 'order':
      return { type: 'order', order: correct ? choices : [...choices].reverse() };
    case 'match': {
      const ids = q.pairs.map((p) => p.id);
      return { type: 'match', pairs: Object.fromEntries(ids.map((id, i) => [id, correct ? id : ids[(i + 1) % ids.length]!])) };
    }
  }
}

interface Clock {
  t: number;
}

function attempt(questions: readonly Question[], n: number, seed: number, pass: boolean, clock: Clock, extra: Partial<QuizAttempt> = {}): QuizAttempt {
  const startedAt = clock.t;
  const a: QuizAttempt = { n, seed, startedAt, answers: {}, scores: {}, latency: {}, answeredAt: {}, ...extra };
  // answered in the order shown (the seeded shuffle), each some tens of seconds after the one before
  for (const [i, q] of shuffle(questions, seed).entries()) {
    const latency = (23 + ((i * 37 + n * 11) % 90)) * 1000;
    clock.t += latency + (i % 3) * 1000;
    const answer = widestAnswer(q, pass);
    a.answers[q.id] = answer;
    const s: QuestionScore = scoreQuestion(q, answer);
    a.scores[q.id] = s;
    a.latency[q.id] = latency;
    a.answeredAt[q.id] = clock.t;
  }
  clock.t += 17_000;
  const score = Math.round(Object.values(a.scores).reduce((x, s) => x + s.score, 0) * 1000) / 1000;
  const max = Object.values(a.scores).reduce((x, s) => x + s.max, 0);
  const percent = max > 0 ? Math.round((score / max) * 100 * 1000) / 1000 : 0;
  return { ...a, submittedAt: clock.t, score, max, percent, passed: pass };
}

/** Paths through a scenario from its start to an outcome, longest first (the option ids taken). */
function paths(s: ScenarioData): { step: string; option: string; to: string; score: number }[][] {
  const steps = new Map(s.steps.map((st) => [st.id, st]));
  const out: { step: string; option: string; to: string; score: number }[][] = [];
  const walk = (at: string, path: { step: string; option: string; to: string; score: number }[], seen: Set<string>) => {
    const step = steps.get(at);
    if (!step || seen.has(at)) {
      out.push(path);
      return;
    }
    for (const o of step.options) walk(o.to, [...path, { step: at, option: o.id, to: o.to, score: o.score }], new Set([...seen, at]));
  };
  walk(s.start, [], new Set());
  return out.sort((a, b) => b.length - a.length);
}

function run(s: ScenarioData, path: { step: string; option: string; to: string; score: number }[], clock: Clock): ScenarioRun {
  const choices = path.map((c) => {
    clock.t += 41_000;
    return { step: c.step, option: c.option, at: clock.t };
  });
  const last = path.at(-1);
  const outcome = last && s.outcomes.some((o) => o.id === last.to) ? last.to : undefined;
  clock.t += 5_000;
  return { choices, score: path.reduce((x, c) => x + c.score, 0), ...(outcome ? { outcome } : {}), endedAt: clock.t };
}

/**
 * The worst-case progress of one learner through the whole course. `startedAt` is when the learner began (epoch ms,
 * a whole second); the learner then takes a few weeks. Attempt seeds are derived from `learnerId` as the player does.
 */
export function worstCaseProgress(
  manifest: CourseManifest,
  items: CourseItems,
  options: { learnerId?: string; startedAt?: number; chapterRounds?: number } = {},
): LearnerProgress {
  const { learnerId = 'E20260417', startedAt = Date.UTC(2026, 2, 2, 1, 30), chapterRounds = 0 } = options;
  const clock: Clock = { t: startedAt };
  const p: LearnerProgress = { courseVersion: manifest.version, sectionsSeen: {}, quizzes: {}, scenarios: {}, matrices: {}, plans: {}, time: {}, updatedAt: startedAt, startedAt };
  const rounds: Record<string, Round[]> = {};
  // as the player seeds attempts: the learner id, the quiz (or bank) id and the attempt number
  const seed = (text: string) => hashSeed(`${learnerId}:${text}`);

  for (const ch of manifest.chapters) {
    const data = items.chapters[ch.id];
    const begin = clock.t;
    for (const s of ch.sections) {
      clock.t += 6 * MINUTE + 13_000;
      p.sectionsSeen[s.id] = clock.t;
    }
    for (const quizMeta of ch.quizzes) {
      const quiz = data?.quizzes.find((q) => q.id === quizMeta.id);
      if (!quiz) continue;
      const perRound = quiz.attempts || 3;
      const attempts: QuizAttempt[] = [];
      const last = perRound * (chapterRounds + 1);
      // the allowance (and each round's, after re-reading the chapter) used, the last attempt passed
      for (let n = 1; n <= last; n++) {
        attempts.push(attempt(quiz.questions, n, seed(`${quiz.id}:${n}`), n === last, clock));
        if (n % perRound || n === last) continue;
        const openedAt = (clock.t += 2 * MINUTE);
        const read = Object.fromEntries(ch.sections.map((s) => [s.id, (clock.t += 3 * MINUTE)]));
        (rounds[quiz.id] ??= []).push({ n: n / perRound + 1, openedAt, sections: ch.sections.map((s) => s.id), read, unlockedAt: clock.t });
      }
      p.quizzes[quiz.id] = { attempts };
    }
    for (const s of data?.scenarios ?? []) {
      const all = paths(s);
      const best = [...all].sort((a, b) => b.reduce((x, c) => x + c.score, 0) - a.reduce((x, c) => x + c.score, 0) || b.length - a.length)[0] ?? [];
      const longest = all.find((path) => path !== best) ?? best;
      p.scenarios[s.id] = { latest: run(s, longest, clock), best: run(s, best, clock), runs: 3 };
    }
    for (const m of ch.matrices) p.matrices[m.id] = Object.fromEntries(m.riskIds.map((r, i) => [r, { likelihood: 4 - (i % 4), impact: 1 + (i % 4) }]));
    for (const plan of ch.plans) {
      const written: PlanItem[] = plan.areas.map((a, i) => ({
        id: `i${(clock.t += MINUTE).toString(36)}`,
        area: a.id,
        action: cjk(20, i * 5),
        measure: cjk(12, i * 7 + 3),
        due: new Date(startedAt + (90 + i * 30) * 86_400_000).toISOString().slice(0, 10),
        ...(i === 0 ? { done: true } : {}),
      }));
      const removed: PlanItem = { id: `i${(clock.t += MINUTE).toString(36)}`, area: '', action: '', measure: '', due: '', deleted: true };
      p.plans[plan.id] = [...written, removed];
    }
    p.time[ch.id] = clock.t - begin;
    clock.t += 20 * 60 * MINUTE; // the next chapter on another day
  }

  const bankId = manifest.assessmentBank?.id;
  if (bankId && items.bank.length) {
    const a = manifest.assessment;
    const attempts: QuizAttempt[] = [];
    const draw = (n: number, mode: 'final' | 'refresher' | 'recertification') =>
      drawQuestions(items.bank, a, seed(`${bankId}:${n}`), mode, mode === 'final' ? new Set() : new Set([0, 3, 5]));
    const take = (mode: 'final' | 'refresher' | 'recertification', pass: boolean) => {
      const n = attempts.length + 1;
      const questions = draw(n, mode);
      attempts.push(attempt(questions, n, seed(`${bankId}:${n}`), pass, clock, { questionIds: questions.map((q) => q.id), mode, courseVersion: manifest.version }));
    };
    const perRound = a.attempts || 3;
    for (let i = 0; i < perRound; i++) take('final', false);
    const openedAt = (clock.t += 5 * MINUTE);
    const sections = manifest.chapters.flatMap((c) => c.sections.map((s) => s.id));
    const read = Object.fromEntries(sections.map((s) => [s, (clock.t += 2 * MINUTE)]));
    rounds[bankId] = [{ n: 2, openedAt, sections, read, unlockedAt: clock.t }];
    for (let i = 0; i < perRound; i++) take('final', i === perRound - 1);
    const initial = attempts.at(-1)!;
    take('refresher', false);
    take('recertification', true);
    const renewal = attempts.at(-1)!;
    const day = (t: number) => new Date(t).toISOString().slice(0, 10);
    const until = (t: number) => day(t + 365 * 86_400_000);
    const issue = (n: number, a: QuizAttempt, kind: 'initial' | 'renewal') => {
      // issued a moment after the attempt was handed in, to the millisecond as the player stamps it
      const issuedAt = a.submittedAt! + 387;
      const issuedOn = day(issuedAt);
      const number = certificateNumber(manifest.id, learnerId, n, issuedAt, issuedOn);
      return { n, number, issuedAt, issuedOn, validUntil: until(issuedAt), courseVersion: manifest.version, score: a.percent!, attempt: a.n, kind };
    };
    p.certificates = [issue(1, initial, 'initial'), issue(2, renewal, 'renewal')];
    p.quizzes[bankId] = { attempts };
  }
  p.rounds = rounds;
  const last = manifest.chapters.at(-1);
  if (last) p.resume = { chapter: last.id, ...(last.sections.at(-1) ? { section: last.sections.at(-1)!.id } : {}) };
  p.updatedAt = clock.t;
  return p;
}
