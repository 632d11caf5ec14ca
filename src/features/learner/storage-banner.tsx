import { useTranslation } from '../../i18n/use-translation.ts';
import { useStore } from '../../state/store.ts';

/** Expected failures are state: where progress lives, a full quota and recovered data are shown, never thrown. */
export function StorageBanner() {
  const { t } = useTranslation();
  const kind = useStore((s) => s.storageKind);
  const quota = useStore((s) => s.quotaExceeded);
  const notice = useStore((s) => s.restoredNotice);
  const set = useStore((s) => s.set);
  const messages: { key: string; text: string; level: 'warn' | 'error' | 'info'; dismiss?: () => void }[] = [];
  if (kind === 'localstorage') messages.push({ key: 'ls', text: t('storage.localstorage'), level: 'warn' });
  if (kind === 'memory') messages.push({ key: 'mem', text: t('storage.memory'), level: 'error' });
  if (quota) messages.push({ key: 'quota', text: t('storage.quota'), level: 'error' });
  if (notice === 'recovered') messages.push({ key: 'rec', text: t('storage.recovered'), level: 'info', dismiss: () => set({ restoredNotice: undefined }) });
  if (!messages.length) return null;
  return (
    <div className="banners" role="region" aria-label={t('storage.indexeddb')}>
      {messages.map((m) => (
        <p key={m.key} className={`banner ${m.level}`} role={m.level === 'error' ? 'alert' : 'status'} data-banner={m.key}>
          {m.text}
          {m.dismiss && <button type="button" className="link-button" onClick={m.dismiss}>{t('storage.dismiss')}</button>}
        </p>
      ))}
    </div>
  );
}
