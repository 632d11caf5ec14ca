/**
 * The completion record: one neutral account of what a learner did in a course, built from the course manifest,
 * the answer key (`CourseItems`), the learner's profile and their stored progress. Every export format (SCORM 1.2,
 * SCORM 2004, xAPI, CSV), the LMS runtime, the LRS outbox and the records page read this record and nothing
 * else, so what a learner achieved is worked out once, here. Pure: the time is passed in.
 *
 * Times are epoch milliseconds and durations milliseconds; each format writes them in its own notation.
 */
import { resultsByPart, type PartResult } from './assessment.ts';
import { certificate, type Certificate } from './certificate.ts';
import type { ChapterMeta, CourseItems, CourseManifest, Question, QuestionType, RecordSettings, ScenarioData, ScenarioStep } from './course.ts';
import type { LearnerProfile } from './learner.ts';
import { chapterStatus, courseSummary, sectionsSeenIn, type IssuedCertificate, type LearnerProgress, type QuizAttempt, type ScenarioRun, type Status } from './progress.ts';
import { replay } from './scenario.ts';
import { scoreQuestion, type Answer } from './scoring.ts';

/** Bumped when a field changes meaning or disappears, so a reader of an older record can tell. */
export const COMPLETION_RECORD_VERSION = 1;

export type CompletionStatus = 'not-attempted' | 'incomplete' | 'completed';
export type SuccessStatus = 'unknown' | 'passed' | 'failed';

/** The four interaction shapes the course's questions and decisions take; SCORM and xAPI both name them so. */
export type InteractionType = 'choice' | 'true-false' | 'sequencing' | 'matching';

/** A learner's response or a correct response, by author-written ids. */
export type InteractionResponse =
  | { type: 'choice'; ids: string[] }
  | { type: 'true-false'; value: boolean }
  | { type: 'sequencing'; ids: string[] }
  /** [source id, target id]: a match question's left item and the item whose right side was put beside it */
  | { type: 'matching'; pairs: [string, string][] };

export type InteractionResult = 'correct' | 'incorrect' | 'partial';

/** Where an interaction came from. */
export type InteractionSource =
  | { kind: 'quiz'; chapterId: string; quizId: string; attempt: number }
  | { kind: 'assessment'; bankId: string; attempt: number; mode: NonNullable<QuizAttempt['mode']> }
  | { kind: 'scenario'; chapterId: string; scenarioId: string; run: 'latest' | 'best' };

export interface InteractionOption {
  id: string;
  text: string;
}

export interface InteractionRecord {
  /** unique within the record and stable across exports: "quiz/<quiz>/<attempt>/<question>", "assessment/<bank>/<attempt>/<question>", "scenario/<scenario>/<run's first decision, epoch ms>/<n>/<step>" */
  key: string;
  /** the author-written id: a question id, or the scenario step a decision was taken on */
  id: string;
  kind: 'chapter-question' | 'assessment-question' | 'scenario-decision';
  type: InteractionType;
  /** the question as authored ('decision' for a scenario step) */
  questionType: QuestionType | 'decision';
  /** the question's prompt, or the step's narrative */
  description: string;
  /** choice and sequencing: the choices; matching: the left-hand items (sources) */
  choices: InteractionOption[];
  /** matching only: the right-hand items (targets) */
  targets?: InteractionOption[];
  response: InteractionResponse;
  /** every response that earns full credit: one for a question; one per best option for a decision */
  correct: InteractionResponse[];
  result: InteractionResult;
  /** points earned; for a decision, the points of the option taken */
  score: number;
  /** points available; for a decision, the most any option of the step gives */
  weight: number;
  /** the fewest points possible: 0 for a question; for a decision, its lowest option when that is negative */
  minScore: number;
  /** ms from the question being shown (or the previous answer, or the previous decision) to this one */
  latencyMs?: number;
  /** when it was submitted or taken */
  at: number;
  /** the course part (0 introduction, 1–9, 10 summary) the question tests or the chapter belongs to */
  part: number;
  source: InteractionSource;
}

