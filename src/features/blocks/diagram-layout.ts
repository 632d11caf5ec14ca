/**
 * Geometry of the diagrams, pure: from the authored nodes to shapes, links and wrapped text lines in SVG user
 * units. Two widths: `wide` for a desktop column and `narrow` for a phone (drawn at about 1:1, so the text keeps a
 * readable size instead of shrinking with the picture).
 */
export const DIAGRAM_KINDS = ['cycle', 'pyramid', 'flow', 'hub'] as const;
export type DiagramKind = (typeof DIAGRAM_KINDS)[number];
export type DiagramWidth = 'wide' | 'narrow';

export interface DiagramNode {
  label: string;
  /** a short line under the label, e.g. "第一道防线" */
  note?: string;
}

export interface TextBlock {
  x: number;
  y: number;
  label: string[];
  note: string[];
}

export type Shape =
  | { type: 'circle'; cx: number; cy: number; r: number; fill: number; text: TextBlock }
  | { type: 'rect'; x: number; y: number; w: number; h: number; fill: number; text: TextBlock }
  | { type: 'polygon'; points: [number, number][]; fill: number; text: TextBlock };

export interface Layout {
  width: number;
  height: number;
  font: number;
  shapes: Shape[];
  /** SVG path data; arrows end in an arrowhead */
  links: { d: string; arrow: boolean }[];
}

/** Width of a text in em: CJK and full-width characters 1, the rest about half. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1 : ch === ' ' ? 0.3 : 0.58;
  return w;
}

/**
 * Line breaking at `maxEm` em, balanced: as few lines as greedy breaking needs, but as even as they can be, so a
 * label never ends in a lone character ("合规文化建 / 设" becomes "合规文 / 化建设").
 */
export function wrap(text: string, maxEm: number): string[] {
  const lines = greedy(text, maxEm);
  if (lines.length < 2) return lines;
  // a list in a label ("检查、自评、审计") breaks after its commas when that takes no more lines
  const phrases = text.trim().match(/[^、，；]+[、，；]?/gu) ?? [];
  if (phrases.length > 1 && phrases.every((p) => textWidth(p) <= maxEm + 1)) {
    const byPhrase = greedy(text, maxEm, phrases);
    if (byPhrase.length <= lines.length) return byPhrase;
  }
  let best = lines;
  for (let em = maxEm - 0.5; em >= 1; em -= 0.5) {
    const tighter = greedy(text, em);
    if (tighter.length > lines.length) break;
    best = tighter;
  }
  return best;
}

/** Greedy line breaking: between CJK characters anywhere, Latin words kept whole where they fit. */
function greedy(text: string, maxEm: number, tokens: string[] = text.trim().match(/[A-Za-z0-9.%/+-]+|\s+|./gu) ?? []): string[] {
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens) {
    if (/^\s+$/.test(tok)) {
      if (line) line += ' ';
      continue;
    }
    // 、。， and closing brackets never start a line (CJK line-breaking rule): they hang at the end of this one
    if (line && !CLOSING.test(tok) && textWidth(line + tok) > maxEm) {
      lines.push(line.trim());
      line = '';
    }
    line += tok;
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}

const CLOSING = /^[、。，；：）」』！？]$/;

const LINE = 1.3;
const NOTE = 0.82;

function textBlock(node: DiagramNode, x: number, y: number, maxPx: number, font: number): TextBlock {
  const em = Math.max(2, maxPx / font);
  return { x, y, label: wrap(node.label, em), note: node.note ? wrap(node.note, em / NOTE) : [] };
}

/** Height of a text block in user units. */
export function blockHeight(t: Pick<TextBlock, 'label' | 'note'>, font: number): number {
  return t.label.length * font * LINE + t.note.length * font * NOTE * LINE;
}

const round = (n: number) => Math.round(n * 10) / 10;

