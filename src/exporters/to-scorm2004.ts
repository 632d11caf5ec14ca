/**
 * CompletionRecord → SCORM 2004 4th Edition run-time data: the `cmi.*` values an LMS would hold, as the strings
 * SetValue takes, one function per element for the LMS runtime and `toScorm2004` for all of them. Limits are the
 * data model's smallest permitted maximums (limits.ts); every cut is listed in `truncations`.
 */
import type { ChapterRecord, CompletionRecord, InteractionRecord } from '../domain/completion-record.ts';
import { fitId, fitList, fitText, fitWhole, SCORM2004, type Truncation, type TruncationLog } from './limits.ts';
import { responseItems, responsePattern } from './patterns.ts';
import { isoDuration, scorm2004Time } from './time-formats.ts';

/** RTE 4.2.4 cmi.completion_status, 4.2.22 cmi.success_status, 4.2.9.1 interactions type and result vocabularies. */
export const COMPLETION_STATUS = ['completed', 'incomplete', 'not attempted', 'unknown'] as const;
export const SUCCESS_STATUS = ['passed', 'failed', 'unknown'] as const;
export const INTERACTION_TYPES = ['true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other'] as const;
export const RESULTS = ['correct', 'incorrect', 'unanticipated', 'neutral'] as const;

export interface Scorm2004Export {
  format: 'scorm2004';
  /** cmi element → value */
  values: Record<string, string>;
  truncations: Truncation[];
}

/** real(10,7): at most 7 decimals. */
const real = (n: number) => String(Math.round(n * 1e7) / 1e7);

export function completionStatus(r: Pick<CompletionRecord, 'completionStatus'>): (typeof COMPLETION_STATUS)[number] {
  return r.completionStatus === 'not-attempted' ? 'not attempted' : r.completionStatus;
}

export function successStatus(r: Pick<CompletionRecord, 'successStatus'>): (typeof SUCCESS_STATUS)[number] {
  return r.successStatus;
}

/** cmi.score.*: the best final attempt, in points, with scaled = raw / max (−1…1; here 0…1). */
export function scoreValues(r: Pick<CompletionRecord, 'score'>): Record<string, string> {
  if (!r.score) return {};
  return { 'cmi.score.scaled': real(r.score.scaled), 'cmi.score.raw': real(r.score.raw), 'cmi.score.min': real(r.score.min), 'cmi.score.max': real(r.score.max) };
}

/** cmi.learner_id (long_identifier_type): the employee id when there is one, else the learner's id on the device. */
export function learnerId(r: Pick<CompletionRecord, 'learner'>, log: TruncationLog): string {
  return fitId(r.learner.employeeId ?? r.learner.localId, SCORM2004.longIdentifier, 'cmi.learner_id', 'SCORM2004.longIdentifier', log);
}

/** cmi.location (SPM 1000): where "continue" leads. */
export function location(r: Pick<CompletionRecord, 'resume'>, log: TruncationLog): string | undefined {
  if (!r.resume) return undefined;
  return fitText(r.resume.section ? `${r.resume.chapter}/${r.resume.section}` : r.resume.chapter, SCORM2004.location, 'cmi.location', 'SCORM2004.location', log);
}

/** cmi.suspend_data (SPM 64000): cut suspend data cannot be read back, so an oversized one is left out. */
export function suspendData(r: Pick<CompletionRecord, 'suspendData'>, log: TruncationLog): string | undefined {
  return r.suspendData === undefined ? undefined : fitWhole(r.suspendData, SCORM2004.suspendData, 'cmi.suspend_data', 'SCORM2004.suspendData', log);
}

/** A localized_string_type value carries its language: {lang=zh-CN}text. */
const localized = (lang: string, text: string, max: number, element: string, limit: string, log: TruncationLog) => {
  const tag = `{lang=${lang}}`;
  return tag + fitText(text, max, element, limit, log);
};