export interface ScoreRecord {
  raw: number;
  min: number;
  max: number;
  /** raw / max, 0–1 */
  scaled: number;
  /** 0–100 */
  percent: number;
}

export interface ScenarioRecord {
  id: string;
  title: string;
  runs: number;
  /** the best finished run's outcome, else the latest run's */
  outcome?: { id: string; rating: 'good' | 'fair' | 'poor'; title: string };
  score: number;
  maxScore: number;
  endedAt?: number;
}

export interface ChapterRecord {
  id: string;
  title: string;
  part: number;
  status: Status;
  sectionsSeen: number;
  sections: number;
  /** the chapter's quizzes, each at its best finished attempt; absent before any quiz of the chapter is finished */
  score?: ScoreRecord & { passed: boolean };
  timeMs: number;
  /** when the last section was seen or the last quiz first passed, for a completed chapter */
  completedAt?: number;
  scenarios: ScenarioRecord[];
}

export interface AttemptRecord {
  n: number;
  mode: NonNullable<QuizAttempt['mode']>;
  startedAt: number;
  submittedAt?: number;
  courseVersion?: string;
  questions: number;
  score?: ScoreRecord;
  passed?: boolean;
  parts: PartResult[];
}

export interface PlanItemRecord {
  planId: string;
  chapterId: string;
  itemId: string;
  area: string;
  areaLabel: string;
  action: string;
  measure: string;
  due: string;
  done: boolean;
}

export interface CompletionRecord {
  recordVersion: typeof COMPLETION_RECORD_VERSION;
  generatedAt: number;
  course: {
    id: string;
    version: string;
    title: string;
    organisation?: string;
    defaultLocale: string;
    masteryScore: number;
    /** the course version the learner's progress was kept on */
    progressVersion: string;
    records?: RecordSettings;
    /** the final-assessment bank, when the course has one */
    assessment?: { id: string; title: string };
  };
  learner: { localId: string; name: string; employeeId?: string; department?: string };
  completionStatus: CompletionStatus;
  successStatus: SuccessStatus;
  /** 0–1: sections seen and chapter quizzes passed, over all of them */
  progressMeasure: number;
  /**
   * The course score is the final assessment's: its best finished attempt in 'final' mode (highest percentage,
   * the earlier on a tie). Refreshers are practice and recertification attempts renew a certificate; both are
   * listed under `attempts` but do not set the course score. Absent before a final attempt is finished.
   */
  score?: ScoreRecord & { attempt: number };
  time: { firstLaunch?: number; lastAccess: number; totalActiveMs: number };
  resume?: { chapter: string; section?: string };
  chapters: ChapterRecord[];
  interactions: InteractionRecord[];
  attempts: AttemptRecord[];
  /** the current certificate's standing at `generatedAt` */
  certificate: Certificate;
  /** every certificate issued and kept in the learner's progress, oldest first */
  certificates: IssuedCertificate[];
  actionPlan: PlanItemRecord[];
  /** the runtime's suspend data, passed through as given */
  suspendData?: string;
}

export interface CompletionRecordInput {
  manifest: CourseManifest;
  items: CourseItems;
  learner: LearnerProfile;
  progress: LearnerProgress;
  now: number;
  suspendData?: string;
}

const round = (n: number, places = 4) => Math.round(n * 10 ** places) / 10 ** places;
const scoreOf = (raw: number, max: number): ScoreRecord => ({ raw: round(raw, 3), min: 0, max, scaled: max > 0 ? round(raw / max) : 0, percent: max > 0 ? round((raw / max) * 100, 2) : 0 });
const text = (s: string) => s.replace(/\s+/g, ' ').trim();

