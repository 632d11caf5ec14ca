import { useEffect, useRef } from 'react';
import course from 'virtual:course';

/**
 * The page's h1. On every route change it takes focus (so screen readers announce the new page) and sets the
 * document title — unless the route asked to focus a section instead.
 */
export function PageHeading({ title, focus = true }: { title: string; focus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${course.title}`;
    if (focus) ref.current?.focus({ preventScroll: false });
  }, [title, focus]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {title}
    </h1>
  );
}
