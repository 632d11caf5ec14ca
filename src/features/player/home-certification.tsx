/**
 * The certificate parts of the home page, loaded after the first view (they keep the entry chunk within its
 * budget): keeping the certificate history up to date, the renewal notice with the way to the refresher, the
 * chapters changed since the certificate's course version, and the state of each requirement.
 */
import { useState } from 'react';
import { Link } from '../../ui/router.tsx';
import course from 'virtual:course';
import { certificateStanding, changedSinceCertificate, currentCertificate } from '../../domain/certificate.ts';
import { requirements, settingsOf } from '../../domain/requirements.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { currentProgress, useStore } from '../../state/store.ts';
import { useCertificateIssuer } from '../../state/use-certificate-issuer.ts';
import { formatCalendarDate, localCalendar } from '../../ui/local-calendar.ts';
import { RequirementsList } from '../../ui/requirements-list.tsx';
import { listOf } from '../../ui/labels.ts';

export function CertificateNotice() {
  const { t, i18n } = useTranslation();
  const progress = useStore(currentProgress);
  useCertificateIssuer(course, localCalendar);
  const [today] = useState(() => localCalendar.dateOf(Date.now()));
  const cert = currentCertificate(progress);
  if (!cert) return null;
  const standing = certificateStanding(cert, today, settingsOf(course).recertification.withinDays);
  const changed = changedSinceCertificate(progress, course);
  const date = formatCalendarDate(cert.validUntil, i18n.language);
  return (
    <>
      {standing.state !== 'valid' && (
        <p className="cert-due" role="status">
          {standing.state === 'expired' ? t('certification.expiredOn', { date }) : t('certification.expiresSoon', { date, count: standing.daysLeft })}{' '}
          <Link className="button primary" to="/assessment">{t('certification.goRecert')}</Link>
        </p>
      )}
      {changed.length > 0 && (
        <p className="hint">{t('certification.changedChapters', { version: cert.courseVersion, list: listOf(i18n.language, changed.map((id) => course.chapters.find((c) => c.id === id)!.title)) })}</p>
      )}
    </>
  );
}

export function HomeRequirements({ headingId }: { headingId: string }) {
  const progress = useStore(currentProgress);
  return <RequirementsList requirements={requirements(progress, course)} headingId={headingId} />;
}
