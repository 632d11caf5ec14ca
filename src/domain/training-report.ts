/**
 * The training report: many learners' exported records (transfer files and CSV summaries) read, checked,
 * de-duplicated and summed up into where training is needed — completion and pass rates, the average score per
 * part, scenario outcomes and classical item statistics per question. Pure: the course, the answer key, the time
 * and the digest function are passed in; the trainer page runs it in a Web Worker.
 *
 * Item statistics follow classical test theory as assessment tools report them:
 * - each learner counts once per question, with their first response (later attempts are practice on a known item);
 * - facility = the share of those responses that are fully correct;
 * - discrimination is measured against the learner's rest score (their share of points on every other question
 *   they answered, so an item does not correlate with itself): the point-biserial correlation between correct
 *   (1/0) and the rest score, and Kelley's upper–lower index, the facility in the top 27% by rest score minus the
 *   facility in the bottom 27% (learners tied on rest score at a group's edge are taken in the order they were read
 *   in: the upper group takes the earliest of them, the lower group the latest);
 * - flags: too easy (facility > 0.9), too hard (< 0.3), discriminating the wrong way (point-biserial < 0).
 */
import { certificateNumber, daysBetween, verificationCode } from './certificate.ts';
import { buildCompletionRecord, type CompletionRecord, type CompletionStatus, type InteractionRecord, type SuccessStatus } from './completion-record.ts';
import type { CourseItems, CourseManifest, OutcomeRating } from './course.ts';
import { readTransfer, type Sha256, type TransferError } from './transfer.ts';

/** parts 0 (introduction) to 10 (summary), as the course schema allows */
const PARTS = 11;

export const FLAG_LIMITS = { tooEasy: 0.9, tooHard: 0.3 } as const;
/** Kelley's share for the upper and lower groups */
export const GROUP_SHARE = 0.27;

export type LearnerStatus = 'not-attempted' | 'incomplete' | 'completed' | 'passed' | 'failed';
export const LEARNER_STATUSES: readonly LearnerStatus[] = ['not-attempted', 'incomplete', 'completed', 'passed', 'failed'];

export interface ReportCertificate {
  number: string;
  issuedOn: string;
  validUntil: string;
  /** transfer files: the number derives from the record ('matches') or not ('mismatch'); CSV rows carry no proof */
  check: 'matches' | 'mismatch' | 'unchecked';
  /** the verification code printed on the certificate, recomputed from the record (transfer files only) */
  code?: string;
}

/** One learner's row in the report. */
export interface ReportLearner {
  file: string;
  /** CSV: the data row (1 = the first row under the header) */
  row?: number;
  kind: 'transfer' | 'csv';
  courseId: string;
  courseVersion: string;
  localId: string;
  name: string;
  employeeId?: string;
  department?: string;
  status: LearnerStatus;
  completion: CompletionStatus;
  success: SuccessStatus;
  /** the course score, 0–100 */
  score?: number;
  activeMs: number;
  /** when the course was completed (transfer files: the last chapter completed) */
  completedAt?: number;
  lastAccess: number;
  certificate?: ReportCertificate;
  /** transfer files: when the record was made, to tell the newer of two copies */
  generatedAt?: number;
  /** transfer files only: the first response to each question, for the item statistics */
  answers?: ReportAnswer[];
  /** transfer files only: the scenarios begun */
  scenarios?: ReportScenario[];
}

/**
 * A learner's first response to a question, kept small: a record holds every attempt with every choice's text,
 * and the report keeps ten thousand learners.
 */
export interface ReportAnswer {
  /** kind and id: a chapter question and a bank question may share an id */
  key: string;
  id: string;
  kind: 'chapter-question' | 'assessment-question';
  part: number;
  type: InteractionRecord['questionType'];
  prompt: string;
  correct: boolean;
  score: number;
  weight: number;
  /** what was wrong in it: the wrong choices, the wrong value, the order given or the wrong pairs */
  wrong: { key: string; text?: string }[];
}

export interface ReportScenario {
  id: string;
  title: string;
  score: number;
  maxScore: number;
  outcome?: { id: string; rating: OutcomeRating; title: string };
}

export type FileProblemReason =
  | TransferError
  | { kind: 'empty' }
  | { kind: 'unknown-format' }
  | { kind: 'interactions-csv' }
  | { kind: 'unreadable' }
  | { kind: 'csv-missing-columns'; columns: string[] }
  | { kind: 'csv-bad-value'; row: number; column: string }
  | { kind: 'csv-other-course'; row: number; courseId: string };

