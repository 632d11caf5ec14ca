import { describe, expect, it } from 'vitest';
import { manifest } from './certification-builders.ts';
import { createSectionReadingClock, readingTimeMs, readingTimes } from './reading.ts';

describe('the reading time of a section', () => {
  it('is its length at the ceiling speed, and never less than the floor', () => {
    expect(readingTimeMs({ chars: 900 }, { charsPerMinute: 900, minSeconds: 5 })).toBe(60_000);
    expect(readingTimeMs({ chars: 450 }, { charsPerMinute: 600, minSeconds: 5 })).toBe(45_000);
    expect(readingTimeMs({ chars: 10 }, { charsPerMinute: 900, minSeconds: 5 })).toBe(5_000);
    expect(readingTimeMs({}, { charsPerMinute: 900, minSeconds: 0 })).toBe(0);
  });

  it('uses the default ceiling for Chinese text when course.yaml sets none', () => {
    expect(readingTimes(manifest())).toMatchObject({ 'one-s1': 60_000, 'one-s2': 6_000 });
  });
});

describe('a section counts as read', () => {
  function clock(requiredMs = 10_000, idleMs = 60_000) {
    let t = 1_000;
    let read = 0;
    const c = createSectionReadingClock({ requiredMs, idleMs, now: () => t, onRead: () => read++, pageVisible: true });
    return { c, advance: (ms: number) => ((t += ms), c.tick()), reads: () => read };
  }

  it('after it has been on screen for its reading time, and only once', () => {
    const { c, advance, reads } = clock();
    c.inView(true);
    advance(9_999);
    expect(reads()).toBe(0);
    advance(1);
    expect(reads()).toBe(1);
    advance(20_000);
    expect(reads()).toBe(1);
  });

  it('not when it merely scrolls past', () => {
    const { c, advance, reads } = clock();
    for (let i = 0; i < 20; i++) {
      c.inView(true);
      advance(300);
      c.inView(false);
      advance(5_000);
    }
    expect(c.elapsed()).toBe(6_000);
    expect(reads()).toBe(0);
  });

  it('adding up separate visits, but not while the page is hidden', () => {
    const { c, advance, reads } = clock();
    c.inView(true);
    advance(6_000);
    c.pageVisible(false);
    advance(60_000);
    expect(reads()).toBe(0);
    c.pageVisible(true);
    advance(4_000);
    expect(reads()).toBe(1);
  });

  it('counting an idle stretch only up to the idle limit', () => {
    const { c, advance, reads } = clock(120_000, 60_000);
    c.inView(true);
    advance(600_000); // the learner walked away: one idle minute counts
    expect(c.elapsed()).toBe(60_000);
    c.activity();
    advance(59_000);
    expect(reads()).toBe(0);
    c.activity();
    advance(1_000);
    expect(reads()).toBe(1);
  });
});
