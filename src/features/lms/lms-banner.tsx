import { useCallback, useSyncExternalStore } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { LmsStatus } from '../../lms/session.ts';
import { lmsLink, onLmsLink, type LmsLinkView } from '../../lms/status.ts';

const nothing = () => () => undefined;

function useLmsStatus(link: LmsLinkView | undefined): LmsStatus | undefined {
  const subscribe = useCallback((changed: () => void) => (link ? link.subscribe(changed) : nothing()), [link]);
  const read = useCallback(() => link?.status(), [link]);
  return useSyncExternalStore(subscribe, read, read);
}

/**
 * The LMS link's expected failures, as a banner: the LMS failing (retrying, nothing lost, try again now), the
 * connection back, and action-plan text too long for the LMS's suspend data (kept on this device).
 */
export default function LmsBanner() {
  const { t } = useTranslation();
  const link = useSyncExternalStore(onLmsLink, lmsLink, lmsLink);
  const status = useLmsStatus(link);
  if (!link || !status) return null;
  const failing = status.failing;
  const back = status.recovered && !failing;
  if (!failing && !back && !status.keptLocally) return null;
  return (
    <div className="banners" role="region" aria-label={t('lms.region')}>
      {failing && (
        <p className="banner error" role="alert" data-banner="lms-failing">
          {t('lms.failing')}{' '}
          <button type="button" className="link-button" onClick={() => link.retry()}>
            {t('lms.retry')}
          </button>
        </p>
      )}
      {back && (
        <p className="banner info" role="status" data-banner="lms-back">
          {t('lms.back')}
        </p>
      )}
      {status.keptLocally > 0 && (
        <p className="banner warn" role="status" data-banner="lms-kept-locally">
          {t('lms.keptLocally', { count: status.keptLocally })}
        </p>
      )}
    </div>
  );
}
