import { useTranslation } from '../../i18n/use-translation.ts';
import course from 'virtual:course';
import { useStore } from '../../state/store.ts';

const mb = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** Where the learner's data lives and whether the browser has promised to keep it. */
export function StorageStatus() {
  const { t } = useTranslation();
  const kind = useStore((s) => s.storageKind);
  const durability = useStore((s) => s.durability);
  return (
    <section className="storage-status" aria-labelledby="storage-heading">
      <h2 id="storage-heading">{t('offline.storageHeading')}</h2>
      <p>{kind === 'pending' ? t('app.loading') : t(`storage.${kind}`)}</p>
      <p data-persisted={String(durability?.persisted)}>
        {durability?.persisted === true ? t('offline.persisted') : durability?.persisted === false ? t('offline.notPersisted') : t('offline.persistUnknown')}
      </p>
      {durability?.usage !== undefined && durability.quota !== undefined && <p className="hint">{t('offline.usage', { usage: mb(durability.usage), quota: mb(durability.quota) })}</p>}
      <p className="hint">{t('offline.version', { version: course.version })}</p>
    </section>
  );
}
