import { lazy, Suspense } from 'react';
import { HashRouter, Route, Routes } from 'react-router';
import { HomePage } from '../features/player/home-page.tsx';
import { NotFoundPage } from '../features/player/not-found-page.tsx';
import { Layout } from './layout.tsx';
import { RouteBoundary } from './route-boundary.tsx';

const AssessmentPage = lazy(async () => ({ default: (await import('../features/assessment/assessment-page.tsx')).AssessmentPage }));
const RecordsPage = lazy(async () => ({ default: (await import('../features/records/records-page.tsx')).RecordsPage }));
const ChapterPage = lazy(async () => ({ default: (await import('../features/player/chapter-page.tsx')).ChapterPage }));

// Hash routing: works from any sub-path, inside an LMS frame and offline.
export function App() {
  return (
    <HashRouter>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<RouteBoundary><HomePage /></RouteBoundary>} />
          <Route
            path="chapter/:chapterId/:sectionId?"
            element={
              <RouteBoundary>
                <Suspense fallback={<Loading />}>
                  <ChapterPage />
                </Suspense>
              </RouteBoundary>
            }
          />
          <Route
            path="assessment"
            element={
              <RouteBoundary>
                <Suspense fallback={<Loading />}>
                  <AssessmentPage />
                </Suspense>
              </RouteBoundary>
            }
          />
          <Route
            path="records"
            element={
              <RouteBoundary>
                <Suspense fallback={<Loading />}>
                  <RecordsPage />
                </Suspense>
              </RouteBoundary>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </HashRouter>
  );
}

function Loading() {
  return <div className="page loading" role="status" aria-live="polite" />;
}
