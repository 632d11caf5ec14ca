import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import type { Question } from '../domain/course.ts';
import { correctAnswer, type Answer, type QuestionScore } from '../domain/scoring.ts';
import { displayOrder } from './display-order.ts';
import { COURSE_LANG } from './course-lang.ts';

interface Props {
  question: Question;
  index: number;
  total: number;
  seed: number;
  submitted?: { answer: Answer; score: QuestionScore };
  /** show the key: the quiz is over */
  reveal: boolean;
  onSubmit(answer: Answer): void;
}

function emptyDraft(q: Question, order: string[]): Answer | undefined {
  if (q.type === 'order') return { type: 'order', order };
  if (q.type === 'match') return { type: 'match', pairs: {} };
  if (q.type === 'multiple') return { type: 'multiple', choices: [] };
  return undefined;
}

function complete(q: Question, a: Answer | undefined): boolean {
  if (!a) return false;
  if (a.type === 'multiple') return a.choices.length > 0;
  if (a.type === 'match') return q.pairs.every((p) => a.pairs[p.id]);
  return true;
}

export function QuestionView({ question: q, index, total, seed, submitted, reveal, onSubmit }: Props) {
  const { t } = useTranslation();
  const uid = useId();
  const order = displayOrder(q, seed);
  const [draft, setDraft] = useState<Answer | undefined>(() => emptyDraft(q, order.choices));
  const [hint, setHint] = useState<'' | 'quiz.chooseSome' | 'quiz.matchAll' | 'quiz.choose'>(''); // a key: follows a change of language
  // ordering: the moved item keeps the keyboard focus, on the button pressed or, once that one is disabled at
  // the top or bottom, on the item's other button (a disabled or re-inserted button would drop it to the page)
  const moveButtons = useRef(new Map<string, HTMLButtonElement>());
  const [moved, setMoved] = useState<{ cid: string; d: -1 | 1; n: number }>();
  useEffect(() => {
    if (!moved) return;
    const same = moveButtons.current.get(`${moved.cid}:${moved.d}`);
    const target = same && !same.disabled ? same : moveButtons.current.get(`${moved.cid}:${-moved.d}`);
    target?.focus();
  }, [moved]);
  const answer = submitted?.answer ?? draft;
  const locked = !!submitted;
  const choiceText = (id: string) => q.choices.find((c) => c.id === id)?.text ?? id;
  const key = correctAnswer(q);

  const submit = () => {
    if (locked) return;
    if (!complete(q, draft)) {
      setHint(q.type === 'multiple' ? 'quiz.chooseSome' : q.type === 'match' ? 'quiz.matchAll' : 'quiz.choose');
      return;
    }
    setHint('');
    onSubmit(draft!);
  };

  const verdict = submitted ? (submitted.score.correct ? 'correct' : submitted.score.score > 0 ? 'partial' : 'incorrect') : undefined;
  const picked = (id: string) =>
    answer?.type === 'single' ? answer.choice === id : answer?.type === 'multiple' ? answer.choices.includes(id) : false;

  return (
    <fieldset className={`question${verdict ? ' ' + verdict : ''}`} aria-describedby={`${uid}-fb`}>
      <QuestionLegend index={index} total={total} prompt={q.prompt} points={q.points} type={q.type} />

      {(q.type === 'single' || q.type === 'multiple') && (
        <div className="choices">
          {q.type === 'multiple' && q.partial && <p className="hint">{t('quiz.partialCredit')}</p>}
          {order.choices.map((cid) => {
            const c = q.choices.find((x) => x.id === cid)!;
            const isKey = reveal && c.correct;
            return (
              <label key={cid} className={`choice${isKey ? ' key' : ''}`}>
                <input
                  type={q.type === 'single' ? 'radio' : 'checkbox'}
                  name={`${uid}-choice`}
                  value={cid}
                  checked={picked(cid)}
                  disabled={locked}
                  onChange={(e) => {
                    if (q.type === 'single') setDraft({ type: 'single', choice: cid });
                    else {
                      const prev = draft?.type === 'multiple' ? draft.choices : [];
                      setDraft({ type: 'multiple', choices: e.target.checked ? [...prev, cid] : prev.filter((x) => x !== cid) });
                    }
                  }}
                />
                <span lang={COURSE_LANG}>{c.text}</span>
                {isKey && <span className="key-mark">{t('quiz.correctAnswerMark')}</span>}
              </label>
            );
          })}
        </div>
      )}

      {q.type === 'truefalse' && (
        <div className="choices inline">
          {[true, false].map((v) => (
            <label key={String(v)} className={`choice${reveal && q.answer === v ? ' key' : ''}`}>
              <input
                type="radio"
                name={`${uid}-tf`}
                checked={answer?.type === 'truefalse' && answer.value === v}
                disabled={locked}
                onChange={() => setDraft({ type: 'truefalse', value: v })}
              />
              <span>{v ? t('quiz.true') : t('quiz.false')}</span>
              {reveal && q.answer === v && <span className="key-mark">{t('quiz.correctAnswerMark')}</span>}
            </label>
          ))}
        </div>
      )}

      {q.type === 'order' && answer?.type === 'order' && (
        <>
          <p className="hint" id={`${uid}-oh`}>{t('quiz.orderHint')}</p>
          <ol className="order-list" aria-describedby={`${uid}-oh`}>
            {answer.order.map((cid, i) => (
              <li key={cid}>
                <span className="order-text" lang={COURSE_LANG}>{choiceText(cid)}</span>
                <span className="order-buttons">
                  <button
                    type="button"
                    className="icon-button"
                    ref={(el) => void (el ? moveButtons.current.set(`${cid}:-1`, el) : moveButtons.current.delete(`${cid}:-1`))}
                    disabled={locked || i === 0}
                    aria-label={t('quiz.moveUp', { item: choiceText(cid) })}
                    onClick={() => {
                      setDraft(move(answer.order, i, -1));
                      setMoved((m) => ({ cid, d: -1, n: (m?.n ?? 0) + 1 }));
                    }}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    ref={(el) => void (el ? moveButtons.current.set(`${cid}:1`, el) : moveButtons.current.delete(`${cid}:1`))}
                    disabled={locked || i === answer.order.length - 1}
                    aria-label={t('quiz.moveDown', { item: choiceText(cid) })}
                    onClick={() => {
                      setDraft(move(answer.order, i, 1));
                      setMoved((m) => ({ cid, d: 1, n: (m?.n ?? 0) + 1 }));
                    }}
                  >
                    ↓
                  </button>
                </span>
              </li>
            ))}
          </ol>
          {reveal && key.type === 'order' && (
            <div className="key-block">
              <p className="box-title">{t('quiz.correctAnswer')}</p>
              <ol lang={COURSE_LANG}>{key.order.map((cid) => <li key={cid}>{choiceText(cid)}</li>)}</ol>
            </div>
          )}
        </>
      )}

      {q.type === 'match' && answer?.type === 'match' && (
        <>
          <p className="hint">{t('quiz.matchHint')}</p>
          <div className="match-list">
            {q.pairs.map((p) => (
              <div key={p.id} className="match-row">
                <label htmlFor={`${uid}-${p.id}`} lang={COURSE_LANG}>{p.left}</label>
                <select
                  id={`${uid}-${p.id}`}
                  value={answer.pairs[p.id] ?? ''}
                  disabled={locked}
                  onChange={(e) => setDraft({ type: 'match', pairs: { ...answer.pairs, [p.id]: e.target.value } })}
                >
                  <option value="">{t('quiz.matchPlaceholder')}</option>
                  {order.rights.map((rid) => (
                    <option key={rid} value={rid} lang={COURSE_LANG}>{q.pairs.find((x) => x.id === rid)!.right}</option>
                  ))}
                </select>
                {reveal && <span className="key-mark">{t('app.labelled', { label: t('quiz.correctAnswer') })}<span lang={COURSE_LANG}>{p.right}</span></span>}
              </div>
            ))}
          </div>
        </>
      )}

      <div className="question-actions">
        <button type="button" className="button" aria-disabled={locked} onClick={submit}>
          {t('quiz.submit')}
        </button>
        <span className="hint" role="alert">{hint && t(hint)}</span>
      </div>

      <div id={`${uid}-fb`} className="feedback" aria-live="polite">
        {submitted && verdict && (
          <>
            <p className={`verdict ${verdict}`}>
              <strong>{t(`quiz.${verdict}`)}</strong> · {t('quiz.scoreOf', { score: submitted.score.score, max: submitted.score.max })}
            </p>
            {(submitted.answer.type === 'single' || submitted.answer.type === 'multiple') &&
              q.choices
                .filter((c) => c.feedback && picked(c.id))
                .map((c) => <p key={c.id} className="choice-feedback" lang={COURSE_LANG}>「{c.text}」：{c.feedback}</p>)}
            <p className="explain"><strong>{t('app.labelled', { label: t('quiz.explanation') })}</strong><span lang={COURSE_LANG}>{q.explain}</span></p>
          </>
        )}
      </div>
    </fieldset>
  );
}

function move(order: string[], i: number, d: -1 | 1): Answer {
  const next = [...order];
  const j = i + d;
  [next[i], next[j]] = [next[j]!, next[i]!];
  return { type: 'order', order: next };
}

/**
 * A question's legend: its number and kind (单选 / 多选 / 判断 …), its prompt (course text) and its points; shared
 * by quizzes and the exam.
 */
export function QuestionLegend({ index, total, prompt, points, type }: { index: number; total: number; prompt: string; points: number; type: Question['type'] }) {
  const { t } = useTranslation();
  return (
    <legend>
      <span className="question-count">{t('quiz.question', { n: index + 1, total })} · <span className="question-kind">{t(`quiz.kind.${type}`)}</span></span>
      <span className="question-prompt" lang={COURSE_LANG}>{prompt}</span>
      <span className="question-points">{t('quiz.points', { count: points })}</span>
    </legend>
  );
}
