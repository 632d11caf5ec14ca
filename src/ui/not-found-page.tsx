import { useTranslation } from '../i18n/use-translation.ts';
import { Link } from './router.tsx';
import { PageHeading } from './page-heading.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <main id="main" tabIndex={-1} className="page narrow">
      <PageHeading title={t('notFound.title')} />
      <p>{t('notFound.body')}</p>
      <p>
        <Link className="button" to="/">
          {t('chapter.backHome')}
        </Link>
      </p>
    </main>
  );
}
