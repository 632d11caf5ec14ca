/**
 * npm run bench [-- --check] [--skip-build] [--skip-lighthouse] [--runs=N] [--samples=N]
 *
 * Builds the app into bench/build.tmp (so a concurrent `vite build` / e2e run on dist/ is never disturbed), runs every
 * benchmark module one after the other, collects their figures in one list, and writes bench/report.json and
 * bench/report.md. With --check, exits 1 and lists the broken budgets when any budget fails.
 *
 * To add a measurement, add a module to MODULES: it returns figures (see figures.ts), optionally with budgets.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { CHROMIUM, ROOT, serve, type Server } from '../../tests/e2e/harness.ts';
import { checkBudgets, missedTargets } from './budgets.ts';
import { measureBundle } from './bundle.ts';
import type { Figure, ModuleResult } from './figures.ts';
import { measureFirstView } from './first-view.ts';
import { measureLayoutShift } from './layout-shift.ts';
import { measureLighthouse } from './lighthouse.ts';
import { renderMarkdown, type Report, type SectionInfo } from './report.ts';
import { measureSuspendData } from './suspend-data.ts';
import { measureTrainingReport } from './training-report.ts';
import { installSignalHandlers, log, onInterrupt, run, withTimeout } from './util.ts';
import { measureWriteLatency } from './write-latency.ts';

export interface Options {
  check: boolean;
  'skip-build': boolean;
  'skip-lighthouse': boolean;
  runs: number;
  samples: number;
}

interface Context {
  root: string;
  outDir: string;
  /** the build, served by vite preview (only for modules that need it) */
  url: string;
  options: Options;
}

interface BenchModule {
  /** figure names of this module start with `${id}/` */
  id: string;
  title: string;
  server: boolean;
  timeoutMs: number;
  /** a reason to skip, from the options */
  skip?(o: Options): string | undefined;
  run(ctx: Context): Promise<ModuleResult>;
}

const MODULES: BenchModule[] = [
  { id: 'bundle', title: 'Bundle', server: false, timeoutMs: 60_000, run: async (c) => measureBundle(c.root, c.outDir) },
  { id: 'suspend-data', title: 'SCORM suspend data (worst-case learner)', server: false, timeoutMs: 60_000, run: async (c) => measureSuspendData(c.root) },
  { id: 'training-report', title: 'Training report (import and aggregate learners’ records)', server: false, timeoutMs: 600_000, run: (c) => measureTrainingReport(c.root) },
  { id: 'first-view', title: 'First view (home page, first visit)', server: true, timeoutMs: 120_000, run: (c) => measureFirstView(c.url, c.outDir) },
  {
    id: 'write-latency',
    title: 'Progress write latency (click → durable write in IndexedDB)',
    server: true,
    timeoutMs: 600_000,
    run: (c) => measureWriteLatency(c.url, { samples: c.options.samples }),
  },
  {
    id: 'layout-shift',
    title: 'Layout shifts (what moves, unthrottled)',
    server: true,
    timeoutMs: 300_000,
    run: (c) => measureLayoutShift(c.url),
  },
  {
    id: 'lighthouse',
    title: 'Lighthouse',
    server: true,
    timeoutMs: 60 * 60_000,
    skip: (o) => (o['skip-lighthouse'] ? '--skip-lighthouse' : undefined),
    run: (c) => measureLighthouse(c.url, { runs: c.options.runs, saveDir: join(c.root, 'bench/lighthouse.tmp') }),
  },
];

function parseArgs(argv: string[]): Options {
  const o: Options = { check: false, 'skip-build': false, 'skip-lighthouse': false, runs: 3, samples: 100 };
  for (const arg of argv) {
    const [k, v] = arg.replace(/^--/, '').split('=') as [string, string | undefined];
    if ((k === 'check' || k === 'skip-build' || k === 'skip-lighthouse') && v === undefined) o[k] = true;
    else if ((k === 'runs' || k === 'samples') && v && /^[1-9]\d*$/.test(v)) o[k] = Number(v);
    else throw new Error(`unknown option ${arg}\nusage: npm run bench -- [--check] [--skip-build] [--skip-lighthouse] [--runs=N] [--samples=N]`);
  }
  return o;
}

