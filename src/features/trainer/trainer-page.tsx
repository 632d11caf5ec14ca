import type { TFunction } from '../../i18n/index.ts';
import { useState, type FormEvent } from 'react';
import course from 'virtual:course';
import type { CourseItems } from '../../domain/course.ts';
import { findCertificate, type FileProblemReason, type ReportLearner } from '../../domain/training-report.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { PageHeading } from '../../ui/page-heading.tsx';
import { setReviewMode, useReviewMode } from '../../ui/review-mode.ts';
import { FileDrop } from './file-drop.tsx';
import { LearnersTable } from './learners-table.tsx';
import { reportCsv } from './report-csv.ts';
import { ReportView } from './report-view.tsx';
import { useImport } from './use-import.ts';
import './trainer.css';

let items: Promise<CourseItems> | undefined;
/** the answer key: the report rebuilds each learner's record with it; loaded with the first import */
const loadItems = () => (items ??= import('virtual:course-items').then((m) => m.default));

export function problemText(t: TFunction, r: FileProblemReason): string {
  switch (r.kind) {
    case 'other-course':
    case 'csv-other-course':
      return r.kind === 'csv-other-course' ? t('trainer.problem.csv-other-course', { row: r.row, courseId: r.courseId || '—' }) : t('trainer.problem.other-course', { courseId: r.courseId });
    case 'newer-version':
      return t('trainer.problem.newer-version', { version: r.version });
    case 'csv-missing-columns':
      return t('trainer.problem.csv-missing-columns', { columns: r.columns.join(', ') });
    case 'csv-bad-value':
      return t('trainer.problem.csv-bad-value', { row: r.row, column: r.column });
    default:
      return t(`trainer.problem.${r.kind}`);
  }
}

function download(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Checks a verification code printed on a certificate against the imported records. */
function CodeCheck({ learners }: { learners: readonly ReportLearner[] }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [found, setFound] = useState<ReportLearner[] | undefined>(undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFound(findCertificate(learners, code));
  };
  return (
    <form className="code-check" onSubmit={submit}>
      <label htmlFor="trainer-code">{t('trainer.code.label')}</label>
      <input id="trainer-code" value={code} autoComplete="off" spellCheck={false} placeholder="XXXX-XXXX" onChange={(e) => setCode(e.currentTarget.value)} />
      <button type="submit" className="button">{t('trainer.code.check')}</button>
      <p role="status">
        {found === undefined
          ? ''
          : found.length
            ? found.map((l) => t('trainer.code.matches', { name: l.name, number: l.certificate!.number, validUntil: l.certificate!.validUntil })).join(' ')
            : t('trainer.code.none')}
      </p>
    </form>
  );
}

/**
 * The trainer page: review mode for checking chapters, and the training report over many learners' exported
 * records. Everything runs on this device; no file and no figure leaves it.
 */
export function TrainerPage() {
  const { t } = useTranslation();
  const review = useReviewMode();
  const { state, start } = useImport(course, loadItems);
  const outcome = state.kind === 'done' ? state.outcome : undefined;

  return (
    <main id="main" tabIndex={-1} className="page trainer">
      <PageHeading title={t('trainer.title')} />
      <p>{t('trainer.intro')}</p>

      <section className="trainer-card no-print" aria-labelledby="review-heading">
        <h2 id="review-heading">{t('trainer.review.title')}</h2>
        <label className="inline-check">
          <input type="checkbox" checked={review} onChange={(e) => setReviewMode(e.currentTarget.checked)} aria-describedby="review-hint" /> {t('trainer.review.toggle')}
        </label>
        <p id="review-hint" className="hint">{t('trainer.review.hint')}</p>
      </section>

      <section className="trainer-card no-print" aria-labelledby="import-heading">
        <h2 id="import-heading">{t('trainer.import.title')}</h2>
        <FileDrop disabled={state.kind === 'running'} onFiles={(files) => void start(files)} />
        {state.kind === 'running' && (
          <p className="import-progress">
            <progress max={Math.max(1, state.total)} value={state.done} aria-label={t('trainer.import.progressLabel')} />
            <span>{t('trainer.import.progress', { done: state.done, total: state.total })}</span>
          </p>
        )}
        <div role="status" aria-live="polite">
          {outcome && (
            <p>{t('trainer.import.summary', { learners: outcome.learners.length, files: outcome.files })}{outcome.problems.length > 0 && ` ${t('trainer.import.problems', { count: new Set(outcome.problems.map((p) => p.file)).size })}`}{outcome.duplicates.length > 0 && ` ${t('trainer.import.duplicates', { count: outcome.duplicates.length })}`}</p>
          )}
          {state.kind === 'failed' && <p className="field-error">{t('trainer.import.failed', { message: state.message })}</p>}
        </div>
        {outcome && outcome.problems.length > 0 && (
          <details open className="import-problems">
            <summary>{t('trainer.import.problemsTitle', { count: outcome.problems.length })}</summary>
            <ul>
              {outcome.problems.map((p, i) => <li key={i}><strong>{p.file}</strong>: {problemText(t, p.reason)}</li>)}
            </ul>
          </details>
        )}
        {outcome && outcome.duplicates.length > 0 && (
          <details className="import-problems">
            <summary>{t('trainer.import.duplicatesTitle', { count: outcome.duplicates.length })}</summary>
            <ul>
              {outcome.duplicates.map((d, i) => <li key={i}>{t('trainer.import.duplicate', { name: d.name, kept: d.kept, dropped: d.dropped })}</li>)}
            </ul>
          </details>
        )}
      </section>

      {outcome && outcome.learners.length > 0 && (
        <>
          <p className="no-print trainer-actions">
            <button type="button" className="button" onClick={() => download(reportCsv(outcome.report, outcome.learners), 'training-report.csv')}>{t('trainer.export')}</button>
            <button type="button" className="button" onClick={() => window.print()}>{t('trainer.print')}</button>
          </p>
          <ReportView report={outcome.report} />
          <section className="trainer-card no-print" aria-labelledby="code-heading">
            <h2 id="code-heading">{t('trainer.code.title')}</h2>
            <CodeCheck learners={outcome.learners} />
          </section>
          <LearnersTable learners={outcome.learners} />
        </>
      )}
    </main>
  );
}
