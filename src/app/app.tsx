import { lazy, Suspense, type ComponentType } from 'react';
import { HashRouter, Route, Routes, useParams, useSearchParams } from '../ui/router.tsx';
import { preloadChapter } from '../features/player/chapter-modules.ts';
import { HomePage } from '../features/player/home-page.tsx';
import { NotFoundPage } from '../ui/not-found-page.tsx';
import { StoreProvider, type AppStore } from '../state/store.ts';
import { Layout } from './layout.tsx';
import { RouteBoundary } from './route-boundary.tsx';
import { loadStrings } from '../i18n/index.ts';

// a lazily loaded page comes with the strings past the first view (src/i18n: loadStrings)
const lazyPage = (load: () => Promise<ComponentType>) => lazy(async () => ({ default: (await Promise.all([load(), loadStrings()]))[0] }));
const AssessmentPage = lazyPage(async () => (await import('../features/assessment/assessment-page.tsx')).AssessmentPage);
const RecordsPage = lazyPage(async () => (await import('../features/records/records-page.tsx')).RecordsPage);
const TrainerPage = lazyPage(async () => (await import('../features/trainer/trainer-page.tsx')).TrainerPage);
const GlossaryPage = lazyPage(async () => (await import('../features/glossary/glossary-page.tsx')).GlossaryPage);
const SearchPage = lazyPage(async () => (await import('../features/search/search-page.tsx')).SearchPage);
// only on a chapter opened from search (?hl=…)
const SearchHighlight = lazyPage(async () => (await import('../features/search/search-highlight.tsx')).SearchHighlight);
const ChapterPage = lazyPage(async () => (await import('./chapter-page-with-components.tsx')).ChapterPageWithComponents);
// below the home page's fold: loaded after the first view
const LearnerPanel = lazyPage(async () => (await import('../features/learner/learner-panel.tsx')).LearnerPanel);
// display settings, with what the device keeps below them
const SettingsWithStorage = lazyPage(async () => {
  const [{ SettingsPage }, { StorageStatus }] = await Promise.all([import('../features/settings/settings-page.tsx'), import('../features/offline/storage-status.tsx')]);
  return () => <SettingsPage><StorageStatus /></SettingsPage>;
});

/** A lazily loaded page, inside its own error boundary. */
function Page({ component: C }: { component: ComponentType }) {
  return (
    <RouteBoundary>
      <Suspense fallback={<Loading />}>
        <C />
      </Suspense>
    </RouteBoundary>
  );
}

function ChapterRoute() {
  preloadChapter(useParams().chapterId);
  const highlight = useSearchParams()[0].has('hl');
  return (
    <>
      <Page component={ChapterPage} />
      {highlight && <Suspense fallback={null}><SearchHighlight /></Suspense>}
    </>
  );
}

// Hash routing: works from any sub-path, inside an LMS frame and offline.
export function App({ store }: { store: AppStore }) {
  return (
    <StoreProvider store={store}>
    <HashRouter>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<RouteBoundary><HomePage><LearnerPanel /></HomePage></RouteBoundary>} />
          <Route path="settings" element={<Page component={SettingsWithStorage} />} />
          <Route path="chapter/:chapterId/:sectionId?" element={<ChapterRoute />} />
          <Route path="assessment" element={<Page component={AssessmentPage} />} />
          <Route path="records" element={<Page component={RecordsPage} />} />
          <Route path="trainer" element={<Page component={TrainerPage} />} />
          <Route path="glossary/:termId?" element={<Page component={GlossaryPage} />} />
          <Route path="search" element={<Page component={SearchPage} />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </HashRouter>
    </StoreProvider>
  );
}

function Loading() {
  return <div className="page loading" role="status" aria-live="polite" />;
}
