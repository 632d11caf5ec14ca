/**
 * Browser-test harness: serves the production build with `vite preview` on a free port and drives Debian's
 * Chromium through playwright-core. Each test gets a fresh profile directory (a fresh device).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { LearnerProgress } from '../../src/domain/progress.ts';
import type { StoredState } from '../../src/domain/restore.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function freePort(): Promise<number> {
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

export interface Server {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The build the browser tests serve: dist/, or ZX_DIST (so two builds can be tested side by side). */
export const DIST = process.env.ZX_DIST ? resolve(process.env.ZX_DIST) : join(ROOT, 'dist');

/** Terminal colours vite may put around the port it prints. */
const ANSI_STYLE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** Serves a built folder (default DIST) with vite preview. */
export async function serve(options: { outDir?: string; port?: number } = {}): Promise<Server> {
  const port = options.port ?? (await freePort());
  const args = [join(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'];
  args.push('--outDir', options.outDir ?? DIST);
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: String(port) } });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}/`;
  // up when vite preview prints its address (it listens first), then confirmed by one request
  await new Promise<void>((res, rej) => {
    const timer = setTimeout(() => fail('did not announce its address within 20 s'), 20_000);
    const onData = () => {
      if (!log.replace(ANSI_STYLE, '').includes(`127.0.0.1:${port}/`)) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      res();
    };
    const onExit = () => fail(`exited with ${child.exitCode}`);
    function fail(why: string) {
      clearTimeout(timer);
      child.kill('SIGTERM');
      rej(new Error(`vite preview ${why}:\n${log}`));
    }
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  });
  const r = await fetch(url);
  if (!r.ok) throw new Error(`vite preview answers ${r.status} for ${url}`);
  return {
    url,
    port,
    close: () =>
      new Promise<void>((res) => {
        if (child.exitCode !== null) return res();
        child.once('exit', () => res());
        child.kill('SIGTERM');
      }),
  };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  profile: string;
  close(): Promise<void>;
}

/** A browser with a fresh profile (or the given one, to reopen the same "device"). */
export async function browser(options: { profile?: string; viewport?: { width: number; height: number }; locale?: string } = {}): Promise<Browser> {
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'zhixing-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: options.locale ?? 'zh-CN',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  return {
    context,
    page,
    profile,
    close: async () => {
      await context.close();
    },
  };
}

export function removeProfile(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Builds a variant of the app (e.g. another course version) from a copy of the project, and returns its
 * output folder. The copy shares node_modules; `change` edits the copy before the build.
 */
export function buildVariant(change: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'zhixing-variant-'));
  for (const entry of ['content', 'src', 'public', 'scripts', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'])
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  change(dir);
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], { cwd: dir, stdio: 'inherit' });
  return join(dir, 'dist');
}

/** One production server and one fresh browser shared by the tests of a file (registered as node:test hooks). */
export function sessionPerFile(): { readonly url: string; readonly page: Page; readonly context: BrowserContext } {
  let server: Server | undefined;
  let b: Browser | undefined;
  before(async () => {
    server = await serve();
    b = await browser();
  });
  after(async () => {
    if (b) {
      await b.close();
      removeProfile(b.profile);
    }
    await server?.close();
  });
  return {
    get url() {
      return server!.url;
    },
    get page() {
      return b!.page;
    },
    get context() {
      return b!.context;
    },
  };
}

export const hasFocus = (l: Locator) => l.evaluate((el) => el === document.activeElement);

/**
 * Waits until `target` has the focus (it moves there after a render). Polls the locator, not an element: a route
 * change may replace the element found first.
 */
export async function waitForFocus(page: Page, target: Locator, what: string, timeout = 15_000): Promise<void> {
  let focus = '';
  await until(
    async () => {
      if ((await target.count()) && (await hasFocus(target))) return true;
      focus = await describeFocus(page);
      return false;
    },
    { what: `the focus moves to ${what}`, timeout, last: () => `the focus is on ${focus}` },
  );
}

/** What has the focus, for failure messages. */
export const describeFocus = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'nothing';
    return `<${el.tagName.toLowerCase()}${el.id ? ' id=' + el.id : ''}> ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60)}`;
  });

/**
 * Presses Tab (or Shift+Tab when the target comes before the focus) until `target` has the focus; `eachStop`
 * runs after every key press. Bounded: a control the keyboard cannot reach fails the test.
 */
export async function tabTo(page: Page, target: Locator, { max = 120, eachStop }: { max?: number; eachStop?: () => Promise<void> } = {}): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < max; i++) {
    if (await hasFocus(target)) return;
    const backwards = await target.evaluate((el) => {
      const active = document.activeElement;
      return !!active && active !== document.body && !!(el.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    await eachStop?.();
  }
  assert.fail(`Tab never reached the target; the focus is on ${await describeFocus(page)}`);
}

/** Tabs into a radio group, then checks `answer` with Space and the arrow keys (`tab` may check every stop). */
export async function pickRadio(page: Page, group: Locator, answer: string, tab: (page: Page, target: Locator) => Promise<void> = tabTo): Promise<void> {
  const radios = group.getByRole('radio');
  const target = group.getByRole('radio', { name: answer, exact: true });
  await tab(page, radios.first());
  await page.keyboard.press('Space');
  for (let i = await radios.count(); i > 0 && !(await target.isChecked()); i--) await page.keyboard.press('ArrowDown');
  assert.ok(await target.isChecked(), `「${answer}」 is checked`);
}

/**
 * Polls `check` until it gives a value (not undefined / false), at most `timeout` ms: for conditions the page
 * cannot signal (IndexedDB has no change event). Fails with `what` and the last value seen.
 */
export async function until<T>(check: () => Promise<T | undefined | false>, { what, timeout = 10_000, last }: { what: string; timeout?: number; last?: () => string } = { what: 'the condition' }): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) assert.fail(`${what} within ${timeout} ms${last ? `; last seen: ${last()}` : ''}`);
    await new Promise((r) => setTimeout(r, 20)); // the polling interval, not a wait for the app
  }
}

// ---------------------------------------------------------------------------------------------------------------
// what the app has stored

const COURSE_ID = /^id:\s*(\S+)/m.exec(readFileSync(join(ROOT, 'content/course.yaml'), 'utf8'))![1]!;

/**
 * Where the app keeps learner data: the localforage instance "zhixing" with the object store "learners"
 * (src/storage/storage.ts), under the persist key `zhixing:<course id>` (src/state/store.ts).
 */
export const STORE = { db: 'zhixing', objectStore: 'learners', key: `zhixing:${COURSE_ID}` } as const;

/**
 * Reads a stored record straight from IndexedDB ('' when there is none). Page-side source text: the test runner's
 * transpiler would otherwise wrap inner functions in a helper the page does not have.
 */
const READ_RECORD = `({ db: name, objectStore, key }) => new Promise((resolve) => {
  const open = indexedDB.open(name);
  open.onupgradeneeded = () => open.transaction.abort(); // never create the database: that races the app's first open
  open.onerror = () => resolve('');
  open.onsuccess = () => {
    const db = open.result;
    const done = (v) => { db.close(); resolve(v); }; // an open connection would block the app's upgrades
    if (!db.objectStoreNames.contains(objectStore)) return done('');
    const get = db.transaction(objectStore).objectStore(objectStore).get(key);
    get.onsuccess = () => done(typeof get.result === 'string' ? get.result : '');
    get.onerror = () => done('');
  };
})`;

/** The raw stored record under `key` ('' when there is none). */
export function readStored(page: Page, key: string = STORE.key): Promise<string> {
  return page.evaluate(`(${READ_RECORD})(${JSON.stringify({ ...STORE, key })})`) as Promise<string>;
}

/** The stored learner state, or undefined while there is none (or it is unreadable). */
export async function storedState(page: Page, key: string = STORE.key): Promise<StoredState | undefined> {
  const raw = await readStored(page, key);
  try {
    return raw ? (JSON.parse(raw) as { state: StoredState }).state : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Waits until the state stored in IndexedDB satisfies `predicate` (a write the test relies on has landed) and
 * returns it. A page between two documents reads as nothing yet.
 */
export async function waitForStored(page: Page, predicate: (state: StoredState) => boolean, what = 'the stored progress to change', timeout = 10_000): Promise<StoredState> {
  let last: StoredState | undefined;
  return until(
    async () => {
      last = await storedState(page).catch(() => undefined);
      return last && predicate(last) ? last : undefined;
    },
    { what: `waited for ${what}`, timeout, last: () => JSON.stringify(last)?.slice(0, 400) ?? 'nothing stored' },
  );
}

/** The current learner's stored progress. */
export const storedProgress = (s: StoredState): LearnerProgress | undefined => (s.currentLearnerId ? s.progress[s.currentLearnerId] : undefined);

/** The stored answer to a quiz question in any attempt of the current learner. */
export const storedAnswer = (s: StoredState, quizId: string, questionId: string) =>
  storedProgress(s)?.quizzes[quizId]?.attempts.map((a) => a.answers[questionId]).find((a) => a !== undefined);

/** The stored questions answered in a quiz, over every attempt of the current learner. */
export const storedAnswered = (s: StoredState, quizId: string): string[] => (storedProgress(s)?.quizzes[quizId]?.attempts ?? []).flatMap((a) => Object.keys(a.answers));

// ---------------------------------------------------------------------------------------------------------------
// a browser that dies

/** The pid of the Chromium browser process that runs on `profile` (Linux /proc: the launched process, not a child). */
export function browserPid(profile: string): number {
  const flag = `--user-data-dir=${profile}`;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let argv: string[];
    try {
      argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // gone meanwhile
    }
    if (argv.includes(flag) && !argv.some((a) => a.startsWith('--type='))) return Number(entry);
  }
  throw new Error(`no Chromium browser process runs on ${profile}`);
}

/**
 * Kills the browser as a crash or a power cut would: SIGKILL to its whole process group (browser, renderers,
 * utilities), so no page sees pagehide, visibilitychange or unload. Resolves, with the wall-clock time of the
 * kill, once playwright has seen the connection drop and the browser process is gone.
 */
export async function killBrowser(b: Browser): Promise<number> {
  const pid = browserPid(b.profile);
  const closed = new Promise<void>((res) => b.context.once('close', () => res()));
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // pgrp is the 3rd field after "(comm)"; playwright starts the browser in a group of its own
  const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
  const at = Date.now();
  process.kill(pgrp === pid ? -pid : pid, 'SIGKILL');
  await closed;
  await until(async () => gone(pid), { what: `the browser process ${pid} to be gone` });
  return at;
}

/** No such process, or only its exit status left (a zombie its parent has not reaped yet). */
function gone(pid: number): boolean {
  try {
    return !existsSync(`/proc/${pid}`) || /\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}
