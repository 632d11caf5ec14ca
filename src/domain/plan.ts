/**
 * The personal action plan's rules: what makes an item acceptable. Pure: "today" is the learner's local date,
 * passed in. Lengths are counted in characters as a person reads them (a CJK character or an emoji is one).
 */
import type { PlanItem } from './progress.ts';

/** Long enough for a concrete action in a sentence or two; longer entries belong in a document of their own. */
export const PLAN_ACTION_MAX = 200;
export const PLAN_MEASURE_MAX = 120;

export type PlanField = 'action' | 'measure' | 'due';

export type PlanProblem =
  | { field: 'action'; kind: 'required' }
  | { field: 'action'; kind: 'too-long'; max: number; length: number }
  | { field: 'action'; kind: 'duplicate' }
  | { field: 'measure'; kind: 'too-long'; max: number; length: number }
  | { field: 'due'; kind: 'required' }
  | { field: 'due'; kind: 'invalid' }
  | { field: 'due'; kind: 'past' };

export interface PlanDraft {
  area: string;
  action: string;
  measure: string;
  due: string;
}

const length = (text: string) => Array.from(text).length;
/** two actions are the same when they differ only in spacing, width or letter case */
const sameText = (a: string) => a.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function realDate(date: string): boolean {
  if (!ISO_DATE.test(date)) return false;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * What is wrong with a draft, field by field (empty when it can be saved). `others` are the plan's current items;
 * `editingId` is the item being edited, which is not a duplicate of itself. An item being edited keeps a target
 * date that has since passed (the learner may be ticking off a late action), a new one may not set one.
 */
export function planItemProblems(draft: PlanDraft, others: readonly PlanItem[], today: string, editing?: PlanItem): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const action = draft.action.trim();
  const measure = draft.measure.trim();
  if (!action) problems.push({ field: 'action', kind: 'required' });
  else if (length(action) > PLAN_ACTION_MAX) problems.push({ field: 'action', kind: 'too-long', max: PLAN_ACTION_MAX, length: length(action) });
  else if (others.some((i) => !i.deleted && i.id !== editing?.id && i.area === draft.area && sameText(i.action) === sameText(action)))
    problems.push({ field: 'action', kind: 'duplicate' });
  if (length(measure) > PLAN_MEASURE_MAX) problems.push({ field: 'measure', kind: 'too-long', max: PLAN_MEASURE_MAX, length: length(measure) });
  if (!draft.due) problems.push({ field: 'due', kind: 'required' });
  else if (!realDate(draft.due)) problems.push({ field: 'due', kind: 'invalid' });
  else if (draft.due < today && draft.due !== editing?.due) problems.push({ field: 'due', kind: 'past' });
  return problems;
}

/** The item a valid draft becomes, with spaces trimmed. */
export function planItemFrom(draft: PlanDraft, id: string, done?: boolean): PlanItem {
  const item: PlanItem = { id, area: draft.area, action: draft.action.trim(), measure: draft.measure.trim(), due: draft.due };
  if (done) item.done = true;
  return item;
}
