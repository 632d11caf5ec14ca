// Lint: TypeScript, React hooks, accessibility, and the one-way import boundaries of DESIGN.md.
import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const UI_AND_SIDE_EFFECTS = [
  { group: ['react', 'react-dom', 'react-dom/*', 'react/*', '@mdx-js/*'], message: 'src/domain and src/exporters are pure: no React.' },
  { group: ['**/i18n/**'], message: 'src/domain and src/exporters are pure: no i18n; return ids, let the UI translate.' },
  { group: ['localforage', 'zustand', 'zustand/*', '**/storage/**', '**/state/**'], message: 'src/domain and src/exporters are pure: no storage or state.' },
  { group: ['**/lms/**', '**/lrs/**', '**/features/**', '**/ui/**', '**/app/**', '**/mdx/**', '**/pwa/**'], message: 'src/domain and src/exporters import only each other.' },
];
// what only exists at build time or in Node; their tests may still read fixtures and load the course from disk
const BUILD_TIME_ONLY = [
  { group: ['virtual:*'], message: 'src/domain and src/exporters are pure: no virtual:* modules; take the course manifest as an argument.' },
  { group: ['node:*'], message: 'src/domain and src/exporters run in the browser too: no node:* modules.' },
];
// exact names (not patterns): a pattern "domain" or "path" would also match relative imports such as ../domain/x.ts
const NODE_BUILTINS = builtinModules.map((name) => ({ name, message: 'src/domain and src/exporters run in the browser too: no Node built-ins.' }));

const BROWSER = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'fetch', 'self', 'BroadcastChannel', 'XMLHttpRequest', 'WebSocket', 'crypto', 'caches'];
const DOM_GLOBALS = BROWSER.map((name) => ({
  name,
  message: 'src/domain and src/exporters are pure: pass what you need in as an argument.',
}));
const HIDDEN_INPUT = 'src/domain and src/exporters take no hidden inputs: pass the time or a seed in as an argument.';
const HIDDEN_INPUTS = [
  { object: 'Date', property: 'now', message: HIDDEN_INPUT },
  { object: 'Math', property: 'random', message: HIDDEN_INPUT },
  { object: 'performance', property: 'now', message: HIDDEN_INPUT },
];

// window.API, w['API'], w[`API_1484_11`], const { API_1484_11 } = window, 'API' in w
const SCORM_NAME = '/^(API|API_1484_11)$/';
const SCORM_API = [
  `MemberExpression[property.name=${SCORM_NAME}]`,
  `MemberExpression[computed=true][property.value=${SCORM_NAME}]`,
  `MemberExpression[computed=true][property.type='TemplateLiteral'][property.expressions.length=0][property.quasis.0.value.cooked=${SCORM_NAME}]`,
  `ObjectPattern > Property[key.name=${SCORM_NAME}]`,
  `ObjectPattern > Property[key.value=${SCORM_NAME}]`,
  `BinaryExpression[operator='in'][left.value=${SCORM_NAME}]`,
].map((selector) => ({ selector, message: 'Only src/lms touches the SCORM API globals.' }));

// the browser reached through the global object (globalThis.localStorage, globalThis['crypto'], const { crypto } = globalThis)
const GLOBAL_OBJECT = '/^(globalThis|global)$/';
const BROWSER_NAME = `/^(${[...BROWSER, 'performance'].join('|')})$/`;
const PURE = [
  ...[
    `MemberExpression[object.name=${GLOBAL_OBJECT}][property.name=${BROWSER_NAME}]`,
    `MemberExpression[object.name=${GLOBAL_OBJECT}][computed=true][property.value=${BROWSER_NAME}]`,
    `VariableDeclarator[init.name=${GLOBAL_OBJECT}] > ObjectPattern`,
  ].map((selector) => ({ selector, message: 'src/domain and src/exporters are pure: pass what you need in as an argument.' })),
  // new Date() and Date() read the clock; new Date(ms) does not
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: HIDDEN_INPUT },
  { selector: "CallExpression[callee.name='Date']", message: HIDDEN_INPUT },
];
const NO_TSX = { selector: 'Program', message: 'src/domain and src/exporters are plain TypeScript: no .tsx files; components live in src/features or src/ui.' };

