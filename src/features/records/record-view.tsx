import type { ReactNode } from 'react';
import course from 'virtual:course';
import type { CompletionRecord, InteractionRecord } from '../../domain/completion-record.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatDuration, partLabel } from '../../ui/labels.ts';
import { COURSE_LANG } from '../../ui/course-lang.ts';

/** Chapter quiz attempts the record holds answers of, per chapter. */
function quizAttempts(interactions: readonly InteractionRecord[], chapterId: string): number {
  const seen = new Set<string>();
  for (const i of interactions) if (i.source.kind === 'quiz' && i.source.chapterId === chapterId) seen.add(`${i.source.quizId}/${i.source.attempt}`);
  return seen.size;
}

/**
 * The learner's record as a page: status, chapters, case studies, assessment, action plan and time, all read from
 * the CompletionRecord that the export formats are made from, so the page and the files never disagree.
 */
export function RecordView({ record, beforeChapters, afterChapters }: { record: CompletionRecord; beforeChapters?: ReactNode; afterChapters?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const when = (ms: number | undefined) => (ms === undefined ? t('records.none') : new Date(ms).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'zh-CN'));
  const done = record.chapters.filter((c) => c.status === 'completed').length;
  const scenarios = record.chapters.flatMap((c) => c.scenarios);
  const plans = course.chapters.flatMap((c) => c.plans).filter((p) => record.actionPlan.some((i) => i.planId === p.id));

  return (
    <>
      <dl className="record-head">
        <div><dt>{t('records.learner')}</dt><dd>{record.learner.name ? <span lang="">{record.learner.name}</span> : t('learner.unnamed')}</dd></div>
        {record.learner.employeeId && <div><dt>{t('records.employeeId')}</dt><dd lang="">{record.learner.employeeId}</dd></div>}
        {record.learner.department && <div><dt>{t('records.department')}</dt><dd lang="">{record.learner.department}</dd></div>}
        <div><dt>{t('records.summary')}</dt><dd>{t('home.progressValue', { done, total: record.chapters.length })} · {t('home.timeSpent', { time: formatDuration(t, record.time.totalActiveMs) })}</dd></div>
        <div><dt>{t('records.detail.status')}</dt><dd>{t(`records.detail.completion.${record.completionStatus}`)} · {t(`records.detail.success.${record.successStatus}`)}</dd></div>
        <div><dt>{t('records.detail.courseScore')}</dt><dd>{record.score ? t('records.detail.courseScoreValue', { percent: Math.round(record.score.percent), attempt: record.score.attempt }) : t('records.none')}</dd></div>
      </dl>
      {beforeChapters}

      <section aria-labelledby="rec-chapters">
        <h2 id="rec-chapters">{t('records.chapters')}</h2>
        <table className="records-table stack">
          <thead>
            <tr>
              <th scope="col">{t('records.colChapter')}</th>
              <th scope="col">{t('records.colStatus')}</th>
              <th scope="col">{t('records.colSections')}</th>
              <th scope="col">{t('records.colQuiz')}</th>
              <th scope="col">{t('records.colAttempts')}</th>
              <th scope="col">{t('records.colTime')}</th>
            </tr>
          </thead>
          <tbody>
            {record.chapters.map((c) => {
              const hasQuiz = course.chapters.find((m) => m.id === c.id)?.quizzes.length;
              return (
                <tr key={c.id}>
                  <th scope="row"><span className="hint">{partLabel(t, c.part)}</span> <span lang={COURSE_LANG}>{c.title}</span></th>
                  <td data-label={t('records.colStatus')} className="keep">{t(`status.${c.status}`)}</td>
                  <td data-label={t('records.colSections')} className="keep">{c.sectionsSeen}/{c.sections}</td>
                  <td data-label={t('records.colQuiz')} className="keep">{c.score ? `${Math.round(c.score.percent)}%${c.score.passed ? ' ✓' : ''}` : t('records.none')}</td>
                  <td data-label={t('records.colAttempts')} className="keep">{hasQuiz ? quizAttempts(record.interactions, c.id) : t('records.none')}</td>
                  <td data-label={t('records.colTime')} className="keep">{formatDuration(t, c.timeMs)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {afterChapters}
      </section>

      <section aria-labelledby="rec-scenarios">
        <h2 id="rec-scenarios">{t('records.scenarios')}</h2>
        <table className="records-table stack">
          <thead>
            <tr><th scope="col">{t('records.colScenario')}</th><th scope="col">{t('records.colBest')}</th><th scope="col">{t('records.colScore')}</th><th scope="col">{t('records.detail.colRuns')}</th></tr>
          </thead>
          <tbody>
            {scenarios.map((s) => (
              <tr key={s.id}>
                <th scope="row" lang={COURSE_LANG}>{s.title}</th>
                <td data-label={t('records.colBest')}>{s.outcome ? <>{t(`scenario.rating.${s.outcome.rating}`)} · <span lang={COURSE_LANG}>{s.outcome.title}</span></> : t('records.notTried')}</td>
                <td data-label={t('records.colScore')} className="keep">{s.runs > 0 ? `${s.score}/${s.maxScore}` : t('records.none')}</td>
                <td data-label={t('records.detail.colRuns')} className="keep">{s.runs}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="rec-assessment">
        <h2 id="rec-assessment">{t('records.assessment')}</h2>
        {record.attempts.length === 0 ? (
          <p>{t('records.assessmentNone')}</p>
        ) : (
          <table className="records-table stack">
            <caption>{t('records.detail.attempts')}</caption>
            <thead>
              <tr><th scope="col">{t('records.detail.colAttempt')}</th><th scope="col">{t('records.detail.colMode')}</th><th scope="col">{t('records.detail.colSubmitted')}</th><th scope="col">{t('records.colScore')}</th><th scope="col">{t('records.detail.colResult')}</th></tr>
            </thead>
            <tbody>
              {record.attempts.map((a) => (
                <tr key={a.n}>
                  <th scope="row">{a.n}</th>
                  <td data-label={t('records.detail.colMode')} className="keep">{t(`records.detail.mode.${a.mode}`)}</td>
                  <td data-label={t('records.detail.colSubmitted')} className="keep">{a.submittedAt === undefined ? t('records.detail.notSubmitted') : when(a.submittedAt)}</td>
                  <td data-label={t('records.colScore')} className="keep">{a.score ? `${Math.round(a.score.percent)}%` : t('records.none')}</td>
                  <td data-label={t('records.detail.colResult')} className="keep">{a.passed === undefined ? t('records.none') : a.passed ? t('records.passedWord') : t('records.notPassedWord')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="rec-plan">
        <h2 id="rec-plan">{t('records.plan')}</h2>
        {plans.length === 0 ? (
          <p>{t('records.planEmpty')}</p>
        ) : (
          plans.map((p) => (
            <table key={p.id} className="records-table stack">
              <caption lang={COURSE_LANG}>{p.title}</caption>
              <thead><tr><th scope="col">{t('plan.area')}</th><th scope="col">{t('plan.action')}</th><th scope="col">{t('plan.measure')}</th><th scope="col">{t('plan.due')}</th><th scope="col">{t('plan.done')}</th></tr></thead>
              <tbody>
                {record.actionPlan.filter((i) => i.planId === p.id).map((i) => (
                  <tr key={i.itemId}>
                    <td data-label={t('plan.area')} lang={COURSE_LANG}>{i.areaLabel}</td>
                    <td data-label={t('plan.action')}>{i.action}</td>
                    <td data-label={t('plan.measure')}>{i.measure || t('records.none')}</td>
                    <td data-label={t('plan.due')} className="keep">{i.due}</td>
                    <td data-label={t('plan.done')} className="keep">{i.done ? '✓' : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))
        )}
      </section>

      <section aria-labelledby="rec-time">
        <h2 id="rec-time">{t('records.detail.time')}</h2>
        <dl className="record-head">
          <div><dt>{t('records.detail.firstLaunch')}</dt><dd>{when(record.time.firstLaunch)}</dd></div>
          <div><dt>{t('records.detail.lastAccess')}</dt><dd>{when(record.time.lastAccess)}</dd></div>
          <div><dt>{t('records.detail.totalTime')}</dt><dd>{formatDuration(t, record.time.totalActiveMs)}</dd></div>
        </dl>
      </section>
    </>
  );
}
