/**
 * The statement outbox: every xAPI statement is first written to the device (IndexedDB through the storage
 * adapter), with its id assigned up front, and only then sent. Sending is in queue order, in batches, to
 * `POST {endpoint}statements` (xAPI 1.0.3 §7.2.2, a list of statements) with `X-Experience-API-Version: 1.0.3`.
 * Because a statement keeps its id, sending it again is harmless: an LRS stores an id once (§2.2).
 *
 * What the LRS answers decides what happens to a batch:
 * - 2xx: sent. 409 (the LRS already holds these ids): sent.
 * - 400: the LRS rejects a statement. The batch is split and sent one statement at a time, so the one it rejects
 *   is set aside with the LRS's message and the rest still go.
 * - 401/403: the credentials are wrong or lack the right: sending pauses until `resume()` (or a new page load).
 * - 5xx, 408, 429, other answers and network errors: tried again later, with exponential backoff.
 *
 * Two tabs: the queue is changed only under one lock and sent only under another (Web Locks, shared by the tabs
 * of the origin), and a sender always rereads the queue from storage, so each statement is sent by one tab.
 */
import type { KeyValueStore } from '../storage/storage.ts';
import { localLocks, type Locks } from './locks.ts';

/** An xAPI statement as JSON; the outbox only needs its id. */
export interface XapiStatement {
  id?: string;
  [field: string]: unknown;
}

export type EntryState = 'pending' | 'sent' | 'rejected';

export interface OutboxEntry {
  id: string;
  /** queue order: assigned under the queue lock, so it is one order across tabs */
  seq: number;
  statement: XapiStatement & { id: string };
  queuedAt: number;
  state: EntryState;
  sentAt?: number;
  /** rejected: the LRS's own words (e.g. "Problem in 'statements.0.actor.mbox'") */
  message?: string;
}

/** Where statements go: the xAPI endpoint (ending in "/") and the Authorization header value, if any. */
export interface LrsTarget {
  endpoint: string;
  authorization?: string;
}

export interface TransportRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** a request that outlives the page (fetch keepalive), for the flush on page hide */
  keepalive: boolean;
}

/** Sends one HTTP request. Throws on a network failure; any HTTP answer is returned. */
export interface Transport {
  send(request: TransportRequest): Promise<{ status: number; body: string }>;
}

export const fetchTransport: Transport = {
  async send({ url, headers, body, keepalive }) {
    const r = await fetch(url, { method: 'POST', headers, body, keepalive, credentials: 'omit', cache: 'no-store' });
    return { status: r.status, body: await r.text().catch(() => '') };
  },
};

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

// resolved on each call, so fake timers installed after this module loads still apply
const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export type Failure =
  | { kind: 'network' }
  | { kind: 'server'; status: number; message?: string }
  | { kind: 'credentials'; status: 401 | 403; message?: string };

export interface OutboxStatus {
  /** storage read at least once */
  loaded: boolean;
  pending: number;
  sent: number;
  rejected: OutboxEntry[];
  /** the latest entries, newest first: what the records page lists */
  recent: OutboxEntry[];
  /** 401/403: nothing is sent until resume() */
  paused?: Failure & { kind: 'credentials' };
  /** the last send failed this way and will be tried again at retryAt */
  lastFailure?: Failure;
  retryAt?: number;
  lastSentAt?: number;
}

export interface OutboxOptions {
  target: LrsTarget;
  store: KeyValueStore | Promise<KeyValueStore>;
  /** the storage key; also names the locks, so tabs sharing a key share a queue */
  key?: string;
  locks?: Locks;
  transport?: Transport;
  clock?: Clock;
  /** 0 ≤ x < 1, for backoff jitter */
  random?: () => number;
  /** a new statement id (a UUID, xAPI 1.0.3 §2.4.1) for statements queued without one */
  newId?: () => string;
  /** statements per request */
  batchSize?: number;
  /** wait this long after an enqueue before sending, so a burst of statements goes in one request */
  sendDelayMs?: number;
  /** ids of sent statements remembered, so the same statement queued again is not sent again */
  rememberSent?: number;
}

