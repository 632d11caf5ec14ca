/**
 * First view: what the home page downloads on a first visit (fresh profile, empty cache), summed as gzip.
 * vite preview serves uncompressed, so the browser only tells us which files it fetched; we gzip those files ourselves.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { browser, removeProfile } from '../../tests/e2e/harness.ts';
import { TARGETS } from './budgets.ts';
import type { ModuleResult } from './figures.ts';
import { using, withTimeout } from './util.ts';

export async function measureFirstView(url: string, outDir: string): Promise<ModuleResult> {
  const fetched = await using(
    () => browser({ viewport: { width: 412, height: 823 } }),
    async (b) => {
      await b.close();
      removeProfile(b.profile);
    },
    async ({ page }) => {
      const origin = new URL(url).origin;
      const paths = new Set<string>();
      page.on('response', (r) => {
        const u = new URL(r.url());
        if (u.origin === origin && r.status() < 400) paths.add(u.pathname === '/' ? '/index.html' : decodeURIComponent(u.pathname));
      });
      await withTimeout(
        (async () => {
          await page.goto(url, { waitUntil: 'networkidle' });
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          // anything the rendered home page starts fetching late (lazy chunks, storage) belongs to the first view too
          await page.waitForLoadState('networkidle');
        })(),
        60_000,
        'first view load',
      );
      return [...paths].sort();
    },
  );

  let gzip = 0;
  let raw = 0;
  const rows: string[] = [];
  for (const p of fetched) {
    const file = join(outDir, p);
    if (!existsSync(file)) throw new Error(`the home page fetched ${p}, which is not in the build output`);
    const buf = readFileSync(file);
    const gz = gzipSync(buf).length;
    gzip += gz;
    raw += buf.length;
    rows.push(`${p.slice(1)} ${(gz / 1024).toFixed(1)} KB`);
  }
  return {
    figures: [
      { name: 'first-view/gzip', value: gzip, unit: 'B', target: TARGETS.firstViewGzip, headline: true, note: `${fetched.length} requests` },
      { name: 'first-view/raw', value: raw, unit: 'B' },
      { name: 'first-view/requests', value: fetched.length, unit: 'count' },
    ],
    method: [
      'Home page loaded once in Chromium with a fresh profile until the network is idle; every same-origin response is counted.',
      `Files fetched (gzip): ${rows.join(', ')}.`,
    ],
  };
}
