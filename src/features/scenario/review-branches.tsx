import type { ScenarioData } from '../../domain/course.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { COURSE_LANG } from '../../ui/course-lang.ts';

/** Review mode: every step and option of the scenario, each option's score and where it leads, with the ids. */
export function ScenarioReviewBranches({ scenario: s }: { scenario: ScenarioData }) {
  const { t } = useTranslation();
  const outcomes = new Map(s.outcomes.map((o) => [o.id, o]));
  return (
    <aside className="review-key" aria-label={t('trainer.review.scenarioBranches', { id: s.id })}>
      <p className="review-title">{t('trainer.review.label')} · <code>{s.id}</code> · {t('trainer.review.maxScore', { max: s.maxScore })}</p>
      <ol>
        {s.steps.map((step) => (
          <li key={step.id}>
            <p><code>{step.id}</code>{step.id === s.start ? ` · ${t('trainer.review.start')}` : ''}</p>
            <p lang={COURSE_LANG}>{step.text.join(' ')}</p>
            <ul>
              {step.options.map((o) => {
                const end = outcomes.get(o.to);
                return (
                  <li key={o.id}>
                    <code>{o.id}</code> <span lang={COURSE_LANG}>{o.text}</span> · {t('trainer.review.optionScore', { score: o.score })} →{' '}
                    {end ? (
                      <>{t('trainer.review.outcome')} <code>{end.id}</code> <span lang={COURSE_LANG}>{end.title}</span> ({t(`scenario.rating.${end.rating}`)})</>
                    ) : (
                      <>{t('trainer.review.step')} <code>{o.to}</code></>
                    )}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ol>
    </aside>
  );
}
