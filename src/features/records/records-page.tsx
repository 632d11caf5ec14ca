import { useTranslation } from '../../i18n/use-translation.ts';
import course from 'virtual:course';
import { chapterStatus, courseSummary, quizBest, quizPassed, sectionsSeenIn } from '../../domain/progress.ts';
import { currentProgress, useStore } from '../../state/store.ts';
import { formatDuration, partLabel } from '../../ui/labels.ts';
import { PageHeading } from '../../ui/page-heading.tsx';
import { CertificateView } from './certificate-view.tsx';
import { LrsQueue } from './lrs-queue.tsx';

/** The learner's training record, printable, with the certificate and the personal action plan. */
export function RecordsPage() {
  const { t } = useTranslation();
  const progress = useStore(currentProgress);
  const learner = useStore((s) => (s.currentLearnerId ? s.learners[s.currentLearnerId] : undefined));
  const summary = courseSummary(progress, course);
  const bankId = course.assessmentBank?.id;
  const best = bankId ? quizBest(progress, bankId) : undefined;
  const plans = course.chapters.flatMap((c) => c.plans);
  const scenarios = course.chapters.flatMap((c) => c.scenarios);
  const outcomeRating = (id: string) => progress.scenarios[id]?.best;
  const name = learner?.name || t('learner.unnamed');

  return (
    <main id="main" tabIndex={-1} className="page records">
      <PageHeading title={t('records.title')} />
      <p className="no-print">
        <button type="button" className="button" onClick={() => window.print()}>{t('records.print')}</button>
      </p>
      <dl className="record-head">
        <div><dt>{t('records.learner')}</dt><dd>{name}</dd></div>
        {learner?.employeeId && <div><dt>{t('records.employeeId')}</dt><dd>{learner.employeeId}</dd></div>}
        {learner?.department && <div><dt>{t('records.department')}</dt><dd>{learner.department}</dd></div>}
        <div><dt>{t('records.summary')}</dt><dd>{t('home.progressValue', { done: summary.chaptersCompleted, total: summary.chapters })} · {t('home.timeSpent', { time: formatDuration(t, summary.timeMs) })}</dd></div>
      </dl>

      <CertificateView progress={progress} learner={learner} />

      <section aria-labelledby="rec-chapters">
        <h2 id="rec-chapters">{t('records.chapters')}</h2>
        <table className="records-table">
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
            {course.chapters.map((c) => {
              const q = c.quizzes[0];
              const b = q ? quizBest(progress, q.id) : undefined;
              return (
                <tr key={c.id}>
                  <th scope="row"><span className="hint">{partLabel(t, c.part)}</span> <span lang="zh-CN">{c.title}</span></th>
                  <td>{t(`status.${chapterStatus(progress, c)}`)}</td>
                  <td>{sectionsSeenIn(progress, c)}/{c.sections.length}</td>
                  <td>{b === undefined ? t('records.none') : `${Math.round(b)}%${q && quizPassed(progress, q.id) ? ' ✓' : ''}`}</td>
                  <td>{q ? (progress.quizzes[q.id]?.attempts.length ?? 0) : t('records.none')}</td>
                  <td>{formatDuration(t, progress.time[c.id] ?? 0)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {course.chapters.flatMap((c) => c.matrices).map((mx) => (
          <p key={mx.id}>{t('records.matrices', { placed: Object.keys(progress.matrices[mx.id] ?? {}).length, total: mx.riskIds.length })}</p>
        ))}
      </section>

      <section aria-labelledby="rec-scenarios">
        <h2 id="rec-scenarios">{t('records.scenarios')}</h2>
        <table className="records-table">
          <thead>
            <tr><th scope="col">{t('records.colScenario')}</th><th scope="col">{t('records.colBest')}</th><th scope="col">{t('records.colScore')}</th></tr>
          </thead>
          <tbody>
            {scenarios.map((s) => {
              const bestRun = outcomeRating(s.id);
              return (
                <tr key={s.id}>
                  <th scope="row" lang="zh-CN">{s.title}</th>
                  <td>
                    {(() => {
                      const o = s.outcomes.find((x) => x.id === bestRun?.outcome);
                      return o ? <>{t(`scenario.rating.${o.rating}`)} · <span lang="zh-CN">{o.title}</span></> : t('records.notTried');
                    })()}
                  </td>
                  <td>{bestRun ? `${bestRun.score}/${s.maxScore}` : t('records.none')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="rec-assessment">
        <h2 id="rec-assessment">{t('records.assessment')}</h2>
        <p>{best === undefined ? t('records.assessmentNone') : t('records.assessmentBest', { percent: Math.round(best), passed: bankId && quizPassed(progress, bankId) ? t('records.passedWord') : t('records.notPassedWord') })}</p>
      </section>

      <section aria-labelledby="rec-plan">
        <h2 id="rec-plan">{t('records.plan')}</h2>
        {plans.every((p) => !(progress.plans[p.id] ?? []).some((i) => !i.deleted)) ? (
          <p>{t('records.planEmpty')}</p>
        ) : (
          plans.map((p) => (
            <table key={p.id} className="records-table">
              <caption lang="zh-CN">{p.title}</caption>
              <thead><tr><th scope="col">{t('plan.area')}</th><th scope="col">{t('plan.action')}</th><th scope="col">{t('plan.measure')}</th><th scope="col">{t('plan.due')}</th><th scope="col">{t('plan.done')}</th></tr></thead>
              <tbody>
                {(progress.plans[p.id] ?? []).filter((i) => !i.deleted).map((i) => (
                  <tr key={i.id}>
                    <td>{p.areas.find((a) => a.id === i.area)?.label ?? i.area}</td>
                    <td>{i.action}</td>
                    <td>{i.measure || t('records.none')}</td>
                    <td>{i.due}</td>
                    <td>{i.done ? '✓' : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))
        )}
      </section>
      <LrsQueue />
    </main>
  );
}
