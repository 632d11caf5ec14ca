import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// Notes, not landmarks: a chapter has many of them, often with the same name ("本节要点"), and landmarks must be
// few and uniquely named to be useful for navigation.

export function KeyPoints({ title, children }: { title?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="key-points" role="note" aria-label={title ?? t('reading.keyPoints')}>
      <p className="box-title">{title ?? t('reading.keyPoints')}</p>
      {children}
    </div>
  );
}

export type CalloutKind = 'tip' | 'warning' | 'rule' | 'example';

export function Callout({ kind, title, children }: { kind: CalloutKind; title?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const label = t(`reading.callout.${kind}`);
  return (
    <div className={`callout callout-${kind}`} role="note" aria-label={title ? `${label}：${title}` : label}>
      <p className="box-title">
        <span className="callout-kind">{label}</span>
        {title && <span>{title}</span>}
      </p>
      {children}
    </div>
  );
}
