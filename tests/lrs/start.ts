/**
 * A real Learning Record Store for the browser tests: Learning Locker's statement service (xapi-statements 5.0.1),
 * in memory, on loopback only. Installed in this folder on its own (`npm ci --ignore-scripts --omit=optional`):
 * it declares Node 6–8 engines and optional native modules the tests never use.
 *
 * With AUTH_REPO=test it authenticates by the Authorization header's value: "Basic missing_token" is unknown (401),
 * "invalid_scope_client" lacks the xAPI scope (403), anything else (or nothing) is a valid client.
 * It serves GET/POST/PUT {endpoint}statements and {endpoint}about, validates statements strictly (400 naming the
 * offending path), and answers CORS preflights. It has no State API.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HERE = import.meta.dirname;
const SERVER = join(HERE, 'node_modules/xapi-statements/dist/server.js');

/** The test client's authorizations (AUTH_REPO=test): see the module comment. */
export const LRS_AUTH = { valid: 'Basic dGVzdDp0ZXN0', unknown: 'Basic missing_token', forbidden: 'invalid_scope_client' } as const;

export interface Lrs {
  /** the xAPI endpoint, with its trailing slash: statements are at `${endpoint}statements` */
  readonly endpoint: string;
  readonly port: number;
  /** stops the process; the statements it held are gone unless the same instance is started again */
  stop(): Promise<void>;
  /** starts it again on the same port: an empty store, since it keeps statements in memory only */
  restart(): Promise<void>;
  /** stops it and removes its scratch folder */
  close(): Promise<void>;
  /** every stored statement matching the query (e.g. { registration, verb }), following `more` links */
  statements(query?: Record<string, string>): Promise<XapiStatement[]>;
}

export interface XapiStatement {
  id: string;
  verb: { id: string };
  object: { id: string };
  result?: { score?: { scaled?: number }; success?: boolean; completion?: boolean; duration?: string };
  context?: { registration?: string; contextActivities?: { category?: { id: string }[] }; extensions?: Record<string, unknown> };
  timestamp: string;
  stored: string;
  [key: string]: unknown;
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

export async function startLrs(options: { port?: number } = {}): Promise<Lrs> {
  if (!existsSync(SERVER)) throw new Error(`the test LRS is not installed: run (cd tests/lrs && npm ci --ignore-scripts --omit=optional)`);
  const port = options.port ?? (await freePort());
  const endpoint = `http://127.0.0.1:${port}/xAPI/`;
  // STORAGE_REPO=local writes attachments and access logs under the working directory
  const cwd = mkdtempSync(join(tmpdir(), 'zhixing-lrs-'));
  let child: ChildProcess | undefined;
  let log = '';

  async function up(): Promise<void> {
    log = '';
    child = spawn(process.execPath, ['-r', join(HERE, 'bind-loopback.cjs'), SERVER], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH ?? '',
        AUTH_REPO: 'test',
        EVENTS_REPO: 'test',
        MODELS_REPO: 'memory',
        STORAGE_REPO: 'local',
        EXPRESS_PORT: String(port),
        WINSTON_CONSOLE_LEVEL: 'warn',
        // without it the service answers before the statement's side updates land, and a GET right after a POST can miss it
        SERVICE_AWAIT_UPDATES: 'true',
      },
    });
    child.stdout!.on('data', (d) => (log += d));
    child.stderr!.on('data', (d) => (log += d));
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        const r = await fetch(`${endpoint}about`);
        if (r.ok) return;
      } catch {
        /* not listening yet */
      }
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the test LRS did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  function down(): Promise<void> {
    return new Promise((res) => {
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return res();
      c.once('exit', () => res());
      c.kill('SIGTERM');
    });
  }

  await up();
  return {
    endpoint,
    port,
    stop: async () => {
      await down();
    },
    restart: async () => {
      await down();
      await up();
    },
    close: async () => {
      await down();
      rmSync(cwd, { recursive: true, force: true });
    },
    statements: async (query = {}) => {
      const out: XapiStatement[] = [];
      let next: string | undefined = `${endpoint}statements?${new URLSearchParams({ limit: '500', ...query })}`;
      while (next) {
        const r = await fetch(next, { headers: { 'X-Experience-API-Version': '1.0.3', Authorization: LRS_AUTH.valid } });
        if (!r.ok) throw new Error(`GET statements: ${r.status} ${await r.text()}`);
        const body = (await r.json()) as { statements: XapiStatement[]; more?: string };
        out.push(...body.statements);
        next = body.more ? new URL(body.more, endpoint).href : undefined;
      }
      return out;
    },
  };
}
