import { MDXProvider } from '@mdx-js/react';
import { ChapterPage } from '../features/player/chapter-page.tsx';
import { mdxComponents } from '../mdx/registry.tsx';

/**
 * The chapter page with the authors' component registry provided. Composed here because the registry imports
 * the course components of every feature, and a feature never imports src/mdx (DESIGN.md layout).
 */
export function ChapterPageWithComponents() {
  return (
    <MDXProvider components={mdxComponents}>
      <ChapterPage />
    </MDXProvider>
  );
}
