import { useEffect, useRef } from 'react';
import { useLocation } from './router.tsx';
import course from 'virtual:course';

// The first page of a visit keeps the browser's own start: nothing focused, so the skip link is the first Tab
// stop. Every later route change moves the focus to the new page's heading.
let firstPath: string | undefined;
let navigated = false;

/**
 * The page's h1. After a route change it takes focus (so screen readers announce the new page) — unless the
 * route asked to focus a section instead. It always sets the document title.
 */
export function PageHeading({ title, focus = true, lang }: { title: string; focus?: boolean; /** of the title, when it is course text */ lang?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    document.title = title === course.title ? title : `${title} · ${course.title}`;
  }, [title]);
  useEffect(() => {
    if (firstPath === undefined) firstPath = pathname;
    else if (pathname !== firstPath) navigated = true;
    if (!focus || !navigated) return;
    window.scrollTo(0, 0); // a new page starts at its top, with the heading under the sticky top bar in view
    ref.current?.focus({ preventScroll: true });
  }, [pathname, focus]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title" lang={lang}>
      {title}
    </h1>
  );
}
