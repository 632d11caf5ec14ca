import type { RiskMatrixData } from '../../domain/course.ts';
import { riskGrade } from '../../domain/risk.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { COURSE_LANG } from '../../ui/course-lang.ts';

/** Review mode: the trainer's rating of each risk, with the ids. */
export function RiskMatrixReviewRatings({ matrix: m }: { matrix: RiskMatrixData }) {
  const { t } = useTranslation();
  return (
    <aside className="review-key" aria-label={t('trainer.review.matrixRatings', { id: m.id })}>
      <p className="review-title">{t('trainer.review.label')} · <code>{m.id}</code></p>
      <ul>
        {m.risks.map((r) => (
          <li key={r.id}>
            <code>{r.id}</code> <span lang={COURSE_LANG}>{r.text}</span> ·{' '}
            {t('trainer.review.rating', { likelihood: r.likelihood, impact: r.impact, level: t(`matrix.grade.${riskGrade(r.likelihood, r.impact)}`) })}
          </li>
        ))}
      </ul>
    </aside>
  );
}
