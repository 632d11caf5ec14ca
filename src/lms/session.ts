/**
 * The commit policy and the queue between the learner and the LMS.
 *
 * - What the LMS should hold is given as element → value; only values the LMS has not confirmed are sent.
 * - A value counts as confirmed when the commit after it succeeded. Until then it stays queued: an LMS that fails
 *   (false, or an error code) loses nothing, and a newer value for the same element replaces the queued one.
 * - Commit at once on a status change (status, score, a new interaction); other changes (location, suspend data,
 *   time) are committed periodically while they come, and whenever the page is hidden.
 * - A failing call is tried again with backoff (1 s, 2 s, 4 s… at most 30 s); after a few failures the learner is
 *   told (the banner) and can try again at once.
 * - On exit: exit = suspend unless complete, this session's time, commit, then LMSFinish / Terminate.
 *
 * Set errors that say the value itself is refused (SCORM 1.2 201, 401–405; SCORM 2004 401–408) would fail again
 * however often they are sent: such a value is left out and reported, and the rest goes on.
 */
import type { DataModel } from './data-model.ts';
import type { LmsError, LmsRuntime } from './runtime.ts';

export interface LmsStatus {
  /** the LMS has failed more than a few times in a row: the banner shows */
  failing: boolean;
  /** the LMS answers again after failing, and has everything */
  recovered: boolean;
  /** calls that failed in a row */
  failures: number;
  /** values the LMS has not confirmed yet */
  queued: number;
  lastError?: LmsError;
  /** values the LMS refused as such (they stay on this device) */
  refused: { element: string; value: string; error?: LmsError }[];
  /** action-plan text too long for the LMS's suspend data: kept on this device */
  keptLocally: number;
  terminated: boolean;
}

export interface SessionOptions {
  runtime: LmsRuntime;
  model: DataModel;
  /** already initialised (the launch read the learner's data) */
  initialized?: boolean;
  /** ms between commits of non-status changes */
  periodMs?: number;
  /** failures in a row before the learner is told */
  showAfter?: number;
  baseRetryMs?: number;
  maxRetryMs?: number;
  now?: () => number;
}

export interface LmsSession {
  readonly model: DataModel;
  /** what the LMS should hold now (every state element the course writes) */
  update(values: Record<string, string>): void;
  /** an answer: written once, under the next free index; known keys are ignored */
  interaction(key: string, values: (n: number) => Record<string, string>): void;
  /** marks interactions the LMS already holds (written in an earlier session) */
  known(keys: Iterable<string>, next: number): void;
  /** writes and commits what is queued now; true when the LMS confirmed it */
  flush(): boolean;
  /** the learner's "try again" */
  retry(): boolean;
  /** exit values (exit, session time), commit, terminate */
  exit(values: Record<string, string>): void;
  /** elapsed time of this session */
  sessionMs(): number;
  setKeptLocally(n: number): void;
  status(): LmsStatus;
  subscribe(listener: (s: LmsStatus) => void): () => void;
  dispose(): void;
}

/** SCORM 1.2 RTE 3.3.2 and SCORM 2004 RTE 3.1.7 error codes that refuse the value itself */
const refusesValue = (kind: DataModel['kind'], code: number) => (kind === 'scorm12' ? code === 201 || (code >= 401 && code <= 405) : code >= 401 && code <= 408);

