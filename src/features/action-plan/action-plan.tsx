import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import { removePlanItem, savePlanItem } from '../../domain/progress-updates.ts';
import { currentProgress, useStore } from '../../state/store.ts';
import { useChapter } from '../../ui/chapter-context.ts';

/** The learner's personal action plan: items with an area, a measure and a target date, saved with progress. */
export function ActionPlan({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const uid = useId();
  const { interactive } = useChapter();
  const plan = interactive.plans.find((p) => p.id === id);
  const all = useStore((s) => currentProgress(s).plans[id] ?? NO_ITEMS);
  const items = all.filter((i) => !i.deleted);
  const updateProgress = useStore((s) => s.updateProgress);
  const [area, setArea] = useState(plan?.areas[0]?.id ?? '');
  const [action, setAction] = useState('');
  const [measure, setMeasure] = useState('');
  const [due, setDue] = useState('');
  // messages kept as keys, translated when shown: they follow a change of interface language
  const [error, setError] = useState<'' | 'plan.required'>('');
  const [status, setStatus] = useState<'' | 'plan.saved'>('');
  if (!plan) return null;
  const label = (a: string) => plan.areas.find((x) => x.id === a)?.label ?? a;

  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!action.trim() || !due) {
      setError('plan.required');
      return;
    }
    setError('');
    // ids must stay unique in the plan: saving an item with an existing id replaces that item
    const base = `i${Date.now().toString(36)}`;
    let itemId = base;
    for (let n = 2; all.some((i) => i.id === itemId); n++) itemId = `${base}-${n}`;
    const item = { id: itemId, area, action: action.trim(), measure: measure.trim(), due };
    updateProgress((p) => savePlanItem(p, id, item));
    setAction('');
    setMeasure('');
    setDue('');
    setStatus('plan.saved');
  };

  return (
    // interface text in the interface's language; the course text in it is marked zh-CN, the learner's own words
    // lang="" (their language is not known)
    <section className="action-plan" aria-labelledby={`ap-${id}`} lang={i18n.language}>
      <p className="eyebrow">{t('plan.label')}</p>
      <h3 id={`ap-${id}`} lang="zh-CN">{plan.title}</h3>
      {items.length === 0 ? (
        <p className="hint">{t('plan.empty')}</p>
      ) : (
        <ul className="plan-items">
          {items.map((i) => (
            <li key={i.id} className={i.done ? 'done' : undefined}>
              <span className="badge" lang="zh-CN">{label(i.area)}</span>
              <span className="plan-action" id={`${uid}-${i.id}`} lang="">{i.action}</span>
              {i.measure && <span className="plan-measure">{t('plan.measure')}：<span lang="">{i.measure}</span></span>}
              <span className="plan-due">{t('plan.due')}：<time dateTime={i.due}>{i.due}</time></span>
              <label className="plan-done">
                <input type="checkbox" checked={!!i.done} aria-describedby={`${uid}-${i.id}`} onChange={(e) => updateProgress((p) => savePlanItem(p, id, { ...i, done: e.target.checked }))} />
                {t('plan.done')}
              </label>
              <button type="button" className="icon-button" aria-label={t('plan.remove', { action: i.action })} onClick={() => updateProgress((p) => removePlanItem(p, id, i.id))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="plan-form" onSubmit={add} noValidate>
        <label htmlFor={`${uid}-area`}>{t('plan.area')}</label>
        <select id={`${uid}-area`} value={area} onChange={(e) => setArea(e.target.value)}>
          {plan.areas.map((a) => <option key={a.id} value={a.id} lang="zh-CN">{a.label}</option>)}
        </select>
        <label htmlFor={`${uid}-action`}>{t('plan.action')}</label>
        <textarea id={`${uid}-action`} value={action} rows={2} onChange={(e) => setAction(e.target.value)} />
        <label htmlFor={`${uid}-measure`}>{t('plan.measure')}</label>
        <input id={`${uid}-measure`} value={measure} onChange={(e) => setMeasure(e.target.value)} />
        <label htmlFor={`${uid}-due`}>{t('plan.due')}</label>
        <input id={`${uid}-due`} type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        <div className="row">
          <button type="submit" className="button">{t('plan.add')}</button>
          <span role="alert" className="hint">{error && t(error)}</span>
          <span role="status" className="hint">{status && t(status)}</span>
        </div>
      </form>
    </section>
  );
}

const NO_ITEMS: never[] = [];
