/**
 * The suspend-data codec: one learner's resume state (LearnerProgress) as a short string an LMS stores for us.
 *
 * Why a codec of its own: SCORM 1.2 keeps cmi.suspend_data as a CMIString4096 (at most 4096 characters), and many
 * LMSs mangle quotes, backslashes and non-ASCII there. So ids are replaced by their position in the course (the
 * course is the key for both ends), numbers are written bit by bit in variable-length codes, and the bits are
 * written as base64url (A–Z a–z 0–9 - _) with "." between parts: printable ASCII with nothing any LMS escapes.
 *
 * Layout: `Z1` (format version 1), then parts separated by ".":
 *   header   course hash, base time, course version, updatedAt, startedAt, resume point, rounds, certificates
 *   chapter  one per chapter of the course, in course order: the chapter's content hash, then its active time,
 *            sections seen, quiz attempts, scenario runs, risk placements, plans
 *   bank     the final-assessment attempts, with the bank's content hash
 * Each part's hash covers the ids (and question types and points) it is written against. A part whose hash no
 * current chapter has was written for another version of that content: the decoder leaves it out and keeps the rest,
 * so a package of a newer course version restores what still matches.
 *
 * What is kept exactly, and what is not (the rest goes to interactions and the local copy):
 * - times to the whole second (epoch ms rounded; a certificate's issue instant to the ms, as its number is made from
 *   it), durations in whole seconds, scores and percents to 0.001 (as scoring rounds them);
 * - every attempt of every quiz with its number, seed, times and result; the answers, per-question scores,
 *   latencies and answer times of only the latest attempt, the best one and any that earned a certificate
 *   (older attempts' details are reported as omitted);
 * - ids the course does not have, answers naming choices it does not have, and invalid placements are dropped;
 * - action-plan items whose text does not fit in `maxLength` are left out whole and reported.
 */
import { certificateNumber } from './certificate.ts';
import type { CourseItems, CourseManifest, Question, QuestionType } from './course.ts';
import type { IssuedCertificate, LearnerProgress, PlanItem, QuizAttempt, QuizProgress, Round, ScenarioProgress, ScenarioRun } from './progress.ts';
import { hashSeed } from './random.ts';
import type { Placement } from './risk.ts';
import type { Answer, QuestionScore } from './scoring.ts';

/** SCORM 1.2 cmi.suspend_data is a CMIString4096 (SCORM 1.2 RTE 3.4.2.4). */
export const SCORM12_SUSPEND_DATA_LIMIT = 4096;

const FORMAT = 'Z1';
const PART = '.';

// ---------------------------------------------------------------------------------------------------------------
// The course as the codec sees it: ids in order, and a hash per part

interface QuestionKey {
  id: string;
  type: QuestionType;
  points: number;
  choices: string[];
  pairs: string[];
}

interface QuizKey {
  id: string;
  questions: QuestionKey[];
}

interface ScenarioKey {
  id: string;
  start: string;
  steps: { id: string; options: { id: string; to: string; score: number }[] }[];
  outcomes: string[];
}

interface ChapterKey {
  id: string;
  sections: string[];
  quizzes: QuizKey[];
  scenarios: ScenarioKey[];
  matrices: { id: string; risks: string[] }[];
  plans: { id: string; areas: string[] }[];
}

/** The course's ids in the order the codec writes them, with each part's hash: build once per course. */
export interface SuspendCourse {
  id: string;
  version: string;
  chapters: (ChapterKey & { hash: number })[];
  bank?: QuizKey & { hash: number };
  /** hash of every part's ids: equal when the data was written for exactly this course */
  hash: number;
}

const questionKey = (q: Question): QuestionKey => ({
  id: q.id,
  type: q.type,
  points: q.points,
  choices: q.choices.map((c) => c.id),
  pairs: q.pairs.map((p) => p.id),
});

// 24 bits: about one chance in 16 million that a changed part is taken for an unchanged one
const partHash = (key: unknown) => hashSeed(JSON.stringify(key)) >>> 8;

export function suspendCourse(manifest: CourseManifest, items: CourseItems): SuspendCourse {
  const chapters = manifest.chapters.map((ch) => {
    const data = items.chapters[ch.id];
    const key: ChapterKey = {
      id: ch.id,
      sections: ch.sections.map((s) => s.id),
      quizzes: ch.quizzes.map((q) => ({ id: q.id, questions: (data?.quizzes.find((d) => d.id === q.id)?.questions ?? []).map(questionKey) })),
      scenarios: (data?.scenarios ?? []).map((s) => ({
        id: s.id,
        start: s.start,
        steps: s.steps.map((st) => ({ id: st.id, options: st.options.map((o) => ({ id: o.id, to: o.to, score: o.score })) })),
        outcomes: s.outcomes.map((o) => o.id),
      })),
      matrices: ch.matrices.map((m) => ({ id: m.id, risks: [...m.riskIds] })),
      plans: ch.plans.map((p) => ({ id: p.id, areas: p.areas.map((a) => a.id) })),
    };
    return { ...key, hash: partHash(key) };
  });
  const bankKey = manifest.assessmentBank ? { id: manifest.assessmentBank.id, questions: items.bank.map(questionKey) } : undefined;
  const bank = bankKey && { ...bankKey, hash: partHash(bankKey) };
  const hash = hashSeed(JSON.stringify([chapters.map((c) => c.hash), bank?.hash ?? 0])) >>> 2;
  return { id: manifest.id, version: manifest.version, chapters, ...(bank ? { bank } : {}), hash };
}

// ---------------------------------------------------------------------------------------------------------------
// Bits: fixed-width fields, exp-Golomb codes for unbounded numbers, and base64url for the characters

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** bits needed to tell `n` values apart */
const widthFor = (n: number) => (n <= 1 ? 0 : Math.ceil(Math.log2(n)));

class BitWriter {
  private bits: number[] = [];

  bit(b: boolean | number): void {
    this.bits.push(b ? 1 : 0);
  }

  /** `value` (0 ≤ value < 2^width, width ≤ 53) in `width` bits, most significant first */
  uint(value: number, width: number): void {
    for (let i = width - 1; i >= 0; i--) this.bits.push(Math.floor(value / 2 ** i) % 2);
  }

  /** exp-Golomb code of order k for a non-negative integer: small values take few bits, no value is too large */
  eg(value: number, k: number): void {
    const x = Math.floor(value / 2 ** k) + 1;
    // counted, not Math.log2: near 2^53 the logarithm rounds up
    let len = 0;
    while (2 ** (len + 1) <= x) len++;
    for (let i = 0; i < len; i++) this.bits.push(0);
    this.uint(x, len + 1);
    this.uint(value % 2 ** k, k);
  }

