/**
 * Finding an LMS: the SCORM run-time API is an object named API_1484_11 (SCORM 2004) or API (SCORM 1.2) on this
 * window, a parent frame, the opener or one of the opener's parents (ADL's API discovery algorithms: SCORM 2004 RTE
 * 3.3.1 looks up to 500 frames, the SCORM 1.2 RTE sample 7). The 2004 API is searched for everywhere first, then the
 * 1.2 one. A frame of another origin throws on access: the search stops there and goes on with the opener.
 * The only module that touches them.
 */
export type LmsKind = 'scorm12' | 'scorm2004';

/** ADL's limits on parent frames searched: 500 for SCORM 2004, 7 for SCORM 1.2. */
export const MAX_PARENTS: Record<LmsKind, number> = { scorm2004: 500, scorm12: 7 };

const GLOBAL: Record<LmsKind, 'API_1484_11' | 'API'> = { scorm2004: 'API_1484_11', scorm12: 'API' };

export interface ApiHost {
  API?: unknown;
  API_1484_11?: unknown;
  parent?: ApiHost | null;
  opener?: ApiHost | null;
}

/** The API object on `win` or one of its parents, at most `max` levels up; undefined past another origin. */
function searchUp(win: ApiHost | null | undefined, name: 'API' | 'API_1484_11', max: number): object | undefined {
  let w = win;
  for (let depth = 0; w && depth <= max; depth++) {
    try {
      const api = w[name];
      if (api && typeof api === 'object') return api;
      const parent = w.parent;
      if (!parent || parent === w) return undefined;
      w = parent;
    } catch {
      return undefined; // a cross-origin frame: no API reachable there or above it
    }
  }
  return undefined;
}

function openerOf(win: ApiHost): ApiHost | undefined {
  try {
    return win.opener ?? undefined;
  } catch {
    return undefined;
  }
}

/** The LMS's API object and its version: this window and its parents, then the opener and its parents. */
export function findApi(win: ApiHost = globalThis as unknown as ApiHost): { kind: LmsKind; api: object } | undefined {
  for (const kind of ['scorm2004', 'scorm12'] as const) {
    const api = searchUp(win, GLOBAL[kind], MAX_PARENTS[kind]) ?? searchUp(openerOf(win), GLOBAL[kind], MAX_PARENTS[kind]);
    if (api) return { kind, api };
  }
  return undefined;
}

/** Which LMS API the course was launched with, if any. */
export function detectLms(win: ApiHost = globalThis as unknown as ApiHost): LmsKind | undefined {
  return findApi(win)?.kind;
}

/** A launch by an LMS: the URL says so (`?lms`), or an API is reachable. */
export function launchedByLms(win: ApiHost & { location?: { search: string } } = globalThis as never): boolean {
  return /[?&]lms(=|&|$)/.test(win.location?.search ?? '') || detectLms(win) !== undefined;
}
