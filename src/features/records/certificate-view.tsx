import { useState } from 'react';
import { Link } from '../../ui/router.tsx';
import course from 'virtual:course';
import { certificateHistory, certificateStanding, changedSinceCertificate, currentCertificate, recertificationDue, verificationCode } from '../../domain/certificate.ts';
import type { LearnerProfile } from '../../domain/learner.ts';
import type { LearnerProgress } from '../../domain/progress.ts';
import { requirements, settingsOf } from '../../domain/requirements.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useCertificateIssuer } from '../../state/use-certificate-issuer.ts';
import { formatCalendarDate, localCalendar } from '../../ui/local-calendar.ts';
import { RequirementsList } from '../../ui/requirements-list.tsx';
import './certificate-print.css';
import { listOf } from '../../ui/labels.ts';
import { COURSE_LANG } from '../../ui/course-lang.ts';

/**
 * The certificate, printed alone on the first A4 page (certificate-print.css), and the history of every certificate
 * issued. Interface text is in the interface's language; the course title and organisation are course text.
 */
export function CertificateView({ progress, learner }: { progress: LearnerProgress; learner: LearnerProfile | undefined }) {
  const { t, i18n } = useTranslation();
  useCertificateIssuer(course, localCalendar);
  const [today] = useState(() => localCalendar.dateOf(Date.now()));
  const cert = currentCertificate(progress);
  const history = certificateHistory(progress);
  const date = (d: string) => formatCalendarDate(d, i18n.language);
  const name = learner?.name || t('learner.unnamed');
  const standing = cert ? certificateStanding(cert, today, settingsOf(course).recertification.withinDays) : undefined;
  const changed = changedSinceCertificate(progress, course);
  const code = cert
    ? verificationCode({ number: cert.number, learnerName: name, ...(learner?.employeeId ? { employeeId: learner.employeeId } : {}), courseId: course.id, courseVersion: cert.courseVersion, issuedOn: cert.issuedOn, validUntil: cert.validUntil, score: cert.score })
    : '';

  return (
    <>
      <section aria-labelledby="cert-heading" className="certificate-section">
        <h2 id="cert-heading" className="no-print">{t('records.certificate')}</h2>
        {!cert || !standing ? (
          <>
            <p>{t('certification.none')}</p>
            <RequirementsList requirements={requirements(progress, course)} headingId="cert-heading" />
          </>
        ) : (
          <>
            {standing.state !== 'valid' && (
              <p className="cert-warning no-print" role="status">
                {standing.state === 'expired' ? t('certification.expiredOn', { date: date(cert.validUntil) }) : t('certification.expiresSoon', { date: date(cert.validUntil), count: standing.daysLeft })}{' '}
                <Link to="/assessment">{t('certification.goRecert')}</Link>
              </p>
            )}
            {recertificationDue(progress, course, today) && changed.length > 0 && (
              <p className="hint no-print">{t('certification.changedChapters', { version: cert.courseVersion, list: listOf(i18n.language, changed.map((id) => course.chapters.find((c) => c.id === id)!.title)) })}</p>
            )}
            <article className={`certificate ${standing.state}`} aria-labelledby="cert-title">
              {course.organisation && <p className="cert-org" lang={COURSE_LANG}>{course.organisation}</p>}
              <p className="cert-mark" aria-hidden="true">知</p>
              <h3 id="cert-title">{t('records.certTitle')}</h3>
              <p className="cert-body">{t('certification.body', { name, course: course.title, score: cert.score })}</p>
              <dl className="cert-facts">
                <div><dt>{t('records.learner')}</dt><dd className="cert-name">{name}</dd></div>
                {learner?.employeeId && <div><dt>{t('records.employeeId')}</dt><dd>{learner.employeeId}</dd></div>}
                {learner?.department && <div><dt>{t('records.department')}</dt><dd>{learner.department}</dd></div>}
                <div><dt>{t('certification.course')}</dt><dd><span lang={COURSE_LANG}>{course.title}</span> · {t('certification.version', { version: cert.courseVersion })}</dd></div>
                <div><dt>{t('certification.score')}</dt><dd>{cert.score}%</dd></div>
                <div><dt>{t('certification.issuedOn')}</dt><dd>{date(cert.issuedOn)}</dd></div>
                <div><dt>{t('certification.validUntilLabel')}</dt><dd className="cert-valid-until">{date(cert.validUntil)}</dd></div>
                <div><dt>{t('certification.number')}</dt><dd className="cert-number">{cert.number}</dd></div>
                <div><dt>{t('certification.code')}</dt><dd className="cert-code">{code}</dd></div>
              </dl>
              {standing.state === 'expired' && <p className="cert-expired-mark">{t('certification.expiredMark')}</p>}
            </article>
          </>
        )}
      </section>
      {history.length > 0 && (
        <section aria-labelledby="cert-history" className="certificate-history">
          <h2 id="cert-history">{t('certification.history')}</h2>
          <table className="records-table">
            <thead>
              <tr>
                <th scope="col">{t('certification.number')}</th>
                <th scope="col">{t('certification.kind')}</th>
                <th scope="col">{t('certification.issuedOn')}</th>
                <th scope="col">{t('certification.validUntilLabel')}</th>
                <th scope="col">{t('certification.versionCol')}</th>
                <th scope="col">{t('certification.score')}</th>
              </tr>
            </thead>
            <tbody>
              {[...history].reverse().map((c) => (
                <tr key={c.n} className={c.n === cert?.n ? 'current' : 'superseded'}>
                  <th scope="row">{c.number}</th>
                  <td>{c.kind === 'renewal' ? t('certification.kindRenewal') : t('certification.kindInitial')}{c.n === cert?.n ? ` · ${t('certification.current')}` : ''}</td>
                  <td>{date(c.issuedOn)}</td>
                  <td>{date(c.validUntil)}</td>
                  <td>{c.courseVersion}</td>
                  <td>{c.score}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