  /** a signed integer, zigzagged (0, -1, 1, -2, …) into exp-Golomb */
  sg(value: number, k: number): void {
    this.eg(value < 0 ? -2 * value - 1 : 2 * value, k);
  }

  text(): string {
    let out = '';
    for (let i = 0; i < this.bits.length; i += 6) {
      let v = 0;
      for (let j = 0; j < 6; j++) v = v * 2 + (this.bits[i + j] ?? 0);
      out += ALPHABET[v];
    }
    return out;
  }
}

class Malformed extends Error {}

class BitReader {
  private bits: number[] = [];
  private at = 0;

  constructor(text: string) {
    for (const ch of text) {
      const v = ALPHABET.indexOf(ch);
      if (v < 0) throw new Malformed(`character ${JSON.stringify(ch)}`);
      for (let j = 5; j >= 0; j--) this.bits.push((v >> j) & 1);
    }
  }

  bit(): boolean {
    if (this.at >= this.bits.length) throw new Malformed('ends early');
    return this.bits[this.at++] === 1;
  }

  uint(width: number): number {
    let v = 0;
    for (let i = 0; i < width; i++) v = v * 2 + (this.bit() ? 1 : 0);
    return v;
  }

  eg(k: number): number {
    let len = 0;
    while (!this.bit()) if (++len > 52) throw new Malformed('number too long');
    const x = 2 ** len + this.uint(len);
    return (x - 1) * 2 ** k + this.uint(k);
  }

  sg(k: number): number {
    const z = this.eg(k);
    return z % 2 ? -(z + 1) / 2 : z / 2;
  }