function cycle(nodes: DiagramNode[], width: DiagramWidth, center?: string): Layout {
  const font = width === 'wide' ? 16 : 15;
  const W = width === 'wide' ? 480 : 340;
  const n = nodes.length;
  const c = W / 2;
  const R = W * 0.34;
  const r = Math.min(W * 0.15, R * Math.sin(Math.PI / n) * 0.86);
  const shapes: Shape[] = [];
  const links: Layout['links'] = [];
  const angle = (i: number) => -Math.PI / 2 + (i * 2 * Math.PI) / n;
  nodes.forEach((node, i) => {
    const cx = c + R * Math.cos(angle(i));
    const cy = c + R * Math.sin(angle(i));
    shapes.push({ type: 'circle', cx: round(cx), cy: round(cy), r: round(r), fill: i, text: textBlock(node, cx, cy, r * 1.6, font) });
  });
  // arcs on the ring from each node to the next, leaving a gap at both circles
  const gap = 2 * Math.asin(Math.min(1, (r + 7) / (2 * R)));
  for (let i = 0; i < n; i++) {
    const a0 = angle(i) + gap;
    const a1 = angle(i + 1) - gap;
    if (a1 <= a0) continue;
    const p = (a: number) => `${round(c + R * Math.cos(a))} ${round(c + R * Math.sin(a))}`;
    links.push({ d: `M ${p(a0)} A ${round(R)} ${round(R)} 0 0 1 ${p(a1)}`, arrow: true });
  }
  if (center) {
    const inner = R - r - 10;
    shapes.push({ type: 'circle', cx: c, cy: c, r: round(Math.max(inner, 30)), fill: -1, text: textBlock({ label: center }, c, c, inner * 1.6, font) });
  }
  return { width: W, height: W, font, shapes, links };
}

function pyramid(nodes: DiagramNode[], width: DiagramWidth): Layout {
  const font = width === 'wide' ? 16 : 15;
  const W = width === 'wide' ? 560 : 340;
  const n = nodes.length;
  const top = W * 0.32;
  // band i runs from width(i) at its top to width(i + 1) at its bottom; all bands are as tall as the tallest text
  const widthAt = (i: number) => top + ((W - top) * i) / n;
  const gap = 4;
  const texts = nodes.map((node, i) => textBlock(node, W / 2, 0, widthAt(i) * 0.78, font));
  const h = Math.max(52, ...texts.map((t) => blockHeight(t, font) + 18));
  const shapes: Shape[] = texts.map((t, i) => {
    const y = i * (h + gap);
    const wTop = widthAt(i);
    const wBottom = widthAt(i + 1);
    const points: [number, number][] = [
      [round((W - wTop) / 2), round(y)], [round((W + wTop) / 2), round(y)],
      [round((W + wBottom) / 2), round(y + h)], [round((W - wBottom) / 2), round(y + h)],
    ];
    return { type: 'polygon', points, fill: i, text: { ...t, y: y + h / 2 } };
  });
  return { width: W, height: round(n * (h + gap) - gap), font, shapes, links: [] };
}

function flow(nodes: DiagramNode[], width: DiagramWidth): Layout {
  const font = width === 'wide' ? 16 : 15;
  const W = width === 'wide' ? 640 : 340;
  const n = nodes.length;
  const shapes: Shape[] = [];
  const links: Layout['links'] = [];
  const pad = 12;
  if (width === 'wide' && n <= 5) {
    const arrow = 30;
    const bw = (W - (n - 1) * arrow) / n;
    const blocks = nodes.map((node) => textBlock(node, 0, 0, bw - 2 * pad, font));
    const h = Math.max(64, ...blocks.map((b) => blockHeight(b, font) + 2 * pad));
    nodes.forEach((node, i) => {
      const x = i * (bw + arrow);
      shapes.push({ type: 'rect', x: round(x), y: 4, w: round(bw), h: round(h), fill: i, text: { ...blocks[i]!, x: x + bw / 2, y: 4 + h / 2 } });
      if (i < n - 1) links.push({ d: `M ${round(x + bw + 3)} ${round(4 + h / 2)} H ${round(x + bw + arrow - 5)}`, arrow: true });
    });
    return { width: W, height: round(h + 8), font, shapes, links };
  }
  const arrow = 26;
  const bw = W - 8;
  let y = 2;
  nodes.forEach((node, i) => {
    const t = textBlock(node, W / 2, 0, bw - 2 * pad, font);
    const h = Math.max(48, blockHeight(t, font) + 2 * pad);
    shapes.push({ type: 'rect', x: 4, y: round(y), w: bw, h: round(h), fill: i, text: { ...t, y: y + h / 2 } });
    if (i < n - 1) links.push({ d: `M ${W / 2} ${round(y + h + 3)} V ${round(y + h + arrow - 5)}`, arrow: true });
    y += h + arrow;
  });
  return { width: W, height: round(y - arrow + 2), font, shapes, links };
}

