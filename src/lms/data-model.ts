/**
 * What the runtime reads from and writes to each version's data model. The values written come from the
 * exporters' mappers (to-scorm12.ts, to-scorm2004.ts): the runtime never maps a field of its own. It leaves out
 * what the LMS owns (read-only elements: learner id and name, mastery score, total time) and writes interactions
 * one at a time, as they are answered, under indexes of its own.
 */
import type { CompletionRecord, InteractionRecord } from '../domain/completion-record.ts';
import { SCORM2004 } from '../exporters/limits.ts';
import { isoDuration, cmiTimespan } from '../exporters/time-formats.ts';
import { interactionValues as interaction12, toScorm12 } from '../exporters/to-scorm12.ts';
import { interactionValues as interaction2004, toScorm2004 } from '../exporters/to-scorm2004.ts';
import type { LmsKind } from './discovery.ts';

export interface DataModel {
  readonly kind: LmsKind;
  /** the elements whose change is a status change: committed at once */
  readonly statusElements: ReadonlySet<string>;
  /** the most interactions the LMS is bound to keep (2004 SPM 250; 1.2 sets none) */
  readonly maxInteractions: number;
  /** the values of the learner's state: status, score, location, suspend data, comments, objectives, exit */
  state(record: CompletionRecord): Record<string, string>;
  /** one interaction's values at index n */
  interaction(i: InteractionRecord, n: number, lang: string): Record<string, string>;
  /** this session's time */
  sessionTime(ms: number): Record<string, string>;
}

/** the elements of toScorm12/toScorm2004 the runtime does not write: the LMS's own, and the interactions */
const notWritten = (readOnly: readonly string[]) => {
  const skip = new Set(readOnly);
  return (element: string) => skip.has(element) || element.startsWith('cmi.interactions.');
};

const skip12 = notWritten(['cmi.core.student_id', 'cmi.core.student_name', 'cmi.core.total_time', 'cmi.core.session_time', 'cmi.student_data.mastery_score']);
const skip2004 = notWritten(['cmi.learner_id', 'cmi.learner_name', 'cmi.total_time', 'cmi.session_time', 'cmi.scaled_passing_score']);

export const scorm12: DataModel = {
  kind: 'scorm12',
  statusElements: new Set(['cmi.core.lesson_status', 'cmi.core.score.raw']),
  maxInteractions: Number.POSITIVE_INFINITY,
  state: (record) => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(toScorm12(record).values)) if (!skip12(k)) out[k] = v;
    // SCORM 1.2 RTE 3.4.4: a SCO may not set "not attempted"; a launched course is at least incomplete
    if (out['cmi.core.lesson_status'] === 'not attempted') out['cmi.core.lesson_status'] = 'incomplete';
    return out;
  },
  interaction: (i, n) => interaction12(i, n, []).values,
  sessionTime: (ms) => ({ 'cmi.core.session_time': cmiTimespan(ms) }),
};

export const scorm2004: DataModel = {
  kind: 'scorm2004',
  statusElements: new Set(['cmi.completion_status', 'cmi.success_status', 'cmi.score.scaled']),
  maxInteractions: SCORM2004.interactions,
  state: (record) => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(toScorm2004(record).values)) if (!skip2004(k)) out[k] = v;
    // once launched the course is under way: 2004 RTE 4.2.4 "incomplete"
    if (out['cmi.completion_status'] === 'not attempted') out['cmi.completion_status'] = 'incomplete';
    return out;
  },
  interaction: (i, n, lang) => interaction2004(i, n, lang, []),
  sessionTime: (ms) => ({ 'cmi.session_time': isoDuration(ms) }),
};

export const dataModels: Record<LmsKind, DataModel> = { scorm12, scorm2004 };
