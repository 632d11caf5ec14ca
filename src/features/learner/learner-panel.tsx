import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import course from 'virtual:course';
import { completionSummary } from '../../domain/completion-record.ts';
import { emptyProgress } from '../../domain/progress.ts';
import { useAppStore, useStore } from '../../state/store.ts';
import { formatDuration } from '../../ui/labels.ts';
import { PinPrompt, PinSettings } from './pin-forms.tsx';
import { ProfileForm } from './profile-form.tsx';

/** Learners on a shared device: who is learning, switching, adding, editing and deleting one's own data. */
export function LearnerPanel() {
  const { t } = useTranslation();
  const learners = useStore((s) => s.learners);
  const progress = useStore((s) => s.progress);
  const currentId = useStore((s) => s.currentLearnerId);
  const store = useAppStore();
  const { updateLearner, addLearner, switchLearner, deleteLearner } = store.getState();
  const [mode, setMode] = useState<'view' | 'edit' | 'add' | 'confirm-delete' | 'pin'>('view');
  // a learner with a PIN waiting to be switched to
  const [unlocking, setUnlocking] = useState<string>();
  const [status, setStatus] = useState<'' | 'learner.deleted' | 'learner.pinSaved' | 'learner.pinRemoved'>(''); // a key: follows a change of language
  const confirmRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (mode === 'confirm-delete') confirmRef.current?.focus();
  }, [mode]);
  const current = currentId ? learners[currentId] : undefined;
  const list = Object.values(learners).sort((a, b) => a.createdAt - b.createdAt);
  const nameOf = (n: string) => n || t('learner.unnamed');

  return (
    <section className="learner-panel" aria-labelledby="learner-heading">
      <h2 id="learner-heading">{t('learner.heading')}</h2>
      <p className="hint">{t('learner.privacy')}</p>
      {current && mode === 'view' && (
        <div className="row">
          <p className="current-learner">
            {t('learner.current', { name: nameOf(current.name) })}
            {current.employeeId && <> · {current.employeeId}</>}
            {current.department && <> · {current.department}</>}
          </p>
          <button type="button" className="button secondary" onClick={() => setMode('edit')}>{t('learner.edit')}</button>
          <button type="button" className="button secondary" onClick={() => setMode('add')}>{t('learner.add')}</button>
          <button type="button" className="button secondary" onClick={() => setMode('pin')}>{current.pin ? t('learner.pinChange') : t('learner.pinSet')}</button>
          <button type="button" className="button danger" onClick={() => setMode('confirm-delete')}>{t('learner.delete')}</button>
        </div>
      )}
      {current && mode === 'pin' && (
        <PinSettings learner={current} onCancel={() => setMode('view')} onSave={(pin) => {
          updateLearner(current.id, { pin });
          setMode('view');
          setStatus(pin ? 'learner.pinSaved' : 'learner.pinRemoved');
        }} />
      )}
      {current && mode === 'edit' && (
        <ProfileForm initial={current} onCancel={() => setMode('view')} onSave={(f) => {
          updateLearner(current.id, { name: f.name, employeeId: f.employeeId, department: f.department });
          setMode('view');
        }} />
      )}
      {mode === 'add' && (
        <>
          <h3>{t('learner.addHeading')}</h3>
          <ProfileForm onCancel={() => setMode('view')} submitLabel={t('learner.add')} onSave={(f) => {
            addLearner(f);
            setMode('view');
          }} />
        </>
      )}
      {current && mode === 'confirm-delete' && (
        <div className="confirm-box">
          <p ref={confirmRef} tabIndex={-1}>{t('learner.confirmDelete', { name: nameOf(current.name) })}</p>
          {(() => {
            const remove = () => {
              deleteLearner(current.id);
              store.getState().ensureLearner();
              setMode('view');
              setStatus('learner.deleted');
            };
            // a learner with a PIN: deleting their data asks for it
            return current.pin ? (
              <PinPrompt learner={current} label={t('learner.pinFor', { name: nameOf(current.name) })} confirmLabel={t('learner.confirm')} danger onConfirm={remove} onCancel={() => setMode('view')} />
            ) : (
              <div className="row">
                <button type="button" className="button danger" onClick={remove}>{t('learner.confirm')}</button>
                <button type="button" className="button secondary" onClick={() => setMode('view')}>{t('learner.cancel')}</button>
              </div>
            );
          })()}
        </div>
      )}
      {unlocking && learners[unlocking] && (
        <div className="confirm-box">
          <PinPrompt learner={learners[unlocking]!} label={t('learner.pinFor', { name: nameOf(learners[unlocking]!.name) })} confirmLabel={t('learner.pinOpen')} onCancel={() => setUnlocking(undefined)} onConfirm={() => {
            switchLearner(unlocking);
            setUnlocking(undefined);
            setMode('view');
          }} />
        </div>
      )}
      <p role="status" className="hint">{status && t(status)}</p>
      {list.length > 0 && (
        <table className="learners-table stack">
          <caption>{t('learner.progressTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('learner.colName')}</th>
              <th scope="col">{t('learner.colChapters')}</th>
              <th scope="col">{t('learner.colTime')}</th>
              <th scope="col">{t('learner.colScore')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((l) => {
              // the completion record's own summary: the list and the records page never disagree
              const s = completionSummary(course, progress[l.id] ?? emptyProgress(course.version));
              return (
                <tr key={l.id}>
                  <th scope="row">
                    {l.id === currentId ? (
                      <>{l.name ? <span lang="">{l.name}</span> : nameOf(l.name)} {t('learner.you')}</>
                    ) : (
                      <button type="button" className="link-button" aria-expanded={l.pin ? unlocking === l.id : undefined} onClick={() => (l.pin ? setUnlocking(unlocking === l.id ? undefined : l.id) : switchLearner(l.id))}>{t('learner.switchTo', { name: nameOf(l.name) })}</button>
                    )}
                  </th>
                  <td data-label={t('learner.colChapters')} className="keep">{s.chaptersCompleted}/{s.chapters}</td>
                  <td data-label={t('learner.colTime')} className="keep">{formatDuration(t, s.totalActiveMs)}</td>
                  <td data-label={t('learner.colScore')} className="keep">{s.score ? `${Math.round(s.score.percent)}%` : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
