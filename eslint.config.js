// Lint: TypeScript, React hooks, accessibility, and the one-way import boundaries of DESIGN.md.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const UI_AND_SIDE_EFFECTS = [
  { group: ['react', 'react-dom', 'react-dom/*', 'react/*', 'react-router', '@mdx-js/*'], message: 'src/domain and src/exporters are pure: no React.' },
  { group: ['i18next', 'react-i18next', '**/i18n/**'], message: 'src/domain and src/exporters are pure: no i18n; return ids, let the UI translate.' },
  { group: ['localforage', 'zustand', 'zustand/*', '**/storage/**', '**/state/**'], message: 'src/domain and src/exporters are pure: no storage or state.' },
  { group: ['**/lms/**', '**/features/**', '**/app/**', '**/mdx/**', '**/pwa/**'], message: 'src/domain and src/exporters import only each other.' },
];
const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'fetch'].map((name) => ({
  name,
  message: 'src/domain and src/exporters are pure: pass what you need in as an argument.',
}));

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
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name=/^(API|API_1484_11)$/]", message: 'Only src/lms touches the SCORM API globals.' },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/exporters/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: UI_AND_SIDE_EFFECTS }],
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
    },
  },
  { files: ['**/*.d.ts'], rules: { '@typescript-eslint/consistent-type-imports': 'off' } },
  { files: ['src/storage/**/*.ts'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['src/lms/**/*.ts'], rules: { 'no-restricted-syntax': 'off' } },
  {
    // features never reach up into the app shell; shared layers never reach into features
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/features', from: './src/app', message: 'features do not import the app shell' },
            { target: './src/state', from: ['./src/features', './src/app'], message: 'state does not import UI' },
            { target: './src/storage', from: ['./src/features', './src/app', './src/state'], message: 'storage is a leaf' },
            { target: './src/i18n', from: ['./src/features', './src/app', './src/state'], message: 'i18n is a leaf' },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.ts', 'tests/**/*.ts', '*.config.ts', '*.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
