import { describe, expect, test } from 'vitest';
import { BUDGETS, checkBudgets, missedTargets } from './budgets.ts';
import { KB, type Figure } from './figures.ts';

const entry = (bytes: number): Figure => ({ name: 'bundle/entry.gzip', value: bytes, unit: 'B', budget: BUDGETS.entryGzip });
const a11y = (score: number): Figure => ({ name: 'lighthouse/mobile/home/accessibility', value: score, unit: 'score', budget: BUDGETS.lighthouseAccessibility });

describe('checkBudgets', () => {
  test('passes figures that meet their budgets, including exactly at the limit', () => {
    expect(checkBudgets([entry(80 * KB), entry(100 * KB), a11y(100), { name: 'cls', value: 0.02, unit: 'cls', budget: BUDGETS.cls }])).toEqual([]);
  });

  test('flags a figure over its max budget', () => {
    const [v, ...rest] = checkBudgets([entry(101 * KB), a11y(100)]);
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ name: 'bundle/entry.gzip', kind: 'max', limit: 100 * KB });
    expect(v!.message).toBe('bundle/entry.gzip: 101.0 KB > max 100.0 KB');
  });

  test('flags a figure under its min budget', () => {
    expect(checkBudgets([a11y(96)])).toEqual([expect.objectContaining({ kind: 'min', limit: 100, message: 'lighthouse/mobile/home/accessibility: 96 < min 100' })]);
  });

  test('flags a budgeted figure that could not be measured', () => {
    expect(checkBudgets([a11y(Number.NaN)])).toEqual([expect.objectContaining({ kind: 'unmeasured' })]);
  });

  test('ignores figures without a budget, and targets are not budgets', () => {
    const perf: Figure = { name: 'lighthouse/mobile/home/performance', value: 80, unit: 'score', target: { min: 95 } };
    expect(checkBudgets([{ name: 'bundle/total', value: 10 ** 9, unit: 'B' }, perf])).toEqual([]);
    expect(missedTargets([perf])).toEqual([expect.objectContaining({ name: perf.name, kind: 'min' })]);
  });
});
