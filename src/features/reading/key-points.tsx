import { useId, type ReactNode } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';

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

export function Callout({ kind, title, children }: { kind: CalloutKind; title?: string; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const label = t(`reading.callout.${kind}`);
  return (
    <div className={`callout callout-${kind}`} role="note" aria-labelledby={id}>
      <p className="box-title" id={id}>
        <span className="callout-kind" lang={i18n.language}>{label}</span>
        {title && <span>{title}</span>}
      </p>
      {children}
    </div>
  );
}
