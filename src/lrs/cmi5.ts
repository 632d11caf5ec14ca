/**
 * A cmi5 launch (cmi5 quartz §8, §10): fetch the authorization token once, read LMS.LaunchData from the State API,
 * and keep the session's history of defined statements on the device, so a reload inside the same session
 * neither sends initialized again nor forgets that completed or passed was sent for the registration.
 */
import { NAMESPACE_URL, uuidV5 } from '../exporters/uuid.ts';
import type { KeyValueStore } from '../storage/storage.ts';
import { allowedNow, CMI5, cmi5Context, definedStatements, readLaunchData, sessionIdOf, type Cmi5Event, type Cmi5History, type LaunchData } from './cmi5-rules.ts';
import { authorizationFrom, type Cmi5Launch } from './config.ts';
import type { XapiStatement } from './outbox.ts';

const XAPI_VERSION = '1.0.3';

/** The HTTP the launch needs: a POST to the fetch URL and a GET of the state document. */
export type Http = (url: string, init: { method: 'GET' | 'POST'; headers: Record<string, string> }) => Promise<{ status: number; text(): Promise<string> }>;

/** Where this tab keeps the token: the fetch URL works once (§8.2.1), so a reload must reuse what it returned. */
export interface TokenCache {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export class Cmi5LaunchError extends Error {
  constructor(
    readonly step: 'fetch' | 'launch-data',
    message: string,
  ) {
    super(message);
    this.name = 'Cmi5LaunchError';
  }
}

export interface Cmi5Deps {
  http: Http;
  tokens: TokenCache;
  store: KeyValueStore | Promise<KeyValueStore>;
  newId(): string;
}

interface StoredHistory {
  completed?: boolean;
  passed?: boolean;
  sessions: Record<string, Pick<Cmi5History, 'initializedAt' | 'terminated' | 'judged'>>;
}

export interface Cmi5Session {
  readonly launch: Cmi5Launch;
  readonly data: LaunchData;
  readonly sessionId: string;
  readonly authorization: string;
  history(): Cmi5History;
  /** the defined statements an event calls for, ready to queue (history saved first) */
  defined(event: Cmi5Event): Promise<XapiStatement[]>;
  /** an allowed statement (answered, experienced …) in this session's context, or undefined outside the session */
  allowed(statement: XapiStatement): XapiStatement | undefined;
}

const parseJson = async (r: { text(): Promise<string> }): Promise<unknown> => {
  try {
    return JSON.parse(await r.text());
  } catch {
    return undefined;
  }
};

async function token(launch: Cmi5Launch, deps: Cmi5Deps): Promise<string> {
  const key = `zhixing-cmi5:token:${launch.fetch}`;
  const cached = deps.tokens.get(key);
  if (cached) return cached;
  // cmi5 §8.2.1: POST (never GET, so nothing caches it), once
  const r = await deps.http(launch.fetch, { method: 'POST', headers: {} });
  const body = await parseJson(r);
  const auth = r.status === 200 ? authorizationFrom(body) : undefined;
  if (!auth) {
    const text = body && typeof body === 'object' ? (body as Record<string, unknown>)['error-text'] : undefined;
    throw new Cmi5LaunchError('fetch', typeof text === 'string' ? text : `the fetch URL answered ${r.status}`);
  }
  deps.tokens.set(key, auth);
  return auth;
}

async function launchData(launch: Cmi5Launch, authorization: string, deps: Cmi5Deps): Promise<LaunchData> {
  const q = new URLSearchParams({ stateId: 'LMS.LaunchData', activityId: launch.activityId, agent: JSON.stringify(launch.actor), registration: launch.registration });
  const r = await deps.http(`${launch.endpoint}activities/state?${q}`, { method: 'GET', headers: { Authorization: authorization, 'X-Experience-API-Version': XAPI_VERSION } });
  if (r.status !== 200) throw new Cmi5LaunchError('launch-data', `LMS.LaunchData: the LRS answered ${r.status}`);
  return readLaunchData(await parseJson(r));
}

const VERB_NAMES: Record<keyof typeof CMI5.verbs, string> = { initialized: 'initialized', completed: 'completed', passed: 'passed', failed: 'failed', terminated: 'terminated' };

export async function openCmi5(launch: Cmi5Launch, deps: Cmi5Deps, fallbackMasteryScore: number): Promise<Cmi5Session> {
  const authorization = await token(launch, deps);
  const data = await launchData(launch, authorization, deps);
  const sessionId = sessionIdOf(data) ?? deps.newId();
  const store = await deps.store;
  const historyKey = `zhixing-cmi5:${launch.registration}:${launch.activityId}`;
  let stored: StoredHistory = { sessions: {} };
  try {
    const raw = await store.getItem(historyKey);
    const parsed = raw ? (JSON.parse(raw) as Partial<StoredHistory>) : {};
    stored = { ...parsed, sessions: parsed.sessions && typeof parsed.sessions === 'object' ? parsed.sessions : {} };
  } catch {
    /* unreadable history: start afresh; the registration rules may then let one completed or passed repeat */
  }
  let current: Cmi5History = { ...(stored.sessions[sessionId] ?? {}), ...(stored.completed ? { completed: true } : {}), ...(stored.passed ? { passed: true } : {}) };
  let saving = Promise.resolve();

  const save = (h: Cmi5History) => {
    const { completed, passed, ...session } = h;
    stored = { ...stored, ...(completed ? { completed } : {}), ...(passed ? { passed } : {}), sessions: { ...stored.sessions, [sessionId]: session } };
    const text = JSON.stringify(stored);
    saving = saving.then(() => store.setItem(historyKey, text)).catch(() => undefined);
    return saving;
  };

  const object = { objectType: 'Activity', id: launch.activityId };
  return {
    launch,
    data,
    sessionId,
    authorization,
    history: () => current,
    async defined(event) {
      const r = definedStatements(event, current, data, fallbackMasteryScore);
      current = r.history;
      if (!r.statements.length) return [];
      await save(current);
      return r.statements.map((s) => ({
        id: deps.newId(),
        actor: launch.actor,
        verb: { id: CMI5.verbs[s.verb], display: { 'en-US': VERB_NAMES[s.verb] } },
        object,
        ...(s.result ? { result: s.result } : {}),
        context: cmi5Context(data, { registration: launch.registration, sessionId }, s),
        timestamp: new Date(s.at).toISOString(),
      }));
    },
    allowed(statement) {
      // cmi5 §9.3 orders by timestamp: what the learner did before this session's initialized is not part of it
      if (!allowedNow(current) || !(Date.parse(String(statement.timestamp)) >= current.initializedAt!)) return undefined;
      const own = (statement.context ?? {}) as Parameters<typeof cmi5Context>[3];
      return {
        ...statement,
        // the same answer stated under this registration is a statement of its own, still the same on every resend
        id: uuidV5(NAMESPACE_URL, `cmi5|${launch.registration}|${statement.id}`),
        actor: launch.actor,
        context: cmi5Context(data, { registration: launch.registration, sessionId }, undefined, own),
      };
    },
  };
}
