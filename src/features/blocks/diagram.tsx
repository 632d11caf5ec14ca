/**
 * A diagram authored as data: `<Diagram kind title>` with `<Node label note>` children, drawn by the player as
 * inline SVG (no image file to keep in sync). The picture is hidden from assistive technology; its text
 * alternative is generated from the same nodes: a sentence saying what kind of diagram it is and a list of the
 * nodes in order, visible as a legend when the nodes carry explanations. The SVG comes in a wide and a narrow
 * drawing; a container query picks the one that fits, so the text never shrinks below a readable size.
 */
import { useId, type ReactNode } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import { childrenOfType } from './block-children.ts';
import { blockHeight, layoutDiagram, type DiagramKind, type DiagramWidth, type Layout, type Shape, type TextBlock } from './diagram-layout.ts';
import './blocks.css';

export interface NodeProps {
  label: string;
  note?: string;
  children?: ReactNode;
}

/** One node of a diagram; rendered by its `<Diagram>`. */
export function Node({ label, note, children }: NodeProps) {
  return <>{label}{note ? `（${note}）` : ''}{children}</>;
}

function Lines({ text, font }: { text: TextBlock; font: number }) {
  const lineH = font * 1.3;
  const noteH = font * 0.82 * 1.3;
  let y = text.y - blockHeight(text, font) / 2;
  const out: ReactNode[] = [];
  text.label.forEach((l, i) => {
    out.push(<tspan key={`l${i}`} x={text.x} y={Math.round((y + lineH / 2) * 10) / 10} className="blocks-diagram-label">{l}</tspan>);
    y += lineH;
  });
  text.note.forEach((l, i) => {
    out.push(<tspan key={`n${i}`} x={text.x} y={Math.round((y + noteH / 2) * 10) / 10} className="blocks-diagram-note">{l}</tspan>);
    y += noteH;
  });
  return <text textAnchor="middle" dominantBaseline="central" fontSize={font}>{out}</text>;
}

function ShapeView({ shape, font }: { shape: Shape; font: number }) {
  const fill = shape.fill < 0 ? 'blocks-fill-center' : `blocks-fill-${shape.fill % 6}`;
  return (
    <g className={fill}>
      {shape.type === 'circle' && <circle cx={shape.cx} cy={shape.cy} r={shape.r} />}
      {shape.type === 'rect' && <rect x={shape.x} y={shape.y} width={shape.w} height={shape.h} rx={8} />}
      {shape.type === 'polygon' && <polygon points={shape.points.map((p) => p.join(',')).join(' ')} />}
      <Lines text={shape.text} font={font} />
    </g>
  );
}

function Drawing({ layout, which, marker }: { layout: Layout; which: DiagramWidth; marker: string }) {
  return (
    <svg
      className={`blocks-diagram-svg blocks-diagram-${which}`}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      style={{ maxWidth: layout.width }}
      focusable="false"
    >
      <defs>
        <marker id={marker} viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" className="blocks-diagram-arrowhead" />
        </marker>
      </defs>
      {layout.links.map((l, i) => (
        <path key={i} d={l.d} className="blocks-diagram-link" markerEnd={l.arrow ? `url(#${marker})` : undefined} />
      ))}
      {layout.shapes.map((s, i) => <ShapeView key={i} shape={s} font={layout.font} />)}
    </svg>
  );
}

export function Diagram({ kind, title, center, children }: { kind: DiagramKind; title: string; center?: string; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const nodes = childrenOfType(children, Node).map((n) => n.props);
  const uid = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const data = nodes.map((n) => ({ label: n.label, ...(n.note ? { note: n.note } : {}) }));
  const explained = nodes.some((n) => n.children !== undefined && n.children !== null && n.children !== '');
  const List = kind === 'hub' ? 'ul' : 'ol';
  return (
    <figure className={`blocks-diagram blocks-diagram-kind-${kind}`} aria-labelledby={`${uid}-caption`}>
      <figcaption className="blocks-title" id={`${uid}-caption`}>{title}</figcaption>
      <div className="blocks-diagram-art" aria-hidden="true">
        <Drawing layout={layoutDiagram(kind, data, 'wide', center)} which="wide" marker={`${uid}-arrow-w`} />
        <Drawing layout={layoutDiagram(kind, data, 'narrow', center)} which="narrow" marker={`${uid}-arrow-n`} />
      </div>
      <div className={explained ? 'blocks-diagram-text' : 'blocks-diagram-text visually-hidden'}>
        <p className="visually-hidden" lang={i18n.language}>
          {t(`blocks.diagram.${kind}`, { count: nodes.length, center: center ?? '' })}
        </p>
        <List className="blocks-diagram-list">
          {nodes.map((n, i) => (
            <li key={i}>
              <strong>{n.label}</strong>
              {n.note && <span className="blocks-diagram-list-note">（{n.note}）</span>}
              {explained && n.children ? <>：{n.children}</> : null}
            </li>
          ))}
        </List>
      </div>
    </figure>
  );
}
