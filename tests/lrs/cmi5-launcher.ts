/**
 * The LMS side of a cmi5 launch for browser tests (cmi5 §8, §10): it hands out the one-time auth token at the
 * fetch URL, serves LMS.LaunchData from a State API of its own (the test LRS has none), records the "launched"
 * statement, and passes every statements request through to the real LRS. On loopback only.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Lrs } from './start.ts';

export interface LaunchOptions {
  launchMode?: 'Normal' | 'Browse' | 'Review';
  masteryScore?: number;
  moveOn?: string;
  registration?: string;
}

export interface Cmi5Launcher {
  /** the xAPI endpoint the AU is given (this server, which forwards statements to the LRS) */
  readonly endpoint: string;
  /** where the AU sends the learner on exit */
  readonly returnURL: string;
  /** a launch URL for the AU at `auUrl`, with a fresh fetch URL and session */
  launch(auUrl: string, options?: LaunchOptions): Promise<{ url: string; registration: string; sessionId: string }>;
  /** how often each fetch URL was POSTed */
  readonly fetches: Map<string, number>;
  close(): Promise<void>;
}

export const AU_ID = 'https://zhixing.example/xapi/zhixing-compliance/au';
export const CMI5_ACTOR = { objectType: 'Agent', name: '李伟', account: { homePage: 'https://lms.example.cn', name: 'liwei' } };
const SESSION_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
// AUTH_REPO=test accepts any token but its reserved ones (see start.ts)
const TOKEN = Buffer.from('au:session').toString('base64');

function cors(req: IncomingMessage, res: ServerResponse) {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
  res.setHeader('Access-Control-Allow-Methods', 'GET,POST,PUT,OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? 'authorization,content-type,x-experience-api-version');
}

const body = (req: IncomingMessage) =>
  new Promise<Buffer>((res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => res(Buffer.concat(chunks)));
  });

export async function startCmi5Launcher(lrs: Lrs): Promise<Cmi5Launcher> {
  const launchData = new Map<string, Record<string, unknown>>();
  const fetches = new Map<string, number>();
  let base = '';

  const server = createServer(async (req, res) => {
    cors(req, res);
    const url = new URL(req.url ?? '/', base);
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    if (url.pathname.startsWith('/fetch/') && req.method === 'POST') {
      const n = (fetches.get(url.pathname) ?? 0) + 1;
      fetches.set(url.pathname, n);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      // cmi5 §8.2.3.1: the token is handed out once
      return void res.end(JSON.stringify(n === 1 ? { 'auth-token': TOKEN } : { 'error-code': '1', 'error-text': 'The authorization token has already been returned.' }));
    }
    if (url.pathname === '/xAPI/activities/state' && req.method === 'GET') {
      const doc = url.searchParams.get('stateId') === 'LMS.LaunchData' ? launchData.get(url.searchParams.get('registration') ?? '') : undefined;
      if (!doc || url.searchParams.get('activityId') !== AU_ID || req.headers.authorization !== `Basic ${TOKEN}`) return void res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return void res.end(JSON.stringify(doc));
    }
    if (url.pathname === '/returned') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return void res.end('<!doctype html><title>LMS</title><h1>Back in the LMS</h1>');
    }
    if (url.pathname.startsWith('/xAPI/statements')) {
      const headers: Record<string, string> = {};
      for (const h of ['authorization', 'content-type', 'x-experience-api-version']) if (req.headers[h]) headers[h] = String(req.headers[h]);
      const data = await body(req);
      try {
        const r = await fetch(`${lrs.endpoint}statements${url.search}`, { method: req.method, headers, ...(data.length ? { body: new Uint8Array(data) } : {}) });
        res.writeHead(r.status, { 'Content-Type': r.headers.get('content-type') ?? 'application/json', 'X-Experience-API-Version': '1.0.3' });
        return void res.end(Buffer.from(await r.arrayBuffer()));
      } catch {
        return void res.writeHead(502).end();
      }
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const endpoint = `${base}/xAPI/`;
  const returnURL = `${base}/returned`;

  return {
    endpoint,
    returnURL,
    fetches,
    async launch(auUrl, options = {}) {
      const registration = options.registration ?? randomUUID();
      const sessionId = randomUUID();
      const launchMode = options.launchMode ?? 'Normal';
      const contextTemplate = { contextActivities: { grouping: [{ objectType: 'Activity', id: AU_ID }] }, extensions: { [SESSION_EXT]: sessionId } };
      launchData.set(registration, {
        contextTemplate,
        launchMode,
        moveOn: options.moveOn ?? 'CompletedAndPassed',
        returnURL,
        ...(options.masteryScore !== undefined ? { masteryScore: options.masteryScore } : {}),
      });
      // cmi5 §9.3.1: the LMS records "launched" before it launches the AU
      const launched = {
        id: randomUUID(),
        actor: CMI5_ACTOR,
        verb: { id: 'http://adlnet.gov/expapi/verbs/launched', display: { 'en-US': 'launched' } },
        object: { objectType: 'Activity', id: AU_ID },
        context: {
          registration,
          contextActivities: { ...contextTemplate.contextActivities, category: [{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }] },
          extensions: { ...contextTemplate.extensions, 'https://w3id.org/xapi/cmi5/context/extensions/launchmode': launchMode, 'https://w3id.org/xapi/cmi5/context/extensions/moveon': options.moveOn ?? 'CompletedAndPassed' },
        },
        timestamp: new Date().toISOString(),
      };
      const r = await fetch(`${lrs.endpoint}statements`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3', Authorization: `Basic ${TOKEN}` }, body: JSON.stringify(launched) });
      if (!r.ok) throw new Error(`launched statement: ${r.status} ${await r.text()}`);
      const q = new URLSearchParams({ endpoint, fetch: `${base}/fetch/${randomUUID()}`, actor: JSON.stringify(CMI5_ACTOR), registration, activityId: AU_ID });
      const [path, hash = ''] = auUrl.split('#');
      return { url: `${path}?${q}${hash ? `#${hash}` : ''}`, registration, sessionId };
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
