/**
 * Finding an LMS: the SCORM run-time API is an object named API (SCORM 1.2) or API_1484_11 (SCORM 2004) on a
 * parent frame or the opener (ADL's discovery algorithm, at most 7 levels up). The only module that touches them.
 */
export type LmsKind = 'scorm12' | 'scorm2004';

const MAX_DEPTH = 7;

interface ApiHost {
  API?: unknown;
  API_1484_11?: unknown;
  parent?: ApiHost | null;
  opener?: ApiHost | null;
}

function search(win: ApiHost | null | undefined): LmsKind | undefined {
  let w = win;
  for (let depth = 0; w && depth <= MAX_DEPTH; depth++) {
    try {
      if (w.API_1484_11) return 'scorm2004';
      if (w.API) return 'scorm12';
      if (!w.parent || w.parent === w) return undefined;
      w = w.parent;
    } catch {
      return undefined; // a cross-origin frame: no API reachable there
    }
  }
  return undefined;
}

/** Which LMS API the course was launched with, if any. */
export function detectLms(win: ApiHost = globalThis as unknown as ApiHost): LmsKind | undefined {
  const self = win.parent && win.parent !== win ? search(win.parent) : undefined;
  if (self) return self;
  try {
    return search(win.opener ?? undefined);
  } catch {
    return undefined;
  }
}

/** A launch by an LMS: the URL says so (`?lms`), or an API is reachable. */
export function launchedByLms(win: ApiHost & { location?: { search: string } } = globalThis as never): boolean {
  return /[?&]lms(=|&|$)/.test(win.location?.search ?? '') || detectLms(win) !== undefined;
}
