/**
 * CompletionRecord(s) → two CSV files for spreadsheets: a summary (one row per learner and course) and the
 * interactions (one row per answered question or decision).
 *
 * - RFC 4180: fields with a comma, quote, CR or LF are quoted and quotes doubled; lines end in CRLF.
 * - UTF-8 with a byte-order mark, so Excel opens Chinese text correctly.
 * - Formula injection (OWASP "CSV injection"): a cell that begins with =, +, -, @, tab or CR is prefixed with an
 *   apostrophe, so a spreadsheet shows it as text instead of running it.
 * - Cells longer than Excel's 32,767 characters are cut, and the row's `truncated` column names the column.
 * Column names are stable identifiers (not interface text): other tools read them.
 * Times are UTC, YYYY-MM-DDThh:mm:ssZ; durations ISO 8601; responses in the SCORM 2004 / xAPI pattern notation.
 */
import type { CompletionRecord, InteractionRecord } from '../domain/completion-record.ts';
import { CSV, fitText, type Truncation, type TruncationLog } from './limits.ts';
import { responsePattern } from './patterns.ts';
import { isoDuration, isoSeconds } from './time-formats.ts';

export const BOM = '\uFEFF';
const EOL = '\r\n';

export type Cell = string | number | boolean | undefined;

/** A cell a spreadsheet would run as a formula gets a leading apostrophe. */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One RFC 4180 field: neutralised, then quoted when it holds a comma, a quote, CR or LF. */
export function csvField(value: Cell): string {
  if (value === undefined) return '';
  const text = neutralise(typeof value === 'string' ? value : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: BOM, header, rows, each line ending in CRLF. */
export function csvFile(header: readonly string[], rows: readonly Cell[][]): string {
  return BOM + [header, ...rows].map((r) => r.map(csvField).join(',') + EOL).join('');
}

export const SUMMARY_COLUMNS = [
  'course_id',
  'course_version',
  'course_title',
  'organisation',
  'learner_local_id',
  'learner_name',
  'employee_id',
  'department',
  'completion_status',
  'success_status',
  'progress_percent',
  'score_raw',
  'score_max',
  'score_scaled',
  'score_percent',
  'score_attempt',
  'first_launch_utc',
  'last_access_utc',
  'total_active_time',
  'total_active_minutes',
  'chapters_completed',
  'chapters_total',
  'assessment_attempts',
  'certificate_state',
  'certificate_number',
  'certificate_issued_on',
  'certificate_valid_until',
  'action_plan_items',
  'generated_at_utc',
  'truncated',
] as const;

export const INTERACTION_COLUMNS = [
  'course_id',
  'learner_local_id',
  'employee_id',
  'learner_name',
  'interaction_key',
  'kind',
  'chapter_id',
  'source',
  'source_id',
  'attempt',
  'part',
  'interaction_id',
  'type',
  'description',
  'response',
  'correct_response',
  'result',
  'score',
  'weight',
  'latency_seconds',
  'timestamp_utc',
  'truncated',
] as const;

/** Fits each cell to Excel's limit; the names of cut columns go in the row's last cell. */
function fitRow(columns: readonly string[], cells: Cell[], rowName: string, log: TruncationLog): Cell[] {
  const cut: string[] = [];
  const fitted = cells.map((c, k) => {
    if (typeof c !== 'string') return c;
    const before = log.length;
    const v = fitText(c, CSV.cell, `${rowName}.${columns[k]}`, 'CSV.cell', log);
    if (log.length > before) cut.push(columns[k]!);
    return v;
  });
  return [...fitted, cut.join(' ')];
}

export function summaryRow(r: CompletionRecord, log: TruncationLog, row = 1): Cell[] {
  const current = r.certificates.at(-1);
  const cells: Cell[] = [
    r.course.id,
    r.course.version,
    r.course.title,
    r.course.organisation,
    r.learner.localId,
    r.learner.name,
    r.learner.employeeId,
    r.learner.department,
    r.completionStatus,
    r.successStatus,
    Math.round(r.progressMeasure * 100),
    r.score?.raw,
    r.score?.max,
    r.score?.scaled,
    r.score?.percent,
    r.score?.attempt,
    r.time.firstLaunch !== undefined ? isoSeconds(r.time.firstLaunch) : undefined,
    isoSeconds(r.time.lastAccess),
    isoDuration(r.time.totalActiveMs),
    Math.round(r.time.totalActiveMs / 60_000),
    r.chapters.filter((c) => c.status === 'completed').length,
    r.chapters.length,
    r.attempts.filter((a) => a.mode === 'final' && a.submittedAt !== undefined).length,
    r.certificate.state,
    current?.number,
    current?.issuedOn,
    current?.validUntil,
    r.actionPlan.length,
    isoSeconds(r.generatedAt),
  ];
  return fitRow(SUMMARY_COLUMNS, cells, `summary.${row}`, log);
}

export function interactionRow(r: CompletionRecord, i: InteractionRecord, log: TruncationLog, row = 1): Cell[] {
  const s = i.source;
  const cells: Cell[] = [
    r.course.id,
    r.learner.localId,
    r.learner.employeeId,
    r.learner.name,
    i.key,
    i.kind,
    s.kind === 'assessment' ? undefined : s.chapterId,
    s.kind,
    s.kind === 'quiz' ? s.quizId : s.kind === 'assessment' ? s.bankId : s.scenarioId,
    s.kind === 'scenario' ? s.run : s.attempt,
    i.part,
    i.id,
    i.type,
    i.description,
    responsePattern(i.response),
    i.correct.map(responsePattern).join(' | '),
    i.result,
    i.score,
    i.weight,
    i.latencyMs !== undefined ? Math.round(i.latencyMs / 10) / 100 : undefined,
    isoSeconds(i.at),
  ];
  return fitRow(INTERACTION_COLUMNS, cells, `interactions.${row}`, log);
}

export interface CsvExport {
  format: 'csv';
  /** the summary file's text, BOM included */
  summary: string;
  /** the interactions file's text, BOM included */
  interactions: string;
  truncations: Truncation[];
}

/** One or more learners' records: a trainer may combine several learners' files into one sheet. */
export function toCsv(records: CompletionRecord | readonly CompletionRecord[]): CsvExport {
  const list: readonly CompletionRecord[] = 'recordVersion' in records ? [records] : records;
  const log: TruncationLog = [];
  const summary = csvFile(SUMMARY_COLUMNS, list.map((r, k) => summaryRow(r, log, k + 1)));
  let row = 0;
  const interactions = csvFile(INTERACTION_COLUMNS, list.flatMap((r) => r.interactions.map((i) => interactionRow(r, i, log, ++row))));
  return { format: 'csv', summary, interactions, truncations: log };
}
