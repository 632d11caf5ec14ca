/// <reference types="vite/client" />
declare module 'virtual:course' {
  const course: import('./domain/course.ts').CourseManifest;
  export default course;
}
declare module 'virtual:course-items' {
  const items: import('./domain/course.ts').CourseItems;
  export default items;
}
declare module '*.mdx' {
  import type { MDXProps } from 'mdx/types';
  export const interactive: import('./domain/course.ts').ChapterInteractive;
  export default function MDXContent(props: MDXProps): JSX.Element;
}
