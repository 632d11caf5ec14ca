/**
 * An accordion (WAI-ARIA Authoring Practices, "Accordion"): each item's title is a button inside a heading, with
 * aria-expanded and aria-controls; items open and close independently. Panels are regions labelled by their button
 * while there are at most six (more regions would crowd the landmarks). Printed, every panel is open.
 */
import { useId, useState, type ReactNode } from 'react';
import { childrenOfType } from './block-children.ts';
import './blocks.css';

export interface ItemProps {
  title: string;
  /** open when the chapter is first shown */
  open?: boolean;
  children?: ReactNode;
}

/** One accordion item; rendered by its `<Accordion>`. */
export function Item({ children }: ItemProps) {
  return <>{children}</>;
}

type Level = 2 | 3 | 4 | 5 | 6;

export function Accordion({ level = 3, children }: { level?: Level; children?: ReactNode }) {
  const items = childrenOfType(children, Item);
  const base = useId();
  const [open, setOpen] = useState<boolean[]>(() => items.map((it) => it.props.open === true));
  const Heading = `h${level}` as const;
  const regions = items.length <= 6;
  return (
    <div className="blocks-accordion">
      {items.map((item, i) => {
        const expanded = open[i] ?? false;
        return (
          <div key={i} className="blocks-accordion-item" data-open={expanded ? 'yes' : 'no'}>
            <Heading className="blocks-accordion-heading">
              <button
                type="button"
                id={`${base}-button-${i}`}
                className="blocks-accordion-button"
                aria-expanded={expanded}
                aria-controls={`${base}-panel-${i}`}
                onClick={() => setOpen((o) => items.map((_, j) => (j === i ? !expanded : (o[j] ?? false))))}
              >
                <span className="blocks-accordion-title">{item.props.title}</span>
                <span className="blocks-accordion-icon" aria-hidden="true" />
              </button>
            </Heading>
            <div
              id={`${base}-panel-${i}`}
              className="blocks-accordion-panel"
              role={regions ? 'region' : undefined}
              aria-labelledby={regions ? `${base}-button-${i}` : undefined}
              hidden={!expanded}
            >
              {item.props.children}
            </div>
          </div>
        );
      })}
    </div>
  );
}
