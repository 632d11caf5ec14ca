import { useId } from 'react';
import type { Question } from '../../domain/course.ts';
import type { Answer } from '../../domain/scoring.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { displayOrder } from '../../ui/display-order.ts';
import { QuestionLegend } from '../../ui/question-view.tsx';
import { COURSE_LANG } from '../../ui/course-lang.ts';

/**
 * One exam question: every change is the learner's answer at once (written at once, changeable until 交卷);
 * nothing is marked here. Choices appear in the attempt's seeded order, as on a reload.
 */
export function ExamQuestion({ question: q, index, total, seed, answer, onAnswer }: { question: Question; index: number; total: number; seed: number; answer: Answer | undefined; onAnswer(a: Answer | undefined): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const order = displayOrder(q, seed);
  const text = (id: string) => q.choices.find((c) => c.id === id)?.text ?? id;
  const current = answer?.type === q.type ? answer : undefined;
  const orderNow = current?.type === 'order' ? current.order : order.choices;
  const move = (i: number, d: -1 | 1) => {
    const next = [...orderNow];
    [next[i], next[i + d]] = [next[i + d]!, next[i]!];
    onAnswer({ type: 'order', order: next });
  };
  return (
    <fieldset className="question exam-question">
      <QuestionLegend index={index} total={total} prompt={q.prompt} points={q.points} type={q.type} />
      {(q.type === 'single' || q.type === 'multiple') && (
        <div className="choices">
          {order.choices.map((cid) => {
            const checked = current?.type === 'single' ? current.choice === cid : current?.type === 'multiple' ? current.choices.includes(cid) : false;
            return (
              <label key={cid} className="choice">
                <input
                  type={q.type === 'single' ? 'radio' : 'checkbox'}
                  name={`${uid}-choice`}
                  checked={checked}
                  onChange={(e) => {
                    if (q.type === 'single') return onAnswer({ type: 'single', choice: cid });
                    const prev = current?.type === 'multiple' ? current.choices : [];
                    const choices = e.target.checked ? [...prev, cid] : prev.filter((x) => x !== cid);
                    onAnswer(choices.length ? { type: 'multiple', choices } : undefined);
                  }}
                />
                <span lang={COURSE_LANG}>{text(cid)}</span>
              </label>
            );
          })}
        </div>
      )}
      {q.type === 'truefalse' && (
        <div className="choices inline">
          {[true, false].map((v) => (
            <label key={String(v)} className="choice">
              <input type="radio" name={`${uid}-tf`} checked={current?.type === 'truefalse' && current.value === v} onChange={() => onAnswer({ type: 'truefalse', value: v })} />
              <span>{v ? t('quiz.true') : t('quiz.false')}</span>
            </label>
          ))}
        </div>
      )}
      {q.type === 'order' && (
        <>
          <p className="hint" id={`${uid}-oh`}>{t('exam.orderHint')}</p>
          <ol className="order-list" aria-describedby={`${uid}-oh`}>
            {orderNow.map((cid, i) => (
              <li key={cid}>
                <span className="order-text" lang={COURSE_LANG}>{text(cid)}</span>
                <span className="order-buttons">
                  <button type="button" className="icon-button" disabled={i === 0} aria-label={t('quiz.moveUp', { item: text(cid) })} onClick={() => move(i, -1)}>↑</button>
                  <button type="button" className="icon-button" disabled={i === orderNow.length - 1} aria-label={t('quiz.moveDown', { item: text(cid) })} onClick={() => move(i, 1)}>↓</button>
                </span>
              </li>
            ))}
          </ol>
          {!current && (
            <button type="button" className="button" onClick={() => onAnswer({ type: 'order', order: orderNow })}>{t('exam.keepOrder')}</button>
          )}
        </>
      )}
      {q.type === 'match' && (
        <div className="match-list">
          {q.pairs.map((p) => {
            const pairs = current?.type === 'match' ? current.pairs : {};
            return (
              <div key={p.id} className="match-row">
                <label htmlFor={`${uid}-${p.id}`} lang={COURSE_LANG}>{p.left}</label>
                <select
                  id={`${uid}-${p.id}`}
                  value={pairs[p.id] ?? ''}
                  onChange={(e) => {
                    const next = { ...pairs, [p.id]: e.target.value };
                    if (!e.target.value) delete next[p.id];
                    onAnswer(Object.keys(next).length ? { type: 'match', pairs: next } : undefined);
                  }}
                >
                  <option value="">{t('quiz.matchPlaceholder')}</option>
                  {order.rights.map((rid) => (
                    <option key={rid} value={rid} lang={COURSE_LANG}>{q.pairs.find((x) => x.id === rid)!.right}</option>
                  ))}
                </select>
              </div>
            );
          })}
        </div>
      )}
    </fieldset>
  );
}