function hub(nodes: DiagramNode[], width: DiagramWidth, center: string): Layout {
  const font = width === 'wide' ? 16 : 15;
  const shapes: Shape[] = [];
  const links: Layout['links'] = [];
  const n = nodes.length;
  const pad = 10;
  // more than six parts do not fit around the centre: they hang from a trunk below it, as on a phone
  if (width === 'wide' && n <= 6) {
    const W = 620;
    const bw = 170;
    const blocks = nodes.map((node) => textBlock(node, 0, 0, bw - 2 * pad, font));
    const bh = Math.max(56, ...blocks.map((b) => blockHeight(b, font) + 2 * pad));
    const rx = (W - bw) / 2;
    const ry = 120 + bh / 2;
    const H = 2 * ry + bh + 8;
    const cx = W / 2;
    const cy = H / 2;
    const cr = 74;
    const centerText = textBlock({ label: center }, cx, cy, cr * 1.6, font);
    nodes.forEach((_, i) => {
      const a = -Math.PI / 2 + (i * 2 * Math.PI) / n;
      const x = cx + rx * Math.cos(a);
      const y = cy + ry * Math.sin(a);
      links.push({ d: `M ${round(cx + cr * Math.cos(a))} ${round(cy + cr * Math.sin(a) * 0.8)} L ${round(x)} ${round(y)}`, arrow: false });
      shapes.push({ type: 'rect', x: round(x - bw / 2), y: round(y - bh / 2), w: bw, h: round(bh), fill: i, text: { ...blocks[i]!, x, y } });
    });
    shapes.push({ type: 'circle', cx, cy: round(cy), r: cr, fill: -1, text: centerText });
    return { width: W, height: round(H), font, shapes, links };
  }
  // narrow: the centre on top, the parts hanging from one trunk below it
  const W = width === 'wide' ? 620 : 340;
  const ct = textBlock({ label: center }, W / 2, 0, W - 40, font);
  const ch = Math.max(48, blockHeight(ct, font) + 2 * pad);
  shapes.push({ type: 'rect', x: 4, y: 2, w: W - 8, h: round(ch), fill: -1, text: { ...ct, y: 2 + ch / 2 } });
  const trunk = 22;
  const left = 40;
  let y = 2 + ch + 14;
  let lastMid = y;
  nodes.forEach((node, i) => {
    const t = textBlock(node, 0, 0, W - left - 4 - 2 * pad, font);
    const h = Math.max(44, blockHeight(t, font) + 2 * pad);
    shapes.push({ type: 'rect', x: left, y: round(y), w: W - left - 4, h: round(h), fill: i, text: { ...t, x: left + (W - left - 4) / 2, y: y + h / 2 } });
    lastMid = y + h / 2;
    links.push({ d: `M ${trunk} ${round(lastMid)} H ${left}`, arrow: false });
    y += h + 12;
  });
  links.unshift({ d: `M ${trunk} ${round(2 + ch)} V ${round(lastMid)}`, arrow: false });
  return { width: W, height: round(y - 12 + 2), font, shapes, links };
}

export function layoutDiagram(kind: DiagramKind, nodes: DiagramNode[], width: DiagramWidth, center?: string): Layout {
  switch (kind) {
    case 'cycle': return cycle(nodes, width, center);
    case 'pyramid': return pyramid(nodes, width);
    case 'flow': return flow(nodes, width);
    case 'hub': return hub(nodes, width, center ?? '');
  }
}
