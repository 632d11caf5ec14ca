/** Bundle sizes, read from the build output: entry chunk, chapter chunks, CSS, and everything a precache would hold. */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUDGETS } from './budgets.ts';
import type { Figure, ModuleResult } from './figures.ts';

/** gzip at zlib's default level 6 — the level vite's own build report uses */
export function gzipSize(file: string): number {
  return gzipSync(readFileSync(file)).length;
}

export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

/** Files a deployment (and a service-worker precache) would ship: everything but sourcemaps and vite's .vite/ metadata. */
export function shippedFiles(outDir: string): string[] {
  return filesUnder(outDir).filter((f) => !f.endsWith('.map') && !relative(outDir, f).split(sep).includes('.vite'));
}

interface IndexRefs {
  entry: string;
  css: string[];
  modulePreloads: string[];
}

/** The entry script, stylesheets and modulepreloads referenced by index.html (paths relative to outDir). */
export function indexRefs(html: string): IndexRefs {
  const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1];
  const clean = (p: string) => p.replace(/^\.?\//, '');
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((t) => /type="module"/.test(t) && attr(t, 'src'));
  const links = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]);
  const entry = scripts[0] && attr(scripts[0], 'src');
  if (!entry) throw new Error('index.html has no module script');
  return {
    entry: clean(entry),
    css: links.filter((t) => /rel="stylesheet"/.test(t)).map((t) => clean(attr(t, 'href')!)),
    modulePreloads: links.filter((t) => /rel="modulepreload"/.test(t)).map((t) => clean(attr(t, 'href')!)),
  };
}

type Manifest = Record<string, { file: string; src?: string; isEntry?: boolean; imports?: string[] }>;

/**
 * The entry chunk and every chunk it imports statically (transitively), from vite's manifest: the code that must
 * arrive before the app runs. Chunks that index.html merely preloads (the course data) are not in it.
 */
export function staticGraph(manifest: Manifest, entryFile: string): string[] {
  const key = Object.keys(manifest).find((k) => manifest[k]!.file === entryFile && manifest[k]!.isEntry);
  if (!key) throw new Error(`vite's manifest has no entry ${entryFile}`);
  const seen = new Set<string>();
  const walk = (k: string) => {
    if (seen.has(k)) return;
    seen.add(k);
    for (const i of manifest[k]?.imports ?? []) walk(i);
  };
  walk(key);
  return [...seen].map((k) => manifest[k]!.file);
}

/**
 * Chapter chunks by MDX file name: from vite's manifest (the bench builds with --manifest), else by the chunk
 * file name, which rolldown derives from the module's name ("05-case-studies-XXXX.js").
 */
export function chapterChunks(root: string, outDir: string): Map<string, string> {
  const mdx = readdirSync(join(root, 'content/chapters')).filter((f) => f.endsWith('.mdx')).sort();
  const found = new Map<string, string>();
  const manifestPath = join(outDir, '.vite/manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    for (const [key, chunk] of Object.entries(manifest)) {
      const src = chunk.src ?? key;
      const m = /(?:^|\/)content\/chapters\/([^/]+\.mdx)$/.exec(src);
      if (m && chunk.file.endsWith('.js')) found.set(basename(m[1]!, '.mdx'), chunk.file);
    }
  }
  if (found.size === 0) {
    const assets = readdirSync(join(outDir, 'assets'));
    for (const f of mdx) {
      const name = basename(f, '.mdx');
      const chunk = assets.find((a) => a.startsWith(`${name}-`) && a.endsWith('.js'));
      if (chunk) found.set(name, `assets/${chunk}`);
    }
  }
  const missing = mdx.map((f) => basename(f, '.mdx')).filter((n) => !found.has(n));
  if (missing.length) throw new Error(`no chunk found for chapter(s): ${missing.join(', ')}`);
  return found;
}

export function measureBundle(root: string, outDir: string): ModuleResult {
  const refs = indexRefs(readFileSync(join(outDir, 'index.html'), 'utf8'));
  const entryGzip = gzipSize(join(outDir, refs.entry));
  const figures: Figure[] = [
    { name: 'bundle/entry.gzip', value: entryGzip, unit: 'B', note: refs.entry },
  ];
  const manifestPath = join(outDir, '.vite/manifest.json');
  if (!existsSync(manifestPath)) throw new Error('the build has no .vite/manifest.json: build with --manifest');
  const graph = staticGraph(JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest, refs.entry);
  const sum = (files: string[]) => files.reduce((a, f) => a + gzipSize(join(outDir, f)), 0);
  figures.push({
    name: 'bundle/entry+static.gzip',
    value: sum(graph),
    unit: 'B',
    // the bundler may split the entry's static imports off, but the browser needs them all before the first render
    budget: BUDGETS.entryGzip,
    headline: true,
    note: `${graph.length} chunks`,
  });
  const data = refs.modulePreloads.filter((p) => !graph.includes(p));
  figures.push({
    name: 'bundle/entry+modulepreload.gzip',
    value: entryGzip + sum(refs.modulePreloads),
    unit: 'B',
    note: `everything index.html loads before the app runs; besides the code: ${data.join(', ') || 'nothing'}`,
  });

  const chapters = [...chapterChunks(root, outDir)].map(([name, file]) => ({ name, file, gzip: gzipSize(join(outDir, file)) }));
  for (const c of chapters) {
    figures.push({ name: `bundle/chapter/${c.name}.gzip`, value: c.gzip, unit: 'B', budget: BUDGETS.chapterGzip, note: c.file });
  }
  const largest = chapters.reduce((a, b) => (b.gzip > a.gzip ? b : a));
  figures.push({ name: 'bundle/chapter.largest.gzip', value: largest.gzip, unit: 'B', headline: true, note: largest.name });
  // the search index (with MiniSearch and the section texts it shows) loads only when search is opened
  const search = readdirSync(join(outDir, 'assets')).find((f) => f.startsWith('search-engine-') && f.endsWith('.js'));
  if (search) figures.push({ name: 'bundle/search-index.gzip', value: gzipSize(join(outDir, 'assets', search)), unit: 'B', headline: true, note: `assets/${search}` });

  const shipped = shippedFiles(outDir);
  const css = shipped.filter((f) => f.endsWith('.css'));
  figures.push({
    name: 'bundle/css.gzip',
    value: css.reduce((sum, f) => sum + gzipSize(f), 0),
    unit: 'B',
    note: css.map((f) => relative(outDir, f)).join(', '),
  });
  const raw = shipped.reduce((sum, f) => sum + statSync(f).size, 0);
  figures.push({ name: 'bundle/precache.total', value: raw, unit: 'B', headline: true, note: `${shipped.length} files, uncompressed` });
  figures.push({ name: 'bundle/precache.gzip', value: shipped.reduce((sum, f) => sum + gzipSize(f), 0), unit: 'B' });
  figures.push({ name: 'bundle/precache.files', value: shipped.length, unit: 'count' });

  return {
    figures,
    method: [
      'Sizes are gzip at zlib level 6 (what vite reports); 1 KB = 1024 B.',
      `Entry chunk = the module script of index.html (${refs.entry}); entry+static adds every chunk it imports statically, from vite's manifest (${graph.join(', ')}). Chapter chunks are found through vite's manifest (content/chapters/*.mdx → chunk).`,
      'Precache total = every file of the build output except sourcemaps and .vite/ metadata, uncompressed.',
    ],
  };
}
