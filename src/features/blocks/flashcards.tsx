/**
 * Flashcards: a term on the front, its explanation on the back. A card is a disclosure button (aria-expanded) that
 * flips by click, Enter or Space; one polite live region per deck, present from the start, says which side is now
 * showing and reads the explanation, since a visual flip is otherwise silent. Printed, every back is shown.
 */
import { useId, useState, type ReactNode } from 'react';
import glossary from 'virtual:glossary';
import { useTranslation } from '../../i18n/use-translation.ts';
import { childrenOfType, plainText } from './block-children.ts';
import './blocks.css';

export interface CardProps {
  term?: string;
  /** a term id from content/glossary.yaml: the card shows that term and its definition */
  glossary?: string;
  children?: ReactNode;
}

/** A card's term and back, from its own props or from the glossary term it names. */
function sides(card: CardProps): { term: string; back: ReactNode } {
  const entry = card.glossary ? glossary.find((g) => g.id === card.glossary) : undefined;
  return { term: card.term ?? entry?.term ?? '', back: card.children ?? entry?.definition };
}

/** One card; rendered by its `<Flashcards>`. */
export function Card({ children }: CardProps) {
  return <>{children}</>;
}

export function Flashcards({ title, children }: { title?: string; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const cards = childrenOfType(children, Card).map((c) => sides(c.props));
  const base = useId();
  const [flipped, setFlipped] = useState<boolean[]>(() => cards.map(() => false));
  const [announcement, setAnnouncement] = useState('');

  const flip = (i: number) => {
    const card = cards[i]!;
    const back = !(flipped[i] ?? false);
    setFlipped((f) => cards.map((_, j) => (j === i ? back : (f[j] ?? false))));
    setAnnouncement(back
      ? t('blocks.cards.showingBack', { term: card.term, text: plainText(card.back).trim() })
      : t('blocks.cards.showingFront', { term: card.term }));
  };

  return (
    <div className="blocks-cards">
      {title && <p className="blocks-title" id={`${base}-title`}>{title}</p>}
      <p className="blocks-cards-hint hint no-print" id={`${base}-hint`} lang={i18n.language}>{t('blocks.cards.hint')}</p>
      <ul className="blocks-cards-list" aria-labelledby={title ? `${base}-title` : undefined}>
        {cards.map((card, i) => {
          const back = flipped[i] ?? false;
          return (
            <li key={i} className="blocks-card" data-side={back ? 'back' : 'front'}>
              <button
                type="button"
                className="blocks-card-button"
                aria-expanded={back}
                aria-controls={`${base}-back-${i}`}
                aria-describedby={`${base}-hint`}
                onClick={() => flip(i)}
              >
                <span className="blocks-card-term">{card.term}</span>
                <span className="blocks-card-side no-print" lang={i18n.language}>{back ? t('blocks.cards.back') : t('blocks.cards.front')}</span>
              </button>
              <div className="blocks-card-back" id={`${base}-back-${i}`} hidden={!back}>
                {card.back}
              </div>
            </li>
          );
        })}
      </ul>
      <p className="visually-hidden" aria-live="polite" lang={i18n.language}>{announcement}</p>
    </div>
  );
}
