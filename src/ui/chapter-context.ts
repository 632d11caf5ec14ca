import { createContext, useContext } from 'react';
import type { ChapterInteractive, ChapterMeta } from '../domain/course.ts';

export interface ChapterContextValue {
  chapter: ChapterMeta;
  interactive: ChapterInteractive;
}

export const ChapterContext = createContext<ChapterContextValue | null>(null);

export function useChapter(): ChapterContextValue {
  const v = useContext(ChapterContext);
  if (!v) throw new Error('course components render inside a chapter');
  return v;
}