export interface Outbox {
  /** Queues statements (ids assigned now when missing) and returns their ids; already queued ids are skipped. */
  enqueue(statements: XapiStatement[]): Promise<string[]>;
  /** Sends what is pending now. With keepalive (page hide), one request that survives the page going away. */
  flush(options?: { keepalive?: boolean }): Promise<void>;
  /** After a 401/403: try again (e.g. the learner was given new credentials). */
  resume(): Promise<void>;
  /** Rereads the queue from storage (another tab changed it). */
  refresh(): Promise<void>;
  status(): OutboxStatus;
  subscribe(listener: (s: OutboxStatus) => void): () => void;
  /** Stops timers; the queue stays on the device. */
  stop(): void;
}

interface Stored {
  v: 1;
  seq: number;
  entries: OutboxEntry[];
  sentIds: string[];
  sentCount: number;
}

const XAPI_VERSION = '1.0.3';
const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 5 * 60_000;
/** Chromium and the Fetch standard cap the bodies of keepalive requests in flight at 64 KiB together. */
const KEEPALIVE_BODY_LIMIT = 60 * 1024;
const RECENT = 50;

const empty = (): Stored => ({ v: 1, seq: 0, entries: [], sentIds: [], sentCount: 0 });

/** Forgiving read: a damaged queue keeps every entry that still makes sense. */
export function restoreQueue(raw: string | null): Stored {
  if (!raw) return empty();
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return empty();
  }
  const o = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Partial<Stored>;
  const entries = (Array.isArray(o.entries) ? o.entries : []).filter(
    (e): e is OutboxEntry =>
      !!e &&
      typeof e === 'object' &&
      typeof e.id === 'string' &&
      typeof e.seq === 'number' &&
      !!e.statement &&
      typeof e.statement === 'object' &&
      e.statement.id === e.id &&
      (e.state === 'pending' || e.state === 'sent' || e.state === 'rejected'),
  );
  const sentIds = (Array.isArray(o.sentIds) ? o.sentIds : []).filter((id): id is string => typeof id === 'string');
  const seq = Math.max(typeof o.seq === 'number' ? o.seq : 0, ...entries.map((e) => e.seq));
  const sentCount = typeof o.sentCount === 'number' ? o.sentCount : entries.filter((e) => e.state === 'sent').length;
  return { v: 1, seq, entries, sentIds, sentCount };
}

/** The LRS's explanation from an error body: Learning Locker's `message` / `warnings`, else the text itself. */
export function lrsMessage(body: string): string | undefined {
  const text = body.trim();
  if (!text) return undefined;
  try {
    const j = JSON.parse(text) as { message?: unknown; warnings?: unknown; error?: unknown };
    const parts = [j.message, ...(Array.isArray(j.warnings) ? j.warnings : []), j.error].filter((p): p is string => typeof p === 'string' && p.length > 0);
    if (parts.length) return parts.join('; ').slice(0, 1000);
  } catch {
    /* not JSON: the text is the message */
  }
  return text.slice(0, 1000);
}

export function statementsUrl(endpoint: string): string {
  return `${endpoint.endsWith('/') ? endpoint : endpoint + '/'}statements`;
}

