/** Chapter MDX modules, each its own lazily loaded chunk, found by the file path the manifest records. */
import type { ComponentType } from 'react';
import type { MDXProps } from 'mdx/types';
import course from 'virtual:course';
import type { ChapterInteractive } from '../../domain/course.ts';

export interface ChapterModule {
  default: ComponentType<MDXProps>;
  interactive: ChapterInteractive;
}

const modules = import.meta.glob<ChapterModule>('/content/chapters/*.mdx');
const loading = new Map<string, Promise<ChapterModule>>();

export function loadChapter(file: string): Promise<ChapterModule> {
  const load = modules['/' + file];
  if (!load) return Promise.reject(new Error(`no chapter module for ${file}`));
  let p = loading.get(file);
  if (!p) {
    p = load();
    // a failed load (offline before the first visit, say) may be retried later
    p.catch(() => loading.delete(file));
    loading.set(file, p);
  }
  return p;
}

/**
 * Starts fetching a chapter's content while the chapter page's own code is still loading: the two chunks arrive
 * in parallel instead of one after the other.
 */
export function preloadChapter(chapterId: string | undefined): void {
  const chapter = course.chapters.find((c) => c.id === chapterId);
  if (chapter) void loadChapter(chapter.file).catch(() => undefined);
}
