import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import { validateProfile, type LearnerProfile } from '../../domain/learner.ts';

type Fields = Pick<LearnerProfile, 'name' | 'employeeId' | 'department'>;

/** Name (required), employee id and department (optional): all we ask of a learner. */
export function ProfileForm({ initial, onSave, onCancel, submitLabel }: { initial?: Fields; onSave(f: Fields): void; onCancel?(): void; submitLabel?: string }) {
  const { t } = useTranslation();
  const uid = useId();
  const [name, setName] = useState(initial?.name ?? '');
  const [employeeId, setEmployeeId] = useState(initial?.employeeId ?? '');
  const [department, setDepartment] = useState(initial?.department ?? '');
  // kept as a key, translated when shown: it follows a change of interface language
  const [error, setError] = useState<'' | 'learner.nameRequired' | 'learner.nameTooLong'>('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = validateProfile({ name });
    if (!v.ok) {
      setError(v.reason === 'required' ? 'learner.nameRequired' : 'learner.nameTooLong');
      document.getElementById(`${uid}-name`)?.focus();
      return;
    }
    setError('');
    onSave({ name: name.trim(), ...(employeeId.trim() ? { employeeId: employeeId.trim() } : {}), ...(department.trim() ? { department: department.trim() } : {}) });
  };
  return (
    <form className="profile-form" onSubmit={submit} noValidate>
      <label htmlFor={`${uid}-name`}>{t('learner.name')}</label>
      <input id={`${uid}-name`} autoComplete="name" value={name} aria-invalid={!!error} aria-describedby={`${uid}-err`} onChange={(e) => setName(e.target.value)} />
      <span id={`${uid}-err`} className="field-error" role="alert">{error && t(error)}</span>
      <label htmlFor={`${uid}-emp`}>{t('learner.employeeId')}</label>
      <input id={`${uid}-emp`} value={employeeId} maxLength={40} onChange={(e) => setEmployeeId(e.target.value)} />
      <label htmlFor={`${uid}-dept`}>{t('learner.department')}</label>
      <input id={`${uid}-dept`} value={department} maxLength={60} onChange={(e) => setDepartment(e.target.value)} />
      <div className="row">
        <button type="submit" className="button primary">{submitLabel ?? t('learner.save')}</button>
        {onCancel && <button type="button" className="button secondary" onClick={onCancel}>{t('learner.cancel')}</button>}
      </div>
    </form>
  );
}