function responseOf(q: Question, a: Answer): InteractionResponse | undefined {
  if (a.type !== q.type) return undefined;
  switch (a.type) {
    case 'single':
      return { type: 'choice', ids: [a.choice] };
    case 'multiple':
      return { type: 'choice', ids: [...a.choices] };
    case 'truefalse':
      return { type: 'true-false', value: a.value };
    case 'order':
      return { type: 'sequencing', ids: [...a.order] };
    case 'match':
      return { type: 'matching', pairs: q.pairs.filter((p) => a.pairs[p.id] !== undefined).map((p) => [p.id, a.pairs[p.id]!]) };
  }
}

function correctOf(q: Question): InteractionResponse {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return { type: 'choice', ids: q.choices.filter((c) => c.correct).map((c) => c.id) };
    case 'truefalse':
      return { type: 'true-false', value: q.answer === true };
    case 'order':
      return { type: 'sequencing', ids: q.choices.map((c) => c.id) };
    case 'match':
      return { type: 'matching', pairs: q.pairs.map((p) => [p.id, p.id]) };
  }
}

const interactionType: Record<QuestionType, InteractionType> = { single: 'choice', multiple: 'choice', truefalse: 'true-false', order: 'sequencing', match: 'matching' };

function questionInteractions(q: Question, attempt: QuizAttempt, part: number, source: InteractionSource, key: string): InteractionRecord | undefined {
  const answer = attempt.answers[q.id];
  const response = answer && responseOf(q, answer);
  const at = attempt.answeredAt[q.id] ?? attempt.submittedAt;
  if (!response || at === undefined) return undefined;
  const s = attempt.scores[q.id] ?? scoreQuestion(q, answer);
  const latency = attempt.latency[q.id];
  return {
    key,
    id: q.id,
    kind: source.kind === 'assessment' ? 'assessment-question' : 'chapter-question',
    type: interactionType[q.type],
    questionType: q.type,
    description: text(q.prompt),
    choices: q.type === 'match' ? q.pairs.map((p) => ({ id: p.id, text: text(p.left) })) : q.choices.map((c) => ({ id: c.id, text: text(c.text) })),
    ...(q.type === 'match' ? { targets: q.pairs.map((p) => ({ id: p.id, text: text(p.right) })) } : {}),
    response,
    correct: [correctOf(q)],
    result: s.correct ? 'correct' : s.score > 0 ? 'partial' : 'incorrect',
    score: s.score,
    weight: q.points,
    minScore: 0,
    ...(latency !== undefined && Number.isFinite(latency) ? { latencyMs: Math.max(0, Math.round(latency)) } : {}),
    at,
    part,
    source,
  };
}

/** The options of a step that keep the best score still reachable from it (a decision's "correct" options). */
function bestOptions(s: ScenarioData, step: ScenarioStep): string[] {
  const steps = new Map(s.steps.map((st) => [st.id, st]));
  const memo = new Map<string, number>();
  const value = (id: string, path: Set<string>): number => {
    const st = steps.get(id);
    if (!st || path.has(id)) return 0; // an outcome, or a loop the content check already rejects
    if (memo.has(id)) return memo.get(id)!;
    const next = new Set(path).add(id);
    const v = Math.max(0, ...st.options.map((o) => o.score + value(o.to, next)));
    memo.set(id, v);
    return v;
  };
  const totals = step.options.map((o) => ({ id: o.id, v: o.score + value(o.to, new Set([step.id])) }));
  const best = Math.max(...totals.map((t) => t.v));
  return totals.filter((t) => t.v === best).map((t) => t.id);
}

