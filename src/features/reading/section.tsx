import { useEffect, useRef, type ReactNode } from 'react';
import { markSectionSeen, setResume } from '../../domain/progress-updates.ts';
import { useStore } from '../../state/store.ts';
import { useChapter } from '../../ui/chapter-context.ts';

/**
 * A chapter section. It counts as read once its end has been on screen (the learner scrolled through it,
 * not merely loaded the page); while it is the section at the reading line it is the resume point.
 */
export function Section({ id, title, children }: { id: string; title: string; children?: ReactNode }) {
  const { chapter } = useChapter();
  const updateProgress = useStore((s) => s.updateProgress);
  const endRef = useRef<HTMLDivElement>(null);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (typeof IntersectionObserver === 'undefined') return;
    const end = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) updateProgress((p, now) => markSectionSeen(p, id, now));
    });
    // the reading line sits 35% down the viewport: the section crossing it is where the learner is
    const reading = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) updateProgress((p) => setResume(p, chapter.id, id));
      },
      { rootMargin: '-35% 0px -64% 0px' },
    );
    if (endRef.current) end.observe(endRef.current);
    if (ref.current) reading.observe(ref.current);
    return () => {
      end.disconnect();
      reading.disconnect();
    };
  }, [id, chapter.id, updateProgress]);
  return (
    <section ref={ref} id={`s-${id}`} className="course-section" aria-labelledby={`h-${id}`}>
      <h2 id={`h-${id}`} tabIndex={-1}>
        {title}
      </h2>
      {children}
      <div ref={endRef} className="section-end" aria-hidden="true" />
    </section>
  );
}
