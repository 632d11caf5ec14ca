import { useTranslation } from '../../i18n/use-translation.ts';
import { useOnline } from './use-online.ts';

/** A small indicator in the top bar; its explanation says what works offline (everything but sending records). */
export function NetworkStatus() {
  const { t } = useTranslation();
  const online = useOnline();
  return (
    <details className={`net-status ${online ? 'online' : 'offline'}`}>
      <summary>
        <span className="dot" aria-hidden="true" />
        {online ? t('offline.online') : t('offline.offline')}
      </summary>
      <p role="status">{online ? t('offline.onlineHelp') : t('offline.offlineHelp')}</p>
    </details>
  );
}
