import { useEffect } from 'react';

/**
 * Where the learner was in a long chapter, kept for this tab (sessionStorage) as the section heading at the top of
 * the window and the distance scrolled past it: a reload lands there again, even if the text size or the width
 * changed the page's length in between. Only a reload restores it; opening a chapter from a link starts where the
 * link points.
 */
const KEY = 'zhixing:reading-place';
/** the sticky bars above the text */
const TOP_OFFSET = 72;

interface Place {
  chapter: string;
  section: string;
  offset: number;
}

let restoredThisLoad = false;

const isReload = () => {
  const nav = globalThis.performance?.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  return nav?.type === 'reload';
};

function headings(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('main.chapter .course-section > h2[id^="h-"]'));
}

function read(): Place | undefined {
  try {
    const v = JSON.parse(globalThis.sessionStorage?.getItem(KEY) ?? 'null') as Place | null;
    return v && typeof v.chapter === 'string' && typeof v.section === 'string' && typeof v.offset === 'number' ? v : undefined;
  } catch {
    return undefined;
  }
}

function write(place: Place): void {
  try {
    globalThis.sessionStorage?.setItem(KEY, JSON.stringify(place));
  } catch {
    /* storage blocked: a reload starts at the top */
  }
}

/** The section whose heading was last passed, and how far past it the window is. */
export function placeOf(chapter: string, list: readonly HTMLElement[], topOffset = TOP_OFFSET): Place | undefined {
  let current: HTMLElement | undefined;
  for (const h of list) {
    if (h.getBoundingClientRect().top - topOffset <= 1) current = h;
    else break;
  }
  if (!current) return undefined;
  return { chapter, section: current.id.slice(2), offset: Math.round(topOffset - current.getBoundingClientRect().top) };
}

export function useScrollMemory(chapterId: string, ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    let restoring = 0;
    if (!restoredThisLoad && isReload()) {
      const place = read();
      // after the chapter's own scrolling to a section in the URL, which a reload repeats: the exact place wins
      if (place?.chapter === chapterId)
        restoring = requestAnimationFrame(() => {
          const heading = document.getElementById(`h-${place.section}`);
          if (heading) window.scrollTo({ top: window.scrollY + heading.getBoundingClientRect().top - TOP_OFFSET + place.offset, behavior: 'instant' });
        });
    }
    restoredThisLoad = true;
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const place = placeOf(chapterId, headings());
        if (place) write(place);
        else write({ chapter: chapterId, section: '', offset: 0 });
      });
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
      cancelAnimationFrame(restoring);
    };
  }, [chapterId, ready]);
}