export interface FileProblem {
  file: string;
  reason: FileProblemReason;
}

export interface Duplicate {
  name: string;
  /** the file (and row) kept: the newest record */
  kept: string;
  /** the file (and row) left out */
  dropped: string;
}

export interface ReportContext {
  manifest: CourseManifest;
  items: CourseItems;
  sha256: Sha256;
  now: number;
}

export interface ReportFile {
  name: string;
  /** the file's text, or how to read it (read one file at a time: ten thousand records do not fit in memory at once) */
  text: string | (() => Promise<string>);
}

const statusOf = (completion: CompletionStatus, success: SuccessStatus): LearnerStatus => (success === 'passed' ? 'passed' : success === 'failed' ? 'failed' : completion);
const where = (l: Pick<ReportLearner, 'file' | 'row'>) => (l.row !== undefined ? `${l.file} #${l.row}` : l.file);

/** The first response to each question (interactions are in the order they happened), scenario decisions aside. */
function firstAnswers(r: CompletionRecord): ReportAnswer[] {
  const seen = new Set<string>();
  const out: ReportAnswer[] = [];
  for (const i of r.interactions) {
    if (i.kind === 'scenario-decision' || i.weight <= 0) continue;
    const key = `${i.kind}:${i.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const correct = i.result === 'correct';
    out.push({ key, id: i.id, kind: i.kind, part: i.part, type: i.questionType, prompt: i.description, correct, score: i.score, weight: i.weight, wrong: correct ? [] : wrongKeys(i) });
  }
  return out;
}

/** A learner's row from their completion record. */
export function learnerFromRecord(r: CompletionRecord, file: string): ReportLearner {
  const cert = r.certificates.at(-1);
  const completedAt = r.completionStatus === 'completed' ? Math.max(0, ...r.chapters.map((c) => c.completedAt ?? 0)) : 0;
  let certificate: ReportCertificate | undefined;
  if (cert) {
    const matches = certificateNumber(r.course.id, r.learner.localId, cert.n, cert.issuedAt, cert.issuedOn) === cert.number;
    const code = verificationCode({ number: cert.number, learnerName: r.learner.name, ...(r.learner.employeeId ? { employeeId: r.learner.employeeId } : {}), courseId: r.course.id, courseVersion: cert.courseVersion, issuedOn: cert.issuedOn, validUntil: cert.validUntil, score: cert.score });
    certificate = { number: cert.number, issuedOn: cert.issuedOn, validUntil: cert.validUntil, check: matches ? 'matches' : 'mismatch', code };
  }
  return {
    file,
    kind: 'transfer',
    courseId: r.course.id,
    courseVersion: r.course.progressVersion,
    localId: r.learner.localId,
    name: r.learner.name,
    ...(r.learner.employeeId ? { employeeId: r.learner.employeeId } : {}),
    ...(r.learner.department ? { department: r.learner.department } : {}),
    status: statusOf(r.completionStatus, r.successStatus),
    completion: r.completionStatus,
    success: r.successStatus,
    ...(r.score ? { score: r.score.percent } : {}),
    activeMs: r.time.totalActiveMs,
    ...(completedAt > 0 ? { completedAt } : {}),
    lastAccess: r.time.lastAccess,
    ...(certificate ? { certificate } : {}),
    generatedAt: r.generatedAt,
    answers: firstAnswers(r),
    scenarios: r.chapters.flatMap((c) => c.scenarios.filter((x) => x.runs > 0).map(({ id, title, score, maxScore, outcome }) => ({ id, title, score, maxScore, ...(outcome ? { outcome } : {}) }))),
  };
}

/** RFC 4180 fields: quoted fields may hold commas, doubled quotes and line breaks; lines end in CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c !== ''));
}

/** Undoes the exporter's formula neutralising: an apostrophe it put before =, +, -, @, tab or CR. */
const unneutralise = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

const CSV_REQUIRED = ['course_id', 'course_version', 'learner_local_id', 'learner_name', 'completion_status', 'success_status', 'last_access_utc'] as const;
const COMPLETION: readonly string[] = ['not-attempted', 'incomplete', 'completed'];
const SUCCESS: readonly string[] = ['unknown', 'passed', 'failed'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The summary CSV the exporter writes (src/exporters/to-csv.ts), one learner a row. */
function readSummaryCsv(name: string, rows: string[][], courseId: string): { learners: ReportLearner[]; problems: FileProblem[] } {
  const header = rows[0]!.map((h) => h.trim());
  const missing = CSV_REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) return { learners: [], problems: [{ file: name, reason: { kind: 'csv-missing-columns', columns: missing } }] };
  const col = new Map(header.map((h, i) => [h, i]));
  const learners: ReportLearner[] = [];
  const problems: FileProblem[] = [];
  rows.slice(1).forEach((cells, k) => {
    const row = k + 1;
    const get = (c: string) => {
      const i = col.get(c);
      const v = i === undefined ? '' : unneutralise(cells[i] ?? '').trim();
      return v === '' ? undefined : v;
    };
    const bad = (column: string) => problems.push({ file: name, reason: { kind: 'csv-bad-value', row, column } });
    const course = get('course_id') ?? '';
    if (course !== courseId) return void problems.push({ file: name, reason: { kind: 'csv-other-course', row, courseId: course } });
    const localId = get('learner_local_id');
    if (!localId) return void bad('learner_local_id');
    const completion = get('completion_status') ?? '';
    if (!COMPLETION.includes(completion)) return void bad('completion_status');
    const success = get('success_status') ?? '';
    if (!SUCCESS.includes(success)) return void bad('success_status');
    const lastAccess = Date.parse(get('last_access_utc') ?? '');
    if (!Number.isFinite(lastAccess)) return void bad('last_access_utc');
    const num = (c: string) => {
      const v = get(c);
      return v === undefined ? undefined : Number(v);
    };
    const score = num('score_percent');
    if (score !== undefined && !(score >= 0 && score <= 100)) return void bad('score_percent');
    const minutes = num('total_active_minutes');
    if (minutes !== undefined && !(minutes >= 0)) return void bad('total_active_minutes');
    const certNumber = get('certificate_number');
    const validUntil = get('certificate_valid_until');
    const issuedOn = get('certificate_issued_on');
    if (certNumber && (!validUntil || !DATE.test(validUntil) || !issuedOn || !DATE.test(issuedOn))) return void bad(validUntil && DATE.test(validUntil) ? 'certificate_issued_on' : 'certificate_valid_until');
    const employeeId = get('employee_id');
    const department = get('department');
    learners.push({
      file: name,
      row,
      kind: 'csv',
      courseId: course,
      courseVersion: get('course_version') ?? '',
      localId,
      name: get('learner_name') ?? '',
      ...(employeeId ? { employeeId } : {}),
      ...(department ? { department } : {}),
      status: statusOf(completion as CompletionStatus, success as SuccessStatus),
      completion: completion as CompletionStatus,
      success: success as SuccessStatus,
      ...(score !== undefined ? { score } : {}),
      activeMs: (minutes ?? 0) * 60_000,
      lastAccess,
      ...(certNumber ? { certificate: { number: certNumber, issuedOn: issuedOn!, validUntil: validUntil!, check: 'unchecked' as const } } : {}),
    });
  });
  return { learners, problems };
}

/** One file: a transfer file (JSON) or a summary CSV. A bad file gives a problem; a bad CSV row gives one and the rest still count. */
export async function readReportFile(file: ReportFile, ctx: ReportContext): Promise<{ learners: ReportLearner[]; problems: FileProblem[] }> {
  let raw: string;
  try {
    raw = typeof file.text === 'string' ? file.text : await file.text();
  } catch {
    return { learners: [], problems: [{ file: file.name, reason: { kind: 'unreadable' } }] };
  }
  const text = raw.replace(/^\uFEFF/, '');
  const trimmed = text.trim();
  if (!trimmed) return { learners: [], problems: [{ file: file.name, reason: { kind: 'empty' } }] };
  if (trimmed.startsWith('{')) {
    const read = await readTransfer(trimmed, { manifest: ctx.manifest, sha256: ctx.sha256 });
    if (!read.ok) return { learners: [], problems: [{ file: file.name, reason: read.error }] };
    const { learner, progress } = read.value;
    const record = buildCompletionRecord({ manifest: ctx.manifest, items: ctx.items, learner, progress, now: ctx.now });
    return { learners: [learnerFromRecord(record, file.name)], problems: [] };
  }
  const rows = parseCsv(text);
  const header = rows[0] ?? [];
  if (header.includes('interaction_key')) return { learners: [], problems: [{ file: file.name, reason: { kind: 'interactions-csv' } }] };
  if (!header.includes('learner_local_id') && !header.includes('course_id')) return { learners: [], problems: [{ file: file.name, reason: { kind: 'unknown-format' } }] };
  return readSummaryCsv(file.name, rows, ctx.manifest.id);
}

const newer = (a: ReportLearner, b: ReportLearner) => b.lastAccess - a.lastAccess || (b.generatedAt ?? 0) - (a.generatedAt ?? 0) || (a.kind === b.kind ? 0 : a.kind === 'transfer' ? -1 : 1);

/**
 * One row per learner and course: a record with the same local id, or the same employee id, as a newer one is left
 * out (the newest by last access, then by when it was exported; a transfer file before a CSV row on a tie).
 * Rows keep the order they were read in.
 */
export function dedupe(learners: readonly ReportLearner[]): { learners: ReportLearner[]; duplicates: Duplicate[] } {
  const order = learners.map((l, i) => ({ l, i })).sort((a, b) => newer(a.l, b.l) || a.i - b.i);
  const taken = new Map<string, ReportLearner>();
  const kept = new Set<number>();
  const duplicates: Duplicate[] = [];
  for (const { l, i } of order) {
    const keys = [`id:${l.courseId}:${l.localId}`, ...(l.employeeId ? [`emp:${l.courseId}:${l.employeeId}`] : [])];
    const winner = keys.map((k) => taken.get(k)).find((w) => w !== undefined);
    if (winner) {
      duplicates.push({ name: l.name || winner.name, kept: where(winner), dropped: where(l) });
      continue;
    }
    for (const k of keys) taken.set(k, l);
    kept.add(i);
  }
  return { learners: learners.filter((_, i) => kept.has(i)), duplicates };
}

export interface ImportResult {
  learners: ReportLearner[];
  problems: FileProblem[];
  duplicates: Duplicate[];
  files: number;
}

/** Reads every file (one bad file does not stop the others), then de-duplicates; `onProgress` after each file. */
export async function importRecords(files: readonly ReportFile[], ctx: ReportContext, onProgress?: (done: number, total: number) => void): Promise<ImportResult> {
  const all: ReportLearner[] = [];
  const problems: FileProblem[] = [];
  for (const [k, f] of files.entries()) {
    const read = await readReportFile(f, ctx);
    all.push(...read.learners);
    problems.push(...read.problems);
    onProgress?.(k + 1, files.length);
  }
  return { ...dedupe(all), problems, files: files.length };
}

// ——— aggregation ———

export type QuestionFlag = 'too-easy' | 'too-hard' | 'negative-discrimination';

export interface WrongAnswer {
  /** a choice id, 'true'/'false', an order ("a>b>c") or a pair ("left=right") */
  key: string;
  /** the answer's text as the learner saw it (absent for true/false) */
  text?: string;
  count: number;
}

export interface QuestionStats {
  id: string;
  kind: 'chapter-question' | 'assessment-question';
  part: number;
  type: InteractionRecord['questionType'];
  prompt: string;
  /** learners who answered it (first response each) */
  responses: number;
  correct: number;
  /** 0–1 */
  facility: number;
  /** −1…1; absent when every response or every rest score is the same */
  pointBiserial?: number;
  /** −1…1, upper 27% facility minus lower 27% facility; absent below 4 responses */
  upperLower?: number;
  mostChosenWrong?: WrongAnswer;
  flags: QuestionFlag[];
}

export interface PartStats {
  part: number;
  learners: number;
  /** the mean over learners of their share of points on the part's questions, 0–100 */
  averagePercent: number;
}

export interface ScenarioStats {
  id: string;
  title: string;
  /** learners who began it */
  learners: number;
  outcomes: { id: string; title: string; rating: OutcomeRating; count: number }[];
  /** began, no outcome reached */
  unfinished: number;
  /** the mean share of the scenario's points, 0–100, over learners who began it */
  averagePercent: number;
}

export interface TrainingReport {
  learners: number;
  fromTransfer: number;
  fromCsv: number;
  statuses: Record<LearnerStatus, number>;
  completed: number;
  passed: number;
  /** completed / learners, 0–1 */
  completionRate: number;
  /** passed / learners, 0–1 */
  passRate: number;
  /** passed / learners who finished a final assessment, 0–1 */
  passRateOfTaken: number;
  /** the mean course score of learners with one, 0–100 */
  averageScore?: number;
  parts: PartStats[];
  weakestPart?: PartStats;
  scenarios: ScenarioStats[];
  questions: QuestionStats[];
  /** the lowest facility (more responses first on a tie) */
  hardestQuestion?: QuestionStats;
}

const rate = (n: number, d: number) => (d > 0 ? n / d : 0);
const round = (n: number, places = 4) => Math.round(n * 10 ** places) / 10 ** places;

interface ItemAcc {
  stats: Omit<QuestionStats, 'responses' | 'correct' | 'facility' | 'flags'>;
  wrong: Map<string, WrongAnswer>;
}

function wrongKeys(i: InteractionRecord): { key: string; text?: string }[] {
  const r = i.response;
  const c = i.correct[0];
  const label = (id: string, list = i.choices) => list.find((o) => o.id === id)?.text ?? id;
  if (r.type === 'choice' && c?.type === 'choice') return r.ids.filter((id) => !c.ids.includes(id)).map((id) => ({ key: id, text: label(id) }));
  if (r.type === 'true-false') return [{ key: String(r.value) }];
  if (r.type === 'sequencing') return [{ key: r.ids.join('>'), text: r.ids.map((id) => label(id)).join(' → ') }];
  if (r.type === 'matching') return r.pairs.filter(([a, b]) => a !== b).map(([a, b]) => ({ key: `${a}=${b}`, text: `${label(a)} → ${label(b, i.targets ?? [])}` }));
  return [];
}

function pearson(x: ArrayLike<number>, y: ArrayLike<number>, from: number, to: number): number | undefined {
  const n = to - from;
  if (n < 2) return undefined;
  let sx = 0;
  let sy = 0;
  for (let k = from; k < to; k++) {
    sx += x[k]!;
    sy += y[k]!;
  }
  const mx = sx / n;
  const my = sy / n;
  let cov = 0;
  let vx = 0;
  let vy = 0;
  for (let k = from; k < to; k++) {
    const dx = x[k]! - mx;
    const dy = y[k]! - my;
    cov += dx * dy;
    vx += dx * dx;
    vy += dy * dy;
  }
  return vx > 1e-12 && vy > 1e-12 ? cov / Math.sqrt(vx * vy) : undefined;
}

/**
 * The k-th smallest (0-based) of a[0..n), in place (Wirth's selection: Hoare partitions, so runs of equal values,
 * common among rest scores, cost no more than distinct ones). Linear on average, where a sort is n log n.
 */
function select(a: Int32Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = a[k]!;
    let i = lo;
    let j = hi;
    do {
      while (a[i]! < pivot) i++;
      while (pivot < a[j]!) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    } while (i <= j);
    if (j < k) lo = i;
    if (k < i) hi = j;
  }
  return a[k]!;
}

/** rest scores are ratios of small point totals, so distinct ones differ by far more than this resolution */
const REST_STEPS = 1e7;

/**
 * Kelley's index over the responses from..to: facility among the top 27% by rest score minus facility among the
 * bottom 27%. Ties at a group's edge are taken in the order the learners were read in: the upper group takes the
 * earliest of them, the lower group the latest (where one stable sort by rest score, descending, would cut them).
 * `keys` and `work` are working space of at least to − from entries.
 */
function upperLower(x: Uint8Array, rest: Float64Array, from: number, to: number, keys: Int32Array, work: Int32Array): number | undefined {
  const n = to - from;
  const g = Math.round(n * GROUP_SHARE);
  if (n < 4 || g < 1) return undefined;
  // the rest score as an integer key, smaller = higher
  for (let k = 0; k < n; k++) work[k] = keys[k] = Math.round((1 - rest[from + k]!) * REST_STEPS);
  // the g-th best key and the g-th worst: every response beyond them is in the group, ties at them fill it up
  const topEdge = select(work, n, g - 1);
  const bottomEdge = select(work, n, n - g);
  let top = 0;
  let bottom = 0;
  let topIn = 0;
  let bottomIn = 0;
  for (let k = 0; k < n; k++) {
    const v = keys[k]!;
    if (v < topEdge) {
      top += x[from + k]!;
      topIn++;
    } else if (v > bottomEdge) {
      bottom += x[from + k]!;
      bottomIn++;
    }
  }
  for (let k = 0; k < n && topIn < g; k++) {
    if (keys[k] === topEdge) {
      top += x[from + k]!;
      topIn++;
    }
  }
  for (let k = n - 1; k >= 0 && bottomIn < g; k--) {
    if (keys[k] === bottomEdge) {
      bottom += x[from + k]!;
      bottomIn++;
    }
  }
  return (top - bottom) / g;
}

/**
 * The large typed buffers, kept from one call to the next and grown when needed. Some 20 MB for 10,000 learners:
 * allocated afresh on every call they count as external memory, and V8 answers that with a full garbage collection
 * of the heap (every learner's record), which cost more than the aggregation itself. Callers are synchronous, so
 * one set is enough.
 */
interface Buffers {
  itemOf: Int32Array;
  correctOf: Uint8Array;
  restOf: Float64Array;
  x: Uint8Array;
  rest: Float64Array;
}
let buffers: Buffers | undefined;

function buffersFor(size: number): Buffers {
  if (buffers && buffers.itemOf.length >= size) return buffers;
  const n = Math.max(size, Math.ceil((buffers?.itemOf.length ?? 0) * 1.5));
  buffers = { itemOf: new Int32Array(n), correctOf: new Uint8Array(n), restOf: new Float64Array(n), x: new Uint8Array(n), rest: new Float64Array(n) };
  return buffers;
}

/**
 * Every first response in reading order, in flat typed arrays (a million of them for 10,000 learners): its question,
 * whether it was fully correct, and the learner's rest score (their share of points on every other question they
 * answered; NaN when they answered no other).
 */
interface Responses {
  /** how many: the buffers may be longer */
  size: number;
  itemOf: Int32Array;
  correctOf: Uint8Array;
  restOf: Float64Array;
  itemIndex: Map<string, number>;
  items: ItemAcc[];
  /** per part (0–10, course.schema.ts): the learners with a question in it and the sum of their shares, 0–100 */
  partLearners: Int32Array;
  partSum: Float64Array;
  /** one learner's points and weight per part: small typed arrays beat a map per learner */
  partPoints: Float64Array;
  partWeight: Float64Array;
}

function newItem(res: Responses, a: ReportAnswer): number {
  const item = res.items.length;
  res.itemIndex.set(a.key, item);
  res.items.push({ stats: { id: a.id, kind: a.kind, part: a.part, type: a.type, prompt: a.prompt }, wrong: new Map() });
  return item;
}

function countWrong(wrong: Map<string, WrongAnswer>, list: ReportAnswer['wrong']) {
  for (const w of list) {
    const had = wrong.get(w.key);
    if (had) had.count++;
    else wrong.set(w.key, { ...w, count: 1 });
  }
}

/**
 * One learner's answers from position r on; returns the next free position. The hot loops each live in a small
 * function of their own, so the JIT compiles each with the feedback of its own loop: one large function with
 * several loops was compiled mid-loop and thrown away at the next loop, run after run.
 */
function readAnswers(res: Responses, answers: readonly ReportAnswer[], r: number): number {
  const { itemOf, correctOf, restOf, itemIndex, items, partPoints, partWeight } = res;
  partPoints.fill(0);
  partWeight.fill(0);
  let points = 0;
  let weight = 0;
  const first = r;
  for (let j = 0; j < answers.length; j++) {
    const a = answers[j]!;
    const item = itemIndex.get(a.key) ?? newItem(res, a);
    itemOf[r] = item;
    correctOf[r] = a.correct ? 1 : 0;
    r++;
    if (a.wrong.length) countWrong(items[item]!.wrong, a.wrong);
    points += a.score;
    weight += a.weight;
    partPoints[a.part] = partPoints[a.part]! + a.score;
    partWeight[a.part] = partWeight[a.part]! + a.weight;
  }
  for (let j = 0; j < answers.length; j++) {
    const a = answers[j]!;
    const w = weight - a.weight;
    restOf[first + j] = w > 0 ? (points - a.score) / w : NaN;
  }
  for (let part = 0; part < PARTS; part++) {
    const w = partWeight[part]!;
    if (w <= 0) continue;
    res.partLearners[part] = res.partLearners[part]! + 1;
    res.partSum[part] = res.partSum[part]! + (partPoints[part]! / w) * 100;
  }
  return r;
}

interface ScenarioAcc {
  stats: ScenarioStats;
  sum: number;
}

function addScenario(scenarios: Map<string, ScenarioAcc>, s: ReportScenario) {
  let acc = scenarios.get(s.id);
  if (!acc) {
    acc = { stats: { id: s.id, title: s.title, learners: 0, outcomes: [], unfinished: 0, averagePercent: 0 }, sum: 0 };
    scenarios.set(s.id, acc);
  }
  acc.stats.learners++;
  acc.sum += s.maxScore > 0 ? (s.score / s.maxScore) * 100 : 0;
  if (!s.outcome) acc.stats.unfinished++;
  else {
    const o = acc.stats.outcomes.find((x) => x.id === s.outcome!.id);
    if (o) o.count++;
    else acc.stats.outcomes.push({ ...s.outcome, count: 1 });
  }
}

/** Where each question's responses start once grouped: start[i] to start[i + 1]. */
function itemStarts(itemOf: Int32Array, size: number, nItems: number): Int32Array {
  const start = new Int32Array(nItems + 1);
  for (let k = 0; k < size; k++) {
    const i = itemOf[k]! + 1;
    start[i] = start[i]! + 1;
  }
  for (let i = 0; i < nItems; i++) start[i + 1] = start[i + 1]! + start[i]!;
  return start;
}

/**
 * The responses grouped by question, in reading order within each (a counting sort): per question the count of
 * correct responses, and the responses with a rest score packed into x and rest from start[i] to end[i].
 */
function groupByItem(res: Responses, start: Int32Array, x: Uint8Array, rest: Float64Array) {
  const { size, itemOf, correctOf, restOf } = res;
  const nItems = start.length - 1;
  const end = start.slice(0, nItems);
  const correct = new Int32Array(nItems);
  for (let k = 0; k < size; k++) {
    const i = itemOf[k]!;
    correct[i] = correct[i]! + correctOf[k]!;
    const v = restOf[k]!;
    if (v !== v) continue; // NaN: no other question answered, so no rest score
    const at = end[i]!;
    x[at] = correctOf[k]!;
    rest[at] = v;
    end[i] = at + 1;
  }
  return { end, correct };
}

function questionStats(acc: ItemAcc, responses: number, correct: number, pb: number | undefined, ul: number | undefined): QuestionStats {
  const facility = rate(correct, responses);
  let mostChosenWrong: WrongAnswer | undefined;
  for (const w of acc.wrong.values()) if (!mostChosenWrong || w.count > mostChosenWrong.count) mostChosenWrong = w;
  const flags: QuestionFlag[] = [];
  if (facility > FLAG_LIMITS.tooEasy) flags.push('too-easy');
  if (facility < FLAG_LIMITS.tooHard) flags.push('too-hard');
  if (pb !== undefined && pb < 0) flags.push('negative-discrimination');
  return {
    ...acc.stats,
    responses,
    correct,
    facility: round(facility),
    ...(pb !== undefined ? { pointBiserial: round(pb) } : {}),
    ...(ul !== undefined ? { upperLower: round(ul) } : {}),
    ...(mostChosenWrong ? { mostChosenWrong } : {}),
    flags,
  };
}

/** The report over de-duplicated learners, in the order given. */
export function aggregate(learners: readonly ReportLearner[]): TrainingReport {
  const statuses = Object.fromEntries(LEARNER_STATUSES.map((s) => [s, 0])) as Record<LearnerStatus, number>;
  let completed = 0;
  let scoreSum = 0;
  let scored = 0;
  let fromTransfer = 0;
  let size = 0;
  for (const l of learners) size += l.answers?.length ?? 0;
  const buf = buffersFor(size);
  const res: Responses = {
    size,
    itemOf: buf.itemOf,
    correctOf: buf.correctOf,
    restOf: buf.restOf,
    itemIndex: new Map(),
    items: [],
    partLearners: new Int32Array(PARTS),
    partSum: new Float64Array(PARTS),
    partPoints: new Float64Array(PARTS),
    partWeight: new Float64Array(PARTS),
  };
  const scenarios = new Map<string, ScenarioAcc>();
  let r = 0;
  for (const l of learners) {
    statuses[l.status]++;
    if (l.kind === 'transfer') fromTransfer++;
    if (l.completion === 'completed') completed++;
    if (l.score !== undefined) {
      scoreSum += l.score;
      scored++;
    }
    if (l.answers?.length) r = readAnswers(res, l.answers, r);
    for (const s of l.scenarios ?? []) addScenario(scenarios, s);
  }

  const { items } = res;
  const start = itemStarts(res.itemOf, size, items.length);
  const { x, rest } = buf;
  const { end, correct } = groupByItem(res, start, x, rest);
  let most = 0;
  for (let i = 0; i < items.length; i++) most = Math.max(most, start[i + 1]! - start[i]!);
  const keys = new Int32Array(most);
  const work = new Int32Array(most);
  const questions: QuestionStats[] = [];
  for (let i = 0; i < items.length; i++) {
    const from = start[i]!;
    const to = end[i]!;
    questions.push(questionStats(items[i]!, start[i + 1]! - from, correct[i]!, pearson(x, rest, from, to), upperLower(x, rest, from, to, keys, work)));
  }

  const partStats: PartStats[] = [];
  for (let part = 0; part < PARTS; part++) {
    const n = res.partLearners[part]!;
    if (n > 0) partStats.push({ part, learners: n, averagePercent: round(res.partSum[part]! / n, 2) });
  }
  const weakestPart = partStats.reduce<PartStats | undefined>((w, p) => (!w || p.averagePercent < w.averagePercent ? p : w), undefined);
  const hardestQuestion = questions.reduce<QuestionStats | undefined>((h, q) => (!h || q.facility < h.facility || (q.facility === h.facility && q.responses > h.responses) ? q : h), undefined);
  const taken = statuses.passed + statuses.failed;
  return {
    learners: learners.length,
    fromTransfer,
    fromCsv: learners.length - fromTransfer,
    statuses,
    completed,
    passed: statuses.passed,
    completionRate: round(rate(completed, learners.length)),
    passRate: round(rate(statuses.passed, learners.length)),
    passRateOfTaken: round(rate(statuses.passed, taken)),
    ...(scored ? { averageScore: round(scoreSum / scored, 2) } : {}),
    parts: partStats,
    ...(weakestPart ? { weakestPart } : {}),
    scenarios: [...scenarios.values()].map(({ stats, sum }) => ({ ...stats, averagePercent: round(sum / stats.learners, 2) })),
    questions,
    ...(hardestQuestion ? { hardestQuestion } : {}),
  };
}

// ——— the learners table ———

export interface LearnerFilter {
  department?: string;
  status?: LearnerStatus;
  /** certificates whose last valid day is today or within this many days */
  expiringWithinDays?: number;
}

export function filterLearners(learners: readonly ReportLearner[], f: LearnerFilter, today: string): ReportLearner[] {
  return learners.filter((l) => {
    if (f.department !== undefined && (l.department ?? '') !== f.department) return false;
    if (f.status !== undefined && l.status !== f.status) return false;
    if (f.expiringWithinDays !== undefined) {
      if (!l.certificate) return false;
      const left = daysBetween(today, l.certificate.validUntil);
      if (left < 0 || left > f.expiringWithinDays) return false;
    }
    return true;
  });
}

export type SortKey = 'name' | 'employeeId' | 'department' | 'status' | 'score' | 'time' | 'completed' | 'validUntil';

const sortValue: Record<SortKey, (l: ReportLearner) => string | number | undefined> = {
  name: (l) => l.name,
  employeeId: (l) => l.employeeId,
  department: (l) => l.department,
  status: (l) => LEARNER_STATUSES.indexOf(l.status),
  score: (l) => l.score,
  time: (l) => l.activeMs,
  completed: (l) => l.completedAt,
  validUntil: (l) => l.certificate?.validUntil,
};

/** Sorted by one column; rows without a value go last either way. Text compares in the given locale. */
export function sortLearners(learners: readonly ReportLearner[], key: SortKey, direction: 'ascending' | 'descending', locale = 'zh-CN'): ReportLearner[] {
  const collator = new Intl.Collator(locale, { numeric: true });
  const sign = direction === 'ascending' ? 1 : -1;
  return [...learners].sort((a, b) => {
    const va = sortValue[key](a);
    const vb = sortValue[key](b);
    if (va === undefined || vb === undefined) return va === vb ? 0 : va === undefined ? 1 : -1;
    return sign * (typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb)));
  });
}

export const departmentsOf = (learners: readonly ReportLearner[]) => [...new Set(learners.map((l) => l.department ?? ''))].sort();

/** The learners whose current certificate has this verification code (XXXX-XXXX, any case, dash optional). */
export function findCertificate(learners: readonly ReportLearner[], code: string): ReportLearner[] {
  const norm = (c: string) => c.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const want = norm(code);
  return want ? learners.filter((l) => l.certificate?.code && norm(l.certificate.code) === want) : [];
}

/** The learners without their answers: what the page keeps once the report is made. */
export const withoutAnswers = (learners: readonly ReportLearner[]): ReportLearner[] => learners.map(({ answers: _a, scenarios: _s, ...rest }) => rest);
