/** Risk grading: likelihood × impact on a 4 × 4 matrix → one of four grades (高/较高/中/低). */

export type RiskGrade = 'high' | 'elevated' | 'medium' | 'low';
export const RISK_LEVELS = [1, 2, 3, 4] as const;

/** 12–16 high, 8–9 elevated, 3–6 medium, 1–2 low (documented in content/AUTHORING.md). */
export function riskGrade(likelihood: number, impact: number): RiskGrade {
  const p = likelihood * impact;
  if (p >= 12) return 'high';
  if (p >= 8) return 'elevated';
  if (p >= 3) return 'medium';
  return 'low';
}

export interface Placement {
  likelihood: number;
  impact: number;
}

/** A placement matches the author's when it lands in the same grade (the exact cell is not required). */
export function placementMatches(placed: Placement, expected: Placement): boolean {
  return riskGrade(placed.likelihood, placed.impact) === riskGrade(expected.likelihood, expected.impact);
}