export function createOutbox(options: OutboxOptions): Outbox {
  const {
    target,
    key = 'zhixing-lrs:outbox',
    locks = localLocks(),
    transport = fetchTransport,
    clock = systemClock,
    random = Math.random,
    newId = () => crypto.randomUUID(),
    batchSize = 25,
    sendDelayMs = 250,
    rememberSent = 5000,
  } = options;
  const storeP = Promise.resolve(options.store);
  const queueLock = `${key}:queue`;
  const sendLock = `${key}:send`;

  let snapshot: Stored = empty();
  let loaded = false;
  let paused: OutboxStatus['paused'];
  let lastFailure: Failure | undefined;
  let retryAt: number | undefined;
  let lastSentAt: number | undefined;
  let failures = 0;
  let timer: unknown;
  let stopped = false;
  let flushing: Promise<void> | undefined;
  let again = false;
  const listeners = new Set<(s: OutboxStatus) => void>();

  const status = (): OutboxStatus => {
    const byNewest = [...snapshot.entries].sort((a, b) => b.seq - a.seq);
    return {
      loaded,
      pending: snapshot.entries.filter((e) => e.state === 'pending').length,
      sent: snapshot.sentCount,
      rejected: byNewest.filter((e) => e.state === 'rejected'),
      recent: byNewest.slice(0, RECENT),
      ...(paused ? { paused } : {}),
      ...(lastFailure ? { lastFailure } : {}),
      ...(retryAt !== undefined ? { retryAt } : {}),
      ...(lastSentAt !== undefined ? { lastSentAt } : {}),
    };
  };
  const emit = () => {
    const s = status();
    for (const l of listeners) l(s);
  };

  async function read(): Promise<Stored> {
    const store = await storeP;
    snapshot = restoreQueue(await store.getItem(key));
    loaded = true;
    return snapshot;
  }

  /** Read, change and write the queue under the queue lock: no tab's change is lost to another's. */
  async function update<T>(change: (q: Stored) => T): Promise<T> {
    return locks.request(queueLock, {}, async () => {
      const store = await storeP;
      const q = await read();
      const out = change(q);
      await store.setItem(key, JSON.stringify(q));
      snapshot = q;
      emit();
      return out;
    });
  }

  function schedule(ms: number) {
    if (stopped) return;
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = clock.setTimeout(() => {
      timer = undefined;
      retryAt = undefined;
      void flush();
    }, ms);
  }

  function backoff(failure: Failure) {
    failures++;
    lastFailure = failure;
    const base = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failures - 1));
    // jitter (50–100 %): tabs and devices that failed together do not all come back at the same instant
    const ms = Math.round(base * (0.5 + random() / 2));
    retryAt = clock.now() + ms;
    schedule(ms);
  }

  async function enqueue(statements: XapiStatement[]): Promise<string[]> {
    const withIds = statements.map((s) => (typeof s.id === 'string' && s.id ? (s as XapiStatement & { id: string }) : { ...s, id: newId() }));
    if (!withIds.length) return [];
    await update((q) => {
      const known = new Set([...q.entries.map((e) => e.id), ...q.sentIds]);
      const at = clock.now();
      for (const statement of withIds) {
        if (known.has(statement.id)) continue;
        known.add(statement.id);
        q.entries.push({ id: statement.id, seq: ++q.seq, statement, queuedAt: at, state: 'pending' });
      }
    });
    if (!paused && retryAt === undefined) schedule(sendDelayMs);
    return withIds.map((s) => s.id);
  }

  type Outcome = { sent: string[]; rejected: { id: string; message?: string }[]; split?: boolean; failure?: Failure };

  async function post(batch: OutboxEntry[], keepalive: boolean): Promise<Outcome> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Experience-API-Version': XAPI_VERSION };
    if (target.authorization) headers.Authorization = target.authorization;
    let answer: { status: number; body: string };
    try {
      answer = await transport.send({ url: statementsUrl(target.endpoint), headers, body: JSON.stringify(batch.map((e) => e.statement)), keepalive });
    } catch {
      return { sent: [], rejected: [], failure: { kind: 'network' } };
    }
    const ids = batch.map((e) => e.id);
    const { status: code, body } = answer;
    if ((code >= 200 && code < 300) || code === 409) return { sent: ids, rejected: [] };
    if (code === 400 || code === 413) {
      if (batch.length > 1) return { sent: [], rejected: [], split: true };
      if (code === 400) return { sent: [], rejected: [{ id: ids[0]!, message: lrsMessage(body) ?? 'HTTP 400' }] };
    }
    if (code === 401 || code === 403) return { sent: [], rejected: [], failure: { kind: 'credentials', status: code, message: lrsMessage(body) } };
    return { sent: [], rejected: [], failure: { kind: 'server', status: code, message: lrsMessage(body) } };
  }

  function nextBatch(q: Stored, size: number, keepalive: boolean): OutboxEntry[] {
    const pending = q.entries.filter((e) => e.state === 'pending').sort((a, b) => a.seq - b.seq);
    const batch: OutboxEntry[] = [];
    let bytes = 2;
    for (const e of pending) {
      if (batch.length >= size) break;
      const n = JSON.stringify(e.statement).length + 1;
      if (keepalive && batch.length > 0 && bytes + n > KEEPALIVE_BODY_LIMIT) break;
      bytes += n;
      batch.push(e);
    }
    return batch;
  }

  async function drain(keepalive: boolean): Promise<void> {
    // statements up to this seq go one by one: a batch with them in it was refused as a whole
    let singlesThrough = 0;
    for (;;) {
      if (paused || stopped) return;
      const q = await read();
      const first = q.entries.filter((e) => e.state === 'pending').sort((a, b) => a.seq - b.seq)[0];
      if (!first) {
        emit();
        return;
      }
      const batch = nextBatch(q, first.seq <= singlesThrough ? 1 : batchSize, keepalive);
      const outcome = await post(batch, keepalive);
      if (outcome.split) {
        singlesThrough = batch[batch.length - 1]!.seq;
        continue;
      }
      if (outcome.failure?.kind === 'credentials') {
        paused = outcome.failure as OutboxStatus['paused'];
        lastFailure = outcome.failure;
        emit();
        return;
      }
      if (outcome.failure) {
        backoff(outcome.failure);
        emit();
        return;
      }
      failures = 0;
      lastFailure = undefined;
      const at = clock.now();
      if (outcome.sent.length) lastSentAt = at;
      await update((s) => {
        const sent = new Set(outcome.sent);
        const rejected = new Map(outcome.rejected.map((r) => [r.id, r.message]));
        for (const e of s.entries) {
          if (e.state !== 'pending') continue;
          if (sent.has(e.id)) {
            e.state = 'sent';
            e.sentAt = at;
            s.sentCount++;
            s.sentIds.push(e.id);
          } else if (rejected.has(e.id)) {
            e.state = 'rejected';
            const message = rejected.get(e.id);
            if (message) e.message = message;
          }
        }
        // sent entries beyond the newest few are only remembered by id
        const sentEntries = s.entries.filter((e) => e.state === 'sent').sort((a, b) => b.seq - a.seq);
        const drop = new Set(sentEntries.slice(RECENT).map((e) => e.id));
        if (drop.size) s.entries = s.entries.filter((e) => !drop.has(e.id));
        if (s.sentIds.length > rememberSent) s.sentIds = s.sentIds.slice(-rememberSent);
      });
      if (keepalive) return;
    }
  }

  function flush({ keepalive = false }: { keepalive?: boolean } = {}): Promise<void> {
    if (stopped || paused) return Promise.resolve();
    if (flushing && !keepalive) {
      again = true;
      return flushing;
    }
    if (timer !== undefined) {
      clock.clearTimeout(timer);
      timer = undefined;
      retryAt = undefined;
    }
    const run = locks
      .request(sendLock, { ifAvailable: true }, async (held) => {
        // another tab is sending: it rereads the queue until nothing is pending, ours included. Look again later
        // in case it stops on a failure.
        if (!held) return void schedule(BASE_DELAY_MS);
        await drain(keepalive);
      })
      .catch((e: unknown) => {
        console.warn('LRS outbox: sending failed', e);
        backoff({ kind: 'network' });
      })
      .finally(() => {
        if (flushing === run) flushing = undefined;
        if (again) {
          again = false;
          if (retryAt === undefined) void flush();
        }
      });
    if (!keepalive) flushing = run;
    return run;
  }

  return {
    enqueue,
    flush,
    async resume() {
      paused = undefined;
      lastFailure = undefined;
      failures = 0;
      emit();
      await flush();
    },
    async refresh() {
      await read();
      emit();
    },
    status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      stopped = true;
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
    },
  };
}

/**
 * Hooks an outbox to the page: send when the browser comes back online, and when the page is hidden or left
 * (keepalive, so the request survives the page). Returns the unhook.
 */
export function attachToPage(outbox: Outbox, win: Pick<Window, 'addEventListener' | 'removeEventListener'> & { document?: { visibilityState?: string } } = window): () => void {
  const online = () => void outbox.flush();
  const hidden = () => {
    if (win.document?.visibilityState === 'hidden') void outbox.flush({ keepalive: true });
  };
  const pagehide = () => void outbox.flush({ keepalive: true });
  win.addEventListener('online', online);
  win.addEventListener('visibilitychange', hidden);
  win.addEventListener('pagehide', pagehide);
  return () => {
    win.removeEventListener('online', online);
    win.removeEventListener('visibilitychange', hidden);
    win.removeEventListener('pagehide', pagehide);
  };
}
