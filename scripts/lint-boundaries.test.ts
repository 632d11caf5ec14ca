import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

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
      "import i18next from 'i18next';\nimport localforage from 'localforage';\nexport const x = [i18next, localforage, window.location];\n",
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
