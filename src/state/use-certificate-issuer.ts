import { useEffect } from 'react';
import { issueCertificates, type Calendar } from '../domain/certificate.ts';
import type { CourseManifest } from '../domain/course.ts';
import { currentProgress, useStore } from './store.ts';

/**
 * Keeps the current learner's certificate history up to date: a certificate earned (every requirement met, or a
 * recertification passed) is added to it. The issue date comes from the record, so when this runs does not
 * matter, and running it in two tabs adds the same certificate.
 */
export function useCertificateIssuer(course: CourseManifest, calendar: Calendar): void {
  const progress = useStore(currentProgress);
  const learnerId = useStore((s) => s.currentLearnerId);
  const updateProgress = useStore((s) => s.updateProgress);
  useEffect(() => {
    if (!learnerId || issueCertificates(progress, course, learnerId, calendar) === progress) return;
    updateProgress((p) => issueCertificates(p, course, learnerId, calendar));
  }, [progress, learnerId, course, calendar, updateProgress]);
}
