/**
 * The content build step: validates the course, exposes the manifest as `virtual:course`, and rewrites each
 * chapter's MDX so interactive elements render from the extracted data (the same data the manifest was built from).
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { CourseItems } from '../../src/domain/course.ts';
import { formatProblems, type ContentProblem } from './errors.ts';
import { loadCourse, type LoadedCourse } from './load-course.ts';
import { buildSearchIndex } from './search-index.ts';

const VIRTUAL = 'virtual:course';
const RESOLVED = '\0' + VIRTUAL;
/**
 * The manifest's data, behind `virtual:course`: that module awaits it, so the data is a chunk of its own, outside
 * the entry's static imports — the code of the first view stays the same size however large the course grows.
 * index.html preloads it beside the entry, so it arrives in parallel.
 */
const MANIFEST = 'virtual:course-manifest';
const RESOLVED_MANIFEST = '\0' + MANIFEST;
/** the answer key of the whole course (CourseItems): loaded lazily by records, exporters and the LMS/LRS runtimes */
const ITEMS = 'virtual:course-items';
const RESOLVED_ITEMS = '\0' + ITEMS;
/** the glossary (GlossaryEntry[]) and the search index (SearchIndexData): each its own lazily loaded chunk */
const GLOSSARY = 'virtual:glossary';
const SEARCH_INDEX = 'virtual:search-index';

/** What a plugin hook throws: Vite's dev overlay and the build log show `id` and `loc` as the file and line. */
export interface ContentBuildError {
  message: string;
  id: string;
  loc: { file: string; line: number; column: number };
  plugin: string;
}

const NAME = 'zhixing:course-content';

/** Every problem in the message; the first one located, so the overlay opens at it. */
export function buildError(root: string, problems: ContentProblem[]): ContentBuildError {
  const first = problems[0]!;
  const file = resolve(root, first.file);
  return { message: formatProblems(problems), id: file, loc: { file, line: first.line ?? 1, column: 0 }, plugin: NAME };
}

export function courseContent(options: { root?: string; contentDir?: string } = {}): Plugin {
  let root = options.root ?? process.cwd();
  const contentDir = options.contentDir ?? 'content';
  let course: LoadedCourse | undefined;
  const load = () => (course ??= loadCourse(root, contentDir));
  const fail = (ctx: { error: (e: ContentBuildError) => never }) => {
    const { problems } = load();
    if (problems.length) ctx.error(buildError(root, problems));
  };
  return {
    name: NAME,
    enforce: 'pre',
    configResolved(config) {
      root = options.root ?? config.root;
    },
    buildStart() {
      course = undefined;
      fail(this);
    },
    resolveId(id) {
      if (id === GLOSSARY || id === SEARCH_INDEX || id === MANIFEST) return '\0' + id;
      return id === VIRTUAL ? RESOLVED : id === ITEMS ? RESOLVED_ITEMS : undefined;
    },
    load(id) {
      if (id === '\0' + GLOSSARY) {
        fail(this);
        return `export default ${JSON.stringify(load().glossary)};`;
      }
      if (id === '\0' + SEARCH_INDEX) {
        fail(this);
        // JSON.parse of a string literal: parsed faster than the same data as an object literal
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(buildSearchIndex(load().searchDocs)))});`;
      }
      if (id === RESOLVED_ITEMS) {
        fail(this);
        const c = load();
        const items: CourseItems = { chapters: c.interactive, bank: c.bank };
        return `export default ${JSON.stringify(items)};`;
      }
      if (id === RESOLVED) return `const { default: course } = await import(${JSON.stringify(MANIFEST)});\nexport default course;`;
      if (id !== RESOLVED_MANIFEST) return undefined;
      fail(this);
      return `export default ${JSON.stringify(load().manifest)};`;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.moduleIds.includes(RESOLVED_MANIFEST));
        if (!chunk) return undefined;
        return [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` }, injectTo: 'head' }];
      },
    },
    transform(code, id) {
      const file = id.split('?')[0]!;
      if (!file.endsWith('.mdx') || !file.startsWith(resolve(root, contentDir))) return undefined;
      fail(this);
      const c = load();
      const reps = c.replacements.get(file);
      if (!reps) return undefined;
      let out = code;
      for (const r of [...reps].sort((a, b) => b.start - a.start)) out = out.slice(0, r.start) + r.text + out.slice(r.end);
      const chapter = c.manifest?.chapters.find((ch) => resolve(root, ch.file) === file);
      const data = chapter ? c.interactive[chapter.id] : { bank: c.bank };
      out += `\n\nexport const interactive = ${JSON.stringify(data)};\n`;
      return { code: out, map: null };
    },
    configureServer(server) {
      server.watcher.add(resolve(root, contentDir));
      server.watcher.on('all', (_event, path) => {
        if (!path.startsWith(resolve(root, contentDir))) return;
        course = undefined;
        for (const virtualId of [RESOLVED, RESOLVED_MANIFEST, RESOLVED_ITEMS, '\0' + GLOSSARY, '\0' + SEARCH_INDEX]) {
          const mod = server.moduleGraph.getModuleById(virtualId);
          if (mod) server.moduleGraph.invalidateModule(mod);
        }
        // the manifest and every chapter's extracted data may have changed with any content file (course.yaml
        // is no module at all): the preview reloads on save, and a fixed problem clears the overlay
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}