function decisionInteractions(s: ScenarioData, chapter: ChapterMeta, run: ScenarioRun, label: 'latest' | 'best'): InteractionRecord[] {
  const steps = new Map(s.steps.map((st) => [st.id, st]));
  // a run is keyed by when it began, not by its label: the latest run may become the best, and its keys (and the
  // xAPI statement ids made from them) must stay the same when it does
  const begun = run.choices[0]?.at ?? 0;
  // only the decisions that still fit the scenario as written count (content may have changed since)
  const valid = replay(s, run.choices).valid.length;
  const out: InteractionRecord[] = [];
  run.choices.slice(0, valid).forEach((c, i) => {
    const step = steps.get(c.step)!;
    const option = step.options.find((o) => o.id === c.option)!;
    const best = bestOptions(s, step);
    const previous = i > 0 ? run.choices[i - 1]!.at : undefined;
    out.push({
      key: `scenario/${s.id}/${begun}/${i + 1}/${step.id}`,
      id: step.id,
      kind: 'scenario-decision',
      type: 'choice',
      questionType: 'decision',
      description: text(step.text.join(' ')),
      choices: step.options.map((o) => ({ id: o.id, text: text(o.text) })),
      response: { type: 'choice', ids: [option.id] },
      correct: best.map((id) => ({ type: 'choice', ids: [id] })),
      result: best.includes(option.id) ? 'correct' : 'incorrect',
      score: option.score,
      weight: Math.max(0, ...step.options.map((o) => o.score)),
      minScore: Math.min(0, ...step.options.map((o) => o.score)),
      ...(previous !== undefined ? { latencyMs: Math.max(0, c.at - previous) } : {}),
      at: c.at,
      part: chapter.part,
      source: { kind: 'scenario', chapterId: chapter.id, scenarioId: s.id, run: label },
    });
  });
  return out;
}

const sameRun = (a: ScenarioRun, b: ScenarioRun) => a.endedAt === b.endedAt && a.choices.length === b.choices.length && a.choices.every((c, i) => c.step === b.choices[i]!.step && c.option === b.choices[i]!.option && c.at === b.choices[i]!.at);

const finished = (a: QuizAttempt) => a.submittedAt !== undefined && a.percent !== undefined && a.score !== undefined && a.max !== undefined;

/** The best finished attempt: the highest percentage, the earlier on a tie. */
function bestAttempt(attempts: readonly QuizAttempt[]): QuizAttempt | undefined {
  return attempts.filter(finished).reduce<QuizAttempt | undefined>((best, a) => (!best || a.percent! > best.percent! ? a : best), undefined);
}

function chapterRecord(p: LearnerProgress, ch: ChapterMeta, content: CourseItems['chapters'][string] | undefined): ChapterRecord {
  const status = chapterStatus(p, ch);
  let raw = 0;
  let attempted = 0;
  for (const q of ch.quizzes) {
    const best = bestAttempt(p.quizzes[q.id]?.attempts ?? []);
    if (best) {
      attempted++;
      raw += best.score!;
    }
  }
  const max = ch.quizzes.reduce((s, q) => s + q.maxPoints, 0);
  const firstPass = (quizId: string) => (p.quizzes[quizId]?.attempts ?? []).find((a) => a.passed === true)?.submittedAt;
  const completedAt =
    status === 'completed'
      ? Math.max(0, ...ch.sections.map((s) => p.sectionsSeen[s.id] ?? 0), ...ch.quizzes.map((q) => firstPass(q.id) ?? 0))
      : undefined;
  const scenarios = ch.scenarios.map((meta): ScenarioRecord => {
    const sp = p.scenarios[meta.id];
    const run = sp?.best ?? sp?.latest;
    const outcome = run?.outcome ? meta.outcomes.find((o) => o.id === run.outcome) : undefined;
    const data = content?.scenarios.find((s) => s.id === meta.id);
    const score = run && data ? replay(data, run.choices).score : (run?.score ?? 0);
    return {
      id: meta.id,
      title: meta.title,
      runs: sp?.runs ?? 0,
      ...(outcome ? { outcome: { id: outcome.id, rating: outcome.rating, title: outcome.title } } : {}),
      score,
      maxScore: meta.maxScore,
      ...(run?.endedAt !== undefined ? { endedAt: run.endedAt } : {}),
    };
  });
  return {
    id: ch.id,
    title: ch.title,
    part: ch.part,
    status,
    sectionsSeen: sectionsSeenIn(p, ch),
    sections: ch.sections.length,
    ...(attempted > 0 ? { score: { ...scoreOf(raw, max), passed: ch.quizzes.every((q) => firstPass(q.id) !== undefined) } } : {}),
    timeMs: Math.max(0, Math.round(p.time[ch.id] ?? 0)),
    ...(completedAt !== undefined ? { completedAt } : {}),
    scenarios,
  };
}

