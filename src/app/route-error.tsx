import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { PageHeading } from '../features/player/page-heading.tsx';

/** One error boundary per route: the rest of the app, and the learner's progress, stay intact. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (error) console.error(error);
  return (
    <main id="main" className="page narrow">
      <PageHeading title={t('error.title')} />
      <p>{t('error.body')}</p>
      <p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('error.retry')}
        </button>{' '}
        <a className="button secondary" href="#/">
          {t('chapter.backHome')}
        </a>
      </p>
    </main>
  );
}
