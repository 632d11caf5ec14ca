/**
 * CompletionRecord → SCORM 1.2 run-time data: the `cmi.*` values an LMS would hold for the learner, as the strings
 * LMSSetValue takes. Each element has its own function, so the LMS runtime can set one value at a time; `toScorm12`
 * gives them all. Limits come from limits.ts and every cut is listed in `truncations`.
 */
import type { ChapterRecord, CompletionRecord, InteractionRecord, InteractionResponse } from '../domain/completion-record.ts';
import { fitCharacters, fitId, fitText, fitWhole, SCORM12, type Truncation, type TruncationLog } from './limits.ts';
import { cmiTime, cmiTimespan } from './time-formats.ts';

/** cmi.core.lesson_status vocabulary (1.2 RTE 3.4.4). */
export const LESSON_STATUS = ['passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted'] as const;
export type LessonStatus = (typeof LESSON_STATUS)[number];
/** cmi.interactions.n.type vocabulary. */
export const INTERACTION_TYPES = ['true-false', 'choice', 'fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric'] as const;
/** cmi.interactions.n.result vocabulary (or a CMIDecimal). */
export const RESULTS = ['correct', 'wrong', 'unanticipated', 'neutral'] as const;

export interface Scorm12Export {
  format: 'scorm12';
  /** cmi element → value */
  values: Record<string, string>;
  /**
   * 1.2 writes choice, sequencing and matching responses in single characters (0-9, a-z). Per interaction id:
   * each character and the author-written id it stands for.
   */
  responseCodes: Record<string, Record<string, string>>;
  truncations: Truncation[];
}

/**
 * cmi.core.lesson_status: 1.2 has one status for completion and success. A passed or failed final assessment
 * decides it; otherwise it says how far the learner got.
 */
export function lessonStatus(r: Pick<CompletionRecord, 'completionStatus' | 'successStatus'>): LessonStatus {
  if (r.successStatus === 'passed') return 'passed';
  if (r.successStatus === 'failed') return 'failed';
  return r.completionStatus === 'completed' ? 'completed' : r.completionStatus === 'incomplete' ? 'incomplete' : 'not attempted';
}

const decimal = (n: number) => String(Math.round(n * 100) / 100);

/**
 * cmi.core.score.raw/min/max: 1.2 LMSs compare raw with cmi.student_data.mastery_score, a percentage, so the
 * score is written as the percentage of the best final attempt on a 0–100 scale.
 */
export function scoreValues(r: Pick<CompletionRecord, 'score'>): Record<string, string> {
  if (!r.score) return {};
  return { 'cmi.core.score.raw': decimal(r.score.percent), 'cmi.core.score.min': '0', 'cmi.core.score.max': '100' };
}

/** CMIIdentifier allows printable characters without white space. */
const IDENTIFIER_CHAR = /^[\x21-\x7e]$/;

/** cmi.core.student_id: the employee id when there is one, else the learner's id on the device. */
export function studentId(r: Pick<CompletionRecord, 'learner'>, log: TruncationLog): string {
  const id = fitCharacters(r.learner.employeeId ?? r.learner.localId, IDENTIFIER_CHAR, 'cmi.core.student_id', 'SCORM12.CMIIdentifier', SCORM12.CMIIdentifier, log);
  return fitId(id, SCORM12.CMIIdentifier, 'cmi.core.student_id', 'SCORM12.CMIIdentifier', log);
}

/** cmi.core.lesson_location: where "continue" leads, "chapter" or "chapter/section". */
export function lessonLocation(r: Pick<CompletionRecord, 'resume'>, log: TruncationLog): string | undefined {
  if (!r.resume) return undefined;
  const at = r.resume.section ? `${r.resume.chapter}/${r.resume.section}` : r.resume.chapter;
  return fitText(at, SCORM12.CMIString255, 'cmi.core.lesson_location', 'SCORM12.CMIString255', log);
}