/** cmi.comments_from_learner.n.*: the action plan, one comment per item, located at its plan. */
export function commentValues(r: Pick<CompletionRecord, 'actionPlan' | 'course' | 'generatedAt'>, log: TruncationLog): Record<string, string> {
  const out: Record<string, string> = {};
  const items = fitList(r.actionPlan, SCORM2004.comments, 'cmi.comments_from_learner', 'SCORM2004.comments', log, 'first');
  items.forEach((i, n) => {
    const p = `cmi.comments_from_learner.${n}`;
    out[`${p}.comment`] = localized(r.course.defaultLocale, `${i.areaLabel}: ${i.action} / ${i.measure} (${i.due}${i.done ? ' ✓' : ''})`, SCORM2004.comment, `${p}.comment`, 'SCORM2004.comment', log);
    out[`${p}.location`] = fitText(`${i.chapterId}/${i.planId}/${i.itemId}`, SCORM2004.commentLocation, `${p}.location`, 'SCORM2004.commentLocation', log);
    out[`${p}.timestamp`] = scorm2004Time(r.generatedAt);
  });
  return out;
}

function chapterSuccess(c: ChapterRecord): (typeof SUCCESS_STATUS)[number] {
  if (!c.score) return 'unknown';
  return c.score.passed ? 'passed' : 'failed';
}

/** cmi.objectives.n.*: one objective per chapter, then the final assessment. */
export function objectiveValues(r: Pick<CompletionRecord, 'chapters' | 'course' | 'score' | 'successStatus' | 'attempts'>, log: TruncationLog): Record<string, string> {
  const out: Record<string, string> = {};
  type Objective = { id: string; success: string; completion: string; scaled?: number; progress?: number; description: string };
  const all: Objective[] = r.chapters.map((c) => ({
    id: c.id,
    success: chapterSuccess(c),
    completion: c.status === 'completed' ? 'completed' : c.status === 'in-progress' ? 'incomplete' : 'not attempted',
    ...(c.score ? { scaled: c.score.scaled } : {}),
    progress: c.sections ? c.sectionsSeen / c.sections : 0,
    description: c.title,
  }));
  if (r.course.assessment)
    all.push({
      id: r.course.assessment.id,
      success: r.successStatus,
      completion: r.attempts.some((a) => a.submittedAt !== undefined) ? 'completed' : r.attempts.length ? 'incomplete' : 'not attempted',
      ...(r.score ? { scaled: r.score.scaled } : {}),
      description: r.course.assessment.title,
    });
  fitList(all, SCORM2004.objectives, 'cmi.objectives', 'SCORM2004.objectives', log, 'first').forEach((o, n) => {
    const p = `cmi.objectives.${n}`;
    out[`${p}.id`] = fitId(o.id, SCORM2004.longIdentifier, `${p}.id`, 'SCORM2004.longIdentifier', log);
    if (o.scaled !== undefined) out[`${p}.score.scaled`] = real(o.scaled);
    out[`${p}.success_status`] = o.success;
    out[`${p}.completion_status`] = o.completion;
    if (o.progress !== undefined) out[`${p}.progress_measure`] = real(o.progress);
    out[`${p}.description`] = localized(r.course.defaultLocale, o.description, SCORM2004.localizedString250, `${p}.description`, 'SCORM2004.localizedString250', log);
  });
  return out;
}

/** The interaction id: the question id, or "scenario.step" for a scenario decision. */
export function interactionId(i: Pick<InteractionRecord, 'id' | 'source'>): string {
  return i.source.kind === 'scenario' ? `${i.source.scenarioId}.${i.id}` : i.id;
}

/** cmi.interactions.n.result: 2004's vocabulary; a partly right answer is written as the points it earned (real). */
export function interactionResult(i: Pick<InteractionRecord, 'result' | 'score'>): string {
  return i.result === 'partial' ? real(i.score) : i.result;
}

/**
 * A response pattern that fits: at most 36 items, each id a short_identifier_type (SPM 250), the whole within
 * 4000 characters. A pattern that does not fit is left out (a cut pattern would name another answer).
 */
