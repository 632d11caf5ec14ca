/**
 * Every format's limits in one place, each named after the spec element it comes from, and the one truncation
 * policy the mappers apply. Nothing is cut silently: every value that does not fit is listed in the export's
 * `truncations` (the CSV files carry it in a `truncated` column), so whoever loads a file can see what changed.
 *
 * Lengths are counted in characters (Unicode code points), as the SCORM data models count them.
 */
import { hex, sha1 } from './uuid.ts';

/** SCORM 1.2 Run-Time Environment, section 3.4 (data types) and the cmi data model. */
export const SCORM12 = {
  /** CMIString255: cmi.core.student_name, cmi.core.lesson_location, cmi.objectives.n.id… */
  CMIString255: 255,
  /** CMIString4096: cmi.suspend_data, cmi.comments */
  CMIString4096: 4096,
  /** CMIIdentifier: cmi.core.student_id, cmi.interactions.n.id, cmi.objectives.n.id (no white space) */
  CMIIdentifier: 255,
  /** CMIFeedback, as 1.2 bounds it (CMIString255): cmi.interactions.n.student_response and correct_responses.n.pattern */
  CMIFeedback: 255,
  /** choice, sequencing and matching responses are single characters 0-9 and a-z: 36 codes per interaction */
  responseCodes: 36,
} as const;

/** SCORM 2004 4th Edition Run-Time Environment, section 4 (data model), smallest permitted maximums (SPM). */
export const SCORM2004 = {
  /** cmi.suspend_data: characterstring, SPM 64000 */
  suspendData: 64000,
  /** cmi.location: characterstring, SPM 1000 */
  location: 1000,
  /** cmi.learner_id, cmi.interactions.n.id, cmi.objectives.n.id: long_identifier_type, SPM 4000 */
  longIdentifier: 4000,
  /** choice and step ids inside a response pattern: short_identifier_type, SPM 250 */
  shortIdentifier: 250,
  /** cmi.learner_name, cmi.interactions.n.description, cmi.objectives.n.description: localized_string_type, SPM 250 */
  localizedString250: 250,
  /** cmi.comments_from_learner.n.comment: localized_string_type, SPM 4000 */
  comment: 4000,
  /** cmi.comments_from_learner.n.location: characterstring, SPM 250 */
  commentLocation: 250,
  /** cmi.interactions.n.learner_response and correct_responses.n.pattern, as a whole string */
  learnerResponse: 4000,
  /** items in one choice or sequencing response, pairs in one matching response: SPM 36 */
  responseItems: 36,
  /** cmi.interactions: SPM 250 interactions */
  interactions: 250,
  /** cmi.objectives: SPM 100 objectives */
  objectives: 100,
  /** cmi.comments_from_learner: SPM 250 comments */
  comments: 250,
  /** cmi.interactions.n.correct_responses: SPM by interaction type */
  correctResponses: { 'true-false': 1, choice: 10, sequencing: 5, matching: 5 },
} as const;

/** CSV files are opened in spreadsheets: Excel holds at most 32,767 characters in a cell. */
export const CSV = {
  cell: 32767,
} as const;

/** xAPI 1.0.3 sets no length limits on statement values; the LRS outbox applies its LRS's own, if any. */
export const XAPI = {} as const;

export type TruncationAction =
  /** text cut to the limit */
  | 'cut'
  /** an identifier cut and given a short hash of the whole, so two long ids stay distinct */
  | 'shortened-id'
  /** characters a format does not allow in the element replaced by "_" */
  | 'replaced-characters'
  /** a value that is useless when cut (suspend data, a response) left out */
  | 'omitted'
  /** entries over a count limit left out */
  | 'dropped';

export interface Truncation {
  /** the element or column, e.g. "cmi.suspend_data", "cmi.interactions.3.description" */
  element: string;
  /** the limit, by the name it has in limits.ts, e.g. "SCORM12.CMIString4096" */
  limit: string;
  max: number;
  /** the original length (characters, or entries for 'dropped') */
  length: number;
  action: TruncationAction;
}

export type TruncationLog = Truncation[];

const chars = (s: string) => Array.from(s);

/** Text: cut to `max` characters (never inside a surrogate pair). */
export function fitText(value: string, max: number, element: string, limit: string, log: TruncationLog): string {
  const c = chars(value);
  if (c.length <= max) return value;
  log.push({ element, limit, max, length: c.length, action: 'cut' });
  return c.slice(0, max).join('');
}

/** An identifier: when too long, its start plus "-" and 8 hex digits of its SHA-1, so distinct ids stay distinct. */
export function fitId(value: string, max: number, element: string, limit: string, log: TruncationLog): string {
  const c = chars(value);
  if (c.length <= max) return value;
  log.push({ element, limit, max, length: c.length, action: 'shortened-id' });
  return `${c.slice(0, max - 9).join('')}-${hex(sha1(new TextEncoder().encode(value))).slice(0, 8)}`;
}

/** A value that is worthless when cut (suspend data, a response pattern): kept whole, or left out and logged. */
export function fitWhole(value: string, max: number, element: string, limit: string, log: TruncationLog): string | undefined {
  const length = chars(value).length;
  if (length <= max) return value;
  log.push({ element, limit, max, length, action: 'omitted' });
  return undefined;
}

/** A list with a count limit: keeps the `keep` end (the latest entries by default), logs the rest as dropped. */
export function fitList<T>(items: readonly T[], max: number, element: string, limit: string, log: TruncationLog, keep: 'first' | 'last' = 'last'): T[] {
  if (items.length <= max) return [...items];
  log.push({ element, limit, max, length: items.length, action: 'dropped' });
  return keep === 'last' ? items.slice(items.length - max) : items.slice(0, max);
}

/** Characters outside `allowed` (a one-character class) replaced by "_", logged. */
export function fitCharacters(value: string, allowed: RegExp, element: string, limit: string, max: number, log: TruncationLog): string {
  const c = chars(value);
  if (c.every((ch) => allowed.test(ch))) return value;
  log.push({ element, limit, max, length: c.length, action: 'replaced-characters' });
  return c.map((ch) => (allowed.test(ch) ? ch : '_')).join('');
}
