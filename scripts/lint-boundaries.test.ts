import { ESLint } from 'eslint';
import { describe, expect, test, vi } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
// the first lint loads the TypeScript parser, the plugins and the import resolver: seconds on a busy 2-core machine
vi.setConfig({ testTimeout: 30_000 });

async function messages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the import boundaries', () => {
  test('fail when the pure domain imports React', async () => {
    const found = await messages("import { useState } from 'react';\nexport const x = useState;\n", 'src/domain/example.ts');
    expect(found).toContainEqual(expect.stringContaining('no-restricted-imports'));
    expect(found.join('\n')).toContain('src/domain and src/exporters are pure: no React.');
  });

  test('fail when an exporter reaches for i18n, storage or the DOM', async () => {
    const found = await messages(
      "import { i18n } from '../i18n/index.ts';\nimport localforage from 'localforage';\nexport const x = [i18n, localforage, window.location];\n",
      'src/exporters/example.ts',
    );
    expect(found.filter((m) => m.startsWith('no-restricted-imports'))).toHaveLength(2);
    expect(found).toContainEqual(expect.stringContaining('no-restricted-globals'));
  });

  test('allow localforage only in src/storage', async () => {
    const code = "import localforage from 'localforage';\nexport const x = localforage;\n";
    expect(await messages(code, 'src/features/example.ts')).toContainEqual(expect.stringContaining('Only src/storage talks to localforage.'));
    expect(await messages(code, 'src/storage/example.ts')).toEqual([]);
  });

  test('allow the SCORM API globals only in src/lms', async () => {
    const code = 'export const api = window.API_1484_11;\n';
    expect(await messages(code, 'src/features/example.ts')).toContainEqual(expect.stringContaining('Only src/lms touches the SCORM API globals.'));
    expect(await messages(code, 'src/lms/example.ts')).toEqual([]);
  });

  test('pass for a pure domain module', async () => {
    expect(await messages("import { shuffle } from './random.ts';\nexport const s = shuffle([1, 2], 1);\n", 'src/domain/example.ts')).toEqual([]);
  });
});

const ZONE = 'import-x/no-restricted-paths';
const PURE = 'src/domain and src/exporters are pure: pass what you need in as an argument.';
const HIDDEN = 'src/domain and src/exporters take no hidden inputs: pass the time or a seed in as an argument.';
const SCORM = 'Only src/lms touches the SCORM API globals.';

/** The messages of one rule, for code linted as if it were the file at filePath. */
async function hits(rule: string, code: string, filePath: string): Promise<string[]> {
  return (await messages(code, filePath)).filter((m) => m.startsWith(`${rule}: `));
}

