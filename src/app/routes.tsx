import type { RouteObject } from 'react-router';
import { HomePage } from '../features/player/home-page.tsx';
import { NotFoundPage } from '../features/player/not-found-page.tsx';
import { Layout } from './layout.tsx';
import { RouteError } from './route-error.tsx';

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage />, errorElement: <RouteError /> },
      {
        path: 'chapter/:chapterId/:sectionId?',
        lazy: async () => ({ Component: (await import('../features/player/chapter-page.tsx')).ChapterPage }),
        errorElement: <RouteError />,
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
