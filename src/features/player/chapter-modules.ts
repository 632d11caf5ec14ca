/** Chapter MDX modules, each its own lazily loaded chunk, found by the file path the manifest records. */
import type { ComponentType } from 'react';
import type { MDXProps } from 'mdx/types';
import type { ChapterInteractive } from '../../domain/course.ts';

export interface ChapterModule {
  default: ComponentType<MDXProps>;
  interactive: ChapterInteractive;
}

const modules = import.meta.glob<ChapterModule>('/content/chapters/*.mdx');

export function loadChapter(file: string): Promise<ChapterModule> {
  const load = modules['/' + file];
  if (!load) return Promise.reject(new Error(`no chapter module for ${file}`));
  return load();
}
