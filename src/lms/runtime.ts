/**
 * The LMS runtime: one small interface over the SCORM 1.2 API (LMSInitialize…) and the SCORM 2004 API
 * (Initialize…). Every call that fails (false, or an error code other than 0) reads GetLastError, GetErrorString
 * and GetDiagnostic at once, before another call resets them, and keeps them as `lastError`.
 */
import type { LmsKind } from './discovery.ts';

export interface LmsError {
  call: string;
  element?: string;
  code: number;
  message: string;
  diagnostic: string;
}

export interface LmsRuntime {
  readonly kind: LmsKind;
  initialize(): boolean;
  /** the element's value; '' when the LMS has none or refuses (see lastError) */
  get(element: string): string;
  set(element: string, value: string): boolean;
  commit(): boolean;
  /** LMSFinish (1.2) / Terminate (2004) */
  terminate(): boolean;
  /** the last failure, read from the LMS when it happened */
  readonly lastError: LmsError | undefined;
}

type Call = (...args: string[]) => unknown;

interface Names {
  initialize: string;
  get: string;
  set: string;
  commit: string;
  terminate: string;
  lastError: string;
  errorString: string;
  diagnostic: string;
}

const NAMES: Record<LmsKind, Names> = {
  scorm12: {
    initialize: 'LMSInitialize',
    get: 'LMSGetValue',
    set: 'LMSSetValue',
    commit: 'LMSCommit',
    terminate: 'LMSFinish',
    lastError: 'LMSGetLastError',
    errorString: 'LMSGetErrorString',
    diagnostic: 'LMSGetDiagnostic',
  },
  scorm2004: {
    initialize: 'Initialize',
    get: 'GetValue',
    set: 'SetValue',
    commit: 'Commit',
    terminate: 'Terminate',
    lastError: 'GetLastError',
    errorString: 'GetErrorString',
    diagnostic: 'GetDiagnostic',
  },
};

/** Both APIs answer "true"/"false" as strings (CMIBoolean); some LMSs answer booleans. */
const ok = (v: unknown) => v === true || v === 'true';

/** A runtime over the API object discovery found. */
export function createRuntime(kind: LmsKind, api: object): LmsRuntime {
  const n = NAMES[kind];
  const fn = (name: string): Call | undefined => {
    const f = (api as Record<string, unknown>)[name];
    return typeof f === 'function' ? (f as Call).bind(api) : undefined;
  };
  let lastError: LmsError | undefined;

  /** reads the LMS's error state; undefined when it says 0 (no error) */
  function readError(call: string, element?: string): LmsError | undefined {
    try {
      const code = Number(fn(n.lastError)?.() ?? 0);
      if (!code) return undefined;
      const message = String(fn(n.errorString)?.(String(code)) ?? '');
      const diagnostic = String(fn(n.diagnostic)?.(String(code)) ?? '');
      return { call, ...(element !== undefined ? { element } : {}), code, message, diagnostic };
    } catch (e) {
      return { call, ...(element !== undefined ? { element } : {}), code: 101, message: 'General exception', diagnostic: String(e) };
    }
  }

  function fail(call: string, element: string | undefined, fallback?: LmsError): false {
    lastError = readError(call, element) ?? fallback ?? { call, ...(element !== undefined ? { element } : {}), code: 101, message: 'General exception', diagnostic: 'the LMS answered false' };
    return false;
  }

  function callBool(call: string, name: string, args: string[], element?: string): boolean {
    const f = fn(name);
    if (!f) return fail(call, element, { call, code: 101, message: 'General exception', diagnostic: `the LMS API has no ${name}` });
    let result: unknown;
    try {
      result = f(...args);
    } catch (e) {
      return fail(call, element, { call, ...(element !== undefined ? { element } : {}), code: 101, message: 'General exception', diagnostic: String(e) });
    }
    if (!ok(result)) return fail(call, element);
    return true;
  }

  return {
    kind,
    get lastError() {
      return lastError;
    },
    initialize: () => callBool('initialize', n.initialize, ['']),
    get(element) {
      const f = fn(n.get);
      if (!f) return '';
      try {
        const v = f(element);
        const error = readError('get', element);
        if (error) lastError = error;
        return error || v === undefined || v === null ? '' : String(v);
      } catch (e) {
        lastError = { call: 'get', element, code: 101, message: 'General exception', diagnostic: String(e) };
        return '';
      }
    },
    set: (element, value) => callBool('set', n.set, [element, value], element),
    commit: () => callBool('commit', n.commit, ['']),
    terminate: () => callBool('terminate', n.terminate, ['']),
  };
}