export function createSession(options: SessionOptions): LmsSession {
  const { runtime: rt, model } = options;
  const periodMs = options.periodMs ?? 30_000;
  const showAfter = options.showAfter ?? 3;
  const baseRetry = options.baseRetryMs ?? 1000;
  const maxRetry = options.maxRetryMs ?? 30_000;
  const now = options.now ?? Date.now;
  const started = now();

  let initialized = options.initialized ?? false;
  const confirmed = new Map<string, string>();
  const queue = new Map<string, string>();
  const written = new Map<string, number>();
  let nextIndex = 0;
  let status: LmsStatus = { failing: false, recovered: false, failures: 0, queued: 0, refused: [], keptLocally: 0, terminated: false };
  const listeners = new Set<(s: LmsStatus) => void>();
  let periodic: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const publish = (patch: Partial<LmsStatus>) => {
    status = { ...status, ...patch, queued: queue.size };
    for (const l of listeners) l(status);
  };

  const enqueue = (element: string, value: string): boolean => {
    if (queue.get(element) === value) return false;
    if (!queue.has(element) && confirmed.get(element) === value) return false;
    if (status.refused.some((r) => r.element === element && r.value === value)) return false;
    queue.delete(element);
    queue.set(element, value);
    return true;
  };

  function failed(error: LmsError | undefined): false {
    const failures = status.failures + 1;
    console.warn('the LMS failed; trying again', error);
    publish({ failures, failing: failures >= showAfter, recovered: false, ...(error ? { lastError: error } : {}) });
    if (!retryTimer && !status.terminated) {
      const wait = Math.min(maxRetry, baseRetry * 2 ** (failures - 1));
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        attempt();
      }, wait);
    }
    return false;
  }

  /** sends the queue in order and commits; stops at the first failure that sending again may cure */
  function attempt(): boolean {
    if (status.terminated) return false;
    if (periodic) clearTimeout(periodic);
    periodic = undefined;
    if (!initialized) {
      if (!rt.initialize()) return failed(rt.lastError);
      initialized = true;
    }
    if (!queue.size && status.failures === 0) return true;
    const sent: [string, string][] = [];
    const refused: LmsStatus['refused'] = [];
    for (const [element, value] of [...queue]) {
      if (rt.set(element, value)) {
        sent.push([element, value]);
        continue;
      }
      const error = rt.lastError;
      if (error && refusesValue(model.kind, error.code)) {
        queue.delete(element);
        refused.push({ element, value, error });
        console.warn('the LMS refused', element, value, error);
        continue;
      }
      if (refused.length) publish({ refused: [...status.refused, ...refused] });
      return failed(error);
    }
    if (refused.length) publish({ refused: [...status.refused, ...refused] });
    if (!rt.commit()) return failed(rt.lastError);
    for (const [element, value] of sent) {
      confirmed.set(element, value);
      if (queue.get(element) === value) queue.delete(element);
    }
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = undefined;
    publish({ failures: 0, failing: false, recovered: status.recovered || (status.failing && queue.size === 0) });
    return true;
  }

  /** a status change commits now, unless a retry is already waiting; the rest waits for the period */
  function schedule(urgent: boolean) {
    if (status.terminated) return;
    if (urgent && !retryTimer) {
      attempt();
      return;
    }
    publish({});
    if (!periodic && !retryTimer) periodic = setTimeout(() => ((periodic = undefined), attempt()), periodMs);
  }

  return {
    model,
    update(values) {
      let urgent = false;
      let changed = false;
      for (const [element, value] of Object.entries(values)) {
        if (!enqueue(element, value)) continue;
        changed = true;
        if (model.statusElements.has(element) && confirmed.get(element) !== value) urgent = true;
      }
      if (changed) schedule(urgent);
    },
    interaction(key, values) {
      if (written.has(key) || nextIndex >= model.maxInteractions) return;
      const n = nextIndex++;
      written.set(key, n);
      for (const [element, value] of Object.entries(values(n))) enqueue(element, value);
      schedule(true);
    },
    known(keys, next) {
      for (const k of keys) if (!written.has(k)) written.set(k, -1);
      nextIndex = Math.max(nextIndex, next);
    },
    flush: () => attempt(),
    retry() {
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = undefined;
      return attempt();
    },
    exit(values) {
      if (status.terminated) return;
      for (const [element, value] of Object.entries(values)) enqueue(element, value);
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = undefined;
      attempt();
      // what the LMS did not confirm stays on this device, and goes to the LMS at the next launch
      if (initialized) rt.terminate();
      if (periodic) clearTimeout(periodic);
      periodic = undefined;
      publish({ terminated: true });
    },
    sessionMs: () => Math.max(0, now() - started),
    setKeptLocally(n) {
      if (n !== status.keptLocally) publish({ keptLocally: n });
    },
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      if (periodic) clearTimeout(periodic);
      if (retryTimer) clearTimeout(retryTimer);
      listeners.clear();
    },
  };
}
