import { useMemo, useState } from 'react';
import course from 'virtual:course';
import { buildCompletionRecord } from '../../domain/completion-record.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { currentProgress, useStore } from '../../state/store.ts';
import { localCalendar } from '../../ui/local-calendar.ts';
import { PageHeading } from '../../ui/page-heading.tsx';
import { CertificateView } from './certificate-view.tsx';
import { ImportRecords } from './import-records.tsx';
import { LrsQueue } from './lrs-queue.tsx';
import { RecordDownloads } from './record-downloads.tsx';
import type { FileInput } from './record-files.ts';
import { RecordView } from './record-view.tsx';
import { useCourseItems } from './use-course-items.ts';
import './records.css';

/**
 * The learner's training record, printable, with the certificate and the personal action plan; its downloads in
 * every format, and the import of records made on another device. What it shows is the completion record.
 */
export function RecordsPage() {
  const { t } = useTranslation();
  const progress = useStore(currentProgress);
  const learner = useStore((s) => (s.currentLearnerId ? s.learners[s.currentLearnerId] : undefined));
  const items = useCourseItems();
  // the view shows nothing that depends on the time; each downloaded file is made with the time of its click
  const [opened] = useState(() => Date.now());
  const record = useMemo(() => (items && learner ? buildCompletionRecord({ manifest: course, items, learner, progress, now: opened }) : undefined), [items, learner, progress, opened]);
  const fileInput = (): FileInput | undefined => {
    if (!items || !learner) return undefined;
    const now = Date.now();
    return { manifest: course, items, learner, progress, now, date: localCalendar.dateOf(now) };
  };
  const matrices = course.chapters.flatMap((c) => c.matrices).map((mx) => (
    <p key={mx.id}>{t('records.matrices', { placed: Object.keys(progress.matrices[mx.id] ?? {}).length, total: mx.riskIds.length })}</p>
  ));

  return (
    <main id="main" tabIndex={-1} className="page records">
      <PageHeading title={t('records.title')} />
      <p className="no-print">
        <button type="button" className="button" onClick={() => window.print()}>{t('records.print')}</button>
      </p>
      {record ? (
        <RecordView record={record} beforeChapters={<CertificateView progress={progress} learner={learner} />} afterChapters={matrices} />
      ) : (
        <>
          <p role="status">{t('records.detail.loading')}</p>
          <CertificateView progress={progress} learner={learner} />
        </>
      )}
      {record && <RecordDownloads input={fileInput} />}
      <ImportRecords />
      <LrsQueue />
    </main>
  );
}
