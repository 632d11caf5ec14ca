import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PIN_PATTERN, pinMatches, pinRecord } from './pin.ts';
import { restoreState } from './restore.ts';
import type { CourseManifest } from './course.ts';

describe('a learner’s PIN', () => {
  it('is four to six digits', () => {
    expect(['1234', '123456'].every((p) => PIN_PATTERN.test(p))).toBe(true);
    expect(['123', '1234567', '12a4', '１２３４', ''].some((p) => PIN_PATTERN.test(p))).toBe(false);
  });

  it('is kept as a salted SHA-256 digest, never as the digits', () => {
    const r = pinRecord('2580', 'c0ffee');
    expect(r).toEqual({ salt: 'c0ffee', hash: createHash('sha256').update('c0ffee:2580').digest('hex') });
    expect(JSON.stringify(r)).not.toContain('2580');
    expect(pinRecord('2580', 'other').hash).not.toBe(r.hash);
  });

  it('opens only with the right digits, and a learner without a PIN is open', () => {
    const learner = { pin: pinRecord('2580', 'salt') };
    expect(pinMatches(learner, '2580')).toBe(true);
    expect(pinMatches(learner, '2581')).toBe(false);
    expect(pinMatches({}, 'anything')).toBe(true);
  });

  it('survives a restore, and a damaged one is dropped rather than locking the learner out', () => {
    const m = { chapters: [], bank: [] } as unknown as CourseManifest;
    const pin = pinRecord('2580', 'salt');
    const stored = { learners: { a: { id: 'a', name: '甲', createdAt: 1, pin }, b: { id: 'b', name: '乙', createdAt: 2, pin: { salt: 'x', hash: 'not-a-digest' } } }, progress: {} };
    const { state } = restoreState(stored, m);
    expect(state.learners.a?.pin).toEqual(pin);
    expect(state.learners.b?.pin).toBeUndefined();
  });
});
