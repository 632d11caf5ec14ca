import { useEffect, useRef } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useStore } from '../../state/store.ts';

/** "A new version is available": the learner chooses when to reload. */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const update = useStore((s) => s.update);
  const set = useStore((s) => s.set);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (update) ref.current?.focus();
  }, [update]);
  if (!update) return null;
  return (
    <div className="update-prompt" role="alertdialog" aria-labelledby="update-text" tabIndex={-1} ref={ref}>
      <p id="update-text">{t('offline.updateReady')}</p>
      <div className="row">
        <button type="button" className="button primary" onClick={() => void update.apply()}>{t('offline.updateNow')}</button>
        <button type="button" className="button secondary" onClick={() => set({ update: undefined })}>{t('offline.later')}</button>
      </div>
    </div>
  );
}
