import { describe, expect, it } from 'vitest';
import { canonicalJson, sameData } from './canonical.ts';

describe('canonical JSON', () => {
  it('writes the same text for the same data in any key order, at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ y: 2, x: 1 }], c: 3 } })).toBe('{"a":{"c":3,"d":[{"x":1,"y":2}]},"b":1}');
    expect(sameData({ resume: { chapter: 'c' }, startedAt: 1 }, { startedAt: 1, resume: { chapter: 'c' } })).toBe(true);
  });

  it('keeps array order and tells different data apart', () => {
    expect(sameData([1, 2], [2, 1])).toBe(false);
    expect(sameData({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: 0 })).toBe(false);
  });

  it('drops undefined members like JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });
});
