import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import course from 'virtual:course';
import { useTranslation } from '../../i18n/use-translation.ts';
import { readingTimeMs } from '../../domain/reading.ts';
import { settingsOf } from '../../domain/requirements.ts';
import { markSectionRead, setResume } from '../../domain/progress-updates.ts';
import { currentProgress, useStore } from '../../state/store.ts';
import { useChapter } from '../../ui/chapter-context.ts';
import { useSectionReading } from './use-section-reading.ts';

const READING = settingsOf(course).reading;

/**
 * A chapter section. It counts as read once it has been on screen for a plausible reading time for its length
 * (course.yaml `reading`), not when it merely scrolls past; a round of quiz attempts waiting on it counts it as read
 * again the same way. While it is the section at the reading line it is the resume point.
 */
export function Section({ id, title, children }: { id: string; title: string; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { chapter } = useChapter();
  const updateProgress = useStore((s) => s.updateProgress);
  const seen = useStore((s) => currentProgress(s).sectionsSeen[id] !== undefined);
  const rereadWanted = useStore((s) => Object.values(currentProgress(s).rounds ?? {}).some((rs) => rs.some((r) => r.unlockedAt === undefined && r.sections.includes(id) && r.read[id] === undefined)));
  const ref = useRef<HTMLElement>(null);
  const meta = chapter.sections.find((s) => s.id === id);
  const requiredMs = readingTimeMs(meta ?? {}, READING);
  const onRead = useCallback(() => updateProgress((p, now) => markSectionRead(p, id, now)), [id, updateProgress]);
  useSectionReading(ref, requiredMs, !seen || rereadWanted, onRead);
  useEffect(() => {
    if (typeof IntersectionObserver === 'undefined') return;
    // the reading line sits 35% down the viewport: the section crossing it is where the learner is
    const reading = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) updateProgress((p) => setResume(p, chapter.id, id));
      },
      { rootMargin: '-35% 0px -64% 0px' },
    );
    if (ref.current) reading.observe(ref.current);
    return () => reading.disconnect();
  }, [id, chapter.id, updateProgress]);
  return (
    <section ref={ref} id={`s-${id}`} className="course-section" aria-labelledby={`h-${id}`} data-read={seen && !rereadWanted ? 'yes' : 'no'}>
      <h2 id={`h-${id}`} tabIndex={-1}>
        {title}
      </h2>
      {children}
      <p className="section-status hint" lang={i18n.language}>{rereadWanted ? t('readingTime.reread') : seen ? t('readingTime.read') : t('readingTime.reading', { minutes: Math.max(1, Math.round(requiredMs / 60000)) })}</p>
    </section>
  );
}
