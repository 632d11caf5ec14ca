/**
 * Active time on task. Time counts only while the page is visible and the learner has shown activity within
 * `idleMs`; an idle stretch counts up to the idle limit, not beyond. The clock is injected, so tests use fake time.
 */
export interface ActiveTimer {
  start(visible: boolean): void;
  pause(): void;
  resume(): void;
  activity(): void;
  /** returns the active ms accumulated since the last take() and resets the counter */
  take(): number;
}

export function createActiveTimer({ idleMs, now }: { idleMs: number; now: () => number }): ActiveTimer {
  let visible = false;
  let running = false;
  let since = 0; // start of the current counted stretch
  let lastActivity = 0;
  let banked = 0;
  const settle = () => {
    if (!running) return;
    const t = now();
    const end = Math.min(t, lastActivity + idleMs);
    if (end > since) banked += end - since;
    since = t;
    if (t > lastActivity + idleMs) running = false; // went idle: wait for activity
  };
  return {
    start(isVisible) {
      const t = now();
      lastActivity = t;
      since = t;
      visible = isVisible;
      running = isVisible;
    },
    pause() {
      settle();
      visible = false;
      running = false;
    },
    resume() {
      const t = now();
      lastActivity = t;
      since = t;
      visible = true;
      running = true;
    },
    activity() {
      settle();
      const t = now();
      lastActivity = t;
      // activity only restarts the count while the page is visible (a hidden tab can still fire scroll events)
      if (!running && visible) {
        running = true;
        since = t;
      }
    },
    take() {
      settle();
      const ms = banked;
      banked = 0;
      return ms;
    },
  };
}