  /** an index below `n`, or a malformed part */
  index(n: number): number {
    const i = this.uint(widthFor(n));
    if (i >= n) throw new Malformed('index out of range');
    return i;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Value codes shared by encoder and decoder

const seconds = (ms: number) => Math.round(ms / 1000);
const milli = (x: number) => Math.round(x * 1000);
/** as scoring rounds: to 0.001 */
const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** Times written as the difference to the time written before them (in the same part), in whole seconds. */
class Clock {
  constructor(private last: number) {}

  /** `expectSec`: how long after the last time this one is expected; `k`: the code's order, small when that is a good guess */
  put(w: BitWriter, ms: number, expectSec = 0, k = 8): void {
    const s = Number.isFinite(ms) ? seconds(ms) : this.last + expectSec;
    w.sg(s - this.last - expectSec, k);
    this.last = s;
  }

  get(r: BitReader, expectSec = 0, k = 8): number {
    this.last = this.last + expectSec + r.sg(k);
    return this.last * 1000;
  }
}

/** a number: integers as themselves, others to 0.001 */
function putNum(w: BitWriter, value: number): void {
  const x = Number.isFinite(value) ? value : 0;
  const int = Number.isInteger(x);
  w.bit(!int);
  if (int) w.sg(x, 3);
  else w.sg(milli(x), 8);
}
function getNum(r: BitReader): number {
  return r.bit() ? r.sg(8) / 1000 : r.sg(3);
}

const CJK_FIRST = 0x4e00;
const CJK_LAST = 0x9fff;

/** Text by code point: ASCII in 8 bits, CJK Unified Ideographs in 17, anything else in 23. */
function putText(w: BitWriter, s: string): void {
  const cps = [...s].map((c) => c.codePointAt(0)!);
  w.eg(cps.length, 3);
  for (const cp of cps) {
    if (cp < 0x80) {
      w.bit(0);
      w.uint(cp, 7);
    } else if (cp >= CJK_FIRST && cp <= CJK_LAST) {
      w.uint(0b10, 2);
      w.uint(cp - CJK_FIRST, 15);
    } else {
      w.uint(0b11, 2);
      w.uint(cp, 21);
    }
  }
}
function getText(r: BitReader): string {
  const n = r.eg(3);
  let out = '';
  for (let i = 0; i < n; i++) {
    const ascii = !r.bit();
    const cjk = !ascii && !r.bit();
    const cp = ascii ? r.uint(7) : cjk ? CJK_FIRST + r.uint(15) : r.uint(21);
    if (cp > 0x10ffff) throw new Malformed('code point');
    out += String.fromCodePoint(cp);
  }
  return out;
}

/** a course version: most often the course's own, in one bit */
function putVersion(w: BitWriter, v: string, course: string): void {
  w.bit(v === course);
  if (v !== course) putText(w, v);
}
const getVersion = (r: BitReader, course: string) => (r.bit() ? course : getText(r));

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** a yyyy-mm-dd date as days since 1970-01-01 (17 bits, to 2328); anything else as text */
function putDate(w: BitWriter, s: string): void {
  const m = DATE.exec(s);
  const days = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS : -1;
  const ok = days >= 0 && days < 2 ** 17 && new Date(days * DAY_MS).toISOString().slice(0, 10) === s;
  w.bit(!ok);
  if (ok) w.uint(days, 17);
  else putText(w, s);
}
const getDate = (r: BitReader) => (r.bit() ? getText(r) : new Date(r.uint(17) * DAY_MS).toISOString().slice(0, 10));

/** absent / false / true */
function putFlag(w: BitWriter, b: boolean | undefined): void {
  w.bit(b !== undefined);
  if (b !== undefined) w.bit(b);
}
const getFlag = (r: BitReader): boolean | undefined => (r.bit() ? r.bit() : undefined);

function putOpt<T>(w: BitWriter, v: T | undefined, put: (v: T) => void): void {
  w.bit(v !== undefined);
  if (v !== undefined) put(v);
}

// ---------------------------------------------------------------------------------------------------------------
// What the encoder reports

export type SuspendOmission =
  /** an action-plan item whose text did not fit: send it to interactions and tell the learner */
  | { kind: 'plan-item'; plan: string; item: PlanItem }
  /** an older attempt kept as its result only: its answers belong in interactions */
  | { kind: 'attempt-details'; quiz: string; attempt: number }
  /** something that names an id the course does not have, or a value the course cannot hold */
  | { kind: 'not-in-course'; what: string };

export interface EncodedSuspendData {
  data: string;
  omitted: SuspendOmission[];
  /** false when even without the plan texts the data is longer than `maxLength` */
  fits: boolean;
}

export type DecodedSuspendData =
  | {
      ok: true;
      progress: LearnerProgress;
      /** written for exactly this course's ids */
      sameCourse: boolean;
      /** parts (chapters, the bank) written for another version of their content and left out */
      unmatched: number;
    }
  | { ok: false; reason: 'empty' | 'other-format' | 'other-learner' | 'malformed' };

class Omissions {
  list: SuspendOmission[] = [];
  notInCourse(what: string): void {
    this.list.push({ kind: 'not-in-course', what });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Answers and question records

function putAnswer(w: BitWriter, q: QuestionKey, a: Answer): boolean {
  if (a.type !== q.type) return false;
  const idx = (ids: string[], id: string) => ids.indexOf(id);
  switch (a.type) {
    case 'single': {
      const i = idx(q.choices, a.choice);
      if (i < 0) return false;
      w.uint(i, widthFor(q.choices.length));
      return true;
    }
    case 'truefalse':
      w.bit(a.value);
      return true;
    case 'multiple':
    case 'order': {
      const list = a.type === 'multiple' ? a.choices : a.order;
      const is = list.map((id) => idx(q.choices, id));
      if (is.some((i) => i < 0)) return false;
      w.eg(is.length, 2);
      for (const i of is) w.uint(i, widthFor(q.choices.length));
      return true;
    }
    case 'match': {
      const keys = Object.keys(a.pairs);
      if (keys.some((k) => !q.pairs.includes(k) || !q.pairs.includes(a.pairs[k]!))) return false;
      for (const left of q.pairs) {
        const right = a.pairs[left];
        w.bit(right !== undefined);
        if (right !== undefined) w.uint(idx(q.pairs, right), widthFor(q.pairs.length));
      }
      return true;
    }
  }
}

function getAnswer(r: BitReader, q: QuestionKey): Answer {
  switch (q.type) {
    case 'single':
      return { type: 'single', choice: q.choices[r.index(q.choices.length)]! };
    case 'truefalse':
      return { type: 'truefalse', value: r.bit() };
    case 'multiple':
    case 'order': {
      const n = r.eg(2);
      const ids: string[] = [];
      for (let i = 0; i < n; i++) ids.push(q.choices[r.index(q.choices.length)]!);
      return q.type === 'multiple' ? { type: 'multiple', choices: ids } : { type: 'order', order: ids };
    }
    case 'match': {
      const pairs: Record<string, string> = {};
      for (const left of q.pairs) if (r.bit()) pairs[left] = q.pairs[r.index(q.pairs.length)]!;
      return { type: 'match', pairs };
    }
  }
}

/** 00 nothing scored, 01 full marks, 10 partial (score only), 11 as stored (score, max, correct) */
function putScore(w: BitWriter, q: QuestionKey, s: QuestionScore): void {
  const standard = s.max === q.points;
  if (standard && s.score === 0 && !s.correct) w.uint(0, 2);
  else if (standard && s.score === q.points && s.correct) w.uint(1, 2);
  else if (standard && !s.correct && s.score === round3(s.score)) {
    w.uint(2, 2);
    w.sg(milli(s.score), 6);
  } else {
    w.uint(3, 2);
    putNum(w, s.score);
    putNum(w, s.max);
    w.bit(s.correct);
  }
}

function getScore(r: BitReader, q: QuestionKey): QuestionScore {
  switch (r.uint(2)) {
    case 0:
      return { score: 0, max: q.points, correct: false };
    case 1:
      return { score: q.points, max: q.points, correct: true };
    case 2:
      return { score: r.sg(6) / 1000, max: q.points, correct: false };
    default:
      return { score: getNum(r), max: getNum(r), correct: r.bit() };
  }
}

interface Details {
  answers: Record<string, Answer>;
  scores: Record<string, QuestionScore>;
  latency: Record<string, number>;
  answeredAt: Record<string, number>;
}

/** One question's record in an attempt: which of its four entries are there, then each. */
function putQuestion(w: BitWriter, q: QuestionKey, d: Details, clock: Clock, out: Omissions, where: string): void {
  let answer = d.answers[q.id];
  const score = d.scores[q.id];
  const latency = d.latency[q.id];
  const at = d.answeredAt[q.id];
  if (answer !== undefined) {
    const probe = new BitWriter();
    if (!putAnswer(probe, q, answer)) {
      out.notInCourse(`${where}: the answer to ${q.id}`);
      answer = undefined;
    }
  }
  const has = [answer !== undefined, score !== undefined, latency !== undefined, at !== undefined];
  const all = has.every(Boolean);
  w.bit(all);
  if (!all) for (const h of has) w.bit(h);
  if (answer !== undefined) putAnswer(w, q, answer);
  if (score !== undefined) putScore(w, q, score);
  const lat = latency === undefined ? undefined : Math.max(0, seconds(latency));
  if (lat !== undefined) w.eg(lat, 5);
  // an answer usually comes its latency after the one before it: written as the difference to that
  if (at !== undefined) clock.put(w, at, lat ?? 0, lat === undefined ? 5 : 1);
}

/**
 * The questions an attempt has records of: which ones (a bit each), then their records in the order they were
 * answered (as positions among those not yet written), so each answer time is its latency after the one before.
 */
function putQuestions(w: BitWriter, universe: QuestionKey[], d: Details, clock: Clock, out: Omissions, where: string): void {
  const has = (q: QuestionKey) => d.answers[q.id] !== undefined || d.scores[q.id] !== undefined || d.latency[q.id] !== undefined || d.answeredAt[q.id] !== undefined;
  for (const q of universe) w.bit(has(q));
  const rest = universe.filter(has);
  const when = (q: QuestionKey) => d.answeredAt[q.id] ?? Infinity;
  const order = [...rest].sort((a, b) => when(a) - when(b));
  // chapter quizzes show their questions in course order: most learners answer them in that order
  const inOrder = order.every((q, i) => q === rest[i]);
  w.bit(inOrder);
  for (const q of order) {
    const at = rest.indexOf(q);
    if (!inOrder) w.uint(at, widthFor(rest.length));
    rest.splice(at, 1);
    putQuestion(w, q, d, clock, out, where);
  }
}

function getQuestions(r: BitReader, universe: QuestionKey[], d: Details, clock: Clock): void {
  const rest = universe.filter(() => r.bit());
  const inOrder = r.bit();
  while (rest.length) {
    const [q] = rest.splice(inOrder ? 0 : r.index(rest.length), 1);
    getQuestion(r, q!, d, clock);
  }
}

function getQuestion(r: BitReader, q: QuestionKey, d: Details, clock: Clock): void {
  const all = r.bit();
  const has = all ? [true, true, true, true] : [r.bit(), r.bit(), r.bit(), r.bit()];
  if (has[0]) d.answers[q.id] = getAnswer(r, q);
  if (has[1]) d.scores[q.id] = getScore(r, q);
  let lat = 0;
  if (has[2]) {
    lat = r.eg(5);
    d.latency[q.id] = lat * 1000;
  }
  if (has[3]) d.answeredAt[q.id] = clock.get(r, has[2] ? lat : 0, has[2] ? 1 : 5);
}

// ---------------------------------------------------------------------------------------------------------------
// Attempts

const MODES = [undefined, 'final', 'refresher', 'recertification'] as const;

/** Which attempts keep their answers: the latest, the best finished one, and those named by a certificate. */
function detailed(attempts: readonly QuizAttempt[], certified: ReadonlySet<number>): Set<number> {
  const keep = new Set<number>();
  if (attempts.length) keep.add(attempts.length - 1);
  let best = -1;
  attempts.forEach((a, i) => {
    if (a.percent !== undefined && (best < 0 || a.percent >= attempts[best]!.percent!)) best = i;
    if (certified.has(a.n)) keep.add(i);
  });
  if (best >= 0) keep.add(best);
  return keep;
}

function percentOf(score: number, max: number): number {
  return max > 0 ? round3((score / max) * 100) : 0;
}

/** The seed the player gives attempt `n` of a quiz (or of the assessment bank): see startAttempt, assessmentSeed. */
const playerSeed = (learnerId: string, quizId: string, n: number) => hashSeed(`${learnerId}:${quizId}:${n}`);

function putAttempt(w: BitWriter, quiz: QuizKey, a: QuizAttempt, i: number, details: boolean, ctx: PartContext, isBank: boolean): void {
  const { clock, out, version } = ctx;
  w.bit(a.n === i + 1);
  if (a.n !== i + 1) w.eg(a.n, 1);
  // a seed the player derived from the learner id costs one bit instead of 32
  const derived = ctx.learnerId !== undefined && a.seed === playerSeed(ctx.learnerId, quiz.id, a.n);
  w.bit(derived);
  if (!derived) w.uint(a.seed >>> 0, 32);
  w.bit(details);
  // an attempt kept as its result only keeps when it was handed in, not when it was started
  const startKept = details || a.submittedAt === undefined;
  if (!details) w.bit(startKept);
  if (startKept) clock.put(w, a.startedAt);
  const where = `${quiz.id} attempt ${a.n}`;
  if (details) {
    const byId = new Map(quiz.questions.map((q, qi) => [q.id, qi]));
    const d: Details = { answers: a.answers, scores: a.scores, latency: a.latency, answeredAt: a.answeredAt };
    let universe = quiz.questions;
    if (isBank) {
      // the drawn questions in their order, then any other bank question the attempt has a record of
      putOpt(w, a.questionIds, (ids) => {
        const known = ids.filter((id) => byId.has(id));
        if (known.length !== ids.length) out.notInCourse(`${where}: drawn questions`);
        w.eg(known.length, 3);
        for (const id of known) w.uint(byId.get(id)!, widthFor(quiz.questions.length));
      });
      const drawn = (a.questionIds ?? []).filter((id) => byId.has(id));
      const recorded = new Set([...Object.keys(a.answers), ...Object.keys(a.scores), ...Object.keys(a.latency), ...Object.keys(a.answeredAt)]);
      const extra = quiz.questions.filter((q) => recorded.has(q.id) && !drawn.includes(q.id));
      universe = [...drawn.map((id) => quiz.questions[byId.get(id)!]!), ...extra];
      w.eg(extra.length, 0);
      for (const q of extra) w.uint(byId.get(q.id)!, widthFor(quiz.questions.length));
    }
    for (const id of new Set([...Object.keys(a.answers), ...Object.keys(a.scores), ...Object.keys(a.latency), ...Object.keys(a.answeredAt)])) {
      if (!byId.has(id)) out.notInCourse(`${where}: question ${id}`);
    }
    putQuestions(w, universe, d, clock, out, where);
  }
  if (startKept) putOpt(w, a.submittedAt, (t) => clock.put(w, t));
  else clock.put(w, a.submittedAt!);
  putOpt(w, a.score, (s) => putNum(w, s));
  const fullMarks = quiz.questions.reduce((x, q) => x + q.points, 0);
  putOpt(w, a.max, (m) => {
    w.bit(m === fullMarks && !isBank);
    if (m !== fullMarks || isBank) putNum(w, m);
  });
  putOpt(w, a.percent, (p) => {
    const derived = a.score !== undefined && a.max !== undefined && percentOf(a.score, a.max) === p;
    w.bit(derived);
    if (!derived) putNum(w, p);
  });
  putFlag(w, a.passed);
  w.uint(MODES.indexOf(a.mode), 2);
  putOpt(w, a.courseVersion, (v) => putVersion(w, v, version));
}

function getAttempt(r: BitReader, quiz: QuizKey, i: number, ctx: ReadContext, isBank: boolean): QuizAttempt {
  const { clock, version } = ctx;
  const n = r.bit() ? i + 1 : r.eg(1);
  const seed = r.bit() ? playerSeed(ctx.learnerId!, quiz.id, n) : r.uint(32);
  const details = r.bit();
  const startKept = details || r.bit();
  const a: QuizAttempt = { n, seed, startedAt: startKept ? clock.get(r) : 0, answers: {}, scores: {}, latency: {}, answeredAt: {} };
  if (details) {
    let universe = quiz.questions;
    if (isBank) {
      if (r.bit()) {
        const count = r.eg(3);
        const ids: string[] = [];
        for (let k = 0; k < count; k++) ids.push(quiz.questions[r.index(quiz.questions.length)]!.id);
        a.questionIds = ids;
      }
      const extra = r.eg(0);
      universe = (a.questionIds ?? []).map((id) => quiz.questions.find((q) => q.id === id)!);
      for (let k = 0; k < extra; k++) universe.push(quiz.questions[r.index(quiz.questions.length)]!);
    }
    getQuestions(r, universe, a, clock);
  }
  if (!startKept) a.startedAt = a.submittedAt = clock.get(r);
  else if (r.bit()) a.submittedAt = clock.get(r);
  if (r.bit()) a.score = getNum(r);
  if (r.bit()) a.max = r.bit() ? quiz.questions.reduce((x, q) => x + q.points, 0) : getNum(r);
  if (r.bit()) a.percent = r.bit() ? percentOf(a.score!, a.max!) : getNum(r);
  const passed = getFlag(r);
  if (passed !== undefined) a.passed = passed;
  const mode = MODES[r.uint(2)];
  if (mode) a.mode = mode;
  if (r.bit()) a.courseVersion = getVersion(r, version);
  return a;
}

function putQuiz(w: BitWriter, quiz: QuizKey, qp: QuizProgress | undefined, ctx: PartContext, isBank: boolean): void {
  w.bit(qp !== undefined);
  if (!qp) return;
  w.eg(qp.attempts.length, 1);
  const keep = detailed(qp.attempts, isBank ? ctx.certified : new Set());
  qp.attempts.forEach((a, i) => {
    const details = keep.has(i);
    // reported when something is lost: records of answers, or when it was started
    const lost = !isEmptyAttempt(a) || (a.submittedAt !== undefined && seconds(a.submittedAt) !== seconds(a.startedAt));
    if (!details && lost) ctx.out.list.push({ kind: 'attempt-details', quiz: quiz.id, attempt: a.n });
    putAttempt(w, quiz, a, i, details, ctx, isBank);
  });
}

const isEmptyAttempt = (a: QuizAttempt) =>
  !Object.keys(a.answers).length && !Object.keys(a.scores).length && !Object.keys(a.latency).length && !Object.keys(a.answeredAt).length && !a.questionIds;

function getQuiz(r: BitReader, quiz: QuizKey, ctx: ReadContext, isBank: boolean): QuizProgress | undefined {
  if (!r.bit()) return undefined;
  const n = r.eg(1);
  const attempts: QuizAttempt[] = [];
  for (let i = 0; i < n; i++) attempts.push(getAttempt(r, quiz, i, ctx, isBank));
  return { attempts };
}

// ---------------------------------------------------------------------------------------------------------------
// Scenarios, matrices, plans

function runKey(run: ScenarioRun): string {
  return JSON.stringify([run.choices.map((c) => [c.step, c.option, seconds(c.at)]), run.score, run.outcome, run.endedAt === undefined ? null : seconds(run.endedAt)]);
}

/** A run is written when every decision in it names a step and an option the scenario has. */
function runFits(s: ScenarioKey, run: ScenarioRun): boolean {
  return run.choices.every((c) => s.steps.find((st) => st.id === c.step)?.options.some((o) => o.id === c.option)) && (run.outcome === undefined || s.outcomes.includes(run.outcome));
}

function putRun(w: BitWriter, s: ScenarioKey, run: ScenarioRun, clock: Clock): void {
  w.eg(run.choices.length, 2);
  let expected = s.start;
  let lastTo: string | undefined;
  let path = 0;
  for (const c of run.choices) {
    const si = s.steps.findIndex((st) => st.id === c.step);
    const step = s.steps[si]!;
    w.bit(c.step === expected);
    if (c.step !== expected) w.uint(si, widthFor(s.steps.length));
    const oi = step.options.findIndex((o) => o.id === c.option);
    w.uint(oi, widthFor(step.options.length));
    clock.put(w, c.at);
    expected = lastTo = step.options[oi]!.to;
    path += step.options[oi]!.score;
  }
  // the run's score is most often its options' scores added up
  w.bit(run.score === path);
  if (run.score !== path) putNum(w, run.score);
  putOpt(w, run.outcome, (o) => {
    w.bit(o === lastTo);
    if (o !== lastTo) w.uint(s.outcomes.indexOf(o), widthFor(s.outcomes.length));
  });
  // a run ends seconds after its last decision
  putOpt(w, run.endedAt, (t) => clock.put(w, t, 0, 3));
}

function getRun(r: BitReader, s: ScenarioKey, clock: Clock): ScenarioRun {
  const n = r.eg(2);
  const choices: ScenarioRun['choices'] = [];
  let expected = s.start;
  let lastTo: string | undefined;
  let path = 0;
  for (let i = 0; i < n; i++) {
    const stepId = r.bit() ? expected : s.steps[r.index(s.steps.length)]!.id;
    const step = s.steps.find((st) => st.id === stepId);
    if (!step) throw new Malformed('step');
    const option = step.options[r.index(step.options.length)]!;
    choices.push({ step: stepId, option: option.id, at: clock.get(r) });
    expected = lastTo = option.to;
    path += option.score;
  }
  const run: ScenarioRun = { choices, score: r.bit() ? path : getNum(r) };
  if (r.bit()) {
    const o = r.bit() ? lastTo : s.outcomes[r.index(s.outcomes.length)];
    if (o === undefined) throw new Malformed('outcome');
    run.outcome = o;
  }
  if (r.bit()) run.endedAt = clock.get(r, 0, 3);
  return run;
}

function putScenario(w: BitWriter, s: ScenarioKey, sp: ScenarioProgress | undefined, ctx: PartContext): void {
  const ok = sp !== undefined && runFits(s, sp.latest) && (sp.best === undefined || runFits(s, sp.best));
  if (sp && !ok) ctx.out.notInCourse(`scenario ${s.id}: a decision the scenario does not have`);
  w.bit(ok);
  if (!ok || !sp) return;
  w.eg(sp.runs, 1);
  putRun(w, s, sp.latest, ctx.clock);
  // best: none, the latest run itself, or a run of its own
  w.bit(sp.best !== undefined);
  if (sp.best === undefined) return;
  const same = runKey(sp.best) === runKey(sp.latest);
  w.bit(same);
  if (!same) putRun(w, s, sp.best, ctx.clock);
}

function getScenario(r: BitReader, s: ScenarioKey, clock: Clock): ScenarioProgress | undefined {
  if (!r.bit()) return undefined;
  const runs = r.eg(1);
  const latest = getRun(r, s, clock);
  if (!r.bit()) return { latest, runs };
  const best = r.bit() ? { ...latest, choices: latest.choices.map((c) => ({ ...c })) } : getRun(r, s, clock);
  return { latest, best, runs };
}

const validLevel = (n: number) => Number.isInteger(n) && n >= 1 && n <= 4;

function putMatrix(w: BitWriter, m: { id: string; risks: string[] }, placed: Record<string, Placement> | undefined, out: Omissions): void {
  w.bit(placed !== undefined);
  if (!placed) return;
  for (const id of Object.keys(placed)) if (!m.risks.includes(id)) out.notInCourse(`risk matrix ${m.id}: risk ${id}`);
  for (const risk of m.risks) {
    const p = placed[risk];
    const ok = p !== undefined && validLevel(p.likelihood) && validLevel(p.impact);
    if (p && !ok) out.notInCourse(`risk matrix ${m.id}: placement of ${risk}`);
    w.bit(ok);
    if (ok) {
      w.uint(p.likelihood - 1, 2);
      w.uint(p.impact - 1, 2);
    }
  }
}

function getMatrix(r: BitReader, m: { risks: string[] }): Record<string, Placement> | undefined {
  if (!r.bit()) return undefined;
  const out: Record<string, Placement> = {};
  for (const risk of m.risks) if (r.bit()) out[risk] = { likelihood: r.uint(2) + 1, impact: r.uint(2) + 1 };
  return out;
}

// the player names plan items "i" + the time of saving in base 36 (action-plan.tsx), sometimes with "-2", "-3"…
const ITEM_ID = /^i([1-9a-z][0-9a-z]{0,9})(?:-([2-9]|[1-9]\d{1,5}))?$/;

function putItemId(w: BitWriter, id: string): void {
  const m = ITEM_ID.exec(id);
  const ms = m ? parseInt(m[1]!, 36) : NaN;
  const ok = m !== null && ms.toString(36) === m[1];
  w.bit(ok);
  if (!ok) return putText(w, id);
  w.uint(ms, 43);
  putOpt(w, m![2], (n) => w.eg(Number(n) - 2, 0));
}

function getItemId(r: BitReader): string {
  if (!r.bit()) return getText(r);
  const ms = r.uint(43);
  return `i${ms.toString(36)}${r.bit() ? `-${r.eg(0) + 2}` : ''}`;
}

function putPlan(w: BitWriter, plan: { id: string; areas: string[] }, items: PlanItem[] | undefined, ctx: PartContext): void {
  w.bit(items !== undefined);
  if (!items) return;
  const kept = items.filter((item) => {
    const fits = ctx.fits(plan.id, item);
    if (!fits) ctx.out.list.push({ kind: 'plan-item', plan: plan.id, item });
    return fits;
  });
  w.eg(kept.length, 1);
  for (const item of kept) {
    putItemId(w, item.id);
    const ai = plan.areas.indexOf(item.area);
    w.bit(ai >= 0);
    if (ai >= 0) w.uint(ai, widthFor(plan.areas.length));
    else putText(w, item.area);
    putText(w, item.action);
    putText(w, item.measure);
    putDate(w, item.due);
    putFlag(w, item.done);
    putFlag(w, item.deleted);
  }
}

function getPlan(r: BitReader, plan: { areas: string[] }): PlanItem[] | undefined {
  if (!r.bit()) return undefined;
  const n = r.eg(1);
  const items: PlanItem[] = [];
  for (let i = 0; i < n; i++) {
    const id = getItemId(r);
    const area = r.bit() ? plan.areas[r.index(plan.areas.length)]! : getText(r);
    const item: PlanItem = { id, area, action: getText(r), measure: getText(r), due: getDate(r) };
    const done = getFlag(r);
    if (done !== undefined) item.done = done;
    const deleted = getFlag(r);
    if (deleted !== undefined) item.deleted = deleted;
    items.push(item);
  }
  return items;
}

// ---------------------------------------------------------------------------------------------------------------
// Parts

interface PartContext {
  clock: Clock;
  /** the progress's course version: attempts and certificates of that version say so in one bit */
  version: string;
  learnerId: string | undefined;
  out: Omissions;
  certified: ReadonlySet<number>;
  fits(plan: string, item: PlanItem): boolean;
}

interface ReadContext {
  clock: Clock;
  version: string;
  learnerId: string | undefined;
}

function putChapter(ch: SuspendCourse['chapters'][number], p: LearnerProgress, ctx: PartContext): string {
  const w = new BitWriter();
  w.uint(ch.hash, 24);
  putOpt(w, p.time[ch.id], (ms) => w.eg(Math.max(0, seconds(ms)), 6));
  for (const s of ch.sections) putOpt(w, p.sectionsSeen[s], (t) => ctx.clock.put(w, t));
  for (const q of ch.quizzes) putQuiz(w, q, p.quizzes[q.id], ctx, false);
  for (const s of ch.scenarios) putScenario(w, s, p.scenarios[s.id], ctx);
  for (const m of ch.matrices) putMatrix(w, m, p.matrices[m.id], ctx.out);
  for (const plan of ch.plans) putPlan(w, plan, p.plans[plan.id], ctx);
  return w.text();
}

function getChapter(r: BitReader, ch: ChapterKey, p: LearnerProgress, ctx: ReadContext): void {
  if (r.bit()) p.time[ch.id] = r.eg(6) * 1000;
  for (const s of ch.sections) if (r.bit()) p.sectionsSeen[s] = ctx.clock.get(r);
  for (const q of ch.quizzes) {
    const qp = getQuiz(r, q, ctx, false);
    if (qp) p.quizzes[q.id] = qp;
  }
  for (const s of ch.scenarios) {
    const sp = getScenario(r, s, ctx.clock);
    if (sp) p.scenarios[s.id] = sp;
  }
  for (const m of ch.matrices) {
    const placed = getMatrix(r, m);
    if (placed) p.matrices[m.id] = placed;
  }
  for (const plan of ch.plans) {
    const items = getPlan(r, plan);
    if (items) p.plans[plan.id] = items;
  }
}

/**
 * Sections named across chapters (rounds' re-reading): by part (the chapter's place in the encoder's course) and
 * position in it. The header states each part's number of sections, so a set of sections is one bit per part, then
 * one bit per section of the parts it touches.
 */
interface Layout {
  /** the encoder's chapters' section counts, in part order */
  counts: number[];
  /** part → the current chapter it matched, if any */
  resolve(part: number): ChapterKey | undefined;
}

interface Ref {
  part: number;
  index: number;
}

function refTo(course: SuspendCourse, list: (ch: ChapterKey) => string[], id: string): Ref | undefined {
  for (let part = 0; part < course.chapters.length; part++) {
    const index = list(course.chapters[part]!).indexOf(id);
    if (index >= 0) return { part, index };
  }
  return undefined;
}

const sectionsOf = (ch: ChapterKey) => ch.sections;
const quizzesOf = (ch: ChapterKey) => ch.quizzes.map((q) => q.id);

function putSectionSet(w: BitWriter, counts: number[], refs: Ref[]): void {
  counts.forEach((n, part) => {
    const here = new Set(refs.filter((r) => r.part === part).map((r) => r.index));
    w.bit(here.size > 0);
    if (here.size) for (let i = 0; i < n; i++) w.bit(here.has(i));
  });
}

function getSectionSet(r: BitReader, layout: Layout): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  layout.counts.forEach((n, part) => {
    if (!r.bit()) return;
    const ch = layout.resolve(part);
    for (let i = 0; i < n; i++) if (r.bit()) out.push(ch?.sections[i]);
  });
  return out;
}

const inCourseOrder = (refs: Ref[]) => refs.every((r, i) => i === 0 || r.part > refs[i - 1]!.part || (r.part === refs[i - 1]!.part && r.index > refs[i - 1]!.index));

function putRounds(w: BitWriter, course: SuspendCourse, rounds: Record<string, Round[]>, counts: number[], ctx: PartContext): void {
  const entries = Object.entries(rounds).flatMap(([quizId, list]) => {
    const ref: Ref | 'bank' | undefined = quizId === course.bank?.id ? 'bank' : refTo(course, quizzesOf, quizId);
    if (!ref) ctx.out.notInCourse(`rounds of ${quizId}`);
    return ref ? [{ ref, list }] : [];
  });
  w.eg(entries.length, 1);
  for (const { ref, list } of entries) {
    w.bit(ref === 'bank');
    if (ref !== 'bank') {
      w.eg(ref.part, 2);
      w.eg(ref.index, 0);
    }
    w.eg(list.length, 0);
    list.forEach((round, i) => {
      w.bit(round.n === i + 2);
      if (round.n !== i + 2) w.eg(round.n, 1);
      ctx.clock.put(w, round.openedAt);
      const sections = round.sections.flatMap((id) => {
        const r = refTo(course, sectionsOf, id);
        if (!r) ctx.out.notInCourse(`round ${round.n}: section ${id}`);
        return r ? [r] : [];
      });
      // the rules list sections in course order, once each: then a set is enough; else each in turn
      const ordered = inCourseOrder(sections);
      w.bit(ordered);
      if (ordered) putSectionSet(w, counts, sections);
      else {
        w.eg(sections.length, 2);
        for (const r of sections) {
          w.eg(r.part, 2);
          w.eg(r.index, 2);
        }
      }
      const read = Object.entries(round.read)
        .flatMap(([id, t]) => {
          const r = refTo(course, sectionsOf, id);
          if (!r) ctx.out.notInCourse(`round ${round.n}: section read ${id}`);
          return r ? [{ r, t }] : [];
        })
        .sort((a, b) => a.r.part - b.r.part || a.r.index - b.r.index);
      // sections read again are most often exactly the round's sections
      const same = ordered && read.length === sections.length && read.every((x, k) => x.r.part === sections[k]!.part && x.r.index === sections[k]!.index);
      w.bit(same);
      if (!same) putSectionSet(w, counts, read.map((x) => x.r));
      for (const { t } of read) ctx.clock.put(w, t);
      putOpt(w, round.unlockedAt, (t) => ctx.clock.put(w, t));
    });
  }
}

function getRounds(r: BitReader, bankId: string | undefined, layout: Layout, clock: Clock): Record<string, Round[]> {
  const out: Record<string, Round[]> = {};
  const n = r.eg(1);
  for (let e = 0; e < n; e++) {
    let quizId: string | undefined;
    if (r.bit()) quizId = bankId;
    else {
      const part = r.eg(2);
      const index = r.eg(0);
      const ch = layout.resolve(part);
      quizId = ch && quizzesOf(ch)[index];
    }
    const count = r.eg(0);
    const list: Round[] = [];
    for (let i = 0; i < count; i++) {
      const roundN = r.bit() ? i + 2 : r.eg(1);
      const openedAt = clock.get(r);
      let sections: (string | undefined)[];
      if (r.bit()) sections = getSectionSet(r, layout);
      else {
        sections = [];
        const ns = r.eg(2);
        for (let k = 0; k < ns; k++) {
          const part = r.eg(2);
          const index = r.eg(2);
          sections.push(layout.resolve(part)?.sections[index]);
        }
      }
      const readIds = r.bit() ? sections : getSectionSet(r, layout);
      const read: Record<string, number> = {};
      for (const id of readIds) {
        const t = clock.get(r);
        if (id !== undefined) read[id] = t;
      }
      const round: Round = { n: roundN, openedAt, sections: sections.filter((s): s is string => s !== undefined), read };
      if (r.bit()) round.unlockedAt = clock.get(r);
      list.push(round);
    }
    if (quizId !== undefined) out[quizId] = list;
  }
  return out;
}

function putCertificates(w: BitWriter, certs: IssuedCertificate[], courseId: string, ctx: PartContext): void {
  w.eg(certs.length, 0);
  for (const c of certs) {
    w.eg(c.n, 0);
    // the issue instant to the millisecond: the certificate number is made from it
    ctx.clock.put(w, c.issuedAt);
    const ms = Number.isFinite(c.issuedAt) ? Math.round(c.issuedAt) - seconds(c.issuedAt) * 1000 : 0;
    w.uint(ms + 500, 10);
    putDate(w, c.issuedOn);
    // a number the player made (certificateNumber) is made again from the learner id: one bit instead of ~20 characters
    const derived = ctx.learnerId !== undefined && c.number === certificateNumber(courseId, ctx.learnerId, c.n, c.issuedAt, c.issuedOn);
    w.bit(derived);
    if (!derived) putText(w, c.number);
    putDate(w, c.validUntil);
    putVersion(w, c.courseVersion, ctx.version);
    putNum(w, c.score);
    w.eg(c.attempt, 1);
    w.bit(c.kind === 'renewal');
  }
}

function getCertificates(r: BitReader, courseId: string, ctx: ReadContext): IssuedCertificate[] {
  const n = r.eg(0);
  const out: IssuedCertificate[] = [];
  const { clock, version } = ctx;
  for (let i = 0; i < n; i++) {
    const certN = r.eg(0);
    const issuedAt = clock.get(r) + r.uint(10) - 500;
    const issuedOn = getDate(r);
    const number = r.bit() ? certificateNumber(courseId, ctx.learnerId!, certN, issuedAt, issuedOn) : getText(r);
    const c: IssuedCertificate = {
      n: certN,
      number,
      issuedAt,
      issuedOn,
      validUntil: getDate(r),
      courseVersion: getVersion(r, version),
      score: getNum(r),
      attempt: r.eg(1),
      kind: 'initial',
    };
    if (r.bit()) c.kind = 'renewal';
    out.push(c);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Encoder and decoder

export interface SuspendOptions {
  /**
   * The learner id the player seeds attempts with (the LMS's student id): seeds it derived are then not written.
   * Decode with the same id.
   */
  learnerId?: string;
}

// 12 bits of the learner id: data decoded for another learner would get wrong seeds, so it is refused
const learnerCheck = (id: string | undefined) => (id === undefined ? 0 : (hashSeed(`learner:${id}`) >>> 20) || 1);

function encodeWith(p: LearnerProgress, course: SuspendCourse, fits: PartContext['fits'], learnerId: string | undefined): { data: string; omitted: SuspendOmission[] } {
  const out = new Omissions();
  const base = seconds(p.updatedAt);
  const certified = new Set((p.certificates ?? []).map((c) => c.attempt));
  const ctx = (): PartContext => ({ clock: new Clock(base), version: p.courseVersion, learnerId, out, certified, fits });

  const known = new Set(course.chapters.flatMap((ch) => [...ch.sections]));
  for (const id of Object.keys(p.sectionsSeen)) if (!known.has(id)) out.notInCourse(`section ${id}`);
  const quizIds = new Set([...course.chapters.flatMap((ch) => ch.quizzes.map((q) => q.id)), ...(course.bank ? [course.bank.id] : [])]);
  for (const id of Object.keys(p.quizzes)) if (!quizIds.has(id)) out.notInCourse(`quiz ${id}`);
  const scenarioIds = new Set(course.chapters.flatMap((ch) => ch.scenarios.map((s) => s.id)));
  for (const id of Object.keys(p.scenarios)) if (!scenarioIds.has(id)) out.notInCourse(`scenario ${id}`);
  const matrixIds = new Set(course.chapters.flatMap((ch) => ch.matrices.map((m) => m.id)));
  for (const id of Object.keys(p.matrices)) if (!matrixIds.has(id)) out.notInCourse(`risk matrix ${id}`);
  const planIds = new Set(course.chapters.flatMap((ch) => ch.plans.map((pl) => pl.id)));
  for (const id of Object.keys(p.plans)) if (!planIds.has(id)) out.notInCourse(`action plan ${id}`);
  const chapterIds = new Set(course.chapters.map((ch) => ch.id));
  for (const id of Object.keys(p.time)) if (!chapterIds.has(id)) out.notInCourse(`time in chapter ${id}`);

  const h = new BitWriter();
  const hc = ctx();
  h.uint(course.hash, 30);
  h.uint(learnerCheck(learnerId), 12);
  h.uint(Math.max(0, base), 34);
  putText(h, p.courseVersion);
  const counts = course.chapters.map((ch) => ch.sections.length);
  h.eg(counts.length, 2);
  for (const n of counts) h.eg(n, 3);
  putOpt(h, p.startedAt, (t) => hc.clock.put(h, t));
  const resume = p.resume && refTo(course, (ch) => [ch.id], p.resume.chapter);
  if (p.resume && !resume) out.notInCourse(`resume point ${p.resume.chapter}`);
  putOpt(h, resume, (ref) => {
    h.eg(ref.part, 2);
    const section = p.resume!.section;
    const si = section === undefined ? -1 : course.chapters[ref.part]!.sections.indexOf(section);
    if (section !== undefined && si < 0) out.notInCourse(`resume point ${section}`);
    putOpt(h, si >= 0 ? si : undefined, (i) => h.eg(i, 2));
  });
  putOpt(h, p.rounds, (r) => putRounds(h, course, r, counts, hc));
  putOpt(h, p.certificates, (c) => putCertificates(h, c, course.id, hc));

  const parts = [h.text()];
  // every chapter is written, also one the learner has not opened: the header's references need its hash
  for (const ch of course.chapters) parts.push(putChapter(ch, p, ctx()));
  const bank = course.bank;
  if (bank && p.quizzes[bank.id]) {
    const w = new BitWriter();
    w.uint(bank.hash, 24);
    putQuiz(w, bank, p.quizzes[bank.id], ctx(), true);
    parts.push(w.text());
  }
  return { data: FORMAT + parts.join(PART), omitted: out.list };
}

/**
 * Encodes a learner's progress for cmi.suspend_data. Action-plan items are taken in course order while the data stays
 * within `maxLength`; an item that does not fit is left out whole and listed in `omitted`, as are older attempts'
 * answers and anything the course does not have.
 */
export function encodeSuspendData(p: LearnerProgress, course: SuspendCourse, options: SuspendOptions & { maxLength?: number } = {}): EncodedSuspendData {
  const max = options.maxLength ?? SCORM12_SUSPEND_DATA_LIMIT;
  const all = encodeWith(p, course, () => true, options.learnerId);
  if (all.data.length <= max) return { ...all, fits: true };
  // greedy, in order: an item is kept when the data with it (and every item kept before it) still fits
  const kept = new Set<PlanItem>();
  const candidates = course.chapters.flatMap((ch) => ch.plans.flatMap((pl) => p.plans[pl.id] ?? []));
  for (const item of candidates) {
    kept.add(item);
    if (encodeWith(p, course, (_, i) => kept.has(i), options.learnerId).data.length > max) kept.delete(item);
  }
  const result = encodeWith(p, course, (_, i) => kept.has(i), options.learnerId);
  return { ...result, fits: result.data.length <= max };
}

/**
 * Decodes suspend data written by encodeSuspendData. Never throws: data of another format, of another learner or
 * damaged data is reported as such, and parts written for other versions of a chapter (or of the bank) are left out.
 */
export function decodeSuspendData(text: string | undefined | null, course: SuspendCourse, options: SuspendOptions = {}): DecodedSuspendData {
  if (!text) return { ok: false, reason: 'empty' };
  if (!text.startsWith(FORMAT)) return { ok: false, reason: 'other-format' };
  const [head = '', ...rest] = text.slice(FORMAT.length).split(PART);
  let h: BitReader;
  let sameCourse: boolean;
  let base: number;
  let version: string;
  const counts: number[] = [];
  try {
    h = new BitReader(head);
    sameCourse = h.uint(30) === course.hash;
    if (h.uint(12) !== learnerCheck(options.learnerId)) return { ok: false, reason: 'other-learner' };
    base = h.uint(34);
    version = getText(h);
    const parts = h.eg(2);
    if (parts > rest.length) return { ok: false, reason: 'malformed' };
    for (let i = 0; i < parts; i++) counts.push(h.eg(3));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const p: LearnerProgress = { courseVersion: version, sectionsSeen: {}, quizzes: {}, scenarios: {}, matrices: {}, plans: {}, time: {}, updatedAt: base * 1000 };
  const readCtx = (): ReadContext => ({ clock: new Clock(base), version, learnerId: options.learnerId });

  // the chapter parts first: the header names sections and quizzes by part, resolved to the chapters that matched
  const matched = new Map<number, ChapterKey>();
  const byHash = new Map(course.chapters.map((ch) => [ch.hash, ch]));
  let unmatched = 0;
  rest.forEach((part, i) => {
    try {
      const r = new BitReader(part);
      const hash = r.uint(24);
      if (course.bank && hash === course.bank.hash) {
        const qp = getQuiz(r, course.bank, readCtx(), true);
        if (qp) p.quizzes[course.bank.id] = qp;
        return;
      }
      const ch = byHash.get(hash);
      if (!ch) {
        unmatched++;
        return;
      }
      // decoded into a copy, so a part that turns out damaged half-way leaves nothing behind
      const into: LearnerProgress = { ...p, sectionsSeen: {}, quizzes: {}, scenarios: {}, matrices: {}, plans: {}, time: {} };
      getChapter(r, ch, into, readCtx());
      Object.assign(p.sectionsSeen, into.sectionsSeen);
      Object.assign(p.quizzes, into.quizzes);
      Object.assign(p.scenarios, into.scenarios);
      Object.assign(p.matrices, into.matrices);
      Object.assign(p.plans, into.plans);
      Object.assign(p.time, into.time);
      matched.set(i, ch);
    } catch {
      unmatched++;
    }
  });

  const layout: Layout = { counts, resolve: (part) => matched.get(part) };
  try {
    const clock = new Clock(base);
    if (h.bit()) p.startedAt = clock.get(h);
    if (h.bit()) {
      const part = h.eg(2);
      const section = h.bit() ? h.eg(2) : undefined;
      const ch = matched.get(part);
      if (ch) p.resume = section !== undefined && ch.sections[section] !== undefined ? { chapter: ch.id, section: ch.sections[section] } : { chapter: ch.id };
    }
    if (h.bit()) p.rounds = getRounds(h, course.bank?.id, layout, clock);
    if (h.bit()) p.certificates = getCertificates(h, course.id, { clock, version, learnerId: options.learnerId });
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  return { ok: true, progress: p, sameCourse, unmatched };
}
