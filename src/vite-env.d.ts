/// <reference types="vite/client" />
declare module 'virtual:course' {
  const course: import('./domain/course.ts').CourseManifest;
  export default course;
}
declare module '*.mdx' {
  import type { MDXProps } from 'mdx/types';
  export const interactive: import('./domain/course.ts').ChapterInteractive;
  export default function MDXContent(props: MDXProps): JSX.Element;
}
