/**
 * The live link to an LRS: statements for the learner's completion record, as the xAPI mapper states them, go
 * through the outbox; launched by cmi5 they are cmi5 allowed statements of the session, and the defined
 * statements follow cmi5's rules. The app hands in each new completion record; nothing here reads the store.
 */
import type { CompletionRecord } from '../domain/completion-record.ts';
import type { CourseManifest } from '../domain/course.ts';
import { toXapi, VERBS } from '../exporters/to-xapi.ts';
import { NAMESPACE_URL, uuidV5 } from '../exporters/uuid.ts';
import { openStorage, type KeyValueStore } from '../storage/storage.ts';
import { openCmi5, type Cmi5Session, type Http, type TokenCache } from './cmi5.ts';
import { authorizationFrom, type LrsSource } from './config.ts';
import { browserLocks, type Locks } from './locks.ts';
import { attachToPage, createOutbox, type Outbox, type OutboxStatus, type Transport, type XapiStatement } from './outbox.ts';
import { setLrsLink } from './status.ts';

export interface LinkDeps {
  store?: KeyValueStore | Promise<KeyValueStore>;
  http?: Http;
  transport?: Transport;
  tokens?: TokenCache;
  locks?: Locks;
  now?: () => number;
  newId?: () => string;
  /** hook to the page's online and page-hide events (default: yes, in a browser) */
  attach?: boolean;
}

export interface LrsLink {
  readonly source: LrsSource;
  readonly outbox: Outbox;
  readonly cmi5?: Cmi5Session;
  /** Queues what the record states that has not been queued yet. */
  accept(record: CompletionRecord): Promise<void>;
  /** cmi5: terminated, sent before leaving; returns where the learner goes next (the LMS's return URL). */
  exit(): Promise<string | undefined>;
  status(): OutboxStatus;
  stop(): void;
}

/** The live stream leaves out terminated: the record's terminated moves with every visit, a live session ends only on exit. */
const LIVE = new Set<string>([VERBS.initialized.id, VERBS.answered.id, VERBS.experienced.id, VERBS.completed.id, VERBS.passed.id, VERBS.failed.id]);
/** cmi5 §7.1.3: the mapper's other statements go as cmi5 allowed statements; its course-level verbs are the defined ones' job. */
const CMI5_ALLOWED = new Set<string>([VERBS.answered.id, VERBS.experienced.id]);

const fetchHttp: Http = (url, init) => fetch(url, { ...init, credentials: 'omit', cache: 'no-store' });

function sessionTokens(): TokenCache {
  return {
    get: (k) => {
      try {
        return globalThis.sessionStorage?.getItem(k) ?? null;
      } catch {
        return null;
      }
    },
    set: (k, v) => {
      try {
        globalThis.sessionStorage?.setItem(k, v);
      } catch {
        /* no session storage: a reload asks the LMS to launch again */
      }
    },
  };
}

/** A token service for course.yaml `lrs.tokenUrl`, asked with the learner's cookies (their sign-in). */
async function courseToken(url: string): Promise<string | undefined> {
  try {
    const r = await fetch(url, { method: 'POST', credentials: 'include', cache: 'no-store' });
    return r.ok ? authorizationFrom(await r.json()) : undefined;
  } catch {
    return undefined;
  }
}

export async function startLrsLink(source: LrsSource, course: CourseManifest, deps: LinkDeps = {}): Promise<LrsLink> {
  const now = deps.now ?? (() => Date.now());
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const store = deps.store ?? openStorage('zhixing-lrs');
  let cmi5: Cmi5Session | undefined;
  let authorization: string | undefined;
  if (source.kind === 'cmi5') {
    cmi5 = await openCmi5(source, { http: deps.http ?? fetchHttp, tokens: deps.tokens ?? sessionTokens(), store, newId }, course.masteryScore / 100);
    authorization = cmi5.authorization;
  } else if (source.kind === 'xapi') authorization = source.auth;
  else if (source.tokenUrl) authorization = await courseToken(source.tokenUrl);

  const outbox = createOutbox({
    target: { endpoint: source.endpoint, ...(authorization ? { authorization } : {}) },
    store,
    key: `zhixing-lrs:outbox:${source.endpoint}`,
    locks: deps.locks ?? browserLocks(),
    ...(deps.transport ? { transport: deps.transport } : {}),
    newId,
  });
  const detach = deps.attach === false || typeof window === 'undefined' ? () => undefined : attachToPage(outbox);

  /** An xAPI launch names the learner and the registration; the statements become theirs, with ids of their own. */
  const asLaunched = (s: XapiStatement): XapiStatement => {
    if (source.kind !== 'xapi' || (!source.actor && !source.registration)) return s;
    const context = { ...((s.context as Record<string, unknown>) ?? {}), ...(source.registration ? { registration: source.registration } : {}) };
    const who = JSON.stringify(source.actor ?? s.actor);
    return { ...s, id: uuidV5(NAMESPACE_URL, `launch|${source.registration ?? ''}|${who}|${s.id}`), ...(source.actor ? { actor: source.actor } : {}), context };
  };

  let chain = Promise.resolve();
  const serial = (job: () => Promise<void>) => (chain = chain.then(job).catch((e: unknown) => console.warn('LRS: statements not queued', e)));

  if (cmi5) {
    const session = cmi5;
    await serial(async () => void (await outbox.enqueue(await session.defined({ kind: 'start', at: now() }))));
  }

  const link: LrsLink = {
    source,
    outbox,
    ...(cmi5 ? { cmi5 } : {}),
    accept: (record) =>
      serial(async () => {
        const stated = toXapi(record).statements as unknown as XapiStatement[];
        const verbOf = (s: XapiStatement) => (s.verb as { id: string }).id;
        if (!cmi5) {
          await outbox.enqueue(stated.filter((s) => LIVE.has(verbOf(s))).map(asLaunched));
          return;
        }
        const out: XapiStatement[] = [];
        for (const s of stated) {
          if (!CMI5_ALLOWED.has(verbOf(s))) continue;
          const allowed = cmi5.allowed(s);
          if (allowed) out.push(allowed);
        }
        if (record.completionStatus === 'completed') out.push(...(await cmi5.defined({ kind: 'complete', at: now(), durationMs: record.time.totalActiveMs })));
        const decisive = record.attempts.filter((a) => a.mode !== 'refresher' && a.submittedAt !== undefined && a.score).at(-1);
        if (record.successStatus !== 'unknown' && decisive?.score && decisive.submittedAt !== undefined) {
          const { raw, min, max, scaled } = decisive.score;
          out.push(...(await cmi5.defined({ kind: 'judge', at: now(), durationMs: decisive.submittedAt - decisive.startedAt, score: { raw, min, max, scaled } })));
        }
        await outbox.enqueue(out);
      }),
    async exit() {
      if (cmi5) {
        const session = cmi5;
        await serial(async () => void (await outbox.enqueue(await session.defined({ kind: 'exit', at: now() }))));
      } else await chain;
      await outbox.flush();
      return cmi5?.data.returnURL;
    },
    status: () => outbox.status(),
    stop() {
      detach();
      outbox.stop();
      setLrsLink(undefined);
    },
  };
  setLrsLink(link);
  void outbox.flush();
  return link;
}
