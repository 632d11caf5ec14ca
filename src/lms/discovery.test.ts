import { describe, expect, it } from 'vitest';
import { detectLms, launchedByLms } from './discovery.ts';

type Win = { API?: unknown; API_1484_11?: unknown; parent?: Win; opener?: Win; location?: { search: string } };
const frame = (parent?: Win, extra: Partial<Win> = {}): Win => {
  const w: Win = { ...extra };
  w.parent = parent ?? w;
  return w;
};

describe('finding an LMS', () => {
  it('finds SCORM 2004 before SCORM 1.2 on a parent frame', () => {
    const lms = frame(undefined, { API: {}, API_1484_11: {} });
    expect(detectLms(frame(lms))).toBe('scorm2004');
    expect(detectLms(frame(frame(undefined, { API: {} })))).toBe('scorm12');
  });

  it('searches a few frames up and the opener', () => {
    const top = frame(undefined, { API: {} });
    expect(detectLms(frame(frame(frame(top))))).toBe('scorm12');
    const popup = frame();
    popup.opener = frame(undefined, { API_1484_11: {} });
    expect(detectLms(popup)).toBe('scorm2004');
  });

  it('finds nothing in a standalone page, and the ?lms flag marks a launch', () => {
    expect(detectLms(frame())).toBeUndefined();
    expect(launchedByLms({ ...frame(), location: { search: '' } })).toBe(false);
    expect(launchedByLms({ ...frame(), location: { search: '?lms' } })).toBe(true);
  });
});
