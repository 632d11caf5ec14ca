import type { Requirement } from '../domain/requirements.ts';
import { useTranslation } from '../i18n/use-translation.ts';

/** What the certificate needs and how far the learner is: "已完成 3/11 章", "情景案例 2/13", "结业考核：未通过". */
export function RequirementsList({ requirements, headingId }: { requirements: Requirement[]; headingId: string }) {
  const { t } = useTranslation();
  return (
    <ul className="requirements" aria-labelledby={headingId}>
      {requirements.map((r) => (
        <li key={r.id} className={r.met ? 'met' : 'unmet'}>
          <span className="req-mark" aria-hidden="true">{r.met ? '✓' : '○'}</span> {t(`requirements.${r.id}`, { done: r.done, total: r.total })}
          <span className="visually-hidden"> · {r.met ? t('requirements.met') : t('requirements.unmet')}</span>
        </li>
      ))}
    </ul>
  );
}
