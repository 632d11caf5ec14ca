import { describe, expect, it } from 'vitest';
import { listOf, partLabelBeside } from './labels.ts';

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

describe('a part label beside a chapter title', () => {
  const t = ((key: string, o?: { n: number }) => (key === 'home.partIntro' ? '导言' : key === 'home.partSummary' ? '总结' : `第${o?.n}部分`)) as never;
  it('is left out where it would only repeat the title', () => {
    expect(partLabelBeside(t, 0, '导言')).toBeUndefined();
    expect(partLabelBeside(t, 3, '合规风险识别与防范')).toBe('第3部分');
  });
});
