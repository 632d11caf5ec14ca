/**
 * Lighthouse 12, programmatic: mobile (default config) and desktop presets, home page and a chapter page,
 * several runs each in a fresh Chromium with a fresh profile; figures are medians with their min–max.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tests/e2e/harness.ts';
import { BUDGETS, TARGETS } from './budgets.ts';
import { medianFigure, type Figure, type ModuleResult, type Unit } from './figures.ts';
import { log, using, withTimeout } from './util.ts';

export const LIGHTHOUSE_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const METRICS = [
  { id: 'largest-contentful-paint', key: 'lcp', unit: 'ms' },
  { id: 'total-blocking-time', key: 'tbt', unit: 'ms' },
  { id: 'cumulative-layout-shift', key: 'cls', unit: 'cls' },
] as const satisfies readonly { id: string; key: string; unit: Unit }[];

export const PAGES = { home: '', chapter: '#/chapter/intro' } as const;
const PRESETS = { mobile: undefined, desktop: desktopConfig } as const;
type Preset = keyof typeof PRESETS;
type PageName = keyof typeof PAGES;

interface RunSample {
  scores: Record<(typeof CATEGORIES)[number], number>;
  metrics: Record<(typeof METRICS)[number]['key'], number>;
  /** audits scoring below 1 in accessibility / best-practices / seo */
  failing: string[];
  /** audits Lighthouse could not run */
  errored: string[];
  /** failed installability-related audits */
  installability: number;
}

const RUN_TIMEOUT_MS = 180_000;

async function killChrome(chrome: LaunchedChrome) {
  const exited = new Promise<void>((res) => {
    if (chrome.process.exitCode !== null) return res();
    chrome.process.once('exit', () => res());
  });
  chrome.kill();
  await withTimeout(exited, 10_000, 'chromium exit').catch(() => chrome.process.kill('SIGKILL'));
}

const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });

/** A fresh Chromium with a fresh profile; the profile goes away with it (see runOnce), or right here if launching fails. */
async function launchFresh(): Promise<{ chrome: LaunchedChrome; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'zhixing-lh-'));
  try {
    const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: LIGHTHOUSE_FLAGS, userDataDir: profile, handleSIGINT: false, logLevel: 'silent' });
    return { chrome, profile };
  } catch (e) {
    removeDir(profile);
    throw e;
  }
}

async function runOnce(url: string, preset: Preset, saveAs: string): Promise<RunSample> {
  return using(
    launchFresh,
    async ({ chrome, profile }) => {
      await killChrome(chrome);
      removeDir(profile);
    },
    async ({ chrome }) => {
      const running = lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] }, PRESETS[preset]);
      running.catch(() => undefined); // if the timeout wins, the abandoned run must not surface as an unhandled rejection
      const result = await withTimeout(running, RUN_TIMEOUT_MS, `lighthouse ${preset} ${url}`);
      const lhr = result?.lhr;
      if (!lhr) throw new Error('lighthouse returned no result');
      if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      writeFileSync(saveAs, JSON.stringify(lhr));
      const score = (c: string) => {
        const s = lhr.categories[c]?.score;
        if (s === null || s === undefined) throw new Error(`lighthouse: no ${c} score`);
        return s * 100;
      };
      const numeric = (id: string) => {
        const v = lhr.audits[id]?.numericValue;
        if (v === undefined) throw new Error(`lighthouse: no ${id}`);
        return v;
      };
      const failing = (['accessibility', 'best-practices', 'seo'] as const).flatMap((c) =>
        (lhr.categories[c]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => `${c}:${ref.id}`),
      );
      const errored = Object.values(lhr.audits)
        .filter((a) => a.scoreDisplayMode === 'error')
        .map((a) => `${a.id}: ${a.errorMessage ?? 'unknown error'}`);
      // Lighthouse 12 dropped the PWA category; of the installability checks only these still apply
      const installability = INSTALLABILITY_AUDITS.filter((id) => lhr.audits[id] && (lhr.audits[id]!.score ?? 1) < 1).length;
      return {
        errored,
        installability,
        scores: Object.fromEntries(CATEGORIES.map((c) => [c, score(c)])) as RunSample['scores'],
        metrics: Object.fromEntries(METRICS.map((m) => [m.key, numeric(m.id)])) as RunSample['metrics'],
        failing,
      };
    },
  );
}

/** Installability-related audits Lighthouse 12 still runs (the browser's own installability check is in tests/e2e/offline.e2e.ts). */
const INSTALLABILITY_AUDITS = ['viewport', 'meta-viewport', 'document-title', 'html-has-lang'];

