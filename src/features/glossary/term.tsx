import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from '../../ui/router.tsx';
import glossary from 'virtual:glossary';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { GlossaryEntry } from './glossary-types.ts';
import './glossary.css';

const byId = new Map(glossary.map((g) => [g.id, g]));

/**
 * A glossary term in the course text (`<Term id>`; the build links each term's first use in a chapter). A
 * disclosure: the button (Enter, Space or click) shows the definition beside the text, with a link to the glossary
 * page; Escape closes it and returns the focus to the button, and so does a click anywhere else (without moving
 * the focus).
 */
export function Term({ id, children }: { id: string; children?: ReactNode }) {
  const entry = byId.get(id);
  if (!entry) return <>{children}</>;
  return <TermDisclosure entry={entry}>{children}</TermDisclosure>;
}

function TermDisclosure({ entry, children }: { entry: GlossaryEntry; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLSpanElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLSpanElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const escape = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      const inside = root.current?.contains(document.activeElement);
      setOpen(false);
      // the focus goes back to the term, unless the reader has moved on
      if (inside || document.activeElement === document.body) trigger.current?.focus();
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);

  // keep the panel inside the viewport (a term near the right edge of a 360 px screen)
  useLayoutEffect(() => {
    const el = panel.current;
    if (!open || !el) return;
    el.style.transform = '';
    const margin = 8;
    const rect = el.getBoundingClientRect();
    const over = rect.right - (document.documentElement.clientWidth - margin);
    if (over > 0) el.style.transform = `translateX(${-Math.max(0, Math.min(over, rect.left - margin))}px)`;
  }, [open]);

  return (
    <span className="term" ref={root}>
      <button ref={trigger} type="button" className="term-trigger" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        {children}
      </button>
      <span
        ref={panel}
        id={panelId}
        className="term-panel"
        role="group"
        aria-label={t('glossary.definitionOf', { term: entry.term })}
        hidden={!open}
      >
        <strong className="term-name">{entry.term}</strong>
        <span className="term-definition">{entry.definition}</span>
        <Link className="term-link" to={`/glossary/${entry.id}`}>
          <span lang={i18n.language}>{t('glossary.open')}</span>
        </Link>
      </span>
    </span>
  );
}
