import { describe, expect, it } from 'vitest';
import { listOf } from './labels.ts';

describe('lists in the interface', () => {
  it('take the separators and the "and" of the interface language', () => {
    expect(listOf('zh-CN', ['导言', '第1部分', '第2部分'])).toBe('导言、第1部分和第2部分');
    expect(listOf('en', ['Introduction', 'Part 1', 'Part 2'])).toBe('Introduction, Part 1 and Part 2');
  });

  it('leave the "and" out of a series such as question numbers', () => {
    expect(listOf('zh-CN', ['2', '3', '5'], 'series')).toBe('2、3、5');
    expect(listOf('en', ['2', '3', '5'], 'series')).toBe('2, 3, 5');
  });
});
