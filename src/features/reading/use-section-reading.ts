import { useEffect, type RefObject } from 'react';
import { createSectionReadingClock } from '../../domain/reading.ts';

/** Idle limit while reading: as for chapter time, a pause longer than this stops the count until the learner is back. */
const IDLE_MS = 5 * 60 * 1000;
const TICK_MS = 1000;
/** a section is on screen when it fills this share of the viewport (or is wholly visible, if shorter) */
const IN_VIEW_SHARE = 0.3;

/**
 * Counts the time a section is on screen, with the page visible and the learner present, and calls `onRead` once
 * it reaches `requiredMs` (domain/reading.ts). `active` false (already read, nothing to re-read) stops counting.
 */
export function useSectionReading(ref: RefObject<HTMLElement | null>, requiredMs: number, active: boolean, onRead: () => void): void {
  useEffect(() => {
    const el = ref.current;
    if (!active || !el || typeof IntersectionObserver === 'undefined') return;
    const clock = createSectionReadingClock({ requiredMs, idleMs: IDLE_MS, now: () => Date.now(), onRead, pageVisible: document.visibilityState === 'visible' });
    const observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const viewport = e.rootBounds?.height ?? window.innerHeight;
          const visible = e.intersectionRect.height;
          clock.inView(e.isIntersecting && (visible >= viewport * IN_VIEW_SHARE || visible >= e.boundingClientRect.height - 1));
        }
      },
      { threshold: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] },
    );
    observer.observe(el);
    const onVisibility = () => clock.pageVisible(document.visibilityState === 'visible');
    const onActivity = () => clock.activity();
    const events = ['pointerdown', 'keydown', 'scroll', 'touchstart', 'wheel'] as const;
    events.forEach((e) => window.addEventListener(e, onActivity, { passive: true }));
    document.addEventListener('visibilitychange', onVisibility);
    const timer = window.setInterval(() => clock.tick(), TICK_MS);
    return () => {
      observer.disconnect();
      window.clearInterval(timer);
      events.forEach((e) => window.removeEventListener(e, onActivity));
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [ref, requiredMs, active, onRead]);
}
