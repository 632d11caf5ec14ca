import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { ActionPlanData } from '../../domain/course.ts';
import { PLAN_ACTION_MAX, PLAN_MEASURE_MAX, planItemFrom, planItemProblems, type PlanDraft, type PlanField, type PlanProblem } from '../../domain/plan.ts';
import type { PlanItem } from '../../domain/progress.ts';
import { removePlanItem, restorePlanItem, savePlanItem } from '../../domain/progress-updates.ts';
import { currentProgress, useStore } from '../../state/store.ts';
import { useChapter } from '../../ui/chapter-context.ts';
import { localCalendar } from '../../ui/local-calendar.ts';
import { COURSE_LANG } from '../../ui/course-lang.ts';

const NO_ITEMS: never[] = [];
const today = () => localCalendar.dateOf(Date.now());

/** A new item id, unique in the plan: saving an item with an existing id replaces that item. */
function newItemId(all: readonly PlanItem[]): string {
  const base = `i${Date.now().toString(36)}`;
  let id = base;
  for (let n = 2; all.some((i) => i.id === id); n++) id = `${base}-${n}`;
  return id;
}

/** The learner's personal action plan: items with an area, a measure and a target date, saved with progress. */
export function ActionPlan({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const uid = useId();
  const { interactive } = useChapter();
  const plan = interactive.plans.find((p) => p.id === id);
  const all = useStore((s) => currentProgress(s).plans[id] ?? NO_ITEMS);
  const items = all.filter((i) => !i.deleted);
  const updateProgress = useStore((s) => s.updateProgress);
  const [editing, setEditing] = useState<string>();
  // the last removal, which the learner may undo; messages are keys, translated when shown
  const [removed, setRemoved] = useState<PlanItem>();
  const [status, setStatus] = useState<'' | 'plan.saved' | 'plan.updated'>('');
  const undoRef = useRef<HTMLButtonElement>(null);
  const editRefs = useRef(new Map<string, HTMLButtonElement>());
  const [focusEdit, setFocusEdit] = useState<string>();
  useEffect(() => {
    if (removed) undoRef.current?.focus();
  }, [removed]);
  useEffect(() => {
    if (focusEdit) editRefs.current.get(focusEdit)?.focus();
  }, [focusEdit]);
  if (!plan) return null;
  const label = (a: string) => plan.areas.find((x) => x.id === a)?.label ?? a;

  const remove = (item: PlanItem) => {
    updateProgress((p) => removePlanItem(p, id, item.id));
    setRemoved(item);
    setStatus('');
  };
  const undo = () => {
    if (!removed) return;
    const restoredId = newItemId(all);
    updateProgress((p) => restorePlanItem(p, id, removed.id, { ...removed, id: restoredId }));
    setRemoved(undefined);
    setFocusEdit(restoredId);
  };

  return (
    // interface text in the interface's language; the course text in it is marked zh-CN, the learner's own words
    // lang="" (their language is not known)
    <section className="action-plan" aria-labelledby={`ap-${id}`} lang={i18n.language}>
      <p className="eyebrow">{t('plan.label')}</p>
      <h3 id={`ap-${id}`} lang={COURSE_LANG}>{plan.title}</h3>
      {items.length === 0 ? (
        <p className="hint">{t('plan.empty')}</p>
      ) : (
        <ul className="plan-items">
          {items.map((i) =>
            editing === i.id ? (
              <li key={i.id} className="editing">
                <PlanForm
                  plan={plan}
                  others={all}
                  editing={i}
                  submitLabel={t('plan.saveEdit')}
                  legend={t('plan.editHeading', { action: i.action })}
                  onCancel={() => {
                    setEditing(undefined);
                    setFocusEdit(i.id);
                  }}
                  onSave={(draft) => {
                    updateProgress((p) => savePlanItem(p, id, planItemFrom(draft, i.id, i.done)));
                    setEditing(undefined);
                    setStatus('plan.updated');
                    setFocusEdit(i.id);
                  }}
                />
              </li>
            ) : (
              <li key={i.id} className={i.done ? 'done' : undefined}>
                <span className="badge" lang={COURSE_LANG}>{label(i.area)}</span>
                <span className="plan-action" id={`${uid}-${i.id}`} lang="">{i.action}</span>
                {i.measure && <span className="plan-measure">{t('plan.measureLabel', { measure: i.measure })}</span>}
                <span className="plan-due">{t('plan.dueLabel', { due: i.due })}</span>
                <span className="plan-tools">
                  <label className="plan-done">
                    <input type="checkbox" checked={!!i.done} aria-describedby={`${uid}-${i.id}`} onChange={(e) => updateProgress((p) => savePlanItem(p, id, { ...i, done: e.target.checked }))} />
                    {t('plan.done')}
                  </label>
                  <button
                    type="button"
                    className="button secondary small"
                    aria-label={t('plan.edit', { action: i.action })}
                    ref={(el) => {
                      if (el) editRefs.current.set(i.id, el);
                      else editRefs.current.delete(i.id);
                    }}
                    onClick={() => {
                      setEditing(i.id);
                      setStatus('');
                    }}
                  >
                    {t('plan.editShort')}
                  </button>
                  <button type="button" className="icon-button" aria-label={t('plan.remove', { action: i.action })} onClick={() => remove(i)}>
                    ×
                  </button>
                </span>
              </li>
            ),
          )}
        </ul>
      )}
      <div className="plan-notice" role="status">
        {removed ? (
          <>
            <span>{t('plan.removed', { action: removed.action })}</span>{' '}
            <button type="button" className="link-button" ref={undoRef} onClick={undo}>{t('plan.undo')}</button>
          </>
        ) : (
          status && t(status)
        )}
      </div>
      <PlanForm
        plan={plan}
        others={all}
        submitLabel={t('plan.add')}
        legend={t('plan.addHeading')}
        clearOnSave
        onSave={(draft) => {
          updateProgress((p) => savePlanItem(p, id, planItemFrom(draft, newItemId(all))));
          setRemoved(undefined);
          setStatus('plan.saved');
        }}
      />
    </section>
  );
}

interface PlanFormProps {
  plan: ActionPlanData;
  others: readonly PlanItem[];
  editing?: PlanItem;
  submitLabel: string;
  legend: string;
  clearOnSave?: boolean;
  onSave: (draft: PlanDraft) => void;
  onCancel?: () => void;
}

const blank = (plan: ActionPlanData): PlanDraft => ({ area: plan.areas[0]?.id ?? '', action: '', measure: '', due: '' });

/** Adding an item, or editing one in place: every field checked on submit, each problem shown by its field. */
function PlanForm({ plan, others, editing, submitLabel, legend, clearOnSave, onSave, onCancel }: PlanFormProps) {
  const { t } = useTranslation();
  const uid = useId();
  const [draft, setDraft] = useState<PlanDraft>(() => (editing ? { area: editing.area, action: editing.action, measure: editing.measure, due: editing.due } : blank(plan)));
  const [problems, setProblems] = useState<PlanProblem[]>([]);
  const firstRef = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (editing) firstRef.current?.focus();
  }, [editing]);
  const set = (k: keyof PlanDraft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));
  const problemOf = (f: PlanField) => problems.find((p) => p.field === f);
  const message = (p: PlanProblem): string => {
    switch (`${p.field}.${p.kind}` as const) {
      case 'action.required': return t('plan.problem.action.required');
      case 'action.duplicate': return t('plan.problem.action.duplicate');
      case 'action.too-long': return t('plan.problem.action.too-long', p as { max: number; length: number });
      case 'measure.too-long': return t('plan.problem.measure.too-long', p as { max: number; length: number });
      case 'due.required': return t('plan.problem.due.required');
      case 'due.invalid': return t('plan.problem.due.invalid');
      default: return t('plan.problem.due.past');
    }
  };
  const reference = (f: PlanField) => (problemOf(f) ? { 'aria-invalid': true, 'aria-describedby': `${uid}-${f}-error` } : {});
  const count = (text: string) => Array.from(text.trim()).length;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = planItemProblems(draft, others, today(), editing);
    setProblems(found);
    if (found[0]) {
      document.getElementById(`${uid}-${found[0].field}`)?.focus();
      return;
    }
    onSave(draft);
    if (clearOnSave) setDraft((d) => ({ ...blank(plan), area: d.area }));
  };

  const error = (f: PlanField) => {
    const p = problemOf(f);
    return p ? <span className="field-error" id={`${uid}-${f}-error`}>{message(p)}</span> : null;
  };

  return (
    <form className="plan-form" onSubmit={submit} noValidate aria-label={legend}>
      <label htmlFor={`${uid}-area`}>{t('plan.area')}</label>
      <select id={`${uid}-area`} ref={firstRef} value={draft.area} onChange={set('area')}>
        {plan.areas.map((a) => <option key={a.id} value={a.id} lang={COURSE_LANG}>{a.label}</option>)}
      </select>
      <label htmlFor={`${uid}-action`}>{t('plan.action')}</label>
      {/* the learner's own words: their language is not known */}
      <textarea id={`${uid}-action`} lang="" value={draft.action} rows={2} onChange={set('action')} {...reference('action')} />
      <span className={count(draft.action) > PLAN_ACTION_MAX ? 'field-count over' : 'field-count'}>{t('plan.count', { n: count(draft.action), max: PLAN_ACTION_MAX })}</span>
      {error('action')}
      <label htmlFor={`${uid}-measure`}>{t('plan.measure')}</label>
      <input id={`${uid}-measure`} lang="" value={draft.measure} onChange={set('measure')} {...reference('measure')} />
      {count(draft.measure) > PLAN_MEASURE_MAX * 0.8 && <span className={count(draft.measure) > PLAN_MEASURE_MAX ? 'field-count over' : 'field-count'}>{t('plan.count', { n: count(draft.measure), max: PLAN_MEASURE_MAX })}</span>}
      {error('measure')}
      <label htmlFor={`${uid}-due`}>{t('plan.due')}</label>
      <input id={`${uid}-due`} type="date" min={editing && editing.due < today() ? editing.due : today()} value={draft.due} onChange={set('due')} {...reference('due')} />
      {error('due')}
      <div className="row">
        <button type="submit" className="button">{submitLabel}</button>
        {onCancel && <button type="button" className="button secondary" onClick={onCancel}>{t('plan.cancel')}</button>}
      </div>
      <p role="alert" className="field-error">{problems.length > 0 && t('plan.fix', { count: problems.length })}</p>
    </form>
  );
}