function quiet(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

async function main() {
  installSignalHandlers();
  const options = parseArgs(process.argv.slice(2));
  const benchDir = join(ROOT, 'bench');
  mkdirSync(benchDir, { recursive: true });
  const buildDir = join(benchDir, 'build.tmp');

  let outDir = buildDir;
  if (!options['skip-build']) {
    log('building (vite build --manifest) …');
    const t = Date.now();
    await run(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--manifest', '--outDir', buildDir, '--emptyOutDir'], {
      cwd: ROOT,
      timeoutMs: 5 * 60_000,
    });
    log(`built in ${Math.round((Date.now() - t) / 1000)} s`);
  } else if (!existsSync(join(buildDir, 'index.html'))) {
    outDir = join(ROOT, 'dist');
    if (!existsSync(join(outDir, 'index.html'))) throw new Error('--skip-build: no earlier build in bench/build.tmp or dist/');
  }
  log(`measuring ${relative(ROOT, outDir)}/`);

  const figures: Figure[] = [];
  const sections: SectionInfo[] = [];
  let server: Server | undefined;
  const stopServer = async () => {
    const s = server;
    server = undefined;
    await s?.close();
  };
  const offServer = onInterrupt(stopServer);
  try {
    for (const m of MODULES) {
      const section: SectionInfo = { id: m.id, title: m.title, method: [] };
      sections.push(section);
      const skipped = m.skip?.(options);
      if (skipped) {
        section.skipped = skipped;
        continue;
      }
      if (m.server && !server) server = await serve({ outDir });
      log(`${m.title} …`);
      const t = Date.now();
      try {
        const result = await withTimeout(m.run({ root: ROOT, outDir, url: server?.url ?? '', options }), m.timeoutMs, m.title);
        const stray = result.figures.filter((f) => !f.name.startsWith(`${m.id}/`));
        if (stray.length) throw new Error(`figures outside "${m.id}/": ${stray.map((f) => f.name).join(', ')}`);
        figures.push(...result.figures);
        section.method = result.method;
      } catch (e) {
        section.error = (e as Error).message.split('\n')[0]!;
        log(`${m.title} failed: ${(e as Error).stack ?? e}`);
      }
      section.durationMs = Date.now() - t;
    }
  } finally {
    offServer();
    await stopServer();
  }

  const violations = checkBudgets(figures);
  const report: Report = {
    generatedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit: `${quiet('git', ['rev-parse', '--short', 'HEAD'])}${quiet('git', ['status', '--porcelain']) ? ' (+ uncommitted changes)' : ''}`,
    machine: {
      cpus: `${cpus().length}× ${cpus()[0]?.model.trim() ?? 'cpu'}`,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      chromium: quiet(CHROMIUM, ['--version']),
    },
    options: { ...options, outDir: relative(ROOT, outDir) },
    sections,
    figures,
    violations,
    targetsMissed: missedTargets(figures),
  };
  writeFileSync(join(benchDir, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(join(benchDir, 'report.md'), renderMarkdown(report));
  log('wrote bench/report.json and bench/report.md');

  const errors = sections.filter((s) => s.error);
  for (const s of errors) console.error(`✗ ${s.title} could not be measured: ${s.error}`);
  if (options.check) {
    if (violations.length) {
      console.error(`\n${violations.length} budget(s) broken:`);
      for (const v of violations) console.error(`  ✗ ${v.message}`);
    } else console.log('All measured budgets met.');
  }
  for (const v of report.targetsMissed) console.log(`  ⚠ target missed (not enforced): ${v.message}`);
  process.exitCode = errors.length || (options.check && violations.length) ? 1 : 0;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
