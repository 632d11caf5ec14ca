import { useEffect } from 'react';
import { addTime } from '../../domain/progress-updates.ts';
import { createActiveTimer } from '../../domain/active-time.ts';
import { useStore } from '../../state/store.ts';

const IDLE_MS = 5 * 60 * 1000;
const FLUSH_MS = 15 * 1000;

/** Counts active time on a chapter: paused while the tab is hidden or the learner has been idle for 5 minutes. */
export function useChapterTime(chapterId: string) {
  const updateProgress = useStore((s) => s.updateProgress);
  useEffect(() => {
    const timer = createActiveTimer({ idleMs: IDLE_MS, now: () => Date.now() });
    timer.start(document.visibilityState === 'visible');
    const flush = () => {
      const ms = timer.take();
      if (ms > 0) updateProgress((p) => addTime(p, chapterId, ms));
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        timer.pause();
        flush();
      } else timer.resume();
    };
    const onActivity = () => timer.activity();
    const events = ['pointerdown', 'keydown', 'scroll', 'touchstart'] as const;
    events.forEach((e) => window.addEventListener(e, onActivity, { passive: true }));
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    const interval = window.setInterval(flush, FLUSH_MS);
    return () => {
      flush();
      window.clearInterval(interval);
      events.forEach((e) => window.removeEventListener(e, onActivity));
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
    };
  }, [chapterId, updateProgress]);
}