/** The part of the record a list of learners shows; it needs no answer key, so it stays light. */
export interface CompletionSummary {
  completionStatus: CompletionStatus;
  successStatus: SuccessStatus;
  progressMeasure: number;
  score?: ScoreRecord & { attempt: number };
  chaptersCompleted: number;
  chapters: number;
  totalActiveMs: number;
}

/** The record's status, score and time, worked out as `buildCompletionRecord` does (it takes them from here). */
export function completionSummary(m: CourseManifest, p: LearnerProgress): CompletionSummary {
  const summary = courseSummary(p, m);
  const bankId = m.assessmentBank?.id;
  const assessment = bankId ? (p.quizzes[bankId]?.attempts ?? []) : [];
  const best = bestAttempt(assessment.filter((a) => (a.mode ?? 'final') === 'final'));
  const formalPass = assessment.some((a) => a.passed === true && a.submittedAt !== undefined && (a.mode ?? 'final') !== 'refresher');
  const finalsDone = assessment.some((a) => (a.mode ?? 'final') === 'final' && a.submittedAt !== undefined);
  const touched = summary.status !== 'not-started' || assessment.length > 0;
  return {
    completionStatus: summary.status === 'completed' ? 'completed' : touched ? 'incomplete' : 'not-attempted',
    successStatus: formalPass ? 'passed' : finalsDone ? 'failed' : 'unknown',
    progressMeasure: round(summary.percent / 100, 2),
    ...(best ? { score: { ...scoreOf(best.score!, best.max!), attempt: best.n } } : {}),
    chaptersCompleted: summary.chaptersCompleted,
    chapters: summary.chapters,
    totalActiveMs: Math.round(summary.timeMs),
  };
}

