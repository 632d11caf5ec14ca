import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import course from 'virtual:course';
import { StorageBanner } from '../features/learner/storage-banner.tsx';
import { NetworkStatus } from '../features/offline/network-status.tsx';
import { UpdatePrompt } from '../features/offline/update-prompt.tsx';
import { useDurability } from '../features/offline/use-durability.ts';
import { setLocale } from '../i18n/index.ts';
import { useStore } from '../state/store.ts';

export function Layout() {
  const { t, i18n } = useTranslation();
  const hydrated = useStore((s) => s.hydrated);
  const other = i18n.language === 'en' ? 'zh-CN' : 'en';
  useDurability();
  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => {
        e.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand" aria-label={t('app.home')}>
          <span className="brand-mark" aria-hidden="true">知</span>
          <span className="brand-title" lang="zh-CN">{course.title}</span>
        </Link>
        <div className="topbar-actions">
          <NetworkStatus />
          <button type="button" className="lang-switch" aria-label={t('app.switchToLabel')} lang={other} onClick={() => void setLocale(other)}>
            {t('app.switchTo')}
          </button>
        </div>
      </header>
      <UpdatePrompt />
      <StorageBanner />
      {hydrated ? <Outlet /> : <p className="page loading" role="status">{t('app.loading')}</p>}
      <footer className="footer">{t('app.footer')}</footer>
    </>
  );
}
