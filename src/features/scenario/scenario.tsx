import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import { chooseOption, restartScenario } from '../../domain/progress-updates.ts';
import { replay } from '../../domain/scenario.ts';
import { currentProgress, useStore } from '../../state/store.ts';
import { useChapter } from '../../ui/chapter-context.ts';
import { useReviewMode } from '../../ui/review-mode.ts';
import { ScenarioReviewBranches } from './review-branches.tsx';
import { COURSE_LANG } from '../../ui/course-lang.ts';

/** A branching case study: the learner's path is replayed from stored choices, so a reload resumes mid-way. */
export function Scenario({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { interactive } = useChapter();
  const s = interactive.scenarios.find((x) => x.id === id);
  const state = useStore((st) => currentProgress(st).scenarios[id]);
  const updateProgress = useStore((st) => st.updateProgress);
  const review = useReviewMode();
  const stepHeading = useRef<HTMLHeadingElement>(null);
  // after a choice the next step replaces the buttons: move focus to its heading so keyboard users stay in place
  const [moves, setMoves] = useState(0);
  useEffect(() => {
    if (moves > 0) stepHeading.current?.focus();
  }, [moves]);
  if (!s) return null;
  const choices = state?.latest.choices ?? [];
  const walk = replay(s, choices);
  const steps = new Map(s.steps.map((x) => [x.id, x]));
  const lastChoice = walk.valid.at(-1);
  const lastOption = lastChoice ? steps.get(lastChoice.step)?.options.find((o) => o.id === lastChoice.option) : undefined;
  const focusNext = () => setMoves((n) => n + 1);

  return (
    // interface text in the interface's language; the course text in it is marked zh-CN
    <section className="scenario" aria-labelledby={`scn-${id}`} lang={i18n.language}>
      <header>
        <p className="eyebrow">{t('scenario.label')}</p>
        <h3 id={`scn-${id}`} lang={COURSE_LANG}>{s.title}</h3>
      </header>
      {review && <ScenarioReviewBranches scenario={s} />}
      {walk.valid.length > 0 && (
        <details className="scenario-path">
          <summary>{t('scenario.yourPathCount', { count: walk.valid.length })}</summary>
          <ol lang={COURSE_LANG}>
            {walk.valid.map((c) => (
              <li key={c.step}>{steps.get(c.step)?.options.find((o) => o.id === c.option)?.text}</li>
            ))}
          </ol>
        </details>
      )}
      <div aria-live="polite" className="scenario-feedback">
        {lastOption?.feedback && (
          <p className="feedback-box"><strong>{t('app.labelled', { label: t('scenario.feedback') })}</strong><span lang={COURSE_LANG}>{lastOption.feedback}</span></p>
        )}
      </div>
      {walk.current.kind === 'step' ? (
        (() => {
          const step = steps.get(walk.current.id)!;
          return (
            <div className="scenario-step">
              <h4 ref={stepHeading} tabIndex={-1} className="step-heading">{t('scenario.decision', { n: walk.valid.length + 1 })}</h4>
              {step.text.map((p, i) => <p key={i} lang={COURSE_LANG}>{p}</p>)}
              <p className="step-question" id={`scn-${id}-q`}>{t('scenario.choose')}</p>
              <ul className="options" aria-labelledby={`scn-${id}-q`} lang={COURSE_LANG}>
                {step.options.map((o) => (
                  <li key={o.id}>
                    <button
                      type="button"
                      className="option-button"
                      onClick={() => {
                        updateProgress((p, now) => chooseOption(p, s, { step: step.id, option: o.id }, now));
                        focusNext();
                      }}
                    >
                      {o.text}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          );
        })()
      ) : (
        <div className={`scenario-outcome rating-${walk.current.outcome.rating}`}>
          <h4 ref={stepHeading} tabIndex={-1} className="step-heading">
            <span>{t('app.labelled', { label: t('scenario.outcome') })}<span lang={COURSE_LANG}>{walk.current.outcome.title}</span></span>
            <span className={`badge ${walk.current.outcome.rating}`}>{t(`scenario.rating.${walk.current.outcome.rating}`)}</span>
          </h4>
          {walk.current.outcome.text.map((p, i) => <p key={i} lang={COURSE_LANG}>{p}</p>)}
          <p className="scenario-score">
            {t('scenario.score', { score: walk.score, max: s.maxScore })}
            {state?.best && <> · {t('scenario.best', { score: state.best.score, max: s.maxScore })}</>}
          </p>
          <button
            type="button"
            className="button"
            onClick={() => {
              updateProgress((p) => restartScenario(p, s.id));
              focusNext();
            }}
          >
            {t('scenario.restart')}
          </button>
        </div>
      )}
    </section>
  );
}