export async function measureLighthouse(baseUrl: string, opts: { runs: number; saveDir: string }): Promise<ModuleResult> {
  rmSync(opts.saveDir, { recursive: true, force: true });
  mkdirSync(opts.saveDir, { recursive: true });
  const samples = new Map<string, RunSample[]>();
  const errors: string[] = [];
  // runs outermost, so slow drift of a noisy machine spreads over every preset and page alike
  for (let run = 1; run <= opts.runs; run++) {
    for (const preset of Object.keys(PRESETS) as Preset[]) {
      for (const [page, hash] of Object.entries(PAGES) as [PageName, string][]) {
        const key = `${preset}/${page}`;
        let sample: RunSample | undefined;
        for (let attempt = 1; attempt <= 2 && !sample; attempt++) {
          const started = Date.now();
          try {
            sample = await runOnce(baseUrl + hash, preset, join(opts.saveDir, `${preset}-${page}-${run}.json`));
            log(`lighthouse ${key} run ${run}: perf ${sample.scores.performance} a11y ${sample.scores.accessibility} bp ${sample.scores['best-practices']} (${Math.round((Date.now() - started) / 1000)} s)`);
          } catch (e) {
            const msg = `${key} run ${run} attempt ${attempt}: ${(e as Error).message.split('\n')[0]}`;
            log(`lighthouse ${msg}`);
            errors.push(msg);
          }
        }
        if (sample) samples.set(key, [...(samples.get(key) ?? []), sample]);
      }
    }
  }

  const figures: Figure[] = [];
  const failing: string[] = [];
  const errored = new Set<string>();
  for (const preset of Object.keys(PRESETS) as Preset[]) {
    for (const page of Object.keys(PAGES) as PageName[]) {
      const key = `${preset}/${page}`;
      const s = samples.get(key) ?? [];
      const fig = (name: string, values: number[], unit: Unit, rest: Partial<Figure> = {}) =>
        figures.push(values.length ? medianFigure(`lighthouse/${key}/${name}`, values, unit, rest) : { name: `lighthouse/${key}/${name}`, value: Number.NaN, unit, ...rest });
      for (const c of CATEGORIES) {
        const rest: Partial<Figure> =
          c === 'accessibility' ? { budget: BUDGETS.lighthouseAccessibility }
          : c === 'best-practices' ? { budget: BUDGETS.lighthouseBestPractices }
          : c === 'performance' && preset === 'mobile' ? { target: TARGETS.mobilePerformance, headline: true }
          : {};
        fig(c, s.map((x) => x.scores[c]), 'score', rest);
      }
      for (const m of METRICS) {
        fig(m.key, s.map((x) => x.metrics[m.key]), m.unit, m.key === 'cls' ? { budget: BUDGETS.cls } : m.key === 'lcp' && preset === 'mobile' ? { headline: true } : {});
      }
      fig('installability-failed', s.map((x) => x.installability), 'count', { budget: { max: 0 } });
      const counts = new Map<string, number>();
      for (const x of s) for (const f of x.failing) counts.set(f, (counts.get(f) ?? 0) + 1);
      for (const [audit, n] of counts) failing.push(`${key} ${audit} (${n}/${s.length} runs)`);
      for (const x of s) for (const e of x.errored) errored.add(e);
    }
  }
  return {
    figures,
    method: [
      `Lighthouse 12, ${opts.runs} runs per preset and page, each in a fresh headless Chromium with a fresh profile, run one at a time; values are medians, spread is min–max.`,
      'Mobile = default config (simulated slow 4G, 4× CPU slowdown); desktop = lighthouse/core/config/desktop-config.js. Pages: home (/) and chapter (#/chapter/intro).',
      'Performance score (target ≥ 95 on mobile), LCP and TBT are reported, not enforced: on a shared 2-core machine they move with the load.',
      failing.length ? `Audits below full score (a11y / best practices / SEO): ${failing.join('; ')}.` : 'No accessibility, best-practices or SEO audit below full score.',
      ...(errors.length ? [`Failed runs (retried once): ${errors.join('; ')}.`] : []),
      ...(errored.size
        ? [`Audits Lighthouse could not run with this Chromium: ${[...new Set([...errored].map((e) => e.split(':')[0]))].join(', ')} — e.g. “${[...errored][0]!.slice(0, 160)}”.`]
        : []),
      `Raw Lighthouse results: ${opts.saveDir.replace(/^.*?(bench\/)/, '$1')}/*.json (not committed).`,
    ],
  };
}