/** cmi.suspend_data (CMIString4096): cut suspend data cannot be read back, so an oversized one is left out. */
export function suspendData(r: Pick<CompletionRecord, 'suspendData'>, log: TruncationLog): string | undefined {
  return r.suspendData === undefined ? undefined : fitWhole(r.suspendData, SCORM12.CMIString4096, 'cmi.suspend_data', 'SCORM12.CMIString4096', log);
}

/** cmi.comments (CMIString4096, the learner's comments): the action plan, one item a line. */
export function comments(r: Pick<CompletionRecord, 'actionPlan'>, log: TruncationLog): string | undefined {
  if (r.actionPlan.length === 0) return undefined;
  const lines = r.actionPlan.map((i) => `${i.due} ${i.areaLabel}: ${i.action} / ${i.measure}${i.done ? ' ✓' : ''}`);
  return fitText(lines.join('\n'), SCORM12.CMIString4096, 'cmi.comments', 'SCORM12.CMIString4096', log);
}

function chapterObjectiveStatus(c: ChapterRecord): LessonStatus {
  if (c.status === 'completed') return c.score ? 'passed' : 'completed';
  return c.status === 'in-progress' ? 'incomplete' : 'not attempted';
}

/** cmi.objectives.n.*: one objective per chapter (its quizzes' best score), then the final assessment. */
export function objectiveValues(r: Pick<CompletionRecord, 'chapters' | 'course' | 'attempts' | 'score' | 'successStatus'>, log: TruncationLog): Record<string, string> {
  const out: Record<string, string> = {};
  const objective = (n: number, id: string, status: LessonStatus, percent?: number) => {
    const p = `cmi.objectives.${n}`;
    out[`${p}.id`] = fitId(id, SCORM12.CMIIdentifier, `${p}.id`, 'SCORM12.CMIIdentifier', log);
    if (percent !== undefined) Object.assign(out, { [`${p}.score.raw`]: decimal(percent), [`${p}.score.min`]: '0', [`${p}.score.max`]: '100' });
    out[`${p}.status`] = status;
  };
  r.chapters.forEach((c, n) => objective(n, c.id, chapterObjectiveStatus(c), c.score?.percent));
  if (r.course.assessment) {
    const status: LessonStatus = r.successStatus === 'passed' ? 'passed' : r.successStatus === 'failed' ? 'failed' : r.attempts.length ? 'incomplete' : 'not attempted';
    objective(r.chapters.length, r.course.assessment.id, status, r.score?.percent);
  }
  return out;
}

const CODE_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * The single-character codes of an interaction's choices: ids in alphabetical order get a, b, c…, so a code
 * stays with its choice when authors reorder choices (1.2 has no room for the ids themselves).
 */
export function responseCodes(i: Pick<InteractionRecord, 'choices' | 'targets'>): Map<string, string> | undefined {
  const ids = [...new Set([...i.choices, ...(i.targets ?? [])].map((c) => c.id))].sort();
  if (ids.length > SCORM12.responseCodes) return undefined;
  return new Map(ids.map((id, k) => [id, CODE_CHARS[k]!]));
}

/** A response in 1.2's format: "t"/"f"; codes joined by commas; matching pairs as source.target. */
export function encodeResponse(r: InteractionResponse, codes: ReadonlyMap<string, string>): string {
  const code = (id: string) => codes.get(id) ?? '';
  switch (r.type) {
    case 'true-false':
      return r.value ? 't' : 'f';
    case 'choice':
    case 'sequencing':
      return r.ids.map(code).join(',');
    case 'matching':
      return r.pairs.map(([s, t]) => `${code(s)}.${code(t)}`).join(',');
  }
}

/** The interaction id: the question id, or "scenario.step" for a scenario decision. */
export function interactionId(i: Pick<InteractionRecord, 'id' | 'source'>): string {
  return i.source.kind === 'scenario' ? `${i.source.scenarioId}.${i.id}` : i.id;
}

