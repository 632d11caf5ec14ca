/**
 * Reading that counts: a section is read once it has been on screen, with the page visible and the learner
 * present, for a plausible time for its length (course.yaml `reading`: a speed ceiling and a floor). Pure; the
 * clock is passed in.
 */
import type { CourseManifest, SectionMeta } from './course.ts';
import { settingsOf } from './requirements.ts';

/** The least on-screen time for a section to count as read: its characters at the ceiling speed, never below the floor. */
export function readingTimeMs(section: Pick<SectionMeta, 'chars'>, reading: { charsPerMinute: number; minSeconds: number }): number {
  const byLength = ((section.chars ?? 0) / reading.charsPerMinute) * 60_000;
  return Math.round(Math.max(reading.minSeconds * 1000, byLength));
}

/** The reading time of every section of the course, by section id. */
export function readingTimes(m: CourseManifest): Record<string, number> {
  const reading = settingsOf(m).reading;
  return Object.fromEntries(m.chapters.flatMap((c) => c.sections.map((s) => [s.id, readingTimeMs(s, reading)])));
}

/**
 * Counts one section's on-screen time. Time runs only while the section is in view, the page visible and the
 * learner active within `idleMs` (an idle stretch counts up to the idle limit, as for chapter time). `onRead`
 * fires once, when the count reaches `requiredMs`.
 */
export interface SectionReadingClock {
  /** the section entered or left the viewport */
  inView(visible: boolean): void;
  /** the page became visible or hidden */
  pageVisible(visible: boolean): void;
  /** the learner did something (scroll, key, pointer) */
  activity(): void;
  /** on-screen ms counted so far */
  elapsed(): number;
  /** checks the count against the requirement; call it from a timer */
  tick(): void;
}

export function createSectionReadingClock(o: { requiredMs: number; idleMs: number; now: () => number; onRead: () => void; pageVisible: boolean }): SectionReadingClock {
  let inView = false;
  let page = o.pageVisible;
  let since: number | undefined; // start of the current counted stretch
  let lastActivity = o.now();
  let banked = 0;
  let fired = false;
  const counting = () => inView && page;
  const settle = () => {
    const t = o.now();
    if (since !== undefined) {
      const end = Math.min(t, lastActivity + o.idleMs);
      if (end > since) banked += end - since;
    }
    since = counting() && t <= lastActivity + o.idleMs ? t : undefined;
  };
  const check = () => {
    settle();
    if (!fired && banked >= o.requiredMs) {
      fired = true;
      o.onRead();
    }
  };
  return {
    inView(v) {
      settle();
      inView = v;
      // a section comes into view because the learner scrolled: that is activity
      if (v) lastActivity = o.now();
      if (counting() && since === undefined) since = o.now();
      check();
    },
    pageVisible(v) {
      settle();
      page = v;
      if (v) lastActivity = o.now();
      if (counting() && since === undefined) since = o.now();
      check();
    },
    activity() {
      settle();
      lastActivity = o.now();
      if (counting() && since === undefined) since = lastActivity;
    },
    elapsed() {
      settle();
      return banked;
    },
    tick: check,
  };
}
