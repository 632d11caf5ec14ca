import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { LearnerProfile } from '../../domain/learner.ts';
import { PIN_PATTERN, pinMatches, pinRecord } from '../../domain/pin.ts';

const newSalt = () => Array.from(globalThis.crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');

/** A PIN field: digits on a phone's number pad, never shown, never suggested by the browser. */
function PinInput({ id, value, onChange, invalid, describedBy }: { id: string; value: string; onChange(v: string): void; invalid?: boolean; describedBy?: string }) {
  return <input id={id} type="password" inputMode="numeric" autoComplete="off" value={value} aria-invalid={invalid || undefined} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value.trim())} />;
}

/** Setting, changing or removing the current learner's PIN; the current PIN is asked for first when there is one. */
export function PinSettings({ learner, onSave, onCancel }: { learner: LearnerProfile; onSave(pin: LearnerProfile['pin'] | undefined): void; onCancel(): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const [current, setCurrent] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<'' | 'learner.pinWrong' | 'learner.pinFormat' | 'learner.pinMismatch'>('');
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const check = () => {
    if (learner.pin && !pinMatches(learner, current)) return 'learner.pinWrong' as const;
    return '';
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    const problem = check() || (!PIN_PATTERN.test(pin) ? 'learner.pinFormat' : pin !== again ? 'learner.pinMismatch' : '');
    setError(problem);
    if (!problem) onSave(pinRecord(pin, newSalt()));
  };
  const remove = () => {
    const problem = check();
    setError(problem);
    if (!problem) onSave(undefined);
  };
  return (
    <form className="pin-form" onSubmit={save} noValidate aria-labelledby={`${uid}-h`}>
      <h3 id={`${uid}-h`}>{learner.pin ? t('learner.pinChange') : t('learner.pinSet')}</h3>
      <p className="hint" id={`${uid}-note`}>{t('learner.pinNote')}</p>
      {learner.pin && (
        <>
          <label htmlFor={`${uid}-cur`}>{t('learner.pinCurrent')}</label>
          <input ref={first} id={`${uid}-cur`} type="password" inputMode="numeric" autoComplete="off" value={current} onChange={(e) => setCurrent(e.target.value.trim())} aria-invalid={error === 'learner.pinWrong' || undefined} aria-describedby={`${uid}-err`} />
        </>
      )}
      <label htmlFor={`${uid}-new`}>{t('learner.pinNew')}</label>
      {learner.pin ? (
        <PinInput id={`${uid}-new`} value={pin} onChange={setPin} invalid={error === 'learner.pinFormat'} describedBy={`${uid}-err ${uid}-note`} />
      ) : (
        <input ref={first} id={`${uid}-new`} type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value.trim())} aria-invalid={error === 'learner.pinFormat' || undefined} aria-describedby={`${uid}-err ${uid}-note`} />
      )}
      <label htmlFor={`${uid}-again`}>{t('learner.pinAgain')}</label>
      <PinInput id={`${uid}-again`} value={again} onChange={setAgain} invalid={error === 'learner.pinMismatch'} describedBy={`${uid}-err`} />
      <p id={`${uid}-err`} className="field-error" role="alert">{error && t(error)}</p>
      <div className="row">
        <button type="submit" className="button">{t('learner.pinSave')}</button>
        {learner.pin && <button type="button" className="button secondary" onClick={remove}>{t('learner.pinRemove')}</button>}
        <button type="button" className="button secondary" onClick={onCancel}>{t('learner.cancel')}</button>
      </div>
    </form>
  );
}

/** Asks for a learner's PIN before an action (switching to them, deleting their data). */
export function PinPrompt({ learner, label, confirmLabel, danger, onConfirm, onCancel }: { learner: LearnerProfile; label: string; confirmLabel: string; danger?: boolean; onConfirm(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const [pin, setPin] = useState('');
  const [wrong, setWrong] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (pinMatches(learner, pin)) onConfirm();
    else {
      setWrong(true);
      ref.current?.focus();
    }
  };
  return (
    <form className="pin-form" onSubmit={submit} noValidate>
      <label htmlFor={`${uid}-pin`}>{label}</label>
      <input ref={ref} id={`${uid}-pin`} type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value.trim())} aria-invalid={wrong || undefined} aria-describedby={`${uid}-err`} />
      <p id={`${uid}-err`} className="field-error" role="alert">{wrong ? t('learner.pinWrong') : ''}</p>
      <div className="row">
        <button type="submit" className={danger ? 'button danger' : 'button'}>{confirmLabel}</button>
        <button type="button" className="button secondary" onClick={onCancel}>{t('learner.cancel')}</button>
      </div>
    </form>
  );
}
