import { useId, useMemo, useState } from 'react';
import { departmentsOf, filterLearners, LEARNER_STATUSES, sortLearners, type LearnerFilter, type LearnerStatus, type ReportLearner, type SortKey } from '../../domain/training-report.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatDuration } from '../../ui/labels.ts';
import { formatCalendarDate, localCalendar } from '../../ui/local-calendar.ts';

const PAGE = 50;
const COLUMNS: SortKey[] = ['name', 'employeeId', 'department', 'status', 'score', 'time', 'completed', 'validUntil'];

/** The learners, sortable by any column and filtered by department, status and certificates expiring soon. */
export function LearnersTable({ learners }: { learners: readonly ReportLearner[] }) {
  const { t, i18n } = useTranslation();
  const uid = useId();
  const [sort, setSort] = useState<{ key: SortKey; direction: 'ascending' | 'descending' }>({ key: 'name', direction: 'ascending' });
  const [department, setDepartment] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<LearnerStatus | undefined>(undefined);
  const [expiring, setExpiring] = useState('');
  const [shown, setShown] = useState(PAGE);
  const [today] = useState(() => localCalendar.dateOf(Date.now()));
  const departments = useMemo(() => departmentsOf(learners), [learners]);
  const days = expiring.trim() === '' ? undefined : Number(expiring);
  const badDays = days !== undefined && !(Number.isInteger(days) && days >= 0);
  const within = days !== undefined && !badDays ? days : undefined;
  const rows = useMemo(() => {
    const filter: LearnerFilter = { ...(department !== undefined ? { department } : {}), ...(status ? { status } : {}), ...(within !== undefined ? { expiringWithinDays: within } : {}) };
    return sortLearners(filterLearners(learners, filter, today), sort.key, sort.direction, i18n.language);
  }, [learners, department, status, within, today, sort, i18n.language]);
  const date = (ms: number | undefined) => (ms === undefined ? '—' : formatCalendarDate(localCalendar.dateOf(ms), i18n.language));
  const toggle = (key: SortKey) => setSort((s) => ({ key, direction: s.key === key && s.direction === 'ascending' ? 'descending' : 'ascending' }));

  return (
    <section aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{t('trainer.table.title')}</h2>
      <div className="trainer-filters">
        <div>
          <label htmlFor={`${uid}-dept`}>{t('trainer.table.department')}</label>
          <select id={`${uid}-dept`} value={department ?? '*'} onChange={(e) => setDepartment(e.currentTarget.value === '*' ? undefined : e.currentTarget.value)}>
            <option value="*">{t('trainer.table.all')}</option>
            {departments.map((d) => <option key={d} value={d}>{d || t('trainer.table.noDepartment')}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor={`${uid}-status`}>{t('trainer.table.status')}</label>
          <select id={`${uid}-status`} value={status ?? '*'} onChange={(e) => setStatus(e.currentTarget.value === '*' ? undefined : (e.currentTarget.value as LearnerStatus))}>
            <option value="*">{t('trainer.table.all')}</option>
            {LEARNER_STATUSES.map((s) => <option key={s} value={s}>{t(`trainer.status.${s}`)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor={`${uid}-days`}>{t('trainer.table.expiring')}</label>
          <input id={`${uid}-days`} type="number" inputMode="numeric" min={0} step={1} value={expiring} aria-invalid={badDays} aria-describedby={badDays ? `${uid}-days-error` : undefined} onChange={(e) => setExpiring(e.currentTarget.value)} />
        </div>
        {badDays && <p id={`${uid}-days-error`} className="field-error">{t('trainer.table.badDays')}</p>}
      </div>
      <p role="status">{t('trainer.table.count', { n: rows.length, total: learners.length })}</p>
      <table className="report-table learners-report stack">
        <caption className="visually-hidden">{t('trainer.table.title')}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" aria-sort={sort.key === c ? sort.direction : undefined}>
                <button type="button" className="sort-button" onClick={() => toggle(c)}>
                  {t(`trainer.table.column.${c}`)}
                  <span aria-hidden="true">{sort.key === c ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, shown).map((l) => (
            <tr key={`${l.file}#${l.row ?? 0}`}>
              <th scope="row" data-label={t('trainer.table.column.name')}>{l.name || t('learner.unnamed')}</th>
              <td data-label={t('trainer.table.column.employeeId')}>{l.employeeId ?? '—'}</td>
              <td data-label={t('trainer.table.column.department')}>{l.department ?? '—'}</td>
              <td data-label={t('trainer.table.column.status')}>{t(`trainer.status.${l.status}`)}</td>
              <td data-label={t('trainer.table.column.score')}>{l.score === undefined ? '—' : `${Math.round(l.score)}%`}</td>
              <td data-label={t('trainer.table.column.time')}>{formatDuration(t, l.activeMs)}</td>
              <td data-label={t('trainer.table.column.completed')}>{date(l.completedAt)}</td>
              <td data-label={t('trainer.table.column.validUntil')}>
                {l.certificate ? formatCalendarDate(l.certificate.validUntil, i18n.language) : '—'}
                {l.certificate?.check === 'mismatch' && <strong className="cert-warning"> {t('trainer.table.certMismatch')}</strong>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown && (
        <button type="button" className="button" onClick={() => setShown((n) => n + PAGE)}>{t('trainer.table.more', { n: Math.min(PAGE, rows.length - shown) })}</button>
      )}
    </section>
  );
}