const FEATURES = readdirSync(join(import.meta.dirname, 'src/features'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** The one-way import zones of DESIGN.md's layout. Tests may import scripts/ (fixtures, the content loader); feature tests may import the shared test builders. */
function zones({ test = false, featureTest = false } = {}) {
  return [
    { target: './src/features', from: './src/app', message: 'features do not import the app shell' },
    { target: './src/features', from: './src/mdx', message: 'features do not import src/mdx: the app hands the registry to MDX' },
    ...FEATURES.map((f) => ({
      target: `./src/features/${f}`,
      from: './src/features',
      except: [`./${f}`, './test-builders.ts'],
      message: 'a feature never imports another feature: what two features share moves to src/ui (pages compose through the app)',
    })),
    ...(featureTest ? [] : [{ target: './src', from: './src/features/test-builders.ts', message: 'the shared test builders are for feature tests only' }]),
    { target: './src/ui', from: ['./src/features', './src/app', './src/state', './src/mdx'], message: 'src/ui is presentational: no features, app shell, store or src/mdx; take data as props' },
    {
      target: ['./src/lms', './src/lrs', './src/pwa'],
      from: ['./src/features', './src/ui', './src/app', './src/state', './src/mdx', './src/i18n'],
      message: 'src/lms, src/lrs and src/pwa are leaves: they import domain, exporters and storage, never UI, state or the app',
    },
    { target: './src/state', from: ['./src/features', './src/ui', './src/app', './src/mdx'], message: 'state does not import UI' },
    { target: './src/storage', from: ['./src/features', './src/ui', './src/app', './src/state', './src/mdx'], message: 'storage is a leaf' },
    { target: './src/i18n', from: ['./src/features', './src/ui', './src/app', './src/state', './src/mdx'], message: 'i18n is a leaf' },
    ...(test ? [] : [{ target: './src', from: './scripts', message: 'the app never imports scripts/: build-time code stays out of the bundle' }]),
  ];
}

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'coverage/', 'node_modules/', 'tests/lint-fixtures/', 'bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, 'import-x': importX },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.strict.rules,
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['localforage'], message: 'Only src/storage talks to localforage.' }] }],
      'no-restricted-syntax': ['error', ...SCORM_API],
    },
  },
  {
    files: ['src/domain/**/*.{ts,tsx}', 'src/exporters/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: NODE_BUILTINS, patterns: [...UI_AND_SIDE_EFFECTS, ...BUILD_TIME_ONLY] }],
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
      'no-restricted-properties': ['error', ...HIDDEN_INPUTS],
      'no-restricted-syntax': ['error', ...SCORM_API, ...PURE],
    },
  },
  { files: ['src/domain/**/*.tsx', 'src/exporters/**/*.tsx'], rules: { 'no-restricted-syntax': ['error', ...SCORM_API, ...PURE, NO_TSX] } },
  { files: ['src/domain/**/*.test.ts', 'src/exporters/**/*.test.ts'], rules: { 'no-restricted-imports': ['error', { patterns: UI_AND_SIDE_EFFECTS }] } },
  { files: ['**/*.d.ts'], rules: { '@typescript-eslint/consistent-type-imports': 'off' } },
  { files: ['src/storage/**/*.ts'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['src/lms/**/*.{ts,tsx}'], rules: { 'no-restricted-syntax': 'off' } },
  // features never reach up into the app shell or across to each other; shared layers never reach into features
  { files: ['src/**/*.{ts,tsx}'], rules: { 'import-x/no-restricted-paths': ['error', { zones: zones() }] } },
  { files: ['src/**/*.test.{ts,tsx}'], rules: { 'import-x/no-restricted-paths': ['error', { zones: zones({ test: true }) }] } },
  { files: ['src/features/**/*.test.{ts,tsx}'], rules: { 'import-x/no-restricted-paths': ['error', { zones: zones({ test: true, featureTest: true }) }] } },
  {
    files: ['scripts/**/*.ts', 'tests/**/*.ts', '*.config.ts', '*.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