/** Builds the learner's completion record. Unknown ids in the progress (content removed since) are left out. */
export function buildCompletionRecord({ manifest: m, items, learner, progress: p, now, suspendData }: CompletionRecordInput): CompletionRecord {
  const interactions: InteractionRecord[] = [];
  for (const ch of m.chapters) {
    const content = items.chapters[ch.id];
    for (const quiz of content?.quizzes ?? [])
      for (const attempt of p.quizzes[quiz.id]?.attempts ?? [])
        for (const q of quiz.questions) {
          const source: InteractionSource = { kind: 'quiz', chapterId: ch.id, quizId: quiz.id, attempt: attempt.n };
          const r = questionInteractions(q, attempt, ch.part, source, `quiz/${quiz.id}/${attempt.n}/${q.id}`);
          if (r) interactions.push(r);
        }
    for (const s of content?.scenarios ?? []) {
      const sp = p.scenarios[s.id];
      if (!sp) continue;
      if (sp.best) interactions.push(...decisionInteractions(s, ch, sp.best, 'best'));
      if (!sp.best || !sameRun(sp.best, sp.latest)) interactions.push(...decisionInteractions(s, ch, sp.latest, 'latest'));
    }
  }

  const bankId = m.assessmentBank?.id;
  const bank = new Map(items.bank.map((q) => [q.id, q]));
  const assessment = bankId ? (p.quizzes[bankId]?.attempts ?? []) : [];
  const attempts: AttemptRecord[] = [];
  for (const a of assessment) {
    const mode = a.mode ?? 'final';
    const drawn = (a.questionIds ?? Object.keys(a.answers)).flatMap((id) => bank.get(id) ?? []);
    for (const q of drawn) {
      const r = questionInteractions(q, a, q.part ?? 0, { kind: 'assessment', bankId: bankId!, attempt: a.n, mode }, `assessment/${bankId}/${a.n}/${q.id}`);
      if (r) interactions.push(r);
    }
    attempts.push({
      n: a.n,
      mode,
      startedAt: a.startedAt,
      ...(a.submittedAt !== undefined ? { submittedAt: a.submittedAt } : {}),
      ...(a.courseVersion ? { courseVersion: a.courseVersion } : {}),
      questions: drawn.length,
      ...(finished(a) ? { score: scoreOf(a.score!, a.max!) } : {}),
      ...(a.passed !== undefined && a.submittedAt !== undefined ? { passed: a.passed } : {}),
      parts: resultsByPart(drawn, a),
    });
  }
  // chronological, as an LMS journals them; the build order (course order) settles ties
  const order = new Map(interactions.map((r, i) => [r.key, i]));
  interactions.sort((a, b) => a.at - b.at || order.get(a.key)! - order.get(b.key)!);

  const summary = completionSummary(m, p);
  const chapters = m.chapters.map((ch) => chapterRecord(p, ch, items.chapters[ch.id]));

  const times = [
    ...Object.values(p.sectionsSeen),
    ...Object.values(p.quizzes).flatMap((q) => q.attempts.map((a) => a.startedAt)),
    ...interactions.map((r) => r.at),
  ].filter((t) => Number.isFinite(t) && t > 0);
  const firstLaunch = p.startedAt ?? (times.length ? Math.min(...times) : undefined);

  const actionPlan: PlanItemRecord[] = m.chapters.flatMap((ch) =>
    ch.plans.flatMap((plan) =>
      (p.plans[plan.id] ?? [])
        .filter((item) => !item.deleted && (item.action.trim() || item.measure.trim()))
        .map((item) => ({
          planId: plan.id,
          chapterId: ch.id,
          itemId: item.id,
          area: item.area,
          areaLabel: plan.areas.find((a) => a.id === item.area)?.label ?? item.area,
          action: item.action,
          measure: item.measure,
          due: item.due,
          done: item.done === true,
        })),
    ),
  );

  return {
    recordVersion: COMPLETION_RECORD_VERSION,
    generatedAt: now,
    course: {
      id: m.id,
      version: m.version,
      title: m.title,
      ...(m.organisation ? { organisation: m.organisation } : {}),
      defaultLocale: m.defaultLocale,
      masteryScore: m.masteryScore,
      progressVersion: p.courseVersion,
      ...(m.records ? { records: { ...m.records } } : {}),
      ...(m.assessmentBank ? { assessment: { id: m.assessmentBank.id, title: m.assessmentBank.title } } : {}),
    },
    learner: {
      localId: learner.id,
      name: learner.name,
      ...(learner.employeeId?.trim() ? { employeeId: learner.employeeId.trim() } : {}),
      ...(learner.department?.trim() ? { department: learner.department.trim() } : {}),
    },
    completionStatus: summary.completionStatus,
    successStatus: summary.successStatus,
    progressMeasure: summary.progressMeasure,
    ...(summary.score ? { score: summary.score } : {}),
    time: { ...(firstLaunch !== undefined ? { firstLaunch } : {}), lastAccess: Math.max(p.updatedAt, ...times), totalActiveMs: summary.totalActiveMs },
    ...(p.resume ? { resume: { ...p.resume } } : {}),
    chapters,
    interactions,
    attempts,
    certificate: certificate(p, m, now),
    certificates: [...(p.certificates ?? [])].sort((a, b) => a.n - b.n),
    actionPlan,
    ...(suspendData !== undefined ? { suspendData } : {}),
  };
}
