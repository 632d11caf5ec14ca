/**
 * Tabs for parallel items (WAI-ARIA Authoring Practices, "Tabs with automatic activation"): one tab stop for the
 * tab list (roving tabindex), ←/→ move between tabs and wrap, Home/End go to the first/last, the focused tab is
 * shown at once; each tab names and controls its panel. Printed, every panel is shown under its title.
 */
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { childrenOfType } from './block-children.ts';
import './blocks.css';

export interface TabProps {
  title: string;
  children?: ReactNode;
}

/** One tab; rendered by its `<Tabs>`. */
export function Tab({ children }: TabProps) {
  return <>{children}</>;
}

export function Tabs({ title, children }: { title?: string; children?: ReactNode }) {
  const tabs = childrenOfType(children, Tab);
  const [selected, setSelected] = useState(0);
  const base = useId();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const current = Math.min(selected, Math.max(0, tabs.length - 1));

  const select = (i: number) => {
    setSelected(i);
    buttons.current[i]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const last = tabs.length - 1;
    const next = e.key === 'ArrowRight' ? (i === last ? 0 : i + 1)
      : e.key === 'ArrowLeft' ? (i === 0 ? last : i - 1)
      : e.key === 'Home' ? 0
      : e.key === 'End' ? last
      : undefined;
    if (next === undefined) return;
    e.preventDefault();
    select(next);
  };

  return (
    <div className="blocks-tabs">
      {title && <p className="blocks-title" id={`${base}-title`}>{title}</p>}
      <div className="blocks-tablist" role="tablist" aria-labelledby={title ? `${base}-title` : undefined}>
        {tabs.map((tab, i) => (
          <button
            key={i}
            ref={(el) => { buttons.current[i] = el; }}
            type="button"
            role="tab"
            id={`${base}-tab-${i}`}
            className="blocks-tab"
            aria-selected={i === current}
            aria-controls={`${base}-panel-${i}`}
            tabIndex={i === current ? 0 : -1}
            onClick={() => select(i)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {tab.props.title}
          </button>
        ))}
      </div>
      {tabs.map((tab, i) => (
        <div
          key={i}
          role="tabpanel"
          id={`${base}-panel-${i}`}
          className="blocks-tabpanel"
          aria-labelledby={`${base}-tab-${i}`}
          // APG tabs: the panel is the next Tab stop after the tab list, also when it holds no focusable content
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          hidden={i !== current}
        >
          <p className="blocks-print-title" aria-hidden="true">{tab.props.title}</p>
          {tab.props.children}
        </div>
      ))}
    </div>
  );
}
