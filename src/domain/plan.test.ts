import { describe, expect, it } from 'vitest';
import { PLAN_ACTION_MAX, PLAN_MEASURE_MAX, planItemFrom, planItemProblems, type PlanDraft } from './plan.ts';
import { emptyProgress, type PlanItem } from './progress.ts';
import { removePlanItem, restorePlanItem, savePlanItem } from './progress-updates.ts';
import { mergeProgress } from './merge.ts';

const today = '2027-03-10';
const draft = (over: Partial<PlanDraft> = {}): PlanDraft => ({ area: 'knowledge', action: '每月复习一次反洗钱制度', measure: '', due: '2027-06-30', ...over });
const item = (over: Partial<PlanItem> = {}): PlanItem => ({ id: 'i1', area: 'knowledge', action: '每月复习一次反洗钱制度', measure: '', due: '2027-06-30', ...over });
const kinds = (d: PlanDraft, others: PlanItem[] = [], editing?: PlanItem) => planItemProblems(d, others, today, editing).map((p) => `${p.field}:${p.kind}`);

describe('an action plan item', () => {
  it('can be saved with an action and a target date from today on', () => {
    expect(kinds(draft())).toEqual([]);
    expect(kinds(draft({ due: today }))).toEqual([]);
  });

  it('needs an action that is more than spaces, and a target date', () => {
    expect(kinds(draft({ action: '  \n ', due: '' }))).toEqual(['action:required', 'due:required']);
  });

  it('may not set a target date in the past, nor a day that does not exist', () => {
    expect(kinds(draft({ due: '2027-03-09' }))).toEqual(['due:past']);
    expect(kinds(draft({ due: '2027-02-30' }))).toEqual(['due:invalid']);
    expect(kinds(draft({ due: '30/06/2027' }))).toEqual(['due:invalid']);
  });

  it('keeps its own past date when edited, so a late action can still be corrected', () => {
    const late = item({ due: '2027-01-31' });
    expect(kinds(draft({ due: '2027-01-31', action: '每月复习一次反洗钱制度（已推迟）' }), [late], late)).toEqual([]);
    expect(kinds(draft({ due: '2027-02-01' }), [late], late)).toEqual(['due:past']);
  });

  it('counts length in characters as read, Chinese and emoji included', () => {
    expect(kinds(draft({ action: '合'.repeat(PLAN_ACTION_MAX) }))).toEqual([]);
    const long = planItemProblems(draft({ action: '合'.repeat(PLAN_ACTION_MAX + 1) }), [], today);
    expect(long).toEqual([{ field: 'action', kind: 'too-long', max: PLAN_ACTION_MAX, length: PLAN_ACTION_MAX + 1 }]);
    expect(kinds(draft({ measure: '😀'.repeat(PLAN_MEASURE_MAX) }))).toEqual([]);
    expect(kinds(draft({ measure: '😀'.repeat(PLAN_MEASURE_MAX + 1) }))).toEqual(['measure:too-long']);
  });

  it('is a duplicate when the same area already has the same action, whatever the spacing or width', () => {
    const others = [item({ action: '每月复习 一次反洗钱制度' })];
    expect(kinds(draft({ action: '每月复习一次反洗钱制度 ' }), others)).toEqual(['action:duplicate']);
    expect(kinds(draft({ action: 'Ｒｅｖｉｅｗ AML' }), [item({ action: 'review aml' })])).toEqual(['action:duplicate']);
    expect(kinds(draft({ area: 'behaviour' }), others)).toEqual([]);
  });

  it('is no duplicate of itself when edited, nor of a removed item', () => {
    const own = item();
    expect(kinds(draft({ measure: '每月一次' }), [own], own)).toEqual([]);
    expect(kinds(draft(), [item({ deleted: true, action: '' }), { ...own, id: 'gone', deleted: true }])).toEqual([]);
  });

  it('is saved trimmed, and keeps its done mark', () => {
    expect(planItemFrom(draft({ action: ' 学习 ', measure: ' 测验 ' }), 'x', true)).toEqual({ id: 'x', area: 'knowledge', action: '学习', measure: '测验', due: '2027-06-30', done: true });
  });
});

describe('undoing a removal', () => {
  it('brings the item back under a new id in its old place, and a merge with a copy that holds the removal keeps it', () => {
    let p = emptyProgress('1.0.0');
    for (const id of ['a', 'b', 'c']) p = savePlanItem(p, 'plan', item({ id, action: id }));
    const removed = removePlanItem(p, 'plan', 'b');
    const restored = restorePlanItem(removed, 'plan', 'b', item({ id: 'b2', action: 'b' }));
    const visible = (x: typeof p) => (x.plans.plan ?? []).filter((i) => !i.deleted).map((i) => i.action);
    expect(visible(restored)).toEqual(['a', 'b', 'c']);
    // another tab saw only the removal: the merged plan still has the restored item
    expect(visible(mergeProgress(restored, removed))).toEqual(['a', 'b', 'c']);
    expect(visible(mergeProgress(removed, restored))).toEqual(['a', 'c', 'b']);
  });
});