describe('the pure code (src/domain, src/exporters)', () => {
  test.each(['src/domain/example.tsx', 'src/exporters/example.tsx'])('fails for a .tsx file: %s', async (filePath) => {
    expect(await messages('export const x = 1;\n', filePath)).toContainEqual(expect.stringContaining('no .tsx files'));
  });

  test.each([
    ["import course from 'virtual:course';\nexport const x = course;\n", 'no virtual:* modules'],
    ["import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'no node:* modules'],
    ["import { join } from 'path';\nexport const x = join;\n", 'no Node built-ins'],
    ["import { loadCourse } from '../../scripts/content/load-course.ts';\nexport const x = loadCourse;\n", 'the app never imports scripts/'],
  ])('fails for an import that only exists at build time or in Node: %s', async (code, message) => {
    for (const filePath of ['src/domain/example.ts', 'src/exporters/example.ts'])
      expect((await messages(code, filePath)).join('\n')).toContain(message);
  });

  test('lets a domain test read fixtures from disk and load the course with the build-time loader', async () => {
    const code =
      "import { readFileSync } from 'node:fs';\nimport { loadCourse } from '../../scripts/content/load-course.ts';\nexport const x = [readFileSync, loadCourse];\n";
    expect(await messages(code, 'src/domain/example.test.ts')).toEqual([]);
  });

  test.each([
    'globalThis.localStorage.getItem("k")',
    "globalThis['localStorage']",
    'self.postMessage(1)',
    'new BroadcastChannel("zx")',
    'new XMLHttpRequest()',
    'crypto.randomUUID()',
    'globalThis.crypto.randomUUID()',
    'window.crypto.randomUUID()',
    'globalThis.performance',
  ])('fails for the browser reached from pure code: %s', async (expression) => {
    for (const filePath of ['src/domain/example.ts', 'src/exporters/example.ts'])
      expect(await messages(`export const x = ${expression};\n`, filePath)).toContainEqual(expect.stringContaining(PURE));
  });

  test('fails for the browser destructured from the global object', async () => {
    expect(await messages('const { crypto } = globalThis;\nexport const x = crypto;\n', 'src/domain/example.ts')).toContainEqual(expect.stringContaining(PURE));
  });

  test.each(['Date.now()', 'new Date()', 'Date()', 'Math.random()', 'performance.now()'])('fails for a hidden input: %s', async (expression) => {
    for (const filePath of ['src/domain/example.ts', 'src/exporters/example.ts'])
      expect(await messages(`export const x = ${expression};\n`, filePath)).toContainEqual(expect.stringContaining(HIDDEN));
  });

  test('fails for the clock read by destructuring', async () => {
    expect(await messages('const { now } = Date;\nexport const x = now();\n', 'src/domain/example.ts')).toContainEqual(expect.stringContaining(HIDDEN));
  });

  test('passes for time and randomness passed in', async () => {
    const code =
      "import { shuffle } from './random.ts';\nexport const at = (now: number) => new Date(now).toISOString();\nexport const day = Date.UTC(2026, 0, 1);\nexport const s = (seed: number) => shuffle([1, 2], seed);\n";
    expect(await messages(code, 'src/domain/example.ts')).toEqual([]);
    expect(await messages(code, 'src/exporters/example.ts')).toEqual([]);
  });

  test('leaves the clock to the UI, which passes it in', async () => {
    expect(await messages('export const x = [Date.now(), new Date(), Math.random()];\n', 'src/features/example.ts')).toEqual([]);
  });
});

describe('the SCORM API globals', () => {
  test.each([
    "declare const w: Window;\nexport const api = w['API'];\n",
    'declare const w: Window;\nexport const api = w["API_1484_11"];\n',
    'declare const w: Window;\nexport const api = w[`API_1484_11`];\n',
    'const { API_1484_11 } = window;\nexport const api = API_1484_11;\n',
    "const { 'API': api } = window;\nexport { api };\n",
    "declare const w: Window;\nexport const found = 'API' in w;\n",
  ])('are reached only from src/lms: %s', async (code) => {
    expect(await messages(code, 'src/features/example.ts')).toContainEqual(expect.stringContaining(SCORM));
    expect(await messages(code, 'src/lrs/example.ts')).toContainEqual(expect.stringContaining(SCORM));
    // the composition that links the LMS to the store goes through src/lms as well
    expect(await messages(code, 'src/app/example.ts')).toContainEqual(expect.stringContaining(SCORM));
    expect(await messages(code, 'src/lms/example.ts')).toEqual([]);
  });
});

describe('the import zones', () => {
  test.each([
    ['src/lms/example.ts', "import { useStore } from '../state/store.ts';"],
    ['src/lms/example.ts', "import { PageHeading } from '../ui/page-heading.tsx';"],
    ['src/lrs/example.ts', "import { App } from '../app/app.tsx';"],
    ['src/lrs/example.ts', "import { currentProgress } from '../state/store.ts';"],
    ['src/pwa/example.ts', "import { UpdatePrompt } from '../features/offline/update-prompt.tsx';"],
    ['src/pwa/example.ts', "import { mdxComponents } from '../mdx/registry.tsx';"],
  ])('keep %s a leaf: %s', async (filePath, line) => {
    const found = await hits(ZONE, `${line}\nexport const x = 1;\n`, filePath);
    expect(found.join('\n')).toContain('src/lms, src/lrs and src/pwa are leaves');
  });

  test('let src/lms, src/lrs and src/pwa import the domain, the exporters and storage', async () => {
    const code = "import { emptyProgress } from '../domain/progress.ts';\nimport { memoryStore } from '../storage/storage.ts';\nexport const x = [emptyProgress, memoryStore];\n";
    for (const filePath of ['src/lms/example.ts', 'src/lrs/example.ts', 'src/pwa/example.ts']) expect(await messages(code, filePath)).toEqual([]);
  });

  test('let src/mdx import features and src/ui, but no feature import src/mdx', async () => {
    const registry = "import { Quiz } from '../features/quiz/quiz.tsx';\nimport { PageHeading } from '../ui/page-heading.tsx';\nexport const components = { Quiz, PageHeading };\n";
    expect(await messages(registry, 'src/mdx/example.tsx')).toEqual([]);
    const found = await hits(ZONE, "import { mdxComponents } from '../../mdx/registry.tsx';\nexport const x = mdxComponents;\n", 'src/features/player/example.tsx');
    expect(found.join('\n')).toContain('features do not import src/mdx');
  });

  test.each([
    "import { Quiz } from '../features/quiz/quiz.tsx';",
    "import { App } from '../app/app.tsx';",
    "import { useStore } from '../state/store.ts';",
    "import { mdxComponents } from '../mdx/registry.tsx';",
  ])('keep src/ui presentational: %s', async (line) => {
    const found = await hits(ZONE, `${line}\nexport const x = 1;\n`, 'src/ui/example.tsx');
    expect(found.join('\n')).toContain('src/ui is presentational');
  });

  test('let src/ui use the domain and i18n', async () => {
    const code = "import { useTranslation } from '../i18n/use-translation.ts';\nimport { correctAnswer } from '../domain/scoring.ts';\nexport const x = [useTranslation, correctAnswer];\n";
    expect(await messages(code, 'src/ui/example.tsx')).toEqual([]);
  });

  test.each([
    "import { Quiz } from '../quiz/quiz.tsx';\nexport const x = Quiz;\n",
    "export const load = () => import('../learner/learner-panel.tsx');\n",
  ])('fail when one feature imports another: %s', async (code) => {
    const found = await hits(ZONE, code, 'src/features/assessment/example.tsx');
    expect(found.join('\n')).toContain('a feature never imports another feature');
  });

  test('let a feature import its own files and src/ui', async () => {
    const code = "import { loadBank } from './bank.ts';\nimport { QuestionView } from '../../ui/question-view.tsx';\nexport const x = [loadBank, QuestionView];\n";
    expect(await messages(code, 'src/features/assessment/example.tsx')).toEqual([]);
  });

  test('let only feature tests import the shared test builders', async () => {
    const fromFeature = "import { quiz } from '../test-builders.ts';\nexport const x = quiz;\n";
    expect(await messages(fromFeature, 'src/features/quiz/example.test.tsx')).toEqual([]);
    expect((await hits(ZONE, fromFeature, 'src/features/quiz/example.tsx')).join('\n')).toContain('for feature tests only');
    const fromState = "import { quiz } from '../features/test-builders.ts';\nexport const x = quiz;\n";
    expect((await hits(ZONE, fromState, 'src/state/example.test.ts')).join('\n')).toContain('for feature tests only');
  });

  test('fail when app code imports scripts/', async () => {
    const found = await hits(ZONE, "import { loadCourse } from '../../../scripts/content/load-course.ts';\nexport const x = loadCourse;\n", 'src/features/player/example.ts');
    expect(found.join('\n')).toContain('the app never imports scripts/');
  });
});
