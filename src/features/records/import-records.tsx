import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import type { ImportedLearner, ImportPlan, TransferError } from '../../domain/transfer.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../state/store.ts';
import { sha256Hex } from './digest.ts';

type Phase =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'error'; error: TransferError | { kind: 'unreadable' } }
  | { kind: 'conflict'; imported: ImportedLearner; plan: Extract<ImportPlan, { kind: 'conflict' }> };

type Done = { key: 'transfer.imported' | 'transfer.same' | 'transfer.kept'; name: string; date: string; repairs: number };

/**
 * Import of a transfer file made on another device: checked whole (JSON, type, version, course, digest) before
 * anything changes, applied whole through the store, and never over a newer copy on this device without asking.
 */
export function ImportRecords() {
  const { t, i18n } = useTranslation();
  const store = useAppStore();
  const inputId = useId();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [done, setDone] = useState<Done | undefined>();
  const askRef = useRef<HTMLParagraphElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (phase.kind === 'conflict') askRef.current?.focus();
  }, [phase.kind]);
  const when = (ms: number | string) => new Date(ms).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'zh-CN');
  const nameOf = (l: ImportedLearner) => l.learner.name || t('learner.unnamed');

  const apply = async (imported: ImportedLearner, key: Done['key'], asked = false) => {
    if (key === 'transfer.same') store.getState().switchLearner(imported.learner.id);
    else if (key === 'transfer.imported') await store.getState().importLearner(imported);
    setPhase({ kind: 'idle' });
    // the question is answered and leaves the page: focus goes back to where the learner started
    if (asked) inputRef.current?.focus();
    setDone({ key, name: nameOf(imported), date: when(imported.exportedAt), repairs: key === 'transfer.imported' ? imported.repairs.length : 0 });
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setDone(undefined);
    setPhase({ kind: 'checking' });
    let text: string;
    try {
      text = await file.text();
    } catch {
      setPhase({ kind: 'error', error: { kind: 'unreadable' } });
      return;
    } finally {
      // the same file can be chosen again after it is fixed
      input.value = '';
    }
    const { readTransfer, planImport } = await import('../../domain/transfer.ts');
    const read = await readTransfer(text, { manifest: store.course, sha256: sha256Hex });
    if (!read.ok) {
      setPhase({ kind: 'error', error: read.error });
      return;
    }
    const s = store.getState();
    const plan = planImport({ learners: s.learners, progress: s.progress, ...(s.removed ? { removed: s.removed } : {}) }, read.value);
    if (plan.kind === 'conflict') setPhase({ kind: 'conflict', imported: read.value, plan });
    else await apply(read.value, plan.kind === 'same' ? 'transfer.same' : 'transfer.imported');
  };

  const error = phase.kind === 'error' ? phase.error : undefined;
  return (
    <section aria-labelledby="rec-import" className="no-print">
      <h2 id="rec-import">{t('transfer.importHeading')}</h2>
      <p className="hint" id={`${inputId}-hint`}>{t('transfer.importHint')}</p>
      <p>
        <label htmlFor={inputId}>{t('transfer.importLabel')}</label>{' '}
        <input ref={inputRef} id={inputId} type="file" accept=".json,application/json" aria-describedby={`${inputId}-hint`} onChange={(e) => void onFile(e)} />
      </p>
      {phase.kind === 'conflict' && (
        <div className="confirm-box">
          <p ref={askRef} tabIndex={-1}>
            {t('transfer.conflict', { name: nameOf(phase.imported), local: when(phase.plan.localUpdatedAt), file: when(phase.plan.fileUpdatedAt) })}
          </p>
          <div className="row">
            <button type="button" className="button" onClick={() => void apply(phase.imported, 'transfer.imported', true)}>{t('transfer.conflictImport')}</button>
            <button type="button" className="button secondary" onClick={() => void apply(phase.imported, 'transfer.kept', true)}>{t('transfer.conflictKeep')}</button>
          </div>
        </div>
      )}
      <p role="alert" className="field-error">
        {error && (error.kind === 'other-course' ? t('transfer.error.other-course', { courseId: error.courseId }) : error.kind === 'newer-version' ? t('transfer.error.newer-version', { version: error.version }) : t(`transfer.error.${error.kind}`))}
      </p>
      <p role="status">
        {phase.kind === 'checking' && t('transfer.checking')}
        {done && (
          <>
            {t(done.key, { name: done.name, date: done.date })}
            {done.repairs > 0 && <> {t('transfer.repaired', { count: done.repairs })}</>}
          </>
        )}
      </p>
    </section>
  );
}
