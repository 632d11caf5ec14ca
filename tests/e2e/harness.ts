/**
 * Browser-test harness: serves the production build with `vite preview` on a free port and drives Debian's
 * Chromium through playwright-core. Each test gets a fresh profile directory (a fresh device).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

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
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`vite preview did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 150));
  }
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
