import { describe, expect, it } from 'vitest';
import { placementMatches, riskGrade, RISK_LEVELS, type RiskGrade } from './risk.ts';

/** every cell of the 4 × 4 matrix: [likelihood, impact, product, grade] */
const GRID: [number, number, number, RiskGrade][] = [
  [1, 1, 1, 'low'],
  [1, 2, 2, 'low'],
  [1, 3, 3, 'medium'],
  [1, 4, 4, 'medium'],
  [2, 1, 2, 'low'],
  [2, 2, 4, 'medium'],
  [2, 3, 6, 'medium'],
  [2, 4, 8, 'elevated'],
  [3, 1, 3, 'medium'],
  [3, 2, 6, 'medium'],
  [3, 3, 9, 'elevated'],
  [3, 4, 12, 'high'],
  [4, 1, 4, 'medium'],
  [4, 2, 8, 'elevated'],
  [4, 3, 12, 'high'],
  [4, 4, 16, 'high'],
];

describe('riskGrade', () => {
  it.each(GRID)('grades likelihood %i × impact %i (= %i) as %s', (likelihood, impact, _product, grade) => {
    expect(riskGrade(likelihood, impact)).toBe(grade);
  });

  it('covers every cell of the matrix', () => {
    const cells = RISK_LEVELS.flatMap((l) => RISK_LEVELS.map((i) => `${l}×${i}`));
    expect(GRID.map(([l, i]) => `${l}×${i}`).sort()).toEqual(cells.sort());
  });

  it('gives a cell and its mirror the same grade', () => {
    for (const l of RISK_LEVELS) for (const i of RISK_LEVELS) expect(riskGrade(l, i)).toBe(riskGrade(i, l));
  });

  it('never grades a cell lower when likelihood or impact goes up', () => {
    const rank: Record<RiskGrade, number> = { low: 0, medium: 1, elevated: 2, high: 3 };
    for (const l of RISK_LEVELS)
      for (const i of RISK_LEVELS) {
        if (l < 4) expect(rank[riskGrade(l + 1, i)]).toBeGreaterThanOrEqual(rank[riskGrade(l, i)]);
        if (i < 4) expect(rank[riskGrade(l, i + 1)]).toBeGreaterThanOrEqual(rank[riskGrade(l, i)]);
      }
  });
});

describe('placementMatches', () => {
  it('accepts the author’s own cell', () => {
    expect(placementMatches({ likelihood: 3, impact: 4 }, { likelihood: 3, impact: 4 })).toBe(true);
  });

  it('accepts a different cell of the same grade', () => {
    expect(placementMatches({ likelihood: 4, impact: 4 }, { likelihood: 3, impact: 4 })).toBe(true);
    expect(placementMatches({ likelihood: 2, impact: 4 }, { likelihood: 3, impact: 3 })).toBe(true);
    expect(placementMatches({ likelihood: 1, impact: 3 }, { likelihood: 3, impact: 2 })).toBe(true);
    expect(placementMatches({ likelihood: 2, impact: 1 }, { likelihood: 1, impact: 1 })).toBe(true);
  });

  it('rejects a cell of another grade, even a neighbouring one', () => {
    expect(placementMatches({ likelihood: 3, impact: 3 }, { likelihood: 3, impact: 4 })).toBe(false);
    expect(placementMatches({ likelihood: 2, impact: 3 }, { likelihood: 2, impact: 4 })).toBe(false);
    expect(placementMatches({ likelihood: 1, impact: 2 }, { likelihood: 1, impact: 3 })).toBe(false);
  });

  it('agrees with the grades for every pair of cells', () => {
    const cells = RISK_LEVELS.flatMap((likelihood) => RISK_LEVELS.map((impact) => ({ likelihood, impact })));
    for (const a of cells)
      for (const b of cells) expect(placementMatches(a, b)).toBe(riskGrade(a.likelihood, a.impact) === riskGrade(b.likelihood, b.impact));
  });
});
