import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { OutboxStatus } from '../../lrs/outbox.ts';
import { lrsLink, onLrsLink, type LrsLinkView } from '../../lrs/status.ts';

const verbName = (statement: Record<string, unknown>, lang: string) => {
  const verb = statement.verb as { id?: string; display?: Record<string, string> } | undefined;
  return verb?.display?.[lang] ?? verb?.display?.['en-US'] ?? verb?.id?.split('/').pop() ?? '';
};
const objectId = (statement: Record<string, unknown>) => String((statement.object as { id?: string } | undefined)?.id ?? '');

function useLink(): LrsLinkView | undefined {
  return useSyncExternalStore(onLrsLink, lrsLink, lrsLink);
}

function useQueue(link: LrsLinkView | undefined): OutboxStatus | undefined {
  const [status, setStatus] = useState<OutboxStatus | undefined>();
  useEffect(() => {
    if (!link) return;
    const off = link.outbox.subscribe(setStatus);
    // reads what the device holds now (another tab may have sent or queued meanwhile) and reports it
    void link.outbox.refresh();
    return off;
  }, [link]);
  return status;
}

/** The LRS outbox on the records page: what waits, what was sent, what the LRS rejected and why. */
export function LrsQueue() {
  const { t, i18n } = useTranslation();
  const link = useLink();
  const status = useQueue(link);
  const [exiting, setExiting] = useState(false);
  if (!link || !status) return null;
  const time = (ms: number) => new Date(ms).toLocaleTimeString(i18n.language);
  const mode = link.cmi5?.data.launchMode;

  const exit = async () => {
    setExiting(true);
    const to = await link.exit();
    // cmi5 §10.2.6: back to the LMS once terminated is on its way
    if (to) window.location.assign(to);
    else setExiting(false);
  };

  return (
    <section aria-labelledby="rec-lrs" className="no-print lrs-queue">
      <h2 id="rec-lrs">{t('lrs.title')}</h2>
      <p>{t(link.source.kind === 'cmi5' ? 'lrs.whereCmi5' : 'lrs.where', { endpoint: link.source.endpoint })}</p>
      {mode && mode !== 'Normal' && <p role="note">{t('lrs.review', { mode: t(mode === 'Browse' ? 'lrs.modeBrowse' : 'lrs.modeReview') })}</p>}
      <ul aria-live="polite" data-testid="lrs-counts">
        <li>{t('lrs.pending', { count: status.pending })}</li>
        <li>{t('lrs.sent', { count: status.sent })}</li>
        <li>{t('lrs.rejectedCount', { count: status.rejected.length })}</li>
      </ul>
      {status.paused ? (
        <p role="alert">
          {t('lrs.paused', { status: status.paused.status })}{' '}
          <button type="button" className="button" onClick={() => void link.outbox.resume()}>
            {t('lrs.resume')}
          </button>
        </p>
      ) : status.pending > 0 && status.retryAt !== undefined ? (
        <p role="status">
          {t('lrs.retrying', { time: time(status.retryAt) })}{' '}
          <button type="button" className="button" onClick={() => void link.outbox.flush()}>
            {t('lrs.sendNow')}
          </button>
        </p>
      ) : status.pending === 0 && status.loaded ? (
        <p>{t('lrs.allSent')}</p>
      ) : null}
      {status.rejected.length > 0 && (
        <table className="records-table">
          <caption>{t('lrs.rejectedTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('lrs.colStatement')}</th>
              <th scope="col">{t('lrs.colTime')}</th>
              <th scope="col">{t('lrs.colMessage')}</th>
            </tr>
          </thead>
          <tbody>
            {status.rejected.map((e) => (
              <tr key={e.id}>
                <th scope="row">
                  {verbName(e.statement, i18n.language)} <span className="hint">{objectId(e.statement)}</span>
                </th>
                <td>{time(e.queuedAt)}</td>
                <td>{e.message ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {link.cmi5 && (
        <p>
          <button type="button" className="button" disabled={exiting} onClick={() => void exit()}>
            {exiting ? t('lrs.exiting') : t('lrs.exit')}
          </button>
        </p>
      )}
    </section>
  );
}
