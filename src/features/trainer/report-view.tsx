import type { TFunction } from '../../i18n/index.ts';
import { useState } from 'react';
import type { QuestionStats, TrainingReport } from '../../domain/training-report.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { partLabel } from '../../ui/labels.ts';
import { COURSE_LANG } from '../../ui/course-lang.ts';

/** the hardest questions first, a page at a time: a course has hundreds, and the report appears at once */
const QUESTIONS_PAGE = 30;

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;
const num = (n: number | undefined, places = 2) => (n === undefined ? '—' : n.toFixed(places));

/** A bar for the eye; the figure beside it is the text a screen reader reads (the bar itself is hidden from it). */
function Bar({ share, label, tone }: { share: number; label: string; tone?: 'bad' | 'ok' }) {
  return (
    <span className="bar-cell">
      <span className="bar" aria-hidden="true"><span className={`bar-fill${tone ? ` ${tone}` : ''}`} style={{ width: `${Math.max(0, Math.min(1, share)) * 100}%` }} /></span>
      <span className="bar-figure">{label}</span>
    </span>
  );
}

const flagText = (t: TFunction, q: QuestionStats) => q.flags.map((f) => t(`trainer.flag.${f}`)).join('，');

/** Where training is needed: the rates, the parts, the scenarios and the questions. */
export function ReportView({ report: r }: { report: TrainingReport }) {
  const { t } = useTranslation();
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const [shown, setShown] = useState(QUESTIONS_PAGE);
  const questions = [...r.questions].sort((a, b) => a.facility - b.facility || b.responses - a.responses).filter((q) => !onlyFlagged || q.flags.length > 0);
  return (
    <section className="trainer-report" aria-labelledby="report-heading">
      <h2 id="report-heading">{t('trainer.report.title')}</h2>
      <dl className="record-head">
        <div><dt>{t('trainer.report.learners')}</dt><dd>{r.learners}</dd></div>
        <div><dt>{t('trainer.report.completionRate')}</dt><dd>{pct(r.completionRate)} ({r.completed})</dd></div>
        <div><dt>{t('trainer.report.passRate')}</dt><dd>{pct(r.passRate)} ({r.passed})</dd></div>
        <div><dt>{t('trainer.report.passRateOfTaken')}</dt><dd>{pct(r.passRateOfTaken)}</dd></div>
        <div><dt>{t('trainer.report.averageScore')}</dt><dd>{r.averageScore === undefined ? '—' : `${num(r.averageScore, 1)}%`}</dd></div>
      </dl>

      <h3>{t('trainer.report.findings')}</h3>
      <ul className="findings">
        {r.weakestPart && <li data-testid="weakest-part">{t('trainer.report.weakestPart', { part: partLabel(t, r.weakestPart.part), percent: num(r.weakestPart.averagePercent, 1) })}</li>}
        {r.hardestQuestion && (
          <li data-testid="hardest-question">
            {t('trainer.report.hardestQuestion', { id: r.hardestQuestion.id, facility: pct(r.hardestQuestion.facility) })} <span lang={COURSE_LANG}>{r.hardestQuestion.prompt}</span>
          </li>
        )}
        <li>{t('trainer.report.flagged', { count: r.questions.filter((q) => q.flags.length).length })}</li>
      </ul>

      {r.parts.length > 0 && (
        <table className="report-table">
          <caption>{t('trainer.report.parts')}</caption>
          <thead><tr><th scope="col">{t('trainer.report.part')}</th><th scope="col">{t('trainer.report.averagePercent')}</th><th scope="col">{t('trainer.report.learners')}</th></tr></thead>
          <tbody>
            {r.parts.map((p) => (
              <tr key={p.part} className={p.part === r.weakestPart?.part ? 'weak' : undefined}>
                <th scope="row">{partLabel(t, p.part)}</th>
                <td><Bar share={p.averagePercent / 100} label={`${num(p.averagePercent, 1)}%`} {...(p.part === r.weakestPart?.part ? { tone: 'bad' as const } : {})} /></td>
                <td>{p.learners}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {r.scenarios.map((s) => (
        <table key={s.id} className="report-table">
          <caption><span lang={COURSE_LANG}>{s.title}</span> · {t('trainer.report.scenarioSummary', { n: s.learners, percent: num(s.averagePercent, 1) })}</caption>
          <thead><tr><th scope="col">{t('trainer.report.outcome')}</th><th scope="col">{t('trainer.report.share')}</th></tr></thead>
          <tbody>
            {s.outcomes.map((o) => (
              <tr key={o.id}>
                <th scope="row"><span lang={COURSE_LANG}>{o.title}</span> ({t(`scenario.rating.${o.rating}`)})</th>
                <td><Bar share={o.count / s.learners} label={`${o.count} · ${pct(o.count / s.learners)}`} {...(o.rating === 'poor' ? { tone: 'bad' as const } : o.rating === 'good' ? { tone: 'ok' as const } : {})} /></td>
              </tr>
            ))}
            {s.unfinished > 0 && (
              <tr><th scope="row">{t('trainer.report.unfinished')}</th><td><Bar share={s.unfinished / s.learners} label={`${s.unfinished} · ${pct(s.unfinished / s.learners)}`} /></td></tr>
            )}
          </tbody>
        </table>
      ))}

      {r.questions.length > 0 && (
        <>
          <h3 id="questions-heading">{t('trainer.report.questions')}</h3>
          <p className="hint">{t('trainer.report.questionsHint')}</p>
          <label className="inline-check">
            <input type="checkbox" checked={onlyFlagged} onChange={(e) => setOnlyFlagged(e.currentTarget.checked)} /> {t('trainer.report.onlyFlagged')}
          </label>
          <table className="report-table questions-table stack" aria-labelledby="questions-heading">
            <thead>
              <tr>
                <th scope="col">{t('trainer.report.question')}</th>
                <th scope="col">{t('trainer.report.part')}</th>
                <th scope="col">{t('trainer.report.responses')}</th>
                <th scope="col">{t('trainer.report.facility')}</th>
                <th scope="col">{t('trainer.report.pointBiserial')}</th>
                <th scope="col">{t('trainer.report.upperLower')}</th>
                <th scope="col">{t('trainer.report.wrong')}</th>
                <th scope="col">{t('trainer.report.flags')}</th>
              </tr>
            </thead>
            <tbody>
              {questions.slice(0, shown).map((q) => (
                <tr key={`${q.kind}:${q.id}`} className={q.flags.length ? 'flagged' : undefined}>
                  <th scope="row" data-label={t('trainer.report.question')}><code>{q.id}</code> <span lang={COURSE_LANG}>{q.prompt}</span></th>
                  <td data-label={t('trainer.report.part')}>{partLabel(t, q.part)}</td>
                  <td data-label={t('trainer.report.responses')}>{q.responses}</td>
                  <td data-label={t('trainer.report.facility')}><Bar share={q.facility} label={num(q.facility)} {...(q.flags.includes('too-hard') ? { tone: 'bad' as const } : {})} /></td>
                  <td data-label={t('trainer.report.pointBiserial')}>{num(q.pointBiserial)}</td>
                  <td data-label={t('trainer.report.upperLower')}>{num(q.upperLower)}</td>
                  <td data-label={t('trainer.report.wrong')}>
                    {q.mostChosenWrong ? (
                      <>
                        <span lang={COURSE_LANG}>{q.mostChosenWrong.text ?? (q.mostChosenWrong.key === 'true' ? t('trainer.review.true') : t('trainer.review.false'))}</span> ({q.mostChosenWrong.count})
                      </>
                    ) : '—'}
                  </td>
                  <td data-label={t('trainer.report.flags')}>{flagText(t, q) || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {questions.length > shown && (
            <button type="button" className="button" onClick={() => setShown((n) => n + QUESTIONS_PAGE)}>{t('trainer.report.more', { n: Math.min(QUESTIONS_PAGE, questions.length - shown) })}</button>
          )}
        </>
      )}
    </section>
  );
}