/** cmi.interactions.n.result: 1.2's vocabulary; a partly right answer is written as the points it earned (CMIDecimal). */
export function interactionResult(i: Pick<InteractionRecord, 'result' | 'score'>): string {
  return i.result === 'correct' ? 'correct' : i.result === 'incorrect' ? 'wrong' : decimal(i.score);
}

/** cmi.interactions.n.*: the values of one interaction at index n, and its response codes. */
export function interactionValues(i: InteractionRecord, n: number, log: TruncationLog): { values: Record<string, string>; codes?: Record<string, string> } {
  const p = `cmi.interactions.${n}`;
  const id = fitId(interactionId(i), SCORM12.CMIIdentifier, `${p}.id`, 'SCORM12.CMIIdentifier', log);
  const objective = i.source.kind === 'assessment' ? i.source.bankId : i.source.chapterId;
  const values: Record<string, string> = {
    [`${p}.id`]: id,
    [`${p}.objectives.0.id`]: fitId(objective, SCORM12.CMIIdentifier, `${p}.objectives.0.id`, 'SCORM12.CMIIdentifier', log),
    [`${p}.time`]: cmiTime(i.at),
    [`${p}.type`]: i.type,
  };
  const codes = i.type === 'true-false' ? new Map<string, string>() : responseCodes(i);
  if (!codes) {
    log.push({ element: `${p}.student_response`, limit: 'SCORM12.responseCodes', max: SCORM12.responseCodes, length: i.choices.length + (i.targets?.length ?? 0), action: 'omitted' });
  } else {
    i.correct.forEach((c, k) => {
      const pattern = fitWhole(encodeResponse(c, codes), SCORM12.CMIFeedback, `${p}.correct_responses.${k}.pattern`, 'SCORM12.CMIFeedback', log);
      if (pattern !== undefined) values[`${p}.correct_responses.${k}.pattern`] = pattern;
    });
  }
  values[`${p}.weighting`] = decimal(i.weight);
  if (codes) {
    const response = fitWhole(encodeResponse(i.response, codes), SCORM12.CMIFeedback, `${p}.student_response`, 'SCORM12.CMIFeedback', log);
    if (response !== undefined) values[`${p}.student_response`] = response;
  }
  values[`${p}.result`] = interactionResult(i);
  if (i.latencyMs !== undefined) values[`${p}.latency`] = cmiTimespan(i.latencyMs);
  return { values, ...(codes && codes.size ? { codes: Object.fromEntries([...codes].map(([k, v]) => [v, k])) } : {}) };
}

export function toScorm12(r: CompletionRecord): Scorm12Export {
  const log: TruncationLog = [];
  const values: Record<string, string> = {
    'cmi.core.student_id': studentId(r, log),
    'cmi.core.student_name': fitText(r.learner.name, SCORM12.CMIString255, 'cmi.core.student_name', 'SCORM12.CMIString255', log),
    'cmi.core.lesson_status': lessonStatus(r),
    ...scoreValues(r),
    // the record covers every session on this device, so the export stands for them as one session
    'cmi.core.session_time': cmiTimespan(r.time.totalActiveMs),
    'cmi.core.total_time': cmiTimespan(r.time.totalActiveMs),
    'cmi.core.exit': r.completionStatus === 'completed' ? '' : 'suspend',
    'cmi.student_data.mastery_score': decimal(r.course.masteryScore),
  };
  const location = lessonLocation(r, log);
  if (location !== undefined) values['cmi.core.lesson_location'] = location;
  const suspend = suspendData(r, log);
  if (suspend !== undefined) values['cmi.suspend_data'] = suspend;
  const plan = comments(r, log);
  if (plan !== undefined) values['cmi.comments'] = plan;
  Object.assign(values, objectiveValues(r, log));
  const codes: Record<string, Record<string, string>> = {};
  r.interactions.forEach((i, n) => {
    const v = interactionValues(i, n, log);
    Object.assign(values, v.values);
    if (v.codes) codes[v.values[`cmi.interactions.${n}.id`]!] = v.codes;
  });
  return { format: 'scorm12', values, responseCodes: codes, truncations: log };
}
