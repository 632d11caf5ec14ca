import { lazy, Suspense, useSyncExternalStore } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import { Link, Outlet } from '../ui/router.tsx';
import course from 'virtual:course';
import { StorageBanner } from '../features/learner/storage-banner.tsx';
import { NetworkStatus } from '../features/offline/network-status.tsx';
import { UpdatePrompt } from '../features/offline/update-prompt.tsx';
import { useDurability } from '../features/offline/use-durability.ts';
import { loadStrings, setLocale } from '../i18n/index.ts';
import { useStore } from '../state/store.ts';
import { lmsLink, onLmsLink } from '../lms/status.ts';
import { COURSE_LANG } from '../ui/course-lang.ts';

/** the LMS banner loads only inside an LMS */
const LmsBanner = lazy(() => Promise.all([import('../features/lms/lms-banner.tsx'), loadStrings()]).then(([m]) => m));

export function Layout() {
  const { t, i18n } = useTranslation();
  const hydrated = useStore((s) => s.hydrated);
  const other = i18n.language === 'en' ? 'zh-CN' : 'en';
  useDurability();
  const inLms = useSyncExternalStore(onLmsLink, () => lmsLink() !== undefined, () => false);
  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => {
        e.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        {/* the accessible names contain the visible labels (WCAG 2.5.3), each part in its own language */}
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true" lang={COURSE_LANG}>知</span>
          <span className="brand-title" lang={COURSE_LANG}>{course.title}</span>
          <span className="visually-hidden"> {t('app.home')}</span>
        </Link>
        <div className="topbar-actions">
          <NetworkStatus />
          <Link to="/search" className="topbar-link">{t('search.open')}</Link>
          <Link to="/glossary" className="topbar-link">{t('glossary.title')}</Link>
          <button type="button" className="lang-switch" onClick={() => void setLocale(other)}>
            <span className="visually-hidden">{t('app.switchToLabel')} </span>
            <span lang={other}>{t('app.switchTo')}</span>
          </button>
        </div>
      </header>
      <UpdatePrompt />
      <StorageBanner />
      {inLms && <Suspense fallback={null}><LmsBanner /></Suspense>}
      {hydrated ? <Outlet /> : <p className="page loading" role="status">{t('app.loading')}</p>}
      <footer className="footer">
        <p>{t('app.footer')}</p>
        <p><Link to="/settings">{t('settings.link')}</Link></p>
        <p><Link to="/trainer" className="footer-quiet">{t('app.trainerLink')}</Link></p>
      </footer>
    </>
  );
}
