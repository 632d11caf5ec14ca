/**
 * A process in numbered steps, shown one at a time (previous / next, with the position announced) or all at once;
 * the learner can switch between the two. The steps are one ordered list either way, so a screen reader hears
 * "list, n items" and each step's number. Printed, every step is shown.
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import { childrenOfType } from './block-children.ts';
import './blocks.css';
import { COURSE_LANG } from '../../ui/course-lang.ts';

export interface StepProps {
  title: string;
  children?: ReactNode;
}

/** One step; rendered by its `<Steps>`. */
export function Step({ children }: StepProps) {
  return <>{children}</>;
}

export function Steps({ title, mode = 'one', children }: { title?: string; mode?: 'one' | 'all'; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const steps = childrenOfType(children, Step);
  const base = useId();
  const [all, setAll] = useState(mode === 'all');
  const [current, setCurrent] = useState(0);
  const titles = useRef<(HTMLElement | null)[]>([]);
  const total = steps.length;
  const at = Math.min(current, Math.max(0, total - 1));

  const go = (i: number) => {
    setCurrent(i);
    // at either end the button that was pressed turns inactive: the focus goes to the step shown instead
    if (i === 0 || i === total - 1) requestAnimationFrame(() => titles.current[i]?.focus());
  };

  return (
    <div className="blocks-steps" data-mode={all ? 'all' : 'one'}>
      {title && <p className="blocks-title" id={`${base}-title`}>{title}</p>}
      <ol className="blocks-steps-list" aria-labelledby={title ? `${base}-title` : undefined}>
        {steps.map((step, i) => (
          <li key={i} className="blocks-step" hidden={!all && i !== at} aria-current={!all && i === at ? 'step' : undefined}>
            <p className="blocks-step-title" tabIndex={-1} ref={(el) => { titles.current[i] = el; }}>
              <span className="blocks-step-number" aria-hidden="true">{i + 1}</span>
              <span>{step.props.title}</span>
            </p>
            <div className="blocks-step-body">{step.props.children}</div>
          </li>
        ))}
      </ol>
      <div className="blocks-steps-nav no-print" lang={i18n.language}>
        {!all && (
          <>
            <button type="button" className="button secondary" disabled={at === 0} onClick={() => go(at - 1)}>
              {t('blocks.steps.previous')}
            </button>
            <span className="blocks-steps-position" aria-live="polite">
              {/* a live region announces changes only: the position is heard after a move, not on load */}
              {t('blocks.steps.position', { n: at + 1, total })}
              <span className="visually-hidden" lang={COURSE_LANG}>{steps[at]?.props.title}</span>
            </span>
            <button type="button" className="button primary" disabled={at === total - 1} onClick={() => go(at + 1)}>
              {t('blocks.steps.next')}
            </button>
          </>
        )}
        <button type="button" className="link-button blocks-steps-toggle" aria-pressed={all} onClick={() => setAll(!all)}>
          {t('blocks.steps.showAll')}
        </button>
      </div>
    </div>
  );
}
