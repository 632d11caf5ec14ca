import { describe, expect, test } from 'vitest';
import { DIAGRAM_KINDS, blockHeight, layoutDiagram, textWidth, wrap, type Shape } from './diagram-layout.ts';

describe('line breaking', () => {
  test('breaks Chinese between characters and keeps a Latin word whole', () => {
    expect(wrap('合规管理信息系统', 7)).toEqual(['合规管理', '信息系统']);
    expect(wrap('计划 Plan', 3)).toEqual(['计划', 'Plan']);
  });

  test('balances the lines instead of leaving one character alone', () => {
    expect(wrap('合规文化建设', 5)).toEqual(['合规文', '化建设']);
    expect(wrap('合规文化建设', 6)).toEqual(['合规文化建设']);
  });

  test('breaks a list after its commas when that takes no more lines', () => {
    expect(wrap('检查、自评、审计', 6)).toEqual(['检查、自评、', '审计']);
  });

  test('never starts a line with a closing punctuation mark', () => {
    expect(wrap('识别、评估、防范', 2)).toEqual(['识别、', '评估、', '防范']);
  });

  test('measures full-width characters as one em and Latin letters as about half', () => {
    expect(textWidth('合规')).toBe(2);
    expect(textWidth('AI')).toBeCloseTo(1.16);
  });
});

/** The bounding box of a shape. */
function box(s: Shape): { x0: number; y0: number; x1: number; y1: number } {
  if (s.type === 'circle') return { x0: s.cx - s.r, y0: s.cy - s.r, x1: s.cx + s.r, y1: s.cy + s.r };
  if (s.type === 'rect') return { x0: s.x, y0: s.y, x1: s.x + s.w, y1: s.y + s.h };
  const xs = s.points.map((p) => p[0]);
  const ys = s.points.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

const overlap = (a: ReturnType<typeof box>, b: ReturnType<typeof box>) => a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5;

// the longest labels and notes the content check lets through
const nodes = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `第${i + 1}个节点的标签有十六个字符长`.slice(0, 16), note: '说明文字也可以有十六个字符那么长' }));

describe.each(DIAGRAM_KINDS)('a %s diagram', (kind) => {
  test.each([2, 3, 4, 5, 6, 8])('with %i nodes of the longest labels stays inside its drawing at both widths, shapes apart, text inside its shape', (n) => {
    for (const width of ['wide', 'narrow'] as const) {
      const layout = layoutDiagram(kind, nodes(n), width, '中心');
      const boxes = layout.shapes.filter((s) => s.fill >= 0).map(box);
      expect(boxes).toHaveLength(n);
      for (const b of layout.shapes.map(box)) {
        expect(b.x0).toBeGreaterThanOrEqual(-0.5);
        expect(b.y0).toBeGreaterThanOrEqual(-0.5);
        expect(b.x1).toBeLessThanOrEqual(layout.width + 0.5);
        expect(b.y1).toBeLessThanOrEqual(layout.height + 0.5);
      }
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i]!, boxes[j]!), `${width}: nodes ${i} and ${j} overlap`).toBe(false);
      for (const s of layout.shapes) {
        const b = box(s);
        const widest = Math.max(...s.text.label.map((l) => textWidth(l) * layout.font), ...s.text.note.map((l) => textWidth(l) * layout.font * 0.82));
        if (s.type !== 'circle') expect(widest, `${width}: text wider than its shape`).toBeLessThanOrEqual(b.x1 - b.x0);
        if (s.type === 'rect' || s.type === 'polygon') expect(blockHeight(s.text, layout.font), `${width}: text taller than its shape`).toBeLessThanOrEqual(b.y1 - b.y0);
      }
    }
  });
});
