/**
 * Forgiving restore of stored learner data: whatever is read back (an older version, a damaged record, progress
 * from a previous course version), the result is a valid state. Defaults are filled, ids the course no longer has
 * are dropped, and every repair is reported so the caller can keep a backup and tell the learner.
 */
import type { CourseManifest } from './course.ts';
import type { LearnerProfile } from './learner.ts';
import type { IssuedCertificate, LearnerProgress, PlanItem, QuizAttempt, QuizProgress, Round, ScenarioProgress, ScenarioRun } from './progress.ts';
import type { Placement } from './risk.ts';
import type { Answer, QuestionScore } from './scoring.ts';

export interface StoredState {
  learners: Record<string, LearnerProfile>;
  currentLearnerId?: string;
  progress: Record<string, LearnerProgress>;
  /** ids of learners whose data was deleted on this device: never brought back by a merge */
  removed?: string[];
}

export interface RestoreReport {
  state: StoredState;
  /** human-readable notes of what was repaired or dropped (for logs and the backup) */
  repairs: string[];
  /** some stored data could not be read (as opposed to ids the course no longer has) */
  damaged: boolean;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

/** The ids of everything a learner can have progress on, from the manifest. */
export function courseIds(m: CourseManifest) {
  const sections = new Set<string>();
  const quizzes = new Map<string, Set<string>>();
  const scenarios = new Set<string>();
  const matrices = new Map<string, Set<string>>();
  const plans = new Set<string>();
  const chapters = new Set<string>();
  if (m.assessmentBank) quizzes.set(m.assessmentBank.id, new Set(m.bank.map((q) => q.id)));
  for (const c of m.chapters) {
    chapters.add(c.id);
    c.sections.forEach((s) => sections.add(s.id));
    c.quizzes.forEach((q) => quizzes.set(q.id, new Set(q.questionIds)));
    c.scenarios.forEach((s) => scenarios.add(s.id));
    c.matrices.forEach((x) => matrices.set(x.id, new Set(x.riskIds)));
    c.plans.forEach((p) => plans.add(p.id));
  }
  return { sections, quizzes, scenarios, matrices, plans, chapters };
}

function answer(v: unknown): Answer | undefined {
  if (!isObj(v)) return undefined;
  switch (v.type) {
    case 'single':
      return isStr(v.choice) ? { type: 'single', choice: v.choice } : undefined;
    case 'multiple':
      return Array.isArray(v.choices) ? { type: 'multiple', choices: v.choices.filter(isStr) } : undefined;
    case 'truefalse':
      return typeof v.value === 'boolean' ? { type: 'truefalse', value: v.value } : undefined;
    case 'order':
      return Array.isArray(v.order) ? { type: 'order', order: v.order.filter(isStr) } : undefined;
    case 'match':
      return isObj(v.pairs) ? { type: 'match', pairs: Object.fromEntries(Object.entries(v.pairs).filter(([, x]) => isStr(x))) as Record<string, string> } : undefined;
    default:
      return undefined;
  }
}

function restoreAttempt(v: unknown, questions: Set<string>, note: (s: string) => void, where: string): QuizAttempt | undefined {
  if (!isObj(v) || !isNum(v.n)) {
    note(`${where}: unreadable attempt dropped`);
    return undefined;
  }
  const answers: Record<string, Answer> = {};
  const scores: Record<string, QuestionScore> = {};
  const latency: Record<string, number> = {};
  const answeredAt: Record<string, number> = {};
  const startedAt = isNum(v.startedAt) ? v.startedAt : 0;
  for (const [qid, a] of Object.entries(isObj(v.answers) ? v.answers : {})) {
    const parsed = answer(a);
    if (!questions.has(qid)) note(`${where}: answer to removed question ${qid} dropped`);
    else if (!parsed) note(`${where}: unreadable answer to ${qid} dropped`);
    else {
      answers[qid] = parsed;
      const s = isObj(v.scores) ? v.scores[qid] : undefined;
      if (isObj(s) && isNum(s.score) && isNum(s.max)) scores[qid] = { score: s.score, max: s.max, correct: s.correct === true };
      const l = isObj(v.latency) ? v.latency[qid] : undefined;
      if (isNum(l)) latency[qid] = l;
      const at = isObj(v.answeredAt) ? v.answeredAt[qid] : undefined;
      // a missing time is never invented later than the attempt's end: the start is the honest lower bound
      answeredAt[qid] = isNum(at) ? at : startedAt;
    }
  }
  const a: QuizAttempt = { n: v.n, seed: isNum(v.seed) ? v.seed : v.n, startedAt, answers, scores, latency, answeredAt };
  // assessment attempts remember which questions were drawn
  if (Array.isArray(v.questionIds)) a.questionIds = v.questionIds.filter((q): q is string => isStr(q) && questions.has(q));
  if (v.mode === 'final' || v.mode === 'refresher' || v.mode === 'recertification') a.mode = v.mode;
  if (isStr(v.courseVersion)) a.courseVersion = v.courseVersion;
  if (isNum(v.submittedAt)) {
    a.submittedAt = v.submittedAt;
    if (isNum(v.score)) a.score = v.score;
    if (isNum(v.max)) a.max = v.max;
    if (isNum(v.percent)) a.percent = v.percent;
    a.passed = v.passed === true;
  }
  return a;
}

function run(v: unknown, fallbackAt: number): ScenarioRun | undefined {
  if (!isObj(v) || !Array.isArray(v.choices)) return undefined;
  const choices = v.choices.filter((c): c is { step: string; option: string; at?: unknown } => isObj(c) && isStr(c.step) && isStr(c.option));
  const end = isNum(v.endedAt) ? v.endedAt : fallbackAt;
  const r: ScenarioRun = { choices: choices.map((c) => ({ step: c.step, option: c.option, at: isNum(c.at) ? c.at : end })), score: isNum(v.score) ? v.score : 0 };
  if (isStr(v.outcome)) r.outcome = v.outcome;
  if (isNum(v.endedAt)) r.endedAt = v.endedAt;
  return r;
}

const isDate = (v: unknown): v is string => isStr(v) && /^\d{4}-\d{2}-\d{2}$/.test(v);

function restoreRound(v: unknown, known: Set<string>, note: (s: string) => void, where: string): Round | undefined {
  if (!isObj(v) || !isNum(v.n) || !isNum(v.openedAt) || !Array.isArray(v.sections)) {
    note(`${where}: unreadable round dropped`);
    return undefined;
  }
  const sections = v.sections.filter((s): s is string => isStr(s) && known.has(s));
  const read = Object.fromEntries(Object.entries(isObj(v.read) ? v.read : {}).filter(([s, t]) => sections.includes(s) && isNum(t))) as Record<string, number>;
  const r: Round = { n: v.n, openedAt: v.openedAt, sections, read };
  if (isNum(v.unlockedAt)) r.unlockedAt = v.unlockedAt;
  // the sections left to re-read were all removed from the course: nothing stands in the way any more
  else if (sections.every((s) => read[s] !== undefined)) r.unlockedAt = Math.max(v.openedAt, ...Object.values(read));
  return r;
}

function restoreCertificate(v: unknown): IssuedCertificate | undefined {
  if (!isObj(v) || !isNum(v.n) || !isStr(v.number) || !isNum(v.issuedAt) || !isDate(v.issuedOn) || !isDate(v.validUntil) || !isNum(v.attempt)) return undefined;
  return {
    n: v.n,
    number: v.number,
    issuedAt: v.issuedAt,
    issuedOn: v.issuedOn,
    validUntil: v.validUntil,
    courseVersion: isStr(v.courseVersion) ? v.courseVersion : '',
    score: isNum(v.score) ? v.score : 0,
    attempt: v.attempt,
    kind: v.kind === 'renewal' ? 'renewal' : 'initial',
  };
}

export function restoreProgress(raw: unknown, m: CourseManifest, note: (s: string) => void, who = 'learner'): LearnerProgress {
  const ids = courseIds(m);
  const p = isObj(raw) ? raw : {};
  if (!isObj(raw)) note(`${who}: progress unreadable, started afresh`);
  const keep = <T>(source: unknown, known: (id: string) => boolean, read: (v: unknown, id: string) => T | undefined, what: string): Record<string, T> => {
    const out: Record<string, T> = {};
    if (source !== undefined && !isObj(source)) note(`${who}: ${what} unreadable`);
    for (const [id, v] of Object.entries(isObj(source) ? source : {})) {
      if (!known(id)) {
        note(`${who}: ${what} ${id} is no longer in the course, dropped`);
        continue;
      }
      const r = read(v, id);
      if (r === undefined) note(`${who}: ${what} ${id} unreadable, dropped`);
      else out[id] = r;
    }
    return out;
  };
  const updatedAt = isNum(p.updatedAt) ? p.updatedAt : 0;
  const sectionsSeen = keep(p.sectionsSeen, (id) => ids.sections.has(id), (v) => (isNum(v) ? v : undefined), 'section');
  const quizzes = keep<QuizProgress>(
    p.quizzes,
    (id) => ids.quizzes.has(id),
    (v, id) => {
      if (!isObj(v) || !Array.isArray(v.attempts)) return undefined;
      const qs = ids.quizzes.get(id)!;
      const attempts = v.attempts.flatMap((a) => restoreAttempt(a, qs, note, `${who}: quiz ${id}`) ?? []);
      return { attempts };
    },
    'quiz',
  );
  const scenarios = keep<ScenarioProgress>(
    p.scenarios,
    (id) => ids.scenarios.has(id),
    (v) => {
      if (!isObj(v)) return undefined;
      const latest = run(v.latest, updatedAt) ?? { choices: [], score: 0 };
      const best = run(v.best, updatedAt);
      return { latest, ...(best ? { best } : {}), runs: isNum(v.runs) ? v.runs : 1 };
    },
    'scenario',
  );
  const matrices = keep<Record<string, Placement>>(
    p.matrices,
    (id) => ids.matrices.has(id),
    (v, id) => {
      if (!isObj(v)) return undefined;
      const risks = ids.matrices.get(id)!;
      const out: Record<string, Placement> = {};
      for (const [rid, pl] of Object.entries(v))
        if (risks.has(rid) && isObj(pl) && isNum(pl.likelihood) && isNum(pl.impact)) out[rid] = { likelihood: pl.likelihood, impact: pl.impact };
      return out;
    },
    'risk matrix',
  );
  const plans = keep<PlanItem[]>(
    p.plans,
    (id) => ids.plans.has(id),
    (v) =>
      Array.isArray(v)
        ? v.filter((i): i is PlanItem => isObj(i) && isStr(i.id) && isStr(i.action)).map((i) => ({
            id: i.id,
            area: isStr(i.area) ? i.area : '',
            action: i.action,
            measure: isStr(i.measure) ? i.measure : '',
            due: isStr(i.due) ? i.due : '',
            ...(i.done === true ? { done: true } : {}),
            ...(i.deleted === true ? { deleted: true } : {}),
          }))
        : undefined,
    'action plan',
  );
  const time = keep(p.time, (id) => ids.chapters.has(id), (v) => (isNum(v) && v >= 0 ? v : undefined), 'chapter time');
  const out: LearnerProgress = {
    courseVersion: m.version,
    sectionsSeen,
    quizzes,
    scenarios,
    matrices,
    plans,
    time,
    updatedAt,
  };
  if (isNum(p.startedAt)) out.startedAt = p.startedAt;
  const rounds = keep<Round[]>(p.rounds, (id) => ids.quizzes.has(id), (v, id) => (Array.isArray(v) ? v.flatMap((r) => restoreRound(r, ids.sections, note, `${who}: quiz ${id}`) ?? []) : undefined), 'rounds of quiz');
  if (Object.keys(rounds).length) out.rounds = rounds;
  // certificates are kept whatever the course now holds: an issued certificate is a fact, not progress
  if (p.certificates !== undefined) {
    const certificates = Array.isArray(p.certificates) ? p.certificates.flatMap((c) => restoreCertificate(c) ?? (note(`${who}: unreadable certificate dropped`), [])) : (note(`${who}: certificates unreadable`), []);
    if (certificates.length) out.certificates = certificates;
  }
  if (isObj(p.resume) && isStr(p.resume.chapter) && ids.chapters.has(p.resume.chapter)) {
    out.resume = { chapter: p.resume.chapter };
    if (isStr(p.resume.section) && ids.sections.has(p.resume.section)) out.resume.section = p.resume.section;
  }
  return out;
}

/** Restores the whole stored state: learners and each learner's progress. Never throws. */
export function restoreState(raw: unknown, m: CourseManifest): RestoreReport {
  const repairs: string[] = [];
  const note = (s: string) => repairs.push(s);
  const s = isObj(raw) ? raw : {};
  if (!isObj(raw)) note('stored state unreadable, started afresh');
  const removed = Array.isArray(s.removed) ? s.removed.filter(isStr) : [];
  const learners: Record<string, LearnerProfile> = {};
  for (const [id, l] of Object.entries(isObj(s.learners) ? s.learners : {})) {
    if (removed.includes(id)) continue;
    if (!isObj(l)) {
      note(`learner ${id} unreadable, dropped`);
      continue;
    }
    learners[id] = {
      id,
      name: isStr(l.name) ? l.name : '',
      createdAt: isNum(l.createdAt) ? l.createdAt : 0,
      ...(isStr(l.employeeId) && l.employeeId ? { employeeId: l.employeeId } : {}),
      ...(isStr(l.department) && l.department ? { department: l.department } : {}),
      ...(isObj(l.pin) && isStr(l.pin.salt) && isStr(l.pin.hash) && /^[0-9a-f]{64}$/.test(l.pin.hash) ? { pin: { salt: l.pin.salt, hash: l.pin.hash } } : {}),
    };
  }
  const progress: Record<string, LearnerProgress> = {};
  const storedProgress = isObj(s.progress) ? s.progress : {};
  for (const id of Object.keys(learners)) progress[id] = restoreProgress(storedProgress[id] ?? {}, m, note, `learner ${id}`);
  for (const id of Object.keys(storedProgress)) if (!learners[id] && !removed.includes(id)) note(`progress of unknown learner ${id} dropped`);
  const state: StoredState = { learners, progress };
  if (removed.length) state.removed = removed;
  if (isStr(s.currentLearnerId) && learners[s.currentLearnerId]) state.currentLearnerId = s.currentLearnerId;
  return { state, repairs, damaged: repairs.some((r) => r.includes('unreadable')) };
}