function fitPattern(resp: InteractionRecord['response'], element: string, log: TruncationLog): string | undefined {
  const items = responseItems(resp);
  if (items > SCORM2004.responseItems) {
    log.push({ element, limit: 'SCORM2004.responseItems', max: SCORM2004.responseItems, length: items, action: 'omitted' });
    return undefined;
  }
  const ids = resp.type === 'true-false' ? [] : resp.type === 'matching' ? resp.pairs.flat() : resp.ids;
  const long = ids.find((id) => Array.from(id).length > SCORM2004.shortIdentifier);
  if (long !== undefined) {
    log.push({ element, limit: 'SCORM2004.shortIdentifier', max: SCORM2004.shortIdentifier, length: Array.from(long).length, action: 'omitted' });
    return undefined;
  }
  return fitWhole(responsePattern(resp), SCORM2004.learnerResponse, element, 'SCORM2004.learnerResponse', log);
}

/** cmi.interactions.n.*: the values of one interaction at index n. */
export function interactionValues(i: InteractionRecord, n: number, lang: string, log: TruncationLog): Record<string, string> {
  const p = `cmi.interactions.${n}`;
  const objective = i.source.kind === 'assessment' ? i.source.bankId : i.source.chapterId;
  const out: Record<string, string> = {
    [`${p}.id`]: fitId(interactionId(i), SCORM2004.longIdentifier, `${p}.id`, 'SCORM2004.longIdentifier', log),
    [`${p}.type`]: i.type,
    [`${p}.objectives.0.id`]: fitId(objective, SCORM2004.longIdentifier, `${p}.objectives.0.id`, 'SCORM2004.longIdentifier', log),
    [`${p}.timestamp`]: scorm2004Time(i.at),
  };
  fitList(i.correct, SCORM2004.correctResponses[i.type], `${p}.correct_responses`, `SCORM2004.correctResponses.${i.type}`, log, 'first').forEach((c, k) => {
    const pattern = fitPattern(c, `${p}.correct_responses.${k}.pattern`, log);
    if (pattern !== undefined) out[`${p}.correct_responses.${k}.pattern`] = pattern;
  });
  out[`${p}.weighting`] = real(i.weight);
  const response = fitPattern(i.response, `${p}.learner_response`, log);
  if (response !== undefined) out[`${p}.learner_response`] = response;
  out[`${p}.result`] = interactionResult(i);
  if (i.latencyMs !== undefined) out[`${p}.latency`] = isoDuration(i.latencyMs);
  out[`${p}.description`] = localized(lang, i.description, SCORM2004.localizedString250, `${p}.description`, 'SCORM2004.localizedString250', log);
  return out;
}

export function toScorm2004(r: CompletionRecord): Scorm2004Export {
  const log: TruncationLog = [];
  const values: Record<string, string> = {
    'cmi.learner_id': learnerId(r, log),
    'cmi.learner_name': localized(r.course.defaultLocale, r.learner.name, SCORM2004.localizedString250, 'cmi.learner_name', 'SCORM2004.localizedString250', log),
    'cmi.completion_status': completionStatus(r),
    'cmi.success_status': successStatus(r),
    ...scoreValues(r),
    'cmi.progress_measure': real(r.progressMeasure),
    'cmi.scaled_passing_score': real(r.course.masteryScore / 100),
    // the record covers every session on this device, so the export stands for them as one session
    'cmi.session_time': isoDuration(r.time.totalActiveMs),
    'cmi.total_time': isoDuration(r.time.totalActiveMs),
    'cmi.exit': r.completionStatus === 'completed' ? 'normal' : 'suspend',
  };
  const at = location(r, log);
  if (at !== undefined) values['cmi.location'] = at;
  const suspend = suspendData(r, log);
  if (suspend !== undefined) values['cmi.suspend_data'] = suspend;
  Object.assign(values, commentValues(r, log), objectiveValues(r, log));
  // SPM 250 interactions: an LMS may refuse more, so the latest 250 are kept
  fitList(r.interactions, SCORM2004.interactions, 'cmi.interactions', 'SCORM2004.interactions', log).forEach((i, n) => Object.assign(values, interactionValues(i, n, r.course.defaultLocale, log)));
  return { format: 'scorm2004', values, truncations: log };
}
