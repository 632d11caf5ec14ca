import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function KeyPoints({ title, children }: { title?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <aside className="key-points" aria-label={title ?? t('reading.keyPoints')}>
      <p className="box-title">{title ?? t('reading.keyPoints')}</p>
      {children}
    </aside>
  );
}

export type CalloutKind = 'tip' | 'warning' | 'rule' | 'example';

export function Callout({ kind, title, children }: { kind: CalloutKind; title?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const label = t(`reading.callout.${kind}`);
  return (
    <aside className={`callout callout-${kind}`} aria-label={title ? `${label}：${title}` : label}>
      <p className="box-title">
        <span className="callout-kind">{label}</span>
        {title && <span>{title}</span>}
      </p>
      {children}
    </aside>
  );
}
