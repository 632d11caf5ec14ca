/**
 * A fake SCORM API for the runtime's tests: a flat data model with the calls of SCORM 1.2 or SCORM 2004, that can
 * be told to fail a call a number of times with an error code.
 */
import type { LmsKind } from './discovery.ts';

export interface FakeApi {
  kind: LmsKind;
  api: Record<string, (...args: string[]) => string>;
  data: Record<string, string>;
  /** every call made, in order: "LMSSetValue cmi.core.lesson_status=passed" */
  calls: string[];
  /** values the LMS holds after the last successful commit */
  committed: Record<string, string>;
  fail(call: 'initialize' | 'set' | 'commit' | 'terminate', times: number, code?: number): void;
}

export function fakeApi(kind: LmsKind, initial: Record<string, string> = {}): FakeApi {
  const v12 = kind === 'scorm12';
  const data: Record<string, string> = { ...initial };
  const committed: Record<string, string> = { ...initial };
  const calls: string[] = [];
  const failing: Partial<Record<string, { times: number; code: number }>> = {};
  let error = 0;
  const run = (name: string, call: string, work: () => string): string => {
    const f = failing[call];
    if (f && f.times > 0) {
      f.times--;
      error = f.code;
      calls.push(`${name} failed`);
      return 'false';
    }
    error = 0;
    return work();
  };
  const n = v12
    ? { initialize: 'LMSInitialize', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', terminate: 'LMSFinish', last: 'LMSGetLastError', str: 'LMSGetErrorString', diag: 'LMSGetDiagnostic' }
    : { initialize: 'Initialize', get: 'GetValue', set: 'SetValue', commit: 'Commit', terminate: 'Terminate', last: 'GetLastError', str: 'GetErrorString', diag: 'GetDiagnostic' };
  const api: FakeApi['api'] = {
    [n.initialize]: () => run(n.initialize, 'initialize', () => (calls.push(n.initialize), 'true')),
    [n.get]: (el = '') => {
      calls.push(`${n.get} ${el}`);
      error = 0;
      const count = /^cmi\.interactions\._count$/.test(el) ? String(new Set(Object.keys(data).flatMap((k) => k.match(/^cmi\.interactions\.(\d+)\./)?.[1] ?? [])).size) : undefined;
      return count ?? data[el] ?? '';
    },
    [n.set]: (el = '', value = '') =>
      run(n.set, 'set', () => {
        calls.push(`${n.set} ${el}=${value}`);
        data[el] = value;
        return 'true';
      }),
    [n.commit]: () =>
      run(n.commit, 'commit', () => {
        calls.push(n.commit);
        Object.assign(committed, data);
        return 'true';
      }),
    [n.terminate]: () => run(n.terminate, 'terminate', () => (calls.push(n.terminate), 'true')),
    [n.last]: () => String(error),
    [n.str]: (code = '') => (code === '0' ? 'No error' : `error ${code}`),
    [n.diag]: (code = '') => `diagnostic ${code}`,
  };
  return {
    kind,
    api,
    data,
    calls,
    committed,
    fail: (call, times, code = v12 ? 101 : call === 'commit' ? 391 : 351) => {
      failing[call] = { times, code };
    },
  };
}
