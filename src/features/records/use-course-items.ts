import { useEffect, useState } from 'react';
import type { CourseItems } from '../../domain/course.ts';

let loading: Promise<CourseItems> | undefined;
let loaded: CourseItems | undefined;

/** The answer key the completion record needs: loaded once, with the records page, never with the first view. */
export function loadCourseItems(): Promise<CourseItems> {
  return (loading ??= import('virtual:course-items').then((m) => (loaded = m.default)));
}

export function useCourseItems(): CourseItems | undefined {
  const [items, setItems] = useState<CourseItems | undefined>(loaded);
  useEffect(() => {
    if (items) return;
    let live = true;
    void loadCourseItems().then((i) => live && setItems(i));
    return () => {
      live = false;
    };
  }, [items]);
  return items;
}
