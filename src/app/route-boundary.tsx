import { Component, type ReactNode } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import { useLocation } from '../ui/router.tsx';
import { PageHeading } from '../ui/page-heading.tsx';

/** One error boundary per route: a crash shows a friendly page; the rest of the app and all progress stay intact. */
export function RouteBoundary({ children }: { children: ReactNode }) {
  // a new page resets the boundary; moving between sections of one chapter does not rebuild it
  const page = useLocation().pathname.split('/').slice(0, 3).join('/');
  return <Boundary key={page}>{children}</Boundary>;
}

class Boundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state = { error: null as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override componentDidCatch(error: unknown) {
    console.error(error);
  }
  override render() {
    return this.state.error ? <RouteError /> : this.props.children;
  }
}

function RouteError() {
  const { t } = useTranslation();
  return (
    <main id="main" tabIndex={-1} className="page narrow">
      <PageHeading title={t('error.title')} />
      <p>{t('error.body')}</p>
      <p className="row">
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('error.retry')}
        </button>
        <a className="button secondary" href="#/">
          {t('chapter.backHome')}
        </a>
      </p>
    </main>
  );
}
