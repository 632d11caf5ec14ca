import { describe, expect, it } from 'vitest';
import { detectLms, findApi, launchedByLms, MAX_PARENTS } from './discovery.ts';

type Win = { API?: unknown; API_1484_11?: unknown; parent?: Win; opener?: Win; location?: { search: string } };
const frame = (parent?: Win, extra: Partial<Win> = {}): Win => {
  const w: Win = { ...extra };
  w.parent = parent ?? w;
  return w;
};
/** a frame of another origin: reading anything on it throws, as a browser does */
const foreign = (): Win =>
  new Proxy({} as Win, {
    get() {
      throw new DOMException('Blocked a frame with origin from accessing a cross-origin frame.', 'SecurityError');
    },
  });
const chain = (top: Win, depth: number) => {
  let w = top;
  for (let i = 0; i < depth; i++) w = frame(w);
  return w;
};

describe('finding an LMS', () => {
  it('finds SCORM 2004 before SCORM 1.2, also when 1.2 is nearer', () => {
    const lms = frame(undefined, { API: {}, API_1484_11: {} });
    expect(detectLms(frame(lms))).toBe('scorm2004');
    expect(detectLms(frame(frame(undefined, { API: {} })))).toBe('scorm12');
    const both = frame(frame(undefined, { API_1484_11: {} }), { API: {} });
    expect(detectLms(frame(both))).toBe('scorm2004');
  });

  it('returns the API object it found, on this window too', () => {
    const api = { Initialize: () => 'true' };
    expect(findApi(frame(undefined, { API_1484_11: api }))?.api).toBe(api);
  });

  it('searches parents up to the ADL limit of each version', () => {
    const top12 = frame(undefined, { API: {} });
    expect(detectLms(chain(top12, MAX_PARENTS.scorm12))).toBe('scorm12');
    expect(detectLms(chain(frame(undefined, { API: {} }), MAX_PARENTS.scorm12 + 1))).toBeUndefined();
    expect(detectLms(chain(frame(undefined, { API_1484_11: {} }), 40))).toBe('scorm2004');
  });

  it('searches the opener and the opener’s parents when no parent has an API', () => {
    const popup = frame();
    popup.opener = frame(undefined, { API_1484_11: {} });
    expect(detectLms(popup)).toBe('scorm2004');
    const inner = frame();
    inner.opener = frame(frame(frame(undefined, { API: {} })));
    expect(detectLms(inner)).toBe('scorm12');
  });

  it('stops at a cross-origin frame and goes on with the opener', () => {
    const w = frame(foreign());
    expect(detectLms(w)).toBeUndefined();
    w.opener = frame(undefined, { API: {} });
    expect(detectLms(w)).toBe('scorm12');
    const blockedOpener = frame();
    blockedOpener.opener = foreign();
    expect(detectLms(blockedOpener)).toBeUndefined();
  });

  it('finds nothing in a standalone page, and the ?lms flag marks a launch', () => {
    expect(detectLms(frame())).toBeUndefined();
    expect(launchedByLms({ ...frame(), location: { search: '' } })).toBe(false);
    expect(launchedByLms({ ...frame(), location: { search: '?lms' } })).toBe(true);
    expect(launchedByLms({ ...frame(frame(undefined, { API: {} })), location: { search: '' } })).toBe(true);
  });
});
