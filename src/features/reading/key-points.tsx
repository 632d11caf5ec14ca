import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import { currentProgress, useStore } from '../../state/store.ts';
import { useChapter } from '../../ui/chapter-context.ts';

// Notes, not landmarks: a chapter has many of them, often with the same name ("本节要点"), and landmarks must be
// few and uniquely named to be useful for navigation. Their titles are course text (the chapter's language) or,
// by default, interface text: named by the title element, the name keeps the title's language.
export function KeyPoints({ title, children }: { title?: string; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="key-points" role="note" aria-labelledby={id}>
      <p className="box-title" id={id} lang={title ? undefined : i18n.language}>{title ?? t('reading.keyPoints')}</p>
      {children}
    </div>
  );
}

export type CalloutKind = 'tip' | 'warning' | 'rule' | 'example';

/**
 * A note. With `revealAfter` (a risk matrix of the chapter), its text is a reference answer: kept back until the
 * learner has placed every risk of that matrix, so it is read after the learner's own grading, not instead of it;
 * the learner may still open it earlier.
 */
export function Callout({ kind, title, revealAfter, children }: { kind: CalloutKind; title?: string; revealAfter?: string; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const label = t(`reading.callout.${kind}`);
  const { interactive } = useChapter();
  const matrix = revealAfter ? interactive.matrices.find((m) => m.id === revealAfter) : undefined;
  const done = useStore((s) => !matrix || matrix.risks.every((r) => currentProgress(s).matrices[matrix.id]?.[r.id]));
  const [opened, setOpened] = useState(false);
  const shown = done || opened;
  return (
    <div className={`callout callout-${kind}`} role="note" aria-labelledby={id}>
      <p className="box-title" id={id}>
        <span className="callout-kind" lang={i18n.language}>{label}</span>
        {title && <span>{title}</span>}
      </p>
      {shown ? children : (
        <p className="callout-held" lang={i18n.language}>
          {t('reading.heldBack')}{' '}
          <button type="button" className="link-button" onClick={() => setOpened(true)}>{t('reading.showAnyway')}</button>
        </p>
      )}
    </div>
  );
}
